import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ImportRowFilter } from '@sal/persistence';
import { PageQuery } from '../../common/dto/page.query';

export const IMPORT_ROW_FILTERS = ['ok', 'refused', 'started', 'refused_at_run', 'pending'] as const satisfies readonly ImportRowFilter[];

/** Filter and page of `GET /imports/{batchId}/rows`. */
export class ImportRowsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: '`ok` / `refused`: the preview\'s verdict (`refused` also counts rows the run refused); `started`, `refused_at_run`, `pending`: what the run did',
    enum: IMPORT_ROW_FILTERS,
  })
  @IsOptional()
  @IsIn(IMPORT_ROW_FILTERS, { message: `must be one of ${IMPORT_ROW_FILTERS.join(', ')}` })
  verdict?: ImportRowFilter;
}
