import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { JOURNEY_STAGES, JOURNEY_STATUSES, type JourneyStage, type JourneyStatus } from '@sal/domain';
import { OFFICE_ID_PATTERN, PROGRAMME_CODE_PATTERN } from './input-rules';

/** Filters and page of `GET /journeys`. */
export class ListJourneysQuery {
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
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Page number, from 1', minimum: 1, default: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ description: 'Items per page, 1-100', minimum: 1, maximum: 100, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}
