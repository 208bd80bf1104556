import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@sal/config';
import { episodeJourneyIdFor, journeyIdFor, journeyIdKey, JOURNEY_ID_PATTERN, personRefFor, PERSON_REF_PATTERN, transferJourneyIdFor } from './journey-id';
import { journeySearchAttributeTypes } from './search-attributes';
import { temporalSettings } from './temporal-config';

describe('journey ids', () => {
  const key = 'test-key';

  it('are stable for a person and programme, whatever the case or spacing of the fiscal code', () => {
    const id = journeyIdFor('RSSMRA85T10A562S', 'GOL-1', key);
    expect(id).toMatch(JOURNEY_ID_PATTERN);
    expect(journeyIdFor(' rssmra85t10a562s ', 'GOL-1', key)).toBe(id);
  });

  it('differ per programme and per key, and reveal nothing of the fiscal code', () => {
    const id = journeyIdFor('RSSMRA85T10A562S', 'GOL-1', key);
    expect(journeyIdFor('RSSMRA85T10A562S', 'GOL-2', key)).not.toBe(id);
    expect(journeyIdFor('RSSMRA85T10A562S', 'GOL-1', 'another-key')).not.toBe(id);
    expect(id.toUpperCase()).not.toContain('RSSMRA');
  });

  it('person references are stable per person, match no journey id and reveal nothing', () => {
    const ref = personRefFor('RSSMRA85T10A562S', key);
    expect(ref).toMatch(PERSON_REF_PATTERN);
    expect(personRefFor(' rssmra85t10a562s', key)).toBe(ref);
    expect(personRefFor('BNCLRA80A41F205G', key)).not.toBe(ref);
    expect(personRefFor('RSSMRA85T10A562S', 'another-key')).not.toBe(ref);
    expect(ref.slice(4)).not.toBe(journeyIdFor('RSSMRA85T10A562S', 'GOL-1', key).slice(4));
    expect(ref.toUpperCase()).not.toContain('RSSMRA');
  });

  it('episode ids are the same for a person and DID, new for a new DID, and differ from every other kind of id', () => {
    const id = episodeJourneyIdFor('RSSMRA85T10A562S', '2026-01-15', key);
    expect(id).toMatch(JOURNEY_ID_PATTERN);
    expect(episodeJourneyIdFor(' rssmra85t10a562s ', '2026-01-15', key)).toBe(id);
    expect(episodeJourneyIdFor('RSSMRA85T10A562S', '2026-09-01', key)).not.toBe(id);
    expect(episodeJourneyIdFor('BNCLRA80A41F205G', '2026-01-15', key)).not.toBe(id);
    expect(episodeJourneyIdFor('RSSMRA85T10A562S', '2026-01-15', 'another-key')).not.toBe(id);
    expect([journeyIdFor('RSSMRA85T10A562S', 'GOL-1', key), personRefFor('RSSMRA85T10A562S', key).replace('prs_', 'jrn_')]).not.toContain(id);
  });

  it('the next episode of a transfer is derived from the journey transferred and the target programme', () => {
    const from = episodeJourneyIdFor('RSSMRA85T10A562S', '2026-01-15', key);
    const next = transferJourneyIdFor(from, 'GOL-2', key);
    expect(next).toMatch(JOURNEY_ID_PATTERN);
    expect(transferJourneyIdFor(from, 'GOL-2', key)).toBe(next);
    expect(new Set([next, from, transferJourneyIdFor(from, 'GOL-3', key), transferJourneyIdFor(next, 'GOL-2', key)]).size).toBe(4);
  });

  it('refuse to run in production on the development key', () => {
    expect(() => journeyIdKey({ NODE_ENV: 'production' })).toThrow(/JOURNEY_ID_KEY/);
    expect(journeyIdKey({ NODE_ENV: 'production', JOURNEY_ID_KEY: 'k' })).toBe('k');
  });
});

