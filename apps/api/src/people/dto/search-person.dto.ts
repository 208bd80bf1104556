import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsFiscalCode } from '../../common/validators/fiscal-code.validator';

/** A search for a person by fiscal code: in a body, never in a URL. */
export class SearchPersonDto {
  @ApiProperty({
    description: 'Italian fiscal code of the person, validated as at the start of a journey (16 characters with its check character, or the 11-digit provisional code); upper-cased and trimmed',
    example: 'RSSMRA85T10A562S',
    minLength: 11,
    maxLength: 16,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsFiscalCode()
  fiscalCode!: string;
}
