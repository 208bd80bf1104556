import { WorkflowUpdateFailedError } from '@temporalio/client';
import { journeyCommandUpdate, recordIntakeUpdate } from '@sal/contracts';
import { romeDateOf, type GenericJourneyCommand, type JourneyView } from '@sal/domain';
import { ProgrammeCatalogues } from '@sal/persistence';
import { tokenFor } from '../support/auth';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { connectTestClient, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/**
 * The supervisors' views of the six services over HTTP, against the built API and worker: appointments, conditionality
 * steps and services delivered. Journeys start through `POST /journeys`; the commands of the six services go to the
 * journey workflow directly as `journeyCommand` updates (their HTTP endpoints are another feature), and the journeys'
 * own timers (a test catalogue whose clocks are seconds) close the justification window. Every answer comes from the
 * read model, so the tests wait for it to catch up.
 *
 * The tests run in order and share the journeys the first one drives.
 */

let db: ThrowawayDatabase;
let product: ProductStack;
let temporal: TestTemporal;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
  temporal = await connectTestClient(db.dataSource);
});

afterAll(async () => {
  await temporal?.close();
  await product?.stop();
  await db?.drop();
});

const suffix = uniqueSuffix().toUpperCase();
const programmeCode = `TEST-SVC-${suffix}`;
const office = `CPI-SS-${suffix}`;
const otherOffice = `CPI-SO-${suffix}`;
const OPERATOR = 'op-servizi';

const api = <T = any>(method: string, path: string, body?: unknown, token?: string | null) =>
  token === undefined ? http<T>(product.baseUrl, method, path, body) : http<T>(product.baseUrl, method, path, body, token);
const supervisor = tokenFor('supervisor', [office], 'sup-servizi');
const fieldsOf = (body: any): string[] => (body?.error?.fields ?? []).map((f: { field: string }) => f.field);

async function get(path: string, token = supervisor): Promise<any> {
  const answer = await api('GET', path, undefined, token);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function startJourney(officeId: string, benefit = false): Promise<string> {
  const started = await api('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Chiara', familyName: 'Esposito' },
    programmeCode,
    officeId,
    didDate: romeDateOf(Date.now()),
    ...(benefit ? { benefit: { kind: 'naspi', applicationDate: romeDateOf(Date.now()) } } : {}),
  });
  expect(started.status).toBe(201);
  return started.body.journeyId;
}

function handle(journeyId: string) {
  return temporal.client.workflow.getHandle(journeyId);
}

/** One of the six services' commands, as the journey's `journeyCommand` update. */
function command(journeyId: string, c: GenericJourneyCommand): Promise<JourneyView> {
  return handle(journeyId).executeUpdate(journeyCommandUpdate, { args: [c] });
}

async function intake(journeyId: string): Promise<void> {
  await handle(journeyId).executeUpdate(recordIntakeUpdate, { args: [{ operatorId: OPERATOR }] });
}

/** Retries a command the journey refuses until its time has come (an outcome is recorded after the appointment). */
function once(journeyId: string, c: GenericJourneyCommand, description: string): Promise<JourneyView> {
  return eventually(async () => {
    try {
      return await command(journeyId, c);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && /APPOINTMENT_NOT_YET_HELD|its outcome comes after/.test(String(error.cause?.message ?? error.message))) {
        return undefined;
      }
      throw error;
    }
  }, description, { timeoutMs: 30_000, intervalMs: 500 });
}

const journeys = { sanctioned: '', attended: '', elsewhere: '' };
/** Instants between which the test's appointments fall. */
let testStart = '';

