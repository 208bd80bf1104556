import { pendingDeadlines } from '../journey/deadlines';
import { activeJourney, awaitingPactJourney, LEGAL_CLOCKS, OP, refuse, run, schedule, startJourney, tick } from '../journey/journey.test-fixture';
import type { JourneyCommand } from '../journey/commands';
import type { JourneyState } from '../journey/model';
import { noticesFor } from '../journey/notices';
import { decide } from '../journey/decide';
import { stallOf } from '../journey/stall';
import { toView } from '../journey/view';

const DAY = 86_400_000;
const ms = (at: string) => new Date(at).getTime();
const suspend = (startDate: string, expectedEndDate: string): JourneyCommand => ({ type: 'SuspendForJob', employer: 'Logistica Piemonte S.r.l.', contractType: 'fixed_term', startDate, expectedEndDate, operatorId: OP });
const endSuspension = (endDate: string): JourneyCommand => ({ type: 'EndSuspension', endDate, operatorId: OP });
const byKind = (state: JourneyState) => Object.fromEntries(pendingDeadlines(state).map((d) => [`${d.kind}${d.actionId ? ` ${d.actionId}` : ''}`, d.at]));

/** A pact in force with every clock on: reminders, overdue, escalations, contacts, no progress. */
const CLOCKS = { ...LEGAL_CLOCKS, reminderBeforeDue: 'P3D', escalationAfter: 'P5D', stallAfter: 'P60D' };

