// First: the tracer and the HTTP instrumentation before Express loads, and the logger.
import { apiLogger, apiTracing, PinoNestLogger } from './observability';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { exitOnStartupFailure } from '@sal/config';
import { loadApiSettings, type ApiSettings } from './config/api-settings';
import { setupApp } from './setup-app';
import { consoleDistDir } from './console/console.module';

/** The API process: settings are read and checked once, then the app listens until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let settings: ApiSettings;
  try {
    settings = loadApiSettings(process.env, { warn: (warning) => apiLogger.warn({ context: 'Config' }, warning) });
  } catch (error) {
    exitOnStartupFailure('api', error);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings), {
    bodyParser: false,
    abortOnError: false,
    logger: new PinoNestLogger(apiLogger),
  });
  process.once('beforeExit', () => void apiTracing.shutdown());
  setupApp(app, settings, apiLogger);
  await app.listen(settings.port, settings.host);
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}`;
  new Logger('Api').log(
    `listening on ${url} (docs ${url}/docs${consoleDistDir() ? `, console ${url}/console/` : ''}) — Temporal ${settings.temporal.address} namespace ${settings.temporal.namespace} task queue ${settings.temporal.taskQueue}`,
  );
}

main().catch((error: unknown) => {
  console.error('api: failed to start:', error);
  process.exit(1);
});
