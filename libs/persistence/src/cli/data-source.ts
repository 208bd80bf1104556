import { resolveMigrationDatabaseUrl } from '../config';
import { createDataSource } from '../data-source';

/** For the TypeORM CLI, e.g. `npx typeorm -d libs/persistence/dist/cli/data-source.js migration:show`. */
export default createDataSource(resolveMigrationDatabaseUrl());
