import { legalDeadline } from '../clocks/legal-deadline';
import type { JourneyCommand } from '../journey/commands';
import { nextDeadline, pendingDeadlines } from '../journey/deadlines';
import { decide } from '../journey/decide';
import { accept, activeJourney, AT_TURIN_CPI, LEGAL_CLOCKS, OP, refuse, run, schedule, tick, type StartOptions } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import { noticesFor } from '../journey/notices';
import { APPEAL_BODY_DEFINITIONS, COMPETENT_APPEAL_BODY, journeyFinished } from './appeals';
import { upgradeState } from '../journey/upgrade';
import { nextStepOn } from './ladders';

/** A no-show to a PEC convocation at `at`; its excuse window runs to the end of the next day. */
function missed(s: JourneyState, at: string): JourneyState {
  const booked = run(s, schedule(at, 'pec'), new Date(Date.parse(at) - 2 * 86_400_000).toISOString());
  const id = booked.appointments.at(-1)!.appointmentId;
  return run(booked, { type: 'RecordAppointmentOutcome', appointmentId: id, outcome: 'no_show', operatorId: OP }, new Date(Date.parse(at) + 7_200_000).toISOString());
}

const confirm = (stepId: string): JourneyCommand => ({ type: 'ConfirmConditionalityStep', stepId, operatorId: OP, actingOffice: AT_TURIN_CPI });
const notify = (stepId: string, notifiedAt: string, method = 'pec_delivery_receipt'): JourneyCommand =>
  ({ type: 'RecordStepNotification', stepId, method, reference: 'PEC-2026-0042', notifiedAt, operatorId: OP }) as JourneyCommand;
const appeal = (stepId: string, lodgedOn: string): JourneyCommand => ({ type: 'RecordAppeal', stepId, lodgedOn, body: 'ministry_of_labour', reference: 'RIC-7', operatorId: OP });
const outcome = (stepId: string, o: 'upheld' | 'annulled' | 'partly_annulled', decidedOn: string, reducedEffect?: string): JourneyCommand =>
  ({ type: 'RecordAppealOutcome', stepId, outcome: o, decidedOn, ...(reducedEffect ? { reducedEffect } : {}), operatorId: OP }) as JourneyCommand;

/** A no-show on Tuesday 10 March 2026, its window closed, the step S1 confirmed on Thursday 12 March. */
const CONFIRMED_AT = '2026-03-12T10:00:00.000Z';
function confirmedStep(o: StartOptions = {}): JourneyState {
  return run(tick(missed(activeJourney(o), '2026-03-10T09:00:00.000Z'), '2026-03-12T00:00:00.000Z'), confirm('S1'), CONFIRMED_AT);
}
/** Notified on Wednesday 18 March: 30 days end on Friday 17 April 2026 (CEST). */
const NOTIFIED_AT = '2026-03-18T10:00:00.000Z';
const APPEAL_DUE = '2026-04-17T21:59:59.999Z';

/** Three no-shows a week apart, each confirmed: the third is a decadenza and closes the journey. */
function decadenza(): JourneyState {
  let s = activeJourney();
  for (const [i, day] of ['10', '17', '24'].entries()) {
    s = tick(missed(s, `2026-03-${day}T09:00:00.000Z`), `2026-03-${Number(day) + 2}T00:00:00.000Z`);
    s = run(s, confirm(`S${i + 1}`), `2026-03-${Number(day) + 2}T10:00:00.000Z`);
  }
  return s;
}

