import { ApiProperty } from '@nestjs/swagger';
import type { PactAvailability } from '@sal/domain';

/** The person's availability clauses (art. 20 c.3 D.lgs. 150/2015), as a pact version holds them. */
export class PactAvailabilityDto implements PactAvailability {
  @ApiProperty({ description: 'Available for orientation workshops', example: true })
  workshops!: boolean;

  @ApiProperty({ description: 'Available for training courses', example: true })
  training!: boolean;

  @ApiProperty({ description: 'Will accept suitable job offers (offerta congrua)', example: true })
  suitableOffers!: boolean;
}
