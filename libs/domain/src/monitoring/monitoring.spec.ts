import { decide } from '../journey/decide';
import { evolve } from '../journey/evolve';
import { initialState } from '../journey/start';
import { activeJourney, OP, run, startJourney } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import { ageOn, inTraining, monitoringProblem, vulnerable, type MonitoringData } from './index';

const NOW = '2026-03-05T09:00:00.000Z';
const DID = '2026-03-02';
/** A man of 40 at the DID, none of GOL's vulnerable groups. */
const NOT_VULNERABLE: MonitoringData = { birthDate: '1985-06-15', sex: 'M', disabled: false, longTermUnemployed: false, neet: false, socialServicesReferral: false };
const command = (m: Partial<MonitoringData> = {}) => ({ type: 'RecordMonitoringData' as const, ...NOT_VULNERABLE, ...m, operatorId: OP });

describe('ageOn', () => {
  it('counts whole years, a birthday on its day', () => {
    expect(ageOn('1996-03-02', '2026-03-02')).toBe(30);
    expect(ageOn('1996-03-03', '2026-03-02')).toBe(29);
    expect(ageOn('1996-12-31', '2026-03-02')).toBe(29);
  });

  it('a birthday on 29 February counts from 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('vulnerable (GOL: women, long-term unemployed, disabled, under 30, over 55)', () => {
  it('a man of 40, not long-term unemployed nor disabled, is not', () => {
    expect(vulnerable(NOT_VULNERABLE, DID)).toBe(false);
  });

  it.each([
    ['a woman', { sex: 'F' as const }],
    ['long-term unemployed', { longTermUnemployed: true }],
    ['disabled (L. 68/1999)', { disabled: true }],
    ['29 at the DID', { birthDate: '1996-03-03' }],
    ['55 at the DID', { birthDate: '1971-03-02' }],
  ])('%s is', (_what, m) => {
    expect(vulnerable({ ...NOT_VULNERABLE, ...m }, DID)).toBe(true);
  });

  it.each([
    ['30 at the DID (30 that very day)', '1996-03-02'],
    ['54 at the DID (55 the day after)', '1971-03-03'],
  ])('a man of %s is not', (_what, birthDate) => {
    expect(vulnerable({ ...NOT_VULNERABLE, birthDate }, DID)).toBe(false);
  });

  it('NEET and a social-services referral alone do not make one vulnerable (they are counted, not in the target)', () => {
    expect(vulnerable({ ...NOT_VULNERABLE, neet: true, socialServicesReferral: true }, DID)).toBe(false);
  });

  it('several groups at once still make one person', () => {
    expect(vulnerable({ ...NOT_VULNERABLE, sex: 'F', disabled: true, longTermUnemployed: true, birthDate: '2000-01-01' }, DID)).toBe(true);
  });
});

describe('monitoringProblem', () => {
  it('accepts complete data for a person 15-100 at the DID', () => {
    expect(monitoringProblem(NOT_VULNERABLE, DID)).toBeNull();
    expect(monitoringProblem({ ...NOT_VULNERABLE, birthDate: '2011-03-02' }, DID)).toBeNull();
    expect(monitoringProblem({ ...NOT_VULNERABLE, birthDate: '1925-03-03' }, DID)).toBeNull();
  });

  it.each([
    ['not a real date', { birthDate: '1990-02-30' }, 'birthDate'],
    ['not a date', { birthDate: 19900101 }, 'birthDate'],
    ['14 at the DID', { birthDate: '2011-03-03' }, 'birthDate'],
    ['101 at the DID', { birthDate: '1925-03-02' }, 'birthDate'],
    ['born after the DID', { birthDate: '2026-04-01' }, 'birthDate'],
    ['a sex other than F or M', { sex: 'X' }, 'sex'],
    ['a flag that is not a boolean', { disabled: 'no' }, 'disabled'],
    ['a flag missing', { neet: undefined }, 'neet'],
  ])('refuses %s naming the field', (_what, m, field) => {
    expect(monitoringProblem({ ...NOT_VULNERABLE, ...m } as never, DID)?.field).toBe(field);
  });
});

describe('RecordMonitoringData', () => {
  const started = (): JourneyState => startJourney();

  it('records the data of a journey started without them, and the view shows them', () => {
    const state = started();
    expect(state.monitoring).toBeNull();
    const decision = decide(state, command({ sex: 'F' }), NOW);
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.events.map((e) => e.type)).toEqual(['MonitoringDataRecorded']);
    expect(run(state, command({ sex: 'F' }), NOW).monitoring).toEqual({ ...NOT_VULNERABLE, sex: 'F' });
  });

  it('keeps exactly the monitoring fields (nothing else a command carries)', () => {
    const state = run(started(), { ...command(), extra: 'x' } as never, NOW);
    expect(Object.keys(state.monitoring!).sort()).toEqual(['birthDate', 'disabled', 'longTermUnemployed', 'neet', 'sex', 'socialServicesReferral']);
  });

  it('refuses a second recording with MONITORING_DATA_ALREADY_RECORDED', () => {
    const once = run(started(), command(), NOW);
    const decision = decide(once, command({ sex: 'F' }), NOW);
    expect(!decision.ok && decision.refusal.code).toBe('MONITORING_DATA_ALREADY_RECORDED');
  });

  it('refuses a journey started with its monitoring data', () => {
    const s = started();
    const withData = evolve(s, { seq: 1, type: 'JourneyStarted', at: s.startedAt, data: { journeyId: s.journeyId, programmeCode: s.programmeCode, officeId: s.officeId, didDate: s.didDate, beneficiary: s.beneficiary, monitoring: NOT_VULNERABLE } });
    expect(withData.monitoring).toEqual(NOT_VULNERABLE);
    const decision = decide(withData, command(), NOW);
    expect(!decision.ok && decision.refusal.code).toBe('MONITORING_DATA_ALREADY_RECORDED');
  });

  it('refuses a person younger than 15 at the DID with INVALID_VALUE naming birthDate', () => {
    const s = started();
    const tooYoung = `${Number(s.didDate.slice(0, 4)) - 14}${s.didDate.slice(4)}`;
    const decision = decide(s, command({ birthDate: tooYoung }), NOW);
    expect(!decision.ok && decision.refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'birthDate' });
  });

  it('refuses an unreal date and a missing operator', () => {
    const a = decide(started(), command({ birthDate: '1990-13-01' }), NOW);
    expect(!a.ok && a.refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'birthDate' });
    const b = decide(started(), { ...command(), operatorId: ' ' }, NOW);
    expect(!b.ok && b.refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
  });
});

