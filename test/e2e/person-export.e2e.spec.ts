import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { http, type HttpAnswer } from '../support/services';
import { notePersonalData } from '../support/personal-data-ledger';
import { eventually } from '../support/wait';

/**
 * A person's export (GDPR art. 15, issue 15) through the built API and worker on a real Temporal dev server and
 * PostgreSQL: a journey with intake, pact and an appointment, once the read model shows them, exported by an
 * administrator as one JSON file — the journey, its events in order, the actions, the appointment, the notice queued
 * for the person, the audit entries — holding nothing of another person; refused to staff (403), 404 for a person
 * the product does not know, and recorded in the audit log by person reference, never by fiscal code; a journey
 * projected before episodes is found once the API's start-up backfill gave it its reference. No fiscal code
 * ever goes in a URL: every path this file calls is checked at the end.
 */

const product = productForFile();

const suffix = uniqueSuffix().toLowerCase();
const OFFICE = 'CPI-TO-01';
const OPERATOR = `op-exp-${suffix}`;
const operator = tokenFor('operator', [OFFICE], OPERATOR);
const supervisor = tokenFor('supervisor', [OFFICE], `sup-exp-${suffix}`);
const ADMIN = `admin-exp-${suffix}`;
const administrator = tokenFor('administrator', [], ADMIN);

/** Every path called, to check that none carries a fiscal code. */
const paths: string[] = [];
const as =
  (token: string) =>
  <T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> => {
    paths.push(path);
    return http<T>(product.stack.baseUrl, method, path, body, token);
  };
const op = as(operator);
const admin = as(administrator);
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;

