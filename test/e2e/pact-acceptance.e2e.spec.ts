import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import type { HttpAnswer } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The pact through the API under the rules of edition 2 (issue 13, "The pact"): `jobSearchProof` required (art. 20
 * c.2 lett. e D.lgs. 150/2015); a version in force from the person's acceptance, waiting visibly until then with no
 * deadline started, escalated past the catalogue's acceptance window; referrals agreed in the pact kept in its version;
 * a benefit recipient's missed agreed contact opening a lapse on the appointments ladder (art. 21 c.7 lett. a). A test
 * catalogue with second-long clocks; the built worker and API.
 */

const product = productForFile({}, async (started) => {
  expect((await started.as()('PUT', `/programmes/${FAST}`, { title: 'Test pact acceptance, second clocks', clocks: CLOCKS })).status).toBe(200);
});

const suffix = uniqueSuffix().toUpperCase();
const FAST = `TEST-PACT-${suffix}`;
const OFFICE = `CPI-PACT-${suffix}`;
const OP = 'op-patto';
const CLOCKS = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  justificationWindow: 'PT3S',
  defaultContactFrequency: 'P30D',
  pactAcceptanceWindow: 'PT4S',
};

const as = (token: string) => product.as(token);
const op = as(tokenFor('operator', [OFFICE], OP));
const supervisor = as(tokenFor('supervisor', [OFFICE], 'sup-patto'));
const admin = product.as();
const today = () => romeDateOf(Date.now());
const codeOf = (answer: HttpAnswer): string | undefined => answer.body?.error?.code;
const fieldsOf = (answer: HttpAnswer): string[] => (answer.body?.error?.fields ?? []).map((f: { field: string }) => f.field);

const PACT = {
  responsibleOperatorId: OP,
  profilingClass: 'medium',
  jobSearchProof: 'Elenco mensile delle candidature inviate',
  availability: { workshops: true, training: true, suitableOffers: true },
  actions: [{ kind: 'workshop', description: 'Laboratorio di ricerca attiva', dueDate: '2099-01-31' }],
};

async function takenInCharge(benefit = false): Promise<string> {
  const started = await op('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Sara', familyName: 'Gallo', email: 'sara.gallo@example.org' },
    programmeCode: FAST,
    officeId: OFFICE,
    didDate: today(),
    ...(benefit ? { benefit: { kind: 'naspi', applicationDate: today() } } : {}),
  });
  expect(started.status).toBe(201);
  const journeyId: string = started.body.journeyId;
  expect((await op('POST', `/journeys/${journeyId}/intake`, {})).status).toBe(200);
  return journeyId;
}

const view = async (journeyId: string) => (await op('GET', `/journeys/${journeyId}`)).body;

