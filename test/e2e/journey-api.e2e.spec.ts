import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, waitForWorker, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

let db: ThrowawayDatabase;
let product: ProductStack;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const api = <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body);

function newJourneyBody(officeId: string) {
  return {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Chiara', familyName: 'Esposito', email: 'chiara@example.org' },
    programmeCode: 'GOL-1',
    officeId,
    didDate: recentDidDate(),
  };
}

function pactBody(actions: { kind: string; description: string; dueDate: string }[]) {
  return {
    responsibleOperatorId: 'op-ferrari',
    profilingClass: 'medium',
    acceptance: { method: 'signed_in_person' },
    contactFrequency: 'P30D',
    jobSearchProof: 'Monthly report of applications sent',
    availability: { workshops: true, training: true, suitableOffers: true },
    actions,
  };
}

async function eventTypes(journeyId: string): Promise<string[]> {
  const { body } = await api<{ type: string }[]>('GET', `/journeys/${journeyId}/events`);
  return body.map((e) => e.type);
}

describe('the HTTP API, through the worker to the read model and back', () => {
  it('lets an operator drive a journey from the DID to placement, seeing live state and timeline at every step', async () => {
    const office = `CPI-NA-${Date.now()}`;
    const start = newJourneyBody(office);
    const created = await api('POST', '/journeys', start);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 'awaiting_intake', status: 'open' });
    const { journeyId } = created.body;
    expect(journeyId).toMatch(/^jrn_[0-9a-f]{32}$/);
    expect(journeyId).not.toContain(start.beneficiary.fiscalCode);

    const duplicate = await api('POST', '/journeys', start);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'JOURNEY_ALREADY_EXISTS', journeyId });

    const intake = await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-ferrari', notes: 'Reception interview held' });
    expect(intake.status).toBe(200);
    expect(intake.body.stage).toBe('awaiting_pact');

    const pact = await api('POST', `/journeys/${journeyId}/pact`, pactBody([
      { kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: inSeconds(15) },
      { kind: 'workshop', description: 'Job-search workshop', dueDate: '2099-01-31' },
    ]));
    expect(pact.status).toBe(200);
    expect(pact.body.stage).toBe('pact_active');
    expect(pact.body.actions.map((a: { actionId: string; status: string }) => [a.actionId, a.status])).toEqual([['A1', 'pending'], ['A2', 'pending']]);

    const completed = await api('POST', `/journeys/${journeyId}/pact/actions/A2/complete`, { operatorId: 'op-ferrari' });
    expect(completed.status).toBe(200);
    expect(completed.body.actions[1].status).toBe('completed');

    const overdue = await eventually(async () => {
      const { body } = await api('GET', `/journeys/${journeyId}`);
      return body.actions[0].status === 'overdue' ? body : undefined;
    }, 'A1 to become overdue by its timer');
    expect(overdue.overdueActionCount).toBe(1);

    const listed = await eventually(async () => {
      const { body } = await api('GET', `/journeys?officeId=${office}&overdue=true`);
      return body.total === 1 ? body : undefined;
    }, 'the read model to list the overdue journey');
    expect(listed.items[0]).toMatchObject({ journeyId, stage: 'pact_active', overdueActionCount: 1 });

    const closed = await api('POST', `/journeys/${journeyId}/close`, { reason: 'placed', operatorId: 'op-ferrari', details: 'Permanent contract' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ stage: 'closed', status: 'closed' });

    const after = await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-ferrari' });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('JOURNEY_CLOSED');

    // GOL-1 reminds two days ahead: A1, due in seconds, is inside that window as soon as the pact is signed, so its
    // reminder goes out right away (before or after A2's completion, whichever the journey handles first).
    await eventually(async () => (await eventTypes(journeyId)).length === 7 || undefined, 'the whole timeline to be projected');
    const timeline = await eventTypes(journeyId);
    expect(timeline.filter((t) => t !== 'PactActionReminderDue')).toEqual([
      'JourneyStarted',
      'IntakeRecorded',
      'PactSigned',
      'PactActionCompleted',
      'PactActionOverdue',
      'JourneyClosed',
    ]);
    expect(timeline.indexOf('PactActionReminderDue')).toBeGreaterThan(timeline.indexOf('PactSigned'));
    expect(timeline.indexOf('PactActionReminderDue')).toBeLessThan(timeline.indexOf('PactActionOverdue'));
    const final = await api('GET', `/journeys/${journeyId}`);
    expect(final.status).toBe(200);
    expect(final.body.closure).toMatchObject({ reason: 'placed', details: 'Permanent contract' });
  });

  it('refuses bad input and commands the stage does not allow, with stable codes, and writes nothing', async () => {
    const office = `CPI-RM-${Date.now()}`;
    const badCheck = newJourneyBody(office);
    const code = badCheck.beneficiary.fiscalCode;
    badCheck.beneficiary.fiscalCode = code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');
    const refusedStart = await api('POST', '/journeys', badCheck);
    expect(refusedStart.status).toBe(400);
    expect(refusedStart.body.error.code).toBe('VALIDATION_FAILED');
    expect(refusedStart.body.error.fields.map((f: { field: string }) => f.field)).toContain('beneficiary.fiscalCode');

    const unknownField = await api('POST', '/journeys', { ...newJourneyBody(office), surprise: true });
    expect(unknownField.status).toBe(400);
    const impossibleDate = await api('POST', '/journeys', { ...newJourneyBody(office), didDate: '2026-02-30' });
    expect(impossibleDate.status).toBe(400);
    expect(impossibleDate.body.error.fields.map((f: { field: string }) => f.field)).toContain('didDate');

    const { body: started } = await api('POST', '/journeys', newJourneyBody(office));
    const early = await api('POST', `/journeys/${started.journeyId}/pact`, pactBody([{ kind: 'training', description: 'Course', dueDate: '2099-01-01' }]));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INTAKE_REQUIRED');
    const badEnum = await api('POST', `/journeys/${started.journeyId}/close`, { reason: 'bored', operatorId: 'op-x' });
    expect(badEnum.status).toBe(400);

    expect((await api('GET', '/journeys/jrn_00000000000000000000000000000000')).status).toBe(404);
    expect((await api('GET', '/journeys/not-a-journey-id')).status).toBe(400);
    expect((await api('POST', '/journeys/jrn_00000000000000000000000000000000/intake', { operatorId: 'op-x' })).status).toBe(404);

    // Only the one valid start reached the engine: one journey, one event, still waiting for intake.
    await eventually(async () => (await eventTypes(started.journeyId)).length === 1 || undefined, 'the start to be projected');
    const { body: list } = await api('GET', `/journeys?officeId=${office}`);
    expect(list.total).toBe(1);
    expect((await api('GET', `/journeys/${started.journeyId}`)).body).toMatchObject({ stage: 'awaiting_intake', lastSeq: 1 });
  });

  it('survives the worker stopping mid-journey: a deadline that passes while it is down fires when it returns', async () => {
    const { body: started } = await api('POST', '/journeys', newJourneyBody(`CPI-BA-${Date.now()}`));
    const journeyId = started.journeyId;
    await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-conti' });
    const dueAt = inSeconds(6);
    const pact = await api('POST', `/journeys/${journeyId}/pact`, pactBody([{ kind: 'interview', description: 'Second-level interview', dueDate: dueAt }]));
    expect(pact.status).toBe(200);
    // The action is due within GOL-1's reminder window, so the reminder follows the pact at once.
    const beforeStop = ['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'PactActionReminderDue'];
    await eventually(async () => (await eventTypes(journeyId)).length === beforeStop.length || undefined, 'the pact and reminder to be projected');

    await product.worker.stop('SIGTERM');
    await eventually(() => Date.now() > Date.parse(dueAt) + 1000, 'the due instant to pass while the worker is down', { timeoutMs: 30_000 });
    // Nobody ran the timer yet: the timeline still ends with the reminder.
    expect(await eventTypes(journeyId)).toEqual(beforeStop);

    product.worker.start();
    await waitForWorker(product.worker);
    await eventually(async () => {
      const { body } = await api('GET', `/journeys/${journeyId}/events`);
      return body.some((e: { type: string }) => e.type === 'PactActionOverdue') || undefined;
    }, 'the overdue event after the worker came back');
    const { body: state } = await api('GET', `/journeys/${journeyId}`);
    expect(state.actions[0].status).toBe('overdue');
  });

  it('survives the worker being killed (SIGKILL) between commands: nothing lost, nothing duplicated', async () => {
    const { body: started } = await api('POST', '/journeys', newJourneyBody(`CPI-PA-${Date.now()}`));
    const journeyId = started.journeyId;
    await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-galli' });
    await api('POST', `/journeys/${journeyId}/pact`, pactBody([{ kind: 'training', description: 'Welding course', dueDate: '2099-06-30' }]));

    await product.worker.stop('SIGKILL');
    product.worker.start();
    await waitForWorker(product.worker);

    // A command sent while the new worker takes over may time out (503) yet still apply: a retry then meets
    // PACT_ACTION_ALREADY_COMPLETED, which is the idempotent outcome we want, never a second completion.
    await eventually(async () => {
      const answer = await api('POST', `/journeys/${journeyId}/pact/actions/A1/complete`, { operatorId: 'op-galli' });
      return answer.status === 200 || answer.body?.error?.code === 'PACT_ACTION_ALREADY_COMPLETED' || undefined;
    }, 'the command to be accepted by the restarted worker');
    const { body: state } = await api('GET', `/journeys/${journeyId}`);
    expect(state.actions[0].status).toBe('completed');
    await eventually(async () => (await eventTypes(journeyId)).length === 4 || undefined, 'the timeline to be projected');
    expect(await eventTypes(journeyId)).toEqual(['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'PactActionCompleted']);
  });
});
