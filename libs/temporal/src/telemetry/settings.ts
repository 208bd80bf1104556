import { defineEnv, loadEnv, oneOf, RUNTIME_ENV, url, variable, type LoadOptions } from '@sal/config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the API and the worker log and trace (issue 18, "Watching it run"). */
export const OBSERVABILITY_ENV = defineEnv({
  LOG_LEVEL: variable(oneOf(LOG_LEVELS), {
    description: 'least severe level written by the API and the worker (`fatal`, `error`, `warn`, `info`, `debug`, `trace`)',
    default: 'info' as LogLevel,
  }),
  LOG_FORMAT: variable(oneOf(['json', 'pretty'] as const), {
    description: '`json`: one JSON object per line (pino); `pretty`: coloured lines for a terminal',
    defaultText: '`pretty` when the output is a terminal and `NODE_ENV` is not `production`, else `json`',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable(url(['http', 'https'], 'http://otel-collector:4318'), {
    description: 'OpenTelemetry collector (OTLP over HTTP) the API and the worker send their traces to (`<endpoint>/v1/traces`); unset: no traces leave the process',
    defaultText: '–',
  }),
});

export interface ObservabilitySettings {
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  /** OTLP/HTTP traces endpoint (`…/v1/traces`), or none. */
  otlpTracesUrl: string | null;
}

/** Reads the logging and tracing settings; the default format follows the output (a terminal) and `NODE_ENV`. */
export function observabilitySettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}, isTty = Boolean(process.stdout.isTTY)): ObservabilitySettings {
  const runtime = loadEnv(RUNTIME_ENV, env, options);
  const v = loadEnv(OBSERVABILITY_ENV, env, options);
  const endpoint = v.OTEL_EXPORTER_OTLP_ENDPOINT;
  return {
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT ?? (isTty && runtime.NODE_ENV !== 'production' ? 'pretty' : 'json'),
    otlpTracesUrl: endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : null,
  };
}