describe('the start', () => {
  it('a journey started with monitoring data has them; without, null', () => {
    const data = { journeyId: 'j', programmeCode: 'GOL-1', officeId: 'CPI-MI-01', didDate: DID, beneficiary: { fiscalCode: 'X', givenName: 'A', familyName: 'B' } };
    expect(initialState({ ...data, monitoring: NOT_VULNERABLE }, NOW).monitoring).toEqual(NOT_VULNERABLE);
    expect(initialState(data, NOW).monitoring).toBeNull();
  });
});

describe('inTraining', () => {
  it('counts an open journey with a training referral taken up', () => {
    let s = run(activeJourney(), { type: 'MakeReferral', to: 'training_body', organisation: 'Ente', reason: 'course', operatorId: OP }, NOW);
    expect(inTraining(s)).toBe(false);
    s = run(s, { type: 'RecordReferralOutcome', referralId: s.referrals[0].referralId, outcome: 'taken_up', operatorId: OP }, NOW);
    expect(inTraining(s)).toBe(true);
    expect(inTraining({ ...s, status: 'closed' })).toBe(false);
  });

  it('not a referral elsewhere, nor a training completed or declined', () => {
    expect(inTraining({ status: 'open', referrals: [{ to: 'social_services', outcome: 'taken_up' }] })).toBe(false);
    expect(inTraining({ status: 'open', referrals: [{ to: 'training_body', outcome: 'completed' }, { to: 'training_body', outcome: 'declined' }] })).toBe(false);
  });
});
