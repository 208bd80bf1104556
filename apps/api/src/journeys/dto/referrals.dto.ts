import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REFERRAL_OUTCOMES, REFERRAL_TARGETS, type ReferralOutcome, type ReferralTarget } from '@sal/domain';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** A referral to another service: a training body, the social services (GOL path 4), health services… */
export class MakeReferralDto {
  @ApiProperty({ description: 'Where the person is referred', enum: REFERRAL_TARGETS, example: 'training_body' })
  @IsIn(REFERRAL_TARGETS, { message: `must be one of ${REFERRAL_TARGETS.join(', ')}` })
  to!: ReferralTarget;

  @ApiProperty({ description: 'The organisation (1-200 characters)', example: 'Ente di formazione CIOFS Piemonte', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  organisation!: string;

  @ApiProperty({ description: 'Why (1-2000 characters)', example: 'Forklift licence course', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  reason!: string;

  @ApiProperty({ description: 'Operator who refers', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;
}

/** What came of a referral (recorded once). */
export class RecordReferralOutcomeDto {
  @ApiProperty({ description: '`taken_up` (the person started), `completed`, or `declined`', enum: REFERRAL_OUTCOMES, example: 'taken_up' })
  @IsIn(REFERRAL_OUTCOMES, { message: `must be one of ${REFERRAL_OUTCOMES.join(', ')}` })
  outcome!: ReferralOutcome;

  @ApiProperty({ description: 'Operator who records it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({ description: 'Note (1-2000 characters)', example: 'Enrolled in the March course', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  note?: string;
}
