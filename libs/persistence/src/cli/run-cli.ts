import type { DataSource } from 'typeorm';
import { exitOnStartupFailure } from '@sal/config';
import { resolveMigrationDatabaseUrl } from '../config';
import { createDataSource } from '../data-source';

/** Runs a command-line task against the configured database, with a readable failure and exit code. */
export function runCli(task: (dataSource: DataSource) => Promise<void>): void {
  // Migrations and the rebuild change the schema or truncate tables: they run as the owner, not the application role.
  let dataSource: DataSource;
  try {
    dataSource = createDataSource(resolveMigrationDatabaseUrl());
  } catch (error) {
    exitOnStartupFailure('database', error);
  }
  dataSource
    .initialize()
    .then(() => task(dataSource))
    .then(
      () => dataSource.destroy().then(() => process.exit(0)),
      async (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        if (dataSource.isInitialized) await dataSource.destroy();
        process.exit(1);
      },
    );
}
