export { createDatabase, dropDatabase, ensureDatabase } from './databases';
export {
  DATABASE_ROLES,
  ensureDatabaseRoles,
  startEmbeddedPostgres,
  type DatabaseRoles,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres';
export { getFreePort, isPortFree } from './ports';
export { killOnExit, stopChild, type ExitInfo } from './process-utils';
export { findRepoRoot } from './repo-root';
export { type SearchAttributeTypeName } from '@sal/temporal';
export { findOrBuildTemporalCli, temporalCliCacheDir, TEMPORAL_CLI_VERSION, type Logger } from './temporal-cli';
export {
  FILE_SQLITE_PRAGMAS,
  sqlitePragmaArgs,
  startTemporalDevServer,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './temporal-dev-server';
export { waitFor, type WaitForOptions } from './wait-for';
export { startSmtpSink, type SinkMessage, type SmtpSink, type SmtpSinkOptions } from './smtp-sink';
export { K8S_DIR, kubernetesResources, manifestFiles, readManifests, type Manifest } from './deploy/manifests';
export {
  checkVisibilityLimits,
  clientTls,
  clusterPortsFrom,
  findOrBuildTemporalServer,
  POSTGRES_VISIBILITY_LIMITS,
  startTemporalCluster,
  temporalServerCacheDir,
  TEMPORAL_SERVER_VERSION,
  type TemporalCluster,
  type TemporalClusterOptions,
  type TemporalClusterPorts,
  type TemporalClusterTls,
} from './temporal-cluster';
