import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { RETENTION_SWEEP_RUN_PREFIX, RETENTION_SWEEP_WORKFLOW_TYPE, type RetentionSweepInput, type RetentionSweepResult } from '@sal/contracts';
import { RetentionSweepNotFoundError } from '../common/api-errors';
import type { ApiSettings } from '../config/api-settings';
import { API_SETTINGS } from '../config/config.module';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { RetentionSweepDto } from './dto/retention-sweep.response';

/** Ids a sweep may have: an administrator's run, or one of the worker's schedule. Nothing else is looked up. */
export const RETENTION_SWEEP_ID = /^retention-sweep[A-Za-z0-9:._-]{0,120}$/;

/**
 * Retention sweeps on demand (issue 15): the same workflow the worker's schedule starts, on the journeys' task queue,
 * and what it did. The sweep itself runs in the worker (it needs the database and the Temporal client there).
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
    private readonly temporal: TemporalGateway,
  ) {}

  /** Starts a sweep now; it erases journeys past retention at the instant it starts. */
  async run(): Promise<RetentionSweepDto> {
    const sweepId = `${RETENTION_SWEEP_RUN_PREFIX}${randomUUID()}`;
    const handle = await this.temporal.call('start', sweepId, () =>
      this.client.workflow.start(RETENTION_SWEEP_WORKFLOW_TYPE, { workflowId: sweepId, taskQueue: this.settings.temporal.taskQueue, args: [{} satisfies RetentionSweepInput] }),
    );
    return { sweepId: handle.workflowId, status: 'running', startedAt: new Date().toISOString(), closedAt: null, outcome: null };
  }

  /** A sweep's status and, once completed, what it did. @throws RetentionSweepNotFoundError */
  async get(sweepId: string): Promise<RetentionSweepDto> {
    const found = await this.temporal.call('query', sweepId, async () => {
      const handle = this.client.workflow.getHandle(sweepId);
      try {
        const description = await handle.describe();
        if (description.type !== RETENTION_SWEEP_WORKFLOW_TYPE) return null;
        const status = description.status.name === 'RUNNING' ? 'running' : description.status.name === 'COMPLETED' ? 'completed' : 'failed';
        const outcome = status === 'completed' ? ((await handle.result()) as RetentionSweepResult) : null;
        return { description, status, outcome } as const;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    });
    if (!found) throw new RetentionSweepNotFoundError(sweepId);
    const { description, status, outcome } = found;
    return {
      sweepId,
      status,
      startedAt: description.startTime.toISOString(),
      closedAt: description.closeTime?.toISOString() ?? null,
      outcome: outcome && { now: outcome.now, erasedCount: outcome.erasedCount, skippedCount: outcome.skippedCount, erased: outcome.erased, skipped: outcome.skipped, pages: outcome.pages },
    };
  }
}

