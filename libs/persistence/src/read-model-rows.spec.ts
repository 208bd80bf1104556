import { applyEvents, decide, journeyStarted, replay, type JourneyCommand, type JourneyStartedData, type JourneyState } from '@sal/domain';
import { readModelRows } from './read-model-rows';

function journey(...steps: [JourneyCommand, string][]) {
  return journeyFrom({}, ...steps);
}

function journeyFrom(start: Partial<JourneyStartedData>, ...steps: [JourneyCommand, string][]) {
  const state = replay([
    journeyStarted(
      {
        journeyId: 'jrn_0123456789abcdef0123456789abcdef',
        programmeCode: 'GOL-3',
        officeId: 'CPI-FI-02',
        didDate: '2026-09-01',
        beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' },
        ...start,
      },
      '2026-09-02T08:00:00.000Z',
    ),
  ]);
  return then(state, ...steps);
}

function then(initial: JourneyState, ...steps: [JourneyCommand, string][]) {
  let state = initial;
  for (const [command, now] of steps) {
    const d = decide(state, command, now);
    if (!d.ok) throw new Error(d.refusal.message);
    state = applyEvents(state, d.events);
  }
  return state;
}

describe('read-model rows', () => {
  it('issue 15: of the GOL monitoring data the row keeps the age at the DID, the sex, the flags and whether the person is vulnerable — not the birth date', () => {
    const monitoring = { birthDate: '1970-09-02', sex: 'M' as const, disabled: false, longTermUnemployed: false, neet: true, socialServicesReferral: true };
    const { journey: row } = readModelRows(journeyFrom({ monitoring }));
    expect(row).toMatchObject({ ageAtDid: 55, sex: 'M', disabled: false, longTermUnemployed: false, neet: true, socialServicesReferral: true, vulnerable: true, inTraining: false });
    expect(JSON.stringify(row)).not.toContain('1970-09-02');
    // 55 on the day of the DID counts; 55 the day after does not (a man of 54 with none of the groups)
    expect(readModelRows(journeyFrom({ monitoring: { ...monitoring, birthDate: '1971-09-01' } })).journey).toMatchObject({ ageAtDid: 55, vulnerable: true });
    expect(readModelRows(journeyFrom({ monitoring: { ...monitoring, birthDate: '1971-09-02' } })).journey).toMatchObject({ ageAtDid: 54, vulnerable: false });
    // without monitoring data: nothing, and no share to count in
    expect(readModelRows(journey()).journey).toMatchObject({ ageAtDid: null, sex: null, vulnerable: null });
  });

  it('art. 20 D.lgs. 150/2015 (edition 2): a pact waiting for acceptance shows as such, no version in force; accepted, the row has it from the acceptance', () => {
    const pact: JourneyCommand = {
      type: 'SignPact',
      responsibleOperatorId: 'op-1',
      profilingClass: 'high',
      contactFrequency: 'P30D',
      jobSearchProof: 'Monthly report',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'workshop', description: 'Workshop', dueDate: '2026-12-10' }],
    };
    const clocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, pactAcceptanceWindow: 'P7D' };
    const waiting = journeyFrom({ rules: 2, clocks }, [{ type: 'RecordIntake', operatorId: 'op-1' }, '2026-09-03T08:00:00.000Z'], [pact, '2026-09-04T08:00:00.000Z']);
    const before = readModelRows(waiting).journey;
    expect(before).toMatchObject({ stage: 'awaiting_pact', pactVersion: null, pactSignedAt: null, pactInForceSince: null, pactVersionAwaitingAcceptance: 1 });
    expect(before.pactAwaitingAcceptanceSince?.toISOString()).toBe('2026-09-04T08:00:00.000Z');
    expect(before.pactAcceptanceDueAt?.toISOString()).toBe('2026-09-11T08:00:00.000Z');
    const accepted = then(waiting, [{ type: 'AcceptPactVersion', version: 1, method: 'otp', operatorId: 'op-1', acceptedAt: '2026-09-05T09:00:00.000Z' }, '2026-09-05T10:00:00.000Z']);
    const after = readModelRows(accepted).journey;
    expect(after).toMatchObject({ stage: 'pact_active', pactVersion: 1, pactVersionAwaitingAcceptance: null, pactAwaitingAcceptanceSince: null, pactAcceptanceDueAt: null });
    expect(after.pactInForceSince?.toISOString()).toBe('2026-09-05T09:00:00.000Z');
    expect(after.nextContactDueAt?.toISOString()).toBe('2026-10-05T09:00:00.000Z');
  });

  it('of a new journey carry what supervisors search and nothing of a pact yet', () => {
    const { journey: row, actions } = readModelRows(journey());
    expect(row).toMatchObject({ stage: 'awaiting_intake', status: 'open', officeId: 'CPI-FI-02', fiscalCode: 'RSSMRA85T10A562S', pactVersion: null, overdueActionCount: 0, nextDeadlineAt: null, lastSeq: 1 });
    expect(actions).toEqual([]);
  });

  it('of a journey with an overdue action count it and point at the next deadline', () => {
    const state = journey(
      [{ type: 'RecordIntake', operatorId: 'op-1' }, '2026-09-03T08:00:00.000Z'],
      [
        {
          type: 'SignPact',
          responsibleOperatorId: 'op-1',
          profilingClass: 'high',
          contactFrequency: 'P30D',
          availability: { workshops: true, training: true, suitableOffers: true },
          actions: [
            { kind: 'workshop', description: 'Workshop', dueDate: '2026-09-10' },
            { kind: 'training', description: 'Course', dueDate: '2026-11-30' },
          ],
        },
        '2026-09-04T08:00:00.000Z',
      ],
      [{ type: 'ProcessDeadlines' }, '2026-09-11T08:00:00.000Z'],
    );
    const { journey: row, actions } = readModelRows(state);
    expect(row).toMatchObject({ stage: 'pact_active', responsibleOperatorId: 'op-1', profilingClass: 'high', pactVersion: 1, overdueActionCount: 1, lastSeq: 4 });
    // The agreed contact (P30D after signing) comes before the training course falls due.
    expect(row.nextDeadlineAt?.toISOString()).toBe('2026-10-04T08:00:00.000Z');
    expect(row.nextContactDueAt?.toISOString()).toBe('2026-10-04T08:00:00.000Z');
    expect(row.stallReasons).toEqual(['overdue_action']);
    // Issue 17: stalled since the workshop fell due (the end of 10 September, Rome), not since the late timer decided it.
    expect(row.stalledSince?.toISOString()).toBe('2026-09-10T21:59:59.999Z');
    expect(actions.map((a) => [a.actionId, a.status, a.officeId])).toEqual([
      ['A1', 'overdue', 'CPI-FI-02'],
      ['A2', 'pending', 'CPI-FI-02'],
    ]);
    expect(actions[0].overdueSince?.toISOString()).toBe('2026-09-11T08:00:00.000Z');
  });
});

