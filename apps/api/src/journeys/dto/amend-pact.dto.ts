import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PROFILING_CLASSES, type ProfilingClass } from '@sal/domain';
import { ACTION_ID_PATTERN } from '../../common/pipes/pattern-param.pipes';
import { IsDueDate, IsIsoDuration } from '../../common/validators/iso-dates.validator';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';
import { PactActionInputDto, PactAvailabilityDto } from './sign-pact.dto';

/** A change to a pending or overdue action: a new due date (its reminder, overdue and escalation clocks restart) or description. */
export class PactActionChangeDto {
  @ApiProperty({ description: 'The action: pending or overdue (completed and withdrawn ones stay as they are)', example: 'A1', pattern: ACTION_ID_PATTERN.source })
  @Matches(ACTION_ID_PATTERN, { message: 'must be a pact action id such as A1' })
  actionId!: string;

  @ApiPropertyOptional({ description: 'New due date, in the future: YYYY-MM-DD (end of that day in Rome) or an ISO-8601 date-time with offset', example: '2026-05-31' })
  @IsOptional()
  @IsDueDate()
  dueDate?: string;

  @ApiPropertyOptional({ description: 'New description (1-2000 characters)', example: 'Apply to eight vacancies', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  description?: string;
}

/**
 * A new version of the pact. Only what is given changes; the journey keeps every version (`pactVersions`) and
 * recomputes every deadline from the new one.
 */
export class AmendPactDto {
  @ApiProperty({ description: 'Operator who amends the pact', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiProperty({ description: 'Why the pact changes (1-2000 characters)', example: 'The person starts a training course in April', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  reason!: string;

  @ApiPropertyOptional({ description: 'A new responsible operator', example: 'op-milano-022', pattern: OPERATOR_ID_PATTERN.source })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  responsibleOperatorId?: string;

  @ApiPropertyOptional({ description: 'A new profiling class', enum: PROFILING_CLASSES, example: 'high' })
  @IsOptional()
  @IsIn(PROFILING_CLASSES, { message: `must be one of ${PROFILING_CLASSES.join(', ')}` })
  profilingClass?: ProfilingClass;

  @ApiPropertyOptional({ description: 'A new contact frequency: ISO-8601 duration (the next contact falls due from the last one with it)', example: 'P15D' })
  @IsOptional()
  @IsIsoDuration()
  contactFrequency?: string;

  @ApiPropertyOptional({ description: 'A new way of proving job search (1-1000 characters)', example: 'Fortnightly report of applications sent', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  jobSearchProof?: string;

  @ApiPropertyOptional({ description: 'New availability clauses (all three)', type: () => PactAvailabilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PactAvailabilityDto)
  @IsObject({ message: 'must be an object' })
  availability?: PactAvailabilityDto;

  @ApiPropertyOptional({ description: 'Actions changed, at most 50, each at most once', type: () => [PactActionChangeDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each change must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PactActionChangeDto)
  changeActions?: PactActionChangeDto[];

  @ApiPropertyOptional({ description: 'Actions added, at most 50; numbered after the existing ones', type: () => [PactActionInputDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each action must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PactActionInputDto)
  addActions?: PactActionInputDto[];

  @ApiPropertyOptional({
    description: 'Pending or overdue actions withdrawn (they stay in the history and in the earlier versions); the pact keeps at least one action',
    type: [String],
    example: ['A2'],
    maxItems: 50,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ACTION_ID_PATTERN, { each: true, message: 'each must be a pact action id such as A1' })
  withdrawActionIds?: string[];
}
