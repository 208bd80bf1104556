import { defineEnv, port, url, variable, wholeNumber } from '@sal/config';

/** The variables only `npm run cluster` reads (infra/src/cluster.ts). */
export const CLUSTER_ENV = defineEnv({
  TEMPORAL_CLUSTER_PORT: variable(port(), {
    description: '`npm run cluster`: frontend gRPC port (the other services follow the server config\'s offsets: history +1, matching +2, worker +6, HTTP +10, membership −300, metrics +767)',
    default: 7_233,
  }),
  TEMPORAL_CLUSTER_SHARDS: variable(wholeNumber(1, 16_384), {
    description: '`npm run cluster`: history shards, fixed when its databases are first set up',
    default: 4,
  }),
  TEMPORAL_CLUSTER_DATABASE_URL: variable(url(['postgres', 'postgresql'], 'postgres://user:password@host:5432/postgres'), {
    description: '`npm run cluster`: a PostgreSQL server (a user that may create databases) for the `temporal` and `temporal_visibility` databases',
    defaultText: 'unset: an embedded PostgreSQL in `<SAL_DATA_DIR>/cluster/postgres`',
    secret: true,
  }),
  TEMPORAL_CLUSTER_PG_PORT: variable(port(), { description: '`npm run cluster`: port of its embedded PostgreSQL (127.0.0.1 only)', default: 54_339 }),
});
