import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadApiSettings } from '../config/api-settings';
import { openApiDocument } from '../setup-app';

/**
 * Writes the API's OpenAPI document (the one served at `/docs-json`) to the file named by its argument, or stdout,
 * without a server, Temporal or PostgreSQL: Nest's preview mode builds the module graph without instantiating
 * anything. The console's typed client is generated from it (`npm run -w @sal/console generate:api`).
 */
async function main(): Promise<void> {
  const settings = loadApiSettings(process.env, { warn: () => undefined });
  const app = await NestFactory.create(AppModule.forRoot(settings), { preview: true, logger: false, abortOnError: false });
  const document = JSON.stringify(openApiDocument(app), null, 2) + '\n';
  await app.close();
  const out = process.argv[2];
  if (out) writeFileSync(out, document);
  else process.stdout.write(document);
}

main().catch((error: unknown) => {
  console.error('openapi: failed:', error);
  process.exit(1);
});
