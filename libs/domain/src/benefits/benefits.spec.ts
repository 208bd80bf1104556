import type { JourneyCommand } from '../journey/commands';
import { applyEvents } from '../journey/evolve';
import { accept, activeJourney, DID, OP, refuse, run, schedule, startJourney, STARTED, tick } from '../journey/journey.test-fixture';
import type { BenefitClaim, JourneyState } from '../journey/model';
import { noticesFor } from '../journey/notices';
import { upgradeState } from '../journey/upgrade';
import { toView } from '../journey/view';
import { benefitRunning } from './running';

/**
 * The benefit's lifecycle: every transition and its refusals, and conditionality and the first-contact clock only
 * while the benefit runs. The fixture's journey: DID Monday 2 March 2026, started at 08:00Z; NASpI applied for on
 * 5 March and given at the start unless `benefit: null`.
 */

const NOW = '2026-03-05T10:00:00.000Z';
const claim = (applicationDate: string, kind: BenefitClaim['kind'] = 'naspi'): JourneyCommand => ({ type: 'ClaimBenefit', kind, applicationDate, operatorId: OP });
const grant = (grantedOn: string): JourneyCommand => ({ type: 'RecordBenefitGranted', grantedOn, operatorId: OP });
const refuseClaim = (refusedOn: string): JourneyCommand => ({ type: 'RecordBenefitRefused', refusedOn, operatorId: OP, note: 'requisiti contributivi assenti' });
const suspend = (suspendedOn: string): JourneyCommand => ({ type: 'SuspendBenefit', suspendedOn, reason: 'short_employment', operatorId: OP });
const resume = (resumedOn: string): JourneyCommand => ({ type: 'ResumeBenefit', resumedOn, operatorId: OP });
const end = (endedOn: string, reason = 'exhausted'): JourneyCommand => ({ type: 'EndBenefit', endedOn, reason, operatorId: OP }) as JourneyCommand;
const noBenefit = () => startJourney({ benefit: null });
/** Rome's midnight of a day in March 2026 (UTC+1 until the 29th). */
const midnight = (day: string) => `${new Date(Date.parse(`${day}T00:00:00.000Z`) - 3600_000).toISOString()}`;

describe('a benefit claimed at the start', () => {
  it('is claimed, from the start, and runs from the DID day (decisions of journeys started before the lifecycle stay)', () => {
    const s = startJourney();
    expect(s.benefit).toEqual({
      kind: 'naspi',
      applicationDate: '2026-03-05',
      source: 'start',
      status: 'claimed',
      grantedOn: null,
      refusedOn: null,
      suspendedOn: null,
      endedOn: null,
      endReason: null,
      history: [{ status: 'claimed', on: '2026-03-05', from: midnight(DID), reason: null, note: null, operatorId: null, recordedAt: STARTED }],
    });
    expect(benefitRunning(s, STARTED)).toBe(true);
    expect(toView(s).benefitRunning).toBe(true);
  });

  it('a carried state from before the lifecycle (a bare claim) is upgraded to the same, with no earlier claims', () => {
    const { earlierBenefits: _gone, ...rest } = startJourney();
    void _gone;
    const carried = { ...rest, benefit: { kind: 'naspi', applicationDate: '2026-03-05' } } as unknown as JourneyState;
    const upgraded = upgradeState(carried);
    expect(upgraded.benefit).toEqual(startJourney().benefit);
    expect(upgraded.earlierBenefits).toEqual([]);
    expect(benefitRunning(upgraded, '2026-03-02T07:00:00.000Z')).toBe(true);
  });
});

