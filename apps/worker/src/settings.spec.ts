import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, undocumentedVariables } from '@sal/config';
import { loadWorkerSettings, WORKER_ENVIRONMENT } from './settings';

const quiet = { warn: () => undefined };

describe('loadWorkerSettings', () => {
  it('defaults to the embedded servers and the development payload key, bundling the workflows at start', () => {
    const s = loadWorkerSettings({}, quiet);
    expect(s.temporal).toMatchObject({ taskQueue: 'sal-journeys', namespace: 'default' });
    expect(s.database.url).toBe('postgres://sal_app:postgres@127.0.0.1:54329/sal_journeys');
    expect(s.payloadEncryption.developmentKey).toBe(true);
    expect(s.notifications.smtp).toBeNull();
    expect(s.workflows).toEqual({ workflowsPath: require.resolve('@sal/workflows') });
    // Bounded memory by default (issue 19): 100 journeys cached, a 192 MiB heap for the workflow thread.
    expect(s.maxCachedWorkflows).toBe(100);
    expect(s.workflowHeapMiB).toBe(192);
  });

  it('bounds the journeys cached and the workflow heap as asked, and refuses a cache of none or a heap too small to start', () => {
    expect(loadWorkerSettings({ WORKER_MAX_CACHED_WORKFLOWS: '250' }, quiet).maxCachedWorkflows).toBe(250);
    expect(loadWorkerSettings({ WORKER_WORKFLOW_HEAP_MIB: '512' }, quiet).workflowHeapMiB).toBe(512);
    expect(() => loadWorkerSettings({ WORKER_MAX_CACHED_WORKFLOWS: '0' }, quiet)).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => loadWorkerSettings({ WORKER_WORKFLOW_HEAP_MIB: '32' }, quiet)).toThrow(/WORKER_WORKFLOW_HEAP_MIB/);
  });

  it('names every wrong variable of every part it reads, at once', () => {
    let problems: readonly string[] = [];
    try {
      loadWorkerSettings(
        { TEMPORAL_ADDRESS: 'temporal', DATABASE_POOL_SIZE: '0', SMTP_URL: 'http://mail', NOTIFICATIONS_BATCH_SIZE: 'lots', PAYLOAD_ENCRYPTION_KEYS: 'nokey', WORKFLOW_BUNDLE_PATH: '/nowhere.js' },
        quiet,
      );
    } catch (error) {
      problems = (error as ConfigurationError).problems;
    }
    expect(problems.map((p) => p.split(' ')[0].replace(/:$/, ''))).toEqual([
      'WORKFLOW_BUNDLE_PATH',
      'TEMPORAL_ADDRESS',
      'DATABASE_POOL_SIZE',
      'PAYLOAD_ENCRYPTION_KEYS',
      'SMTP_URL',
      'NOTIFICATIONS_BATCH_SIZE',
    ]);
  });

  it('is all in the README\'s Configuration table and in .env.example', () => {
    const root = path.resolve(__dirname, '../../..');
    const docs = { readme: readFileSync(path.join(root, 'README.md'), 'utf8'), envExample: readFileSync(path.join(root, '.env.example'), 'utf8') };
    expect(undocumentedVariables(WORKER_ENVIRONMENT, docs)).toEqual([]);
  });
});
