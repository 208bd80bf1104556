import { addCalendarDays, romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Suspension by a job and justified absences through the API (issue 14): the four commands, the stage `suspended`
 * with its one refusal code, the appointments it cancels, the moved deadlines in the view, the supervisors' list of
 * paused journeys and their KPIs, the catalogue's absence list pinned at start; the built worker and API.
 */

const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-SUSP-${suffix}`;
const OFFICE = `CPI-SUSP-${suffix}`;
const OP = 'op-sospensione';
const CLOCKS = { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null, defaultContactFrequency: 'P30D' };

const product = productForFile({}, async (started) => {
  const published = await started.as()('PUT', `/programmes/${PROGRAMME}`, { title: 'Test suspension', clocks: CLOCKS, absenceReasons: ['illness'] });
  expect([published.status, published.body.absenceReasons]).toEqual([200, ['illness']]);
});

const op = product.as(tokenFor('operator', [OFFICE], OP));
const supervisor = product.as(tokenFor('supervisor', [OFFICE], 'sup-sospensione'));
const today = () => romeDateOf(Date.now());
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);

async function pactInForce(): Promise<string> {
  const started = await op('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Sara', familyName: 'Sospesa', email: 'sara.sospesa@example.org' },
    programmeCode: PROGRAMME,
    officeId: OFFICE,
    didDate: today(),
  });
  expect(started.status).toBe(201);
  const journeyId: string = started.body.journeyId;
  expect((await op('POST', `/journeys/${journeyId}/intake`, {})).status).toBe(200);
  const signed = await op('POST', `/journeys/${journeyId}/pact`, {
    responsibleOperatorId: OP,
    profilingClass: 'medium',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    acceptance: { method: 'signed_in_person' },
    availability: { workshops: true, training: true, suitableOffers: true },
    actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: addCalendarDays(today(), 60) }],
  });
  expect(signed.status).toBe(200);
  return journeyId;
}

describe('suspension by a job and justified absences through the API', () => {
  it('suspends for a job of up to six months, refuses the rest with JOURNEY_SUSPENDED, lists it to supervisors, and resumes with the deadlines moved', async () => {
    const journeyId = await pactInForce();
    const before = (await op('GET', `/journeys/${journeyId}`)).body;
    const contactDue = Date.parse(before.nextContactDueAt);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const booked = await op('POST', `/journeys/${journeyId}/appointments`, { service: 'second_level_interview', purpose: 'interview', at: inAWeek, channel: 'phone', convocation: 'pec' });
    expect(booked.status).toBe(201);

    const job = { employer: 'Logistica Piemonte S.r.l.', contractType: 'fixed_term', startDate: today(), expectedEndDate: addCalendarDays(today(), 30) };
    const tooLong = await op('POST', `/journeys/${journeyId}/suspension`, { ...job, expectedEndDate: addCalendarDays(today(), 200) });
    expect([tooLong.status, codeOf(tooLong)]).toEqual([409, 'JOB_TOO_LONG_FOR_SUSPENSION']);
    expect(tooLong.body.error.message).toMatch(/RecordPlacement/);

    const suspendedAt = Date.now();
    const suspended = await op('POST', `/journeys/${journeyId}/suspension`, job);
    expect(suspended.status).toBe(201);
    expect(suspended.body).toMatchObject({ stage: 'suspended', nextContactDueAt: null, stalled: null, pause: { pauseId: 'P1', kind: 'job' }, nextDeadline: { kind: 'suspension_limit' } });
    expect(suspended.body.pauses[0]).toMatchObject({ kind: 'job', resumeStage: 'pact_active', job: { employer: job.employer, contractType: 'fixed_term', startDate: job.startDate } });
    expect(suspended.body.appointments.map((a: { status: string }) => a.status)).toEqual(['cancelled']);

    const contact = await op('POST', `/journeys/${journeyId}/contacts`, { channel: 'phone' });
    expect([contact.status, codeOf(contact)]).toEqual([409, 'JOURNEY_SUSPENDED']);

    const listed = await eventually(async () => {
      const page = await supervisor('GET', `/supervisor/paused-journeys?officeId=${OFFICE}&kind=job`);
      return page.body.items?.find((i: { journeyId: string }) => i.journeyId === journeyId);
    }, 'the suspended journey in the supervisors\' list');
    expect(listed).toMatchObject({ stage: 'suspended', kind: 'job', daysPaused: 0 });
    const summaries = (await op('GET', `/journeys?officeId=${OFFICE}&stage=suspended`)).body.items;
    expect(summaries.find((j: { journeyId: string }) => j.journeyId === journeyId)).toMatchObject({ stage: 'suspended', pauseKind: 'job', pausedSince: suspended.body.pause.since, nextContactDueAt: null });
    const kpis = (await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}`)).body;
    expect(kpis.suspendedJourneys).toBeGreaterThanOrEqual(1);
    expect(kpis.journeysByStage.suspended).toBeGreaterThanOrEqual(1);

    const resumed = await op('POST', `/journeys/${journeyId}/suspension/end`, { endDate: today() });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ stage: 'pact_active', pause: null });
    const pause = Date.parse(resumed.body.pauses[0].endedAt) - suspendedAt;
    expect(Date.parse(resumed.body.nextContactDueAt)).toBeGreaterThanOrEqual(contactDue + pause);
    expect(Date.parse(resumed.body.actionsDueAt[0].dueAt)).toBeGreaterThan(Date.parse(resumed.body.actions[0].dueAt));
    expect((await op('POST', `/journeys/${journeyId}/suspension/end`, { endDate: today() })).body.error.code).toBe('JOURNEY_NOT_SUSPENDED');
    await eventually(async () => {
      const page = await supervisor('GET', `/supervisor/paused-journeys?officeId=${OFFICE}`);
      return page.body.items && !page.body.items.some((i: { journeyId: string }) => i.journeyId === journeyId);
    }, 'the resumed journey out of the supervisors\' list');
  });

  it('records a justified absence from the catalogue\'s pinned list, pausing the clocks without changing the stage, and ends it early', async () => {
    const journeyId = await pactInForce();
    const notListed = await op('POST', `/journeys/${journeyId}/absences`, { reason: 'maternity', fromDate: today(), toDate: addCalendarDays(today(), 10) });
    expect([notListed.status, codeOf(notListed), fieldsOf(notListed)]).toEqual([400, 'ABSENCE_REASON_NOT_APPLICABLE', ['reason']]);
    const unknown = await op('POST', `/journeys/${journeyId}/absences`, { reason: 'holiday', fromDate: today(), toDate: addCalendarDays(today(), 10) });
    expect([unknown.status, codeOf(unknown), fieldsOf(unknown)]).toEqual([400, 'VALIDATION_FAILED', ['reason']]);

    const absent = await op('POST', `/journeys/${journeyId}/absences`, { reason: 'illness', fromDate: today(), toDate: addCalendarDays(today(), 10) });
    expect(absent.status).toBe(201);
    expect(absent.body).toMatchObject({ stage: 'pact_active', nextContactDueAt: null, pause: { pauseId: 'P1', kind: 'absence' }, nextDeadline: { kind: 'absence_end' } });
    expect(absent.body.pauses[0]).toMatchObject({ absenceReason: 'illness', endedAt: null });
    await eventually(async () => {
      const page = await supervisor('GET', `/supervisor/paused-journeys?officeId=${OFFICE}&kind=absence`);
      return page.body.items?.some((i: { journeyId: string }) => i.journeyId === journeyId);
    }, 'the absent journey in the supervisors\' list');
    expect((await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}`)).body.absentJourneys).toBeGreaterThanOrEqual(1);

    const ended = await op('POST', `/journeys/${journeyId}/absences/P1/end`, { endDate: today() });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ stage: 'pact_active', pause: null, nextDeadline: expect.anything() });
    expect(ended.body.pauses[0]).toMatchObject({ endedBy: 'operator' });
    expect(ended.body.nextContactDueAt).toEqual(expect.any(String));
    const again = await op('POST', `/journeys/${journeyId}/absences/P1/end`, { endDate: today() });
    expect([again.status, codeOf(again)]).toEqual([409, 'ABSENCE_ALREADY_ENDED']);
  });

  it('documents the four commands, their refusals and the supervisors\' list in the OpenAPI description', async () => {
    const doc = (await product.as()('GET', '/docs-json')).body;
    const errors = (path: string) => Object.values(doc.paths[path].post.responses).map((r: any) => r.description).join('\n');
    expect(errors('/journeys/{journeyId}/suspension')).toContain('`JOB_TOO_LONG_FOR_SUSPENSION`');
    expect(errors('/journeys/{journeyId}/suspension/end')).toContain('`JOURNEY_NOT_SUSPENDED`');
    expect(errors('/journeys/{journeyId}/absences')).toContain('`ABSENCE_REASON_NOT_APPLICABLE`');
    expect(errors('/journeys/{journeyId}/absences/{pauseId}/end')).toContain('`ABSENCE_ALREADY_ENDED`');
    expect(doc.paths['/supervisor/paused-journeys']?.get).toBeDefined();
    expect(Object.keys(doc.components.schemas.JourneyViewDto.properties)).toEqual(expect.arrayContaining(['pause', 'actionsDueAt', 'pauses', 'absenceReasons']));
  });
});
