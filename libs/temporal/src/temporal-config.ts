import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from '@temporalio/client';

/** The options both the client Connection and the worker's NativeConnection accept. */
export type TemporalConnectionOptions = Pick<ConnectionOptions, 'address' | 'tls' | 'metadata'> & { apiKey?: string };

/** How to reach Temporal, read once from the environment. Defaults point at the local dev server. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  connection: TemporalConnectionOptions;
}

/**
 * Reads `TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`, `TEMPORAL_TASK_QUEUE`, and for a secured cluster
 * `TEMPORAL_API_KEY` and/or `TEMPORAL_TLS_CERT_PATH` + `TEMPORAL_TLS_KEY_PATH` (mTLS), `TEMPORAL_TLS_CA_PATH`,
 * `TEMPORAL_TLS_SERVER_NAME`, or `TEMPORAL_TLS=true` for server-verified TLS alone.
 */
export function temporalSettings(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  const address = env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
  const namespace = env.TEMPORAL_NAMESPACE || 'default';
  const taskQueue = env.TEMPORAL_TASK_QUEUE || 'sal-journeys';
  const apiKey = env.TEMPORAL_API_KEY || undefined;
  const certPath = env.TEMPORAL_TLS_CERT_PATH;
  const keyPath = env.TEMPORAL_TLS_KEY_PATH;
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new Error('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together (mTLS needs both)');
  }
  const wantsTls = env.TEMPORAL_TLS === 'true' || Boolean(apiKey) || Boolean(certPath) || Boolean(env.TEMPORAL_TLS_CA_PATH);
  const connection: TemporalConnectionOptions = { address };
  if (wantsTls) {
    connection.tls = {
      serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME || undefined,
      serverRootCACertificate: env.TEMPORAL_TLS_CA_PATH ? readFileSync(env.TEMPORAL_TLS_CA_PATH) : undefined,
      clientCertPair: certPath && keyPath ? { crt: readFileSync(certPath), key: readFileSync(keyPath) } : undefined,
    };
  }
  if (apiKey) {
    connection.apiKey = apiKey;
    connection.metadata = { 'temporal-namespace': namespace };
  }
  return { address, namespace, taskQueue, connection };
}
