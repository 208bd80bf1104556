import { journeyIdFor, journeyIdKey, JOURNEY_ID_PATTERN } from './journey-id';
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

  it('refuse to run in production on the development key', () => {
    expect(() => journeyIdKey({ NODE_ENV: 'production' })).toThrow(/JOURNEY_ID_KEY/);
    expect(journeyIdKey({ NODE_ENV: 'production', JOURNEY_ID_KEY: 'k' })).toBe('k');
  });
});

describe('Temporal settings', () => {
  it('default to the local dev server', () => {
    expect(temporalSettings({})).toMatchObject({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'sal-journeys', connection: { address: '127.0.0.1:7233' } });
    expect(temporalSettings({}).connection.tls).toBeUndefined();
  });

  it('turn TLS on with an API key and send the namespace header', () => {
    const s = temporalSettings({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'secret' });
    expect(s.connection.tls).toBeDefined();
    expect(s.connection.apiKey).toBe('secret');
    expect(s.connection.metadata).toEqual({ 'temporal-namespace': 'ns.acct' });
  });

  it('refuse half an mTLS pair', () => {
    expect(() => temporalSettings({ TEMPORAL_TLS_CERT_PATH: '/x.pem' })).toThrow(/go together/);
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
