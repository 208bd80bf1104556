import { ApiProperty } from '@nestjs/swagger';
import type { JourneyClocks } from '@sal/domain';

const DURATION = 'ISO-8601 duration (P7D, PT12H, PT30S), or null to turn this clock off';

/** The clocks a programme catalogue gives its journeys; a journey keeps those of the version it started with. */
export class JourneyClocksDto implements JourneyClocks {
  @ApiProperty({ description: `How long before a pact action falls due the person is reminded. ${DURATION}`, example: 'P2D', type: String, nullable: true })
  reminderBeforeDue!: string | null;

  @ApiProperty({
    description: `How long an overdue action, a missed agreed contact or a missed pact deadline may last before the office's supervisors are told. ${DURATION}`,
    example: 'P7D',
    type: String,
    nullable: true,
  })
  escalationAfter!: string | null;

  @ApiProperty({ description: `How long after the presa in carico the pact must be signed. ${DURATION}`, example: 'P30D', type: String, nullable: true })
  pactDeadline!: string | null;

  @ApiProperty({
    description: `How long without progress (intake, pact, a completed action, a contact) makes a journey stalled. ${DURATION}`,
    example: 'P60D',
    type: String,
    nullable: true,
  })
  stallAfter!: string | null;
}
