import type { DataSource } from 'typeorm';
import { createDatabase, dropDatabase } from '@sal/infra';
import { createDataSource } from '@sal/persistence';
import { testStack, uniqueSuffix } from './env';

export interface ThrowawayDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh database with the project's migrations applied, dropped by `drop()`. */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const { adminDatabaseUrl } = testStack();
  const name = `sal_test_${uniqueSuffix()}`;
  await createDatabase(adminDatabaseUrl, name);
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  const dataSource = await createDataSource(url.toString(), { extra: { max: 4 } }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(adminDatabaseUrl, name);
    },
  };
}
