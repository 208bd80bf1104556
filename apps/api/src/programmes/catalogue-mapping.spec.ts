import { DM_10_APRILE_2018, GOL_DEFAULT_CATALOGUES } from '@sal/domain';
import { clocksInOrder, toDto } from './catalogue-mapping';

describe('programme catalogues as the API answers them', () => {
  it('keeps every clock a catalogue states, core ones first, and nothing else', () => {
    const clocks = { appealWindow: 'PT30S', stallAfter: null, pactDeadline: 'P30D', escalationAfter: 'P7D', reminderBeforeDue: 'P2D', justificationWindow: null, extra: 'P1D' };
    expect(Object.entries(clocksInOrder(clocks as never))).toEqual([
      ['reminderBeforeDue', 'P2D'],
      ['escalationAfter', 'P7D'],
      ['pactDeadline', 'P30D'],
      ['stallAfter', null],
      ['justificationWindow', null],
      ['appealWindow', 'PT30S'],
    ]);
  });

  it('writes each service step as { service, after }, whatever key order the database gave', () => {
    const stored = { code: 'T', version: 2, title: 't', clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null }, services: [{ after: [], service: 'reception' as const }], workingDayClocks: [] };
    expect(JSON.stringify(toDto(stored).services)).toBe('[{"service":"reception","after":[]}]');
  });

  it('shows services, working-day and roll-forward clocks when the version states them, and reads as before when it does not', () => {
    const gol = GOL_DEFAULT_CATALOGUES[0];
    expect(toDto({ ...gol, version: 2 })).toEqual({
      code: 'GOL-1',
      version: 2,
      scope: 'national',
      title: gol.title,
      clocks: gol.clocks,
      services: gol.services,
      workingDayClocks: ['offerExcuseWindow'],
      rollForwardClocks: gol.rollForwardClocks,
    });
    // in the clock table's order whatever the database gave, and absent when empty
    const reordered = toDto({ ...gol, version: 3, rollForwardClocks: { appealWindow: { saturdaysClosed: true }, firstContactAfterDid: { saturdaysClosed: false } } });
    expect(Object.keys(reordered.rollForwardClocks!)).toEqual(['firstContactAfterDid', 'appealWindow']);
    expect(toDto({ ...gol, version: 3, rollForwardClocks: {} })).not.toHaveProperty('rollForwardClocks');
    const bare = { code: 'T', version: 1, title: 't', clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null }, services: null, workingDayClocks: [] };
    expect(toDto(bare)).toEqual({ code: 'T', version: 1, scope: 'national', title: 't', clocks: bare.clocks });
    // Issue 15: a region's own version says whose it is.
    expect(toDto({ ...bare, scope: 'piemonte' }).scope).toBe('piemonte');
  });

  it("shows the thresholds of a congrua offer when the version states them, the D.M.'s for those it leaves out", () => {
    const bare = { code: 'T', version: 1, title: 't', clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null }, services: null, workingDayClocks: [] };
    expect(toDto({ ...bare, offerSuitability: { maxDistanceKm: 70 } }).offerSuitability).toEqual({ ...DM_10_APRILE_2018, maxDistanceKm: 70 });
    expect(toDto({ ...bare, offerSuitability: null })).not.toHaveProperty('offerSuitability');
  });
});
