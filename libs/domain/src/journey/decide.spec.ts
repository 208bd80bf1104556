import { emptyAssessment } from '../assessment/assessment-state';
import type { JourneyCommand } from './commands';
import { decide, resolveDueAt, type Decision } from './decide';
import { applyEvents, journeyStarted, replay } from './evolve';
import {
  JOURNEY_STAGES,
  type CloseJourneyCommand,
  type CompletePactActionCommand,
  type JourneyEvent,
  type JourneyStage,
  type JourneyStartedData,
  type JourneyState,
  type RecordContactCommand,
  type RecordIntakeCommand,
  type SignPactCommand,
} from './model';
import { REFUSAL_KINDS, refusalKind, type Refusal, type RefusalCode } from './refusals';

// ---------------------------------------------------------------------------------------------------------------------
// Fixtures: every state is produced by folding decided events from journeyStarted(...), never written by hand.
// ---------------------------------------------------------------------------------------------------------------------

const AT = {
  started: '2026-03-02T08:00:00.000Z',
  intake: '2026-03-03T09:00:00.000Z',
  signed: '2026-03-05T10:00:00.000Z',
  closed: '2026-03-10T10:00:00.000Z',
  /** When the matrix commands are decided: after every stage was reached, before any action falls due. */
  matrix: '2026-03-12T10:00:00.000Z',
};

const START: JourneyStartedData = {
  journeyId: 'J-0001',
  programmeCode: 'GOL',
  officeId: 'CPI-MI-01',
  didDate: '2026-03-02',
  beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.org' },
};

const recordIntake = (over: Partial<RecordIntakeCommand> = {}): RecordIntakeCommand => ({ type: 'RecordIntake', operatorId: 'op-anna', ...over });

const signPact = (over: Partial<SignPactCommand> = {}): SignPactCommand => ({
  type: 'SignPact',
  responsibleOperatorId: 'op-anna',
  profilingClass: 'medium',
  contactFrequency: 'P30D',
  availability: { workshops: true, training: true, suitableOffers: false },
  actions: [
    { kind: 'job_search_act', description: 'Send five applications', dueDate: '2026-03-20' },
    { kind: 'workshop', description: 'CV writing workshop', dueDate: '2026-04-15' },
    { kind: 'training', description: 'Forklift licence course', dueDate: '2026-05-01T12:00:00+02:00' },
  ],
  ...over,
});

const completeAction = (over: Partial<CompletePactActionCommand> = {}): CompletePactActionCommand => ({
  type: 'CompletePactAction',
  actionId: 'A1',
  operatorId: 'op-bruno',
  ...over,
});

const recordContact = (over: Partial<RecordContactCommand> = {}): RecordContactCommand => ({
  type: 'RecordContact',
  operatorId: 'op-anna',
  channel: 'phone',
  ...over,
});

const closeJourney = (over: Partial<CloseJourneyCommand> = {}): CloseJourneyCommand => ({
  type: 'CloseJourney',
  reason: 'placed',
  operatorId: 'op-bruno',
  ...over,
});

/** An input that breaks the static types, as a malformed update payload would. */
function malformed<T>(value: unknown): T {
  return value as T;
}

function accepted(decision: Decision): JourneyEvent[] {
  if (!decision.ok) throw new Error(`refused ${decision.refusal.code} (${decision.refusal.field ?? '-'}): ${decision.refusal.message}`);
  return decision.events;
}

function refused(decision: Decision): Refusal {
  if (decision.ok) throw new Error(`accepted: ${decision.events.map((e) => e.type).join(', ')}`);
  return decision.refusal;
}

function step(state: JourneyState, command: JourneyCommand, now: string): JourneyState {
  return applyEvents(state, accepted(decide(state, command, now)));
}

function started(): JourneyState {
  return replay([journeyStarted(START, AT.started)]);
}

function journeyIn(stage: JourneyStage): JourneyState {
  // Issue 14: a GOL journey started under `GOL`, with its (empty) assessment.
  if (stage === 'assessment') return replay([journeyStarted({ ...START, programmeCode: 'GOL', assessment: emptyAssessment() }, AT.started)]);
  let state = started();
  if (stage === 'awaiting_intake') return state;
  state = step(state, recordIntake(), AT.intake);
  if (stage === 'awaiting_pact') return state;
  state = step(state, signPact(), AT.signed);
  if (stage === 'pact_active') return state;
  if (stage === 'suspended') {
    return step(state, { type: 'SuspendForJob', employer: 'Logistica Piemonte S.r.l.', contractType: 'fixed_term', startDate: '2026-03-09', expectedEndDate: '2026-05-31', operatorId: 'op-carla' }, AT.closed);
  }
  return step(state, closeJourney(), AT.closed);
}

// ---------------------------------------------------------------------------------------------------------------------

describe('stage fixtures', () => {
  it.each(JOURNEY_STAGES)('journeyIn(%s) really is in that stage', (stage) => {
    const state = journeyIn(stage);
    expect(state.stage).toBe(stage);
    expect(state.status).toBe(stage === 'closed' ? 'closed' : 'open');
  });
});

