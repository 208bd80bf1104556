import { ApiProperty } from '@nestjs/swagger';
import type { ProgrammeCatalogue } from '@sal/domain';
import { JourneyClocksDto } from './journey-clocks.dto';

/** One version of a programme catalogue. Versions never change: publishing makes the next one. */
export class ProgrammeCatalogueDto implements ProgrammeCatalogue {
  @ApiProperty({ description: 'Programme code', example: 'GOL-1' })
  code!: string;

  @ApiProperty({ description: 'Version: 1 for the first definition, then one more for each `PUT`', example: 2, minimum: 1 })
  version!: number;

  @ApiProperty({ description: 'Title', example: 'GOL percorso 1 – Reinserimento lavorativo' })
  title!: string;

  @ApiProperty({ description: 'The clocks journeys started on this version run with', type: () => JourneyClocksDto })
  clocks!: JourneyClocksDto;
}
