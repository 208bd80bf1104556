import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JUSTIFICATION_REASONS, type JustificationReason } from '@sal/domain';
import { IsIsoInstant } from '../../common/validators/iso-dates.validator';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** A valid excuse (giustificato motivo) for a no-show or a refused suitable offer. */
export class JustifyLapseDto {
  @ApiProperty({
    description:
      'The excuse, from the closed list: documented illness or injury, civil or military service, pregnancy leave, court summons, documented serious family reasons, legal limits on mobility, other proven force majeure',
    enum: JUSTIFICATION_REASONS,
    example: 'illness_or_injury',
  })
  @IsIn(JUSTIFICATION_REASONS, { message: `must be one of ${JUSTIFICATION_REASONS.join(', ')}` })
  reason!: JustificationReason;

  @ApiPropertyOptional({
    description: 'A reference to the evidence kept elsewhere (a protocol number, 1-100 characters), never the evidence itself: it is often health data',
    example: 'PROT-2026-0042',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  evidenceRef?: string;

  @ApiProperty({ description: 'Operator who records it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({
    description:
      'For an excuse after the window closed: when the impediment ended (ISO-8601 date-time with offset, not in the future, not before the lapse). The excuse is then due within the window counted from it, and a proposed step is withdrawn; a confirmed sanction is contested by appeal instead.',
    example: '2026-03-05T18:00:00+01:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsIsoInstant()
  impedimentEndedAt?: string;
}

/** The operator confirms a proposed conditionality step: the sanction is decided now. */
export class ConfirmConditionalityStepDto {
  @ApiProperty({ description: 'Operator who decides', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({ description: 'Note on the decision (1-2000 characters)', example: 'No justification received', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  note?: string;
}

/** The operator dismisses a proposed conditionality step: no sanction. */
export class DismissConditionalityStepDto {
  @ApiProperty({ description: 'Operator who decides', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiProperty({ description: 'Why no sanction follows (1-2000 characters)', example: 'The convocation reached the person late', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  reason!: string;
}
