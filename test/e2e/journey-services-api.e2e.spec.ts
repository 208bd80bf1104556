import { CLOCK_NAMES, romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { http, startProduct, type HttpAnswer, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The journey's commands of the six services over HTTP, against the built API and worker on a real Temporal dev
 * server and PostgreSQL: service deliveries, appointments, offers, justifications, conditionality steps, pact
 * amendments, referrals and the placement. The test catalogue's clocks are seconds, so reminders, justification windows
 * and the steps they lead to happen while the test watches. Every wait is on a condition, with generous deadlines.
 */

let db: ThrowawayDatabase;
let product: ProductStack;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
}, 240_000);

afterAll(async () => {
  await product?.stop();
  await db?.drop();
}, 120_000);

const suffix = uniqueSuffix().toUpperCase();
/** A catalogue whose legal and appointment clocks are seconds. */
const FAST = `TEST-SVC-${suffix}`;
/** The same, with a justification window long enough to justify a no-show in time on a busy machine. */
const PATIENT = `TEST-SVP-${suffix}`;
const OFFICE = `CPI-SVC-${suffix}`;
const OTHER_OFFICE = `CPI-SVX-${suffix}`;
const OP = 'op-servizi';
const operator = tokenFor('operator', [OFFICE], OP);
const foreignOperator = tokenFor('operator', [OTHER_OFFICE], 'op-altrove');
const supervisor = tokenFor('supervisor', [OFFICE], 'sup-servizi');

const CLOCKS = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  firstContactAfterDid: 'P30D',
  firstContactAfterBenefitClaim: 'P15D',
  appointmentReminderBefore: 'PT2S',
  justificationWindow: 'PT3S',
  offerExcuseWindow: 'P2D',
  appealWindow: 'PT30S',
  defaultContactFrequency: 'P30D',
};
const SERVICES = [
  { service: 'reception', after: [] },
  { service: 'second_level_interview', after: ['reception'] },
  { service: 'path_definition', after: ['second_level_interview'] },
  { service: 'tutoring', after: ['path_definition'] },
  { service: 'job_search', after: ['second_level_interview'] },
];
const CATALOGUE = { title: 'Test path, second clocks', clocks: CLOCKS, services: SERVICES, workingDayClocks: ['offerExcuseWindow'] };

/** A request as the journey office's operator, unless `token` says otherwise. */
const as =
  (token: string) =>
  <T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> =>
    http<T>(product.baseUrl, method, path, body, token);
const op = as(operator);
const admin = <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body);

const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const today = () => romeDateOf(Date.now());

function expectError(answer: HttpAnswer, status: number, code: string, fields?: string[]): void {
  expect([answer.status, codeOf(answer)]).toEqual([status, code]);
  if (fields) expect(fieldsOf(answer)).toEqual(fields);
}

async function startJourney(opts: { programme?: string; benefit?: boolean } = {}): Promise<string> {
  const started = await op('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Giulia', familyName: 'Ricci', email: 'giulia.ricci@example.org' },
    programmeCode: opts.programme ?? FAST,
    officeId: OFFICE,
    didDate: today(),
    ...(opts.benefit ? { benefit: { kind: 'naspi', applicationDate: today() } } : {}),
  });
  expect(started.status).toBe(201);
  return started.body.journeyId;
}

