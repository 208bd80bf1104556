import { ApiProperty } from '@nestjs/swagger';

/** A journey past retention a sweep left for a later one. */
export class RetentionSkipDto {
  @ApiProperty({ description: 'Journey id', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  journeyId!: string;

  @ApiProperty({ description: '`workflow_running`: its workflow has not finished (e.g. an appeal window still open)', enum: ['workflow_running'] })
  reason!: 'workflow_running';
}

/** What a finished sweep did. */
export class RetentionSweepOutcomeDto {
  @ApiProperty({ description: 'The instant retention was measured at (when the sweep started)', format: 'date-time', example: '2036-06-01T03:00:00.000Z' })
  now!: string;

  @ApiProperty({ description: 'Journeys whose personal data it erased', example: 2 })
  erasedCount!: number;

  @ApiProperty({ description: 'Journeys past retention it left for a later sweep', example: 0 })
  skippedCount!: number;

  @ApiProperty({ description: 'The first 1000 journeys erased (ids only: keyed hashes)', type: [String], example: ['jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3'] })
  erased!: string[];

  @ApiProperty({ description: 'The first 1000 journeys skipped', type: [RetentionSkipDto] })
  skipped!: RetentionSkipDto[];

  @ApiProperty({ description: 'Pages of journeys it went through', example: 1 })
  pages!: number;
}

/** A retention sweep: started by the schedule or by an administrator. */
export class RetentionSweepDto {
  @ApiProperty({ description: "The sweep's id (its workflow id)", example: 'retention-sweep-run-6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c' })
  sweepId!: string;

  @ApiProperty({ description: '`running`, `completed`, or `failed` (failed, terminated, cancelled or timed out)', enum: ['running', 'completed', 'failed'] })
  status!: 'running' | 'completed' | 'failed';

  @ApiProperty({ description: 'When it started (UTC instant)', format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;

  @ApiProperty({ description: 'When it ended, or null while running', format: 'date-time', nullable: true, type: String })
  closedAt!: string | null;

  @ApiProperty({ description: 'What it did, once completed; null before', type: RetentionSweepOutcomeDto, nullable: true })
  outcome!: RetentionSweepOutcomeDto | null;
}
