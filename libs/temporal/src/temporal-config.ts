import type { ConnectionOptions } from '@temporalio/client';
import { loadClientConfigProfile, toClientOptions } from '@temporalio/envconfig';
import {
  canonicalEnv,
  ConfigurationError,
  defineEnv,
  hostAndPort,
  loadEnv,
  readableFile,
  text,
  trueFalse,
  variable,
  type LoadOptions,
} from '@sal/config';

/** The options both the client Connection and the worker's NativeConnection accept. */
export type TemporalConnectionOptions = Pick<ConnectionOptions, 'address' | 'tls' | 'metadata'> & { apiKey?: string };

/** How to reach Temporal, read once from the environment. Defaults point at the local dev server. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  connection: TemporalConnectionOptions;
  /** Whether the address was configured (a variable or the profile) rather than the local default: `npm start` then starts no dev server. */
  addressConfigured: boolean;
}

export const DEFAULT_TEMPORAL_ADDRESS = '127.0.0.1:7233';
export const DEFAULT_TEMPORAL_NAMESPACE = 'default';

/**
 * The Temporal connection, under the standard names of Temporal's environment configuration (`@temporalio/envconfig`,
 * the same as the `temporal` CLI's), plus the product's task queue. A TOML file of profiles
 * (`TEMPORAL_CONFIG_FILE`, default `~/.config/temporalio/temporal.toml`; `TEMPORAL_PROFILE`, default `default`) may hold
 * any of them; a variable wins over the profile. Envconfig also reads `TEMPORAL_TLS_CLIENT_CERT_DATA`,
 * `TEMPORAL_TLS_CLIENT_KEY_DATA`, `TEMPORAL_TLS_SERVER_CA_CERT_DATA` and `TEMPORAL_GRPC_META_*`, which are passed on as
 * they are.
 */
export const TEMPORAL_ENV = defineEnv(
  {
    TEMPORAL_ADDRESS: variable(hostAndPort(), {
      description: 'Temporal frontend `host:port`; when set (or in the profile), `npm start` starts no dev server',
      defaultText: "the profile's, else `127.0.0.1:7233` (`npm start`: a dev server)",
    }),
    TEMPORAL_NAMESPACE: variable(text(), { description: 'namespace', defaultText: "the profile's, else `default`" }),
    TEMPORAL_TASK_QUEUE: variable(text(), { description: 'task queue of the worker and the API', default: 'sal-journeys' }),
    TEMPORAL_API_KEY: variable(text(), { description: 'API key (Temporal Cloud); turns TLS on', secret: true }),
    TEMPORAL_TLS: variable(trueFalse(), {
      description: '`true`: TLS without a client certificate; `false`: no TLS even with an API key or TLS settings',
      defaultText: 'on with an API key or any TLS setting',
    }),
    TEMPORAL_TLS_CLIENT_CERT_PATH: variable(readableFile(), {
      description: 'mTLS client certificate (with the key)',
      replaces: ['TEMPORAL_TLS_CERT_PATH'],
    }),
    TEMPORAL_TLS_CLIENT_KEY_PATH: variable(readableFile(), { description: 'mTLS client key (with the certificate)', replaces: ['TEMPORAL_TLS_KEY_PATH'] }),
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: variable(readableFile(), { description: 'CA of the server certificate', replaces: ['TEMPORAL_TLS_CA_PATH'] }),
    TEMPORAL_TLS_SERVER_NAME: variable(text(), { description: 'server name to verify instead of the address host' }),
    TEMPORAL_CONFIG_FILE: variable(readableFile(), {
      description: 'TOML file of connection profiles (`[profile.<name>]` with `address`, `namespace`, `api_key`, `[profile.<name>.tls]` …)',
      defaultText: '`~/.config/temporalio/temporal.toml` when it exists',
    }),
    TEMPORAL_PROFILE: variable(text(), { description: 'profile of that file to use', defaultText: '`default`' }),
  },
  (v, problem) => {
    if (Boolean(v.TEMPORAL_TLS_CLIENT_CERT_PATH) !== Boolean(v.TEMPORAL_TLS_CLIENT_KEY_PATH)) {
      problem(v.TEMPORAL_TLS_CLIENT_CERT_PATH ? 'TEMPORAL_TLS_CLIENT_KEY_PATH' : 'TEMPORAL_TLS_CLIENT_CERT_PATH', 'must be set too: mTLS needs the certificate and the key');
    }
  },
);

/**
 * Reads the Temporal connection: the variables of {@link TEMPORAL_ENV} over the profile of the TOML file, through
 * `@temporalio/envconfig`. An API key sends the `temporal-namespace` header too (Temporal Cloud).
 * @throws ConfigurationError naming the variable (or the profile's file) that is wrong.
 */
export function temporalSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): TemporalSettings {
  const values = loadEnv(TEMPORAL_ENV, env, options);
  // TEMPORAL_TLS is applied below with the product's meaning; envconfig reads it as its own switch.
  const standard = canonicalEnv([TEMPORAL_ENV], env, options);
  delete standard['TEMPORAL_TLS'];
  const file = values.TEMPORAL_CONFIG_FILE ?? '~/.config/temporalio/temporal.toml';
  const profileName = values.TEMPORAL_PROFILE ?? 'default';
  let profile: ReturnType<typeof loadClientConfigProfile>;
  let connect: ReturnType<typeof toClientOptions>;
  try {
    profile = loadClientConfigProfile({ overrideEnvVars: standard });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let problem = `TEMPORAL_CONFIG_FILE ${file} cannot be read: ${message}`;
    if (values.TEMPORAL_PROFILE && /not found/i.test(message)) problem = `TEMPORAL_PROFILE names no profile '${profileName}' of ${file}`;
    // envconfig fails on a file without a `profile` table.
    else if (error instanceof TypeError) problem = `TEMPORAL_CONFIG_FILE ${file} holds no [profile.<name>] table`;
    throw new ConfigurationError([problem]);
  }
  const problems: string[] = [];
  const where = `(profile '${profileName}' of ${file})`;
  if (profile.address !== undefined && values.TEMPORAL_ADDRESS === undefined && !hostAndPort().safeParse(profile.address).success) {
    problems.push(`TEMPORAL_CONFIG_FILE: the address ${where} must be host:port, got '${profile.address}'`);
  }
  if (Boolean(profile.tls?.clientCert) !== Boolean(profile.tls?.clientKey)) {
    problems.push(`TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH ${where} go together: mTLS needs the certificate and the key`);
  }
  try {
    connect = toClientOptions(profile);
  } catch (error) {
    problems.push(`TEMPORAL_CONFIG_FILE: a TLS file ${where} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  const address = connect!.connectionOptions.address ?? DEFAULT_TEMPORAL_ADDRESS;
  const namespace = connect!.namespace ?? DEFAULT_TEMPORAL_NAMESPACE;
  const connection: TemporalConnectionOptions = { address };
  const tls = values.TEMPORAL_TLS === undefined ? connect!.connectionOptions.tls : values.TEMPORAL_TLS ? (connect!.connectionOptions.tls || true) : false;
  if (tls !== undefined) connection.tls = tls;
  const apiKey = connect!.connectionOptions.apiKey;
  const metadata = { ...connect!.connectionOptions.metadata };
  if (typeof apiKey === 'string') {
    connection.apiKey = apiKey;
    metadata['temporal-namespace'] ??= namespace;
  }
  if (Object.keys(metadata).length > 0) connection.metadata = metadata;
  return { address, namespace, taskQueue: values.TEMPORAL_TASK_QUEUE, connection, addressConfigured: profile.address !== undefined };
}
