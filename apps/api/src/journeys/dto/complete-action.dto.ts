import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoInstant } from '../../common/validators/iso-dates.validator';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** Records that the person completed a pact action (the action id comes from the path). */
export class CompletePactActionDto {
  @ApiProperty({ description: 'Operator who records the completion', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({
    description: 'When the person completed it: ISO-8601 date-time with offset, not in the future, not before the signing; defaults to now',
    example: '2026-02-10T15:00:00+01:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsIsoInstant()
  completedAt?: string;

  @ApiPropertyOptional({ description: 'Note (at most 2000 characters)', example: 'Certificate of attendance filed', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
