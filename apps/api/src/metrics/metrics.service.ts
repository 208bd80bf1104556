import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { SIDE_EFFECT_STREAMS } from '@sal/contracts';
import { SideEffectFailures } from '@sal/persistence';
import { ReadModelService } from '../database/read-model.service';

/** The API's Prometheus registry. Gauges that come from the read model are read at scrape time. */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly up = new Gauge({ name: 'sal_read_model_up', help: 'Whether this scrape could read PostgreSQL (1) or not (0)', registers: [this.registry] });
  private readonly failing = new Gauge({
    name: 'sal_side_effect_failing_journeys',
    help: 'Journeys whose side effect keeps failing, by stream (projection: the read model is behind; notices: the outbox is). Their clocks go on.',
    labelNames: ['stream'],
    registers: [this.registry],
  });

  constructor(private readonly readModel: ReadModelService) {}

  /** Reads what the gauges show from PostgreSQL, then writes the registry out (a collect per gauge would race). */
  async scrape(): Promise<string> {
    try {
      const counts = await this.readModel.use(({ dataSource }) => new SideEffectFailures(dataSource).countByStream());
      for (const stream of SIDE_EFFECT_STREAMS) this.failing.set({ stream }, counts[stream] ?? 0);
      this.up.set(1);
    } catch {
      this.up.set(0);
    }
    return this.registry.metrics();
  }
}
