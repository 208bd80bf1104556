import { decide } from '../journey/decide';
import { nextDeadline, pendingDeadlines, stallOf } from '../journey/deadlines';
import type { JourneyCommand } from '../journey/commands';
import { noticesFor } from '../journey/notices';
import { toView } from '../journey/view';
import {
  AT_TURIN_CPI,
  accept,
  activeJourney,
  activeJourney as activeJourneyOf,
  awaitingPactJourney,
  awaitingPactJourney as awaitingPactJourneyOf,
  deliver,
  intake,
  LEGAL_CLOCKS,
  OP,
  OUTPUTS_TO_COMPLETE,
  refuse,
  run,
  schedule,
  startJourney,
  tick,
} from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';

const AT = '2026-03-10T09:00:00.000Z';
const AFTER_SIGNING = '2026-03-04T10:00:00.000Z';
/** End of Wednesday 11 March 2026 in Rome (CET): the day after the appointment. */
const WINDOW_END = '2026-03-11T22:59:59.999Z';

describe('the six services', () => {
  it('reception sessions are recorded before the presa in carico, which completes the service', () => {
    let s = run(startJourney(), deliver('reception', { orientationNotes: 'informed about GOL' }, false, 1.5), '2026-03-02T10:00:00.000Z');
    expect(s.serviceProgress.find((p) => p.service === 'reception')).toMatchObject({ status: 'in_progress', hours: 1.5, sessions: 1 });
    s = run(s, intake(), '2026-03-03T09:00:00.000Z');
    expect(s.serviceProgress.find((p) => p.service === 'reception')).toMatchObject({ status: 'completed', completedAt: '2026-03-03T09:00:00.000Z', hours: 1.5 });
    expect(refuse(s, deliver('reception'), '2026-03-03T10:00:00.000Z').code).toBe('SERVICE_ALREADY_COMPLETED');
  });

  it('reception is not completed by a delivery: the intake does it', () => {
    expect(refuse(startJourney(), deliver('reception', {}, true), '2026-03-02T10:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'completesService' });
  });

  it('services after reception wait for the presa in carico; tutoring and job search for the pact', () => {
    expect(refuse(startJourney(), deliver('second_level_interview'), '2026-03-02T10:00:00.000Z').code).toBe('INTAKE_REQUIRED');
    expect(refuse(awaitingPactJourney(), deliver('job_search'), '2026-03-03T10:00:00.000Z').code).toBe('PACT_NOT_SIGNED');
    expect(refuse(awaitingPactJourney(), deliver('tutoring'), '2026-03-03T10:00:00.000Z').code).toBe('PACT_NOT_SIGNED');
  });

  it('the catalogue decides which services and in which order (GOL-1: no skills assessment; job search after the interview)', () => {
    const s = activeJourney();
    expect(refuse(s, deliver('skills_assessment'), AFTER_SIGNING)).toMatchObject({ code: 'SERVICE_NOT_IN_PROGRAMME' });
    const pending = refuse(s, deliver('job_search'), AFTER_SIGNING);
    expect(pending).toMatchObject({ code: 'SERVICE_PREREQUISITE_PENDING' });
    expect(pending.message).toContain('second_level_interview');
    const done = run(s, deliver('second_level_interview', OUTPUTS_TO_COMPLETE.second_level_interview, true), AFTER_SIGNING);
    expect(decide(done, deliver('job_search', { offersFound: 2 }), AFTER_SIGNING).ok).toBe(true);
    // tutoring runs in parallel with job search: both only need the interview
    expect(decide(done, deliver('tutoring', { topics: ['cv_update'] }), AFTER_SIGNING).ok).toBe(true);
  });

  it('a journey whose catalogue lists no services takes any service in any order (the stage still applies)', () => {
    const s = activeJourney({ services: null });
    expect(decide(s, deliver('skills_assessment'), AFTER_SIGNING).ok).toBe(true);
    expect(decide(s, deliver('job_search'), AFTER_SIGNING).ok).toBe(true);
    expect(toView(s).pendingServices).toEqual([]);
  });

  it('completing a service needs its outputs, from this session or earlier ones', () => {
    let s = activeJourney();
    expect(refuse(s, deliver('second_level_interview', { cv: 'cv.pdf' }, true), AFTER_SIGNING)).toMatchObject({
      code: 'SERVICE_OUTPUTS_MISSING',
      field: 'outputs.developmentAreasSheet',
    });
    s = run(s, deliver('second_level_interview', { developmentAreasSheet: 'scheda prot. 1' }), AFTER_SIGNING);
    s = run(s, deliver('second_level_interview', { cv: 'cv.pdf' }, true, 1), '2026-03-05T10:00:00.000Z');
    expect(s.serviceProgress.find((p) => p.service === 'second_level_interview')).toMatchObject({
      status: 'completed',
      hours: 3,
      sessions: 2,
      startedAt: AFTER_SIGNING,
      completedAt: '2026-03-05T10:00:00.000Z',
      outputs: { developmentAreasSheet: 'scheda prot. 1', cv: 'cv.pdf' },
    });
    expect(refuse(s, deliver('second_level_interview'), '2026-03-05T11:00:00.000Z').code).toBe('SERVICE_ALREADY_COMPLETED');
  });

  it('later outputs add up: counts are summed, lists joined without repeats', () => {
    let s = run(activeJourney({ services: null }), deliver('job_search', { offersFound: 2, applicationsSent: 1 }), AFTER_SIGNING);
    s = run(s, deliver('job_search', { offersFound: 3, companiesVisited: 1 }), AFTER_SIGNING);
    s = run(s, deliver('path_definition', { targetSectors: ['logistics', 'retail'] }), AFTER_SIGNING);
    s = run(s, deliver('path_definition', { targetSectors: ['retail', 'care'] }), AFTER_SIGNING);
    expect(s.serviceProgress.find((p) => p.service === 'job_search')!.outputs).toEqual({ offersFound: 5, applicationsSent: 1, companiesVisited: 1 });
    expect(s.serviceProgress.find((p) => p.service === 'path_definition')!.outputs).toEqual({ targetSectors: ['logistics', 'retail', 'care'] });
    expect(toView(s).totalServiceHours).toBe(8);
  });

  it.each([
    ['hours 0', deliver('second_level_interview', {}, false, 0), 'hours'],
    ['hours 13', deliver('second_level_interview', {}, false, 13), 'hours'],
    ['hours 1.234', deliver('second_level_interview', {}, false, 1.234), 'hours'],
    ['an output the service does not produce', deliver('second_level_interview', { offersFound: 1 }), 'outputs.offersFound'],
    ['a negative count', deliver('job_search', { offersFound: -1 }), 'outputs.offersFound'],
    ['an unknown tutoring topic', deliver('tutoring', { topics: ['astrology'] }), 'outputs.topics[0]'],
    ['an empty list', deliver('path_definition', { targetSectors: [] }), 'outputs.targetSectors'],
    ['an unknown service', deliver('yoga'), 'service'],
  ])('%s → INVALID_VALUE naming the field', (_label, command, field) => {
    expect(refuse(activeJourney({ services: null }), command, AFTER_SIGNING)).toMatchObject({ code: 'INVALID_VALUE', field });
  });

  it('a delivery in the future or before the DID is refused', () => {
    const s = activeJourney();
    expect(refuse(s, { ...deliver('second_level_interview'), deliveredAt: '2026-03-05T10:00:00.000Z' } as JourneyCommand, AFTER_SIGNING)).toMatchObject({ code: 'INVALID_DATE', field: 'deliveredAt' });
    expect(refuse(s, { ...deliver('second_level_interview'), deliveredAt: '2026-02-01T10:00:00.000Z' } as JourneyCommand, AFTER_SIGNING)).toMatchObject({ code: 'INVALID_DATE', field: 'deliveredAt' });
  });

  it('path_completed closes the journey only once every service of the catalogue is completed', () => {
    let s = activeJourney();
    const close: JourneyCommand = { type: 'CloseJourney', reason: 'path_completed', operatorId: OP };
    expect(refuse(s, close, AFTER_SIGNING)).toMatchObject({ code: 'PATH_NOT_COMPLETED', message: 'the path still needs second_level_interview, tutoring, job_search' });
    for (const service of ['second_level_interview', 'tutoring', 'job_search']) s = run(s, deliver(service, OUTPUTS_TO_COMPLETE[service], true), AFTER_SIGNING);
    expect(toView(s).pendingServices).toEqual([]);
    expect(run(s, close, AFTER_SIGNING).closure).toMatchObject({ reason: 'path_completed' });
  });
});

describe('appointments', () => {
  const booked = () => run(activeJourney(), schedule(AT), AFTER_SIGNING);

  it('are booked with ids AP1, AP2…, in the future, with a place when in person', () => {
    const s = run(booked(), schedule('2026-03-20T09:00:00.000Z'), AFTER_SIGNING);
    expect(s.appointments.map((a) => [a.appointmentId, a.status, a.convocation])).toEqual([
      ['AP1', 'scheduled', 'pec'],
      ['AP2', 'scheduled', 'pec'],
    ]);
    expect(refuse(s, schedule('2026-03-01T09:00:00.000Z'), AFTER_SIGNING)).toMatchObject({ code: 'INVALID_DATE', field: 'at' });
    const noPlace = { ...schedule(AT), location: undefined } as JourneyCommand;
    expect(refuse(s, noPlace, AFTER_SIGNING)).toMatchObject({ code: 'INVALID_VALUE', field: 'location' });
    expect(decide(s, { ...noPlace, channel: 'phone' } as JourneyCommand, AFTER_SIGNING).ok).toBe(true);
    expect(refuse(s, schedule(AT, 'carrier_pigeon'), AFTER_SIGNING)).toMatchObject({ code: 'INVALID_VALUE', field: 'convocation' });
  });

  it('the person is reminded the catalogue offset before, once; a reschedule reminds again', () => {
    let s = booked();
    expect(nextDeadline(s)).toEqual({ at: '2026-03-09T09:00:00.000Z', kind: 'appointment_reminder', appointmentId: 'AP1' });
    const events = accept(s, { type: 'ProcessDeadlines' }, '2026-03-09T09:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['AppointmentReminderDue']);
    s = tick(s, '2026-03-09T09:00:00.000Z');
    const notices = noticesFor(events, s);
    expect(notices.map((n) => [n.kind, n.audience, n.subject.appointmentAt])).toEqual([['appointment_reminder', 'beneficiary', AT]]);
    expect(pendingDeadlines(s).filter((d) => d.kind === 'appointment_reminder')).toEqual([]);
    s = run(s, { type: 'RescheduleAppointment', appointmentId: 'AP1', at: '2026-03-12T09:00:00.000Z', operatorId: OP, reason: 'operator ill' }, '2026-03-09T10:00:00.000Z');
    expect(s.appointments[0]).toMatchObject({ at: '2026-03-12T09:00:00.000Z', rescheduledCount: 1, reminderSentAt: null, location: 'CPI Torino, via Bologna 153' });
    expect(nextDeadline(s)).toMatchObject({ at: '2026-03-11T09:00:00.000Z', kind: 'appointment_reminder' });
  });

  it('a reminder decided after the appointment (the worker was down) is recorded but sends nothing', () => {
    const s = booked();
    const events = accept(s, { type: 'ProcessDeadlines' }, '2026-03-10T10:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['AppointmentReminderDue']);
    expect(noticesFor(events, tick(s, '2026-03-10T10:00:00.000Z'))).toEqual([]);
  });

  it('booking, moving and cancelling tell the person', () => {
    const s = activeJourney();
    const events = accept(s, schedule(AT), AFTER_SIGNING);
    expect(noticesFor(events, run(s, schedule(AT), AFTER_SIGNING)).map((n) => [n.kind, n.audience])).toEqual([['appointment_scheduled', 'beneficiary']]);
    const cancel: JourneyCommand = { type: 'CancelAppointment', appointmentId: 'AP1', operatorId: OP, reason: 'office closed' };
    const cancelled = run(booked(), cancel, AFTER_SIGNING);
    expect(noticesFor(accept(booked(), cancel, AFTER_SIGNING), cancelled).map((n) => n.kind)).toEqual(['appointment_cancelled']);
    expect(cancelled.appointments[0]).toMatchObject({ status: 'cancelled', cancellationReason: 'office closed' });
    expect(pendingDeadlines(cancelled).filter((d) => d.appointmentId)).toEqual([]);
    expect(refuse(cancelled, cancel, AFTER_SIGNING).code).toBe('APPOINTMENT_NOT_SCHEDULED');
  });

  it('the outcome comes after the appointment, once', () => {
    const s = booked();
    const held: JourneyCommand = { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'held', operatorId: OP };
    expect(refuse(s, held, '2026-03-10T08:59:59.999Z').code).toBe('APPOINTMENT_NOT_YET_HELD');
    const after = run(s, held, AT);
    expect(after.appointments[0]).toMatchObject({ status: 'held', closedAt: AT });
    expect(after.lastProgressAt).toBe(AT);
    expect(refuse(after, held, AT).code).toBe('APPOINTMENT_NOT_SCHEDULED');
    expect(refuse(s, { ...held, appointmentId: 'AP7' } as JourneyCommand, AT).code).toBe('APPOINTMENT_NOT_FOUND');
  });
});

const noShow = (appointmentId = 'AP1'): JourneyCommand => ({ type: 'RecordAppointmentOutcome', appointmentId, outcome: 'no_show', operatorId: OP });

/** An appointment at `at` missed, recorded two hours later. */
function missed(s: JourneyState, at: string, convocation = 'pec', purpose = 'interview'): JourneyState {
  const booked = run(s, schedule(at, convocation, purpose), new Date(Date.parse(at) - 86_400_000 * 2).toISOString());
  const id = booked.appointments.at(-1)!.appointmentId;
  return run(booked, noShow(id), new Date(Date.parse(at) + 7_200_000).toISOString());
}

describe('no-shows and the justification window', () => {
  it('a no-show opens a window until the end of the next day, on the ladder of the purpose', () => {
    const s = missed(activeJourney(), AT);
    expect(s.appointments[0].status).toBe('no_show');
    expect(s.lapses).toEqual([
      expect.objectContaining({ lapseId: 'L1', ladder: 'appointments', justificationDueAt: WINDOW_END, convocationValid: true, appointmentId: 'AP1', status: 'awaiting_justification' }),
    ]);
    expect(nextDeadline(s)).toEqual({ at: WINDOW_END, kind: 'justification_due', lapseId: 'L1' });
    expect(missed(activeJourney(), AT, 'pec', 'training').lapses[0].ladder).toBe('training');
  });

  it('the no-show notice tells the person until when to justify', () => {
    const booked = run(activeJourney(), schedule(AT), AFTER_SIGNING);
    const events = accept(booked, noShow(), '2026-03-10T11:00:00.000Z');
    const notices = noticesFor(events, run(booked, noShow(), '2026-03-10T11:00:00.000Z'));
    expect(notices.map((n) => [n.kind, n.audience, n.subject.justificationDueAt])).toEqual([['appointment_missed', 'beneficiary', WINDOW_END]]);
  });

  it('nothing is proposed before the window closes', () => {
    const s = tick(missed(activeJourney(), AT), '2026-03-11T22:59:59.998Z');
    expect(s.lapses[0].status).toBe('awaiting_justification');
    expect(s.conditionalitySteps).toEqual([]);
  });

  it('a justification from the closed list closes the lapse without consequence', () => {
    let s = missed(activeJourney(), AT);
    const justify: JourneyCommand = { type: 'JustifyLapse', lapseId: 'L1', reason: 'illness_or_injury', evidenceRef: 'cert. 2026/991', operatorId: OP };
    expect(refuse(s, { ...justify, reason: 'overslept' } as JourneyCommand, '2026-03-11T08:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'reason' });
    s = run(s, justify, '2026-03-11T08:00:00.000Z');
    expect(s.lapses[0]).toMatchObject({ status: 'justified', justification: { reason: 'illness_or_injury', evidenceRef: 'cert. 2026/991', operatorId: OP, impedimentEndedAt: null } });
    s = tick(s, '2026-03-20T00:00:00.000Z');
    expect(s.conditionalitySteps).toEqual([]);
    expect(refuse(s, justify, '2026-03-20T00:00:00.000Z').code).toBe('LAPSE_NOT_OPEN');
  });

  it('when the window closes unjustified, a step is proposed on the ladder and the operator is told', () => {
    const s = missed(activeJourney(), AT);
    const events = accept(s, { type: 'ProcessDeadlines' }, WINDOW_END);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['LapseUnjustified', { lapseId: 'L1', noStepBecause: null }],
      ['ConditionalityStepProposed', { stepId: 'S1', lapseId: 'L1', ladder: 'appointments', ordinal: 1, effect: 'quarter_month_cut' }],
    ]);
    const after = tick(s, WINDOW_END);
    expect(noticesFor(events, after).map((n) => [n.kind, n.audience])).toEqual([['conditionality_step_proposed', 'operator']]);
    expect(toView(after).proposedStepCount).toBe(1);
    expect(nextDeadline(after)).not.toMatchObject({ kind: 'justification_due' });
  });

  it('no step for a person who claims no benefit', () => {
    const s = tick(missed(activeJourney({ benefit: null }), AT), WINDOW_END);
    expect(s.lapses[0].status).toBe('unjustified');
    expect(s.conditionalitySteps).toEqual([]);
    expect(accept(missed(activeJourney({ benefit: null }), AT), { type: 'ProcessDeadlines' }, WINDOW_END)[0].data).toEqual({ lapseId: 'L1', noStepBecause: 'not_benefit_recipient' });
  });

  it.each(['email', 'phone', 'ordinary_mail'])('no step when the convocation was not valid (%s)', (method) => {
    const s = missed(activeJourney(), AT, method);
    expect(s.lapses[0].convocationValid).toBe(false);
    expect(accept(s, { type: 'ProcessDeadlines' }, WINDOW_END).map((e) => [e.type, e.data])).toEqual([['LapseUnjustified', { lapseId: 'L1', noStepBecause: 'invalid_convocation' }]]);
  });

  it.each(['pec', 'registered_letter', 'agreed_signed'])('a convocation by %s is valid', (method) => {
    expect(missed(activeJourney(), AT, method).lapses[0].convocationValid).toBe(true);
  });

  it('a late excuse is accepted when the impediment ended recently, and withdraws the proposed step', () => {
    const s = tick(missed(activeJourney(), AT), WINDOW_END);
    const late: JourneyCommand = { type: 'JustifyLapse', lapseId: 'L1', reason: 'illness_or_injury', operatorId: OP };
    expect(refuse(s, late, '2026-03-13T09:00:00.000Z').code).toBe('JUSTIFICATION_WINDOW_CLOSED');
    const withEnd = { ...late, impedimentEndedAt: '2026-03-12T18:00:00.000Z' } as JourneyCommand;
    const events = accept(s, withEnd, '2026-03-13T09:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['LapseJustified', 'ConditionalityStepDismissed']);
    const after = run(s, withEnd, '2026-03-13T09:00:00.000Z');
    expect(after.conditionalitySteps[0]).toMatchObject({ status: 'dismissed', decisionNote: 'justified: illness_or_injury' });
    // too late even counting from the end of the impediment (the next day's end)
    expect(refuse(s, withEnd, '2026-03-14T09:00:00.000Z')).toMatchObject({ code: 'JUSTIFICATION_WINDOW_CLOSED', field: 'impedimentEndedAt' });
  });
});

describe('conditionality steps', () => {
  const confirm = (stepId: string): JourneyCommand => ({ type: 'ConfirmConditionalityStep', stepId, operatorId: OP, note: 'no excuse received', actingOffice: AT_TURIN_CPI });

  it('the appointments ladder: a quarter month, one month, then decadenza, which ends the journey', () => {
    let s = activeJourney();
    const days = ['2026-03-10', '2026-03-17', '2026-03-24'];
    const effects: string[] = [];
    for (const [i, day] of days.entries()) {
      s = missed(s, `${day}T09:00:00.000Z`);
      s = tick(s, `${day.slice(0, 8)}${String(Number(day.slice(8)) + 2).padStart(2, '0')}T00:00:00.000Z`);
      const stepId = `S${i + 1}`;
      expect(s.conditionalitySteps.find((x) => x.stepId === stepId)).toMatchObject({ status: 'proposed', ordinal: i + 1 });
      const confirmedAt = `${day.slice(0, 8)}${String(Number(day.slice(8)) + 2).padStart(2, '0')}T10:00:00.000Z`;
      s = run(s, confirm(stepId), confirmedAt);
      effects.push(s.conditionalitySteps.find((x) => x.stepId === stepId)!.effect);
    }
    expect(effects).toEqual(['quarter_month_cut', 'one_month_cut', 'decadenza']);
    expect(s.status).toBe('closed');
    expect(s.closure).toMatchObject({ reason: 'decadenza', operatorId: OP, details: 'conditionality step S3 (appointments, 3)' });
  });

  it('edition 1: a confirmed step records its appeal deadline (30 days from the confirmation, end of day in Rome) and tells the person', () => {
    const s = tick(missed(activeJourney({ rules: 1 }), AT), WINDOW_END);
    const events = accept(s, confirm('S1'), '2026-03-12T10:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['ConditionalityStepConfirmed']);
    expect(events[0].data).toMatchObject({ effect: 'quarter_month_cut', ordinal: 1, appealDueAt: '2026-04-11T21:59:59.999Z' });
    const notices = noticesFor(events, run(s, confirm('S1'), '2026-03-12T10:00:00.000Z'));
    expect(notices.map((n) => [n.kind, n.audience, n.subject.effect, n.subject.appealDueAt])).toEqual([
      ['conditionality_step_confirmed', 'beneficiary', 'quarter_month_cut', '2026-04-11T21:59:59.999Z'],
    ]);
  });

  it('dismissed steps do not count; the training ladder goes one month then decadenza', () => {
    let s = tick(missed(activeJourney(), AT, 'pec', 'training'), WINDOW_END);
    expect(s.conditionalitySteps[0]).toMatchObject({ ladder: 'training', effect: 'one_month_cut' });
    s = run(s, { type: 'DismissConditionalityStep', stepId: 'S1', operatorId: OP, reason: 'convocation reached the wrong address', actingOffice: AT_TURIN_CPI }, '2026-03-12T10:00:00.000Z');
    s = tick(missed(s, '2026-03-17T09:00:00.000Z', 'pec', 'training'), '2026-03-19T00:00:00.000Z');
    expect(s.conditionalitySteps[1]).toMatchObject({ stepId: 'S2', ordinal: 1, effect: 'one_month_cut' });
    s = run(s, confirm('S2'), '2026-03-19T10:00:00.000Z');
    s = tick(missed(s, '2026-03-24T09:00:00.000Z', 'pec', 'training'), '2026-03-26T00:00:00.000Z');
    expect(s.conditionalitySteps[2]).toMatchObject({ stepId: 'S3', ordinal: 2, effect: 'decadenza' });
  });

  it('ladders count separately', () => {
    let s = tick(missed(activeJourney(), AT, 'pec', 'workshop'), WINDOW_END);
    s = run(s, confirm('S1'), '2026-03-12T10:00:00.000Z');
    s = tick(missed(s, '2026-03-17T09:00:00.000Z', 'pec', 'activation'), '2026-03-19T00:00:00.000Z');
    expect(s.conditionalitySteps[1]).toMatchObject({ ladder: 'training', ordinal: 1, effect: 'one_month_cut' });
  });

  it('a step is decided once; unknown steps are not found; the excuse after a confirmed step goes to appeal', () => {
    let s = tick(missed(activeJourney(), AT), WINDOW_END);
    s = run(s, confirm('S1'), '2026-03-12T10:00:00.000Z');
    expect(refuse(s, confirm('S1'), '2026-03-12T11:00:00.000Z').code).toBe('STEP_ALREADY_DECIDED');
    expect(refuse(s, { type: 'DismissConditionalityStep', stepId: 'S1', operatorId: OP, reason: 'x' }, '2026-03-12T11:00:00.000Z').code).toBe('STEP_ALREADY_DECIDED');
    expect(refuse(s, confirm('S9'), '2026-03-12T11:00:00.000Z').code).toBe('STEP_NOT_FOUND');
    const late: JourneyCommand = { type: 'JustifyLapse', lapseId: 'L1', reason: 'court_summons', operatorId: OP, impedimentEndedAt: '2026-03-12T09:00:00.000Z' };
    expect(refuse(s, late, '2026-03-12T11:00:00.000Z').code).toBe('LAPSE_NOT_OPEN');
  });

  it('decadenza is never closed by hand', () => {
    expect(refuse(activeJourney(), { type: 'CloseJourney', reason: 'decadenza', operatorId: OP }, AFTER_SIGNING).code).toBe('CLOSURE_NOT_ALLOWED');
  });
});

describe('suitable offers (rules edition 1: the window from the refusal, the suitable flag; edition 2 in offers/offers.spec.ts)', () => {
  const activeJourney = () => activeJourneyOf({ rules: 1 });
  const awaitingPactJourney = () => awaitingPactJourneyOf({ rules: 1 });
  const offer = (suitable = true, communicatedBy = 'pec'): JourneyCommand =>
    ({ type: 'RecordJobOffer', employer: 'Logistica Srl', position: 'warehouse clerk', suitable, communicatedBy, operatorId: OP }) as JourneyCommand;
  const refuseOffer: JourneyCommand = { type: 'RecordOfferResponse', offerId: 'O1', response: 'refused', operatorId: OP };

  it('refusing a suitable offer leaves 2 working days for an excuse (Friday → Tuesday)', () => {
    const s = run(run(activeJourney(), offer(), '2026-04-20T10:00:00.000Z'), refuseOffer, '2026-04-24T10:00:00.000Z');
    expect(s.offers[0]).toMatchObject({ offerId: 'O1', response: 'refused' });
    expect(s.lapses[0]).toMatchObject({ ladder: 'suitable_offer', offerId: 'O1', justificationDueAt: '2026-04-28T21:59:59.999Z' });
  });

  it('working days skip Easter Monday', () => {
    const s = run(run(activeJourney(), offer(), '2026-04-01T10:00:00.000Z'), refuseOffer, '2026-04-02T10:00:00.000Z');
    expect(s.lapses[0].justificationDueAt).toBe('2026-04-07T21:59:59.999Z');
  });

  it('refusing a suitable offer without excuse proposes decadenza at once', () => {
    let s = run(run(activeJourney(), offer(), '2026-04-20T10:00:00.000Z'), refuseOffer, '2026-04-24T10:00:00.000Z');
    s = tick(s, '2026-04-28T21:59:59.999Z');
    expect(s.conditionalitySteps[0]).toMatchObject({ ladder: 'suitable_offer', ordinal: 1, effect: 'decadenza' });
  });

  it('refusing an offer that is not suitable has no consequence; an offer is answered once', () => {
    const s = run(run(activeJourney(), offer(false), '2026-04-20T10:00:00.000Z'), refuseOffer, '2026-04-24T10:00:00.000Z');
    expect(s.lapses).toEqual([]);
    expect(refuse(s, refuseOffer, '2026-04-24T11:00:00.000Z').code).toBe('OFFER_ALREADY_ANSWERED');
    expect(refuse(s, { ...refuseOffer, offerId: 'O5' } as JourneyCommand, '2026-04-24T11:00:00.000Z').code).toBe('OFFER_NOT_FOUND');
  });

  it('offers are recorded under the signed pact', () => {
    expect(refuse(awaitingPactJourney(), offer(), '2026-03-03T10:00:00.000Z').code).toBe('PACT_NOT_SIGNED');
  });
});

describe('pact amendments', () => {
  const amend = (change: Partial<Extract<JourneyCommand, { type: 'AmendPact' }>>): JourneyCommand => ({
    type: 'AmendPact',
    operatorId: OP,
    reason: 'new training course',
    acceptance: { method: 'graphometric' },
    ...change,
  });

  it('make a new version, keep the old ones, and move the deadlines', () => {
    const s = run(activeJourney(), amend({ changeActions: [{ actionId: 'A1', dueDate: '2026-08-31' }] }), '2026-04-01T10:00:00.000Z');
    expect(s.pact!.version).toBe(2);
    expect(s.pactVersions.map((v) => [v.version, v.actions.find((a) => a.actionId === 'A1')!.dueAt, v.amendedBy, v.reason])).toEqual([
      [1, '2026-06-30T21:59:59.999Z', null, null],
      [2, '2026-08-31T21:59:59.999Z', OP, 'new training course'],
    ]);
    expect(pendingDeadlines(s).filter((d) => d.actionId === 'A1').map((d) => d.at)).toEqual(['2026-08-31T21:59:59.999Z']);
  });

  it('an overdue action moved to the future is pending again, its stall cleared and its reminder due again', () => {
    const clocks = { ...LEGAL_CLOCKS, reminderBeforeDue: 'P2D' };
    let s = tick(activeJourney({ clocks }), '2026-07-01T10:00:00.000Z');
    expect(s.actions[0]).toMatchObject({ status: 'overdue' });
    expect(stallOf(s)?.reasons).toContain('overdue_action');
    s = run(s, amend({ changeActions: [{ actionId: 'A1', dueDate: '2026-07-31' }] }), '2026-07-01T11:00:00.000Z');
    expect(s.actions[0]).toMatchObject({ status: 'pending', overdueSince: null, reminderSentAt: null, escalatedAt: null });
    expect(stallOf(s)?.reasons ?? []).not.toContain('overdue_action');
    expect(pendingDeadlines(s).filter((d) => d.actionId === 'A1').map((d) => d.kind)).toEqual(['action_reminder', 'action_due']);
  });

  it('withdrawn actions leave no deadline and cannot be completed; added actions continue the numbering', () => {
    let s = run(activeJourney(), amend({ withdrawActionIds: ['A2'], addActions: [{ kind: 'training', description: 'Forklift licence', dueDate: '2026-09-30' }] }), '2026-04-01T10:00:00.000Z');
    expect(s.actions.map((a) => [a.actionId, a.status])).toEqual([
      ['A1', 'pending'],
      ['A2', 'withdrawn'],
      ['A3', 'pending'],
    ]);
    expect(pendingDeadlines(s).some((d) => d.actionId === 'A2')).toBe(false);
    expect(s.pactVersions[1].actions.map((a) => a.actionId)).toEqual(['A1', 'A3']);
    expect(refuse(s, { type: 'CompletePactAction', actionId: 'A2', operatorId: OP }, '2026-04-02T10:00:00.000Z').code).toBe('PACT_ACTION_WITHDRAWN');
    s = run(s, { type: 'CompletePactAction', actionId: 'A3', operatorId: OP }, '2026-04-02T10:00:00.000Z');
    expect(refuse(s, amend({ changeActions: [{ actionId: 'A3', dueDate: '2026-10-30' }] }), '2026-04-02T11:00:00.000Z').code).toBe('PACT_ACTION_ALREADY_COMPLETED');
  });

  it('a new contact frequency moves the next contact', () => {
    const s = run(activeJourney(), amend({ contactFrequency: 'P15D' }), '2026-03-05T10:00:00.000Z');
    expect(toView(s).nextContactDueAt).toBe('2026-03-19T09:00:00.000Z');
  });

  it.each([
    ['nothing changes', amend({}), 'INVALID_VALUE'],
    ['the same field value', amend({ profilingClass: 'medium' }), 'INVALID_VALUE'],
    ['every action withdrawn', amend({ withdrawActionIds: ['A1', 'A2'] }), 'INVALID_VALUE'],
    ['an action twice', amend({ withdrawActionIds: ['A1'], changeActions: [{ actionId: 'A1', description: 'x' }] }), 'INVALID_VALUE'],
    ['an unknown action', amend({ withdrawActionIds: ['A9'] }), 'PACT_ACTION_NOT_FOUND'],
    ['a due date in the past', amend({ changeActions: [{ actionId: 'A1', dueDate: '2026-03-01' }] }), 'INVALID_DATE'],
    ['no reason', amend({ reason: '', profilingClass: 'high' }), 'INVALID_VALUE'],
  ])('refused: %s', (_label, command, code) => {
    expect(refuse(activeJourney(), command, '2026-04-01T10:00:00.000Z').code).toBe(code);
  });
});

describe('first contact (art. 20 c.1, art. 21 c.2)', () => {
  it('30 days from the DID without a benefit claim; a missed one stalls the journey and alerts the supervisors', () => {
    const s = startJourney({ benefit: null });
    expect(toView(s).firstContactDueAt).toBe('2026-04-01T21:59:59.999Z');
    const events = accept(s, { type: 'ProcessDeadlines' }, '2026-04-01T21:59:59.999Z');
    expect(events.map((e) => e.type)).toEqual(['FirstContactMissed']);
    const after = tick(s, '2026-04-01T21:59:59.999Z');
    expect(stallOf(after)).toEqual({ since: '2026-04-01T21:59:59.999Z', reasons: ['first_contact_missed'] });
    expect(noticesFor(events, after).map((n) => [n.kind, n.audience])).toEqual([['first_contact_missed', 'supervisor']]);
    expect(stallOf(run(after, intake('2026-04-02T09:00:00.000Z'), '2026-04-02T09:00:00.000Z'))).toBeNull();
  });

  it('15 days from a NASpI claim', () => {
    expect(toView(startJourney()).firstContactDueAt).toBe('2026-03-20T22:59:59.999Z');
  });

  it('no first-contact clock once taken in charge, or when the catalogue has none', () => {
    expect(pendingDeadlines(awaitingPactJourney()).some((d) => d.kind === 'first_contact')).toBe(false);
    expect(toView(startJourney({ clocks: { ...LEGAL_CLOCKS, firstContactAfterDid: null, firstContactAfterBenefitClaim: null } })).firstContactDueAt).toBeNull();
  });
});

describe('referrals and placement', () => {
  it('referrals follow the presa in carico and record one outcome', () => {
    const refer: JourneyCommand = { type: 'MakeReferral', to: 'social_services', organisation: 'Servizi sociali Comune di Torino', reason: 'housing', operatorId: OP };
    expect(refuse(startJourney(), refer, '2026-03-02T10:00:00.000Z').code).toBe('INTAKE_REQUIRED');
    let s = run(awaitingPactJourney(), refer, '2026-03-03T10:00:00.000Z');
    expect(s.referrals[0]).toMatchObject({ referralId: 'R1', to: 'social_services', outcome: null });
    const outcome: JourneyCommand = { type: 'RecordReferralOutcome', referralId: 'R1', outcome: 'taken_up', operatorId: OP };
    s = run(s, outcome, '2026-03-05T10:00:00.000Z');
    expect(s.referrals[0]).toMatchObject({ outcome: 'taken_up', outcomeAt: '2026-03-05T10:00:00.000Z' });
    expect(refuse(s, outcome, '2026-03-05T10:00:00.000Z').code).toBe('REFERRAL_OUTCOME_RECORDED');
    expect(refuse(s, { ...outcome, referralId: 'R2' } as JourneyCommand, '2026-03-05T10:00:00.000Z').code).toBe('REFERRAL_NOT_FOUND');
  });

  it('a placement records its details and closes the journey as placed', () => {
    const place: JourneyCommand = { type: 'RecordPlacement', employer: 'Logistica Srl', contractType: 'fixed_term', startDate: '2026-05-04', hoursPerWeek: 38, operatorId: OP };
    const events = accept(activeJourney(), place, '2026-04-20T10:00:00.000Z');
    expect(events.map((e) => e.type)).toEqual(['PlacementRecorded', 'JourneyClosed']);
    const s = run(activeJourney(), place, '2026-04-20T10:00:00.000Z');
    expect(s.placement).toMatchObject({ employer: 'Logistica Srl', contractType: 'fixed_term', startDate: '2026-05-04', hoursPerWeek: 38, offerId: null });
    expect(s.closure).toMatchObject({ reason: 'placed' });
    expect(refuse(activeJourney(), { ...place, offerId: 'O1' } as JourneyCommand, '2026-04-20T10:00:00.000Z').code).toBe('OFFER_NOT_FOUND');
    expect(refuse(activeJourney(), { ...place, startDate: '2026-02-01' } as JourneyCommand, '2026-04-20T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'startDate' });
  });
});
