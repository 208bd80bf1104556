import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { UpdateDefinition } from '@temporalio/common';
import { closeJourneyUpdate, completePactActionUpdate, getJourneyStateQuery, recordContactUpdate, recordIntakeUpdate, signPactUpdate, type SignPactInput } from '@sal/contracts';
import { romeDateOf } from '@sal/domain';
import { getFreePort, startEmbeddedPostgres, startTemporalDevServer, type EmbeddedPostgres, type TemporalDevServer } from '@sal/infra';
import { createDataSource } from '@sal/persistence';
import { journeySearchAttributeTypes } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { convergedAudit, eventTypes, report, restartWorker, stateMismatches, type DrillCounts } from '../support/drill-audit';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { http, startProduct, type HttpAnswer, type ProductStack } from '../support/services';
import { connectTestClient, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * Fault drills against real servers: a worker killed with SIGKILL mid-flight, the Temporal server stopped and started
 * again on its data file, PostgreSQL stopped and started again, and the same command sent twice (one after the other
 * and at once). Each drill counts its own office's journeys, events and read-model rows before and after the fault:
 * nothing may be lost and nothing duplicated, and every journey's live state must be what its recorded events say.
 *
 * The journeys run in a programme of the drill's own whose clocks are all off, so the only events are the ones the
 * drill's commands (and the due dates it picks) cause, and the counts can be exact.
 */

const NO_CLOCKS = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };
const FAR_FUTURE = '2099-06-30';

type Api = <T = any>(method: string, path: string, body?: unknown) => Promise<HttpAnswer<T>>;
const apiOf = (product: ProductStack): Api => (method, path, body) => http(product.baseUrl, method, path, body);

async function publishProgramme(api: Api, code: string): Promise<void> {
  const answer = await api('PUT', `/programmes/${code}`, { title: `Fault drill ${code}`, clocks: NO_CLOCKS });
  if (answer.status !== 200) throw new Error(`PUT /programmes/${code} answered ${answer.status} ${JSON.stringify(answer.body)}`);
}

function startBody(programmeCode: string, officeId: string, fiscalCode = randomFiscalCode()) {
  return {
    beneficiary: { fiscalCode, givenName: 'Giulia', familyName: 'Ferri', email: 'giulia.ferri@example.org' },
    programmeCode,
    officeId,
    didDate: romeDateOf(Date.now()),
  };
}

function pactBody(actions: { kind: string; description: string; dueDate: string }[]) {
  return {
    responsibleOperatorId: 'op-drill',
    profilingClass: 'medium',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    contactFrequency: 'P30D',
    availability: { workshops: true, training: true, suitableOffers: true },
    actions,
  };
}

const TWO_ACTIONS = [
  { kind: 'workshop', description: 'Job-search workshop', dueDate: FAR_FUTURE },
  { kind: 'training', description: 'Forklift course', dueDate: FAR_FUTURE },
];

async function startJourneys(api: Api, programmeCode: string, officeId: string, n: number): Promise<string[]> {
  const answers = await Promise.all(Array.from({ length: n }, () => api('POST', '/journeys', startBody(programmeCode, officeId))));
  for (const a of answers) if (a.status !== 201) throw new Error(`POST /journeys answered ${a.status} ${JSON.stringify(a.body)}`);
  return answers.map((a) => a.body.journeyId as string);
}

const codeOf = (a: HttpAnswer): string | undefined => a.body?.error?.code;
const summary = (answers: HttpAnswer[]): string[] => answers.map((a) => `${a.status}${codeOf(a) ? ` ${codeOf(a)}` : ''}`).sort();

// ---------------------------------------------------------------------------------------------------------------------
// a. worker killed with SIGKILL mid-flight; d. the same command twice
// ---------------------------------------------------------------------------------------------------------------------

