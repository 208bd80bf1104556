import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { episodeJourneyIdFor, personRefFor } from '@sal/temporal';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { connectTestClient, productDataConverter } from '../support/temporal';
import { http, type HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Episodes (issue 14) through the built API and worker on a real Temporal dev server and PostgreSQL: a journey is one
 * episode from a DID to its closure; a person has at most one open journey, across programmes; a new DID after a
 * closure starts a new episode, taken in charge again; a transfer to another path closes one episode as `transferred`
 * and opens the next, linked; the person's episodes are listed by reference or by a fiscal code in a body, scoped to
 * the caller's offices. No fiscal code ever goes in a URL: every path this file calls is checked at the end.
 */

const product = productForFile();

const suffix = uniqueSuffix().toLowerCase();
const TURIN = 'CPI-TO-01';
const MILAN = 'CPI-MI-01';
const turinOperator = tokenFor('operator', [TURIN], `op-to-${suffix}`);
const milanOperator = tokenFor('operator', [MILAN], `op-mi-${suffix}`);
const turinSupervisor = tokenFor('supervisor', [TURIN], `sup-to-${suffix}`);

/** Every path called, to check that none carries a fiscal code. */
const paths: string[] = [];
const as =
  (token: string) =>
  <T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> => {
    paths.push(path);
    return http<T>(product.stack.baseUrl, method, path, body, token);
  };
const toOp = as(turinOperator);
const miOp = as(milanOperator);
const toSup = as(turinSupervisor);
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;

const fiscalCode = randomFiscalCode();
const beneficiary = { fiscalCode, givenName: 'Lucia', familyName: 'Ferrero' };
const start = (caller: ReturnType<typeof as>, didDate: string, o: { officeId?: string; programmeCode?: string } = {}) =>
  caller('POST', '/journeys', { beneficiary, programmeCode: o.programmeCode ?? 'GOL-1', officeId: o.officeId ?? TURIN, didDate });

const DID_1 = '2026-01-12';
const DID_2 = '2026-02-16';
const DID_3 = '2026-03-02';

/** Shared across the steps, in order. */
let first = '';
let second = '';
let third = '';
let personRef = '';

/** The person's episodes once `ready` holds for them (the read model follows the journeys within a second or so). */
async function episodesWhen(caller: ReturnType<typeof as>, ready: (body: any) => boolean): Promise<any> {
  return eventually(async () => {
    const answer = await caller('GET', `/people/${personRef}/journeys`);
    return answer.status === 200 && ready(answer.body) ? answer.body : undefined;
  }, "the person's episodes");
}

describe('episodes: one open journey per person, re-entry after closure, transfer to another path', () => {
  it('starts a first episode; the same person and DID again is the same journey (409 naming it)', async () => {
    const created = await start(toOp, DID_1);
    expect(created.status).toBe(201);
    first = created.body.journeyId;
    expect(first).toMatch(/^jrn_[0-9a-f]{32}$/);
    const again = await start(toOp, DID_1);
    expect([again.status, again.body.error]).toEqual([409, expect.objectContaining({ code: 'JOURNEY_ALREADY_EXISTS', journeyId: first })]);

    const view = await eventually(async () => {
      const answer = await toOp('GET', `/journeys/${first}`);
      return answer.status === 200 ? answer.body : undefined;
    }, 'the first journey');
    personRef = view.personRef;
    expect(personRef).toMatch(/^prs_[0-9a-f]{32}$/);
    expect(view.previousJourneyId).toBeNull();
  });

  it('refuses a start while the person has an open journey: named in the caller’s offices, not elsewhere', async () => {
    // Another DID, another programme: still the same person, whose GOL-1 journey is open.
    const same = await start(toOp, DID_2, { programmeCode: 'GOL-3' });
    expect([same.status, same.body.error]).toEqual([409, expect.objectContaining({ code: 'JOURNEY_ALREADY_EXISTS', journeyId: first })]);
    const elsewhere = await start(miOp, DID_2, { officeId: MILAN });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error).toEqual({ code: 'PERSON_FOLLOWED_ELSEWHERE', message: expect.any(String) });
    expect(JSON.stringify(elsewhere.body)).not.toContain(first);
  });

  it('a person closed (withdrawn) and re-registered with a new DID starts a new episode, taken in charge again', async () => {
    const closed = await toOp('POST', `/journeys/${first}/close`, { reason: 'withdrawn', details: 'moved abroad for a while' });
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
    // The closure's projection releases the person's open journey.
    await episodesWhen(toOp, (b) => b.journeys.some((j: any) => j.journeyId === first && j.status === 'closed'));

    const created = await start(toOp, DID_2);
    expect(created.status).toBe(201);
    second = created.body.journeyId;
    expect(second).not.toBe(first);
    const intake = await toOp('POST', `/journeys/${second}/intake`, { notes: 'back after the summer' });
    expect([intake.status, intake.body.stage]).toEqual([200, 'awaiting_pact']);
    expect(intake.body.personRef).toBe(personRef);
    // The office's list names the person by reference on both episodes (the link to GET /people/{personRef}/journeys).
    const listed = await eventually(async () => {
      const page = await toOp('GET', `/journeys?officeId=${TURIN}&pageSize=100`);
      const mine = (page.body.items as { journeyId: string; personRef: string | null }[]).filter((j) => j.journeyId === first || j.journeyId === second);
      return mine.length === 2 && mine;
    }, 'both episodes in the office list');
    expect(listed.map((j) => j.personRef)).toEqual([personRef, personRef]);

    // The first DID is still the first episode, closed: the same id, never restarted.
    const old = await start(toOp, DID_1);
    expect([old.status, old.body.error]).toEqual([409, expect.objectContaining({ code: 'JOURNEY_ALREADY_EXISTS', journeyId: first })]);
  });

  it('a transfer GOL-1 → GOL-2 closes the episode as transferred and opens the next, linked, in the same office', async () => {
    const bad = await toOp('POST', `/journeys/${second}/transfer`, { toProgrammeCode: 'GOL-1', reason: 'same path' });
    expect([bad.status, codeOf(bad)]).toEqual([409, 'TRANSFER_SAME_PROGRAMME']);
    const unknown = await toOp('POST', `/journeys/${second}/transfer`, { toProgrammeCode: 'NOPE-9', reason: 'no such path' });
    expect([unknown.status, codeOf(unknown), unknown.body.error.fields]).toEqual([400, 'VALIDATION_FAILED', [expect.objectContaining({ field: 'toProgrammeCode' })]]);
    // The next episode is the API's to attach, never the body's.
    const smuggled = await toOp('POST', `/journeys/${second}/transfer`, { toProgrammeCode: 'GOL-2', reason: 'r', nextEpisode: { journeyId: first } });
    expect([smuggled.status, smuggled.body.error.fields]).toEqual([400, [expect.objectContaining({ field: 'nextEpisode' })]]);
    const foreign = await miOp('POST', `/journeys/${second}/transfer`, { toProgrammeCode: 'GOL-2', reason: 'not mine' });
    expect(foreign.status).toBe(403);

    const transferred = await toOp('POST', `/journeys/${second}/transfer`, { toProgrammeCode: 'GOL-2', reason: 'needs upskilling before job search' });
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({ status: 'closed', closure: { reason: 'transferred', details: 'needs upskilling before job search' } });
    third = transferred.body.closure.nextJourneyId;
    expect(third).toMatch(/^jrn_[0-9a-f]{32}$/);
    expect(transferred.body.transfer).toMatchObject({ toProgrammeCode: 'GOL-2', nextJourneyId: third, operatorId: `op-to-${suffix}` });

    const next = await eventually(async () => {
      const answer = await toOp('GET', `/journeys/${third}`);
      return answer.status === 200 ? answer.body : undefined;
    }, 'the next episode');
    expect(next).toMatchObject({
      programmeCode: 'GOL-2',
      officeId: TURIN,
      didDate: DID_2,
      status: 'open',
      stage: 'awaiting_intake',
      personRef,
      previousJourneyId: second,
      beneficiary: expect.objectContaining({ fiscalCode }),
    });
    // The transferred journey's workflow finished once the next one had started.
    await eventually(async () => (await toOp('GET', `/journeys/${second}`)).body?.status === 'closed', 'the transferred journey, closed');
  });

  it('the transferred journey started the next episode as an abandoned child, then ended; its history replays on the current code', async () => {
    const temporal = await connectTestClient(product.db.dataSource);
    try {
      const handle = temporal.client.workflow.getHandle(second);
      await eventually(async () => (await handle.describe()).status.name === 'COMPLETED', 'the transferred journey, completed');
      const history = await handle.fetchHistory();
      const child = (history.events ?? []).find((e) => e.startChildWorkflowExecutionInitiatedEventAttributes);
      expect(child?.startChildWorkflowExecutionInitiatedEventAttributes).toMatchObject({ workflowId: third, parentClosePolicy: 2 /* ABANDON */ });
      expect((history.events ?? []).some((e) => e.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId === third)).toBe(true);
      // The product's prebuilt bundle, with its workflow interceptors (tracing joins runs started with a trace context).
      const workflowBundle = { codePath: join(__dirname, '../../apps/worker/dist/workflow-bundle.js') };
      await Worker.runReplayHistory({ workflowBundle, replayName: 'episodes-replay', dataConverter: productDataConverter(product.db.dataSource) }, history, second);
      expect((await temporal.client.workflow.getHandle(third).describe()).status.name).toBe('RUNNING');
    } finally {
      await temporal.close();
    }
  });

  it('lists the episodes oldest first, linked, by reference or by fiscal code in a body; the lock moved to the next episode', async () => {
    const body = await episodesWhen(toOp, (b) => b.journeys.length === 3 && b.journeys[1].status === 'closed');
    expect(body).toEqual({
      personRef,
      journeys: [
        expect.objectContaining({ journeyId: first, programmeCode: 'GOL-1', officeId: TURIN, status: 'closed', stage: 'closed', closureReason: 'withdrawn', didDate: DID_1, previousJourneyId: null, nextJourneyId: null }),
        expect.objectContaining({ journeyId: second, programmeCode: 'GOL-1', status: 'closed', closureReason: 'transferred', didDate: DID_2, previousJourneyId: null, nextJourneyId: third }),
        expect.objectContaining({ journeyId: third, programmeCode: 'GOL-2', status: 'open', stage: 'awaiting_intake', closureReason: null, closedAt: null, didDate: DID_2, previousJourneyId: second, nextJourneyId: null }),
      ],
      elsewhere: { count: 0, open: false },
    });
    expect(body.journeys[0].startedAt <= body.journeys[1].startedAt && body.journeys[1].startedAt <= body.journeys[2].startedAt).toBe(true);
    expect(body.journeys[1].closedAt).toEqual(expect.any(String));

    const found = await toSup('POST', '/people/search', { fiscalCode: ` ${fiscalCode.toLowerCase()} ` });
    expect([found.status, found.body]).toEqual([200, body]);

    // The person's open journey is now the next episode: a new start names it.
    const blocked = await start(toOp, DID_3);
    expect([blocked.status, blocked.body.error]).toEqual([409, expect.objectContaining({ code: 'JOURNEY_ALREADY_EXISTS', journeyId: third })]);
    expect(codeOf(await start(miOp, DID_3, { officeId: MILAN }))).toBe('PERSON_FOLLOWED_ELSEWHERE');
  });

  it("another office's operator sees neither episode: only that the person has episodes elsewhere, one open", async () => {
    const theirs = await miOp('GET', `/people/${personRef}/journeys`);
    expect([theirs.status, theirs.body]).toEqual([200, { personRef, journeys: [], elsewhere: { count: 3, open: true } }]);
    const searched = await miOp('POST', '/people/search', { fiscalCode });
    expect(searched.body).toEqual(theirs.body);
    expect((await miOp('GET', `/journeys/${third}`)).status).toBe(403);
  });

  it('refuses a malformed reference or fiscal code, naming the field', async () => {
    const ref = await toOp('GET', '/people/prs_not-a-reference/journeys');
    expect([ref.status, ref.body.error.fields]).toEqual([400, [expect.objectContaining({ field: 'personRef' })]]);
    const fc = await toOp('POST', '/people/search', { fiscalCode: 'RSSMRA85T10A562X' });
    expect([fc.status, fc.body.error.fields]).toEqual([400, [expect.objectContaining({ field: 'fiscalCode' })]]);
    const extra = await toOp('POST', '/people/search', { fiscalCode, name: 'x' });
    expect(extra.status).toBe(400);
  });

  it('recovers from a start that stopped between reserving the person and starting the workflow', async () => {
    // The API and the tests share the development key of journey ids here.
    const reserve = (fc: string, journeyId: string, ageSeconds: number) =>
      product.db.dataSource.query(`INSERT INTO person_open_journeys (person_ref, journey_id, office_id, reserved_at) VALUES ($1, $2, $3, now() - make_interval(secs => $4))`, [
        personRefFor(fc),
        journeyId,
        TURIN,
        ageSeconds,
      ]);
    const holderOf = async (fc: string) => (await product.db.dataSource.query('SELECT journey_id FROM person_open_journeys WHERE person_ref = $1', [personRefFor(fc)]))[0]?.journey_id;
    const person = (fc: string) => ({ beneficiary: { fiscalCode: fc, givenName: 'Anna', familyName: 'Stale' }, programmeCode: 'GOL-1', officeId: TURIN, didDate: DID_3 });
    const ghost = `jrn_${'0'.repeat(31)}1`;

    // Another episode's reservation, older than a minute, whose journey exists nowhere: stale, replaced.
    const stale = randomFiscalCode();
    await reserve(stale, ghost, 120);
    const replaced = await toOp('POST', '/journeys', person(stale));
    expect(replaced.status).toBe(201);
    expect(await holderOf(stale)).toBe(replaced.body.journeyId);

    // A fresh one may be a start under way: refused, naming it to a caller of its office.
    const young = randomFiscalCode();
    await reserve(young, ghost, 0);
    const refused = await toOp('POST', '/journeys', person(young));
    expect([refused.status, refused.body.error]).toEqual([409, expect.objectContaining({ code: 'JOURNEY_ALREADY_EXISTS', journeyId: ghost })]);

    // The same person and DID meet their own reservation: the start is simply made again.
    const retried = randomFiscalCode();
    const own = episodeJourneyIdFor(retried, DID_3);
    await reserve(retried, own, 0);
    const again = await toOp('POST', '/journeys', person(retried));
    expect([again.status, again.body.journeyId]).toEqual([201, own]);
  });

  it('documents the transfer, the people routes and the one-open-journey rule in OpenAPI', async () => {
    const { body: doc } = await toSup('GET', '/docs-json');
    const transfer = doc.paths['/journeys/{journeyId}/transfer'].post;
    expect(transfer.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/TransferJourneyBody');
    const body = doc.components.schemas.TransferJourneyBody;
    expect([Object.keys(body.properties).sort(), body.required.sort()]).toEqual([['onBehalfOf', 'operatorId', 'reason', 'toProgrammeCode'], ['reason', 'toProgrammeCode']]);
    expect(JSON.stringify(transfer.responses['409'])).toContain('TRANSFER_SAME_PROGRAMME');
    expect(Object.keys(doc.paths['/people/{personRef}/journeys'].get.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(doc.paths['/people/search'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SearchPersonDto');
    expect(doc.paths['/journeys'].post.description).toMatch(/at most one open journey/);
    expect(JSON.stringify(doc.paths['/journeys'].post.responses['409'])).toContain('PERSON_FOLLOWED_ELSEWHERE');
  });

  it('never put a fiscal code in a URL', () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => p.toUpperCase().includes(fiscalCode))).toEqual([]);
  });
});