describe('the appeal window runs from the notification (art. 21 c.12 D.lgs. 150/2015)', () => {
  it('art. 21 c.12 D.lgs. 150/2015: a confirmed step has no appeal deadline until the decision is notified (edition 2)', () => {
    const s = confirmedStep();
    expect(s.conditionalitySteps[0]).toMatchObject({ status: 'confirmed', appealDueAt: null, notification: null });
  });

  it('art. 21 c.12 D.lgs. 150/2015: the appeal window runs 30 days from the notification by PEC delivery receipt', () => {
    const s = run(confirmedStep(), notify('S1', NOTIFIED_AT), '2026-03-19T09:00:00.000Z');
    expect(s.conditionalitySteps[0].appealDueAt).toBe(legalDeadline(s, 'appealWindow', NOTIFIED_AT));
    expect(s.conditionalitySteps[0]).toMatchObject({
      appealDueAt: APPEAL_DUE,
      notification: { method: 'pec_delivery_receipt', reference: 'PEC-2026-0042', notifiedAt: NOTIFIED_AT, recordedBy: OP },
    });
    expect(pendingDeadlines(s)).toContainEqual({ kind: 'appeal_window', stepId: 'S1', at: APPEAL_DUE });
  });

  it('art. 21 c.12 D.lgs. 150/2015: a registered letter receipt and a signed hand delivery notify too', () => {
    for (const method of ['registered_letter_receipt', 'hand_delivery_signed']) {
      const s = run(confirmedStep(), notify('S1', NOTIFIED_AT, method), '2026-03-19T09:00:00.000Z');
      expect(s.conditionalitySteps[0]).toMatchObject({ appealDueAt: APPEAL_DUE, notification: { method } });
    }
  });

  it('art. 21 c.12 D.lgs. 150/2015: an e-mail alone is not a notification (stable code, naming the field)', () => {
    expect(refuse(confirmedStep(), notify('S1', NOTIFIED_AT, 'email'), '2026-03-19T09:00:00.000Z')).toMatchObject({ code: 'NOTIFICATION_METHOD_NOT_VALID', field: 'method' });
    expect(refuse(confirmedStep(), notify('S1', NOTIFIED_AT, 'fax'), '2026-03-19T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'method' });
  });

  it('the notification date is not in the future, not before the confirmation; it is recorded once, on a confirmed step', () => {
    const s = confirmedStep();
    expect(refuse(s, notify('S1', '2026-03-20T10:00:00.000Z'), '2026-03-19T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'notifiedAt' });
    expect(refuse(s, notify('S1', '2026-03-12T09:00:00.000Z'), '2026-03-19T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'notifiedAt' });
    expect(refuse(s, { ...notify('S1', NOTIFIED_AT), reference: ' ' } as JourneyCommand, '2026-03-19T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'reference' });
    const notified = run(s, notify('S1', NOTIFIED_AT), '2026-03-19T09:00:00.000Z');
    expect(refuse(notified, notify('S1', NOTIFIED_AT), '2026-03-19T10:00:00.000Z').code).toBe('STEP_ALREADY_NOTIFIED');
    expect(refuse(notified, notify('S9', NOTIFIED_AT), '2026-03-19T10:00:00.000Z').code).toBe('STEP_NOT_FOUND');
    const proposed = tick(missed(activeJourney(), '2026-03-10T09:00:00.000Z'), '2026-03-12T00:00:00.000Z');
    expect(refuse(proposed, notify('S1', NOTIFIED_AT), '2026-03-19T10:00:00.000Z').code).toBe('STEP_NOT_CONFIRMED');
  });

  it('edition 1: the appeal deadline still counts from the confirmation, and the journey keeps no appeal deadline', () => {
    const s = confirmedStep({ rules: 1 });
    expect(s.conditionalitySteps[0].appealDueAt).toBe(legalDeadline(s, 'appealWindow', CONFIRMED_AT));
    expect(pendingDeadlines(s).some((d) => d.kind === 'appeal_window')).toBe(false);
  });

  it('art. 21 c.12 D.lgs. 150/2015, art. 3 D.L. 75/2023: the notice of a sanction names the Ministry of Labour as the appeal body', () => {
    const s = tick(missed(activeJourney(), '2026-03-10T09:00:00.000Z'), '2026-03-12T00:00:00.000Z');
    const events = accept(s, confirm('S1'), CONFIRMED_AT);
    const [n] = noticesFor(events, run(s, confirm('S1'), CONFIRMED_AT));
    expect(COMPETENT_APPEAL_BODY).toBe('ministry_of_labour');
    expect(n.subject).toMatchObject({ appealBody: APPEAL_BODY_DEFINITIONS.ministry_of_labour.name, appealDueAt: null });
    expect(APPEAL_BODY_DEFINITIONS.ministry_of_labour.source).toMatch(/D\.L\. 75\/2023/);
  });

  it('the end of the appeal window closes it when nothing was lodged', () => {
    const s = tick(run(confirmedStep(), notify('S1', NOTIFIED_AT), '2026-03-19T09:00:00.000Z'), '2026-04-18T00:00:00.000Z');
    expect(s.conditionalitySteps[0].appealWindowClosedAt).toBe('2026-04-18T00:00:00.000Z');
    expect(pendingDeadlines(s).some((d) => d.kind === 'appeal_window')).toBe(false);
  });
});

describe('appeals and their outcome (art. 21 c.12 D.lgs. 150/2015)', () => {
  const notified = () => run(confirmedStep(), notify('S1', NOTIFIED_AT), '2026-03-19T09:00:00.000Z');

  it('art. 21 c.12 D.lgs. 150/2015: an appeal is lodged within 30 days of the notification, with the body', () => {
    const s = run(notified(), appeal('S1', '2026-04-17'), '2026-04-20T09:00:00.000Z');
    expect(s.conditionalitySteps[0].appeal).toEqual({ lodgedOn: '2026-04-17', body: 'ministry_of_labour', reference: 'RIC-7', recordedBy: OP, outcome: null });
    expect(pendingDeadlines(s).some((d) => d.kind === 'appeal_window')).toBe(false);
    expect(refuse(s, appeal('S1', '2026-04-17'), '2026-04-20T10:00:00.000Z').code).toBe('APPEAL_ALREADY_LODGED');
  });

  it('art. 21 c.12 D.lgs. 150/2015: an appeal lodged after the 30 days is refused', () => {
    expect(refuse(notified(), appeal('S1', '2026-04-18'), '2026-04-20T09:00:00.000Z')).toMatchObject({ code: 'APPEAL_WINDOW_CLOSED', field: 'lodgedOn' });
  });

  it('the appeal and its outcome have dates not in the future, in order; an outcome needs an appeal, once', () => {
    const s = notified();
    expect(refuse(s, appeal('S1', '2026-03-25'), '2026-03-20T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'lodgedOn' });
    expect(refuse(s, appeal('S1', '2026-03-11'), '2026-03-20T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'lodgedOn' });
    expect(refuse(s, { ...appeal('S1', '2026-03-19'), body: 'anpal' } as unknown as JourneyCommand, '2026-03-20T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'body' });
    expect(refuse(s, outcome('S1', 'annulled', '2026-03-20'), '2026-03-20T09:00:00.000Z').code).toBe('APPEAL_NOT_LODGED');
    const lodged = run(s, appeal('S1', '2026-03-19'), '2026-03-20T09:00:00.000Z');
    expect(refuse(lodged, outcome('S1', 'annulled', '2026-03-18'), '2026-03-20T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'decidedOn' });
    expect(refuse(lodged, outcome('S1', 'annulled', '2026-03-21'), '2026-03-20T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'decidedOn' });
    const decided = run(lodged, outcome('S1', 'upheld', '2026-03-20'), '2026-03-20T10:00:00.000Z');
    expect(decided.conditionalitySteps[0]).toMatchObject({ status: 'confirmed', effect: 'quarter_month_cut', appeal: { outcome: { outcome: 'upheld', decidedOn: '2026-03-20' } } });
    expect(refuse(decided, outcome('S1', 'annulled', '2026-03-20'), '2026-03-20T11:00:00.000Z').code).toBe('APPEAL_ALREADY_DECIDED');
  });

  it('art. 21 c.7 and c.12 D.lgs. 150/2015: an annulled 1st step is off its ladder: the next confirmed appointments step is the 1st again, a quarter-month cut', () => {
    let s = run(run(notified(), appeal('S1', '2026-03-19'), '2026-03-20T09:00:00.000Z'), outcome('S1', 'annulled', '2026-03-25'), '2026-03-25T10:00:00.000Z');
    expect(s.conditionalitySteps[0]).toMatchObject({ status: 'annulled', effect: 'quarter_month_cut', originalEffect: 'quarter_month_cut' });
    expect(refuse(s, outcome('S1', 'upheld', '2026-03-25'), '2026-03-25T11:00:00.000Z').code).toBe('APPEAL_ALREADY_DECIDED');
    expect(refuse(s, appeal('S1', '2026-03-25'), '2026-03-25T11:00:00.000Z').code).toBe('APPEAL_ALREADY_LODGED');
    expect(refuse(s, notify('S1', '2026-03-25T10:00:00.000Z'), '2026-03-25T11:00:00.000Z').code).toBe('STEP_NOT_CONFIRMED');
    expect(nextStepOn(s, 'appointments')).toEqual({ ordinal: 1, effect: 'quarter_month_cut' });
    s = tick(missed(s, '2026-03-31T08:00:00.000Z'), '2026-04-02T00:00:00.000Z');
    s = run(s, confirm('S2'), '2026-04-02T10:00:00.000Z');
    expect(s.conditionalitySteps[1]).toMatchObject({ stepId: 'S2', status: 'confirmed', ordinal: 1, effect: 'quarter_month_cut' });
  });

  it('art. 21 c.7 and c.12 D.lgs. 150/2015: a partly annulled step counts on its ladder with its reduced effect', () => {
    let s = activeJourney();
    s = run(tick(missed(s, '2026-03-10T09:00:00.000Z'), '2026-03-12T00:00:00.000Z'), confirm('S1'), '2026-03-12T10:00:00.000Z');
    s = run(tick(missed(s, '2026-03-17T09:00:00.000Z'), '2026-03-19T00:00:00.000Z'), confirm('S2'), '2026-03-19T10:00:00.000Z');
    expect(s.conditionalitySteps[1]).toMatchObject({ ordinal: 2, effect: 'one_month_cut' });
    s = run(s, notify('S2', '2026-03-20T10:00:00.000Z'), '2026-03-20T11:00:00.000Z');
    s = run(s, appeal('S2', '2026-03-23'), '2026-03-23T09:00:00.000Z');
    expect(refuse(s, outcome('S2', 'partly_annulled', '2026-03-24', 'decadenza'), '2026-03-24T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'reducedEffect' });
    expect(refuse(s, outcome('S2', 'partly_annulled', '2026-03-24'), '2026-03-24T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'reducedEffect' });
    expect(refuse(s, outcome('S2', 'annulled', '2026-03-24', 'quarter_month_cut'), '2026-03-24T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'reducedEffect' });
    s = run(s, outcome('S2', 'partly_annulled', '2026-03-24', 'quarter_month_cut'), '2026-03-24T09:00:00.000Z');
    expect(s.conditionalitySteps[1]).toMatchObject({ status: 'confirmed', ordinal: 2, effect: 'quarter_month_cut', originalEffect: 'one_month_cut' });
    expect(nextStepOn(s, 'appointments')).toEqual({ ordinal: 3, effect: 'decadenza' });
  });
});

describe('a decadenza under appeal (art. 21 c.7 and c.12 D.lgs. 150/2015)', () => {
  it('art. 21 c.12 D.lgs. 150/2015: a journey closed by decadenza is not finished while an appeal is possible', () => {
    let s = decadenza();
    expect(s).toMatchObject({ status: 'closed', stage: 'closed', closure: { reason: 'decadenza' } });
    expect(journeyFinished(s)).toBe(false); // not yet notified
    expect(refuse(s, { type: 'RecordContact', operatorId: OP, channel: 'phone' }, '2026-03-27T09:00:00.000Z').code).toBe('JOURNEY_CLOSED');
    s = run(s, notify('S3', '2026-03-27T09:00:00.000Z'), '2026-03-27T10:00:00.000Z');
    expect(journeyFinished(s)).toBe(false); // window open
    expect(nextDeadline(s)).toMatchObject({ kind: 'appeal_window', stepId: 'S3' });
    const lodged = run(s, appeal('S3', '2026-04-01'), '2026-04-01T09:00:00.000Z');
    expect(journeyFinished(lodged)).toBe(false); // waiting for the outcome
    expect(journeyFinished(run(lodged, outcome('S3', 'upheld', '2026-04-10'), '2026-04-10T09:00:00.000Z'))).toBe(true);
  });

  it('art. 21 c.12 D.lgs. 150/2015: a decadenza with nothing lodged by the end of the window finishes the journey', () => {
    let s = run(decadenza(), notify('S3', '2026-03-27T09:00:00.000Z'), '2026-03-27T10:00:00.000Z');
    s = tick(s, '2026-04-30T00:00:00.000Z');
    expect(s.conditionalitySteps[2].appealWindowClosedAt).toBe('2026-04-30T00:00:00.000Z');
    expect(journeyFinished(s)).toBe(true);
    expect(pendingDeadlines(s)).toEqual([]);
    expect(refuse(s, appeal('S3', '2026-04-01'), '2026-04-30T09:00:00.000Z').code).toBe('JOURNEY_CLOSED');
  });

  it('edition 1: a journey closed by decadenza is finished at once', () => {
    let s = activeJourney({ rules: 1 });
    for (const [i, day] of ['10', '17', '24'].entries()) {
      s = tick(missed(s, `2026-03-${day}T09:00:00.000Z`), `2026-03-${Number(day) + 2}T00:00:00.000Z`);
      s = run(s, confirm(`S${i + 1}`), `2026-03-${Number(day) + 2}T10:00:00.000Z`);
    }
    expect(journeyFinished(s)).toBe(true);
    expect(refuse(s, notify('S3', '2026-03-27T09:00:00.000Z'), '2026-03-27T10:00:00.000Z').code).toBe('JOURNEY_CLOSED');
  });

  it('art. 21 c.12 D.lgs. 150/2015: an annulled decadenza reopens the journey at the stage it was, its clocks running again from the reopening', () => {
    let s = run(decadenza(), notify('S3', '2026-03-27T09:00:00.000Z'), '2026-03-27T10:00:00.000Z');
    s = run(s, appeal('S3', '2026-04-01'), '2026-04-01T09:00:00.000Z');
    const before = s.actions.map((a) => a.dueAt);
    const events = accept(s, outcome('S3', 'annulled', '2026-04-15'), '2026-04-16T10:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['AppealDecided', 'JourneyReopened']);
    expect(events[1].data).toEqual({ stepId: 'S3', stage: 'pact_active', closedAt: '2026-03-26T10:00:00.000Z', operatorId: OP });
    s = run(s, outcome('S3', 'annulled', '2026-04-15'), '2026-04-16T10:00:00.000Z');
    expect(s).toMatchObject({ status: 'open', stage: 'pact_active', closure: null });
    expect(journeyFinished(s)).toBe(false);
    expect(s.conditionalitySteps[2]).toMatchObject({ status: 'annulled', originalEffect: 'decadenza' });
    // Closed from 26 March 10:00 to 16 April 10:00: 21 days (the same UTC time) added to each pending action.
    expect(s.actions.map((a) => a.dueAt)).toEqual(before.map((d) => new Date(Date.parse(d) + 21 * 86_400_000).toISOString()));
    expect(s.contact).toMatchObject({ lastContactAt: '2026-04-16T10:00:00.000Z', missedDueAt: null });
    expect(s.lastProgressAt).toBe('2026-04-16T10:00:00.000Z');
    // Open again: ordinary commands are taken, and the ladder counts the two steps still in force.
    expect(decide(s, { type: 'RecordContact', operatorId: OP, channel: 'phone' }, '2026-04-16T11:00:00.000Z').ok).toBe(true);
    expect(nextStepOn(s, 'appointments')).toEqual({ ordinal: 3, effect: 'decadenza' });
  });

  it('art. 21 c.12 D.lgs. 150/2015: a decadenza partly annulled to a lesser sanction reopens the journey too', () => {
    let s = run(decadenza(), notify('S3', '2026-03-27T09:00:00.000Z'), '2026-03-27T10:00:00.000Z');
    s = run(s, appeal('S3', '2026-04-01'), '2026-04-01T09:00:00.000Z');
    s = run(s, outcome('S3', 'partly_annulled', '2026-04-15', 'one_month_cut'), '2026-04-16T10:00:00.000Z');
    expect(s).toMatchObject({ status: 'open', stage: 'pact_active' });
    expect(s.conditionalitySteps[2]).toMatchObject({ status: 'confirmed', effect: 'one_month_cut', originalEffect: 'decadenza' });
  });

  it('an appeal on a step that is not the decadenza does not reopen anything', () => {
    let s = run(confirmedStep(), notify('S1', NOTIFIED_AT), '2026-03-19T09:00:00.000Z');
    s = run(s, appeal('S1', '2026-03-19'), '2026-03-20T09:00:00.000Z');
    expect(accept(s, outcome('S1', 'annulled', '2026-03-20'), '2026-03-20T10:00:00.000Z').map((e) => e.type)).toEqual(['AppealDecided']);
  });

  it('the catalogue may turn the appeal window off: the notification then sets no deadline', () => {
    const s = run(confirmedStep({ clocks: { ...LEGAL_CLOCKS, appealWindow: null } }), notify('S1', NOTIFIED_AT), '2026-03-19T09:00:00.000Z');
    expect(s.conditionalitySteps[0].appealDueAt).toBeNull();
    expect(pendingDeadlines(s).some((d) => d.kind === 'appeal_window')).toBe(false);
  });
});

describe('states carried over from before appeals', () => {
  it('a step carried by continue-as-new from before appeals gets empty appeal fields; a current state comes back as it is', () => {
    const s = confirmedStep({ rules: 1 });
    const old: Record<string, unknown> = { ...s.conditionalitySteps[0] };
    for (const key of ['notification', 'appeal', 'appealWindowClosedAt', 'originalEffect']) delete old[key];
    const upgraded = upgradeState({ ...s, conditionalitySteps: [old as never] });
    expect(upgraded.conditionalitySteps[0]).toEqual(s.conditionalitySteps[0]);
    expect(upgradeState(s)).toBe(s);
  });
});