describe('fault drills on the shared Temporal and PostgreSQL', () => {
  let db: ThrowawayDatabase;
  let product: ProductStack;
  let api: Api;
  const programmeCode = `FD-${uniqueSuffix().toUpperCase()}`;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    product = await startProduct(db.url);
    api = apiOf(product);
    await publishProgramme(api, programmeCode);
  }, 240_000);

  afterAll(async () => {
    try {
      await product?.stop();
    } finally {
      await db?.drop();
    }
  }, 120_000);

  it('a. worker killed (SIGKILL) in the middle of ten journeys: every accepted command has exactly one event, state = events', async () => {
    const office = `CPI-FD-KILL-${uniqueSuffix()}`;
    const journeyIds = await startJourneys(api, programmeCode, office, 10);
    const before = await convergedAudit(product.baseUrl, db.dataSource, office, journeyIds, { journeys: 10, events: 10, journeyRows: 10, pactActionRows: 0 });

    /**
     * Each journey gets four commands in a row (all journeys at once). A command answered 503 (the worker did not
     * answer in time: it may still be applied) is retried after reading the state; a retry that meets the command's
     * "already done" refusal is the idempotent outcome. Anything else is a failure of the drill. (Contacts are left
     * out here: two contacts are two facts, so a contact has no "already done" refusal to make its retry safe.)
     */
    const steps: { name: string; path: (id: string) => string; body: unknown; already: string; applied: (view: any) => boolean }[] = [
      { name: 'intake', path: (id) => `/journeys/${id}/intake`, body: { operatorId: 'op-drill' }, already: 'INTAKE_ALREADY_RECORDED', applied: (v) => v.intake !== null },
      { name: 'pact', path: (id) => `/journeys/${id}/pact`, body: pactBody(TWO_ACTIONS), already: 'PACT_ALREADY_SIGNED', applied: (v) => v.pact !== null },
      {
        name: 'complete A1',
        path: (id) => `/journeys/${id}/pact/actions/A1/complete`,
        body: { operatorId: 'op-drill' },
        already: 'PACT_ACTION_ALREADY_COMPLETED',
        applied: (v) => v.actions?.[0]?.status === 'completed',
      },
      {
        name: 'complete A2',
        path: (id) => `/journeys/${id}/pact/actions/A2/complete`,
        body: { operatorId: 'op-drill' },
        already: 'PACT_ACTION_ALREADY_COMPLETED',
        applied: (v) => v.actions?.[1]?.status === 'completed',
      },
    ];
    let accepted = 0;
    let inFlight = 0;
    const log: string[] = [];
    const failures: string[] = [];

    const runStep = async (journeyId: string, step: (typeof steps)[number]): Promise<void> => {
      let uncertain = false;
      const deadline = Date.now() + 240_000;
      for (let attempt = 1; Date.now() < deadline; attempt++) {
        let answer: HttpAnswer;
        inFlight++;
        try {
          answer = await api('POST', step.path(journeyId), step.body);
        } finally {
          inFlight--;
        }
        log.push(`${journeyId.slice(0, 10)} ${step.name} #${attempt}: ${answer.status} ${codeOf(answer) ?? ''}`);
        if (answer.status === 200) {
          accepted++;
          return;
        }
        if (answer.status === 503 && ['WORKER_UNAVAILABLE', 'TEMPORAL_UNAVAILABLE'].includes(codeOf(answer) ?? '')) {
          uncertain = true;
          const state = await api('GET', `/journeys/${journeyId}`);
          if (state.status === 200 && step.applied(state.body)) {
            accepted++;
            return;
          }
          continue;
        }
        if (uncertain && answer.status === 409 && codeOf(answer) === step.already) {
          accepted++;
          return;
        }
        failures.push(`${journeyId} ${step.name}: unexpected ${answer.status} ${JSON.stringify(answer.body)}`);
        return;
      }
      failures.push(`${journeyId} ${step.name}: not accepted within 240 s`);
    };
    const chains = Promise.all(
      journeyIds.map(async (id) => {
        for (const step of steps) await runStep(id, step);
      }),
    );

    // Kill the worker once about a third of the 40 commands are answered, while others are still in flight.
    await eventually(() => accepted >= 12 || undefined, 'a third of the commands to be answered', { timeoutMs: 120_000, intervalMs: 10 });
    const atKill = { accepted, inFlight };
    await product.worker.stop('SIGKILL');
    await restartWorker(product.worker);
    await chains;
    expect(failures).toEqual([]);
    expect(atKill.accepted).toBeLessThan(40);
    expect(atKill.inFlight).toBeGreaterThan(0);

    const after = await convergedAudit(product.baseUrl, db.dataSource, office, journeyIds, {
      journeys: 10,
      events: 50,
      journeyRows: 10,
      pactActionRows: 20,
    });
    for (const id of journeyIds) {
      expect(eventTypes(after, id)).toEqual(['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'PactActionCompleted', 'PactActionCompleted']);
    }
    expect(await stateMismatches(product.baseUrl, after)).toEqual([]);
    const retried = log.filter((l) => !/#1: 200/.test(l));
    report('a. worker SIGKILL', { before: before.counts, after: after.counts, killedWith: atKill, answersOtherThanFirstTry200: retried });
  }, 420_000);

  it('d. the same command twice, one after the other and at once: one success, the rest refused, one event per success', async () => {
    const office = `CPI-FD-TWICE-${uniqueSuffix()}`;
    const tally = new Map<string, number>();
    const accept = (kind: string, n = 1) => tally.set(kind, (tally.get(kind) ?? 0) + n);

    // One after the other.
    const seqBody = startBody(programmeCode, office);
    const first = await api('POST', '/journeys', seqBody);
    expect(first.status).toBe(201);
    accept('JourneyStarted');
    const seqId: string = first.body.journeyId;
    const again = await api('POST', '/journeys', seqBody);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'JOURNEY_ALREADY_EXISTS', journeyId: seqId });
    const twice = async (path: string, body: unknown, refusal: string, event: string) => {
      const one = await api('POST', path, body);
      const two = await api('POST', path, body);
      expect([one.status, two.status, codeOf(two)]).toEqual([200, 409, refusal]);
      accept(event);
    };
    await twice(`/journeys/${seqId}/intake`, { operatorId: 'op-drill' }, 'INTAKE_ALREADY_RECORDED', 'IntakeRecorded');
    await twice(`/journeys/${seqId}/pact`, pactBody(TWO_ACTIONS), 'PACT_ALREADY_SIGNED', 'PactSigned');
    await twice(`/journeys/${seqId}/pact/actions/A1/complete`, { operatorId: 'op-drill' }, 'PACT_ACTION_ALREADY_COMPLETED', 'PactActionCompleted');
    await twice(`/journeys/${seqId}/close`, { reason: 'placed', operatorId: 'op-drill' }, 'JOURNEY_CLOSED', 'JourneyClosed');

    // At once: five starts of the same person, five intakes, five pacts, two completions, three contacts, five closures.
    const parBody = startBody(programmeCode, office);
    const starts = await Promise.all(Array.from({ length: 5 }, () => api('POST', '/journeys', parBody)));
    expect(summary(starts)).toEqual(['201', '409 JOURNEY_ALREADY_EXISTS', '409 JOURNEY_ALREADY_EXISTS', '409 JOURNEY_ALREADY_EXISTS', '409 JOURNEY_ALREADY_EXISTS']);
    const parId: string = starts.find((a) => a.status === 201)!.body.journeyId;
    for (const a of starts.filter((s) => s.status === 409)) expect(a.body.error.journeyId).toBe(parId);
    accept('JourneyStarted');

    const atOnce = async (n: number, path: string, body: unknown) => summary(await Promise.all(Array.from({ length: n }, () => api('POST', `/journeys/${parId}${path}`, body))));
    expect(await atOnce(5, '/intake', { operatorId: 'op-drill' })).toEqual(['200', ...Array(4).fill('409 INTAKE_ALREADY_RECORDED')]);
    accept('IntakeRecorded');
    expect(await atOnce(5, '/pact', pactBody(TWO_ACTIONS))).toEqual(['200', ...Array(4).fill('409 PACT_ALREADY_SIGNED')]);
    accept('PactSigned');
    expect(await atOnce(2, '/pact/actions/A1/complete', { operatorId: 'op-drill' })).toEqual(['200', '409 PACT_ACTION_ALREADY_COMPLETED']);
    accept('PactActionCompleted');
    // Contacts are facts, not states: three contacts at once are three contacts.
    expect(await atOnce(3, '/contacts', { operatorId: 'op-drill', channel: 'email' })).toEqual(['200', '200', '200']);
    accept('ContactRecorded', 3);
    expect(await atOnce(5, '/close', { reason: 'withdrawn', operatorId: 'op-drill' })).toEqual(['200', ...Array(4).fill('409 JOURNEY_CLOSED')]);
    accept('JourneyClosed');

    const expectedEvents = [...tally.values()].reduce((a, b) => a + b, 0);
    const after = await convergedAudit(product.baseUrl, db.dataSource, office, [seqId, parId], {
      journeys: 2,
      events: expectedEvents,
      journeyRows: 2,
      pactActionRows: 4,
    });
    const recorded = new Map<string, number>();
    for (const id of [seqId, parId]) for (const t of eventTypes(after, id)) recorded.set(t, (recorded.get(t) ?? 0) + 1);
    expect(Object.fromEntries(recorded)).toEqual(Object.fromEntries(tally));
    expect(eventTypes(after, seqId)).toEqual(['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'PactActionCompleted', 'JourneyClosed']);
    expect(eventTypes(after, parId)).toEqual([
      'JourneyStarted',
      'IntakeRecorded',
      'PactSigned',
      'PactActionCompleted',
      'ContactRecorded',
      'ContactRecorded',
      'ContactRecorded',
      'JourneyClosed',
    ]);
    expect(await stateMismatches(product.baseUrl, after)).toEqual([]);
    report('d. same command twice', { acceptedCommands: Object.fromEntries(tally), after: after.counts });
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------------------------------
// b. Temporal stopped and started again on its data file
// ---------------------------------------------------------------------------------------------------------------------

describe('fault drill: the Temporal server stops and starts again on its SQLite file', () => {
  let dir: string;
  let dbFile: string;
  let port: number;
  let temporal: TemporalDevServer | undefined;
  let db: ThrowawayDatabase;
  let product: ProductStack;
  let api: Api;
  const programmeCode = `FD-${uniqueSuffix().toUpperCase()}`;
  const office = `CPI-FD-TEMPORAL-${uniqueSuffix()}`;

  const startTemporal = () =>
    startTemporalDevServer({ dbFile, port, uiPort: false, namespace: 'default', searchAttributes: journeySearchAttributeTypes() });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sal-drill-temporal-'));
    dbFile = join(dir, 'temporal.db');
    port = await getFreePort();
    temporal = await startTemporal();
    db = await createThrowawayDatabase();
    product = await startProduct(db.url, { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default' });
    api = apiOf(product);
    await publishProgramme(api, programmeCode);
  }, 300_000);

  afterAll(async () => {
    try {
      await product?.stop();
    } finally {
      try {
        await temporal?.stop();
      } finally {
        await db?.drop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);

  async function visibleJourneys(address: string): Promise<number> {
    const connection = await Connection.connect({ address });
    try {
      const client = new Client({ connection, namespace: 'default' });
      return (await client.workflow.count(`OfficeId = "${office}"`)).count;
    } finally {
      await connection.close();
    }
  }

  it('b. answers 503 while Temporal is down, then every journey is back, accepts commands, and a deadline that passed fires', async () => {
    const journeyIds = await startJourneys(api, programmeCode, office, 5);
    for (const id of journeyIds) expect((await api('POST', `/journeys/${id}/intake`, { operatorId: 'op-drill' })).status).toBe(200);
    // A1 falls due while Temporal is down; A2 much later.
    const dueAt = inSeconds(25);
    for (const id of journeyIds) {
      const pact = await api('POST', `/journeys/${id}/pact`, pactBody([
        { kind: 'interview', description: 'Second-level interview', dueDate: dueAt },
        { kind: 'workshop', description: 'CV workshop', dueDate: FAR_FUTURE },
      ]));
      expect(pact.status).toBe(200);
    }
    const before = await convergedAudit(product.baseUrl, db.dataSource, office, journeyIds, { journeys: 5, events: 15, journeyRows: 5, pactActionRows: 10 });
    expect(await visibleJourneys(temporal!.address)).toBe(5);

    await temporal!.stop();
    temporal = undefined;
    const stoppedAt = Date.now();
    expect(stoppedAt).toBeLessThan(Date.parse(dueAt));

    const [target] = journeyIds;
    const command = await api('POST', `/journeys/${target}/pact/actions/A2/complete`, { operatorId: 'op-drill' });
    expect([command.status, codeOf(command)]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
    const start = await api('POST', '/journeys', startBody(programmeCode, office));
    expect([start.status, codeOf(start)]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
    const live = await api('GET', `/journeys/${target}`);
    expect([live.status, codeOf(live)]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
    const health = await http(product.baseUrl, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', temporal: { status: 'down' }, database: { status: 'up' } });
    // Not ready (no traffic routed here) but alive (no restart: a new process would meet the same outage).
    expect((await http(product.baseUrl, 'GET', '/health/ready')).status).toBe(503);
    expect((await http(product.baseUrl, 'GET', '/health/live')).status).toBe(200);
    // The read model still answers lists.
    const listed = await api('GET', `/journeys?officeId=${office}`);
    expect([listed.status, listed.body.total]).toEqual([200, 5]);

    await eventually(() => Date.now() > Date.parse(dueAt) + 1000, 'A1 to fall due while Temporal is down', { timeoutMs: 60_000 });
    expect(product.worker.running).toBe(true);
    const outageMs = Date.now() - stoppedAt;

    temporal = await startTemporal();
    const restartedAt = Date.now();
    await eventually(async () => (await http(product.baseUrl, 'GET', '/health')).status === 200 || undefined, 'the API to see Temporal again', { timeoutMs: 180_000, intervalMs: 500 });
    const apiBackMs = Date.now() - restartedAt;
    expect(await visibleJourneys(temporal.address)).toBe(5);

    // Every journey is there, and the deadline that passed during the outage has fired.
    await eventually(async () => {
      const views = await Promise.all(journeyIds.map((id) => api('GET', `/journeys/${id}`)));
      return views.every((v) => v.status === 200 && v.body.stage === 'pact_active' && v.body.actions[0].status === 'overdue') || undefined;
    }, 'every journey back, A1 overdue', { timeoutMs: 180_000, intervalMs: 500 });
    const workerBackMs = Date.now() - restartedAt;
    // The command refused with 503 was not applied: A2 is still pending, and now it is accepted.
    for (const id of journeyIds) {
      const done = await api('POST', `/journeys/${id}/pact/actions/A2/complete`, { operatorId: 'op-drill' });
      expect([done.status, done.body.actions?.[1]?.status]).toEqual([200, 'completed']);
    }

    const after = await convergedAudit(product.baseUrl, db.dataSource, office, journeyIds, { journeys: 5, events: 25, journeyRows: 5, pactActionRows: 10 });
    for (const id of journeyIds) {
      expect(eventTypes(after, id)).toEqual(['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'PactActionOverdue', 'PactActionCompleted']);
    }
    expect(await stateMismatches(product.baseUrl, after)).toEqual([]);
    report('b. Temporal restart', { before: before.counts, after: after.counts, outageMs, apiBackMs, workerBackMs });
  }, 480_000);
});

// ---------------------------------------------------------------------------------------------------------------------
// c. PostgreSQL stopped and started again
// ---------------------------------------------------------------------------------------------------------------------

describe('fault drill: PostgreSQL stops and starts again', () => {
  let dataDir: string;
  let port: number;
  let pg: EmbeddedPostgres | undefined;
  let dataSource: DataSource | undefined;
  let product: ProductStack;
  let api: Api;
  let temporalClient: TestTemporal;
  const programmeCode = `FD-${uniqueSuffix().toUpperCase()}`;
  const office = `CPI-FD-PG-${uniqueSuffix()}`;

  const startPostgres = () => startEmbeddedPostgres({ dataDir, port, database: 'sal_drill' });
  const openDataSource = async (url: string) => createDataSource(url, { extra: { max: 2 } }).initialize();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sal-drill-pg-'));
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
    chmodSync(dataDir, 0o755);
    port = await getFreePort();
    pg = await startPostgres();
    dataSource = await openDataSource(pg.url);
    await dataSource.runMigrations({ transaction: 'each' });
    product = await startProduct(pg.url);
    api = apiOf(product);
    await publishProgramme(api, programmeCode);
    temporalClient = await connectTestClient(dataSource);
  }, 300_000);

  afterAll(async () => {
    try {
      await product?.stop();
    } finally {
      try {
        await temporalClient?.close();
        if (dataSource?.isInitialized) await dataSource.destroy();
        await pg?.stop();
      } finally {
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }, 120_000);

  /** The attempt of the journey's pending projection activity (0 when none is pending): `applySideEffects` for journeys
   * started since one activity writes a batch (issue 17), `projectJourney` for runs recorded before. */
  async function projectionAttempt(journeyId: string): Promise<number> {
    const description = await temporalClient.client.workflow.getHandle(journeyId).describe();
    const pending = description.raw.pendingActivities ?? [];
    return Math.max(0, ...pending.filter((a) => PROJECTION_ACTIVITIES.includes(a.activityType?.name ?? '')).map((a) => a.attempt ?? 0));
  }

  const PROJECTION_ACTIVITIES = ['applySideEffects', 'projectJourney'];

  it('c. journeys keep working while PostgreSQL is down, API commands are carried out (their audit buffered), read-model reads answer 503, and the read model catches up afterwards', async () => {
    const journeyIds = await startJourneys(api, programmeCode, office, 4);
    const [j1, j2, j3, j4] = journeyIds;
    for (const id of [j1, j2]) expect((await api('POST', `/journeys/${id}/intake`, { operatorId: 'op-drill' })).status).toBe(200);
    const expected: DrillCounts = { journeys: 4, events: 6, journeyRows: 4, pactActionRows: 0 };
    const before = await convergedAudit(product.baseUrl, dataSource!, office, journeyIds, expected);
    // The client holds the journeys' payload data keys, as their worker does, once it has read each state (issue 15):
    // with them it seals and opens their payloads while PostgreSQL, where the keys are kept, is down.
    for (const id of journeyIds) await temporalClient.client.workflow.getHandle(id).query(getJourneyStateQuery);

    await dataSource!.destroy();
    await pg!.stop();
    pg = undefined;
    const stoppedAt = Date.now();

    // A command through the API needs only Temporal too (issue 17: the caller's offices travel with it, its audit
    // entries are written while it runs): with PostgreSQL down it is carried out and answered once its entries are in
    // the API's durable buffer, replayed when PostgreSQL is back.
    const carried = await api('POST', `/journeys/${j3}/intake`, { operatorId: 'op-drill' });
    expect(carried.status).toBe(200);
    expect((await api('GET', `/journeys/${j3}`)).body.stage).toBe('awaiting_pact');
    // The journeys themselves need only Temporal: commands that reach them (here straight from a client with the
    // product's codec) are decided and recorded, and their projections wait for PostgreSQL.
    const send = <I>(id: string, update: UpdateDefinition<unknown, [I]>, input: I) => temporalClient.client.workflow.getHandle(id).executeUpdate(update, { args: [input] });
    await send(j1, signPactUpdate, pactBody(TWO_ACTIONS) as SignPactInput);
    await send(j1, completePactActionUpdate, { actionId: 'A1', operatorId: 'op-drill' });
    await send(j2, signPactUpdate, pactBody(TWO_ACTIONS) as SignPactInput);
    await send(j2, recordContactUpdate, { operatorId: 'op-drill', channel: 'in_person' });
    await send(j4, recordIntakeUpdate, { operatorId: 'op-drill' });
    await send(j4, closeJourneyUpdate, { reason: 'transferred', operatorId: 'op-drill' });
    // Live state comes from the workflows.
    for (const id of journeyIds) {
      const live = await api('GET', `/journeys/${id}`);
      expect([live.status, live.body.source]).toEqual([200, 'workflow']);
    }
    expect((await api('GET', `/journeys/${j4}`)).body).toMatchObject({ stage: 'closed', status: 'closed' });
    // Reads of the read model say it is unavailable, never 500.
    for (const path of [
      `/journeys?officeId=${office}`,
      `/journeys/${j1}/events`,
      `/supervisor/stalled-cases?officeId=${office}`,
      `/supervisor/overdue-actions?officeId=${office}`,
      `/supervisor/kpis?officeId=${office}`,
    ]) {
      const answer = await api('GET', path);
      expect([path, answer.status, codeOf(answer)]).toEqual([path, 503, 'READ_MODEL_UNAVAILABLE']);
    }
    const health = await http(product.baseUrl, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', temporal: { status: 'up' }, database: { status: 'down' } });
    expect((await http(product.baseUrl, 'GET', '/health/ready')).status).toBe(503);
    expect((await http(product.baseUrl, 'GET', '/health/live')).status).toBe(200);
    // The projections of those commands are failing and being retried with back-off, not given up: PostgreSQL stays
    // down until every journey's projection has failed three times (1 s + 2 s of back-off at least).
    const attempts = await eventually(async () => {
      const seen = await Promise.all(journeyIds.map(projectionAttempt));
      return seen.every((n) => n >= 4) ? seen : undefined;
    }, 'every journey to retry its projection three times', { timeoutMs: 90_000, intervalMs: 500 });
    expect(product.worker.running).toBe(true);
    const outageMs = Date.now() - stoppedAt;

    pg = await startPostgres();
    const restartedAt = Date.now();
    dataSource = await openDataSource(pg.url);
    const after = await convergedAudit(product.baseUrl, dataSource, office, journeyIds, { journeys: 4, events: 13, journeyRows: 4, pactActionRows: 4 }, { timeoutMs: 180_000 });
    const convergedMs = Date.now() - restartedAt;
    expect(eventTypes(after, j1)).toEqual(['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'PactActionCompleted']);
    expect(eventTypes(after, j2)).toEqual(['JourneyStarted', 'IntakeRecorded', 'PactSigned', 'ContactRecorded']);
    expect(eventTypes(after, j3)).toEqual(['JourneyStarted', 'IntakeRecorded']);
    expect(eventTypes(after, j4)).toEqual(['JourneyStarted', 'IntakeRecorded', 'JourneyClosed']);
    expect(await stateMismatches(product.baseUrl, after)).toEqual([]);
    const health2 = await http(product.baseUrl, 'GET', '/health');
    expect(health2.status).toBe(200);
    expect((await http(product.baseUrl, 'GET', '/health/ready')).status).toBe(200);
    report('c. PostgreSQL restart', { before: before.counts, after: after.counts, outageMs, projectionAttemptsDuringOutage: attempts, convergedMs });
  }, 480_000);
});