describe('suspension by a job of up to six months (art. 19 c.3 D.lgs. 150/2015)', () => {
  it('suspends: stage suspended, the stage to return to kept, a pause opened from the job\'s first day, no clock pending but the six-month limit', () => {
    const active = activeJourney({ clocks: CLOCKS });
    const s = run(active, suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    expect(s.stage).toBe('suspended');
    expect(s.pauses).toEqual([expect.objectContaining({ pauseId: 'P1', kind: 'job', from: '2026-03-15T23:00:00.000Z', endedAt: null, resumeStage: 'pact_active', expectedEnd: '2026-05-31T21:59:59.999Z' })]);
    expect(pendingDeadlines(s)).toEqual([{ at: '2026-09-15T22:00:00.000Z', kind: 'suspension_limit' }]);
    expect(toView(s)).toMatchObject({ pause: { pauseId: 'P1', kind: 'job', since: '2026-03-15T23:00:00.000Z', expectedEnd: '2026-05-31T21:59:59.999Z' }, nextContactDueAt: null, stalled: null });
  });

  it('resumes: the stage returns and every pending deadline falls due later by the pause', () => {
    const active = activeJourney({ clocks: CLOCKS });
    const before = byKind(active);
    expect(Object.keys(before).sort()).toEqual(['action_due A1', 'action_due A2', 'action_reminder A1', 'action_reminder A2', 'contact_due', 'no_progress']);
    const s = run(active, suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    // the job ended on 15 April: the person is available from 16 April, the pause lasted 31 days (16 March – 15 April)
    const resumed = run(s, endSuspension('2026-04-15'), '2026-04-17T09:00:00.000Z');
    expect(resumed.stage).toBe('pact_active');
    expect(resumed.pauses[0]).toMatchObject({ endedAt: '2026-04-15T22:00:00.000Z', endedBy: 'operator' });
    const pause = ms('2026-04-15T22:00:00.000Z') - ms('2026-03-15T23:00:00.000Z');
    expect(pause).toBe(31 * DAY - 3_600_000); // summer time began in between
    const after = byKind(resumed);
    for (const [kind, at] of Object.entries(before)) expect([kind, ms(after[kind]) - ms(at)]).toEqual([kind, pause]);
    // the view shows the moved instants, from the same source
    expect(toView(resumed).nextContactDueAt).toBe(after.contact_due);
    expect(toView(resumed).actionsDueAt).toEqual([
      { actionId: 'A1', dueAt: new Date(ms(active.actions[0].dueAt) + pause).toISOString() },
      { actionId: 'A2', dueAt: new Date(ms(active.actions[1].dueAt) + pause).toISOString() },
    ]);
    expect(toView(resumed).pause).toBeNull();
  });

  it('the pact deadline and the first contact move by the pause too', () => {
    const waiting = awaitingPactJourney({ clocks: { ...LEGAL_CLOCKS, pactDeadline: 'P30D' } });
    const raw = toView(waiting).pactDeadlineAt!;
    const s = run(run(waiting, suspend('2026-03-10', '2026-03-19'), '2026-03-10T10:00:00.000Z'), endSuspension('2026-03-19'), '2026-03-20T10:00:00.000Z');
    expect(s.stage).toBe('awaiting_pact');
    expect(ms(toView(s).pactDeadlineAt!) - ms(raw)).toBe(10 * DAY);

    const started = startJourney({ benefit: null });
    const firstContact = toView(started).firstContactDueAt!;
    const back = run(run(started, suspend('2026-03-05', '2026-03-11'), '2026-03-05T10:00:00.000Z'), endSuspension('2026-03-11'), '2026-03-12T10:00:00.000Z');
    expect(back.stage).toBe('awaiting_intake');
    expect(ms(toView(back).firstContactDueAt!) - ms(firstContact)).toBe(7 * DAY);
  });

  it('nothing falls due and no notice goes out while suspended; after it, the deadlines fire at their moved instants', () => {
    const active = activeJourney({ clocks: CLOCKS });
    const s = run(active, suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    const during = decide(s, { type: 'ProcessDeadlines' }, '2026-07-31T00:00:00.000Z');
    expect(during).toEqual({ ok: true, events: [] });
    const resumed = run(s, endSuspension('2026-04-15'), '2026-04-16T09:00:00.000Z');
    const contactDue = byKind(resumed).contact_due;
    const justBefore = tick(resumed, new Date(ms(contactDue) - 1).toISOString());
    expect(justBefore.contact.missedDueAt).toBeNull();
    const decision = decide(justBefore, { type: 'ProcessDeadlines' }, contactDue);
    expect(decision.ok && decision.events.map((e) => [e.type, (e.data as { dueAt?: string }).dueAt])).toContainEqual(['ContactMissed', contactDue]);
  });

  it('a job longer than six months is refused: it ends the episode by a placement or a closure', () => {
    const active = activeJourney();
    const refusal = refuse(active, suspend('2026-03-16', '2026-09-16'), '2026-03-16T10:00:00.000Z');
    expect(refusal).toMatchObject({ code: 'JOB_TOO_LONG_FOR_SUSPENSION', field: 'expectedEndDate' });
    expect(refusal.message).toMatch(/RecordPlacement/);
    expect(refusal.message).toMatch(/CloseJourney/);
    // six months less a day is a suspension
    expect(run(active, suspend('2026-03-16', '2026-09-15'), '2026-03-16T10:00:00.000Z').stage).toBe('suspended');
  });

  it('refuses a job not started yet, dates out of order, a second suspension, an end without one', () => {
    const active = activeJourney();
    expect(refuse(active, suspend('2026-03-17', '2026-05-31'), '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'startDate' });
    expect(refuse(active, suspend('2026-03-16', '2026-03-15'), '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'expectedEndDate' });
    expect(refuse(active, suspend('2026-02-01', '2026-03-15'), '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'startDate' });
    expect(refuse(active, { ...suspend('2026-03-16', '2026-05-31'), contractType: 'gig' } as unknown as JourneyCommand, '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'contractType' });
    expect(refuse(active, endSuspension('2026-03-16'), '2026-03-16T10:00:00.000Z').code).toBe('JOURNEY_NOT_SUSPENDED');
    const s = run(active, suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    expect(refuse(s, suspend('2026-03-16', '2026-05-31'), '2026-03-17T10:00:00.000Z').code).toBe('JOURNEY_SUSPENDED');
    expect(refuse(s, endSuspension('2026-03-20'), '2026-03-17T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'endDate' });
    expect(refuse(s, endSuspension('2026-03-10'), '2026-03-17T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'endDate' });
  });

  it('while suspended every other command is refused with one code; closing and a placement still end the episode', () => {
    const s = run(activeJourney(), suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    for (const command of [
      { type: 'RecordContact', operatorId: OP, channel: 'phone' },
      { type: 'CompletePactAction', actionId: 'A1', operatorId: OP },
      schedule('2026-04-20T09:00:00.000Z'),
      { type: 'RecordAbsence', reason: 'illness', fromDate: '2026-03-16', toDate: '2026-03-30', operatorId: OP },
    ] as JourneyCommand[]) {
      expect(refuse(s, command, '2026-03-17T10:00:00.000Z').code).toBe('JOURNEY_SUSPENDED');
    }
    const placed = run(s, { type: 'RecordPlacement', employer: 'Logistica Piemonte S.r.l.', contractType: 'permanent', startDate: '2026-03-16', operatorId: OP }, '2026-03-20T10:00:00.000Z');
    expect(placed).toMatchObject({ stage: 'closed', closure: { reason: 'placed' } });
    expect(run(s, { type: 'CloseJourney', reason: 'withdrawn', operatorId: OP }, '2026-03-20T10:00:00.000Z').stage).toBe('closed');
    // suspended before the presa in carico, a placement still needs it
    const early = run(startJourney(), suspend('2026-03-05', '2026-05-31'), '2026-03-05T10:00:00.000Z');
    expect(refuse(early, { type: 'RecordPlacement', employer: 'E', contractType: 'permanent', startDate: '2026-03-05', operatorId: OP }, '2026-03-06T10:00:00.000Z').code).toBe('INTAKE_REQUIRED');
  });

  it('a suspension still running six months after the job started closes the journey as status_lost, telling the operator', () => {
    const s = run(activeJourney(), suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    expect(tick(s, '2026-09-15T21:59:59.999Z').stage).toBe('suspended');
    const decision = decide(s, { type: 'ProcessDeadlines' }, '2026-09-20T10:00:00.000Z');
    if (!decision.ok) throw new Error(decision.refusal.code);
    expect(decision.events.map((e) => e.type)).toEqual(['SuspensionLimitReached', 'JourneyClosed']);
    expect(decision.events[1].data).toMatchObject({ reason: 'status_lost', closedAt: '2026-09-15T22:00:00.000Z' });
    const closed = run(s, { type: 'ProcessDeadlines' }, '2026-09-20T10:00:00.000Z');
    expect(closed).toMatchObject({ stage: 'closed', status: 'closed' });
    expect(closed.pauses[0]).toMatchObject({ endedAt: '2026-09-15T22:00:00.000Z', endedBy: 'six_month_limit' });
    expect(noticesFor(decision.events, closed)).toEqual([
      expect.objectContaining({ kind: 'suspension_limit_reached', audience: 'operator', subject: { suspensionLimitAt: '2026-09-15T22:00:00.000Z' } }),
    ]);
  });

  it('stall is null while suspended, and back once the suspension ends', () => {
    const active = activeJourney({ clocks: CLOCKS });
    const stalled = tick(active, '2026-04-08T00:00:00.000Z'); // the agreed contact (P30D after the 4 March acceptance) missed
    expect(stallOf(stalled)?.reasons).toContain('missed_contact');
    const s = run(stalled, suspend('2026-04-08', '2026-05-31'), '2026-04-08T10:00:00.000Z');
    expect(stallOf(s)).toBeNull();
    expect(toView(s).stalled).toBeNull();
    expect(stallOf(run(s, endSuspension('2026-04-20'), '2026-04-21T10:00:00.000Z'))?.reasons).toContain('missed_contact');
  });

  it('cancels the scheduled appointments the job covers, and only those', () => {
    let active = activeJourney();
    active = run(active, schedule('2026-03-20T09:00:00.000Z'), '2026-03-12T10:00:00.000Z');
    active = run(active, schedule('2026-06-10T09:00:00.000Z'), '2026-03-12T10:00:00.000Z');
    const decision = decide(active, suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    if (!decision.ok) throw new Error(decision.refusal.code);
    expect(decision.events.map((e) => e.type)).toEqual(['AppointmentCancelled', 'JourneySuspended']);
    const s = run(active, suspend('2026-03-16', '2026-05-31'), '2026-03-16T10:00:00.000Z');
    expect(s.appointments.map((a) => [a.appointmentId, a.status])).toEqual([
      ['AP1', 'cancelled'],
      ['AP2', 'scheduled'],
    ]);
    expect(s.appointments[0].cancellationReason).toMatch(/suspended by a job/);
  });
});

describe('justified long absence (the catalogue\'s closed list)', () => {
  const absence = (reason: string, fromDate: string, toDate: string): JourneyCommand => ({ type: 'RecordAbsence', reason, fromDate, toDate, operatorId: OP }) as JourneyCommand;

  it('pauses the clocks for its duration without changing the stage, and ends by itself after its last day', () => {
    const active = activeJourney({ clocks: CLOCKS });
    const before = byKind(active);
    const a = run(active, absence('illness', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z');
    expect(a.stage).toBe('pact_active');
    expect(toView(a).pause).toEqual({ pauseId: 'P1', kind: 'absence', since: '2026-03-15T23:00:00.000Z', expectedEnd: '2026-03-25T22:59:59.999Z' });
    expect(pendingDeadlines(a)).toEqual([{ at: '2026-03-25T23:00:00.000Z', kind: 'absence_end' }]);
    const over = tick(a, '2026-03-26T08:00:00.000Z');
    expect(over.pauses[0]).toMatchObject({ endedAt: '2026-03-25T23:00:00.000Z', endedBy: 'expected_end' });
    for (const [kind, at] of Object.entries(before)) expect([kind, ms(byKind(over)[kind]) - ms(at)]).toEqual([kind, 10 * DAY]);
  });

  it('EndAbsence ends it early, and the deadlines move by the shorter pause', () => {
    const active = activeJourney({ clocks: CLOCKS });
    const a = run(active, absence('maternity', '2026-03-16', '2026-06-30'), '2026-03-16T10:00:00.000Z');
    const early = run(a, { type: 'EndAbsence', pauseId: 'P1', endDate: '2026-03-19', operatorId: OP }, '2026-03-20T10:00:00.000Z');
    expect(early.pauses[0]).toMatchObject({ endedAt: '2026-03-19T23:00:00.000Z', endedBy: 'operator' });
    expect(ms(byKind(early).contact_due) - ms(byKind(active).contact_due)).toBe(4 * DAY);
    expect(refuse(early, { type: 'EndAbsence', pauseId: 'P1', endDate: '2026-03-19', operatorId: OP }, '2026-03-21T10:00:00.000Z').code).toBe('ABSENCE_ALREADY_ENDED');
  });

  it('refuses a reason off the catalogue\'s list (pinned at start), and a second absence while one runs', () => {
    const active = activeJourney();
    expect(refuse(active, absence('holiday', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'ABSENCE_REASON_NOT_APPLICABLE', field: 'reason' });
    // caregiving is known but not in the GOL list
    expect(refuse(active, absence('caregiving', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z').code).toBe('ABSENCE_REASON_NOT_APPLICABLE');
    const pinned = { ...active, absenceReasons: ['caregiving' as const] };
    expect(run(pinned, absence('caregiving', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z').pauses).toHaveLength(1);
    expect(refuse(pinned, absence('illness', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z').code).toBe('ABSENCE_REASON_NOT_APPLICABLE');
    const a = run(active, absence('illness', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z');
    expect(refuse(a, absence('illness', '2026-03-17', '2026-03-25'), '2026-03-17T10:00:00.000Z').code).toBe('ABSENCE_ALREADY_RUNNING');
    expect(refuse(active, absence('illness', '2026-03-17', '2026-03-25'), '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'fromDate' });
    expect(refuse(active, absence('illness', '2026-03-10', '2026-03-12'), '2026-03-16T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'toDate' });
  });

  it('a journey closed during an absence shows no pause', () => {
    const a = run(activeJourney(), absence('illness', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z');
    const closed = run(a, { type: 'CloseJourney', reason: 'withdrawn', operatorId: OP }, '2026-03-17T10:00:00.000Z');
    expect(toView(closed)).toMatchObject({ pause: null, nextDeadline: null });
  });

  it('an absence overlapping a suspension counts once', () => {
    const active = activeJourney({ clocks: CLOCKS });
    // absent 16–25 March (10 days), the job 21 March – 4 April: together 16 March – 4 April, 20 days
    let s = run(active, absence('illness', '2026-03-16', '2026-03-25'), '2026-03-16T10:00:00.000Z');
    s = run(s, suspend('2026-03-21', '2026-05-31'), '2026-03-21T10:00:00.000Z');
    s = tick(s, '2026-03-26T08:00:00.000Z'); // the absence ends by itself during the suspension
    expect(s.stage).toBe('suspended');
    expect(pendingDeadlines(s).map((d) => d.kind)).toEqual(['suspension_limit']);
    s = run(s, endSuspension('2026-04-04'), '2026-04-05T10:00:00.000Z');
    const pause = ms('2026-04-04T22:00:00.000Z') - ms('2026-03-15T23:00:00.000Z');
    expect(ms(byKind(s).contact_due) - ms(byKind(active).contact_due)).toBe(pause);
  });
});

describe('the catalogue\'s absence reasons', () => {
  it('validates them: known reasons, each once, or none (the GOL list)', async () => {
    const { validateCatalogue, GOL_DEFAULT_CATALOGUES } = await import('../programme/catalogue');
    const gol = GOL_DEFAULT_CATALOGUES[0];
    expect(validateCatalogue({ ...gol, absenceReasons: ['illness', 'caregiving'] })).toEqual([]);
    expect(validateCatalogue({ ...gol, absenceReasons: null })).toEqual([]);
    expect(validateCatalogue({ ...gol, absenceReasons: ['illness', 'holiday', 'illness'] })).toEqual([
      { field: 'absenceReasons[1]', message: expect.stringContaining('must be one of'), code: 'invalid_value', params: { values: 'illness, maternity, paternity, training_abroad, civil_service, caregiving' } },
      { field: 'absenceReasons[2]', message: 'is listed twice', code: 'repeated_value', params: { value: 'illness' } },
    ]);
    expect(validateCatalogue({ ...gol, absenceReasons: 'illness' })).toEqual([{ field: 'absenceReasons', message: expect.any(String), code: 'invalid_type', params: { expected: 'array' } }]);
  });
});

describe('states carried from before pauses', () => {
  it('get no pause and no pinned absence list (the GOL list applies)', async () => {
    const { upgradeState } = await import('../journey/upgrade');
    const { absenceReasonsOf } = await import('./absence');
    const { pauses: _p, absenceReasons: _a, ...carried } = activeJourney();
    void _p;
    void _a;
    const upgraded = upgradeState(carried as JourneyState);
    expect(upgraded).toMatchObject({ pauses: [], absenceReasons: null });
    expect(absenceReasonsOf(upgraded)).toEqual(['illness', 'maternity', 'paternity', 'training_abroad', 'civil_service']);
    expect(toView(upgraded).pause).toBeNull();
  });
});

describe('months of unemployment for a suitable offer (art. 3 c.1 D.M. 10 aprile 2018)', () => {
  const offer = (proposedAt: string): JourneyCommand =>
    ({
      type: 'RecordJobOffer',
      employer: 'Logistica Srl',
      position: 'magazziniere',
      communicatedBy: 'pec',
      proposedAt,
      operatorId: OP,
      suitability: { distanceKm: 12, travelMinutes: 35, contractType: 'permanent', weeklyHours: 40, monthlyGrossPay: 1600, payMeetsCollectiveAgreement: true, benefitMonthlyAmount: 1000, experienceMatch: 'pact_activity_area' },
    }) as JourneyCommand;
  const months = (s: JourneyState) => s.offers.at(-1)!.facts!.monthsUnemployed;

  it('leave out the periods the status was suspended by a job, not absences', () => {
    // DID 2 March; on 10 September six whole months have passed
    const active = activeJourney();
    expect(months(run(active, offer('2026-09-10T08:00:00.000Z'), '2026-09-10T09:00:00.000Z'))).toBe(6);
    // suspended 1 April – 31 May (two months): four months of unemployment
    const worked = run(run(active, suspend('2026-04-01', '2026-05-31'), '2026-04-01T10:00:00.000Z'), endSuspension('2026-05-31'), '2026-06-01T10:00:00.000Z');
    expect(months(run(worked, offer('2026-09-10T08:00:00.000Z'), '2026-09-10T09:00:00.000Z'))).toBe(4);
    // absent as long: the status was never suspended
    const away = tick(run(active, { type: 'RecordAbsence', reason: 'illness', fromDate: '2026-04-01', toDate: '2026-05-31', operatorId: OP }, '2026-04-01T10:00:00.000Z'), '2026-06-01T10:00:00.000Z');
    expect(months(run(away, offer('2026-09-10T08:00:00.000Z'), '2026-09-10T09:00:00.000Z'))).toBe(6);
  });
});
