import { Inject, Injectable } from '@nestjs/common';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';
import { TemporalGateway } from '../temporal/temporal-gateway';
import type { DatabaseHealthDto, HealthReportDto, TemporalHealthDto } from './dto/health-report.dto';

/** Probes the API's two dependencies, each under a short deadline, in parallel. */
@Injectable()
export class HealthService {
  constructor(
    private readonly temporal: TemporalGateway,
    private readonly readModel: ReadModelService,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  async report(): Promise<HealthReportDto> {
    const [temporal, database] = await Promise.all([this.temporalHealth(), this.databaseHealth()]);
    return { status: temporal.status === 'up' && database.status === 'up' ? 'ok' : 'degraded', temporal, database };
  }

  private async temporalHealth(): Promise<TemporalHealthDto> {
    const { address, namespace } = this.settings.temporal;
    try {
      await this.temporal.probe();
      return { status: 'up', address, namespace };
    } catch (error) {
      return { status: 'down', address, namespace, error: reason(error) };
    }
  }

  private async databaseHealth(): Promise<DatabaseHealthDto> {
    try {
      await withTimeout(this.readModel.ping(), this.settings.healthTimeoutMs);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: reason(error) };
    }
  }
}

/** The root cause's message: the API error wrappers only say "unavailable". */
function reason(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  if (e instanceof AggregateError && e.errors[0] instanceof Error) e = e.errors[0];
  return e instanceof Error ? e.message || e.name : String(e);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
