import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { SIDE_EFFECT_STREAMS } from '@sal/contracts';
import { SideEffectFailures } from '@sal/persistence';
import { ReadModelService } from '../database/read-model.service';

/** The API's Prometheus registry. Gauges that come from the read model are read at scrape time. */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();

  constructor(readModel: ReadModelService) {
    const readModelUp = new Gauge({ name: 'sal_read_model_up', help: 'Whether the last scrape could read PostgreSQL (1) or not (0)', registers: [this.registry] });
    new Gauge({
      name: 'sal_side_effect_failing_journeys',
      help: "Journeys whose side effect keeps failing, by stream (projection: the read model is behind; notices: the outbox is). Their clocks go on.",
      labelNames: ['stream'],
      registers: [this.registry],
      collect: async function (this: Gauge<'stream'>) {
        try {
          const counts = await readModel.use(({ dataSource }) => new SideEffectFailures(dataSource).countByStream());
          for (const stream of SIDE_EFFECT_STREAMS) this.set({ stream }, counts[stream] ?? 0);
          readModelUp.set(1);
        } catch {
          readModelUp.set(0);
        }
      },
    });
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