describe('ClaimBenefit: a benefit claimed after the DID', () => {
  it('records the claim; it runs from the start of its application day', () => {
    const s = run(noBenefit(), claim('2026-03-04'), NOW);
    expect(s.benefit).toMatchObject({ kind: 'naspi', applicationDate: '2026-03-04', source: 'claim', status: 'claimed' });
    expect(s.benefit!.history).toEqual([{ status: 'claimed', on: '2026-03-04', from: midnight('2026-03-04'), reason: null, note: null, operatorId: OP, recordedAt: NOW }]);
    expect(benefitRunning(s, '2026-03-03T22:59:59.999Z')).toBe(false);
    expect(benefitRunning(s, midnight('2026-03-04'))).toBe(true);
    expect(toView(s).benefitRunning).toBe(true);
  });

  it('may come with the DID itself (the application counts as the DID, art. 21 c.1), not before it nor in the future', () => {
    expect(run(noBenefit(), claim(DID, 'dis_coll'), NOW).benefit).toMatchObject({ kind: 'dis_coll', applicationDate: DID });
    expect(refuse(noBenefit(), claim('2026-03-01'), NOW)).toMatchObject({ code: 'INVALID_DATE', field: 'applicationDate' });
    expect(refuse(noBenefit(), claim('2026-03-06'), NOW)).toMatchObject({ code: 'INVALID_DATE', field: 'applicationDate', message: 'cannot be in the future' });
    expect(refuse(noBenefit(), claim('5 marzo'), NOW)).toMatchObject({ code: 'INVALID_DATE', field: 'applicationDate' });
    expect(refuse(noBenefit(), { ...claim(DID), kind: 'rdc' } as unknown as JourneyCommand, NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'kind' });
    expect(refuse(noBenefit(), { ...claim(DID), operatorId: '' } as JourneyCommand, NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
  });

  it('a second claim while one is claimed, granted or suspended is refused', () => {
    expect(refuse(startJourney(), claim('2026-03-05', 'dis_coll'), NOW).code).toBe('BENEFIT_ALREADY_CLAIMED');
    expect(refuse(run(startJourney(), grant('2026-03-05'), NOW), claim('2026-03-05'), NOW).code).toBe('BENEFIT_ALREADY_CLAIMED');
    expect(refuse(run(startJourney(), suspend('2026-03-05'), NOW), claim('2026-03-05'), NOW).code).toBe('BENEFIT_ALREADY_CLAIMED');
  });

  it('after a refusal or an end a new claim follows, not before the end; the earlier one is kept', () => {
    const refused = run(startJourney(), refuseClaim('2026-03-05'), NOW);
    const later = '2026-03-20T10:00:00.000Z';
    expect(refuse(refused, claim('2026-03-04', 'dis_coll'), later)).toMatchObject({ code: 'INVALID_DATE', field: 'applicationDate' });
    const again = run(refused, claim('2026-03-10', 'dis_coll'), later);
    expect(again.benefit).toMatchObject({ kind: 'dis_coll', status: 'claimed', source: 'claim' });
    expect(again.earlierBenefits).toEqual([refused.benefit]);
    // Refused from the 5th, claimed again from the 10th.
    expect(benefitRunning(again, '2026-03-04T12:00:00.000Z')).toBe(true);
    expect(benefitRunning(again, '2026-03-07T12:00:00.000Z')).toBe(false);
    expect(benefitRunning(again, '2026-03-10T12:00:00.000Z')).toBe(true);
  });
});

describe('granted, refused, suspended and resumed, ended', () => {
  it('granted: it keeps running; once only, not before the claim', () => {
    const s = run(startJourney(), grant('2026-03-05'), NOW);
    expect(s.benefit).toMatchObject({ status: 'granted', grantedOn: '2026-03-05' });
    expect(s.benefit!.history.map((h) => h.status)).toEqual(['claimed', 'granted']);
    expect(benefitRunning(s, NOW)).toBe(true);
    expect(refuse(s, grant('2026-03-05'), NOW).code).toBe('BENEFIT_ALREADY_GRANTED');
    expect(refuse(startJourney(), grant('2026-03-04'), NOW)).toMatchObject({ code: 'INVALID_DATE', field: 'grantedOn' });
  });

  it('refused: it stops running from its day; a granted benefit is ended, not refused; nothing changes a refused one', () => {
    const s = run(startJourney(), refuseClaim('2026-03-05'), NOW);
    expect(s.benefit).toMatchObject({ status: 'refused', refusedOn: '2026-03-05' });
    expect(s.benefit!.history[1]).toMatchObject({ status: 'refused', on: '2026-03-05', note: 'requisiti contributivi assenti', operatorId: OP });
    expect(benefitRunning(s, '2026-03-04T23:30:00.000Z')).toBe(false);
    expect(toView(s).benefitRunning).toBe(false);
    expect(refuse(run(startJourney(), grant('2026-03-05'), NOW), refuseClaim('2026-03-05'), NOW).code).toBe('BENEFIT_ALREADY_GRANTED');
    for (const c of [grant('2026-03-05'), suspend('2026-03-05'), resume('2026-03-05'), end('2026-03-05'), refuseClaim('2026-03-05')]) {
      expect(refuse(s, c, NOW).code).toBe('BENEFIT_CLOSED');
    }
  });

  it('suspended and resumed: it does not run in between, and resumes as it was (granted)', () => {
    const granted = run(startJourney(), grant('2026-03-05'), NOW);
    const suspended = run(granted, suspend('2026-03-06'), '2026-03-06T10:00:00.000Z');
    expect(suspended.benefit).toMatchObject({ status: 'suspended', suspendedOn: '2026-03-06', grantedOn: '2026-03-05' });
    expect(suspended.benefit!.history.at(-1)).toMatchObject({ status: 'suspended', reason: 'short_employment' });
    expect(refuse(suspended, suspend('2026-03-06'), '2026-03-06T10:00:00.000Z').code).toBe('BENEFIT_ALREADY_SUSPENDED');
    expect(refuse(suspended, resume('2026-03-05'), '2026-03-09T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'resumedOn' });
    const resumed = run(suspended, resume('2026-03-09'), '2026-03-09T10:00:00.000Z');
    expect(resumed.benefit).toMatchObject({ status: 'granted', suspendedOn: null });
    expect(resumed.benefit!.history.map((h) => h.status)).toEqual(['claimed', 'granted', 'suspended', 'granted']);
    expect(benefitRunning(resumed, '2026-03-05T12:00:00.000Z')).toBe(true);
    expect(benefitRunning(resumed, '2026-03-07T12:00:00.000Z')).toBe(false);
    expect(benefitRunning(resumed, '2026-03-09T12:00:00.000Z')).toBe(true);
    expect(refuse(resumed, resume('2026-03-09'), '2026-03-09T10:00:00.000Z').code).toBe('BENEFIT_NOT_SUSPENDED');
  });

  it('a claim suspended before its grant resumes as claimed; its grant waits for the resumption', () => {
    const suspended = run(startJourney(), suspend('2026-03-05'), NOW);
    expect(refuse(suspended, grant('2026-03-05'), NOW).code).toBe('BENEFIT_ALREADY_SUSPENDED');
    expect(run(suspended, resume('2026-03-05'), NOW).benefit!.status).toBe('claimed');
  });

  it('ended: with its day and reason; from then it does not run and nothing changes it', () => {
    const s = run(run(startJourney(), suspend('2026-03-05'), NOW), end('2026-03-05', 'employment'), NOW);
    expect(s.benefit).toMatchObject({ status: 'ended', endedOn: '2026-03-05', endReason: 'employment', suspendedOn: null });
    expect(benefitRunning(s, NOW)).toBe(false);
    expect(refuse(s, end('2026-03-05'), NOW).code).toBe('BENEFIT_CLOSED');
    expect(refuse(startJourney(), end('2026-03-05', 'lost'), NOW)).toMatchObject({ code: 'INVALID_VALUE', field: 'reason' });
    expect(refuse(startJourney(), end('2026-03-04'), NOW)).toMatchObject({ code: 'INVALID_DATE', field: 'endedOn' });
  });

  it('ending, refusing, suspending or resuming a benefit never claimed is refused', () => {
    for (const c of [grant('2026-03-05'), refuseClaim('2026-03-05'), suspend('2026-03-05'), resume('2026-03-05'), end('2026-03-05')]) {
      expect(refuse(noBenefit(), c, NOW).code).toBe('BENEFIT_NOT_CLAIMED');
    }
  });

  it('a closed journey takes no benefit command', () => {
    const closed = run(startJourney(), { type: 'CloseJourney', reason: 'withdrawn', operatorId: OP }, NOW);
    expect(refuse(closed, end('2026-03-05'), NOW).code).toBe('JOURNEY_CLOSED');
  });
});

describe('conditionality only while the benefit runs', () => {
  /** A no-show to a PEC convocation on Tuesday 10 March, recorded at 11:00Z; the window closes the next day. */
  function noShow(s: JourneyState): JourneyState {
    const booked = run(s, schedule('2026-03-10T09:00:00.000Z', 'pec'), '2026-03-05T09:00:00.000Z');
    return run(booked, { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: OP } as JourneyCommand, '2026-03-10T11:00:00.000Z');
  }
  const closeWindow = (s: JourneyState) => tick(s, '2026-03-12T00:00:00.000Z');

  it('a running benefit: the lapse proposes a step', () => {
    const s = closeWindow(noShow(activeJourney()));
    expect(s.conditionalitySteps.map((x) => x.status)).toEqual(['proposed']);
  });

  it('no benefit: no step (not a benefit recipient)', () => {
    const s = closeWindow(noShow(activeJourney({ benefit: null })));
    expect(s.lapses[0].status).toBe('unjustified');
    expect(s.conditionalitySteps).toEqual([]);
  });

  it('a benefit claimed after the DID, applied for before the no-show: a step', () => {
    const claimed = run(activeJourney({ benefit: null }), claim('2026-03-04'), NOW);
    expect(closeWindow(noShow(claimed)).conditionalitySteps.map((x) => x.status)).toEqual(['proposed']);
  });

  it('a claim recorded after the no-show but applied for before it still counts: the benefit ran at the lapse', () => {
    const missed = noShow(activeJourney({ benefit: null }));
    const claimed = run(missed, claim('2026-03-04'), '2026-03-11T09:00:00.000Z');
    expect(closeWindow(claimed).conditionalitySteps).toHaveLength(1);
  });

  it('a benefit suspended before the no-show: no step; resumed before it: a step', () => {
    const suspended = run(activeJourney(), suspend('2026-03-05'), NOW);
    const s = closeWindow(noShow(suspended));
    expect(s.conditionalitySteps).toEqual([]);
    expect(s.lapses[0].status).toBe('unjustified');
    const resumed = run(suspended, resume('2026-03-05'), NOW);
    expect(closeWindow(noShow(resumed)).conditionalitySteps).toHaveLength(1);
  });

  it('a benefit ended before the no-show: no step', () => {
    const ended = run(activeJourney(), end('2026-03-05'), NOW);
    expect(closeWindow(noShow(ended)).conditionalitySteps).toEqual([]);
  });

  it('a benefit ended after the no-show, before the window closed: the step is still proposed (it ran at the lapse)', () => {
    const missed = noShow(activeJourney());
    const ended = run(missed, end('2026-03-11'), '2026-03-11T10:00:00.000Z');
    expect(closeWindow(ended).conditionalitySteps.map((x) => x.status)).toEqual(['proposed']);
  });

  it('a step proposed before the benefit ends is left to the operator: the notice counts it, the view says the benefit stopped, confirming stays possible', () => {
    const proposed = closeWindow(noShow(activeJourney()));
    const at = '2026-03-12T10:00:00.000Z';
    const events = accept(proposed, end('2026-03-12', 'decadenza'), at);
    const ended = applyEvents(proposed, events);
    expect(noticesFor(events, ended)).toEqual([
      expect.objectContaining({ kind: 'benefit_ended', audience: 'operator', operatorId: OP, subject: { benefitKind: 'naspi', benefitDate: '2026-03-12', benefitReason: 'decadenza', proposedStepCount: 1 } }),
    ]);
    expect(toView(ended)).toMatchObject({ benefitRunning: false, proposedStepCount: 1 });
    expect(accept(ended, { type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: OP, actingOffice: { officeId: 'CPI-TO-01', kind: 'cpi' } } as JourneyCommand, at).map((e) => e.type)).toContain(
      'ConditionalityStepConfirmed',
    );
  });

  it('a missed agreed contact counts on the ladder only while the benefit runs', () => {
    const contactLapses = (s: JourneyState) => s.lapses.filter((l) => l.contactDueAt !== null);
    const late = '2026-06-01T00:00:00.000Z';
    const running = tick(activeJourney(), late);
    expect(running.contact.missedDueAt).not.toBeNull();
    expect(contactLapses(running)).toHaveLength(1);
    const ended = tick(run(activeJourney(), end('2026-03-05'), NOW), late);
    expect(ended.contact.missedDueAt).toBe(running.contact.missedDueAt);
    expect(contactLapses(ended)).toEqual([]);
  });
});

describe('the first contact of art. 21 c.2 from a running claim', () => {
  const DID_DUE = '2026-04-01T21:59:59.999Z'; // 30 days from the DID

  it('without a benefit the DID\'s 30 days; a claim recorded late counts 15 days from its application', () => {
    const s = noBenefit();
    expect(toView(s).firstContactDueAt).toBe(DID_DUE);
    const claimed = run(s, claim('2026-03-04'), NOW);
    expect(toView(claimed).firstContactDueAt).toBe('2026-03-19T22:59:59.999Z');
    expect(toView(claimed).nextDeadline).toMatchObject({ kind: 'first_contact', at: '2026-03-19T22:59:59.999Z' });
  });

  it('a refused or ended claim falls back to the DID\'s 30 days', () => {
    const claimed = run(noBenefit(), claim('2026-03-04'), NOW);
    expect(toView(run(claimed, refuseClaim('2026-03-05'), NOW)).firstContactDueAt).toBe(DID_DUE);
    expect(toView(run(startJourney(), end('2026-03-05'), NOW)).firstContactDueAt).toBe(DID_DUE);
  });

  it('a late claim whose 15 days have passed makes the first contact missed at the next round', () => {
    const at = '2026-03-20T10:00:00.000Z';
    const claimed = run(noBenefit(), claim('2026-03-02'), at);
    const events = accept(claimed, { type: 'ProcessDeadlines' }, at);
    expect(events).toEqual([expect.objectContaining({ type: 'FirstContactMissed', data: { dueAt: '2026-03-17T22:59:59.999Z' } })]);
  });

  it('a claim that runs keeps the start\'s 15 days as before', () => {
    expect(toView(startJourney()).firstContactDueAt).toBe('2026-03-20T22:59:59.999Z');
  });
});

describe('notices of the benefit', () => {
  it('refused and suspended tell the responsible operator; claimed, granted and resumed tell nobody', () => {
    const told = (s: JourneyState, c: JourneyCommand, at = NOW) => {
      const events = accept(s, c, at);
      return noticesFor(events, applyEvents(s, events)).map((n) => `${n.kind} → ${n.audience}`);
    };
    expect(told(noBenefit(), claim('2026-03-04'))).toEqual([]);
    expect(told(startJourney(), grant('2026-03-05'))).toEqual([]);
    expect(told(startJourney(), refuseClaim('2026-03-05'))).toEqual(['benefit_refused → operator']);
    expect(told(startJourney(), suspend('2026-03-05'))).toEqual(['benefit_suspended → operator']);
    expect(told(run(startJourney(), suspend('2026-03-05'), NOW), resume('2026-03-05'))).toEqual([]);
  });
});
