import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_KEYS } from '@sal/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const REGION_MESSAGE = `must be a region key: one of ${REGION_KEYS.join(', ')}`;

/** Issue 15: `?region=…`, the region whose catalogues a request reads or publishes (absent: the national ones). */
export class ProgrammeRegionQuery {
  @ApiPropertyOptional({
    description:
      "A region's key (`piemonte`, `lombardia`, `trento`, `bolzano`, …): its catalogues — for a read, the region's own version of each code, else the " +
      'national one (what its offices\' journeys pin); for a publish, a version of the region\'s own. Absent: the national catalogues.',
    enum: REGION_KEYS,
    example: 'piemonte',
  })
  @IsOptional()
  @IsIn(REGION_KEYS, { message: REGION_MESSAGE })
  region?: string;
}

/** `GET /programmes/{code}?version=N[&region=…]`: a given version instead of the latest (of the region's own when `region` is given). */
export class ProgrammeVersionQuery extends ProgrammeRegionQuery {
  @ApiPropertyOptional({
    description: "A given version (from 1), of the region's own versions when `region` is given, else of the national ones; the latest (the effective one in `region`) when absent",
    type: 'integer',
    minimum: 1,
    example: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
