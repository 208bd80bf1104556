import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `GET /programmes/{code}?version=N`: a given version instead of the latest. */
export class ProgrammeVersionQuery {
  @ApiPropertyOptional({ description: 'A given version (from 1); the latest when absent', type: 'integer', minimum: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
