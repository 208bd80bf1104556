import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { JOURNEY_STAGES, PACT_ACTION_KINDS, PAUSE_KINDS, STALL_REASONS, type JourneyStage, type PactActionKind, type PauseKind, type StallReason } from '@sal/domain';
import { STALLED_SORTS } from '@sal/persistence';
import { BooleanQuery } from '../../common/dto/boolean-query';
import { PageQuery } from '../../common/dto/page.query';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../../common/input-rules';
import { IsIsoDate, IsNotBeforeDateOf } from '../../common/validators/iso-dates.validator';
import { OfficeScopeQuery } from './office-scope';

/** Stages an open journey can be at: a closed journey is never stalled. */
export const OPEN_STAGES = JOURNEY_STAGES.filter((s) => s !== 'closed');
/** One of the read model's orders of stalled cases (`STALLED_SORTS`, the default first). */
export type StalledSort = (typeof STALLED_SORTS)[number];
/** A century of days: beyond it a filter can only be a mistake. */
const MAX_DAYS = 36_500;

/** Filters and page of `GET /supervisor/stalled-cases`. */
export class StalledCasesQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only journeys of this operator (responsible for the pact, or who took the person in charge)', example: OPERATOR_ID_EXAMPLE })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId?: string;

  @ApiPropertyOptional({ description: 'Only journeys at this stage', enum: OPEN_STAGES, example: 'pact_active' })
  @IsOptional()
  @IsIn(OPEN_STAGES, { message: `must be one of ${OPEN_STAGES.join(', ')}` })
  stage?: JourneyStage;

  @ApiPropertyOptional({
    description: 'Only journeys stalled for this reason (among others): `overdue_action`, `missed_contact`, `pact_not_signed`, `no_progress`, `first_contact_missed`',
    enum: STALL_REASONS,
    example: 'overdue_action',
  })
  @IsOptional()
  @IsIn(STALL_REASONS, { message: `must be one of ${STALL_REASONS.join(', ')}` })
  reason?: StallReason;

  @ApiPropertyOptional({ description: 'Only journeys stalled for at least this many whole days', type: 'integer', minimum: 0, maximum: MAX_DAYS, example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  minDays?: number;

  @ApiPropertyOptional({ description: '`longest`: stalled longest first; `newest`: most recently stalled first', enum: STALLED_SORTS, default: STALLED_SORTS[0], example: STALLED_SORTS[0] })
  @IsOptional()
  @IsIn(STALLED_SORTS, { message: `must be one of ${STALLED_SORTS.join(', ')}` })
  sort: StalledSort = STALLED_SORTS[0];
}

/** Filters and page of `GET /supervisor/overdue-actions`. */
export class OverdueActionsQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only actions of pacts this operator is responsible for', example: OPERATOR_ID_EXAMPLE })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId?: string;

  @ApiPropertyOptional({ description: 'Only actions of this kind', enum: PACT_ACTION_KINDS, example: 'workshop' })
  @IsOptional()
  @IsIn(PACT_ACTION_KINDS, { message: `must be one of ${PACT_ACTION_KINDS.join(', ')}` })
  kind?: PactActionKind;

  @ApiPropertyOptional({ description: 'Only actions overdue for at least this many whole days', type: 'integer', minimum: 0, maximum: MAX_DAYS, example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  minDaysOverdue?: number;

  @ApiPropertyOptional({ description: "`true`: only actions already escalated to the office's supervisors; `false`: only those not yet", enum: ['true', 'false'], example: 'true' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  escalated?: boolean;
}

/** Filters and page of `GET /supervisor/pacts-awaiting-acceptance`. */
export class PactsAwaitingAcceptanceQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only journeys of this operator (responsible for the pact, or who took the person in charge)', example: OPERATOR_ID_EXAMPLE })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId?: string;

  @ApiPropertyOptional({ description: 'Only versions waiting for at least this many whole days since signed', type: 'integer', minimum: 0, maximum: MAX_DAYS, example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  minDays?: number;

  @ApiPropertyOptional({
    description: "`true`: only versions past the catalogue's `pactAcceptanceWindow` (the office's supervisors were told); `false`: only those within it (or without a window)",
    enum: ['true', 'false'],
    example: 'true',
  })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}

/** Filters and page of `GET /supervisor/profiling-reviews` (issue 14). */
export class ProfilingReviewsQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only journeys of this operator (responsible for the pact, or who took the person in charge)', example: OPERATOR_ID_EXAMPLE })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId?: string;
}

/** Office scope and period of `GET /supervisor/kpis`. */
export class KpisQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'First day of the period (YYYY-MM-DD, Rome calendar, inclusive); open-ended when absent', example: '2026-01-01', format: 'date' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of the period (YYYY-MM-DD, Rome calendar, inclusive), not before `from`; open-ended when absent', example: '2026-12-31', format: 'date' })
  @IsOptional()
  @IsIsoDate()
  @IsNotBeforeDateOf('from')
  to?: string;
}

/** Filters and page of `GET /supervisor/paused-journeys` (issue 14). */
export class PausedJourneysQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only journeys of this operator (responsible for the pact, or who took the person in charge)', example: OPERATOR_ID_EXAMPLE })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId?: string;

  @ApiPropertyOptional({ description: '`job`: suspended by a job (stage `suspended`); `absence`: in a justified long absence', enum: PAUSE_KINDS, example: 'job' })
  @IsOptional()
  @IsIn(PAUSE_KINDS, { message: `must be one of ${PAUSE_KINDS.join(', ')}` })
  kind?: PauseKind;

  @ApiPropertyOptional({ description: "`true`: only pauses past their expected end (a job's end not recorded yet); `false`: only those within it", enum: ['true', 'false'], example: 'true' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  pastExpectedEnd?: boolean;
}
