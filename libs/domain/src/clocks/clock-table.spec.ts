import { DEADLINE_KINDS } from '../journey/deadlines';
import { GOL_DEFAULT_CATALOGUES } from '../programme/catalogue';
import { CLOCK_NAMES, CLOCK_TABLE, CORE_CLOCK_NAMES, EXTRA_CLOCK_NAMES, golClocks, golRollForwardClocks, golWorkingDayClocks, LEGAL_CLOCK_NAMES, NO_CLOCKS } from './clock-table';

describe('the clock table', () => {
  it('gives the names every catalogue, validator and API schema lists, in table order', () => {
    expect(CORE_CLOCK_NAMES).toEqual(['reminderBeforeDue', 'escalationAfter', 'pactDeadline', 'stallAfter']);
    expect(EXTRA_CLOCK_NAMES).toEqual([
      'firstContactAfterDid',
      'firstContactAfterBenefitClaim',
      'appointmentReminderBefore',
      'justificationWindow',
      'offerExcuseWindow',
      'appealWindow',
      'defaultContactFrequency',
      'pactAcceptanceWindow',
      'profilingReview',
    ]);
    expect(CLOCK_NAMES).toEqual([...CORE_CLOCK_NAMES, ...EXTRA_CLOCK_NAMES]);
    expect(LEGAL_CLOCK_NAMES).toEqual(['firstContactAfterDid', 'firstContactAfterBenefitClaim', 'justificationWindow', 'offerExcuseWindow', 'appealWindow']);
  });

  it('turns every clock off for journeys started before catalogues (the core ones stated as null)', () => {
    expect(NO_CLOCKS).toEqual({ reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null });
  });

  it('holds the GOL defaults the five default catalogues publish', () => {
    expect(golClocks()).toEqual({
      reminderBeforeDue: 'P2D',
      escalationAfter: 'P7D',
      pactDeadline: 'P30D',
      stallAfter: 'P60D',
      firstContactAfterDid: 'P30D',
      firstContactAfterBenefitClaim: 'P15D',
      appointmentReminderBefore: 'P1D',
      justificationWindow: 'P1D',
      offerExcuseWindow: 'P2D',
      appealWindow: 'P30D',
      defaultContactFrequency: 'P30D',
      pactAcceptanceWindow: 'P7D',
      profilingReview: 'P90D',
    });
    expect(Object.keys(golClocks())).toEqual([...CLOCK_NAMES]);
    expect(golWorkingDayClocks()).toEqual(['offerExcuseWindow']);
    for (const c of GOL_DEFAULT_CATALOGUES) {
      expect([c.code, c.workingDayClocks]).toEqual([c.code, ['offerExcuseWindow']]);
      expect([c.code, c.clocks]).toEqual([c.code, c.code === 'GOL-4' ? { ...golClocks(), stallAfter: 'P90D' } : golClocks()]);
    }
  });

  it('art. 2963 c.c., art. 155 c.4-5 c.p.c.: GOL moves only legal clocks off closed days — the appeal with Saturdays closed, the excuse windows and the first contact', () => {
    for (const c of CLOCK_TABLE) if (c.golRollForward) expect([c.name, c.legal]).toEqual([c.name, true]);
    expect(golRollForwardClocks()).toEqual({
      firstContactAfterDid: { saturdaysClosed: false },
      firstContactAfterBenefitClaim: { saturdaysClosed: false },
      justificationWindow: { saturdaysClosed: false },
      offerExcuseWindow: { saturdaysClosed: false },
      appealWindow: { saturdaysClosed: true },
    });
  });

  it('counts working days only on legal clocks, whose GOL defaults are whole days', () => {
    for (const c of CLOCK_TABLE) {
      if (c.golWorkingDays) expect([c.name, c.legal]).toEqual([c.name, true]);
      if (c.legal) expect([c.name, /^P\d+D$/.test(c.gol)]).toEqual([c.name, true]);
    }
  });

  it('says what each clock drives: a deadline kind, the appeal date or the contact frequency', () => {
    const uses: readonly string[] = [...DEADLINE_KINDS, 'appealDueAt', 'contactFrequency'];
    for (const c of CLOCK_TABLE) {
      expect(c.drives.length).toBeGreaterThan(0);
      for (const use of c.drives) expect([c.name, uses.includes(use)]).toEqual([c.name, true]);
    }
  });
});
