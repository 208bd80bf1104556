/** Where the read model lives: `DATABASE_URL`, or the embedded PostgreSQL that `npm start` runs on its default port. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const port = env.EMBEDDED_PG_PORT ?? '54329';
  const password = encodeURIComponent(env.EMBEDDED_PG_PASSWORD ?? 'postgres');
  return `postgres://postgres:${password}@127.0.0.1:${port}/sal_journeys`;
}
