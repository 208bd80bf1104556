import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { RecordIntakeInput } from '@sal/contracts';
import { IsIsoInstant } from '../../common/validators/iso-dates.validator';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** The presa in carico: an operator formally takes the person in charge after the reception interview. */
export class RecordIntakeDto implements RecordIntakeInput {
  @ApiProperty({ description: 'Operator who takes the person in charge', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({
    description: 'When it happened: ISO-8601 date-time with offset, not in the future, not before the DID date; defaults to now',
    example: '2026-01-20T10:30:00+01:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsIsoInstant()
  takenInChargeAt?: string;

  @ApiPropertyOptional({ description: 'Notes of the reception interview (at most 2000 characters)', example: 'Interested in logistics; holds a forklift licence', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
