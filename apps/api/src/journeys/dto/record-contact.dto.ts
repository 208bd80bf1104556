import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CONTACT_CHANNELS, type ContactChannel } from '@sal/domain';
import type { RecordContactInput } from '@sal/contracts';
import { IsIsoInstant } from '../../common/validators/iso-dates.validator';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** A contact between the person and the operator, as the pact's contact frequency asks. */
export class RecordContactDto implements RecordContactInput {
  @ApiProperty({ description: 'Operator who had the contact', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiProperty({ description: 'How it happened', enum: CONTACT_CHANNELS, example: 'phone' })
  @IsIn(CONTACT_CHANNELS, { message: `must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel!: ContactChannel;

  @ApiPropertyOptional({
    description: 'When it happened: ISO-8601 date-time with offset, not in the future, not before the signing nor the last recorded contact; defaults to now',
    example: '2026-02-10T15:00:00+01:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsIsoInstant()
  contactedAt?: string;

  @ApiPropertyOptional({ description: 'Note (at most 2000 characters)', example: 'Reviewed the applications sent this month', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
