import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SIDE_EFFECT_STREAMS, type SideEffectStream } from '@sal/contracts';
import { PageQuery } from '../../common/dto/page.query';
import { OfficeScopeQuery } from '../../supervisor/dto/office-scope';

export class SideEffectFailuresQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];
}

/** A journey whose read model or notices are behind because a side effect keeps failing. */
export class SideEffectFailureDto {
  @ApiProperty({ example: 'jrn_3f1c…' })
  journeyId!: string;

  @ApiProperty({ example: 'CPI-TO-01' })
  officeId!: string;

  @ApiProperty({ enum: SIDE_EFFECT_STREAMS, description: '`projection` (the read model) or `notices` (the outbox)' })
  stream!: SideEffectStream;

  @ApiProperty({
    description: '`SideEffectDataError`: the data cannot be stored as it is and needs a fix (not retried every minute); `SideEffectUnavailable`: a dependency was down (retried)',
    example: 'SideEffectDataError',
  })
  type!: string;

  @ApiProperty({ description: 'Why, without any personal data: the PostgreSQL error code and what it means', example: 'PostgreSQL 22P05: a character the database cannot store (a NUL or an unpaired surrogate)' })
  error!: string;

  @ApiPropertyOptional({ description: 'The first journey event the projection could not write', type: 'integer', nullable: true })
  firstSeq!: number | null;

  @ApiProperty({ type: 'integer', example: 3 })
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  firstFailedAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastFailedAt!: string;
}

export class SideEffectFailurePageDto {
  @ApiProperty({ type: () => [SideEffectFailureDto] })
  items!: SideEffectFailureDto[];

  @ApiProperty({ type: 'integer' })
  page!: number;

  @ApiProperty({ type: 'integer' })
  pageSize!: number;

  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class SideEffectRetryDto {
  @ApiProperty({ example: 'jrn_3f1c…' })
  journeyId!: string;

  @ApiProperty({ description: 'The journey was asked to retry its failing side effects now', example: true })
  retryRequested!: boolean;
}
