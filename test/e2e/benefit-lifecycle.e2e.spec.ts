import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The benefit's lifecycle over HTTP (issue 14), against the built API and worker on a real Temporal dev server and
 * PostgreSQL. A journey started without a benefit claims NASpI later: the view and the read model show it running, and
 * a no-show to a PEC convocation proposes a conditionality step. Once the benefit ends, a later no-show proposes none,
 * the step already proposed stays for the operator, the operator is told, and the list, its filter and the KPIs show
 * the benefit ended. A test catalogue whose justification window is seconds; every wait is on a condition.
 */

const product = productForFile();

const suffix = uniqueSuffix().toUpperCase();
const PROGRAMME = `TEST-BEN-${suffix}`;
const OFFICE = `CPI-BEN-${suffix}`;
const OP = 'op-prestazioni';
const operator = tokenFor('operator', [OFFICE], OP);
const supervisor = tokenFor('supervisor', [OFFICE], 'sup-prestazioni');

const CLOCKS = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  justificationWindow: 'PT3S',
  defaultContactFrequency: 'P30D',
};

const op = product.as(operator);
const sup = product.as(supervisor);
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

/** An appointment a few seconds ahead, convened by PEC, and its no-show once it is due: answers the appointment id. */
async function missedAppointment(journeyId: string): Promise<string> {
  const appointmentId: string = await eventually(async () => {
    const answer = await op('POST', `/journeys/${journeyId}/appointments`, {
      service: 'second_level_interview',
      purpose: 'interview',
      at: inSeconds(3),
      channel: 'in_person',
      location: 'CPI, sportello 3',
      convocation: 'pec',
    });
    if (codeOf(answer) === 'INVALID_DATE') return undefined;
    return ok(answer, 201).appointments.at(-1).appointmentId as string;
  }, 'an appointment a few seconds ahead to be scheduled');
  await eventually(
    async () => {
      const answer = await op('POST', `/journeys/${journeyId}/appointments/${appointmentId}/outcome`, { outcome: 'no_show' });
      if (codeOf(answer) === 'APPOINTMENT_NOT_YET_HELD') return undefined;
      return ok(answer);
    },
    `the no-show of ${appointmentId}`,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  return appointmentId;
}

/** The journey's row in the list (filtered by `query`), once the read model shows it so. */
async function listed(journeyId: string, query: string, until: (row: any) => boolean): Promise<any> {
  return eventually(async () => {
    const page = ok(await op('GET', `/journeys?officeId=${OFFICE}&pageSize=50${query}`));
    const row = page.items.find((j: any) => j.journeyId === journeyId);
    return row && until(row) ? row : undefined;
  }, `journey ${journeyId} to be listed (${query})`, { timeoutMs: 30_000 });
}

const ids = async (query: string): Promise<string[]> => ok(await op('GET', `/journeys?officeId=${OFFICE}&pageSize=50${query}`)).items.map((j: any) => j.journeyId);

describe("the benefit's lifecycle over HTTP", () => {
  let journeyId = '';

  beforeAll(async () => {
    ok(await admin('PUT', `/programmes/${PROGRAMME}`, { title: 'Test benefits, second clocks', clocks: CLOCKS, services: null, workingDayClocks: [] }));
    const started = await op('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Marta', familyName: 'Colombo' },
      programmeCode: PROGRAMME,
      officeId: OFFICE,
      didDate: today(),
    });
    journeyId = ok(started, 201).journeyId;
    ok(await op('POST', `/journeys/${journeyId}/intake`, {}));
    ok(
      await op('POST', `/journeys/${journeyId}/pact`, {
        responsibleOperatorId: OP,
        profilingClass: 'medium',
        jobSearchProof: 'Monthly report of applications sent',
        acceptance: { method: 'signed_in_person' },
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'job_search_act', description: 'Apply to five vacancies', dueDate: '2099-01-31' }],
      }),
    );
  }, 120_000);

  it('a journey without a benefit claims NASpI later: the view and the read model show it running; bad claims are refused', async () => {
    expect(await view(journeyId)).toMatchObject({ benefit: null, earlierBenefits: [], benefitRunning: false });
    // Projected with its pact signed and no benefit: no benefit columns, not among the journeys whose benefit is claimed.
    expect(await listed(journeyId, '', (r) => r.pactVersion === 1)).toMatchObject({ benefitKind: null, benefitStatus: null });
    expect(await ids('&benefitStatus=claimed')).not.toContain(journeyId);
    const badFilter = await op('GET', `/journeys?officeId=${OFFICE}&benefitStatus=lost`);
    expect([badFilter.status, fieldsOf(badFilter)]).toEqual([400, ['benefitStatus']]);

    const ended = await op('POST', `/journeys/${journeyId}/benefit/end`, { endedOn: today(), reason: 'exhausted' });
    expect([ended.status, codeOf(ended)]).toEqual([409, 'BENEFIT_NOT_CLAIMED']);
    const early = await op('POST', `/journeys/${journeyId}/benefit`, { kind: 'naspi', applicationDate: '2020-01-01' });
    expect([early.status, codeOf(early), fieldsOf(early)]).toEqual([400, 'INVALID_DATE', ['applicationDate']]);
    const bad = await op('POST', `/journeys/${journeyId}/benefit`, { kind: 'rdc', applicationDate: '2026-02-30' });
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['kind', 'applicationDate']]);

    const claimed = ok(await op('POST', `/journeys/${journeyId}/benefit`, { kind: 'naspi', applicationDate: today(), note: 'Domanda INPS prot. 118822' }));
    expect(claimed.benefitRunning).toBe(true);
    expect(claimed.benefit).toMatchObject({ kind: 'naspi', applicationDate: today(), source: 'claim', status: 'claimed', endedOn: null });
    expect(claimed.benefit.history).toEqual([expect.objectContaining({ status: 'claimed', on: today(), operatorId: OP, note: 'Domanda INPS prot. 118822' })]);
    const again = await op('POST', `/journeys/${journeyId}/benefit`, { kind: 'dis_coll', applicationDate: today() });
    expect([again.status, codeOf(again)]).toEqual([409, 'BENEFIT_ALREADY_CLAIMED']);

    const row = await listed(journeyId, '&benefitStatus=claimed', () => true);
    expect(row).toMatchObject({ benefitKind: 'naspi', benefitStatus: 'claimed', benefitStatusSince: today(), benefitEndedOn: null, benefitEndReason: null });
  }, 120_000);

  it('while it runs a missed appointment proposes a step; once it ends a later one proposes none, and the step proposed stays for the operator', async () => {
    await missedAppointment(journeyId);
    const proposed = await eventually(
      async () => (await view(journeyId)).conditionalitySteps.find((s: any) => s.stepId === 'S1' && s.status === 'proposed'),
      'step S1 to be proposed',
      { timeoutMs: 90_000, intervalMs: 300 },
    );
    expect(proposed).toMatchObject({ ladder: 'appointments', effect: 'quarter_month_cut' });

    const ended = ok(await op('POST', `/journeys/${journeyId}/benefit/end`, { endedOn: today(), reason: 'exhausted' }));
    expect(ended).toMatchObject({ benefitRunning: false, proposedStepCount: 1, benefit: { status: 'ended', endedOn: today(), endReason: 'exhausted' } });
    expect(ended.benefit.history.map((h: any) => h.status)).toEqual(['claimed', 'ended']);
    const suspendEnded = await op('POST', `/journeys/${journeyId}/benefit/suspension`, { suspendedOn: today(), reason: 'short_employment' });
    expect([suspendEnded.status, codeOf(suspendEnded)]).toEqual([409, 'BENEFIT_CLOSED']);

    await missedAppointment(journeyId);
    const closed = await eventually(
      async () => {
        const v = await view(journeyId);
        const lapse = v.lapses.find((l: any) => l.lapseId === 'L2');
        return lapse && lapse.status === 'unjustified' ? v : undefined;
      },
      'lapse L2 to close unjustified',
      { timeoutMs: 90_000, intervalMs: 300 },
    );
    expect(closed.conditionalitySteps.map((s: any) => [s.stepId, s.status])).toEqual([['S1', 'proposed']]);
    const unjustified = await eventually(async () => {
      const events: any[] = ok(await op('GET', `/journeys/${journeyId}/events`));
      return events.find((e) => e.type === 'LapseUnjustified' && e.data.lapseId === 'L2');
    }, 'the timeline to show lapse L2 unjustified', { timeoutMs: 30_000 });
    expect(unjustified.data).toEqual({ lapseId: 'L2', noStepBecause: 'not_benefit_recipient' });

    const notices = await eventually(async () => {
      const { body } = await admin('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
      return body.items.find((n: any) => n.kind === 'benefit_ended' && n.audience === 'operator');
    }, 'the operator to be told the benefit ended', { timeoutMs: 30_000 });
    expect(notices).toBeDefined();

    const row = await listed(journeyId, '&benefitStatus=ended', () => true);
    expect(row).toMatchObject({ benefitKind: 'naspi', benefitStatus: 'ended', benefitEndedOn: today(), benefitEndReason: 'exhausted' });
    expect(await ids('&benefitStatus=claimed')).not.toContain(journeyId);
    const kpis = await eventually(async () => {
      const k = ok(await sup('GET', `/supervisor/kpis?officeId=${OFFICE}`));
      return k.journeysByBenefitStatus.ended === 1 ? k : undefined;
    }, 'the KPIs to count the ended benefit', { timeoutMs: 30_000 });
    expect(kpis.journeysByBenefitStatus).toEqual({ none: 0, claimed: 0, granted: 0, refused: 0, suspended: 0, ended: 1 });
  }, 300_000);
});
