import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, undocumentedVariables } from '@sal/config';
import { API_ENVIRONMENT, loadApiSettings } from './api-settings';

const quiet = { warn: () => undefined };

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadApiSettings', () => {
  it('defaults to 127.0.0.1:3000 with a 100kb body limit and a 30 s command deadline', () => {
    const s = loadApiSettings({}, quiet);
    expect(s).toMatchObject({ host: '127.0.0.1', port: 3000, bodyLimit: '100kb', updateTimeoutMs: 30_000, developmentPayloadKey: true });
    expect([...s.codec.uiOrigins]).toEqual(['http://127.0.0.1:8233', 'http://localhost:8233']);
    expect(s.databaseUrl).toBe('postgres://sal_app:postgres@127.0.0.1:54329/sal_journeys');
  });

  it('reads the environment', () => {
    const s = loadApiSettings({ API_HOST: '0.0.0.0', API_PORT: '13000', TEMPORAL_ADDRESS: 'temporal:7233', DATABASE_URL: 'postgres://u@db:5432/x' }, quiet);
    expect(s).toMatchObject({ host: '0.0.0.0', port: 13000, databaseUrl: 'postgres://u@db:5432/x' });
    expect(s.temporal.address).toBe('temporal:7233');
  });

  it('refuses every wrong value at once, naming each variable, whichever part of the product declares it', () => {
    const problems = problemsOf(() =>
      loadApiSettings(
        {
          API_PORT: '70000',
          API_HOST: 'not a host',
          API_UPDATE_TIMEOUT_MS: 'soon',
          AUTH_JWT_SECRET: 'short',
          TEMPORAL_UI_ORIGINS: 'https://ui.example.org/path',
          TEMPORAL_ADDRESS: 'temporal',
          DATABASE_URL: 'mysql://db/x',
          PAYLOAD_ENCRYPTION_KEY_ID: 'k9',
        },
        quiet,
      ),
    ).join('\n');
    for (const name of ['API_PORT', 'API_HOST', 'API_UPDATE_TIMEOUT_MS', 'AUTH_JWT_SECRET', 'TEMPORAL_UI_ORIGINS', 'TEMPORAL_ADDRESS', 'DATABASE_URL', 'PAYLOAD_ENCRYPTION_KEY_ID']) {
      expect(problems).toMatch(new RegExp(`^${name} `, 'm'));
    }
    expect(problems).not.toContain('short');
    expect(problems).not.toContain('mysql');
  });

  it('refuses to run in production without its secrets', () => {
    const problems = problemsOf(() => loadApiSettings({ NODE_ENV: 'production' }, quiet));
    expect(problems).toEqual([
      'AUTH_OIDC_ISSUER, AUTH_JWKS_URL or AUTH_JWT_SECRET must be set in production',
      'JOURNEY_ID_KEY must be set in production',
      'PAYLOAD_ENCRYPTION_KEYS must be set in production',
    ]);
  });

  it('still reads the earlier Temporal TLS names, with a warning', () => {
    const warnings: string[] = [];
    const s = loadApiSettings({ TEMPORAL_TLS_CA_PATH: __filename }, { warn: (m) => warnings.push(m) });
    expect(s.temporal.connection.tls).toMatchObject({ serverRootCACertificate: expect.anything() });
    expect(warnings).toContain('configuration: TEMPORAL_TLS_CA_PATH is deprecated and will stop working in the next release; rename it TEMPORAL_TLS_SERVER_CA_CERT_PATH');
  });
});

describe('the API configuration', () => {
  it('is all in the README\'s Configuration table and in .env.example', () => {
    const root = path.resolve(__dirname, '../../../..');
    const docs = { readme: readFileSync(path.join(root, 'README.md'), 'utf8'), envExample: readFileSync(path.join(root, '.env.example'), 'utf8') };
    expect(undocumentedVariables(API_ENVIRONMENT, docs)).toEqual([]);
  });
});
