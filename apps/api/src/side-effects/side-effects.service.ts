import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { getJourneyStateQuery, retrySideEffectsSignal } from '@sal/contracts';
import { SideEffectFailureRecord } from '@sal/persistence';
import { In } from 'typeorm';
import { assertCovers, type Principal } from '../auth/principal';
import { ReadModelService } from '../database/read-model.service';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { SideEffectFailurePageDto, SideEffectFailuresQuery, SideEffectRetryDto } from './dto/side-effect-failures.dto';

/** Journeys whose side effects keep failing: the list (read model) and the retry (a signal to the journey). */
@Injectable()
export class SideEffectsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly temporal: TemporalGateway,
    private readonly readModel: ReadModelService,
  ) {}

  failures(q: SideEffectFailuresQuery): Promise<SideEffectFailurePageDto> {
    return this.readModel.use(async ({ dataSource }) => {
      const [rows, total] = await dataSource.getRepository(SideEffectFailureRecord).findAndCount({
        where: { officeId: In(q.officeId) },
        order: { firstFailedAt: 'ASC', journeyId: 'ASC', stream: 'ASC' },
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      });
      const items = rows.map((r) => ({
        journeyId: r.journeyId,
        officeId: r.officeId,
        stream: r.stream as 'projection' | 'notices',
        type: r.type,
        error: r.error,
        firstSeq: r.firstSeq,
        attempts: r.attempts,
        firstFailedAt: r.firstFailedAt.toISOString(),
        lastFailedAt: r.lastFailedAt.toISOString(),
      }));
      return { items, page: q.page, pageSize: q.pageSize, total };
    });
  }

  /**
   * Asks the journey to retry now. Its office comes from the journey itself: a journey whose projection fails may be
   * missing from the read model.
   */
  async retry(principal: Principal, journeyId: string): Promise<SideEffectRetryDto> {
    const handle = this.client.workflow.getHandle(journeyId);
    const view = await this.temporal.call('query', journeyId, () => handle.query(getJourneyStateQuery));
    assertCovers(principal, view.officeId);
    await this.temporal.call('describe', journeyId, () => handle.signal(retrySideEffectsSignal));
    return { journeyId, retryRequested: true };
  }
}
