import { startWorkerHealthServer, type WorkerHealthServer } from './health-server';

describe('the worker probe server', () => {
  let state = 'STARTING';
  let server: WorkerHealthServer;
  const get = async (path: string, method = 'GET') => {
    const answer = await fetch(`http://127.0.0.1:${server.port}${path}`, { method });
    return { status: answer.status, body: method === 'HEAD' ? '' : await answer.text() };
  };

  beforeAll(async () => {
    // Port 0 here only: the OS picks a free one (the setting itself takes 1–65535).
    server = await startWorkerHealthServer(0, '127.0.0.1', { state: () => state });
  });
  afterAll(() => server.close());

  it('is live whatever the worker does, ready only while it is RUNNING', async () => {
    for (const [current, ready] of [
      ['STARTING', 503],
      ['RUNNING', 200],
      ['STOPPING', 503],
      ['DRAINING', 503],
      ['STOPPED', 503],
    ] as const) {
      state = current;
      expect(await get('/health/live')).toEqual({ status: 200, body: JSON.stringify({ status: 'up', worker: current }) });
      expect(await get('/health/ready')).toEqual({ status: ready, body: JSON.stringify({ status: ready === 200 ? 'up' : 'down', worker: current }) });
    }
  });

  it('answers HEAD, refuses other methods and unknown paths', async () => {
    state = 'RUNNING';
    expect(await get('/health/ready?x=1', 'HEAD')).toEqual({ status: 200, body: '' });
    expect((await get('/health/ready', 'POST')).status).toBe(405);
    expect((await get('/metrics')).status).toBe(404);
  });
});