describe('the pact through the API (rules edition 2)', () => {
  it('art. 20 c.2 lett. e D.lgs. 150/2015: a pact without jobSearchProof is a 400 naming it', async () => {
    const journeyId = await takenInCharge();
    const { jobSearchProof: _j, ...without } = PACT;
    void _j;
    const answer = await op('POST', `/journeys/${journeyId}/pact`, without);
    expect([answer.status, codeOf(answer), fieldsOf(answer)]).toEqual([400, 'VALIDATION_FAILED', ['jobSearchProof']]);
  });

  it('signed without acceptance, version 1 waits with no action clock; the supervisors see it and are told; accepted, it is in force and its deadlines run from the acceptance', async () => {
    const journeyId = await takenInCharge();
    const signed = await op('POST', `/journeys/${journeyId}/pact`, PACT);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ stage: 'awaiting_pact', pact: null, actions: [], pactVersionInForce: null, pactVersionAwaitingAcceptance: 1, nextContactDueAt: null });
    expect(signed.body.pactVersions).toEqual([expect.objectContaining({ version: 1, acceptance: null, inForce: false, inForceSince: null })]);
    // The only clock running is the acceptance window: no action reminder, due date or contact.
    expect(signed.body.nextDeadline).toMatchObject({ kind: 'pact_acceptance_due' });
    expect(codeOf(await op('POST', `/journeys/${journeyId}/contacts`, { channel: 'phone' }))).toBe('PACT_NOT_SIGNED');
    expect(codeOf(await op('POST', `/journeys/${journeyId}/pact`, PACT))).toBe('PACT_AWAITING_ACCEPTANCE');

    // Listed for the supervisors, and counted.
    const listed = await eventually(async () => {
      const page = await supervisor('GET', `/supervisor/pacts-awaiting-acceptance?officeId=${OFFICE}`);
      expect(page.status).toBe(200);
      return page.body.items.find((i: { journeyId: string }) => i.journeyId === journeyId);
    }, 'the version listed as awaiting acceptance');
    expect(listed).toMatchObject({ version: 1, versionInForce: null, stage: 'awaiting_pact', operatorId: OP });
    const kpis = await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}`);
    expect(kpis.body.pactsAwaitingAcceptance).toBeGreaterThanOrEqual(1);

    // Past the acceptance window (PT4S) the supervisors are told, once.
    const escalated = await eventually(async () => {
      const v = await view(journeyId);
      return v.pactVersions[0].acceptanceEscalatedAt ? v : undefined;
    }, 'the acceptance window to pass', { timeoutMs: 60_000 });
    expect(escalated.nextDeadline).toBeNull();
    await eventually(async () => {
      const { body } = await admin('GET', `/notifications?journeyId=${journeyId}&pageSize=100`);
      return body.items.some((n: { kind: string; audience: string }) => n.kind === 'pact_acceptance_overdue' && n.audience === 'supervisor') || undefined;
    }, 'the escalation in the outbox');

    // The person accepts with an OTP: version 1 is in force from then.
    expect(codeOf(await op('POST', `/journeys/${journeyId}/pact/versions/2/acceptance`, { method: 'otp' }))).toBe('PACT_VERSION_NOT_FOUND');
    const bad = await op('POST', `/journeys/${journeyId}/pact/versions/1/acceptance`, { method: 'email' });
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['method']]);
    const accepted = await op('POST', `/journeys/${journeyId}/pact/versions/1/acceptance`, { method: 'otp' });
    expect(accepted.status).toBe(200);
    const acceptedAt: string = accepted.body.pactVersions[0].acceptance.acceptedAt;
    expect(accepted.body).toMatchObject({ stage: 'pact_active', pact: { version: 1 }, pactVersionInForce: 1, pactVersionAwaitingAcceptance: null });
    expect(accepted.body.pactVersions[0]).toMatchObject({ acceptance: { method: 'otp', acceptedAt }, inForce: true, inForceSince: acceptedAt });
    expect(accepted.body.actions).toEqual([expect.objectContaining({ actionId: 'A1', status: 'pending' })]);
    // The agreed contact falls due the contact frequency (P30D) after the acceptance.
    expect(accepted.body.nextContactDueAt).toBe(new Date(Date.parse(acceptedAt) + 30 * 86_400_000).toISOString());
    expect(codeOf(await op('POST', `/journeys/${journeyId}/pact/versions/1/acceptance`, { method: 'otp' }))).toBe('PACT_VERSION_ALREADY_ACCEPTED');

    // The read model shows the version in force, and the supervisors' list no longer has it.
    await eventually(async () => {
      const page = await supervisor('GET', `/supervisor/pacts-awaiting-acceptance?officeId=${OFFICE}`);
      return page.body.items.some((i: { journeyId: string }) => i.journeyId === journeyId) ? undefined : true;
    }, 'the version gone from the list');
    const row = await eventually(async () => {
      const page = await op('GET', `/journeys?officeId=${OFFICE}&pageSize=100`);
      return page.body.items.find((i: { journeyId: string; pactVersion: number | null }) => i.journeyId === journeyId && i.pactVersion === 1);
    }, 'the journey row with its pact in force');
    expect(row).toMatchObject({ pactVersion: 1, pactInForceSince: acceptedAt, pactVersionAwaitingAcceptance: null });
    expect((await supervisor('GET', `/supervisor/kpis?officeId=${OFFICE}`)).body.pactsInForce).toBeGreaterThanOrEqual(1);
  });

  it('a referral agreed in the pact shows in its version and links to it', async () => {
    const journeyId = await takenInCharge();
    const signed = await op('POST', `/journeys/${journeyId}/pact`, {
      ...PACT,
      acceptance: { method: 'signed_in_person' },
      referrals: [{ to: 'training_body', organisation: 'CIOFS Piemonte', reason: 'Corso per carrellisti' }],
    });
    expect(signed.status).toBe(200);
    expect(signed.body.stage).toBe('pact_active');
    expect(signed.body.pactVersions[0].referrals).toEqual([{ referralId: 'R1', to: 'training_body', organisation: 'CIOFS Piemonte', reason: 'Corso per carrellisti' }]);
    expect(signed.body.referrals).toEqual([expect.objectContaining({ referralId: 'R1', pactVersion: 1 })]);
  });

  it("art. 21 c.7 lett. a D.lgs. 150/2015: a benefit recipient's missed agreed contact opens a lapse on the appointments ladder, then a proposed step", async () => {
    const journeyId = await takenInCharge(true);
    const signed = await op('POST', `/journeys/${journeyId}/pact`, { ...PACT, contactFrequency: 'PT3S', acceptance: { method: 'graphometric' } });
    expect(signed.status).toBe(200);
    const lapsed = await eventually(async () => {
      const v = await view(journeyId);
      return v.lapses.length > 0 ? v : undefined;
    }, 'the missed contact to open a lapse', { timeoutMs: 60_000 });
    expect(lapsed.lapses[0]).toMatchObject({ lapseId: 'L1', ladder: 'appointments', contactDueAt: lapsed.contact.missedDueAt, convocationValid: true, appointmentId: null });
    const proposed = await eventually(async () => {
      const v = await view(journeyId);
      return v.conditionalitySteps.length > 0 ? v : undefined;
    }, 'the justification window (PT3S) to close', { timeoutMs: 60_000 });
    expect(proposed.conditionalitySteps[0]).toMatchObject({ stepId: 'S1', lapseId: 'L1', ladder: 'appointments', ordinal: 1, effect: 'quarter_month_cut', status: 'proposed' });
    // The supervisors' list of steps names the missed contact as its cause.
    const listed = await eventually(async () => {
      const page = await supervisor('GET', `/supervisor/conditionality-steps?officeId=${OFFICE}&status=proposed`);
      return page.body.items.find((i: { journeyId: string }) => i.journeyId === journeyId);
    }, 'the proposed step in the read model');
    expect(listed).toMatchObject({ stepId: 'S1', appointmentId: null, offerId: null, contactDueAt: lapsed.contact.missedDueAt });
  });

  it('documents the acceptance, the required jobSearchProof, the view, the supervisors\' list and KPIs in OpenAPI', async () => {
    const { body: doc } = await admin('GET', '/docs-json');
    const post = doc.paths['/journeys/{journeyId}/pact/versions/{version}/acceptance']?.post;
    expect(post?.tags).toEqual(['journeys']);
    const errors = Object.values(post.responses).map((r: any) => r.description).join('\n');
    for (const code of ['PACT_VERSION_NOT_FOUND', 'PACT_VERSION_ALREADY_ACCEPTED', 'INVALID_DATE']) expect(errors).toContain(`\`${code}\``);
    const signErrors = Object.values(doc.paths['/journeys/{journeyId}/pact'].post.responses).map((r: any) => r.description).join('\n');
    expect(signErrors).toContain('`PACT_AWAITING_ACCEPTANCE`');
    const schemas = doc.components.schemas;
    expect(schemas.SignPactBody.required).toContain('jobSearchProof');
    expect(Object.keys(schemas.SignPactBody.properties)).toEqual(expect.arrayContaining(['acceptance', 'referrals']));
    expect(schemas.AcceptPactVersionBody.required).toEqual(['method']);
    expect(Object.keys(schemas.JourneyViewDto.properties)).toEqual(expect.arrayContaining(['pactVersionInForce', 'pactVersionAwaitingAcceptance', 'pactAcceptanceDueAt']));
    expect(Object.keys(schemas.PactVersionViewDto.properties)).toEqual(expect.arrayContaining(['acceptance', 'inForce', 'inForceSince', 'referrals']));
    expect(doc.paths['/supervisor/pacts-awaiting-acceptance']?.get).toBeDefined();
    expect(Object.keys(schemas.KpisDto.properties)).toEqual(expect.arrayContaining(['pactsInForce', 'pactsAwaitingAcceptance']));
    expect(schemas.JourneyClocksDto.properties).toHaveProperty('pactAcceptanceWindow');
  });

  it('not a benefit recipient: the missed contact opens no lapse', async () => {
    const journeyId = await takenInCharge(false);
    expect((await op('POST', `/journeys/${journeyId}/pact`, { ...PACT, contactFrequency: 'PT2S', acceptance: { method: 'otp' } })).status).toBe(200);
    const missed = await eventually(async () => {
      const v = await view(journeyId);
      return v.contact.missedDueAt ? v : undefined;
    }, 'the contact to be missed', { timeoutMs: 60_000 });
    expect(missed.lapses).toEqual([]);
  });
});
