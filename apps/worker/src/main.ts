import { NativeConnection, type DataConverter } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { loadNotificationSettings, NotificationService } from '@sal/notifications';
import { createDataSource } from '@sal/persistence';
import { journeyDataConverter, temporalSettings, type TemporalSettings } from '@sal/temporal';
import { startNotificationDispatcher } from './dispatcher-process';
import { createJourneyWorker, defaultWorkflowSource } from './journey-worker';

/**
 * The worker process. The Temporal runtime stops it on SIGINT/SIGTERM: polling stops, in-flight tasks finish (or are
 * retried by another worker after the grace time), then the notification dispatcher finishes the messages in hand,
 * then connections close. Nothing is lost: the state is in Temporal, unsent notices in the outbox.
 */
async function main(): Promise<void> {
  const settings = temporalSettings();
  // Read before anything starts: missing payload keys in production stop the worker here.
  const dataConverter = journeyDataConverter();
  const notifications = loadNotificationSettings();
  const dataSource = await createDataSource().initialize();
  const dispatcher = startNotificationDispatcher(dataSource, notifications);
  try {
    await runWorker(settings, dataConverter, dataSource);
  } finally {
    await dispatcher.stop();
    await dataSource.destroy();
  }
}

async function runWorker(settings: TemporalSettings, dataConverter: DataConverter, dataSource: DataSource): Promise<void> {
  const connection = await NativeConnection.connect(settings.connection);
  try {
    const worker = await createJourneyWorker({
      connection,
      namespace: settings.namespace,
      taskQueue: settings.taskQueue,
      dataSource,
      notices: new NotificationService(dataSource),
      workflows: defaultWorkflowSource(),
      dataConverter,
    });
    console.log(`worker: polling task queue ${settings.taskQueue} on ${settings.address} (namespace ${settings.namespace})`);
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
