import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { BENEFIT_STATUSES, JOURNEY_STAGES, JOURNEY_STATUSES, type BenefitStatus, type JourneyStage, type JourneyStatus } from '@sal/domain';
import { JOURNEY_SORTS, type JourneySort } from '@sal/persistence';
import { PageQuery } from '../../common/dto/page.query';
import { OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../../common/input-rules';
import { BooleanQuery } from '../../common/dto/boolean-query';
import { OFFICE_ID_PATTERN, PROGRAMME_CODE_PATTERN } from './input-rules';

/** Filters and page of `GET /journeys`. */
export class ListJourneysQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only journeys of this office', example: 'CPI-MI-01' })
  @IsOptional()
  @Matches(OFFICE_ID_PATTERN, { message: 'must be 1-64 characters: letters, digits, _ or -' })
  officeId?: string;

  @ApiPropertyOptional({ description: 'Only journeys of this programme', example: 'GOL-1' })
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'must be 2-32 characters: upper-case letters, digits, _ or -' })
  programmeCode?: string;

  @ApiPropertyOptional({ description: 'Only journeys at this stage', enum: JOURNEY_STAGES, example: 'pact_active' })
  @IsOptional()
  @IsIn(JOURNEY_STAGES, { message: `must be one of ${JOURNEY_STAGES.join(', ')}` })
  stage?: JourneyStage;

  @ApiPropertyOptional({ description: 'Only open or only closed journeys', enum: JOURNEY_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(JOURNEY_STATUSES, { message: `must be one of ${JOURNEY_STATUSES.join(', ')}` })
  status?: JourneyStatus;

  @ApiPropertyOptional({ description: '`true`: only journeys with an overdue action; `false`: only journeys without', enum: ['true', 'false'], example: 'true' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    description: '`true`: only stalled journeys (an overdue action, a missed contact, a pact not signed in time, or no progress); `false`: only journeys that are not',
    enum: ['true', 'false'],
    example: 'true',
  })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  stalled?: boolean;

  @ApiPropertyOptional({
    description: 'Only journeys whose benefit (the one claimed last) has this status now: `claimed` or `granted` (it runs), `refused`, `suspended`, `ended`',
    enum: BENEFIT_STATUSES,
    example: 'suspended',
  })
  @IsOptional()
  @IsIn(BENEFIT_STATUSES, { message: `must be one of ${BENEFIT_STATUSES.join(', ')}` })
  benefitStatus?: BenefitStatus;

  @ApiPropertyOptional({
    description: 'Only journeys assigned to this operator: responsible for the pact, or before one, who took the person in charge (the console\'s "assigned to me")',
    example: 'op-milano-017',
  })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  assignedTo?: string;

  @ApiPropertyOptional({
    description: '`newest` (started last first), `oldest`, `next_deadline` (the earliest pending deadline first, none last), `recently_updated` (changed last first)',
    enum: JOURNEY_SORTS,
    default: JOURNEY_SORTS[0],
    example: 'next_deadline',
  })
  @IsOptional()
  @IsIn(JOURNEY_SORTS, { message: `must be one of ${JOURNEY_SORTS.join(', ')}` })
  sort: JourneySort = JOURNEY_SORTS[0];
}