/** The export with its headers (the helper `http` gives only status and body). */
async function exportFile(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; headers: Headers; text: string; file: any }> {
  paths.push(path);
  notePersonalData(body);
  const response = await fetch(`${product.stack.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${administrator}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, file: text ? JSON.parse(text) : undefined };
}

const person = { fiscalCode: randomFiscalCode(), givenName: 'Elena', familyName: `Esportata${suffix.slice(-4)}`, email: `elena.${suffix}@example.org` };
const other = { fiscalCode: randomFiscalCode(), givenName: 'Bruno', familyName: `Altrui${suffix.slice(-4)}`, email: `bruno.${suffix}@example.org` };

let journeyId = '';
let otherJourneyId = '';
let personRef = '';
let first: Awaited<ReturnType<typeof exportFile>>;

describe("a person's data, exported (GDPR art. 15)", () => {
  it('starts a journey with intake, pact and an appointment, and waits for the read model and the outbox to show them', async () => {
    const started = await op('POST', '/journeys', { beneficiary: person, programmeCode: 'GOL-1', officeId: OFFICE, didDate: '2026-10-05' });
    expect(started.status).toBe(201);
    journeyId = started.body.journeyId;
    const j = `/journeys/${journeyId}`;
    expect((await op('POST', `${j}/intake`, { notes: 'first interview' })).status).toBe(200);
    const pact = await op('POST', `${j}/pact`, {
      responsibleOperatorId: OPERATOR,
      profilingClass: 'medium',
      jobSearchProof: 'Elenco mensile delle candidature inviate',
      acceptance: { method: 'signed_in_person' },
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [
        { kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' },
        { kind: 'workshop', description: 'CV workshop', dueDate: '2099-02-28' },
      ],
    });
    expect(pact.status).toBe(200);
    const booked = await op('POST', `${j}/appointments`, {
      service: 'second_level_interview',
      purpose: 'interview',
      at: '2099-05-04T09:00:00+02:00',
      channel: 'in_person',
      location: 'Via Bologna 153, Torino',
      convocation: 'pec',
    });
    expect(booked.status).toBe(201);

    // Another person of the same office: nothing of theirs may reach the first person's file.
    const theirs = await op('POST', '/journeys', { beneficiary: other, programmeCode: 'GOL-1', officeId: OFFICE, didDate: '2026-10-05' });
    expect(theirs.status).toBe(201);
    otherJourneyId = theirs.body.journeyId;
    expect((await op('POST', `/journeys/${otherJourneyId}/intake`, { notes: 'someone else' })).status).toBe(200);

    const view = await eventually(async () => {
      const answer = await op('GET', j);
      return answer.status === 200 && answer.body.stage === 'pact_active' ? answer.body : undefined;
    }, 'the journey with its pact');
    personRef = view.personRef;
    expect(personRef).toMatch(/^prs_[0-9a-f]{32}$/);
    // The read model (projected apart from the journey's workflow) and the outbox, polled until they hold it all.
    const rows = (sql: string, id: string) => product.db.dataSource.query(sql, [id]);
    await eventually(async () => (await rows('SELECT appointment_id FROM appointments WHERE journey_id = $1', journeyId)).length === 1 || undefined, 'the appointment in the read model');
    await eventually(async () => (await rows('SELECT action_id FROM pact_actions WHERE journey_id = $1', journeyId)).length === 2 || undefined, 'the actions in the read model');
    await eventually(async () => {
      const page = await admin('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
      return page.body?.items?.some((n: any) => n.kind === 'appointment_scheduled' && n.audience === 'beneficiary') || undefined;
    }, "the appointment's notice in the outbox");
    await eventually(async () => (await rows('SELECT stage FROM journeys WHERE journey_id = $1', otherJourneyId))[0]?.stage === 'awaiting_pact' || undefined, "the other person's journey in the read model");
  });

  it('gives an administrator one JSON file, as an attachment, with its format, its time and every section', async () => {
    const before = Date.now();
    first = await exportFile('POST', '/people/export', { fiscalCode: person.fiscalCode });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="person-${personRef}.json"`);
    const file = first.file;
    expect(file).toMatchObject({ format: 'sal-person-export', version: 1, personRef, notHeld: ['documents', 'idempotency_keys'] });
    expect(Date.parse(file.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Object.keys(file.contents)).toEqual(expect.arrayContaining(['episodes', 'episodes.events', 'episodes.notifications', 'episodes.audit', 'audit']));

    expect(file.episodes).toHaveLength(1);
    const [episode] = file.episodes;
    expect(Object.keys(episode).sort()).toEqual(['appointments', 'audit', 'conditionalitySteps', 'events', 'journey', 'notifications', 'pactActions', 'services', 'sideEffectFailures']);
    expect(episode.journey).toMatchObject({
      journeyId,
      personRef,
      fiscalCode: person.fiscalCode,
      givenName: person.givenName,
      familyName: person.familyName,
      officeId: OFFICE,
      programmeCode: 'GOL-1',
      stage: 'pact_active',
      didDate: '2026-10-05',
    });
    expect(episode.journey.startedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  });

  it("holds the journey's events in order, as its timeline shows them", async () => {
    const { events } = first.file.episodes[0];
    expect(events.map((e: any) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    const types = events.map((e: any) => e.type);
    expect(types.slice(0, 1)).toEqual(['JourneyStarted']);
    for (const type of ['IntakeRecorded', 'PactSigned', 'AppointmentScheduled']) expect(types).toContain(type);
    expect(types.indexOf('IntakeRecorded')).toBeLessThan(types.indexOf('PactSigned'));
    expect(types.indexOf('PactSigned')).toBeLessThan(types.indexOf('AppointmentScheduled'));
    const timeline = await admin('GET', `/journeys/${journeyId}/events`);
    expect(timeline.status).toBe(200);
    expect(types).toEqual(timeline.body.map((e: any) => e.type));
    expect(events.find((e: any) => e.type === 'JourneyStarted').data.beneficiary).toMatchObject({ fiscalCode: person.fiscalCode, familyName: person.familyName });
  });

  it('holds the pact actions, the appointment, the services and the notice queued for the person', () => {
    const [episode] = first.file.episodes;
    expect(episode.pactActions.map((a: any) => [a.actionId, a.description, a.status])).toEqual([
      ['A1', 'Apply to five vacancies', 'pending'],
      ['A2', 'CV workshop', 'pending'],
    ]);
    expect(episode.appointments).toEqual([expect.objectContaining({ appointmentId: 'AP1', service: 'second_level_interview', location: 'Via Bologna 153, Torino', status: 'scheduled' })]);
    expect(episode.services.length).toBeGreaterThan(0);
    expect(episode.services.every((s: any) => s.journeyId === journeyId)).toBe(true);
    expect(episode.conditionalitySteps).toEqual([]);
    expect(episode.sideEffectFailures).toEqual([]);
    const notice = episode.notifications.find((n: any) => n.kind === 'appointment_scheduled' && n.audience === 'beneficiary');
    expect(notice).toMatchObject({ journeyId, recipientRef: 'beneficiary', toAddress: person.email, subject: expect.any(String), body: expect.any(String), noticeKey: expect.any(String) });
    expect(Array.isArray(notice.deliveryAttempts)).toBe(true);
    expect(episode.notifications.every((n: any) => n.journeyId === journeyId)).toBe(true);
  });

  it("holds the audit entries about the journey: the operator's commands and reads", () => {
    const { audit } = first.file.episodes[0];
    expect(audit.every((e: any) => e.journeyId === journeyId)).toBe(true);
    const routes = audit.filter((e: any) => e.subject === OPERATOR).map((e: any) => `${e.method} ${e.route} ${e.outcome}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /journeys/:journeyId/intake requested', 'POST /journeys/:journeyId/intake ok', 'POST /journeys/:journeyId/pact ok', 'POST /journeys/:journeyId/appointments ok', 'GET /journeys/:journeyId ok']));
    const ids = audit.map((e: any) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it("holds nothing of another person's", () => {
    for (const marker of [other.fiscalCode, other.familyName, other.email, otherJourneyId]) expect(first.text).not.toContain(marker);
  });

  it('is recorded in the audit log by person reference, with the journeys it exported, never by fiscal code', async () => {
    const entries = await eventually(async () => {
      const page = await admin('GET', `/audit?personRef=${personRef}&subject=${ADMIN}&pageSize=200`);
      const found = page.body?.items?.filter((e: any) => e.route === '/people/export' && e.outcome === 'ok');
      return found?.length ? page.body.items : undefined;
    }, 'the export in the audit log');
    // One outcome entry per journey exported; the `requested` entry before it could not know the person yet.
    expect(entries.filter((e: any) => e.route === '/people/export').map((e: any) => [e.method, e.status, e.outcome, e.journeyId, e.personRef, e.role])).toEqual([
      ['POST', 200, 'ok', journeyId, personRef, 'administrator'],
    ]);
    const byJourney = await admin('GET', `/audit?journeyId=${journeyId}&subject=${ADMIN}&pageSize=200`);
    expect(byJourney.body.items.some((e: any) => e.route === '/people/export' && e.personRef === personRef)).toBe(true);
    const log = await admin('GET', `/audit?pageSize=200`);
    expect(JSON.stringify(log.body)).not.toContain(person.fiscalCode);
  });

  it('by reference gives the same file, now with the earlier export among the audit entries', async () => {
    const again = await exportFile('GET', `/people/${personRef}/export`);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-disposition')).toBe(`attachment; filename="person-${personRef}.json"`);
    const [episode] = again.file.episodes;
    expect(episode.events).toEqual(first.file.episodes[0].events);
    expect(episode.journey.journeyId).toBe(journeyId);
    expect(episode.audit).toEqual(expect.arrayContaining([expect.objectContaining({ subject: ADMIN, route: '/people/export', outcome: 'ok', personRef })]));
    await eventually(async () => {
      const page = await admin('GET', `/audit?personRef=${personRef}&subject=${ADMIN}&pageSize=200`);
      return page.body?.items?.some((e: any) => e.route === '/people/:personRef/export' && e.method === 'GET' && e.journeyId === journeyId) || undefined;
    }, 'the export by reference in the audit log');
  });

  it('refuses operators and supervisors (403, audited), and answers 404 for a person the product does not know', async () => {
    for (const token of [operator, supervisor]) {
      const caller = as(token);
      expect([(await caller('POST', '/people/export', { fiscalCode: person.fiscalCode })).status, (await caller('GET', `/people/${personRef}/export`)).status]).toEqual([403, 403]);
      expect(codeOf(await caller('GET', `/people/${personRef}/export`))).toBe('FORBIDDEN');
    }
    const refused = await eventually(async () => {
      const page = await admin('GET', `/audit?personRef=${personRef}&subject=${OPERATOR}`);
      return page.body?.items?.length ? page.body.items : undefined;
    }, "the operator's refusal in the audit log");
    expect(refused[0]).toMatchObject({ route: '/people/:personRef/export', status: 403, outcome: 'refused' });

    const nobody = randomFiscalCode();
    const unknown = await admin('POST', '/people/export', { fiscalCode: nobody });
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'PERSON_NOT_FOUND']);
    const unknownRef = await admin('GET', `/people/prs_${'0'.repeat(32)}/export`);
    expect([unknownRef.status, codeOf(unknownRef)]).toEqual([404, 'PERSON_NOT_FOUND']);
    // The 404 is audited too, by the reference asked for.
    await eventually(async () => {
      const page = await admin('GET', `/audit?personRef=prs_${'0'.repeat(32)}`);
      return page.body?.items?.some((e: any) => e.status === 404 && e.outcome === 'refused') || undefined;
    }, 'the 404 in the audit log');
    // A fiscal code in the path, or a malformed body, is refused before anything is read.
    const inPath = await http(product.stack.baseUrl, 'GET', `/people/prs_not-a-reference/export`, undefined, administrator);
    expect([inPath.status, inPath.body.error.fields]).toEqual([400, [expect.objectContaining({ field: 'personRef' })]]);
    const bad = await admin('POST', '/people/export', { fiscalCode: 'XY' });
    expect([bad.status, bad.body.error.fields]).toEqual([400, [expect.objectContaining({ field: 'fiscalCode' })]]);
  });

  it('finds a journey projected before episodes by the person reference the start-up backfill gives it', async () => {
    // The other person's row as a release before episodes left it: no person reference.
    await product.db.dataSource.query('UPDATE journeys SET person_ref = NULL WHERE journey_id = $1', [otherJourneyId]);
    const before = await admin('POST', '/people/export', { fiscalCode: other.fiscalCode });
    expect([before.status, codeOf(before)]).toEqual([404, 'PERSON_NOT_FOUND']);

    // A new API process backfills it at start-up (the export waits for that backfill).
    await product.stack.api.stop();
    product.stack.api.start();
    await eventually(async () => (await fetch(`${product.stack.baseUrl}/health`)).status === 200, 'the API to start again', { timeoutMs: 120_000 });
    const after = await exportFile('POST', '/people/export', { fiscalCode: other.fiscalCode });
    expect(after.status).toBe(200);
    expect(after.file.episodes.map((e: any) => [e.journey.journeyId, e.journey.fiscalCode])).toEqual([[otherJourneyId, other.fiscalCode]]);
    expect(after.file.personRef).toMatch(/^prs_[0-9a-f]{32}$/);
    expect(after.file.episodes[0].journey.personRef).toBe(after.file.personRef);
    for (const marker of [person.fiscalCode, person.familyName, person.email, journeyId]) expect(after.text).not.toContain(marker);
  });

  it('documents both routes and the file in OpenAPI', async () => {
    const { body: doc } = await admin('GET', '/docs-json');
    const post = doc.paths['/people/export'].post;
    const get = doc.paths['/people/{personRef}/export'].get;
    for (const operation of [post, get]) {
      expect(operation.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PersonExportDto');
      expect(Object.keys(operation.responses['200'].headers)).toEqual(expect.arrayContaining(['Content-Disposition']));
      expect(JSON.stringify(operation.responses['403'])).toContain('FORBIDDEN');
      expect(JSON.stringify(operation.responses['404'])).toContain('PERSON_NOT_FOUND');
      expect(operation.description).toMatch(/Administrators only/);
    }
    expect(post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SearchPersonDto');
    const schema = doc.components.schemas.PersonExportDto;
    expect(Object.keys(schema.properties).sort()).toEqual(['audit', 'contents', 'episodes', 'format', 'generatedAt', 'notHeld', 'personRef', 'version']);
    expect(Object.keys(doc.components.schemas.PersonExportEpisodeDto.properties)).toHaveLength(9);
  });

  it("leaves nothing of the file in the API's or the worker's log", () => {
    // The whole output goes to the run's log folder too, which log-redaction.e2e.spec.ts checks at the end of a run.
    const logs = `${product.stack.api.output()}\n${product.stack.worker.output()}`;
    expect(logs.length).toBeGreaterThan(0);
    for (const value of [person.fiscalCode, person.familyName, person.email, other.fiscalCode, other.familyName, 'Via Bologna 153']) expect(logs).not.toContain(value);
  });

  it('never put a fiscal code in a URL', () => {
    expect(paths.length).toBeGreaterThan(15);
    expect(paths.filter((p) => p.toUpperCase().includes(person.fiscalCode) || p.toUpperCase().includes(other.fiscalCode))).toEqual([]);
  });
});
