import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { NoticeRecorder } from '@sal/activities';
import { PayloadDataKeyStore } from '@sal/persistence';
import { journeyDataConverter, journeyPayloadCodec } from '@sal/temporal';
import { createJourneyWorker } from '@sal/worker';
import { testStack, uniqueSuffix } from './env';

export interface TestTemporal {
  client: Client;
  taskQueue: string;
  close(): Promise<void>;
}

/**
 * The data converter of a test talking to journeys of the built product: its codec reads the journeys' data keys from
 * the product's database (`payload_data_keys`), as the API and the worker do (issue 15).
 */
export function productDataConverter(dataSource: DataSource) {
  return { payloadCodecs: [journeyPayloadCodec(process.env, new PayloadDataKeyStore(dataSource))] };
}

/**
 * A client on the test server, encrypting payloads as the API does, and a task queue of this test file's own. Given
 * the product's database, it opens the payloads the built worker and API seal with the journeys' data keys.
 */
export async function connectTestClient(dataSource?: DataSource): Promise<TestTemporal> {
  const { temporalAddress, namespace } = testStack();
  const connection = await Connection.connect({ address: temporalAddress });
  return {
    client: new Client({ connection, namespace, dataConverter: dataSource ? productDataConverter(dataSource) : journeyDataConverter() }),
    taskQueue: `test-${uniqueSuffix()}`,
    close: () => connection.close(),
  };
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/** Runs the real journey worker in this process on `taskQueue`, with activities over `dataSource` and `notices`. */
export async function startTestWorker(taskQueue: string, dataSource: DataSource, notices: NoticeRecorder): Promise<RunningWorker> {
  installQuietRuntime();
  const { temporalAddress, namespace } = testStack();
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createJourneyWorker({
    connection,
    namespace,
    taskQueue,
    dataSource,
    notices,
    workflows: { workflowsPath: require.resolve('@sal/workflows') },
    dataConverter: journeyDataConverter(),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

let runtimeInstalled = false;
/** Worker logs at WARN, so a test's output shows what went wrong rather than every state change. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}
