import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { Trim } from '../../common/input-rules';
import { JourneyClocksDto } from './journey-clocks.dto';

/**
 * A new definition of a programme catalogue (the code comes from the path).
 *
 * The rules of a catalogue are the domain's own (`validateCatalogue` of `@sal/domain`, which the seed migration and
 * the journey rely on too), so this DTO only admits the two fields and the service checks them with that function:
 * one rule set, and problems named as a client writes them (`clocks.stallAfter`). Unknown top-level fields are still
 * refused by the global validation pipe, unknown clocks by `validateCatalogue`.
 */
export class PublishCatalogueDto {
  @ApiProperty({ description: 'Title, 1-200 characters (trimmed)', type: String, example: 'GOL percorso 1 – Reinserimento lavorativo', minLength: 1, maxLength: 200 })
  @Allow()
  @Trim()
  title!: unknown;

  @ApiProperty({ description: 'The four clocks; each is required, as a positive ISO-8601 duration or null', type: () => JourneyClocksDto })
  @Allow()
  clocks!: unknown;
}
