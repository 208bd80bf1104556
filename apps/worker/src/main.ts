import { NativeConnection, type DataConverter } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { exitOnStartupFailure } from '@sal/config';
import { NotificationService } from '@sal/notifications';
import { createDataSource } from '@sal/persistence';
import { AesGcmPayloadCodec } from '@sal/temporal';
import { startNotificationDispatcher } from './dispatcher-process';
import { createJourneyWorker } from './journey-worker';
import { loadWorkerSettings, type WorkerSettings } from './settings';

/**
 * The worker process. Its settings are read and checked first: a wrong variable stops it before it connects to
 * anything, with every problem named. The Temporal runtime stops it on SIGINT/SIGTERM: polling stops, in-flight tasks
 * finish (or are retried by another worker after the grace time), then the notification dispatcher finishes the
 * messages in hand, then connections close. Nothing is lost: the state is in Temporal, unsent notices in the outbox.
 */
async function main(): Promise<void> {
  let settings: WorkerSettings;
  try {
    settings = loadWorkerSettings();
  } catch (error) {
    exitOnStartupFailure('worker', error);
  }
  const dataConverter: DataConverter = { payloadCodecs: [new AesGcmPayloadCodec(settings.payloadEncryption)] };
  const dataSource = await createDataSource(settings.database.url).initialize();
  const dispatcher = startNotificationDispatcher(dataSource, settings.notifications);
  try {
    await runWorker(settings, dataConverter, dataSource);
  } finally {
    await dispatcher.stop();
    await dataSource.destroy();
  }
}

async function runWorker(settings: WorkerSettings, dataConverter: DataConverter, dataSource: DataSource): Promise<void> {
  const { temporal } = settings;
  const connection = await NativeConnection.connect(temporal.connection);
  try {
    const worker = await createJourneyWorker({
      connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      dataSource,
      notices: new NotificationService(dataSource),
      workflows: settings.workflows,
      dataConverter,
    });
    console.log(`worker: polling task queue ${temporal.taskQueue} on ${temporal.address} (namespace ${temporal.namespace})`);
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
