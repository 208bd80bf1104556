import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the probes ask: is the process alive, is its Temporal worker polling. */
export interface WorkerHealthSource {
  /** `RUNNING` while the worker polls its task queue (the SDK's `Worker.getState()`). */
  state(): string;
}

export interface WorkerHealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The worker's probes for Kubernetes (or any supervisor), on `WORKER_HEALTH_PORT`: `GET /health/live` answers 200 while
 * the process can answer at all; `GET /health/ready` answers 200 only while the Temporal worker is `RUNNING` (polling),
 * 503 before it started and from the moment it drains on SIGTERM. Bodies are `{"status":"up"|"down","worker":state}`,
 * nothing else: no personal data, no configuration.
 */
export async function startWorkerHealthServer(port: number, host: string, source: WorkerHealthSource): Promise<WorkerHealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let up: boolean;
    if (path === '/health/live') up = true;
    else if (path === '/health/ready') up = source.state() === 'RUNNING';
    else {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'NOT_FOUND' }));
      return;
    }
    response
      .writeHead(up ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(request.method === 'HEAD' ? undefined : JSON.stringify({ status: up ? 'up' : 'down', worker: source.state() }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
