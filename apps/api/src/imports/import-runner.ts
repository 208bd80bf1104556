import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { importActivityTaskQueue, type ImportActivities, type ImportPageInput, type ImportPageResult } from '@sal/contracts';
import { ImportBatches, type ImportRow } from '@sal/persistence';
import { ApiError, JourneyAlreadyExistsError, ReadModelUnavailableError, TemporalUnavailableError, WorkerUnavailableError } from '../common/api-errors';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';
import { JourneysService } from '../journeys/journeys.service';
import { PAYLOAD_CODEC } from '../temporal/temporal.tokens';
import { episodeJourneyIdFor, type AesGcmPayloadCodec } from '@sal/temporal';
import { startBodyProblems, uploaderOf } from './imports.service';

/** Failures a later attempt may not meet: the activity fails and Temporal retries the page. */
const TRANSIENT = [ReadModelUnavailableError, TemporalUnavailableError, WorkerUnavailableError];
/** How long to wait before connecting again when Temporal is unreachable at start-up. */
const RECONNECT_MS = 5_000;

/**
 * The import's activities (issue 19), run by the API process because each row's journey is started by the start
 * command itself ({@link JourneysService.create}: the same checks, the same person lock, the same episode id), as the
 * batch's uploader. A row's outcome is recorded as soon as it is known, so a page retried after a crash goes on from
 * the rows not yet processed; a row met again whose journey is its own episode counts as started, once.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private worker: Worker | null = null;
  private connection: NativeConnection | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly journeys: JourneysService,
    private readonly readModel: ReadModelService,
    @Inject(PAYLOAD_CODEC) private readonly codec: AesGcmPayloadCodec,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  activities(): ImportActivities {
    return {
      importPage: (input) => this.importPage(input),
      finishImport: async ({ batchId }) => this.readModel.use(({ dataSource }) => new ImportBatches(dataSource).markFinished(batchId)),
    };
  }

  async importPage({ batchId, afterLine, limit }: ImportPageInput): Promise<ImportPageResult> {
    const store = () => this.readModel.use(async ({ dataSource }) => new ImportBatches(dataSource));
    const batch = await (await store()).find(batchId);
    if (!batch) return { processed: 0, started: 0, refused: 0, lastLine: afterLine, done: true };
    const rows = await (await store()).pendingAfter(batchId, afterLine, limit);
    const result: ImportPageResult = { processed: 0, started: 0, refused: 0, lastLine: afterLine, done: rows.length < limit };
    const concurrency = this.settings.imports.concurrency;
    for (let i = 0; i < rows.length; i += concurrency) {
      const outcomes = await Promise.all(rows.slice(i, i + concurrency).map((row) => this.startRow(batch, row)));
      for (const o of outcomes) {
        result.processed += 1;
        if (o === 'started') result.started += 1;
        else result.refused += 1;
      }
      heartbeat();
    }
    if (rows.length > 0) result.lastLine = rows[rows.length - 1].line;
    return result;
  }

  private async startRow(batch: Parameters<typeof uploaderOf>[0], row: ImportRow): Promise<'started' | 'refused'> {
    const store = await this.readModel.use(async ({ dataSource }) => new ImportBatches(dataSource));
    const { dto, reason } = await startBodyProblems(row.data);
    if (!dto) {
      await store.recordOutcome(batch.batchId, row.line, { outcome: 'refused', reason, journeyId: null });
      return 'refused';
    }
    try {
      const created = await this.journeys.create(uploaderOf(batch), dto);
      await store.recordOutcome(batch.batchId, row.line, { outcome: 'started', reason: null, journeyId: created.journeyId });
      return 'started';
    } catch (error) {
      if (TRANSIENT.some((t) => error instanceof t) || !(error instanceof ApiError)) throw error;
      // Its own episode, started by an earlier attempt of this page that stopped before recording it.
      if (error instanceof JourneyAlreadyExistsError && error.journeyId && !(await store.startedElsewhere(batch.batchId, error.journeyId)) && this.ownEpisode(row, error.journeyId)) {
        await store.recordOutcome(batch.batchId, row.line, { outcome: 'started', reason: null, journeyId: error.journeyId });
        return 'started';
      }
      await store.recordOutcome(batch.batchId, row.line, { outcome: 'refused', reason: `${error.code}: ${error.message}`, journeyId: null });
      return 'refused';
    }
  }

  /** Whether the journey an attempt met is the row's own episode and was started by its batch's run (no other row names it). */
  private ownEpisode(row: ImportRow, journeyId: string): boolean {
    const beneficiary = row.data.beneficiary as { fiscalCode: string };
    const fiscalCode = beneficiary.fiscalCode.trim().toUpperCase();
    return episodeJourneyIdFor(fiscalCode, String(row.data.didDate), this.settings.journeyIdKey) === journeyId;
  }

  /** Polls the import's task queue in the background; Temporal unreachable at start-up is retried, the API starts anyway. */
  onApplicationBootstrap(): void {
    this.running = this.poll();
  }

  private async poll(): Promise<void> {
    const taskQueue = importActivityTaskQueue(this.settings.temporal.taskQueue);
    while (!this.stopping) {
      try {
        this.connection = await NativeConnection.connect(this.settings.temporal.connection);
        if (this.stopping) break;
        this.worker = await Worker.create({
          connection: this.connection,
          namespace: this.settings.temporal.namespace,
          taskQueue,
          activities: { ...this.activities() },
          dataConverter: { payloadCodecs: [this.codec] },
          maxConcurrentActivityTaskExecutions: 2,
          shutdownGraceTime: '10 seconds',
        });
        this.logger.log(`polling task queue ${taskQueue}`);
        await this.worker.run();
        return;
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(`the import worker could not run (${error instanceof Error ? error.message : String(error)}); retrying in ${RECONNECT_MS / 1000} s`);
        this.worker = null;
        await this.connection?.close().catch(() => undefined);
        this.connection = null;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
    this.logger.log('import worker stopped');
  }
}

/** Tells Temporal the page is alive (outside an activity, as in a unit test, does nothing). */
function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // not in an activity
  }
}
