import {
  API_LISTEN_ENV,
  CODEC_ORIGINS_ENV,
  ConfigurationProblems,
  DATABASE_ENV,
  defineEnv,
  loadEnv,
  MAIL_SERVER_ENV,
  port,
  RUNTIME_ENV,
  text,
  variable,
  type EnvValues,
  type LoadOptions,
} from '@sal/config';
import { TEMPORAL_ENV, temporalSettings, type TemporalSettings } from '@sal/temporal';
import { TEMPORAL_CLI_ENV } from './temporal-cli';

/** The variables only `npm start` reads: the embedded servers it runs when no external one is configured. */
export const LAUNCH_ENV = defineEnv({
  TEMPORAL_PORT: variable(port(), { description: 'dev server gRPC port', default: 7_233 }),
  TEMPORAL_UI_PORT: variable(port(), { description: 'dev server Web UI port', default: 8_233 }),
  MAIL_SINK_SMTP_PORT: variable(port(), { description: 'SMTP port of the mail sink `npm start` runs when `SMTP_URL` is unset (127.0.0.1 only)', default: 2_525 }),
  MAIL_SINK_HTTP_PORT: variable(port(), { description: 'HTTP port of that mail sink (`/messages`)', default: 8_025 }),
  SAL_MIGRATE_SCRIPT: variable(text(), { description: 'migration entry point `npm start` runs', defaultText: '`libs/persistence/dist/cli/migrate.js`' }),
  SAL_WORKER_SCRIPT: variable(text(), { description: 'worker entry point `npm start` runs', defaultText: '`apps/worker/dist/main.js`' }),
  SAL_API_SCRIPT: variable(text(), { description: 'API entry point `npm start` runs', defaultText: '`apps/api/dist/main.js`' }),
});

/** Every schema `npm start` reads (it checks the variables of the processes it starts that say where things are). */
export const LAUNCH_ENVIRONMENT = [RUNTIME_ENV, LAUNCH_ENV, TEMPORAL_CLI_ENV, API_LISTEN_ENV, TEMPORAL_ENV, DATABASE_ENV, MAIL_SERVER_ENV, CODEC_ORIGINS_ENV] as const;

export interface LaunchSettings {
  runtime: EnvValues<typeof RUNTIME_ENV.variables>;
  launch: EnvValues<typeof LAUNCH_ENV.variables>;
  api: EnvValues<typeof API_LISTEN_ENV.variables>;
  temporal: TemporalSettings;
  database: EnvValues<typeof DATABASE_ENV.variables>;
  mail: EnvValues<typeof MAIL_SERVER_ENV.variables>;
  /** Whether `TEMPORAL_UI_ORIGINS` is set (else the launcher sets its own Web UI's). */
  uiOriginsSet: boolean;
}

/**
 * Reads and validates what `npm start` needs, before it starts anything.
 * @throws ConfigurationError listing every variable that is wrong.
 */
export function loadLaunchSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): LaunchSettings {
  const problems = new ConfigurationProblems();
  const runtime = problems.take(() => loadEnv(RUNTIME_ENV, env, options));
  const launch = problems.take(() => loadEnv(LAUNCH_ENV, env, options));
  problems.take(() => loadEnv(TEMPORAL_CLI_ENV, env, options));
  const api = problems.take(() => loadEnv(API_LISTEN_ENV, env, options));
  const temporal = problems.take(() => temporalSettings(env, options));
  const database = problems.take(() => loadEnv(DATABASE_ENV, env, options));
  const mail = problems.take(() => loadEnv(MAIL_SERVER_ENV, env, options));
  problems.take(() => loadEnv(CODEC_ORIGINS_ENV, env, options));
  problems.throwIfAny();
  return {
    runtime: runtime!,
    launch: launch!,
    api: api!,
    temporal: temporal!,
    database: database!,
    mail: mail!,
    uiOriginsSet: Boolean(env['TEMPORAL_UI_ORIGINS']?.trim()),
  };
}
