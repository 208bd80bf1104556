import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { TemporalCallTimeoutError, toApiError, type TemporalCallKind } from './temporal-errors';
import { TEMPORAL_CONNECTION } from './temporal.tokens';

/** Slack past the gRPC deadline before the API gives up on its own (a retry back-off may be sleeping). */
const GRACE_MS = 500;

/**
 * Runs Temporal calls under a deadline and turns their failures into API errors, so no request waits forever on an
 * unreachable server or a stopped worker.
 */
@Injectable()
export class TemporalGateway {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  /** Runs `fn` with the deadline of its kind (commands wait longest: they need the journey's worker). */
  async call<T>(kind: TemporalCallKind, journeyId: string, fn: () => Promise<T>): Promise<T> {
    const timeoutMs = kind === 'command' ? this.settings.updateTimeoutMs : this.settings.temporalTimeoutMs;
    try {
      return await this.bounded(timeoutMs, fn);
    } catch (error) {
      throw await toApiError(error, { kind, journeyId }, () => this.reachable());
    }
  }

  /** Asks Temporal for its system info under the health deadline; throws when it does not answer. */
  async probe(): Promise<void> {
    await this.bounded(this.settings.healthTimeoutMs, () => this.connection.workflowService.getSystemInfo({}));
  }

  private async reachable(): Promise<boolean> {
    try {
      await this.probe();
      return true;
    } catch {
      return false;
    }
  }

  /** `fn` under a gRPC deadline, and abandoned (its calls cancelled) shortly after it if still running. */
  private async bounded<T>(timeoutMs: number, fn: () => Promise<T>): Promise<T> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new TemporalCallTimeoutError(timeoutMs));
      }, timeoutMs + GRACE_MS);
    });
    try {
      const call = this.connection.withAbortSignal(abort.signal, () => this.connection.withDeadline(Date.now() + timeoutMs, fn));
      return await Promise.race([call, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}
