import net from 'node:net';
import { getFreePort, getFreePorts, isPortFree } from './ports';
import { findRepoRoot } from './repo-root';
import { waitFor } from './wait-for';
import fs from 'node:fs';
import path from 'node:path';

describe('getFreePort / isPortFree', () => {
  it('returns a bindable port and notices when it is taken', async () => {
    const port = await getFreePort();
    expect(await isPortFree(port)).toBe(true);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('getFreePorts', () => {
  it('returns distinct ports, each bindable once they are handed back', async () => {
    const ports = await getFreePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(await isPortFree(port)).toBe(true);
  });
});

describe('waitFor', () => {
  it('resolves with the first truthy value', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? 'ok' : undefined), { timeoutMs: 5_000, intervalMs: 1, description: 'x' })).resolves.toBe('ok');
    expect(calls).toBe(3);
  });

  it('reports the description and last error on timeout', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('connection refused');
        },
        { timeoutMs: 50, intervalMs: 10, description: 'the thing' },
      ),
    ).rejects.toThrow(/waiting for the thing; last error: connection refused/);
  });

  it('ends on the values `until` accepts (the tests take 0 and null, not undefined or false)', async () => {
    const values = [undefined, false, 0];
    await expect(
      waitFor(() => values.shift(), { timeoutMs: 5_000, intervalMs: 1, description: 'x', until: (v): v is number => v !== undefined && v !== false }),
    ).resolves.toBe(0);
  });

  it("passes a probe's error on at once with onError 'throw' (the benchmark's way)", async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      waitFor(
        () => {
          calls++;
          throw new Error('HTTP 500');
        },
        { timeoutMs: 60_000, intervalMs: 10, description: 'y', onError: 'throw' },
      ),
    ).rejects.toThrow('HTTP 500');
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    const pending = waitFor(() => false, { timeoutMs: 60_000, intervalMs: 10_000, description: 'never', signal: controller.signal });
    controller.abort(new Error('process exited'));
    await expect(pending).rejects.toThrow('process exited');
  });
});

describe('findRepoRoot', () => {
  it('finds the monorepo root from this folder', () => {
    const root = findRepoRoot(__dirname);
    expect(fs.existsSync(path.join(root, 'infra', 'package.json'))).toBe(true);
  });
});