describe('decide: command × stage matrix', () => {
  const commands = {
    RecordIntake: recordIntake(),
    SignPact: signPact(),
    CompletePactAction: completeAction(),
    RecordContact: recordContact(),
    CloseJourney: closeJourney(),
  } satisfies Record<string, JourneyCommand>;

  type Cell =
    | { command: keyof typeof commands; stage: JourneyStage; events: JourneyEvent['type'][]; stageAfter: JourneyStage }
    | { command: keyof typeof commands; stage: JourneyStage; refusal: RefusalCode };

  const matrix: Cell[] = [
    { command: 'RecordIntake', stage: 'awaiting_intake', events: ['IntakeRecorded'], stageAfter: 'awaiting_pact' },
    { command: 'RecordIntake', stage: 'awaiting_pact', refusal: 'INTAKE_ALREADY_RECORDED' },
    { command: 'RecordIntake', stage: 'pact_active', refusal: 'INTAKE_ALREADY_RECORDED' },
    { command: 'RecordIntake', stage: 'closed', refusal: 'JOURNEY_CLOSED' },
    { command: 'RecordIntake', stage: 'suspended', refusal: 'JOURNEY_SUSPENDED' },

    { command: 'SignPact', stage: 'awaiting_intake', refusal: 'INTAKE_REQUIRED' },
    { command: 'SignPact', stage: 'awaiting_pact', events: ['PactSigned'], stageAfter: 'pact_active' },
    { command: 'SignPact', stage: 'pact_active', refusal: 'PACT_ALREADY_SIGNED' },
    { command: 'SignPact', stage: 'closed', refusal: 'JOURNEY_CLOSED' },
    { command: 'SignPact', stage: 'suspended', refusal: 'JOURNEY_SUSPENDED' },

    { command: 'CompletePactAction', stage: 'awaiting_intake', refusal: 'PACT_NOT_SIGNED' },
    { command: 'CompletePactAction', stage: 'awaiting_pact', refusal: 'PACT_NOT_SIGNED' },
    { command: 'CompletePactAction', stage: 'pact_active', events: ['PactActionCompleted'], stageAfter: 'pact_active' },
    { command: 'CompletePactAction', stage: 'closed', refusal: 'JOURNEY_CLOSED' },
    { command: 'CompletePactAction', stage: 'suspended', refusal: 'JOURNEY_SUSPENDED' },

    { command: 'RecordContact', stage: 'awaiting_intake', refusal: 'PACT_NOT_SIGNED' },
    { command: 'RecordContact', stage: 'awaiting_pact', refusal: 'PACT_NOT_SIGNED' },
    { command: 'RecordContact', stage: 'pact_active', events: ['ContactRecorded'], stageAfter: 'pact_active' },
    { command: 'RecordContact', stage: 'closed', refusal: 'JOURNEY_CLOSED' },
    { command: 'RecordContact', stage: 'suspended', refusal: 'JOURNEY_SUSPENDED' },

    { command: 'CloseJourney', stage: 'awaiting_intake', events: ['JourneyClosed'], stageAfter: 'closed' },
    { command: 'CloseJourney', stage: 'awaiting_pact', events: ['JourneyClosed'], stageAfter: 'closed' },
    { command: 'CloseJourney', stage: 'pact_active', events: ['JourneyClosed'], stageAfter: 'closed' },
    { command: 'CloseJourney', stage: 'closed', refusal: 'JOURNEY_CLOSED' },
    { command: 'CloseJourney', stage: 'suspended', events: ['JourneyClosed'], stageAfter: 'closed' },

    // Issue 14, GOL's assessment: the presa in carico leaves the journey in it; the pact waits for the path.
    { command: 'RecordIntake', stage: 'assessment', events: ['IntakeRecorded'], stageAfter: 'assessment' },
    { command: 'SignPact', stage: 'assessment', refusal: 'GOL_PATH_NOT_CHOSEN' },
    { command: 'CompletePactAction', stage: 'assessment', refusal: 'GOL_PATH_NOT_CHOSEN' },
    { command: 'RecordContact', stage: 'assessment', refusal: 'GOL_PATH_NOT_CHOSEN' },
    { command: 'CloseJourney', stage: 'assessment', events: ['JourneyClosed'], stageAfter: 'closed' },
  ];

  it('covers every operator command in every stage exactly once', () => {
    const cells = matrix.map((c) => `${c.command}@${c.stage}`).sort();
    const expected = Object.keys(commands).flatMap((command) => JOURNEY_STAGES.map((stage) => `${command}@${stage}`)).sort();
    expect(cells).toEqual(expected);
    expect(cells).toHaveLength(Object.keys(commands).length * JOURNEY_STAGES.length);
  });

  it.each(matrix)('$command in $stage', (cell) => {
    const state = journeyIn(cell.stage);
    const before = structuredClone(state);
    const decision = decide(state, commands[cell.command], AT.matrix);

    expect(state).toEqual(before); // deciding never alters the state it is given
    if ('refusal' in cell) {
      const refusal = refused(decision);
      expect(refusal.code).toBe(cell.refusal);
      expect(refusalKind(refusal.code)).toBe('conflict');
      expect(refusal).not.toHaveProperty('field');
      expect(refusal.message).toEqual(expect.any(String));
      expect(refusal.message.length).toBeGreaterThan(0);
    } else {
      const events = accepted(decision);
      expect(events.map((e) => e.type)).toEqual(cell.events);
      expect(events.map((e) => e.seq)).toEqual(cell.events.map((_, i) => state.lastSeq + 1 + i));
      expect(events.every((e) => e.at === AT.matrix)).toBe(true);
      expect(applyEvents(state, events).stage).toBe(cell.stageAfter);
    }
  });

  describe('ProcessDeadlines (the journey timer) in every stage', () => {
    it.each([
      { stage: 'awaiting_intake', now: AT.matrix, events: [] },
      { stage: 'awaiting_pact', now: AT.matrix, events: [] },
      { stage: 'pact_active', now: AT.matrix, events: [] },
      { stage: 'pact_active', now: '2026-03-21T00:00:00.000Z', events: ['PactActionOverdue'] },
      // the agreed contact (P30D after the signing: 2026-04-04T10:00Z) falls due between A1 and A2
      { stage: 'pact_active', now: '2026-04-05T00:00:00.000Z', events: ['PactActionOverdue', 'ContactMissed'] },
      {
        stage: 'pact_active',
        now: '2026-12-31T00:00:00.000Z',
        events: ['PactActionOverdue', 'ContactMissed', 'PactActionOverdue', 'PactActionOverdue'],
      },
    ] as { stage: JourneyStage; now: string; events: JourneyEvent['type'][] }[])('$stage at $now → $events', ({ stage, now, events }) => {
      const decided = accepted(decide(journeyIn(stage), { type: 'ProcessDeadlines' }, now));
      expect(decided.map((e) => e.type)).toEqual(events);
    });

    it('closed → JOURNEY_CLOSED, even when actions are past due', () => {
      const refusal = refused(decide(journeyIn('closed'), { type: 'ProcessDeadlines' }, '2026-12-31T00:00:00.000Z'));
      expect(refusal.code).toBe('JOURNEY_CLOSED');
    });
  });
});

