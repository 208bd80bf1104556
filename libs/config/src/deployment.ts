import { z } from 'zod';
import { defineEnv, variable } from './env';
import { commaList, host, port, text, url, wholeNumber } from './values';

/**
 * The variables that say where the parts of the product are, read both by the launcher (`npm start`, which starts the
 * embedded servers when they are unset) and by the processes it starts. Each is declared here once; the variables of
 * one process only live with that process (API, worker, notifications, Temporal).
 */

/** `NODE_ENV` and the data folder. */
export const RUNTIME_ENV = defineEnv({
  NODE_ENV: variable(text(), {
    description: '`production`: the secrets must be set (no development keys), the worker loads the prebuilt workflow bundle',
    defaultText: '–',
  }),
  SAL_DATA_DIR: variable(text(), {
    description: 'data of the embedded servers (Temporal SQLite file, PostgreSQL cluster, logs) and of the audit buffer',
    defaultText: './data',
  }),
});

export const DEFAULT_EMBEDDED_PG_PORT = 54_329;

const POSTGRES_URL = url(['postgres', 'postgresql'], 'postgres://user:password@host:5432/database');

/** The read model's PostgreSQL: an external server, or the embedded one `npm start` runs. */
export const DATABASE_ENV = defineEnv({
  DATABASE_URL: variable(POSTGRES_URL, {
    description: 'the database the API and the worker connect to, as the application role',
    defaultText: 'unset: embedded PostgreSQL as `sal_app`',
    secret: true,
  }),
  DATABASE_MIGRATION_URL: variable(POSTGRES_URL, {
    description: 'the same database as the owner of its schema (`npm run migrate`, `npm run rebuild-read-model`)',
    defaultText: '`DATABASE_URL`; embedded: `sal_owner`',
    secret: true,
  }),
  DATABASE_POOL_SIZE: variable(wholeNumber(1, 1_000), { description: 'connections per process', default: 10 }),
  EMBEDDED_PG_PORT: variable(port(), { description: 'port of the embedded PostgreSQL (127.0.0.1 only)', default: DEFAULT_EMBEDDED_PG_PORT }),
  EMBEDDED_PG_PASSWORD: variable(text(), {
    description: 'password of the embedded PostgreSQL superuser and of its roles `sal_owner`, `sal_app`',
    default: 'postgres',
    secret: true,
  }),
});

/** Where the API listens; the launcher probes it there. */
export const API_LISTEN_ENV = defineEnv({
  API_HOST: variable(host(), { description: 'interface the API listens on', default: '127.0.0.1' }),
  API_PORT: variable(port(), { description: 'port the API listens on', default: 3_000 }),
});

/** The worker's mail server; without it `npm start` runs a local mail sink. */
export const MAIL_SERVER_ENV = defineEnv({
  SMTP_URL: variable(url(['smtp', 'smtps'], 'smtp://user:password@mail.example.org:587'), {
    description: "the worker's mail server: `smtp://…:587` (STARTTLS when offered) or `smtps://…:465`",
    defaultText: 'unset: `npm start` runs a mail sink; otherwise nothing is sent',
    secret: true,
  }),
});

/** The dev server's Web UI, under both names a browser may use for it. */
export const DEFAULT_UI_ORIGINS = ['http://127.0.0.1:8233', 'http://localhost:8233'];

const ORIGIN = z.string().transform((entry, ctx) => {
  try {
    const parsed = new URL(entry);
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username) {
      return parsed.origin;
    }
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'must list origins such as http://127.0.0.1:8233 (no path)' });
  return z.NEVER;
});

/** Origins of the Temporal Web UI that may call the API's codec endpoint; `npm start` sets its own UI's. */
export const CODEC_ORIGINS_ENV = defineEnv({
  TEMPORAL_UI_ORIGINS: variable(commaList(ORIGIN), {
    description: "origins of the Temporal Web UI allowed to call the API's codec endpoint from a browser",
    default: DEFAULT_UI_ORIGINS,
    defaultText: DEFAULT_UI_ORIGINS.join(','),
  }),
});
