import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The page of a paginated list: `page` from 1, `pageSize` 1-100. Query DTOs of lists extend it. (`type: 'integer'`
 * is explicit: an initialised field without a type annotation reflects as `Object`, which OpenAPI would render as a
 * bogus schema.)
 */
export class PageQuery {
  @ApiPropertyOptional({ description: 'Page number, from 1', type: 'integer', minimum: 1, default: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ description: 'Items per page, 1-100', type: 'integer', minimum: 1, maximum: 100, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}