async function intake(journeyId: string): Promise<any> {
  const answer = await op('POST', `/journeys/${journeyId}/intake`, { operatorId: OP });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function signPact(journeyId: string, actions = [{ kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' }]): Promise<any> {
  // No contactFrequency: the catalogue's defaultContactFrequency applies.
  const answer = await op('POST', `/journeys/${journeyId}/pact`, {
    responsibleOperatorId: OP,
    profilingClass: 'medium',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    availability: { workshops: true, training: true, suitableOffers: true },
    actions,
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function view(journeyId: string): Promise<any> {
  const answer = await op('GET', `/journeys/${journeyId}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function eventsOf(journeyId: string): Promise<{ type: string; data: any }[]> {
  const answer = await op('GET', `/journeys/${journeyId}/events`);
  expect(answer.status).toBe(200);
  return answer.body;
}

const appointmentBody = (overrides: Record<string, unknown> = {}) => ({
  service: 'second_level_interview',
  purpose: 'interview',
  at: inSeconds(3600),
  channel: 'in_person',
  location: 'CPI, sportello 4',
  convocation: 'pec',
  operatorId: OP,
  ...overrides,
});

/**
 * Schedules an appointment a few seconds ahead and answers its id. The journey refuses a time that is not in the
 * future by its own clock, so on a slow machine the request is retried with a new time.
 */
async function scheduleSoon(journeyId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return eventually(async () => {
    const answer = await op('POST', `/journeys/${journeyId}/appointments`, appointmentBody({ ...overrides, at: inSeconds(3) }));
    if (codeOf(answer) === 'INVALID_DATE') return undefined;
    expect(answer.status).toBe(201);
    return answer.body.appointments.at(-1).appointmentId as string;
  }, 'an appointment a few seconds ahead to be scheduled');
}

/** Records a no-show as soon as the appointment's time has come; answers the journey. */
async function noShow(journeyId: string, appointmentId: string): Promise<any> {
  return eventually(
    async () => {
      const answer = await op('POST', `/journeys/${journeyId}/appointments/${appointmentId}/outcome`, { outcome: 'no_show', operatorId: OP });
      if (codeOf(answer) === 'APPOINTMENT_NOT_YET_HELD') return undefined;
      expect(answer.status).toBe(200);
      return answer.body;
    },
    `the no-show of ${appointmentId} to be recorded once its time has come`,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

/** Waits until the journey proposes a conditionality step, and answers it. */
async function proposedStep(journeyId: string): Promise<any> {
  return eventually(
    async () => {
      const state = await view(journeyId);
      return state.conditionalitySteps.find((s: { status: string }) => s.status === 'proposed');
    },
    'the justification window to close and a conditionality step to be proposed',
    { timeoutMs: 90_000, intervalMs: 300 },
  );
}

describe('the six services, appointments and conditionality over HTTP', () => {
  it('publishes a catalogue with services, working-day clocks and every clock, and refuses an invalid one by field', async () => {
    const published = await admin('PUT', `/programmes/${FAST}`, CATALOGUE);
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ code: FAST, version: 1, scope: 'national', ...CATALOGUE });
    expect(Object.keys(published.body.clocks).slice(0, 4)).toEqual(['reminderBeforeDue', 'escalationAfter', 'pactDeadline', 'stallAfter']);
    expect((await admin('GET', `/programmes/${FAST}`)).body).toEqual(published.body);
    const patient = await admin('PUT', `/programmes/${PATIENT}`, { ...CATALOGUE, title: 'Test path, patient', clocks: { ...CLOCKS, justificationWindow: 'PT20S' } });
    expect(patient.status).toBe(200);

    const invalid = await admin('PUT', `/programmes/${FAST}`, {
      title: 'Broken',
      clocks: { ...CLOCKS, appealWindow: 'P0D', snooze: 'P1D' },
      services: [{ service: 'tutoring', after: ['reception'] }, { service: 'counselling', after: [] }],
      workingDayClocks: ['justificationWindow', 'stallAfter'],
    });
    expectError(invalid, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(invalid)).toEqual(
      expect.arrayContaining(['clocks.appealWindow', 'clocks.snooze', 'services[0].service', 'services[0].after', 'services[1].service', 'workingDayClocks[0]', 'workingDayClocks[1]']),
    );
    // Each problem with its rule's code and params, for the console to phrase; none is `other`.
    expect(invalid.body.error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'clocks.appealWindow', code: 'invalid_duration' }),
        { field: 'clocks.snooze', message: 'is not a clock of the catalogue', code: 'unknown_field', params: { name: 'snooze' } },
        expect.objectContaining({ field: 'services[0].service', code: 'first_service_not_reception' }),
        expect.objectContaining({ field: 'services[0].after', code: 'prerequisite_not_before', params: { prerequisite: 'reception', service: 'tutoring' } }),
        expect.objectContaining({ field: 'services[1].service', code: 'invalid_value' }),
        expect.objectContaining({ field: 'workingDayClocks[0]', code: 'not_whole_days', params: { clock: 'justificationWindow' } }),
        expect.objectContaining({ field: 'workingDayClocks[1]', code: 'invalid_value' }),
      ]),
    );
    expect(invalid.body.error.fields.filter((f: { code: string }) => f.code === 'other')).toEqual([]);
    expect(fieldsOf(await admin('PUT', `/programmes/${FAST}`, { title: 'No core clock', clocks: { appealWindow: 'P30D', escalationAfter: null, pactDeadline: null, stallAfter: null } }))).toEqual([
      'clocks.reminderBeforeDue',
    ]);
    expect((await op('PUT', `/programmes/${FAST}`, CATALOGUE)).status).toBe(403);
    // Nothing refused was stored.
    expect((await admin('GET', `/programmes/${FAST}`)).body.version).toBe(1);
  });

  it('drives every command through its happy path, from the DID with a benefit to the placement', async () => {
    const journeyId = await startJourney({ benefit: true });
    const started = await view(journeyId);
    expect(started).toMatchObject({
      catalogueVersion: 1,
      clocks: CLOCKS,
      services: SERVICES,
      workingDayClocks: ['offerExcuseWindow'],
      benefit: { kind: 'naspi', applicationDate: today() },
      pendingServices: ['reception', 'second_level_interview', 'path_definition', 'tutoring', 'job_search'],
      totalServiceHours: 0,
      proposedStepCount: 0,
      nextAppointment: null,
      pactVersions: [],
    });
    expect(started.firstContactDueAt).toEqual(expect.any(String));

    const taken = await intake(journeyId);
    expect(taken.serviceProgress.find((s: { service: string }) => s.service === 'reception').status).toBe('completed');

    // Referrals, and what came of them.
    const referred = await op('POST', `/journeys/${journeyId}/referrals`, { to: 'training_body', organisation: 'CIOFS Piemonte', reason: 'Forklift licence course', operatorId: OP });
    expect(referred.status).toBe(201);
    expect(referred.body.referrals.at(-1)).toMatchObject({ referralId: 'R1', to: 'training_body', outcome: null });
    const referralOutcome = await op('POST', `/journeys/${journeyId}/referrals/R1/outcome`, { outcome: 'taken_up', operatorId: OP, note: 'Enrolled' });
    expect(referralOutcome.status).toBe(200);
    expect(referralOutcome.body.referrals[0]).toMatchObject({ outcome: 'taken_up', outcomeNote: 'Enrolled' });

    // The second-level interview in two sessions, the second completing it.
    const session = await op('POST', `/journeys/${journeyId}/services/second_level_interview/deliveries`, { operatorId: OP, hours: 1.5, outputs: { developmentAreasSheet: 'Scheda prot. 2026/1182' } });
    expect(session.status).toBe(200);
    expect(session.body.serviceProgress.find((s: { service: string }) => s.service === 'second_level_interview')).toMatchObject({ status: 'in_progress', hours: 1.5, sessions: 1 });
    const completed = await op('POST', `/journeys/${journeyId}/services/second_level_interview/deliveries`, {
      operatorId: OP,
      hours: 1.5,
      outputs: { cv: 'CV Europass v2' },
      completesService: true,
      deliveredAt: new Date().toISOString(),
    });
    expect(completed.status).toBe(200);
    expect(completed.body.serviceProgress.find((s: { service: string }) => s.service === 'second_level_interview')).toMatchObject({
      status: 'completed',
      hours: 3,
      sessions: 2,
      outputs: { developmentAreasSheet: 'Scheda prot. 2026/1182', cv: 'CV Europass v2' },
    });
    expect(completed.body).toMatchObject({ totalServiceHours: 3, pendingServices: ['path_definition', 'tutoring', 'job_search'] });

    const pact = await signPact(journeyId);
    expect(pact.pact).toMatchObject({ version: 1, contactFrequency: 'P30D' });

    // Appointments: scheduled (201, the new one last), moved, reminded, held; another cancelled.
    const scheduled = await op('POST', `/journeys/${journeyId}/appointments`, appointmentBody({ service: 'path_definition', at: inSeconds(3600) }));
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.appointments.at(-1)).toMatchObject({ appointmentId: 'AP1', service: 'path_definition', status: 'scheduled', convocation: 'pec' });
    expect(scheduled.body.nextAppointment.appointmentId).toBe('AP1');
    // A few seconds ahead (again if the journey, on a busy machine, sees that time already passed).
    const { moved, moveTo } = await eventually(async () => {
      const at = inSeconds(6);
      const answer = await op('POST', `/journeys/${journeyId}/appointments/AP1/reschedule`, { at, channel: 'video', operatorId: OP, reason: 'Asked by the person' });
      if (codeOf(answer) === 'INVALID_DATE') return undefined;
      expect(answer.status).toBe(200);
      return { moved: answer, moveTo: at };
    }, 'AP1 to be moved a few seconds ahead');
    expect(moved.body.appointments[0]).toMatchObject({ at: new Date(moveTo).toISOString(), channel: 'video', location: null, rescheduledCount: 1, status: 'scheduled' });
    const other = await op('POST', `/journeys/${journeyId}/appointments`, appointmentBody({ service: 'tutoring', purpose: 'workshop', channel: 'phone', location: undefined, at: inSeconds(7200) }));
    expect(other.status).toBe(201);
    expect(other.body.appointments.at(-1).appointmentId).toBe('AP2');
    const cancelled = await op('POST', `/journeys/${journeyId}/appointments/AP2/cancel`, { operatorId: OP, reason: 'Office closed' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.appointments[1]).toMatchObject({ status: 'cancelled', cancellationReason: 'Office closed' });
    await eventually(async () => (await view(journeyId)).appointments[0].reminderSentAt !== null, "AP1's reminder, two seconds before it");
    const held = await eventually(async () => {
      const answer = await op('POST', `/journeys/${journeyId}/appointments/AP1/outcome`, { outcome: 'held', operatorId: OP });
      if (codeOf(answer) === 'APPOINTMENT_NOT_YET_HELD') return undefined;
      expect(answer.status).toBe(200);
      return answer.body;
    }, 'AP1 to be held once its time has come');
    expect(held.appointments[0].status).toBe('held');
    expect(held.lapses).toEqual([]);

    const plan = await op('POST', `/journeys/${journeyId}/services/path_definition/deliveries`, {
      operatorId: OP,
      hours: 2,
      outputs: { trainingNeeds: ['Forklift licence'], targetSectors: ['Logistics'], trainingModules: ['Safety'] },
      completesService: true,
    });
    expect(plan.status).toBe(200);
    const tutoring = await op('POST', `/journeys/${journeyId}/services/tutoring/deliveries`, { operatorId: OP, hours: 1, outputs: { topics: ['cv_update', 'interview_preparation'] } });
    expect(tutoring.status).toBe(200);
    const scouting = await op('POST', `/journeys/${journeyId}/services/job_search/deliveries`, { operatorId: OP, hours: 0.5, outputs: { offersFound: 4, applicationsSent: 2 } });
    expect(scouting.status).toBe(200);
    expect(scouting.body).toMatchObject({ totalServiceHours: 6.5, pendingServices: ['tutoring', 'job_search'] });

    // Offers: a suitable one accepted; another, not suitable, refused without consequence.
    const offered = await op('POST', `/journeys/${journeyId}/offers`, { employer: 'Logistica Piemonte S.r.l.', position: 'Magazziniere', suitable: true, communicatedBy: 'pec', operatorId: OP });
    expect(offered.status).toBe(201);
    expect(offered.body.offers.at(-1)).toMatchObject({ offerId: 'O1', suitable: true, response: null });
    const second = await op('POST', `/journeys/${journeyId}/offers`, { employer: 'Trasporti Sud', position: 'Autista', suitable: false, communicatedBy: 'email', operatorId: OP });
    expect(second.body.offers.at(-1).offerId).toBe('O2');
    const refused = await op('POST', `/journeys/${journeyId}/offers/O2/response`, { response: 'refused', operatorId: OP });
    expect(refused.status).toBe(200);
    expect(refused.body.lapses).toEqual([]);
    const accepted = await op('POST', `/journeys/${journeyId}/offers/O1/response`, { response: 'accepted', operatorId: OP });
    expect(accepted.status).toBe(200);
    expect(accepted.body.offers[0]).toMatchObject({ response: 'accepted' });

    // The placement closes the journey as placed.
    const placed = await op('POST', `/journeys/${journeyId}/placement`, { employer: 'Logistica Piemonte S.r.l.', contractType: 'permanent', startDate: today(), hoursPerWeek: 40, offerId: 'O1', operatorId: OP });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({
      stage: 'closed',
      status: 'closed',
      closure: { reason: 'placed', operatorId: OP },
      placement: { employer: 'Logistica Piemonte S.r.l.', contractType: 'permanent', startDate: today(), hoursPerWeek: 40, offerId: 'O1' },
    });
    expectError(await op('POST', `/journeys/${journeyId}/referrals`, { to: 'other', organisation: 'X', reason: 'Y', operatorId: OP }), 409, 'JOURNEY_CLOSED');
    expect((await view(journeyId)).closure.reason).toBe('placed');

    const timeline = await eventually(async () => {
      const events = await eventsOf(journeyId);
      return events.at(-1)?.type === 'JourneyClosed' ? events : undefined;
    }, 'the whole timeline to be projected');
    const types = timeline.map((e) => e.type);
    for (const type of [
      'ReferralMade',
      'ReferralOutcomeRecorded',
      'ServiceDelivered',
      'AppointmentScheduled',
      'AppointmentRescheduled',
      'AppointmentCancelled',
      'AppointmentReminderDue',
      'AppointmentHeld',
      'JobOfferRecorded',
      'OfferRefused',
      'OfferAccepted',
      'PlacementRecorded',
    ]) {
      expect(types).toContain(type);
    }
    expect(types.slice(-2)).toEqual(['PlacementRecorded', 'JourneyClosed']);
    expect(timeline.at(-1)!.data).toMatchObject({ reason: 'placed' });
  });

  it('amends the pact: a new version with the old one kept, and the moved due date is the one the journey watches', async () => {
    const journeyId = await startJourney();
    await intake(journeyId);
    await signPact(journeyId, [
      { kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' },
      { kind: 'workshop', description: 'Job-search workshop', dueDate: '2099-02-28' },
    ]);
    // Due a few seconds ahead (again if the journey, on a busy machine, sees that time already passed).
    const { amended, dueAt } = await eventually(async () => {
      const due = inSeconds(5);
      const answer = await op('POST', `/journeys/${journeyId}/pact/amendments`, {
        operatorId: OP,
        reason: 'Vacancies open this week',
        acceptance: { method: 'otp' },
        contactFrequency: 'P15D',
        changeActions: [{ actionId: 'A1', dueDate: due }],
        addActions: [{ kind: 'training', description: 'Safety course', dueDate: '2099-03-31' }],
        withdrawActionIds: ['A2'],
      });
      if (codeOf(answer) === 'INVALID_DATE') return undefined;
      expect(answer.status).toBe(200);
      return { amended: answer, dueAt: due };
    }, 'the pact to be amended with a due date a few seconds ahead');
    expect(amended.body.pact).toMatchObject({ version: 2, contactFrequency: 'P15D' });
    expect(amended.body.pactVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(amended.body.pactVersions[0].actions.find((a: { actionId: string }) => a.actionId === 'A1').dueAt).not.toBe(new Date(dueAt).toISOString());
    expect(amended.body.pactVersions[1]).toMatchObject({ amendedBy: OP, reason: 'Vacancies open this week' });
    expect(amended.body.actions.map((a: { actionId: string; status: string; dueAt: string }) => [a.actionId, a.status])).toEqual([
      ['A1', 'pending'],
      ['A2', 'withdrawn'],
      ['A3', 'pending'],
    ]);
    expect(amended.body.actions[0].dueAt).toBe(new Date(dueAt).toISOString());
    expect(amended.body.nextDeadline).toMatchObject({ kind: 'action_due', actionId: 'A1', at: new Date(dueAt).toISOString() });

    // The journey's timer follows the new due date: A1 is overdue seconds later instead of in 2099.
    const overdue = await eventually(async () => {
      const state = await view(journeyId);
      return state.actions[0].status === 'overdue' ? state : undefined;
    }, 'A1 to become overdue at its amended due date');
    expect(overdue.overdueActionCount).toBe(1);

    expectError(await op('POST', `/journeys/${journeyId}/pact/amendments`, { operatorId: OP, reason: 'Nothing' }), 400, 'INVALID_VALUE');
    expectError(await op('POST', `/journeys/${journeyId}/pact/amendments`, { operatorId: OP, reason: 'Again', withdrawActionIds: ['A2'] }), 409, 'PACT_ACTION_WITHDRAWN');
    expectError(await op('POST', `/journeys/${journeyId}/pact/amendments`, { operatorId: OP, reason: 'Unknown', changeActions: [{ actionId: 'A9', description: 'x' }] }), 404, 'PACT_ACTION_NOT_FOUND');
    expectError(await op('POST', `/journeys/${journeyId}/pact/amendments`, { operatorId: OP, reason: 'Past', changeActions: [{ actionId: 'A3', dueDate: '2020-01-01' }] }), 400, 'INVALID_DATE', [
      'changeActions[0].dueDate',
    ]);
    expect((await view(journeyId)).pact.version).toBe(2);
  });

  it('refuses bad input (400 by field), unknown things (404) and what the stage or catalogue does not allow (409), and writes nothing', async () => {
    const fresh = await startJourney({ benefit: true });
    const j = (path: string) => `/journeys/${fresh}${path}`;

    // 400: the API's own rules, each naming its fields.
    expectError(await op('POST', '/journeys', { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'A', familyName: 'B' }, programmeCode: FAST, officeId: OFFICE, didDate: today(), benefit: { kind: 'inps', applicationDate: '2026-02-30' } }), 400, 'VALIDATION_FAILED', ['benefit.kind', 'benefit.applicationDate']);
    expectError(await op('POST', j('/appointments'), { ...appointmentBody({ purpose: 'chat', channel: 'fax' }), at: 'tomorrow', extra: 1 }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(await op('POST', j('/appointments'), { ...appointmentBody({ purpose: 'chat', channel: 'fax' }), at: 'tomorrow', extra: 1 })).sort()).toEqual(['at', 'channel', 'extra', 'purpose']);
    expectError(await op('POST', j('/services/counselling/deliveries'), { operatorId: OP, hours: 1 }), 400, 'VALIDATION_FAILED', ['service']);
    expectError(await op('POST', j('/services/second_level_interview/deliveries'), { operatorId: OP, hours: 13 }), 400, 'VALIDATION_FAILED', ['hours']);
    expectError(await op('POST', j('/services/second_level_interview/deliveries'), { operatorId: OP, hours: 1, outputs: 'cv' }), 400, 'VALIDATION_FAILED', ['outputs']);
    expectError(await op('POST', j('/appointments/X1/cancel'), { operatorId: OP, reason: 'x' }), 400, 'VALIDATION_FAILED', ['appointmentId']);
    expectError(await op('POST', j('/offers/offer-1/response'), { response: 'accepted', operatorId: OP }), 400, 'VALIDATION_FAILED', ['offerId']);
    expectError(await op('POST', j('/lapses/L1/justification'), { reason: 'hangover', operatorId: OP }), 400, 'VALIDATION_FAILED', ['reason']);
    expectError(await op('POST', j('/conditionality-steps/S1/confirm'), { operatorId: 'op with spaces' }), 400, 'VALIDATION_FAILED', ['operatorId']);
    expectError(await op('POST', j('/referrals'), { to: 'church', organisation: '', reason: 'x', operatorId: OP }), 400, 'VALIDATION_FAILED');
    expectError(await op('POST', j('/placement'), { employer: 'X', contractType: 'gig', startDate: '2026-13-01', operatorId: OP }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(await op('POST', j('/placement'), { employer: 'X', contractType: 'gig', startDate: '2026-13-01', operatorId: OP })).sort()).toEqual(['contractType', 'startDate']);
    expectError(await op('POST', j('/close'), { reason: 'decadenza', operatorId: OP }), 409, 'CLOSURE_NOT_ALLOWED');
    expectError(await op('POST', j('/close'), { reason: 'path_completed', operatorId: OP }), 409, 'PATH_NOT_COMPLETED');

    // 409: what the stage does not allow yet.
    expectError(await op('POST', j('/services/second_level_interview/deliveries'), { operatorId: OP, hours: 1 }), 409, 'INTAKE_REQUIRED');
    expectError(await op('POST', j('/referrals'), { to: 'social_services', organisation: 'Comune', reason: 'Housing', operatorId: OP }), 409, 'INTAKE_REQUIRED');
    expectError(await op('POST', j('/placement'), { employer: 'X', contractType: 'permanent', startDate: today(), operatorId: OP }), 409, 'INTAKE_REQUIRED');
    await intake(fresh);
    expectError(await op('POST', j('/services/job_search/deliveries'), { operatorId: OP, hours: 1 }), 409, 'PACT_NOT_SIGNED');
    expectError(await op('POST', j('/offers'), { employer: 'X', position: 'Y', suitable: true, communicatedBy: 'pec', operatorId: OP }), 409, 'PACT_NOT_SIGNED');
    expectError(await op('POST', j('/pact/amendments'), { operatorId: OP, reason: 'Early' }), 409, 'PACT_NOT_SIGNED');
    expectError(await op('POST', j('/services/path_definition/deliveries'), { operatorId: OP, hours: 1 }), 409, 'SERVICE_PREREQUISITE_PENDING');
    expectError(await op('POST', j('/services/skills_assessment/deliveries'), { operatorId: OP, hours: 1 }), 409, 'SERVICE_NOT_IN_PROGRAMME');
    expectError(await op('POST', j('/appointments'), appointmentBody({ service: 'skills_assessment' })), 409, 'SERVICE_NOT_IN_PROGRAMME');
    // The journey's own value checks (400 naming the field).
    expectError(await op('POST', j('/services/second_level_interview/deliveries'), { operatorId: OP, hours: 1, outputs: { cv: 'x', scheda: 'y' } }), 400, 'INVALID_VALUE', ['outputs.scheda']);
    expectError(await op('POST', j('/services/second_level_interview/deliveries'), { operatorId: OP, hours: 1, outputs: { cv: 'CV' }, completesService: true }), 400, 'SERVICE_OUTPUTS_MISSING', ['outputs.developmentAreasSheet']);
    expectError(await op('POST', j('/appointments'), appointmentBody({ location: undefined })), 400, 'INVALID_VALUE', ['location']);
    expectError(await op('POST', j('/appointments'), appointmentBody({ at: '2020-01-01T09:00:00+01:00' })), 400, 'INVALID_DATE', ['at']);

    // 404: well-formed ids of nothing, and an unknown journey.
    expectError(await op('POST', j('/appointments/AP9/cancel'), { operatorId: OP, reason: 'x' }), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await op('POST', j('/offers/O9/response'), { response: 'accepted', operatorId: OP }), 404, 'OFFER_NOT_FOUND');
    expectError(await op('POST', j('/lapses/L9/justification'), { reason: 'illness_or_injury', operatorId: OP }), 404, 'LAPSE_NOT_FOUND');
    expectError(await op('POST', j('/conditionality-steps/S9/confirm'), { operatorId: OP }), 404, 'STEP_NOT_FOUND');
    expectError(await op('POST', j('/conditionality-steps/S9/dismiss'), { operatorId: OP, reason: 'x' }), 404, 'STEP_NOT_FOUND');
    expectError(await op('POST', j('/referrals/R9/outcome'), { outcome: 'completed', operatorId: OP }), 404, 'REFERRAL_NOT_FOUND');
    expectError(await op('POST', '/journeys/jrn_00000000000000000000000000000000/appointments', appointmentBody()), 404, 'JOURNEY_NOT_FOUND');

    // An appointment whose time has not come has no outcome yet.
    const later = await op('POST', j('/appointments'), appointmentBody());
    expect(later.status).toBe(201);
    expectError(await op('POST', j('/appointments/AP1/outcome'), { outcome: 'held', operatorId: OP }), 409, 'APPOINTMENT_NOT_YET_HELD');
    const seqBefore = (await view(fresh)).lastSeq;

    // Role and office scoping: an operator of another office, a supervisor of this one: 403 and nothing written.
    for (const [who, token] of [
      ['an operator of another office', foreignOperator],
      ['a supervisor', supervisor],
    ] as const) {
      const call = as(token);
      for (const [path, body] of [
        [j('/appointments'), appointmentBody()],
        [j('/appointments/AP1/cancel'), { operatorId: OP, reason: 'x' }],
        [j('/services/second_level_interview/deliveries'), { operatorId: OP, hours: 1 }],
        [j('/referrals'), { to: 'other', organisation: 'X', reason: 'Y', operatorId: OP }],
        [j('/placement'), { employer: 'X', contractType: 'permanent', startDate: today(), operatorId: OP }],
      ] as const) {
        const answer = await call('POST', path, body);
        expect([who, path, answer.status, codeOf(answer)]).toEqual([who, path, 403, 'FORBIDDEN']);
      }
    }
    expectError(await as(foreignOperator)('POST', '/journeys', { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'A', familyName: 'B' }, programmeCode: FAST, officeId: OFFICE, didDate: today(), benefit: { kind: 'naspi', applicationDate: today() } }), 403, 'FORBIDDEN');
    const after = await view(fresh);
    expect(after.lastSeq).toBe(seqBefore);
    expect(after.appointments.map((a: { status: string }) => a.status)).toEqual(['scheduled']);
    expect(after).toMatchObject({ referrals: [], placement: null, status: 'open', totalServiceHours: 0 });
  });

  it('proposes a step when a no-show is not justified in time; confirmed up the appointments ladder, the third is decadenza and closes the journey', async () => {
    const journeyId = await startJourney({ benefit: true });
    await intake(journeyId);

    // A first no-show whose step the operator dismisses: it does not count on the ladder.
    const first = await scheduleSoon(journeyId);
    const missed = await noShow(journeyId, first);
    expect(missed.lapses.at(-1)).toMatchObject({ lapseId: 'L1', ladder: 'appointments', status: 'awaiting_justification', convocationValid: true, appointmentId: first });
    const dismissedStep = await proposedStep(journeyId);
    expect(dismissedStep).toMatchObject({ stepId: 'S1', lapseId: 'L1', ladder: 'appointments', ordinal: 1, effect: 'quarter_month_cut' });
    const dismissed = await op('POST', `/journeys/${journeyId}/conditionality-steps/S1/dismiss`, { operatorId: OP, reason: 'Convocation reached the person late' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.conditionalitySteps[0]).toMatchObject({ status: 'dismissed', decidedBy: OP, decisionNote: 'Convocation reached the person late' });
    expect(dismissed.body.proposedStepCount).toBe(0);
    expectError(await op('POST', `/journeys/${journeyId}/conditionality-steps/S1/confirm`, { operatorId: OP }), 409, 'STEP_ALREADY_DECIDED');
    // The window of L1 is closed: a late excuse needs the end of an impediment.
    expectError(await op('POST', `/journeys/${journeyId}/lapses/L1/justification`, { reason: 'illness_or_injury', operatorId: OP }), 409, 'JUSTIFICATION_WINDOW_CLOSED');

    const ladder: [string, number, string][] = [
      ['S2', 1, 'quarter_month_cut'],
      ['S3', 2, 'one_month_cut'],
      ['S4', 3, 'decadenza'],
    ];
    let last: any;
    for (const [stepId, ordinal, effect] of ladder) {
      const appointmentId = await scheduleSoon(journeyId, { convocation: 'agreed_signed' });
      await noShow(journeyId, appointmentId);
      const step = await proposedStep(journeyId);
      expect(step).toMatchObject({ stepId, ordinal, effect, ladder: 'appointments' });
      const confirmed = await op('POST', `/journeys/${journeyId}/conditionality-steps/${stepId}/confirm`, { operatorId: OP, note: `Step ${ordinal}` });
      expect(confirmed.status).toBe(200);
      const decided = confirmed.body.conditionalitySteps.find((s: { stepId: string }) => s.stepId === stepId);
      expect(decided).toMatchObject({ status: 'confirmed', ordinal, effect, decidedBy: OP, decisionNote: `Step ${ordinal}` });
      // Rules edition 2: the appeal window runs from the notification (art. 21 c.12 D.lgs. 150/2015), not from the decision.
      expect(decided.appealDueAt).toBeNull();
      last = confirmed.body;
      if (effect !== 'decadenza') expect(last).toMatchObject({ status: 'open', proposedStepCount: 0 });
    }
    expect(last).toMatchObject({ status: 'closed', stage: 'closed', closure: { reason: 'decadenza', operatorId: OP } });
    expectError(await op('POST', `/journeys/${journeyId}/appointments`, appointmentBody()), 409, 'JOURNEY_CLOSED');

    const timeline = await eventually(async () => {
      const events = await eventsOf(journeyId);
      return events.at(-1)?.type === 'JourneyClosed' ? events : undefined;
    }, 'the decadenza to be projected');
    expect(timeline.filter((e) => e.type === 'ConditionalityStepConfirmed').map((e) => e.data.effect)).toEqual(['quarter_month_cut', 'one_month_cut', 'decadenza']);
    expect(timeline.filter((e) => e.type === 'LapseUnjustified').map((e) => e.data.noStepBecause)).toEqual([null, null, null, null]);
    expect(timeline.at(-1)!.data).toMatchObject({ reason: 'decadenza' });
  });

  it('never proposes a step after an invalid convocation (e-mail) or for a person without a benefit', async () => {
    const [byEmail, noBenefit] = await Promise.all([startJourney({ benefit: true }), startJourney({ benefit: false })]);
    await Promise.all([intake(byEmail), intake(noBenefit)]);
    const [emailAppointment, pecAppointment] = await Promise.all([scheduleSoon(byEmail, { convocation: 'email' }), scheduleSoon(noBenefit, { convocation: 'pec' })]);
    const [emailMissed, pecMissed] = await Promise.all([noShow(byEmail, emailAppointment), noShow(noBenefit, pecAppointment)]);
    expect(emailMissed.lapses[0]).toMatchObject({ convocationValid: false, status: 'awaiting_justification' });
    expect(pecMissed.lapses[0]).toMatchObject({ convocationValid: true, status: 'awaiting_justification' });

    for (const [journeyId, because] of [
      [byEmail, 'invalid_convocation'],
      [noBenefit, 'not_benefit_recipient'],
    ]) {
      const closedWindow = await eventually(
        async () => {
          const state = await view(journeyId);
          return state.lapses[0].status === 'unjustified' ? state : undefined;
        },
        `the justification window of ${journeyId} to close`,
        { timeoutMs: 90_000 },
      );
      expect(closedWindow).toMatchObject({ conditionalitySteps: [], proposedStepCount: 0, status: 'open' });
      const unjustified = await eventually(async () => (await eventsOf(journeyId)).find((e) => e.type === 'LapseUnjustified'), 'the closed window to be projected');
      expect(unjustified.data).toEqual({ lapseId: 'L1', noStepBecause: because });
      expect((await eventsOf(journeyId)).map((e) => e.type)).not.toContain('ConditionalityStepProposed');
    }
  });

  it('closes a no-show justified in time without consequence', async () => {
    const journeyId = await startJourney({ programme: PATIENT, benefit: true });
    await intake(journeyId);
    const appointmentId = await scheduleSoon(journeyId);
    const missed = await noShow(journeyId, appointmentId);
    const lapse = missed.lapses[0];
    expect(lapse).toMatchObject({ lapseId: 'L1', status: 'awaiting_justification' });
    expect(missed.nextDeadline).toMatchObject({ kind: 'justification_due', lapseId: 'L1', at: lapse.justificationDueAt });

    const justified = await op('POST', `/journeys/${journeyId}/lapses/L1/justification`, { reason: 'illness_or_injury', evidenceRef: 'PROT-2026-0042', operatorId: OP });
    expect(justified.status).toBe(200);
    expect(justified.body.lapses[0]).toMatchObject({ status: 'justified', justification: { reason: 'illness_or_injury', evidenceRef: 'PROT-2026-0042', operatorId: OP } });
    expect(justified.body.nextDeadline?.kind).not.toBe('justification_due');
    expectError(await op('POST', `/journeys/${journeyId}/lapses/L1/justification`, { reason: 'force_majeure', operatorId: OP }), 409, 'LAPSE_NOT_OPEN');

    // Past the instant the window would have closed, nothing followed.
    await eventually(() => Date.now() > Date.parse(lapse.justificationDueAt) + 3000, 'the window to have passed', { timeoutMs: 60_000 });
    const after = await view(journeyId);
    expect(after).toMatchObject({ conditionalitySteps: [], proposedStepCount: 0, status: 'open' });
    expect(after.lapses[0].status).toBe('justified');
    const types = (await eventsOf(journeyId)).map((e) => e.type);
    expect(types).toContain('LapseJustified');
    expect(types).not.toContain('LapseUnjustified');
    expect(types).not.toContain('ConditionalityStepProposed');
  });

  it('documents every new operation, its body and its error codes in OpenAPI', async () => {
    const { body: doc } = await admin('GET', '/docs-json');
    const operations: [string, string, string[]][] = [
      ['/journeys/{journeyId}/services/{service}/deliveries', '200', ['SERVICE_PREREQUISITE_PENDING', 'SERVICE_OUTPUTS_MISSING', 'SERVICE_NOT_IN_PROGRAMME']],
      ['/journeys/{journeyId}/appointments', '201', ['SERVICE_NOT_IN_PROGRAMME', 'INVALID_DATE']],
      ['/journeys/{journeyId}/appointments/{appointmentId}/reschedule', '200', ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_SCHEDULED']],
      ['/journeys/{journeyId}/appointments/{appointmentId}/cancel', '200', ['APPOINTMENT_NOT_FOUND']],
      ['/journeys/{journeyId}/appointments/{appointmentId}/outcome', '200', ['APPOINTMENT_NOT_YET_HELD']],
      ['/journeys/{journeyId}/offers', '201', ['PACT_NOT_SIGNED']],
      ['/journeys/{journeyId}/offers/{offerId}/response', '200', ['OFFER_NOT_FOUND', 'OFFER_ALREADY_ANSWERED']],
      ['/journeys/{journeyId}/lapses/{lapseId}/justification', '200', ['LAPSE_NOT_FOUND', 'LAPSE_NOT_OPEN', 'JUSTIFICATION_WINDOW_CLOSED']],
      ['/journeys/{journeyId}/conditionality-steps/{stepId}/confirm', '200', ['STEP_NOT_FOUND', 'STEP_ALREADY_DECIDED']],
      ['/journeys/{journeyId}/conditionality-steps/{stepId}/dismiss', '200', ['STEP_NOT_FOUND', 'STEP_ALREADY_DECIDED']],
      ['/journeys/{journeyId}/pact/amendments', '200', ['PACT_ACTION_WITHDRAWN', 'INVALID_DURATION']],
      ['/journeys/{journeyId}/referrals', '201', ['INTAKE_REQUIRED']],
      ['/journeys/{journeyId}/referrals/{referralId}/outcome', '200', ['REFERRAL_NOT_FOUND', 'REFERRAL_OUTCOME_RECORDED']],
      ['/journeys/{journeyId}/placement', '200', ['OFFER_NOT_FOUND']],
      ['/journeys/{journeyId}/close', '200', ['CLOSURE_NOT_ALLOWED', 'PATH_NOT_COMPLETED']],
    ];
    for (const [path, success, codes] of operations) {
      const post = doc.paths[path]?.post;
      expect([path, post?.tags]).toEqual([path, ['journeys']]);
      expect([path, Object.keys(post.responses)]).toEqual([path, expect.arrayContaining([success, '400'])]);
      expect(post.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\/\w+Body$/);
      const errors = Object.values(post.responses).map((r: any) => r.description).join('\n');
      for (const code of [...codes, 'FORBIDDEN', 'JOURNEY_NOT_FOUND', 'JOURNEY_CLOSED']) expect([path, errors]).toEqual([path, expect.stringContaining(`\`${code}\``)]);
    }
    const schemas = doc.components.schemas;
    expect(doc.paths['/journeys/{journeyId}/services/{service}/deliveries'].post.description).toContain('`second_level_interview`');
    expect(schemas.RecordServiceDeliveryBody.properties.outputs.type).toBe('object');
    expect(Object.keys(schemas.JourneyViewDto.properties)).toEqual(
      expect.arrayContaining(['appointments', 'nextAppointment', 'lapses', 'conditionalitySteps', 'proposedStepCount', 'pactVersions', 'serviceProgress', 'pendingServices', 'totalServiceHours', 'referrals', 'placement', 'benefit', 'firstContactDueAt']),
    );
    expect(schemas.CreateJourneyDto.properties).toHaveProperty('benefit');
    expect(schemas.SignPactBody.required).not.toContain('contactFrequency');
    expect(schemas.SignPactBody.properties.responsibleOperatorId.pattern).toBe('^[A-Za-z0-9._@-]{1,64}$');
    expect(Object.keys(schemas.JourneyClocksDto.properties)).toEqual([...CLOCK_NAMES]);
    expect(schemas.PublishCatalogueDto.properties).toHaveProperty('services');
    expect(schemas.JourneyEventDto.properties.type.enum).toEqual(expect.arrayContaining(['AppointmentMissed', 'ConditionalityStepProposed', 'PactAmended', 'PlacementRecorded']));
  });
});

