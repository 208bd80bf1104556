import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ImportRowFilter } from '@sal/persistence';

export const IMPORT_ROW_FILTERS = ['ok', 'refused', 'started', 'refused_at_run', 'pending'] as const satisfies readonly ImportRowFilter[];
/** Rows a page of `GET /imports/{batchId}/rows` lists at most. */
export const IMPORT_ROWS_MAX = 1000;

/**
 * Filter and window of `GET /imports/{batchId}/rows`: the rows after a line (keyset paging, so the 1,000th page of a
 * 100,000-row list costs what the first does), `limit` at a time.
 */
export class ImportRowsQuery {
  @ApiPropertyOptional({
    description: '`ok` / `refused`: the preview\'s verdict (`refused` also counts rows the run refused); `started`, `refused_at_run`, `pending`: what the run did',
    enum: IMPORT_ROW_FILTERS,
  })
  @IsOptional()
  @IsIn(IMPORT_ROW_FILTERS, { message: `must be one of ${IMPORT_ROW_FILTERS.join(', ')}` })
  verdict?: ImportRowFilter;

  @ApiPropertyOptional({ description: 'Only rows after this line (the previous answer\'s `nextAfterLine`); 0: from the first', type: 'integer', minimum: 0, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  afterLine = 0;

  @ApiPropertyOptional({ description: `Rows per answer, 1-${IMPORT_ROWS_MAX}`, type: 'integer', minimum: 1, maximum: IMPORT_ROWS_MAX, default: 100, example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(IMPORT_ROWS_MAX)
  limit = 100;
}