describe('supervisor views of appointments, conditionality steps and services over HTTP', () => {
  it('lists appointments with their outcome and convocation, filtered, sorted and paginated, per office', async () => {
    testStart = new Date().toISOString();
    await new ProgrammeCatalogues(db.dataSource).publish({
      code: programmeCode,
      title: 'Test programme, second clocks, services',
      clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, justificationWindow: 'PT3S', appealWindow: 'PT30S' },
      services: null,
      workingDayClocks: [],
    });

    // A NASpI recipient convened by PEC to an interview (missed) and by e-mail to a workshop.
    journeys.sanctioned = await startJourney(office, true);
    await intake(journeys.sanctioned);
    const interviewAt = inSeconds(5);
    await command(journeys.sanctioned, {
      type: 'ScheduleAppointment',
      service: 'second_level_interview',
      purpose: 'interview',
      at: interviewAt,
      channel: 'in_person',
      location: 'CPI, sala 3',
      convocation: 'pec',
      operatorId: OPERATOR,
    });
    await command(journeys.sanctioned, {
      type: 'ScheduleAppointment',
      service: 'second_level_interview',
      purpose: 'workshop',
      at: inSeconds(3600),
      channel: 'video',
      convocation: 'email',
      operatorId: 'op-altro',
    });
    await command(journeys.sanctioned, { type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: OPERATOR, hours: 1.5 });

    // No benefit: an interview agreed and signed (held), one cancelled, hours of the interview and of the plan.
    journeys.attended = await startJourney(office);
    await intake(journeys.attended);
    await command(journeys.attended, { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'interview', at: inSeconds(4), channel: 'phone', convocation: 'agreed_signed', operatorId: OPERATOR });
    await command(journeys.attended, { type: 'ScheduleAppointment', service: 'path_definition', purpose: 'activation', at: inSeconds(7200), channel: 'phone', convocation: 'registered_letter', operatorId: OPERATOR });
    await command(journeys.attended, { type: 'CancelAppointment', appointmentId: 'AP2', operatorId: OPERATOR, reason: 'Person asked to move it' });
    await command(journeys.attended, { type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: OPERATOR, hours: 2 });
    await command(journeys.attended, { type: 'RecordServiceDelivery', service: 'path_definition', operatorId: OPERATOR, hours: 1 });

    // Another office's journey, which the office's supervisor never sees.
    journeys.elsewhere = await startJourney(otherOffice);
    await intake(journeys.elsewhere);
    await command(journeys.elsewhere, { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'interview', at: inSeconds(600), channel: 'phone', convocation: 'pec', operatorId: OPERATOR });

    await once(journeys.attended, { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'held', operatorId: OPERATOR }, 'the held interview to be recorded');
    await once(journeys.sanctioned, { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: OPERATOR }, 'the no-show to be recorded');

    const all = await eventually(async () => {
      const page = await get(`/supervisor/appointments?officeId=${office}`);
      const statuses = page.items.map((a: any) => a.status).sort();
      return page.total === 4 && JSON.stringify(statuses) === JSON.stringify(['cancelled', 'held', 'no_show', 'scheduled']) ? page : undefined;
    }, 'the four appointments with their outcomes in the read model');
    expect(all.items.map((a: any) => a.at)).toEqual([...all.items.map((a: any) => a.at)].sort());
    const missed = all.items.find((a: any) => a.status === 'no_show');
    expect(missed).toMatchObject({
      journeyId: journeys.sanctioned,
      appointmentId: 'AP1',
      officeId: office,
      programmeCode,
      service: 'second_level_interview',
      purpose: 'interview',
      at: new Date(interviewAt).toISOString(),
      channel: 'in_person',
      location: 'CPI, sala 3',
      convocation: 'pec',
      convocationValid: true,
      operatorId: OPERATOR,
      rescheduledCount: 0,
      givenName: 'Chiara',
      familyName: 'Esposito',
    });
    expect(missed.closedAt).toEqual(expect.any(String));
    expect(all.items.find((a: any) => a.status === 'cancelled')).toMatchObject({ journeyId: journeys.attended, appointmentId: 'AP2', cancellationReason: 'Person asked to move it', convocationValid: true });

    const q = (query: string) => get(`/supervisor/appointments?officeId=${office}${query}`);
    expect((await q('&status=no_show')).items.map((a: any) => [a.journeyId, a.appointmentId])).toEqual([[journeys.sanctioned, 'AP1']]);
    expect((await q('&convocationValid=false')).items.map((a: any) => [a.journeyId, a.appointmentId, a.convocation])).toEqual([[journeys.sanctioned, 'AP2', 'email']]);
    expect((await q('&purpose=workshop&service=second_level_interview')).total).toBe(1);
    expect((await q('&service=path_definition')).items.map((a: any) => a.status)).toEqual(['cancelled']);
    expect((await q('&operatorId=op-altro')).total).toBe(1);
    expect((await q(`&programmeCode=${programmeCode}`)).total).toBe(4);
    // The period: instants as given (`to` exclusive); both interviews fall in the first minute.
    const firstMinute = await q(`&from=${encodeURIComponent(testStart)}&to=${encodeURIComponent(inSeconds(60))}`);
    expect(firstMinute.items.map((a: any) => a.status).sort()).toEqual(['held', 'no_show']);
    const later = await q(`&from=${encodeURIComponent(inSeconds(60))}`);
    expect(later.items.map((a: any) => a.status).sort()).toEqual(['cancelled', 'scheduled']);
    // A Rome calendar day as `to` includes that whole day.
    const yesterday = romeDateOf(Date.now() - 86_400_000);
    expect((await q(`&to=${yesterday}`)).total).toBe(0);

    const latest = await q('&sort=latest&pageSize=3');
    expect(latest.items.map((a: any) => a.at)).toEqual([...all.items].reverse().slice(0, 3).map((a: any) => a.at));
    expect(latest).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    const pages = [await q('&pageSize=3&page=1'), await q('&pageSize=3&page=2')];
    expect(pages.map((p) => p.items.length)).toEqual([3, 1]);
    expect(pages.flatMap((p) => p.items.map((a: any) => `${a.journeyId}/${a.appointmentId}`))).toEqual(all.items.map((a: any) => `${a.journeyId}/${a.appointmentId}`));
    expect(await q('&page=50')).toMatchObject({ items: [], page: 50, total: 4 });

    // Two offices in one request; the other office alone.
    const admin = await api('GET', `/supervisor/appointments?officeId=${office}&officeId=${otherOffice}`);
    expect(admin.body.total).toBe(5);
    expect((await api('GET', `/supervisor/appointments?officeId=${otherOffice}`)).body.items.map((a: any) => a.journeyId)).toEqual([journeys.elsewhere]);
  });

  it('lists the conditionality step proposed when the justification window closes, then its confirmation and appeal deadline', async () => {
    const proposed = await eventually(async () => {
      const page = await get(`/supervisor/conditionality-steps?officeId=${office}&status=proposed`);
      return page.items.find((s: any) => s.journeyId === journeys.sanctioned);
    }, 'the step proposed after the unjustified no-show', { timeoutMs: 30_000 });
    expect(proposed).toMatchObject({
      stepId: 'S1',
      officeId: office,
      programmeCode,
      lapseId: 'L1',
      ladder: 'appointments',
      ordinal: 1,
      effect: 'quarter_month_cut',
      status: 'proposed',
      daysWaiting: 0,
      decidedAt: null,
      decidedBy: null,
      appealDueAt: null,
      appointmentId: 'AP1',
      offerId: null,
      benefitKind: 'naspi',
      operatorId: OPERATOR,
      givenName: 'Chiara',
    });
    // Only the benefit recipient's no-show leads to a step.
    expect((await get(`/supervisor/conditionality-steps?officeId=${office}`)).total).toBe(1);
    expect((await get(`/supervisor/conditionality-steps?officeId=${office}&ladder=training`)).total).toBe(0);
    expect((await get(`/supervisor/kpis?officeId=${office}`)).proposedSteps).toBe(1);

    const view = await command(journeys.sanctioned, { type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: 'op-responsabile', note: 'No justification received' });
    expect(view.conditionalitySteps[0].status).toBe('confirmed');
    const confirmed = await eventually(async () => {
      const page = await get(`/supervisor/conditionality-steps?officeId=${office}&status=confirmed&effect=quarter_month_cut`);
      return page.items[0];
    }, 'the confirmed step in the read model');
    expect(confirmed).toMatchObject({ journeyId: journeys.sanctioned, stepId: 'S1', decidedBy: 'op-responsabile', daysWaiting: null });
    // Rules edition 2: no appeal deadline until the decision is notified (art. 21 c.12 D.lgs. 150/2015).
    expect(confirmed).toMatchObject({ appealDueAt: null, notifiedAt: null, appealPending: false, appealOutcome: null });
    expect(view.conditionalitySteps[0].appealDueAt).toBeNull();
    expect((await get(`/supervisor/conditionality-steps?officeId=${office}&status=proposed`)).total).toBe(0);
    expect((await get(`/supervisor/conditionality-steps?officeId=${office}&from=${romeDateOf(Date.now() + 2 * 86_400_000)}`)).total).toBe(0);
    const kpis = await get(`/supervisor/kpis?officeId=${office}&from=${romeDateOf(Date.parse(testStart))}&to=${romeDateOf(Date.now())}`);
    expect(kpis).toMatchObject({ proposedSteps: 0, confirmedSteps: 1, annulledSteps: 0, appealsPending: 0, stepsAwaitingNotification: 1 });
  });

  it('counts journeys and hours per service, and per programme', async () => {
    const services = await eventually(async () => {
      const page = await get(`/supervisor/services?officeId=${office}`);
      const interview = page.items.find((s: any) => s.service === 'second_level_interview');
      return interview?.hours === 3.5 ? page : undefined;
    }, 'the hours delivered in the read model');
    // The catalogue lists no services: the lines are the services the journeys started (reception by the intake).
    expect(services.items.map((s: any) => [s.service, s.programmeCode, s.journeys, s.notStarted, s.inProgress, s.completed, s.hours, s.sessions, s.averageHours])).toEqual([
      ['reception', null, 2, 0, 0, 2, 0, 0, 0],
      ['second_level_interview', null, 2, 0, 2, 0, 3.5, 2, 1.8],
      ['path_definition', null, 1, 0, 1, 0, 1, 1, 1],
    ]);
    expect(services).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    const byProgramme = await get(`/supervisor/services?officeId=${office}&byProgramme=true&service=path_definition`);
    expect(byProgramme.items).toEqual([expect.objectContaining({ service: 'path_definition', programmeCode, journeys: 1, hours: 1 })]);
    expect(await get(`/supervisor/services?officeId=${office}&pageSize=2&page=2`)).toMatchObject({ total: 3, items: [{ service: 'path_definition' }] });
    expect((await get(`/supervisor/services?officeId=${office}&journeyStatus=closed`)).total).toBe(0);
    expect((await get(`/supervisor/services?officeId=${office}&programmeCode=GOL-1`)).total).toBe(0);

    const kpis = await get(`/supervisor/kpis?officeId=${office}`);
    expect(kpis.serviceHours).toEqual({ reception: 0, second_level_interview: 3.5, path_definition: 1, skills_assessment: 0, tutoring: 0, job_search: 0 });
    expect(kpis).toMatchObject({ placementsByProgramme: {}, confirmedSteps: 1 });
  });

  it("keeps each supervisor to their offices and roles (403), refuses malformed filters (400), and records every access", async () => {
    for (const path of ['/supervisor/appointments', '/supervisor/conditionality-steps', '/supervisor/services']) {
      const outside = await api('GET', `${path}?officeId=${otherOffice}`, undefined, supervisor);
      expect(outside.status).toBe(403);
      expect(outside.body.error.code).toBe('FORBIDDEN');
      expect((await api('GET', `${path}?officeId=${office}&officeId=${otherOffice}`, undefined, supervisor)).status).toBe(403);
      expect((await api('GET', `${path}?officeId=${office}`, undefined, tokenFor('operator', [office], 'op-servizi'))).status).toBe(403);
      expect((await api('GET', `${path}?officeId=${office}`, undefined, tokenFor('regional_supervisor', ['*'], 'reg-servizi'))).status).toBe(200);
      expect((await api('GET', `${path}?officeId=${office}`, undefined, null)).status).toBe(401);
      const unscoped = await api('GET', path, undefined, supervisor);
      expect(unscoped.status).toBe(400);
      expect(fieldsOf(unscoped.body)).toEqual(['officeId']);
      expect(fieldsOf((await api('GET', `${path}?officeId=${office}&pageSize=101`)).body)).toEqual(['pageSize']);
    }
    const bad = (path: string) => api('GET', path, undefined, supervisor).then((a) => (a.status === 400 ? fieldsOf(a.body) : [`status ${a.status}`]));
    expect(await bad(`/supervisor/appointments?officeId=${office}&status=missed&convocationValid=maybe&sort=oldest`)).toEqual(['status', 'convocationValid', 'sort']);
    expect(await bad(`/supervisor/appointments?officeId=${office}&from=2026-03-02&to=2026-03-01`)).toEqual(['to']);
    expect(await bad(`/supervisor/appointments?officeId=${office}&from=yesterday`)).toEqual(['from']);
    expect(await bad(`/supervisor/conditionality-steps?officeId=${office}&status=pending&ladder=offers&effect=fine`)).toEqual(['status', 'ladder', 'effect']);
    expect(await bad(`/supervisor/services?officeId=${office}&service=coaching&byProgramme=yes&journeyStatus=paused`)).toEqual(['service', 'journeyStatus', 'byProgramme']);

    const audit = await eventually(async () => {
      const { body } = await api('GET', '/audit?subject=sup-servizi&pageSize=200');
      const routes = new Set(body.items.map((e: any) => `${e.route} ${e.status}`));
      return ['/supervisor/appointments 200', '/supervisor/conditionality-steps 200', '/supervisor/services 200', '/supervisor/appointments 403'].every((r) => routes.has(r))
        ? body
        : undefined;
    }, "the supervisor's reads in the audit log");
    // The request for the other office alone is recorded with that office (a request naming several records the first).
    const refused = audit.items.find((e: any) => e.route === '/supervisor/services' && e.status === 403 && e.officeId === otherOffice);
    expect(refused).toMatchObject({ role: 'supervisor', offices: [office], method: 'GET', outcome: 'refused' });
  });

  it('documents the new operations in OpenAPI', async () => {
    const { body: doc } = await api('GET', '/docs-json');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/supervisor/appointments', '/supervisor/conditionality-steps', '/supervisor/services']));
    const params = doc.paths['/supervisor/appointments'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['officeId', 'from', 'to', 'status', 'service', 'purpose', 'convocationValid', 'page', 'pageSize', 'sort']));
    expect(doc.paths['/supervisor/conditionality-steps'].get.responses['403']).toBeDefined();
  });
});
