import pino, { type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { contextLogFields } from './request-id';
import type { ObservabilitySettings } from './settings';

export type { Logger } from 'pino';

/**
 * Paths never written whatever a caller passes (belt and braces: the code logs ids and counts, not people). pino
 * replaces them with `[redacted]`.
 */
export const REDACTED_LOG_PATHS = [
  'fiscalCode', '*.fiscalCode', 'name', '*.name', 'firstName', '*.firstName', 'lastName', '*.lastName', 'email', '*.email',
  'phone', '*.phone', 'address', '*.address', 'toAddress', '*.toAddress', 'authorization', '*.authorization', 'headers.authorization',
  'req.headers.authorization', 'req.headers.cookie',
];

/** The process's pino logger: JSON lines on stdout (pretty on a terminal), the request and trace ids of the active context on each. */
export function createLogger(service: string, settings: Pick<ObservabilitySettings, 'logLevel' | 'logFormat'>): Logger {
  const options: LoggerOptions = {
    level: settings.logLevel,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    mixin: contextLogFields,
  };
  if (settings.logFormat === 'pretty') {
    return pino(options, pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }));
  }
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

const TEMPORAL_LEVELS: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal runtime's logger on pino: the SDK's own lines, the workflows' `log` and the activities' context logger
 * (with their workflow id, activity type and the request id their interceptors add) become JSON lines like the rest.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const write = (level: TemporalLogLevel, message: string, meta?: LogMetadata) => {
    const { sdkComponent, ...rest } = (meta ?? {}) as LogMetadata & { sdkComponent?: string };
    logger[TEMPORAL_LEVELS[level] ?? 'info']({ ...(sdkComponent ? { component: sdkComponent } : {}), ...rest }, message);
  };
  return {
    log: write,
    trace: (m, meta) => write('TRACE', m, meta),
    debug: (m, meta) => write('DEBUG', m, meta),
    info: (m, meta) => write('INFO', m, meta),
    warn: (m, meta) => write('WARN', m, meta),
    error: (m, meta) => write('ERROR', m, meta),
  };
}

/** Names a pino level from Temporal Core's (the runtime's log forwarding filter). */
export function coreLogLevel(level: ObservabilitySettings['logLevel']): TemporalLogLevel {
  switch (level) {
    case 'trace':
      return 'TRACE';
    case 'debug':
      return 'DEBUG';
    case 'info':
      return 'INFO';
    case 'warn':
      return 'WARN';
    default:
      return 'ERROR';
  }
}
