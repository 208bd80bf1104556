import { Client } from '@temporalio/client';
import { NativeConnection, type DataConverter } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { exitOnStartupFailure } from '@sal/config';
import { NotificationService } from '@sal/notifications';
import { createDataSource, PayloadDataKeyStore } from '@sal/persistence';
import { AesGcmPayloadCodec } from '@sal/temporal';
import { startNotificationDispatcher } from './dispatcher-process';
import { startWorkerHealthServer, type WorkerHealthServer, type WorkerHealthSource } from './health-server';
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
  const probe: WorkerHealthSource = { state: () => 'STARTING' };
  let health: WorkerHealthServer | undefined;
  if (settings.health) {
    health = await startWorkerHealthServer(settings.health.port, settings.health.host, probe);
    console.log(`worker: probes on port ${health.port} (/health/live, /health/ready)`);
  }
  try {
    await runProcess(settings, probe);
  } finally {
    await health?.close();
  }
}

async function runProcess(settings: WorkerSettings, probe: WorkerHealthSource): Promise<void> {
  const dataSource = await createDataSource(settings.database.url).initialize();
  // Journeys' payloads are sealed with their own data keys, kept wrapped in payload_data_keys (issue 15).
  const codec = new AesGcmPayloadCodec(settings.payloadEncryption, { dataKeys: new PayloadDataKeyStore(dataSource) });
  const dispatcher = startNotificationDispatcher(dataSource, settings.notifications);
  try {
    await runWorker(settings, codec, dataSource, probe);
  } finally {
    await dispatcher.stop();
    await dataSource.destroy();
  }
}

async function runWorker(settings: WorkerSettings, codec: AesGcmPayloadCodec, dataSource: DataSource, probe: WorkerHealthSource): Promise<void> {
  const { temporal } = settings;
  const dataConverter: DataConverter = { payloadCodecs: [codec] };
  const connection = await NativeConnection.connect(temporal.connection);
  try {
    const client = new Client({ connection, namespace: temporal.namespace, dataConverter });
    // A schedule that cannot be kept now must not keep the journeys from running: said, and tried at the next start.
    await keepRetentionSchedule(client, temporal.taskQueue, settings.retentionSweepEveryMinutes).catch((error: unknown) => {
      console.warn(`worker: the retention sweep's schedule could not be created or updated: ${error instanceof Error ? error.message : String(error)}`);
    });
    const worker = await createJourneyWorker({
      connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      dataSource,
      notices: new NotificationService(dataSource),
      workflows: settings.workflows,
      dataConverter,
      retention: { workflowStatus: workflowStatusOf(client), onErased: (journeyId) => codec.dataKeys?.forget(journeyId) },
    });
    console.log(`worker: polling task queue ${temporal.taskQueue} on ${temporal.address} (namespace ${temporal.namespace})`);
    // The SDK's state (RUNNING, STOPPING on SIGTERM, DRAINING, STOPPED…), read by the readiness probe.
    probe.state = () => worker.getState();
    await worker.run();
    console.log('worker: stopped');
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error('worker: failed:', error);
  process.exit(1);
});
