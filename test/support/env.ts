/** What the global set-up started, handed to every test file through the environment. */
export interface TestStack {
  temporalAddress: string;
  namespace: string;
  /** A database URL for the PostgreSQL server (its `postgres` database), used to create throwaway databases. */
  adminDatabaseUrl: string;
}

const KEY = 'SAL_TEST_STACK';

export function publishStack(stack: TestStack): void {
  process.env[KEY] = JSON.stringify(stack);
}

export function testStack(): TestStack {
  const raw = process.env[KEY];
  if (!raw) throw new Error('the test stack is not running: run the tests through `npm test` (jest globalSetup starts it)');
  return JSON.parse(raw) as TestStack;
}

/** A short unique suffix for ids and task queues, so tests never see each other's journeys. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
