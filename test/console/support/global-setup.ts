import globalSetup from '../../support/global-setup';
import globalTeardown from '../../support/global-teardown';

/**
 * The same Temporal dev server and PostgreSQL as the Jest e2e tests (test/support/global-setup.ts), for the whole
 * run; what it publishes in the environment reaches the test workers. The returned function stops them.
 */
export default async function consoleGlobalSetup(): Promise<() => Promise<void>> {
  await globalSetup();
  return () => globalTeardown();
}
