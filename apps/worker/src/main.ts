import { NativeConnection } from '@temporalio/worker';
import { createDataSource } from '@sal/persistence';
import { temporalSettings } from '@sal/temporal';
import { createJourneyWorker, defaultWorkflowSource } from './journey-worker';

/**
 * The worker process. The Temporal runtime stops it on SIGINT/SIGTERM: polling stops, in-flight tasks finish (or are
 * retried by another worker after the grace time), then connections close. Nothing is lost: the state is in Temporal.
 */
async function main(): Promise<void> {
  const settings = temporalSettings();
  const dataSource = await createDataSource().initialize();
  const connection = await NativeConnection.connect(settings.connection);
  try {
    const worker = await createJourneyWorker({
      connection,
      namespace: settings.namespace,
      taskQueue: settings.taskQueue,
      dataSource,
      workflows: defaultWorkflowSource(),
    });
    console.log(`worker: polling task queue ${settings.taskQueue} on ${settings.address} (namespace ${settings.namespace})`);
    await worker.run();
    console.log('worker: stopped');
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('worker: failed:', error);
  process.exit(1);
});
