import { InvalidConfigurationError, loadApiSettings } from './api-settings';

describe('loadApiSettings', () => {
  it('defaults to 127.0.0.1:3000 with a 100kb body limit and a 30 s command deadline', () => {
    const s = loadApiSettings({});
    expect(s).toMatchObject({ host: '127.0.0.1', port: 3000, bodyLimit: '100kb', updateTimeoutMs: 30_000 });
  });

  it('reads the environment', () => {
    const s = loadApiSettings({ API_HOST: '0.0.0.0', API_PORT: '13000', TEMPORAL_ADDRESS: 'temporal:7233', DATABASE_URL: 'postgres://u@db:5432/x' });
    expect(s).toMatchObject({ host: '0.0.0.0', port: 13000, databaseUrl: 'postgres://u@db:5432/x' });
    expect(s.temporal.address).toBe('temporal:7233');
  });

  it('refuses every wrong value at once, naming each variable', () => {
    const attempt = () => loadApiSettings({ API_PORT: '70000', API_HOST: 'not a host', API_UPDATE_TIMEOUT_MS: 'soon' });
    expect(attempt).toThrow(InvalidConfigurationError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as InvalidConfigurationError).problems.join('\n');
      expect(problems).toMatch(/API_PORT/);
      expect(problems).toMatch(/API_HOST/);
      expect(problems).toMatch(/API_UPDATE_TIMEOUT_MS/);
    }
  });

  it('refuses to run in production without the journey id key', () => {
    expect(() => loadApiSettings({ NODE_ENV: 'production' })).toThrow(/JOURNEY_ID_KEY/);
  });
});
