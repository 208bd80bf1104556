import { addDuration, romeDateOf } from '@sal/domain';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Programme catalogues and the supervisors' views, over HTTP against the built API and worker. The catalogue's clocks
 * are seconds, so reminders, overdue actions, escalations and the pact deadline happen while the test watches.
 *
 * The tests run in order and share one programme and one office: the KPIs at the end count the journeys the earlier
 * tests left behind.
 */

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

const suffix = uniqueSuffix().toUpperCase();
const programmeCode = `TEST-SEC-${suffix}`;
const office = `CPI-SV-${suffix}`;
const testStartedOn = romeDateOf(Date.now());
const SECONDS_CLOCKS = { reminderBeforeDue: 'PT3S', escalationAfter: 'PT4S', pactDeadline: 'PT5S', stallAfter: 'PT1H' };
const OPERATOR = 'op-sorveglianza';

async function startJourney(programme = programmeCode): Promise<string> {
  const started = await api('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Lucia', familyName: 'Marino' },
    programmeCode: programme,
    officeId: office,
    didDate: romeDateOf(Date.now()),
  });
  expect(started.status).toBe(201);
  return started.body.journeyId;
}

function pactBody(actions: { kind: string; description: string; dueDate: string }[]) {
  return {
    responsibleOperatorId: OPERATOR,
    profilingClass: 'high',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    contactFrequency: 'P30D',
    availability: { workshops: true, training: true, suitableOffers: true },
    actions,
  };
}

