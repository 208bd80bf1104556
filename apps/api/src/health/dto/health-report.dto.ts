import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TemporalHealthDto {
  @ApiProperty({ description: 'Whether Temporal answered GetSystemInfo within the health deadline', enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';

  @ApiProperty({ description: 'The Temporal frontend address the API uses', example: '127.0.0.1:7233' })
  address!: string;

  @ApiProperty({ description: 'The Temporal namespace the API uses', example: 'default' })
  namespace!: string;

  @ApiPropertyOptional({ description: 'Why it is down', example: '14 UNAVAILABLE: No connection established' })
  error?: string;
}

export class DatabaseHealthDto {
  @ApiProperty({ description: 'Whether PostgreSQL (the read model) answered SELECT 1', enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why it is down', example: 'connect ECONNREFUSED 127.0.0.1:5432' })
  error?: string;
}

/** What `GET /health` answers: 200 when every dependency is up, 503 otherwise (same body). */
export class HealthReportDto {
  @ApiProperty({ description: '`ok` when every dependency is up, `degraded` otherwise', enum: ['ok', 'degraded'], example: 'ok' })
  status!: 'ok' | 'degraded';

  @ApiProperty({ description: 'Temporal (journey workflows: commands and live state)', type: () => TemporalHealthDto })
  temporal!: TemporalHealthDto;

  @ApiProperty({ description: 'PostgreSQL (read model: lists and timelines)', type: () => DatabaseHealthDto })
  database!: DatabaseHealthDto;
}

/** What `GET /health/live` answers while the process serves HTTP. */
export class LivenessDto {
  @ApiProperty({ description: 'Always `ok`: the process answers', enum: ['ok'], example: 'ok' })
  status!: 'ok';
}