describe('Temporal settings', () => {
  let dir: string;
  /** A profile file of the test's own, so a developer's ~/.config/temporalio/temporal.toml does not leak in. */
  let none: string;
  const quiet = { warn: () => undefined };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sal-temporal-config-'));
    none = path.join(dir, 'empty.toml');
    writeFileSync(none, '[profile]\n');
    for (const name of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(path.join(dir, name), `${name} bytes`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string) => path.join(dir, name);

  it('default to the local dev server', () => {
    const s = temporalSettings({ TEMPORAL_CONFIG_FILE: none });
    expect(s).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'sal-journeys', addressConfigured: false });
    expect(s.connection).toEqual({ address: '127.0.0.1:7233' });
  });

  it('turn TLS on with an API key and send the namespace header', () => {
    const s = temporalSettings({ TEMPORAL_CONFIG_FILE: none, TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'secret' });
    expect(s.addressConfigured).toBe(true);
    expect(s.connection.tls).toBe(true);
    expect(s.connection.apiKey).toBe('secret');
    expect(s.connection.metadata).toEqual({ 'temporal-namespace': 'ns.acct' });
  });

  it('read mTLS files under the standard names', () => {
    const s = temporalSettings({
      TEMPORAL_CONFIG_FILE: none,
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key'),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(s.connection.tls).toEqual({
      serverNameOverride: 'temporal.internal',
      serverRootCACertificate: Buffer.from('ca.pem bytes'),
      clientCertPair: { crt: Buffer.from('client.pem bytes'), key: Buffer.from('client.key bytes') },
    });
  });

  it('still read the earlier TLS names for one release, warning once per name', () => {
    const warnings: string[] = [];
    const env = { TEMPORAL_CONFIG_FILE: none, TEMPORAL_TLS_CERT_PATH: file('client.pem'), TEMPORAL_TLS_KEY_PATH: file('client.key'), TEMPORAL_TLS_CA_PATH: file('ca.pem') };
    const warn = (m: string) => warnings.push(m);
    const s = temporalSettings(env, { warn });
    temporalSettings(env, { warn });
    expect(s.connection.tls).toMatchObject({ clientCertPair: { crt: Buffer.from('client.pem bytes') }, serverRootCACertificate: Buffer.from('ca.pem bytes') });
    expect(warnings).toEqual([
      'configuration: TEMPORAL_TLS_CERT_PATH is deprecated and will stop working in the next release; rename it TEMPORAL_TLS_CLIENT_CERT_PATH',
      'configuration: TEMPORAL_TLS_KEY_PATH is deprecated and will stop working in the next release; rename it TEMPORAL_TLS_CLIENT_KEY_PATH',
      'configuration: TEMPORAL_TLS_CA_PATH is deprecated and will stop working in the next release; rename it TEMPORAL_TLS_SERVER_CA_CERT_PATH',
    ]);
  });

  it('refuse half an mTLS pair, a missing file and a wrong address, naming each variable', () => {
    const attempt = () =>
      temporalSettings({ TEMPORAL_CONFIG_FILE: none, TEMPORAL_ADDRESS: 'temporal', TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem'), TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('nope.pem') }, quiet);
    expect(attempt).toThrow(ConfigurationError);
    expect(() => attempt()).toThrow(
      expect.objectContaining({
        problems: [
          "TEMPORAL_ADDRESS must be host:port, such as 127.0.0.1:7233, got 'temporal'",
          `TEMPORAL_TLS_SERVER_CA_CERT_PATH must name a readable file, got '${file('nope.pem')}'`,
          'TEMPORAL_TLS_CLIENT_KEY_PATH must be set too: mTLS needs the certificate and the key',
        ],
      }),
    );
    expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: none, TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key') })).toThrow(/TEMPORAL_TLS_CLIENT_CERT_PATH must be set too/);
    expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: none, TEMPORAL_TLS: 'yes' })).toThrow(/TEMPORAL_TLS must be true or false/);
  });

  it('TEMPORAL_TLS=true turns TLS on without any file, false turns it off even with an API key', () => {
    expect(temporalSettings({ TEMPORAL_CONFIG_FILE: none, TEMPORAL_TLS: 'true' }).connection.tls).toBe(true);
    expect(temporalSettings({ TEMPORAL_CONFIG_FILE: none, TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' }).connection.tls).toBe(false);
  });

  describe('from a TOML file of profiles', () => {
    let toml: string;
    beforeAll(() => {
      toml = file('temporal.toml');
      writeFileSync(
        toml,
        [
          '[profile.default]',
          'address = "temporal.internal:7233"',
          'namespace = "sal-dev"',
          '',
          '[profile.cloud]',
          'address = "sal.acct.tmprl.cloud:7233"',
          'namespace = "sal.acct"',
          'api_key = "cloud-key"',
          '',
          '[profile.mtls]',
          'address = "temporal.internal:7233"',
          '[profile.mtls.tls]',
          `client_cert_path = "${file('client.pem')}"`,
          `client_key_path = "${file('client.key')}"`,
          'server_name = "temporal.internal"',
          '',
          '[profile.broken]',
          'address = "no port here"',
        ].join('\n'),
      );
    });

    it('take the default profile, and count its address as configured (no dev server)', () => {
      expect(temporalSettings({ TEMPORAL_CONFIG_FILE: toml })).toMatchObject({ address: 'temporal.internal:7233', namespace: 'sal-dev', addressConfigured: true });
    });

    it('take the profile TEMPORAL_PROFILE names, a variable winning over the file', () => {
      const s = temporalSettings({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'cloud', TEMPORAL_NAMESPACE: 'sal-override.acct' });
      expect(s).toMatchObject({ address: 'sal.acct.tmprl.cloud:7233', namespace: 'sal-override.acct' });
      expect(s.connection).toEqual({
        address: 'sal.acct.tmprl.cloud:7233',
        apiKey: 'cloud-key',
        tls: true,
        metadata: { 'temporal-namespace': 'sal-override.acct' },
      });
      const mtls = temporalSettings({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'mtls' });
      expect(mtls.connection.tls).toMatchObject({ serverNameOverride: 'temporal.internal', clientCertPair: { crt: Buffer.from('client.pem bytes'), key: Buffer.from('client.key bytes') } });
    });

    it('name TEMPORAL_PROFILE when the file has no such profile, and the file when its address is wrong', () => {
      expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'staging' })).toThrow(/TEMPORAL_PROFILE names no profile 'staging'/);
      expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'broken' })).toThrow(/TEMPORAL_CONFIG_FILE: the address \(profile 'broken'.*must be host:port/);
      const notToml = file('not.toml');
      writeFileSync(notToml, '[profile.default\naddress = ');
      expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: notToml })).toThrow(/TEMPORAL_CONFIG_FILE .*not\.toml cannot be read/);
      expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: file('missing.toml') })).toThrow(/TEMPORAL_CONFIG_FILE must name a readable file/);
      const noProfiles = file('no-profiles.toml');
      writeFileSync(noProfiles, '# nothing yet\n');
      expect(() => temporalSettings({ TEMPORAL_CONFIG_FILE: noProfiles })).toThrow(/TEMPORAL_CONFIG_FILE .*no-profiles\.toml holds no \[profile\.<name>\] table/);
    });
  });
});

describe('search attributes', () => {
  it('are registered with the types the workflow writes', () => {
    expect(journeySearchAttributeTypes()).toEqual({
      JourneyStage: 'Keyword',
      JourneyStatus: 'Keyword',
      OfficeId: 'Keyword',
      ProgrammeCode: 'Keyword',
      NextDeadline: 'Datetime',
      OverdueActions: 'Int',
      Stalled: 'Bool',
    });
  });
});
