import type { DataSource } from 'typeorm';
import { createDatabase, dropDatabase, ensureDatabaseRoles } from '@sal/infra';
import { createDataSource } from '@sal/persistence';
import { testStack, uniqueSuffix } from './env';

export interface ThrowawayDatabase {
  /** As the application role (what the API and the worker connect with): no UPDATE, DELETE or TRUNCATE on the audit log. */
  url: string;
  /** As the owner of the schema (what migrations run as). */
  ownerUrl: string;
  /** Connected as the owner: tests inspect and arrange rows with it. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh database set up like the embedded default: owned by the owner role, which applies the project's migrations,
 * and used by the product as the application role (`url`). Dropped by `drop()`.
 */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const { adminDatabaseUrl } = testStack();
  const name = `sal_test_${uniqueSuffix()}`;
  await createDatabase(adminDatabaseUrl, name);
  const roles = await ensureDatabaseRoles(adminDatabaseUrl, name, decodeURIComponent(new URL(adminDatabaseUrl).password) || 'postgres');
  const dataSource = await createDataSource(roles.ownerUrl, { extra: { max: 4 } }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    url: roles.appUrl,
    ownerUrl: roles.ownerUrl,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(adminDatabaseUrl, name);
    },
  };
}