async function view(journeyId: string): Promise<any> {
  const answer = await api('GET', `/journeys/${journeyId}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function stalledCases(query = ''): Promise<any> {
  const answer = await api('GET', `/supervisor/stalled-cases?officeId=${office}${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function overdueActions(query = ''): Promise<any> {
  const answer = await api('GET', `/supervisor/overdue-actions?officeId=${office}${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

const fieldsOf = (body: any): string[] => (body?.error?.fields ?? []).map((f: { field: string }) => f.field);

describe('programme catalogues and supervision over HTTP', () => {
  it('publishes catalogues as versions, refuses invalid clocks by field, and a journey pins the version it starts with', async () => {
    const first = await api('PUT', `/programmes/${programmeCode}`, { title: 'Test programme, second clocks', clocks: SECONDS_CLOCKS });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ code: programmeCode, version: 1, scope: 'national', title: 'Test programme, second clocks', clocks: SECONDS_CLOCKS });
    expect((await api('GET', `/programmes/${programmeCode}`)).body).toMatchObject({ version: 1, clocks: SECONDS_CLOCKS });

    const second = await api('PUT', `/programmes/${programmeCode}`, { title: 'Test programme, version 2', clocks: SECONDS_CLOCKS });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ code: programmeCode, version: 2, title: 'Test programme, version 2' });
    expect((await api('GET', `/programmes/${programmeCode}`)).body.version).toBe(2);
    expect((await api('GET', `/programmes/${programmeCode}?version=1`)).body).toMatchObject({ version: 1, title: 'Test programme, second clocks' });
    const { body: all } = await api('GET', '/programmes');
    expect(all.find((c: { code: string }) => c.code === programmeCode)).toMatchObject({ version: 2 });
    expect(all.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['GOL-1', 'GOL-5']));

    const invalid = await api('PUT', `/programmes/${programmeCode}`, {
      title: 'Broken',
      clocks: { ...SECONDS_CLOCKS, stallAfter: 'P0D', snooze: 'P1D' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(invalid.body)).toEqual(expect.arrayContaining(['clocks.stallAfter', 'clocks.snooze']));
    const missingClock = await api('PUT', `/programmes/${programmeCode}`, { title: 'No reminder', clocks: { escalationAfter: null, pactDeadline: null, stallAfter: null } });
    expect(fieldsOf(missingClock.body)).toEqual(['clocks.reminderBeforeDue']);
    // Nothing refused was stored.
    expect((await api('GET', `/programmes/${programmeCode}`)).body.version).toBe(2);
    expect((await api('GET', `/programmes/${programmeCode}?version=3`)).body.error.code).toBe('PROGRAMME_NOT_FOUND');
    expect((await api('GET', '/programmes/NO-SUCH-PROGRAMME')).status).toBe(404);
    expect(fieldsOf((await api('GET', '/programmes/lower-case')).body)).toEqual(['code']);

    const journeyId = await startJourney();
    const started = await view(journeyId);
    expect(started).toMatchObject({ catalogueVersion: 2, clocks: SECONDS_CLOCKS, stage: 'awaiting_intake', stalled: null });

    // A version published afterwards changes only journeys started afterwards.
    const third = await api('PUT', `/programmes/${programmeCode}`, { title: 'Test programme, version 3', clocks: { ...SECONDS_CLOCKS, stallAfter: 'PT2H' } });
    expect(third.body.version).toBe(3);
    expect(await view(journeyId)).toMatchObject({ catalogueVersion: 2, clocks: SECONDS_CLOCKS });
    await api('PUT', `/programmes/${programmeCode}`, { title: 'Test programme, version 4', clocks: SECONDS_CLOCKS });

    const unknown = await api('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Lucia', familyName: 'Marino' },
      programmeCode: `NOPE-${suffix}`,
      officeId: office,
      didDate: romeDateOf(Date.now()),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ field: 'programmeCode', message: 'unknown programme; see GET /programmes', code: 'unknown_programme' }]);
  });

  it('lists a journey whose pact is not signed by the deadline as stalled (pact_not_signed), then escalates it', async () => {
    const journeyId = await startJourney();
    const intake = await api('POST', `/journeys/${journeyId}/intake`, { onBehalfOf: OPERATOR });
    expect(intake.status).toBe(200);
    expect(intake.body.pactDeadlineAt).toBe(addDuration(intake.body.intake.takenInChargeAt, 'PT5S'));

    const listed = await eventually(async () => {
      const page = await stalledCases('&reason=pact_not_signed');
      return page.items.find((c: { journeyId: string }) => c.journeyId === journeyId);
    }, 'the journey to be listed as stalled with reason pact_not_signed', { timeoutMs: 30_000 });
    expect(listed).toMatchObject({
      officeId: office,
      programmeCode,
      stage: 'awaiting_pact',
      operatorId: OPERATOR,
      givenName: 'Lucia',
      familyName: 'Marino',
      reasons: ['pact_not_signed'],
      daysStalled: 0,
      overdueActionCount: 0,
    });
    expect(Date.parse(listed.stalledSince)).toBeGreaterThanOrEqual(Date.parse(intake.body.pactDeadlineAt));

    const escalated = await eventually(async () => {
      const state = await view(journeyId);
      return state.pactDeadlineEscalatedAt ? state : undefined;
    }, 'the missed pact deadline to be escalated', { timeoutMs: 30_000 });
    expect(Date.parse(escalated.pactDeadlineEscalatedAt) - Date.parse(escalated.pactDeadlineAt ?? intake.body.pactDeadlineAt)).toBeGreaterThanOrEqual(4000);
    expect(escalated.stalled).toMatchObject({ reasons: ['pact_not_signed'] });

    const { body: list } = await api('GET', `/journeys?officeId=${office}&stalled=true`);
    expect(list.items.map((j: { journeyId: string }) => j.journeyId)).toEqual([journeyId]);
    expect(list.items[0]).toMatchObject({ catalogueVersion: 4, stallReasons: ['pact_not_signed'], stalledSince: listed.stalledSince });
    // A page past the end still says how many there are.
    expect(await stalledCases('&page=99&pageSize=10')).toMatchObject({ items: [], page: 99, total: 1 });
  });

  let placedJourneyId = '';

  it('lists an overdue action, then its escalation; completing it clears both lists; a contact moves the next contact due', async () => {
    const journeyId = await startJourney();
    placedJourneyId = journeyId;
    await api('POST', `/journeys/${journeyId}/intake`, { onBehalfOf: OPERATOR });
    const dueAt = inSeconds(6);
    const pact = await api('POST', `/journeys/${journeyId}/pact`, pactBody([
      { kind: 'job_search_act', description: 'Apply to three vacancies', dueDate: dueAt },
      { kind: 'workshop', description: 'CV workshop', dueDate: '2099-01-31' },
    ]));
    expect(pact.status).toBe(200);
    expect(pact.body).toMatchObject({ stage: 'pact_active', pactDeadlineAt: null, stalled: null, nextDeadline: { kind: 'action_reminder', actionId: 'A1' } });
    expect(pact.body.nextContactDueAt).toBe(addDuration(pact.body.pact.signedAt, 'P30D'));

    const reminded = await eventually(async () => ((await view(journeyId)).actions[0].reminderSentAt ? true : undefined), "A1's reminder, 3 s before it falls due", { timeoutMs: 30_000 });
    expect(reminded).toBe(true);

    const overdue = await eventually(async () => {
      const page = await overdueActions();
      return page.items.find((a: { journeyId: string; actionId: string }) => a.journeyId === journeyId && a.actionId === 'A1');
    }, 'A1 in the overdue actions', { timeoutMs: 30_000 });
    expect(overdue).toMatchObject({ officeId: office, operatorId: OPERATOR, kind: 'job_search_act', description: 'Apply to three vacancies', daysOverdue: 0, givenName: 'Lucia' });
    expect(overdue.dueAt).toBe(new Date(dueAt).toISOString());
    const stalled = await eventually(async () => {
      const page = await stalledCases('&reason=overdue_action');
      return page.items.find((c: { journeyId: string }) => c.journeyId === journeyId);
    }, 'the journey to be listed as stalled with reason overdue_action');
    expect(stalled).toMatchObject({ stage: 'pact_active', reasons: ['overdue_action'], overdueActionCount: 1 });

    const escalated = await eventually(async () => {
      const page = await overdueActions('&escalated=true');
      return page.items.find((a: { journeyId: string }) => a.journeyId === journeyId);
    }, 'A1 to be escalated', { timeoutMs: 30_000 });
    expect(Date.parse(escalated.escalatedAt) - Date.parse(dueAt)).toBeGreaterThanOrEqual(4000);
    expect((await view(journeyId)).actions[0].escalatedAt).toBe(escalated.escalatedAt);

    const completed = await api('POST', `/journeys/${journeyId}/pact/actions/A1/complete`, { operatorId: OPERATOR });
    expect(completed.status).toBe(200);
    expect(completed.body.stalled).toBeNull();
    await eventually(async () => {
      const [actions, cases] = await Promise.all([overdueActions(), stalledCases()]);
      const listed = [...actions.items, ...cases.items].some((i: { journeyId: string }) => i.journeyId === journeyId);
      return !listed;
    }, 'the completed action to leave both supervisor lists');

    const before = completed.body.nextContactDueAt;
    const contact = await api('POST', `/journeys/${journeyId}/contacts`, { operatorId: OPERATOR, channel: 'phone', note: 'Checked the applications' });
    expect(contact.status).toBe(200);
    expect(contact.body.contact).toMatchObject({ lastContactAt: expect.any(String), missedDueAt: null });
    expect(contact.body.nextContactDueAt).toBe(addDuration(contact.body.contact.lastContactAt, 'P30D'));
    expect(Date.parse(contact.body.nextContactDueAt)).toBeGreaterThan(Date.parse(before));
    const badChannel = await api('POST', `/journeys/${journeyId}/contacts`, { operatorId: OPERATOR, channel: 'pigeon' });
    expect(badChannel.status).toBe(400);
    expect(fieldsOf(badChannel.body)).toEqual(['channel']);
  });

  it("counts the office's journeys by stage, stalls, overdue actions and placements", async () => {
    const closed = await api('POST', `/journeys/${placedJourneyId}/close`, { reason: 'placed', operatorId: OPERATOR, details: 'Fixed-term contract' });
    expect(closed.status).toBe(200);
    const period = `&from=${testStartedOn}&to=${romeDateOf(Date.now())}`;

    const NO_MONITORING = {
      takenInCharge: 2,
      takenInChargeByPath: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      withMonitoringData: 0,
      vulnerable: 0,
      vulnerableShare: null,
      vulnerableTarget: 0.75,
      vulnerableTargetMet: null,
      women: 0,
      longTermUnemployed: 0,
      disabled: 0,
      under30: 0,
      over55: 0,
      inTraining: 0,
      placed: 1,
      medianDaysDidToPact: 0,
    };
    const kpis = await eventually(async () => {
      const { status, body } = await api('GET', `/supervisor/kpis?officeId=${office}&officeId=CPI-ELSEWHERE${period}`);
      return status === 200 && body.placements === 1 ? body : undefined;
    }, 'the placement to be counted');
    expect(kpis).toEqual({
      journeysByStage: { awaiting_intake: 1, awaiting_pact: 1, pact_active: 0, suspended: 0, closed: 1, assessment: 0 },
      openJourneys: 2,
      stalledJourneys: 1,
      stalledByReason: { overdue_action: 0, missed_contact: 0, pact_not_signed: 1, no_progress: 0, first_contact_missed: 0 },
      overdueActions: 0,
      medianDaysIntakeToPact: 0,
      pactsInForce: 1,
      pactsAwaitingAcceptance: 0,
      suspendedJourneys: 0,
      absentJourneys: 0,
      placements: 1,
      placementsByProgramme: { [programmeCode]: 1 },
      serviceHours: { reception: 0, second_level_interview: 0, path_definition: 0, skills_assessment: 0, tutoring: 0, job_search: 0 },
      proposedSteps: 0,
      confirmedSteps: 0,
      annulledSteps: 0,
      appealsPending: 0,
      stepsAwaitingNotification: 0,
      // Issue 14: the open journeys by their benefit's status (none claims one).
      journeysByBenefitStatus: { none: 2, claimed: 0, granted: 0, refused: 0, suspended: 0, ended: 0 },
      // Issue 15: every benefit kind, each with every status.
      journeysByBenefitKind: Object.fromEntries(['naspi', 'dis_coll', 'adi', 'sfl'].map((k) => [k, { claimed: 0, granted: 0, refused: 0, suspended: 0, ended: 0 }])),
      // Issue 14: no GOL path or assessment among this office's journeys.
      journeysByGolPath: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      journeysInAssessment: 0,
      profilingReviewsDue: 0,
      // Issue 15: two taken in charge in the period, none with monitoring data (no share); the office is not in the directory.
      gol: { ...NO_MONITORING, byRegion: { unassigned: NO_MONITORING }, byOffice: { [office]: NO_MONITORING } },
    });
    // Another office sees none of it.
    const { body: elsewhere } = await api('GET', `/supervisor/kpis?officeId=CPI-ELSEWHERE-${suffix}`);
    expect(elsewhere).toMatchObject({ openJourneys: 0, placements: 0, journeysByStage: { closed: 0 } });

    const reversed = await api('GET', `/supervisor/kpis?officeId=${office}&from=2026-03-02&to=2026-03-01`);
    expect(reversed.status).toBe(400);
    expect(fieldsOf(reversed.body)).toEqual(['to']);
    const unscoped = await api('GET', '/supervisor/stalled-cases');
    expect(unscoped.status).toBe(400);
    expect(fieldsOf(unscoped.body)).toEqual(['officeId']);
    expect(fieldsOf((await api('GET', `/supervisor/overdue-actions?officeId=${office}&pageSize=101`)).body)).toEqual(['pageSize']);
  });

  it('documents the new operations in OpenAPI, including that running journeys keep their catalogue version', async () => {
    const { body: doc } = await api('GET', '/docs-json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/programmes', '/programmes/{code}', '/journeys/{journeyId}/contacts', '/supervisor/stalled-cases', '/supervisor/overdue-actions', '/supervisor/kpis']),
    );
    expect(doc.paths['/programmes/{code}'].put.description).toContain('changes only journeys started afterwards');
    // Every supervisor list names its journeys with the same columns (one DTO, SupervisedJourneyDto, they extend).
    for (const name of ['StalledCaseDto', 'PactAwaitingAcceptanceDto', 'PausedJourneyDto', 'ProfilingReviewDueDto']) {
      expect(Object.keys(doc.components.schemas[name].properties)).toEqual(
        expect.arrayContaining(['journeyId', 'officeId', 'programmeCode', 'stage', 'operatorId', 'givenName', 'familyName']),
      );
    }
    expect(doc.components.schemas.PausedJourneyDto.description).toContain('`suspended`');
  });
});
