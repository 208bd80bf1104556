import { setFlagsFromString } from 'node:v8';
import { Client } from '@temporalio/client';
import { makeTelemetryFilterString, NativeConnection, Runtime, type DataConverter } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { exitOnStartupFailure } from '@sal/config';
import { NotificationService } from '@sal/notifications';
import { createDataSource, PayloadDataKeyStore } from '@sal/persistence';
import { AesGcmPayloadCodec, coreLogLevel, createLogger, startTracing, temporalLogger, type Logger, type Tracing } from '@sal/temporal';
import { startNotificationDispatcher } from './dispatcher-process';
import { startWorkerHealthServer, type WorkerHealthServer, type WorkerHealthSource } from './health-server';
import { workerProductMetrics } from './worker-metrics';
import { createJourneyWorker } from './journey-worker';
import { keepRetentionSchedule, workflowStatusOf } from './retention-schedule';
import { loadWorkerSettings, type WorkerSettings } from './settings';

/**
 * The worker process. Its settings are read and checked first: a wrong variable stops it before it connects to
 * anything, with every problem named. The Temporal runtime stops it on SIGINT/SIGTERM: polling stops, in-flight tasks
 * finish (or are retried by another worker after the grace time), then the notification dispatcher finishes the
 * messages in hand, then connections close. Nothing is lost: the state is in Temporal, unsent notices in the outbox.
 * With `WORKER_HEALTH_PORT` set, probes answer there: live from the start, ready only while the worker polls (a pod
 * that drains after SIGTERM stops being ready at once).
 */
async function main(): Promise<void> {
  let settings: WorkerSettings;
  try {
    settings = loadWorkerSettings();
  } catch (error) {
    exitOnStartupFailure('worker', error);
  }
  const logger = createLogger('sal-worker', settings.observability);
  // Before any connection: the SDK's logs go to pino; its metrics (and the product's) to the Prometheus endpoint.
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: {
      logging: { forward: {}, filter: makeTelemetryFilterString({ core: coreLogLevel(settings.observability.logLevel) === 'TRACE' ? 'TRACE' : 'WARN' }) },
      ...(settings.metricsAddress
        ? { metrics: { prometheus: { bindAddress: settings.metricsAddress, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } } }
        : {}),
    },
  });
  const tracing = startTracing('sal-worker', settings.observability.otlpTracesUrl);
  const probe: WorkerHealthSource = { state: () => 'STARTING' };
  let health: WorkerHealthServer | undefined;
  if (settings.health) {
    health = await startWorkerHealthServer(settings.health.port, settings.health.host, probe);
    logger.info(`worker: probes on port ${health.port} (/health/live, /health/ready)`);
  }
  try {
    await runProcess(settings, probe, logger, tracing);
  } finally {
    await health?.close();
  }
}

async function runProcess(settings: WorkerSettings, probe: WorkerHealthSource, logger: Logger, tracing: Tracing): Promise<void> {
  const dataSource = await createDataSource(settings.database.url).initialize();
  // Journeys' payloads are sealed with their own data keys, kept wrapped in payload_data_keys (issue 15).
  const codec = new AesGcmPayloadCodec(settings.payloadEncryption, { dataKeys: new PayloadDataKeyStore(dataSource) });
  const dispatcher = startNotificationDispatcher(dataSource, settings.notifications, { log: logger.child({ component: 'notifications' }), metrics: workerProductMetrics() });
  try {
    await runWorker(settings, codec, dataSource, probe, logger, tracing);
  } finally {
    await dispatcher.stop();
    await dataSource.destroy();
    await tracing.shutdown();
  }
}

async function runWorker(settings: WorkerSettings, codec: AesGcmPayloadCodec, dataSource: DataSource, probe: WorkerHealthSource, logger: Logger, tracing: Tracing): Promise<void> {
  const { temporal } = settings;
  const dataConverter: DataConverter = { payloadCodecs: [codec] };
  const connection = await NativeConnection.connect(temporal.connection);
  try {
    const client = new Client({ connection, namespace: temporal.namespace, dataConverter });
    // A schedule that cannot be kept now must not keep the journeys from running: said, and tried at the next start.
    await keepRetentionSchedule(client, temporal.taskQueue, settings.retentionSweepEveryMinutes).catch((error: unknown) => {
      logger.warn(`the retention sweep's schedule could not be created or updated: ${error instanceof Error ? error.message : String(error)}`);
    });
    // The workflow thread the SDK creates next takes its heap limit from V8's flags (issue 19: unbounded, it grew to
    // ~1 GiB during an import, mostly uncollected); the main thread's heap is sized already and keeps its own.
    setFlagsFromString(`--max-old-space-size=${settings.workflowHeapMiB}`);
    const worker = await createJourneyWorker({
      connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      dataSource,
      notices: new NotificationService(dataSource),
      workflows: settings.workflows,
      dataConverter,
      retention: { workflowStatus: workflowStatusOf(client), onErased: (journeyId) => codec.dataKeys?.forget(journeyId) },
      tracing,
      tuning: { maxCachedWorkflows: settings.maxCachedWorkflows },
    });
    logger.info(
      `worker: polling task queue ${temporal.taskQueue} on ${temporal.address} (namespace ${temporal.namespace})${settings.metricsAddress ? `; metrics on http://${settings.metricsAddress}/metrics` : ''}${settings.observability.otlpTracesUrl ? `; traces to ${settings.observability.otlpTracesUrl}` : ''}`,
    );
    // The SDK's state (RUNNING, STOPPING on SIGTERM, DRAINING, STOPPED…), read by the readiness probe.
    probe.state = () => worker.getState();
    await worker.run();
    logger.info('worker: stopped');
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error('worker: failed:', error);
  process.exit(1);
});