describe('decide: RecordIntake', () => {
  const now = AT.intake;

  it('records who took the person in charge; the time defaults to now and the notes to null', () => {
    const [event] = accepted(decide(started(), recordIntake(), now));
    expect(event).toEqual({
      seq: 2,
      type: 'IntakeRecorded',
      at: now,
      data: { operatorId: 'op-anna', takenInChargeAt: now, notes: null },
    });
  });

  it('keeps notes and a past takenInChargeAt, canonicalized to UTC', () => {
    const [event] = accepted(decide(started(), recordIntake({ takenInChargeAt: '2026-03-02T10:30:00+01:00', notes: 'Colloquio di accoglienza' }), now));
    expect(event.data).toEqual({ operatorId: 'op-anna', takenInChargeAt: '2026-03-02T09:30:00.000Z', notes: 'Colloquio di accoglienza' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['not a string', 42],
  ])('operatorId %s → INVALID_VALUE on operatorId', (_label, operatorId) => {
    const refusal = refused(decide(started(), malformed<RecordIntakeCommand>({ type: 'RecordIntake', operatorId }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
  });

  it('takenInChargeAt in the future → INVALID_DATE (one millisecond is enough)', () => {
    const refusal = refused(decide(started(), recordIntake({ takenInChargeAt: '2026-03-03T09:00:00.001Z' }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'takenInChargeAt', message: 'cannot be in the future' });
  });

  it('takenInChargeAt equal to now is accepted', () => {
    expect(accepted(decide(started(), recordIntake({ takenInChargeAt: now }), now))[0].data).toMatchObject({ takenInChargeAt: now });
  });

  it('takenInChargeAt before the DID day in Rome → INVALID_DATE; the Rome day starts at 23:00 UTC the day before', () => {
    // DID 2026-03-02: the day starts in Rome at 2026-03-01T23:00:00Z (winter time).
    const before = refused(decide(started(), recordIntake({ takenInChargeAt: '2026-03-01T22:59:59.999Z' }), now));
    expect(before).toMatchObject({ code: 'INVALID_DATE', field: 'takenInChargeAt' });
    expect(before.message).toContain('2026-03-02');

    const firstInstant = accepted(decide(started(), recordIntake({ takenInChargeAt: '2026-03-01T23:00:00.000Z' }), now));
    expect(firstInstant[0].data).toMatchObject({ takenInChargeAt: '2026-03-01T23:00:00.000Z' });

    const halfPastMidnightInRome = accepted(decide(started(), recordIntake({ takenInChargeAt: '2026-03-02T00:30:00+01:00' }), now));
    expect(halfPastMidnightInRome[0].data).toMatchObject({ takenInChargeAt: '2026-03-01T23:30:00.000Z' });
  });

  it.each([
    ['free text', 'yesterday'],
    ['a bare date (needs a time and offset)', '2026-03-02'],
    ['no offset', '2026-03-02T10:00:00'],
    ['impossible date', '2026-02-30T10:00:00Z'],
    ['empty', ''],
  ])('takenInChargeAt unreadable (%s) → INVALID_DATE', (_label, takenInChargeAt) => {
    const refusal = refused(decide(started(), recordIntake({ takenInChargeAt }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'takenInChargeAt' });
  });
});

describe('decide: SignPact', () => {
  const now = AT.signed;
  const awaitingPact = () => journeyIn('awaiting_pact');

  it('records the pact, version 1, signed now, with action ids A1..An and due instants', () => {
    const [event] = accepted(decide(awaitingPact(), signPact({ jobSearchProof: 'Copies of the applications sent' }), now));
    expect(event).toEqual({
      seq: 3,
      type: 'PactSigned',
      at: now,
      data: {
        version: 1,
        responsibleOperatorId: 'op-anna',
        profilingClass: 'medium',
        contactFrequency: 'P30D',
        jobSearchProof: 'Copies of the applications sent',
        availability: { workshops: true, training: true, suitableOffers: false },
        actions: [
          // bare dates fall due at the end of the day in Rome: winter (+1) …
          { actionId: 'A1', kind: 'job_search_act', description: 'Send five applications', dueAt: '2026-03-20T22:59:59.999Z' },
          // … and summer (+2)
          { actionId: 'A2', kind: 'workshop', description: 'CV writing workshop', dueAt: '2026-04-15T21:59:59.999Z' },
          // instants with an offset are kept, in UTC
          { actionId: 'A3', kind: 'training', description: 'Forklift licence course', dueAt: '2026-05-01T10:00:00.000Z' },
        ],
        signedAt: now,
      },
    });
  });

  it('jobSearchProof defaults to null', () => {
    const [event] = accepted(decide(awaitingPact(), signPact(), now));
    expect(event.data).toMatchObject({ jobSearchProof: null });
  });

  it('numbers actions A1..An in the order given, whatever their due dates', () => {
    const actions = Array.from({ length: 12 }, (_, i) => ({
      kind: 'other' as const,
      description: `Action ${i + 1}`,
      dueDate: `2026-06-${String(28 - i).padStart(2, '0')}`,
    }));
    const [event] = accepted(decide(awaitingPact(), signPact({ actions }), now));
    if (event.type !== 'PactSigned') throw new Error(event.type);
    expect(event.data.actions.map((a) => a.actionId)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12']);
    expect(event.data.actions.map((a) => a.description)).toEqual(actions.map((a) => a.description));
    expect(event.data.actions[0].dueAt).toBe('2026-06-28T21:59:59.999Z');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', ' \t '],
  ])('responsibleOperatorId %s → INVALID_VALUE on responsibleOperatorId', (_label, responsibleOperatorId) => {
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), responsibleOperatorId }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'responsibleOperatorId' });
  });

  it.each(['extreme', 'MEDIUM', '', undefined])('profilingClass %p → INVALID_VALUE on profilingClass', (profilingClass) => {
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), profilingClass }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'profilingClass' });
    expect(refusal.message).toBe('must be one of low, medium, high, very_high');
  });

  it.each(['low', 'medium', 'high', 'very_high'] as const)('profilingClass %s is accepted', (profilingClass) => {
    expect(accepted(decide(awaitingPact(), signPact({ profilingClass }), now))[0].data).toMatchObject({ profilingClass });
  });

  it.each(['30D', '30 days', 'P', 'PT', '', 'monthly', 'P0D', 'PT0S'])('contactFrequency %p → INVALID_DURATION on contactFrequency', (contactFrequency) => {
    const refusal = refused(decide(awaitingPact(), signPact({ contactFrequency }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_DURATION', field: 'contactFrequency' });
  });

  it.each(['P1M', 'P2W', 'P15D'])('contactFrequency %s is accepted as given', (contactFrequency) => {
    expect(accepted(decide(awaitingPact(), signPact({ contactFrequency }), now))[0].data).toMatchObject({ contactFrequency });
  });

  it.each([
    ['missing', undefined, 'availability.workshops'],
    ['null', null, 'availability.workshops'],
    ['without training', { workshops: true, suitableOffers: true }, 'availability.training'],
    ['with a string', { workshops: true, training: true, suitableOffers: 'yes' }, 'availability.suitableOffers'],
  ])('availability %s → INVALID_VALUE on the clause', (_label, availability, field) => {
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), availability }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field });
  });

  it('an action that is not an object → INVALID_VALUE on that action', () => {
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), actions: [null] }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'actions[0]' });
  });

  it.each([
    ['empty', []],
    ['missing', undefined],
  ])('actions %s → INVALID_VALUE on actions', (_label, actions) => {
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), actions }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'actions' });
  });

  it('unknown action kind → INVALID_VALUE on actions[i].kind', () => {
    const actions = [
      { kind: 'workshop', description: 'ok', dueDate: '2026-04-01' },
      { kind: 'coffee', description: 'not a service', dueDate: '2026-04-01' },
    ];
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), actions }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'actions[1].kind' });
  });

  it.each(['', '   ', undefined])('action description %p → INVALID_VALUE on actions[i].description', (description) => {
    const actions = [{ kind: 'workshop', description, dueDate: '2026-04-01' }];
    const refusal = refused(decide(awaitingPact(), malformed<SignPactCommand>({ ...signPact(), actions }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'actions[0].description' });
  });

  it.each(['next week', '2026-02-30', '2026-04-01T10:00:00', '01/04/2026', ''])(
    'unreadable dueDate %p → INVALID_DATE on actions[i].dueDate',
    (dueDate) => {
      const actions = [
        { kind: 'workshop' as const, description: 'ok', dueDate: '2026-04-01' },
        { kind: 'training' as const, description: 'ok', dueDate: '2026-04-02' },
        { kind: 'tutoring' as const, description: 'bad date', dueDate },
      ];
      const refusal = refused(decide(awaitingPact(), signPact({ actions }), now));
      expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'actions[2].dueDate' });
    },
  );

  describe('a due date must fall after the signing', () => {
    const sign = (dueDate: string, at = now) =>
      decide(awaitingPact(), signPact({ actions: [{ kind: 'interview', description: 'Interview', dueDate }] }), at);

    it('the signing instant itself → INVALID_DATE', () => {
      expect(refused(sign(now))).toMatchObject({ code: 'INVALID_DATE', field: 'actions[0].dueDate', message: 'must be after the signing of the pact' });
    });

    it('one millisecond after the signing is accepted', () => {
      const [event] = accepted(sign('2026-03-05T10:00:00.001Z'));
      expect(event.data).toMatchObject({ actions: [{ dueAt: '2026-03-05T10:00:00.001Z' }] });
    });

    it('an earlier instant or an earlier day → INVALID_DATE', () => {
      expect(refused(sign('2026-03-05T09:00:00Z'))).toMatchObject({ code: 'INVALID_DATE', field: 'actions[0].dueDate' });
      expect(refused(sign('2026-03-04'))).toMatchObject({ code: 'INVALID_DATE', field: 'actions[0].dueDate' });
    });

    it('today (a bare date) is accepted: it falls due tonight in Rome', () => {
      expect(accepted(sign('2026-03-05'))[0].data).toMatchObject({ actions: [{ dueAt: '2026-03-05T22:59:59.999Z' }] });
    });

    it('yesterday in Rome is refused even when it is still that date in UTC', () => {
      // 23:30 UTC on 5 March is 00:30 on 6 March in Rome: 5 March is over.
      expect(refused(sign('2026-03-05', '2026-03-05T23:30:00.000Z'))).toMatchObject({ code: 'INVALID_DATE', field: 'actions[0].dueDate' });
    });
  });
});