describe('read-model rows of the six services', () => {
  /** A NASpI recipient on a path of three services, one no-show on a PEC convocation whose window ran out. */
  function withServices() {
    return journeyFrom(
      {
        benefit: { kind: 'naspi', applicationDate: '2026-09-01' },
        catalogueVersion: 1,
        clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, justificationWindow: 'PT1H', appealWindow: 'P30D' },
        services: [
          { service: 'reception', after: [] },
          { service: 'second_level_interview', after: ['reception'] },
          { service: 'job_search', after: ['second_level_interview'] },
        ],
      },
      [{ type: 'RecordIntake', operatorId: 'op-1' }, '2026-09-03T08:00:00.000Z'],
      [{ type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: 'op-1', hours: 1.5 }, '2026-09-04T08:00:00.000Z'],
      [{ type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: 'op-1', hours: 0.75 }, '2026-09-04T10:00:00.000Z'],
      [
        { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'interview', at: '2026-09-10T09:00:00.000Z', channel: 'in_person', location: 'Via Roma 1', convocation: 'pec', operatorId: 'op-1' },
        '2026-09-04T11:00:00.000Z',
      ],
      [
        { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'workshop', at: '2026-09-20T09:00:00.000Z', channel: 'phone', convocation: 'email', operatorId: 'op-2' },
        '2026-09-04T11:05:00.000Z',
      ],
      [{ type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: 'op-1' }, '2026-09-10T09:30:00.000Z'],
      [{ type: 'ProcessDeadlines' }, '2026-09-10T11:00:00.000Z'],
    );
  }

  it('carry appointments with the validity of their convocation, required or started services, and the proposed step', () => {
    const state = withServices();
    const rows = readModelRows(state);
    expect(rows.journey).toMatchObject({
      benefitKind: 'naspi',
      benefitApplicationDate: '2026-09-01',
      totalServiceHours: 2.25,
      proposedStepCount: 1,
      placementEmployer: null,
      lastSeq: state.lastSeq,
    });
    expect(rows.journey.nextAppointmentAt?.toISOString()).toBe('2026-09-20T09:00:00.000Z');
    expect(rows.appointments.map((a) => [a.appointmentId, a.status, a.convocation, a.convocationValid, a.purpose, a.operatorId, a.programmeCode, a.officeId])).toEqual([
      ['AP1', 'no_show', 'pec', true, 'interview', 'op-1', 'GOL-3', 'CPI-FI-02'],
      ['AP2', 'scheduled', 'email', false, 'workshop', 'op-2', 'GOL-3', 'CPI-FI-02'],
    ]);
    expect(rows.appointments[0]).toMatchObject({ location: 'Via Roma 1', channel: 'in_person', rescheduledCount: 0 });
    expect(rows.appointments[0].closedAt?.toISOString()).toBe('2026-09-10T09:30:00.000Z');
    // Tutoring, path definition and the skills assessment are neither required nor started: no rows.
    expect(rows.services.map((s) => [s.service, s.required, s.status, s.hours, s.sessions])).toEqual([
      ['reception', true, 'completed', 0, 0],
      ['second_level_interview', true, 'in_progress', 2.25, 2],
      ['job_search', true, 'not_started', 0, 0],
    ]);
    expect(rows.services[0].completedAt?.toISOString()).toBe('2026-09-03T08:00:00.000Z');
    expect(rows.steps).toHaveLength(1);
    expect(rows.steps[0]).toMatchObject({ stepId: 'S1', lapseId: 'L1', ladder: 'appointments', ordinal: 1, effect: 'quarter_month_cut', status: 'proposed', appointmentId: 'AP1', offerId: null, decidedAt: null, appealDueAt: null });
    expect(rows.steps[0].proposedAt.toISOString()).toBe('2026-09-10T11:00:00.000Z');
  });

  it('record the decision on a step with its appeal deadline, and the placement on the journey', () => {
    const state = then(
      withServices(),
      [{ type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: 'op-capo', note: 'No excuse received' }, '2026-09-11T08:00:00.000Z'],
      [{ type: 'RecordPlacement', employer: 'Acme S.r.l.', contractType: 'fixed_term', startDate: '2026-10-01', hoursPerWeek: 30, operatorId: 'op-1' }, '2026-09-15T08:00:00.000Z'],
    );
    const rows = readModelRows(state);
    expect(rows.steps[0]).toMatchObject({ status: 'confirmed', decidedBy: 'op-capo', effect: 'quarter_month_cut' });
    expect(rows.steps[0].decidedAt?.toISOString()).toBe('2026-09-11T08:00:00.000Z');
    expect(rows.steps[0].appealDueAt).not.toBeNull();
    expect(rows.journey).toMatchObject({
      status: 'closed',
      closureReason: 'placed',
      proposedStepCount: 0,
      placementEmployer: 'Acme S.r.l.',
      placementContractType: 'fixed_term',
      placementStartDate: '2026-10-01',
      placementHoursPerWeek: 30,
    });
    expect(rows.journey.placementRecordedAt?.toISOString()).toBe('2026-09-15T08:00:00.000Z');
  });

  it('of a state carried from before the six services (an in-flight projection) have no new rows and do not fail', () => {
    const state = journey([{ type: 'RecordIntake', operatorId: 'op-1' }, '2026-09-03T08:00:00.000Z']);
    const old = { ...state } as Partial<JourneyState>;
    for (const key of ['services', 'workingDayClocks', 'benefit', 'firstContactMissedAt', 'pactVersions', 'serviceProgress', 'appointments', 'offers', 'lapses', 'conditionalitySteps', 'referrals', 'placement'] as const) {
      delete old[key];
    }
    const rows = readModelRows(old as JourneyState);
    expect(rows.journey).toMatchObject({ stage: 'awaiting_pact', benefitKind: null, totalServiceHours: 0, proposedStepCount: 0, nextAppointmentAt: null });
    expect(rows.appointments).toEqual([]);
    expect(rows.steps).toEqual([]);
    // The presa in carico completed the reception service (what upgradeState infers).
    expect(rows.services.map((s) => [s.service, s.status, s.required])).toEqual([['reception', 'completed', false]]);
  });
  it('issue 14: a suspension by a job shows in the pause columns, its deadlines held; resumed, they are later by the pause', () => {
    const pact: JourneyCommand = {
      type: 'SignPact',
      responsibleOperatorId: 'op-1',
      profilingClass: 'high',
      contactFrequency: 'P30D',
      jobSearchProof: 'Monthly report',
      acceptance: { method: 'signed_in_person' },
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'workshop', description: 'Workshop', dueDate: '2026-12-10' }],
    };
    const clocks = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };
    const active = journeyFrom({ rules: 2, clocks }, [{ type: 'RecordIntake', operatorId: 'op-1' }, '2026-09-03T08:00:00.000Z'], [pact, '2026-09-04T08:00:00.000Z']);
    const contactDue = readModelRows(active).journey.nextContactDueAt!.getTime();
    const job: JourneyCommand = { type: 'SuspendForJob', employer: 'ACME', contractType: 'fixed_term', startDate: '2026-09-10', expectedEndDate: '2026-11-30', operatorId: 'op-1' };
    const suspended = then(active, [job, '2026-09-10T10:00:00.000Z']);
    expect(readModelRows(suspended).journey).toMatchObject({ stage: 'suspended', pauseKind: 'job', nextContactDueAt: null, stalledSince: null });
    expect(readModelRows(suspended).journey.pausedSince?.toISOString()).toBe('2026-09-09T22:00:00.000Z');
    expect(readModelRows(suspended).journey.pauseExpectedEnd?.toISOString()).toBe('2026-11-30T22:59:59.999Z');
    const resumed = then(suspended, [{ type: 'EndSuspension', endDate: '2026-09-19', operatorId: 'op-1' }, '2026-09-21T10:00:00.000Z']);
    const row = readModelRows(resumed).journey;
    expect(row).toMatchObject({ stage: 'pact_active', pauseKind: null, pausedSince: null, pauseExpectedEnd: null });
    expect(row.nextContactDueAt!.getTime() - contactDue).toBe(10 * 86_400_000);
    expect(row.nextDeadlineAt!.getTime()).toBeLessThanOrEqual(row.nextContactDueAt!.getTime());
  });
});

