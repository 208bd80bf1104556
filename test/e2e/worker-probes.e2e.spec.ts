import { getFreePort } from '@sal/infra';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The worker's probes as Kubernetes uses them (infra/k8s/base/worker-deployment.yaml): with WORKER_HEALTH_PORT set the
 * built worker answers /health/live and /health/ready (ready once it polls), and SIGTERM drains it: the Temporal
 * worker's run ends normally ("worker: stopped") and the process exits, the probe server with it.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
let healthPort: number;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  healthPort = await getFreePort();
  product = await startProduct(db.url, { WORKER_HEALTH_PORT: String(healthPort), WORKER_HEALTH_HOST: '127.0.0.1' });
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const probe = async (path: string) => {
  const answer = await fetch(`http://127.0.0.1:${healthPort}${path}`);
  return { status: answer.status, body: (await answer.json()) as { status: string; worker: string } };
};

describe('the worker probes and its drain on SIGTERM', () => {
  it('is live, and ready while it polls its task queue', async () => {
    expect(await probe('/health/live')).toMatchObject({ status: 200, body: { status: 'up' } });
    await eventually(async () => (await probe('/health/ready')).status === 200 || undefined, 'the worker to be ready');
    expect((await probe('/health/ready')).body).toEqual({ status: 'up', worker: 'RUNNING' });
    expect((await fetch(`http://127.0.0.1:${healthPort}/metrics-or-anything`)).status).toBe(404);
  });

  it('drains on SIGTERM: the worker stops cleanly and the probes go with the process', async () => {
    await product.worker.stop('SIGTERM');
    expect(product.worker.running).toBe(false);
    expect(product.worker.output()).toContain('worker: stopped');
    expect(product.worker.output()).not.toContain('worker: failed');
    await expect(fetch(`http://127.0.0.1:${healthPort}/health/live`)).rejects.toThrow();
  });
});
