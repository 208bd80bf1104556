import { Injectable } from '@nestjs/common';
import { SIDE_EFFECT_STREAMS } from '@sal/contracts';
import { operationalCounts, SideEffectFailures } from '@sal/persistence';
import { ReadModelService } from '../database/read-model.service';
import {
  apiRegistry,
  notificationsByStatus,
  oldestPendingNotification,
  overdueActions,
  readModelUp,
  scrapeDuration,
  sideEffectFailing,
  stalledJourneys,
} from './api-metrics';

const OUTBOX_STATUSES = ['pending', 'sending', 'failed', 'undeliverable'] as const;

/** The API's Prometheus metrics. Gauges that come from the read model are read at scrape time (a few grouped counts). */
@Injectable()
export class MetricsService {
  constructor(private readonly readModel: ReadModelService) {}

  /** Reads what the gauges show from PostgreSQL, then writes the registry out (a collect per gauge would race). */
  async scrape(): Promise<string> {
    const started = process.hrtime.bigint();
    try {
      const { failing, counts } = await this.readModel.use(async ({ dataSource }) => ({
        failing: await new SideEffectFailures(dataSource).countByStream(),
        counts: await operationalCounts(dataSource),
      }));
      for (const stream of SIDE_EFFECT_STREAMS) sideEffectFailing.set({ stream }, failing[stream] ?? 0);
      for (const status of OUTBOX_STATUSES) notificationsByStatus.set({ status }, counts.notifications[status] ?? 0);
      oldestPendingNotification.set(counts.oldestPendingSeconds);
      // Offices come and go from these: the series of an office with none left disappears.
      stalledJourneys.reset();
      for (const [office, n] of Object.entries(counts.stalledByOffice)) stalledJourneys.set({ office }, n);
      overdueActions.reset();
      for (const [office, n] of Object.entries(counts.overdueByOffice)) overdueActions.set({ office }, n);
      readModelUp.set(1);
    } catch {
      readModelUp.set(0);
    }
    scrapeDuration.set(Number(process.hrtime.bigint() - started) / 1e9);
    return apiRegistry.metrics();
  }
}
