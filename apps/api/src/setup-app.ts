import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { commandBodySchemas } from './journeys/journey-commands.controller';
import { RequestValidationPipe } from './common/pipes/request-validation.pipe';
import { ErrorResponseDto } from './common/error-response.dto';
import type { ApiSettings } from './config/api-settings';
import type { Logger } from '@sal/temporal';
import { requestObservability } from './observability-middleware';

/** Everything `main` sets on the app besides the modules: body parsing, validation, shutdown hooks, OpenAPI. */
export function setupApp(app: NestExpressApplication, settings: ApiSettings, logger?: Logger): void {
  // First: every request gets its id, its log line and its metrics, whatever answers it.
  if (logger) app.use(requestObservability(logger));
  // Nothing says what runs the API, and no answer is kept by a browser or proxy: lists, journeys, staff and
  // notifications carry personal data, and errors name journeys. Only the OpenAPI page and its assets may be cached.
  app.disable('x-powered-by');
  app.use(noStore);
  // JSON only, bounded: an oversized body is refused (413) before any parsing work.
  app.useBodyParser('json', { limit: settings.bodyLimit });
  app.useGlobalPipes(new RequestValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * `Cache-Control: no-store` on every answer but the OpenAPI UI's page and assets under `/docs/` and the console's
 * built assets under `/console/assets/` (content-hashed file names, no data).
 */
export function noStore(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/docs' && !path.startsWith('/docs/') && !path.startsWith('/console/assets/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The API's OpenAPI document (also written by `cli/openapi.ts` for the console's typed client). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Servizi al Lavoro – journey engine API')
    .setDescription(
      'Each beneficiary\'s journey (DID → presa in carico → Patto di servizio personalizzato → actions → closure) is a durable ' +
        'Temporal workflow; lists and timelines come from a PostgreSQL read model that follows it within about a second.\n\n' +
        'Every error answers `{ "error": { "code", "message", "fields"?, "journeyId"? } }` with a stable `code`.\n\n' +
        'Every endpoint but `/health` needs `Authorization: Bearer <JWT>` with claims `sub`, `role` (operator, supervisor, ' +
        'regional_supervisor, administrator) and `offices`; on the embedded defaults `npm run -s token -- --role … --office …` issues one. ' +
        'Operators act on journeys of their offices, supervisors read their offices, administrators change catalogues and staff. ' +
        'Every request by an authenticated caller is recorded in the audit log (`GET /audit`).',
    )
    .setVersion('0.1.0')
    .addTag('journeys', 'Beneficiaries\' journeys: start, commands, live state, lists and timelines')
    .addTag('programmes', 'Programme catalogues: versioned clocks that journeys pin when they start (administrators)')
    .addTag('supervisor', 'Stalled cases, overdue actions and KPIs for the offices a supervisor oversees')
    .addTag('staff', 'Operators and supervisors of each office, and where their notices go')
    .addTag('notifications', 'The notification outbox: every message, its delivery attempts, and retries of failed ones')
    .addTag('codec', "Temporal's remote codec: decrypts payloads for the Web UI and CLI (administrators and supervisors)")
    .addTag('audit', 'Who read or did what, when, with what outcome (administrators)')
    .addTag('health', 'Liveness and dependencies')
    .addTag('console', "How the console signs in, and its development sign-in")
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  // The commands' bodies come from their schemas (the command table), not from DTO classes.
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...commandBodySchemas() } };
  return document;
}