describe('Idempotency-Key: a retried command is applied once', () => {
  /** A request as the office's operator with an `Idempotency-Key`. */
  async function withKey(key: string, method: string, path: string, body: unknown, token = operator): Promise<HttpAnswer> {
    const response = await fetch(`${product.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  it('the same appointment sent twice with one key is booked once, and both answers are the first outcome', async () => {
    const journeyId = await startJourney({ benefit: true });
    await intake(journeyId);
    const booking = { service: 'second_level_interview', purpose: 'interview', at: '2099-05-04T09:00:00+02:00', channel: 'phone', convocation: 'pec', operatorId: OP };
    const key = `retry-${uniqueSuffix()}`;
    const first = await withKey(key, 'POST', `/journeys/${journeyId}/appointments`, booking);
    const again = await withKey(key, 'POST', `/journeys/${journeyId}/appointments`, booking);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.appointments.map((a: { appointmentId: string }) => a.appointmentId)).toEqual(['AP1']);
    expect(again.body.lastSeq).toBe(first.body.lastSeq);
    // Another key is another command.
    const other = await withKey(`${key}-2`, 'POST', `/journeys/${journeyId}/appointments`, booking);
    expect(other.body.appointments.map((a: { appointmentId: string }) => a.appointmentId)).toEqual(['AP1', 'AP2']);
    const events = await eventually(async () => {
      const all = await eventsOf(journeyId);
      return all.filter((e) => e.type === 'AppointmentScheduled').length === 2 ? all : undefined;
    }, 'the two bookings in the timeline');
    expect(events.filter((e) => e.type === 'AppointmentScheduled')).toHaveLength(2);
  });

  it('a foundation command retried with its key answers 200 again instead of a conflict', async () => {
    const journeyId = await startJourney();
    const key = `intake-${uniqueSuffix()}`;
    const first = await withKey(key, 'POST', `/journeys/${journeyId}/intake`, { operatorId: OP });
    const again = await withKey(key, 'POST', `/journeys/${journeyId}/intake`, { operatorId: OP });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.intake).toEqual(first.body.intake);
    // Without the key the same command is a new one, and the journey refuses it.
    expectError(await op('POST', `/journeys/${journeyId}/intake`, { operatorId: OP }), 409, 'INTAKE_ALREADY_RECORDED');
  });

  it('a malformed key is refused, naming the header, and nothing is sent', async () => {
    const journeyId = await startJourney();
    const answer = await withKey('not a valid key!', 'POST', `/journeys/${journeyId}/intake`, { operatorId: OP });
    expectError(answer, 400, 'VALIDATION_FAILED', ['Idempotency-Key']);
    expect((await view(journeyId)).stage).toBe('awaiting_intake');
  });

  it('is documented on the commands in OpenAPI', async () => {
    const { body } = await admin('GET', '/docs-json');
    const headers = (op: { parameters?: { in: string; name: string }[] }) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    expect(headers(body.paths['/journeys/{journeyId}/appointments'].post)).toContain('Idempotency-Key');
    expect(headers(body.paths['/journeys/{journeyId}/intake'].post)).toContain('Idempotency-Key');
    expect(headers(body.paths['/journeys'].post)).not.toContain('Idempotency-Key');
  });
});