describe("read-model rows: the benefit's lifecycle (issue 14)", () => {
  const fields = (state: JourneyState) => {
    const j = readModelRows(state).journey;
    return [j.benefitKind, j.benefitApplicationDate, j.benefitStatus, j.benefitStatusSince, j.benefitGrantedOn, j.benefitSuspendedOn, j.benefitEndedOn, j.benefitEndReason];
  };

  it('no benefit: every column null; claimed at the start: claimed from its application', () => {
    expect(fields(journey())).toEqual([null, null, null, null, null, null, null, null]);
    expect(fields(journeyFrom({ benefit: { kind: 'dis_coll', applicationDate: '2026-09-01' } }))).toEqual(['dis_coll', '2026-09-01', 'claimed', '2026-09-01', null, null, null, null]);
  });

  it('claimed later, granted, suspended, then ended: the row follows the claim claimed last', () => {
    const at = '2026-09-20T09:00:00.000Z';
    const claimed = journey([{ type: 'ClaimBenefit', kind: 'naspi', applicationDate: '2026-09-03', operatorId: 'op-1' }, at], [{ type: 'RecordBenefitGranted', grantedOn: '2026-09-10', operatorId: 'op-1' }, at]);
    const suspended = then(claimed, [{ type: 'SuspendBenefit', suspendedOn: '2026-09-15', reason: 'short_employment', operatorId: 'op-1' }, at]);
    expect(fields(suspended)).toEqual(['naspi', '2026-09-03', 'suspended', '2026-09-15', '2026-09-10', '2026-09-15', null, null]);
    const ended = then(suspended, [{ type: 'EndBenefit', endedOn: '2026-09-18', reason: 'employment', operatorId: 'op-1' }, at]);
    expect(fields(ended)).toEqual(['naspi', '2026-09-03', 'ended', '2026-09-18', '2026-09-10', null, '2026-09-18', 'employment']);
  });
});
