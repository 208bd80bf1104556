import { commandSchema, inputProblems, isOperatorCommandType, JOURNEY_COMMANDS, toJourneyCommand, type OperatorCommandType } from './journey-commands';

const problems = (type: OperatorCommandType, command: Record<string, unknown>) => {
  const parsed = commandSchema(type).safeParse({ ...command, type });
  return parsed.success ? [] : inputProblems(parsed.error);
};

const pact = {
  responsibleOperatorId: 'op-1',
  profilingClass: 'medium',
  jobSearchProof: 'Monthly report of applications sent',
  availability: { workshops: true, training: false, suitableOffers: true },
  actions: [{ kind: 'workshop', description: 'Laboratorio', dueDate: '2099-03-31' }],
};

describe('the command table', () => {
  it('has a route for every operator command, each under the journey, no two alike', () => {
    const routes = Object.values(JOURNEY_COMMANDS).map((c) => c.path);
    expect(new Set(routes).size).toBe(routes.length);
    // 24 before issue 14; + 4 of the pauses, + 6 of the benefit's lifecycle, + 3 of the GOL assessment, + the transfer;
    // issue 15: + RecordMonitoringData, + the 3 of the ADI/SFL presentation.
    expect(Object.keys(JOURNEY_COMMANDS)).toHaveLength(24 + 4 + 6 + 3 + 1 + 1 + 3);
    for (const [type, c] of Object.entries(JOURNEY_COMMANDS)) {
      // Every path id the route names is a field of the command, and nothing else is.
      expect([type, (c.path.match(/:(\w+)/g) ?? []).map((p) => p.slice(1))]).toEqual([type, Object.keys(c.params)]);
    }
    expect(isOperatorCommandType('SignPact')).toBe(true);
    expect(isOperatorCommandType('ProcessDeadlines')).toBe(false);
    expect(isOperatorCommandType('toString')).toBe(false);
  });

  it('makes the command from the path ids and the given fields, leaving out absent and null ones', () => {
    expect(toJourneyCommand('RescheduleAppointment', { appointmentId: 'AP2' }, { at: '2099-01-01T10:00:00Z', operatorId: 'op-1', reason: undefined, channel: null })).toEqual({
      type: 'RescheduleAppointment',
      appointmentId: 'AP2',
      at: '2099-01-01T10:00:00Z',
      operatorId: 'op-1',
    });
  });

  it('accepts a well-formed command with its path ids', () => {
    expect(problems('SignPact', pact)).toEqual([]);
    expect(problems('CompletePactAction', { actionId: 'A1', operatorId: 'op-1' })).toEqual([]);
    expect(problems('RecordServiceDelivery', { service: 'tutoring', operatorId: 'op-1', hours: 1.25, outputs: { topics: ['cv_update'] } })).toEqual([]);
  });

  it('art. 20 c.2 lett. e D.lgs. 150/2015: a pact states how job search is proven (jobSearchProof required, named when missing)', () => {
    const { jobSearchProof: _j, ...without } = pact;
    void _j;
    expect(problems('SignPact', without).map((p) => p.field)).toEqual(['jobSearchProof']);
    expect(problems('SignPact', { ...pact, jobSearchProof: ' ' }).map((p) => p.field)).toEqual(['jobSearchProof']);
  });

  it('takes the person\'s acceptance and the referrals a pact agrees, and the acceptance of a waiting version by its number', () => {
    expect(problems('SignPact', { ...pact, acceptance: { method: 'otp' }, referrals: [{ to: 'training_body', organisation: 'Ente', reason: 'course' }] })).toEqual([]);
    expect(problems('SignPact', { ...pact, acceptance: { method: 'email', acceptedAt: 'yesterday' } }).map((p) => p.field).sort()).toEqual(['acceptance.acceptedAt', 'acceptance.method']);
    expect(problems('SignPact', { ...pact, referrals: [{ to: 'church', organisation: 'Ente', reason: 'course' }] }).map((p) => p.field)).toEqual(['referrals[0].to']);
    expect(problems('AcceptPactVersion', { version: '2', method: 'graphometric', operatorId: 'op-1' })).toEqual([]);
    expect(problems('AcceptPactVersion', { version: '0', method: 'graphometric', operatorId: 'op-1' }).map((p) => p.field)).toEqual(['version']);
    expect(problems('AcceptPactVersion', { version: '1', operatorId: 'op-1' }).map((p) => p.field)).toEqual(['method']);
  });

  it('holds a staff id to the 64 characters of the read model, as the API does (a longer one once passed the journey and failed its projection)', () => {
    expect(problems('RecordContact', { operatorId: 'o'.repeat(65), channel: 'phone' })).toEqual([{ field: 'operatorId', message: expect.stringMatching(/1-64 characters/), code: 'invalid_format', params: { format: 'regex' } }]);
    expect(problems('RecordContact', { operatorId: 'o'.repeat(64), channel: 'phone' })).toEqual([]);
  });

  it('names every broken field by its path, each unknown field on its own', () => {
    const named = problems('SignPact', {
      ...pact,
      profilingClass: 'extreme',
      actions: [{ kind: 'workshop', description: '  ', dueDate: '2099-02-30' }],
      availability: { workshops: 'yes', training: false, suitableOffers: true },
      extra: 1,
    }).map((p) => p.field);
    expect(named.sort()).toEqual(['actions[0].description', 'actions[0].dueDate', 'availability.workshops', 'extra', 'profilingClass']);
  });

  it('refuses text the engine cannot store, and a line break where one line is asked', () => {
    expect(problems('RecordContact', { operatorId: 'op-1', channel: 'phone', note: 'a\u0000b' })).toEqual([{ field: 'note', message: expect.stringMatching(/control characters/), code: 'unstorable_text' }]);
    expect(problems('RecordJobOffer', { employer: 'ACME\nS.p.A.', position: 'Magazziniere', suitable: true, communicatedBy: 'pec', operatorId: 'op-1' })).toEqual([
      { field: 'employer', message: expect.stringMatching(/line breaks/), code: 'unstorable_text' },
    ]);
  });

  it('bounds numbers on both sides: hours above 0 up to 12 with two decimals, hours per week above 0 up to 60', () => {
    const delivery = (hours: unknown) => problems('RecordServiceDelivery', { service: 'tutoring', operatorId: 'op-1', hours }).map((p) => p.field);
    for (const bad of [0, -1, 12.01, 1.234, Number.MAX_VALUE, '2', null]) expect([bad, delivery(bad)]).toEqual([bad, ['hours']]);
    for (const good of [0.01, 12, 7.5]) expect([good, delivery(good)]).toEqual([good, []]);
    const placement = (hoursPerWeek: unknown) =>
      problems('RecordPlacement', { employer: 'ACME', contractType: 'permanent', startDate: '2026-04-01', operatorId: 'op-1', hoursPerWeek }).map((p) => p.field);
    expect([placement(0), placement(60.5), placement(60)]).toEqual([['hoursPerWeek'], ['hoursPerWeek'], []]);
  });

  it('shapes the facts of an offer (art. 25 D.lgs. 150/2015), its override and its hearing, naming each field', () => {
    const suitability = { distanceKm: 12, travelMinutes: 30, contractType: 'fixed_term', contractMonths: 6, weeklyHours: 36, monthlyGrossPay: 1500, payMeetsCollectiveAgreement: true, experienceMatch: 'same_sector' };
    const offer = { employer: 'ACME', position: 'Magazziniere', communicatedBy: 'pec', operatorId: 'op-1', proposedAt: '2026-04-23T10:00:00+02:00', suitability };
    expect(problems('RecordJobOffer', offer)).toEqual([]);
    expect(problems('RecordJobOffer', { ...offer, suitabilityOverride: { congrua: false, reason: 'no bus at shift times' } })).toEqual([]);
    expect(problems('RecordJobOffer', { ...offer, proposedAt: 'yesterday', suitability: { ...suitability, distanceKm: -3, experienceMatch: 'close', radius: 1 } }).map((p) => p.field).sort()).toEqual(
      ['proposedAt', 'suitability.distanceKm', 'suitability.experienceMatch', 'suitability.radius'],
    );
    expect(problems('RecordJobOffer', { ...offer, suitabilityOverride: { congrua: 'yes' } }).map((p) => p.field).sort()).toEqual(['suitabilityOverride.congrua', 'suitabilityOverride.reason']);
    expect(problems('RecordOfferHearing', { offerId: 'O1', outcome: 'heard', summary: 'heard in person', operatorId: 'op-1' })).toEqual([]);
    expect(problems('RecordOfferHearing', { offerId: 'O1', outcome: 'later', summary: ' ', operatorId: 'op-1' }).map((p) => p.field)).toEqual(['outcome', 'summary']);
  });

  it('art. 21 c.12 D.lgs. 150/2015: the notification and the appeal commands name their broken fields; `email` passes the shape so the journey refuses it with its own code', () => {
    const notification = { stepId: 'S1', method: 'pec_delivery_receipt', reference: 'PEC-1', notifiedAt: '2026-03-18T11:00:00+01:00', operatorId: 'op-1' };
    expect(problems('RecordStepNotification', notification)).toEqual([]);
    expect(problems('RecordStepNotification', { ...notification, method: 'email' })).toEqual([]);
    expect(problems('RecordStepNotification', { ...notification, method: 'fax', notifiedAt: '2026-03-18' }).map((p) => p.field).sort()).toEqual(['method', 'notifiedAt']);
    expect(problems('RecordAppeal', { stepId: 'S1', lodgedOn: '2026-04-02', body: 'ministry_of_labour', operatorId: 'op-1' })).toEqual([]);
    expect(problems('RecordAppeal', { stepId: 'S1', lodgedOn: '2026-02-30', body: 'anpal', operatorId: 'op-1' }).map((p) => p.field).sort()).toEqual(['body', 'lodgedOn']);
    expect(problems('RecordAppealOutcome', { stepId: 'S1', outcome: 'partly_annulled', decidedOn: '2026-05-05', reducedEffect: 'one_month_cut', operatorId: 'op-1' })).toEqual([]);
    expect(problems('RecordAppealOutcome', { stepId: 'S1', outcome: 'quashed', decidedOn: '2026-05-05', operatorId: 'op-1' }).map((p) => p.field)).toEqual(['outcome']);
  });

  it('refuses a malformed path id and a command of another type', () => {
    expect(problems('RecordAppointmentOutcome', { appointmentId: 'AP12345', outcome: 'held', operatorId: 'op-1' }).map((p) => p.field)).toEqual(['appointmentId']);
    const parsed = commandSchema('RecordIntake').safeParse({ type: 'SignPact', operatorId: 'op-1' });
    expect(parsed.success).toBe(false);
  });
});
