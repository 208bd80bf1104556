import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Appeals from the notification (issue 13, art. 21 c.12 D.lgs. 150/2015) over HTTP, against the built API and worker
 * on a real Temporal dev server and PostgreSQL. A test catalogue whose justification and appeal windows are seconds:
 * a no-show to a PEC convocation becomes a proposed step, the operator confirms it, records how the decision reached
 * the person (a PEC delivery receipt; e-mail is refused), the appeal and its outcome. An annulled step leaves its
 * ladder; an annulled decadenza reopens the journey. The journey view and the supervisors' views show it.
 * Every wait is on a condition, with generous deadlines.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-APL-${suffix}`;
const OFFICE = `CPI-APL-${suffix}`;
const OP = 'op-ricorsi';
const operator = tokenFor('operator', [OFFICE], OP);
const supervisor = tokenFor('supervisor', [OFFICE], 'sup-ricorsi');

const CLOCKS = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  justificationWindow: 'PT3S',
  // Long enough to lodge the appeal on a busy machine; a journey closed by decadenza finishes when it runs out.
  appealWindow: 'PT120S',
  defaultContactFrequency: 'P30D',
};

const as = (token: string) => product.as(token);
const op = as(operator);
const sup = as(supervisor);
const admin = product.as();
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);
const today = () => romeDateOf(Date.now());

function ok(answer: HttpAnswer, status = 200): any {
  expect([answer.status, answer.status === status ? undefined : answer.body]).toEqual([status, undefined]);
  return answer.body;
}

async function view(journeyId: string): Promise<any> {
  return ok(await op('GET', `/journeys/${journeyId}`));
}

async function scheduleSoon(journeyId: string): Promise<string> {
  return eventually(async () => {
    const answer = await op('POST', `/journeys/${journeyId}/appointments`, {
      service: 'second_level_interview',
      purpose: 'interview',
      at: inSeconds(3),
      channel: 'in_person',
      location: 'CPI, sportello 2',
      convocation: 'pec',
    });
    if (codeOf(answer) === 'INVALID_DATE') return undefined;
    return ok(answer, 201).appointments.at(-1).appointmentId as string;
  }, 'an appointment a few seconds ahead to be scheduled');
}

async function noShow(journeyId: string, appointmentId: string): Promise<void> {
  await eventually(
    async () => {
      const answer = await op('POST', `/journeys/${journeyId}/appointments/${appointmentId}/outcome`, { outcome: 'no_show' });
      if (codeOf(answer) === 'APPOINTMENT_NOT_YET_HELD') return undefined;
      return ok(answer);
    },
    `the no-show of ${appointmentId}`,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

/** A no-show, its window closed, its step proposed and confirmed: answers the confirmed step. */
async function confirmedStep(journeyId: string, stepId: string): Promise<any> {
  await noShow(journeyId, await scheduleSoon(journeyId));
  await eventually(
    async () => (await view(journeyId)).conditionalitySteps.find((s: any) => s.stepId === stepId && s.status === 'proposed'),
    `step ${stepId} to be proposed`,
    { timeoutMs: 90_000, intervalMs: 300 },
  );
  const confirmed = ok(await op('POST', `/journeys/${journeyId}/conditionality-steps/${stepId}/confirm`, { note: 'Nessuna giustificazione' }));
  return confirmed.conditionalitySteps.find((s: any) => s.stepId === stepId);
}

async function supervisorStep(journeyId: string, stepId: string, until: (s: any) => boolean, description: string): Promise<any> {
  return eventually(async () => {
    const page = ok(await sup('GET', `/supervisor/conditionality-steps?officeId=${OFFICE}&pageSize=50`));
    const step = page.items.find((s: any) => s.journeyId === journeyId && s.stepId === stepId);
    return step && until(step) ? step : undefined;
  }, description, { timeoutMs: 30_000 });
}

describe('appeals from the notification over HTTP (art. 21 c.12 D.lgs. 150/2015)', () => {
  let journeyId = '';

  beforeAll(async () => {
    ok(await admin('PUT', `/programmes/${PROGRAMME}`, { title: 'Test appeals, second clocks', clocks: CLOCKS, services: null, workingDayClocks: [] }));
    const started = await op('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Lucia', familyName: 'Ferri' },
      programmeCode: PROGRAMME,
      officeId: OFFICE,
      didDate: today(),
      benefit: { kind: 'naspi', applicationDate: today() },
    });
    journeyId = ok(started, 201).journeyId;
    ok(await op('POST', `/journeys/${journeyId}/intake`, {}));
    ok(
      await op('POST', `/journeys/${journeyId}/pact`, {
        responsibleOperatorId: OP,
        profilingClass: 'medium',
        jobSearchProof: 'Monthly report of applications sent',
        // Accepted by the person at signing: the pact is in force at once (rules edition 2).
        acceptance: { method: 'signed_in_person' },
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' }],
      }),
    );
  }, 120_000);

  it('a confirmed step has its appeal deadline from the PEC receipt, e-mail is refused, and an annulled step shows in the journey and to supervisors', async () => {
    const step = await confirmedStep(journeyId, 'S1');
    expect(step).toMatchObject({ status: 'confirmed', ordinal: 1, effect: 'quarter_month_cut', appealDueAt: null, notification: null, appeal: null });

    const path = `/journeys/${journeyId}/conditionality-steps/S1`;
    const byEmail = await op('POST', `${path}/notification`, { method: 'email', reference: 'mail-1', notifiedAt: step.decidedAt });
    expect([byEmail.status, codeOf(byEmail), fieldsOf(byEmail)]).toEqual([400, 'NOTIFICATION_METHOD_NOT_VALID', ['method']]);
    const badDate = await op('POST', `${path}/notification`, { method: 'pec_delivery_receipt', reference: 'PEC-1', notifiedAt: '2026-13-01' });
    expect([badDate.status, fieldsOf(badDate)]).toEqual([400, ['notifiedAt']]);
    const early = await op('POST', `${path}/notification`, { method: 'pec_delivery_receipt', reference: 'PEC-1', notifiedAt: new Date(Date.parse(step.decidedAt) - 60_000).toISOString() });
    expect([early.status, codeOf(early)]).toEqual([400, 'INVALID_DATE']);

    const notified = ok(await op('POST', `${path}/notification`, { method: 'pec_delivery_receipt', reference: 'PEC-2026-0042', notifiedAt: step.decidedAt }));
    const s1 = notified.conditionalitySteps[0];
    expect(s1.notification).toEqual({ method: 'pec_delivery_receipt', reference: 'PEC-2026-0042', notifiedAt: step.decidedAt, recordedBy: OP });
    expect(Date.parse(s1.appealDueAt) - Date.parse(step.decidedAt)).toBe(120_000);
    expect(codeOf(await op('POST', `${path}/notification`, { method: 'hand_delivery_signed', reference: 'X', notifiedAt: step.decidedAt }))).toBe('STEP_ALREADY_NOTIFIED');

    expect(codeOf(await op('POST', `${path}/appeal/outcome`, { outcome: 'annulled', decidedOn: today() }))).toBe('APPEAL_NOT_LODGED');
    const lodged = ok(await op('POST', `${path}/appeal`, { lodgedOn: today(), body: 'ministry_of_labour', reference: 'RIC-117' }));
    expect(lodged.conditionalitySteps[0].appeal).toEqual({ lodgedOn: today(), body: 'ministry_of_labour', reference: 'RIC-117', recordedBy: OP, outcome: null });
    const pending = await supervisorStep(journeyId, 'S1', (s) => s.appealPending, 'the appeal pending in the read model');
    expect(pending).toMatchObject({ status: 'confirmed', notificationMethod: 'pec_delivery_receipt', notifiedAt: step.decidedAt, appealLodgedOn: today(), appealBody: 'ministry_of_labour', appealOutcome: null });
    expect(ok(await sup('GET', `/supervisor/conditionality-steps?officeId=${OFFICE}&appealPending=true`)).items.map((s: any) => s.stepId)).toEqual(['S1']);
    expect(ok(await sup('GET', `/supervisor/kpis?officeId=${OFFICE}`))).toMatchObject({ appealsPending: 1 });

    const badReduction = await op('POST', `${path}/appeal/outcome`, { outcome: 'annulled', decidedOn: today(), reducedEffect: 'quarter_month_cut' });
    expect([badReduction.status, fieldsOf(badReduction)]).toEqual([400, ['reducedEffect']]);
    const annulled = ok(await op('POST', `${path}/appeal/outcome`, { outcome: 'annulled', decidedOn: today(), note: 'Convocazione non provata' }));
    expect(annulled.conditionalitySteps[0]).toMatchObject({
      status: 'annulled',
      originalEffect: 'quarter_month_cut',
      appeal: { outcome: { outcome: 'annulled', decidedOn: today(), reducedEffect: null, note: 'Convocazione non provata', operatorId: OP } },
    });

    const shown = await supervisorStep(journeyId, 'S1', (s) => s.status === 'annulled', 'the annulled step in the read model');
    expect(shown).toMatchObject({ appealPending: false, appealOutcome: 'annulled', appealDecidedOn: today(), originalEffect: 'quarter_month_cut' });
    expect(ok(await sup('GET', `/supervisor/conditionality-steps?officeId=${OFFICE}&status=annulled`)).total).toBe(1);
    expect(ok(await sup('GET', `/supervisor/kpis?officeId=${OFFICE}`))).toMatchObject({ confirmedSteps: 0, annulledSteps: 1, appealsPending: 0 });
    const types = ok(await op('GET', `/journeys/${journeyId}/events`)).map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ConditionalityStepNotified', 'AppealLodged', 'AppealDecided']));
  }, 240_000);

  it('off its ladder: the next step is the 1st again; an annulled decadenza reopens the journey at its stage, in the journey view and the read model', async () => {
    // S1 was annulled: S2, S3, S4 are the 1st, 2nd and 3rd steps; the 3rd is decadenza and closes the journey.
    const ladder: [string, number, string][] = [
      ['S2', 1, 'quarter_month_cut'],
      ['S3', 2, 'one_month_cut'],
      ['S4', 3, 'decadenza'],
    ];
    let decadenza: any;
    for (const [stepId, ordinal, effect] of ladder) {
      decadenza = await confirmedStep(journeyId, stepId);
      expect(decadenza).toMatchObject({ stepId, ordinal, effect, status: 'confirmed', appealDueAt: null });
    }
    const closed = await view(journeyId);
    expect(closed).toMatchObject({ status: 'closed', stage: 'closed', closure: { reason: 'decadenza' } });
    expect(codeOf(await op('POST', `/journeys/${journeyId}/contacts`, { channel: 'phone' }))).toBe('JOURNEY_CLOSED');

    // Closed by decadenza, the journey still takes the notification and the appeal.
    const path = `/journeys/${journeyId}/conditionality-steps/S4`;
    const notified = ok(await op('POST', `${path}/notification`, { method: 'registered_letter_receipt', reference: 'RR-55', notifiedAt: decadenza.decidedAt }));
    expect(notified.nextDeadline).toMatchObject({ kind: 'appeal_window', stepId: 'S4' });
    ok(await op('POST', `${path}/appeal`, { lodgedOn: today(), body: 'ministry_of_labour' }));
    const reopened = ok(await op('POST', `${path}/appeal/outcome`, { outcome: 'annulled', decidedOn: today() }));
    expect(reopened).toMatchObject({ status: 'open', stage: 'pact_active', closure: null });
    expect(reopened.conditionalitySteps.find((s: any) => s.stepId === 'S4')).toMatchObject({ status: 'annulled', originalEffect: 'decadenza' });
    expect(Date.parse(reopened.contact.lastContactAt)).toBeGreaterThanOrEqual(Date.parse(decadenza.decidedAt));

    // Open again: it takes ordinary commands, and the read model has it open at its stage.
    ok(await op('POST', `/journeys/${journeyId}/contacts`, { channel: 'phone' }));
    const events = await eventually(async () => {
      const timeline = ok(await op('GET', `/journeys/${journeyId}/events`));
      return timeline.some((e: any) => e.type === 'ContactRecorded') ? timeline : undefined;
    }, 'the reopening to be projected');
    expect(events.find((e: any) => e.type === 'JourneyReopened').data).toMatchObject({ stepId: 'S4', stage: 'pact_active', closedAt: closed.closure.closedAt });
    const kpis = await eventually(async () => {
      const figures = ok(await sup('GET', `/supervisor/kpis?officeId=${OFFICE}`));
      return figures.annulledSteps === 2 ? figures : undefined;
    }, 'the annulled decadenza in the KPIs');
    expect(kpis).toMatchObject({ openJourneys: 1, confirmedSteps: 2, annulledSteps: 2, appealsPending: 0 });
    expect(kpis.journeysByStage).toMatchObject({ pact_active: 1 });
    expect(kpis.journeysByStage.closed ?? 0).toBe(0);
  }, 300_000);

  it('documents the notification and appeal operations, their bodies and their error codes in OpenAPI', async () => {
    const { body: doc } = await admin('GET', '/docs-json');
    const operations: [string, string[]][] = [
      ['/journeys/{journeyId}/conditionality-steps/{stepId}/notification', ['STEP_NOT_CONFIRMED', 'STEP_ALREADY_NOTIFIED', 'NOTIFICATION_METHOD_NOT_VALID', 'INVALID_DATE']],
      ['/journeys/{journeyId}/conditionality-steps/{stepId}/appeal', ['APPEAL_ALREADY_LODGED', 'APPEAL_WINDOW_CLOSED', 'INVALID_DATE']],
      ['/journeys/{journeyId}/conditionality-steps/{stepId}/appeal/outcome', ['APPEAL_NOT_LODGED', 'APPEAL_ALREADY_DECIDED', 'INVALID_VALUE']],
    ];
    for (const [path, codes] of operations) {
      const post = doc.paths[path]?.post;
      expect([path, post?.tags]).toEqual([path, ['journeys']]);
      const errors = Object.values(post.responses).map((r: any) => r.description).join('\n');
      for (const code of [...codes, 'STEP_NOT_FOUND', 'JOURNEY_CLOSED']) expect([path, errors]).toEqual([path, expect.stringContaining(`\`${code}\``)]);
    }
    const schemas = doc.components.schemas;
    expect(schemas.RecordStepNotificationBody.properties.method.enum).toEqual(['pec_delivery_receipt', 'registered_letter_receipt', 'hand_delivery_signed', 'email']);
    expect(schemas.RecordAppealBody.properties.body.enum).toEqual(['ministry_of_labour', 'region']);
    expect(Object.keys(schemas.ConditionalityStepViewDto.properties)).toEqual(expect.arrayContaining(['notification', 'appeal', 'appealWindowClosedAt', 'originalEffect']));
    expect(Object.keys(schemas.KpisDto.properties)).toEqual(expect.arrayContaining(['annulledSteps', 'appealsPending', 'stepsAwaitingNotification']));
    expect(schemas.JourneyEventDto.properties.type.enum).toEqual(expect.arrayContaining(['ConditionalityStepNotified', 'AppealLodged', 'AppealDecided', 'AppealWindowClosed', 'JourneyReopened']));
  });
});
