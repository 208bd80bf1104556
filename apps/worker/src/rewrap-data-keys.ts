import { ConfigurationProblems, exitOnStartupFailure } from '@sal/config';
import { createDataSource, databaseSettings } from '@sal/persistence';
import { payloadEncryptionSettings } from '@sal/temporal';
import { rewrapDataKeys } from './data-key-rotation';

/**
 * `npm run rewrap-data-keys`: rewraps every journey data key under the current master key (see `rewrapDataKeys`), with
 * the worker's `DATABASE_URL`, `PAYLOAD_ENCRYPTION_KEYS` and `PAYLOAD_ENCRYPTION_KEY_ID`.
 */
async function main(): Promise<void> {
  const problems = new ConfigurationProblems();
  const database = problems.take(() => databaseSettings());
  const keys = problems.take(() => payloadEncryptionSettings());
  try {
    problems.throwIfAny();
  } catch (error) {
    exitOnStartupFailure('rewrap-data-keys', error);
  }
  const dataSource = await createDataSource(database!.url).initialize();
  try {
    const outcome = await rewrapDataKeys(dataSource, keys!);
    console.log(`rewrap-data-keys: ${outcome.rewrapped} data keys rewrapped under master key "${keys!.currentKeyId}"`);
    if (outcome.unopenable.length > 0) {
      console.error(`rewrap-data-keys: ${outcome.unopenable.length} data keys are wrapped under a master key missing from PAYLOAD_ENCRYPTION_KEYS; first: ${outcome.unopenable[0]}`);
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('rewrap-data-keys: failed:', error);
  process.exit(1);
});
