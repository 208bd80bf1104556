import { ConfigurationError } from '@sal/config';
import { DEFAULT_MAIL_FROM, loadNotificationSettings, redactSmtpUrl } from './settings';

describe('loadNotificationSettings', () => {
  it('defaults: no SMTP server, the default sender, a 1 s poll, 5 s → 15 min backoff, 50 attempts', () => {
    const s = loadNotificationSettings({});
    expect(s.smtp).toBeNull();
    expect(s.mailFrom).toBe(DEFAULT_MAIL_FROM);
    expect(s.dispatcher).toEqual({
      enabled: true,
      pollIntervalMs: 1_000,
      batchSize: 10,
      leaseMs: 120_000,
      backoff: { baseMs: 5_000, maxMs: 900_000 },
      maxAttempts: 50,
    });
  });

  it('reads the environment', () => {
    const s = loadNotificationSettings({
      SMTP_URL: 'smtps://sal:secret@mail.example.org:465',
      MAIL_FROM: 'CPI Torino <cpi.torino@example.org>',
      SMTP_TIMEOUT_MS: '5000',
      NOTIFICATIONS_POLL_MS: '250',
      NOTIFICATIONS_DISPATCHER: 'off',
    });
    expect(s.smtp).toEqual({ url: 'smtps://sal:secret@mail.example.org:465', timeoutMs: 5_000 });
    expect(s.mailFrom).toBe('CPI Torino <cpi.torino@example.org>');
    expect(s.dispatcher).toMatchObject({ enabled: false, pollIntervalMs: 250 });
  });

  it('refuses every wrong value at once, naming each variable', () => {
    const attempt = () =>
      loadNotificationSettings({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'nobody', NOTIFICATIONS_POLL_MS: 'often', NOTIFICATIONS_DISPATCHER: 'maybe' });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigurationError).problems.join('\n');
      for (const name of ['SMTP_URL', 'MAIL_FROM', 'NOTIFICATIONS_POLL_MS', 'NOTIFICATIONS_DISPATCHER']) expect(problems).toContain(name);
    }
  });

  it('requires an SMTP server in production unless this process does not send', () => {
    expect(() => loadNotificationSettings({ NODE_ENV: 'production' })).toThrow(/SMTP_URL is required/);
    expect(loadNotificationSettings({ NODE_ENV: 'production', NOTIFICATIONS_DISPATCHER: 'off' }).smtp).toBeNull();
  });

  it('refuses a lease too short for the SMTP timeouts, which would let a slow send be taken back and sent twice', () => {
    expect(() => loadNotificationSettings({ SMTP_TIMEOUT_MS: '60000', NOTIFICATIONS_LEASE_MS: '120000' })).toThrow(/NOTIFICATIONS_LEASE_MS/);
  });

  it('masks the password of an SMTP URL', () => {
    expect(redactSmtpUrl('smtp://sal:secret@mail.example.org:587')).toBe('smtp://sal:***@mail.example.org:587');
  });
});
