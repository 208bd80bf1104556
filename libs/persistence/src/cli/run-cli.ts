import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';

/** Runs a command-line task against the configured database, with a readable failure and exit code. */
export function runCli(task: (dataSource: DataSource) => Promise<void>): void {
  const dataSource = createDataSource();
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
