import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalEnv, undocumentedVariables } from '@sal/config';
import { LAUNCH_ENVIRONMENT, loadLaunchSettings } from './launch-settings';

const quiet = { warn: () => undefined };

describe('loadLaunchSettings', () => {
  it('starts the embedded servers when nothing points elsewhere', () => {
    const s = loadLaunchSettings({}, quiet);
    expect(s.temporal.addressConfigured).toBe(false);
    expect(s.database.DATABASE_URL).toBeUndefined();
    expect(s.launch).toMatchObject({ TEMPORAL_PORT: 7233, TEMPORAL_UI_PORT: 8233, MAIL_SINK_SMTP_PORT: 2525, MAIL_SINK_HTTP_PORT: 8025 });
    expect(s.api).toEqual({ API_HOST: '127.0.0.1', API_PORT: 3000 });
  });

  it('uses an external Temporal when TEMPORAL_ADDRESS is set', () => {
    expect(loadLaunchSettings({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'sal' }, quiet).temporal).toMatchObject({
      addressConfigured: true,
      address: 'temporal.internal:7233',
      namespace: 'sal',
    });
  });

  it('names every wrong variable before anything starts', () => {
    expect(() => loadLaunchSettings({ TEMPORAL_PORT: 'x', EMBEDDED_PG_PORT: '99999', API_PORT: '-1', SMTP_URL: 'mail.example.org' }, quiet)).toThrow(
      expect.objectContaining({
        problems: [
          "TEMPORAL_PORT must be a whole number from 1 to 65535, got 'x'",
          "API_PORT must be a whole number from 1 to 65535, got '-1'",
          "EMBEDDED_PG_PORT must be a whole number from 1 to 65535, got '99999'",
          'SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587',
        ],
      }),
    );
  });

  it('hands the processes it starts the current names of renamed variables', () => {
    const env = canonicalEnv(LAUNCH_ENVIRONMENT, { TEMPORAL_TLS_CA_PATH: '/ca.pem', HOME: '/home/sal' }, quiet);
    expect(env).toEqual({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/ca.pem', HOME: '/home/sal' });
  });

  it('is all in the README\'s Configuration table and in .env.example', () => {
    const root = path.resolve(__dirname, '../..');
    const docs = { readme: readFileSync(path.join(root, 'README.md'), 'utf8'), envExample: readFileSync(path.join(root, '.env.example'), 'utf8') };
    expect(undocumentedVariables(LAUNCH_ENVIRONMENT, docs)).toEqual([]);
  });
});
