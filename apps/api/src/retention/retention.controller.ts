import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ValidationFailedError } from '../common/api-errors';
import { RetentionSweepDto } from './dto/retention-sweep.response';
import { RETENTION_SWEEP_ID, RetentionService } from './retention.service';

const WHAT =
  "Erases the personal data of every closed journey past its catalogue's `personalDataRetention` (default P10Y) whose workflow has finished: " +
  'the read model is minimised (what the KPIs count stays, with no link to the person), the journey\'s payload key is shredded so its Temporal history ' +
  'no longer decodes, and each erasure is audited. The worker runs the same sweep on a schedule (`RETENTION_SWEEP_EVERY_MINUTES`). Idempotent.';

/** Retention of personal data (issue 15): run a sweep now, see what a sweep did. Administrators only. */
@ApiTags('retention')
@ApiBearerAuth()
@Roles('administrator')
@Controller('admin/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Post('run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a retention sweep now', description: `${WHAT} Answers at once with the sweep's id; \`GET /admin/retention/runs/{sweepId}\` says when it is done and what it erased.` })
  @ApiAcceptedResponse({ description: 'The sweep, started', type: RetentionSweepDto })
  @ApiErrorResponses({ UNAUTHENTICATED: 'no valid bearer token', FORBIDDEN: 'not an administrator', TEMPORAL_UNAVAILABLE: 'Temporal does not answer' })
  run(): Promise<RetentionSweepDto> {
    return this.retention.run();
  }

  @Get('runs/:sweepId')
  @ApiParam({ name: 'sweepId', description: 'The id `POST /admin/retention/run` answered, or a scheduled sweep\'s workflow id', example: 'retention-sweep-run-6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c' })
  @ApiOperation({ summary: 'A retention sweep', description: 'Its status and, once completed, the journeys it erased and those it left for later (ids only).' })
  @ApiOkResponse({ description: 'The sweep', type: RetentionSweepDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'not a sweep id',
    RETENTION_SWEEP_NOT_FOUND: 'no sweep has this id',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not an administrator',
    TEMPORAL_UNAVAILABLE: 'Temporal does not answer',
  })
  get(@Param('sweepId') sweepId: string): Promise<RetentionSweepDto> {
    if (!RETENTION_SWEEP_ID.test(sweepId)) throw new ValidationFailedError([{ field: 'sweepId', message: 'must be a retention sweep id (retention-sweep…)', code: 'invalid_id', params: { kind: 'retention_sweep' } }]);
    return this.retention.get(sweepId);
  }
}
