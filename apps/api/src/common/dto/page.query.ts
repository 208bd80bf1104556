import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The highest page any list serves. Beyond it a list would only skip rows (and a huge page overflows PostgreSQL's
 * OFFSET): it is refused with 400 naming `page`. 100,000 pages of 100 are ten million rows, more than any list holds.
 */
export const PAGE_MAX = 100_000;

/**
 * The `page` query parameter of a paginated list, from 1 to {@link PAGE_MAX}, 1 by default, documented with its
 * bounds. Lists that do not extend {@link PageQuery} (their own page size) put it on their own `page` field.
 */
export const PageNumber = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: `Page number, from 1 to ${PAGE_MAX}`, type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 1, example: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(PAGE_MAX),
  );

/**
 * The page of a paginated list: `page` from 1 to {@link PAGE_MAX}, `pageSize` 1-100. Query DTOs of lists extend it.
 * (`type: 'integer'` is explicit: an initialised field without a type annotation reflects as `Object`, which OpenAPI
 * would render as a bogus schema.)
 */
export class PageQuery {
  @PageNumber()
  page = 1;

  @ApiPropertyOptional({ description: 'Items per page, 1-100', type: 'integer', minimum: 1, maximum: 100, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}