describe('decide: CompletePactAction', () => {
  const now = '2026-03-15T10:00:00.000Z';
  const active = () => journeyIn('pact_active');

  it('records the completion; completedAt defaults to now and the note to null', () => {
    const [event] = accepted(decide(active(), completeAction({ actionId: 'A2' }), now));
    expect(event).toEqual({
      seq: 4,
      type: 'PactActionCompleted',
      at: now,
      data: { actionId: 'A2', operatorId: 'op-bruno', completedAt: now, note: null },
    });
  });

  it('keeps a past completedAt (canonical UTC) and the note', () => {
    const [event] = accepted(decide(active(), completeAction({ completedAt: '2026-03-14T18:00:00+01:00', note: 'Five applications sent' }), now));
    expect(event.data).toEqual({ actionId: 'A1', operatorId: 'op-bruno', completedAt: '2026-03-14T17:00:00.000Z', note: 'Five applications sent' });
  });

  it.each(['A9', 'A0', 'a1', ''])('unknown action %p → PACT_ACTION_NOT_FOUND (kind not_found)', (actionId) => {
    const refusal = refused(decide(active(), completeAction({ actionId }), now));
    expect(refusal.code).toBe('PACT_ACTION_NOT_FOUND');
    expect(refusalKind(refusal.code)).toBe('not_found');
    expect(refusal).not.toHaveProperty('field');
  });

  it('an action completed already → PACT_ACTION_ALREADY_COMPLETED (kind conflict)', () => {
    const state = step(active(), completeAction(), now);
    const refusal = refused(decide(state, completeAction({ operatorId: 'op-carla' }), '2026-03-16T10:00:00.000Z'));
    expect(refusal.code).toBe('PACT_ACTION_ALREADY_COMPLETED');
    expect(refusalKind(refusal.code)).toBe('conflict');
    expect(refusal.message).toContain(now);
    // the other actions can still be completed
    expect(accepted(decide(state, completeAction({ actionId: 'A2' }), '2026-03-16T10:00:00.000Z'))).toHaveLength(1);
  });

  it('an OVERDUE action can still be completed, late', () => {
    const overdue = step(active(), { type: 'ProcessDeadlines' }, '2026-03-21T08:00:00.000Z');
    expect(overdue.actions.find((a) => a.actionId === 'A1')?.status).toBe('overdue');
    const events = accepted(decide(overdue, completeAction(), '2026-03-22T08:00:00.000Z'));
    expect(events.map((e) => e.type)).toEqual(['PactActionCompleted']);
    expect(applyEvents(overdue, events).actions.find((a) => a.actionId === 'A1')?.status).toBe('completed');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '  '],
  ])('operatorId %s → INVALID_VALUE on operatorId', (_label, operatorId) => {
    const refusal = refused(decide(active(), malformed<CompletePactActionCommand>({ ...completeAction(), operatorId }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
  });

  it('completedAt in the future → INVALID_DATE', () => {
    const refusal = refused(decide(active(), completeAction({ completedAt: '2026-03-15T10:00:00.001Z' }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'completedAt', message: 'cannot be in the future' });
  });

  it('completedAt before the signing → INVALID_DATE; the signing instant itself is accepted', () => {
    const refusal = refused(decide(active(), completeAction({ completedAt: '2026-03-05T09:59:59.999Z' }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'completedAt', message: 'cannot precede the signing of the pact' });
    const [event] = accepted(decide(active(), completeAction({ completedAt: AT.signed }), now));
    expect(event.data).toMatchObject({ completedAt: AT.signed });
  });

  it.each(['last week', '2026-03-14', '2026-03-14T10:00:00', ''])('unreadable completedAt %p → INVALID_DATE', (completedAt) => {
    const refusal = refused(decide(active(), completeAction({ completedAt }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_DATE', field: 'completedAt' });
  });
});

describe('decide: CloseJourney', () => {
  const now = '2026-03-15T10:00:00.000Z';

  it('records the closure, now, with details defaulting to null', () => {
    const [event] = accepted(decide(journeyIn('pact_active'), closeJourney({ reason: 'withdrawn' }), now));
    expect(event).toEqual({
      seq: 4,
      type: 'JourneyClosed',
      at: now,
      data: { reason: 'withdrawn', operatorId: 'op-bruno', details: null, closedAt: now },
    });
  });

  it.each(['placed', 'withdrawn', 'transferred', 'unreachable', 'other'] as const)('reason %s is accepted', (reason) => {
    const [event] = accepted(decide(journeyIn('awaiting_intake'), closeJourney({ reason, details: 'Hired by ACME' }), now));
    expect(event.data).toMatchObject({ reason, details: 'Hired by ACME' });
  });

  it.each(['finished', 'PLACED', '', undefined])('unknown closure reason %p → INVALID_VALUE on reason', (reason) => {
    const refusal = refused(decide(journeyIn('awaiting_pact'), malformed<CloseJourneyCommand>({ ...closeJourney(), reason }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'reason' });
  });

  it.each(['', '  ', undefined])('operatorId %p → INVALID_VALUE on operatorId', (operatorId) => {
    const refusal = refused(decide(journeyIn('awaiting_pact'), malformed<CloseJourneyCommand>({ ...closeJourney(), operatorId }), now));
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
  });
});

describe('decide: a closed journey refuses everything', () => {
  const later = '2026-04-01T10:00:00.000Z';
  it.each([
    ['RecordIntake', recordIntake()],
    ['SignPact', signPact()],
    ['CompletePactAction', completeAction()],
    ['CompletePactAction of an unknown action', completeAction({ actionId: 'A99' })],
    ['RecordContact', recordContact()],
    ['RecordContact with invalid input', malformed<RecordContactCommand>({ type: 'RecordContact', operatorId: '', channel: 'fax' })],
    ['CloseJourney again', closeJourney({ reason: 'other' })],
    ['CloseJourney with invalid input', malformed<CloseJourneyCommand>({ type: 'CloseJourney', reason: 'nope', operatorId: '' })],
    ['RecordIntake with invalid input', malformed<RecordIntakeCommand>({ type: 'RecordIntake', operatorId: '' })],
    ['ProcessDeadlines', { type: 'ProcessDeadlines' }],
  ] as [string, JourneyCommand][])('%s → JOURNEY_CLOSED naming the closing time', (_label, command) => {
    const refusal = refused(decide(journeyIn('closed'), command, later));
    expect(refusal.code).toBe('JOURNEY_CLOSED');
    expect(refusal).not.toHaveProperty('field');
    expect(refusal.message).toContain(AT.closed);
  });

  it('also when closed straight from awaiting_intake', () => {
    const closed = step(started(), closeJourney({ reason: 'unreachable' }), AT.intake);
    expect(refused(decide(closed, recordIntake(), later)).code).toBe('JOURNEY_CLOSED');
  });
});

describe('refusalKind', () => {
  const expected: Record<RefusalCode, 'conflict' | 'invalid' | 'not_found' | 'forbidden'> = {
    JOURNEY_CLOSED: 'conflict',
    // Suspension and absences (issue 14)
    JOURNEY_SUSPENDED: 'conflict',
    JOURNEY_NOT_SUSPENDED: 'conflict',
    JOB_TOO_LONG_FOR_SUSPENSION: 'conflict',
    ABSENCE_REASON_NOT_APPLICABLE: 'invalid',
    ABSENCE_NOT_FOUND: 'not_found',
    ABSENCE_ALREADY_ENDED: 'conflict',
    ABSENCE_ALREADY_RUNNING: 'conflict',
    INTAKE_ALREADY_RECORDED: 'conflict',
    INTAKE_REQUIRED: 'conflict',
    PACT_ALREADY_SIGNED: 'conflict',
    PACT_NOT_SIGNED: 'conflict',
    PACT_ACTION_ALREADY_COMPLETED: 'conflict',
    PACT_ACTION_NOT_FOUND: 'not_found',
    INVALID_DATE: 'invalid',
    INVALID_DURATION: 'invalid',
    INVALID_VALUE: 'invalid',
    PACT_ACTION_WITHDRAWN: 'conflict',
    PACT_AWAITING_ACCEPTANCE: 'conflict',
    PACT_VERSION_NOT_FOUND: 'not_found',
    PACT_VERSION_ALREADY_ACCEPTED: 'conflict',
    SERVICE_NOT_IN_PROGRAMME: 'conflict',
    SERVICE_PREREQUISITE_PENDING: 'conflict',
    SERVICE_ALREADY_COMPLETED: 'conflict',
    SERVICE_OUTPUTS_MISSING: 'invalid',
    APPOINTMENT_NOT_FOUND: 'not_found',
    APPOINTMENT_NOT_SCHEDULED: 'conflict',
    APPOINTMENT_NOT_YET_HELD: 'conflict',
    OFFER_NOT_FOUND: 'not_found',
    OFFER_ALREADY_ANSWERED: 'conflict',
    OFFER_HAS_NO_LAPSE: 'conflict',
    HEARING_ALREADY_RECORDED: 'conflict',
    HEARING_NOT_RECORDED: 'conflict',
    JUSTIFICATION_REASON_NOT_APPLICABLE: 'invalid',
    SUITABLE_OFFERS_AVAILABILITY_REQUIRED: 'conflict',
    LAPSE_NOT_FOUND: 'not_found',
    LAPSE_NOT_OPEN: 'conflict',
    JUSTIFICATION_WINDOW_CLOSED: 'conflict',
    STEP_NOT_FOUND: 'not_found',
    STEP_ALREADY_DECIDED: 'conflict',
    STEP_NOT_CONFIRMED: 'conflict',
    STEP_ALREADY_NOTIFIED: 'conflict',
    NOTIFICATION_METHOD_NOT_VALID: 'invalid',
    APPEAL_ALREADY_LODGED: 'conflict',
    APPEAL_WINDOW_CLOSED: 'conflict',
    APPEAL_NOT_LODGED: 'conflict',
    APPEAL_ALREADY_DECIDED: 'conflict',
    SANCTION_NOT_CPI: 'forbidden',
    REFERRAL_NOT_FOUND: 'not_found',
    REFERRAL_OUTCOME_RECORDED: 'conflict',
    PATH_NOT_COMPLETED: 'conflict',
    TRANSFER_SAME_PROGRAMME: 'conflict',
    CONDITIONALITY_STEP_PENDING: 'conflict',
    CLOSURE_NOT_ALLOWED: 'conflict',
    UNENCRYPTED_PAYLOAD: 'invalid',
    BENEFIT_NOT_CLAIMED: 'conflict',
    BENEFIT_ALREADY_CLAIMED: 'conflict',
    BENEFIT_CLOSED: 'conflict',
    BENEFIT_ALREADY_GRANTED: 'conflict',
    BENEFIT_ALREADY_SUSPENDED: 'conflict',
    BENEFIT_NOT_SUSPENDED: 'conflict',
    GOL_PATH_NOT_CHOSEN: 'conflict',
    GOL_PATH_ALREADY_CHOSEN: 'conflict',
    NOT_IN_ASSESSMENT: 'conflict',
    PROFILING_REQUIRED: 'conflict',
    QUALITATIVE_ASSESSMENT_REQUIRED: 'conflict',
    GOL_PATH_PARTY_REQUIRED: 'invalid',
    // GOL monitoring (issue 15)
    MONITORING_DATA_ALREADY_RECORDED: 'conflict',
    PRESENTATION_NOT_REQUIRED: 'conflict',
    PRESENTATION_EXEMPTION_ALREADY_RECORDED: 'conflict',
    PRESENTATION_EXEMPTION_NOT_RECORDED: 'conflict',
  };

  it.each(Object.entries(expected) as [RefusalCode, string][])('%s → %s', (code, kind) => {
    expect(refusalKind(code)).toBe(kind);
  });

  it('knows exactly these codes', () => {
    expect(Object.keys(REFUSAL_KINDS).sort()).toEqual(Object.keys(expected).sort());
  });

  it('every INVALID_* refusal names the offending field, and no other refusal does', () => {
    const samples: Decision[] = [
      decide(started(), recordIntake({ operatorId: '' }), AT.intake),
      decide(started(), recordIntake({ takenInChargeAt: 'x' }), AT.intake),
      decide(journeyIn('awaiting_pact'), signPact({ contactFrequency: 'x' }), AT.signed),
      decide(journeyIn('awaiting_pact'), signPact({ actions: [] }), AT.signed),
      decide(journeyIn('pact_active'), completeAction({ completedAt: 'x' }), AT.matrix),
      decide(journeyIn('pact_active'), recordContact({ contactedAt: 'x' }), AT.matrix),
      decide(journeyIn('pact_active'), malformed<RecordContactCommand>({ ...recordContact(), channel: 'fax' }), AT.matrix),
      decide(journeyIn('awaiting_pact'), recordContact(), AT.matrix),
      decide(journeyIn('pact_active'), malformed<CloseJourneyCommand>({ ...closeJourney(), reason: 'x' }), AT.matrix),
      decide(journeyIn('pact_active'), completeAction({ actionId: 'A9' }), AT.matrix),
      decide(journeyIn('awaiting_intake'), signPact(), AT.matrix),
      decide(journeyIn('closed'), closeJourney(), AT.matrix),
    ];
    const refusals = samples.map(refused);
    expect(new Set(refusals.map((r) => refusalKind(r.code)))).toEqual(new Set(['invalid', 'not_found', 'conflict']));
    for (const r of refusals) {
      if (refusalKind(r.code) === 'invalid') expect(r.field).toEqual(expect.any(String));
      else expect(r).not.toHaveProperty('field');
    }
  });
});

describe('decide: event envelopes over a whole journey', () => {
  it('numbers events from 1 without gaps, stamps each with the decision instant, and replays to the same state', () => {
    const history: JourneyEvent[] = [journeyStarted(START, AT.started)];
    let state = replay(history);
    const run = (command: JourneyCommand, now: string): JourneyEvent[] => {
      const events = accepted(decide(state, command, now));
      for (const e of events) expect(e.at).toBe(now);
      history.push(...events);
      state = applyEvents(state, events);
      return events;
    };

    run(recordIntake(), AT.intake);
    run(signPact(), AT.signed);
    run({ type: 'ProcessDeadlines' }, '2026-03-10T00:00:00.000Z'); // nothing due: no events, no seq used
    run(completeAction({ actionId: 'A2' }), '2026-03-11T10:00:00.000Z');
    // A1, the agreed contact (P30D after the signing) and A3 at once, oldest first
    const overdue = run({ type: 'ProcessDeadlines' }, '2026-05-02T00:00:00.000Z');
    expect(overdue.map((e) => [e.seq, e.type, e.data])).toEqual([
      [5, 'PactActionOverdue', { actionId: 'A1', dueAt: '2026-03-20T22:59:59.999Z' }],
      [6, 'ContactMissed', { dueAt: '2026-04-04T10:00:00.000Z' }],
      [7, 'PactActionOverdue', { actionId: 'A3', dueAt: '2026-05-01T10:00:00.000Z' }],
    ]);
    run(completeAction({ actionId: 'A3' }), '2026-05-03T10:00:00.000Z');
    run(closeJourney(), '2026-05-04T10:00:00.000Z');

    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(history.map((e) => e.type)).toEqual([
      'JourneyStarted',
      'IntakeRecorded',
      'PactSigned',
      'PactActionCompleted',
      'PactActionOverdue',
      'ContactMissed',
      'PactActionOverdue',
      'PactActionCompleted',
      'JourneyClosed',
    ]);
    expect(state.lastSeq).toBe(9);
    expect(replay(history)).toEqual(state);
  });

  it('a refused command leaves the sequence untouched: the next accepted event takes the next number', () => {
    const state = journeyIn('pact_active');
    refused(decide(state, completeAction({ actionId: 'A9' }), AT.matrix));
    expect(accepted(decide(state, completeAction(), AT.matrix))[0].seq).toBe(state.lastSeq + 1);
    expect(state.lastSeq).toBe(3);
  });
});

describe('resolveDueAt', () => {
  it.each([
    ['2026-03-20', '2026-03-20T22:59:59.999Z'],
    ['2026-07-20', '2026-07-20T21:59:59.999Z'],
    ['2026-03-29', '2026-03-29T21:59:59.999Z'],
    ['2026-10-25', '2026-10-25T22:59:59.999Z'],
    ['2026-05-01T12:00:00+02:00', '2026-05-01T10:00:00.000Z'],
    ['2026-05-01T10:00Z', '2026-05-01T10:00:00.000Z'],
  ])('%s → %s', (input, dueAt) => {
    expect(resolveDueAt(input)).toBe(dueAt);
  });

  it.each(['2026-02-29', '2026-05-01T10:00:00', 'soon', ''])('%p → null', (input) => {
    expect(resolveDueAt(input)).toBeNull();
  });
});
