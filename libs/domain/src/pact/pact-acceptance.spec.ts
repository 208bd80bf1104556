import { pendingDeadlines } from '../journey/deadlines';
import type { JourneyCommand } from '../journey/commands';
import { accept, activeJourney, awaitingPactJourney, intake, LEGAL_CLOCKS, OP, refuse, run, signPact, startJourney, tick } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import { noticesFor } from '../journey/notices';
import { toView } from '../journey/view';

/**
 * The pact (art. 20 D.lgs. 150/2015) under the rules of edition 2: its minimum content, the person's acceptance of
 * each version (in force from it), the referrals it agrees, and missed agreed contacts on the appointments ladder.
 */

const SIGNED_AT = '2026-03-04T09:00:00.000Z';
type SignPact = Extract<JourneyCommand, { type: 'SignPact' }>;
type AmendPact = Extract<JourneyCommand, { type: 'AmendPact' }>;

/** The fixture's pact, waiting for the person's acceptance (no `acceptance`). */
function unaccepted(over: Partial<SignPact> = {}): SignPact {
  const { acceptance: _a, ...rest } = signPact() as SignPact;
  void _a;
  return { ...rest, ...over };
}

const waiting = (over: Partial<SignPact> = {}, o: Parameters<typeof awaitingPactJourney>[0] = {}) => run(awaitingPactJourney(o), unaccepted(over), SIGNED_AT);
const acceptV = (version: number, over: Partial<Extract<JourneyCommand, { type: 'AcceptPactVersion' }>> = {}): JourneyCommand => ({
  type: 'AcceptPactVersion',
  version,
  method: 'otp',
  operatorId: OP,
  ...over,
});
const amend = (over: Partial<AmendPact> = {}): AmendPact => ({ type: 'AmendPact', operatorId: OP, reason: 'training course from April', ...over });
const kinds = (s: JourneyState) => pendingDeadlines(s).map((d) => d.kind);

describe('art. 20 c.2 lett. e D.lgs. 150/2015: the pact states how the person proves job search', () => {
  it('edition 2: a pact without jobSearchProof is refused, naming the field', () => {
    const { jobSearchProof: _j, ...without } = signPact() as SignPact;
    void _j;
    expect(refuse(awaitingPactJourney(), without, SIGNED_AT)).toEqual({ code: 'INVALID_VALUE', field: 'jobSearchProof', message: 'must be a non-empty string' });
    expect(refuse(awaitingPactJourney(), { ...without, jobSearchProof: '  ' }, SIGNED_AT)).toMatchObject({ code: 'INVALID_VALUE', field: 'jobSearchProof' });
  });

  it('edition 1 journeys sign as they did: jobSearchProof may be left out', () => {
    const { jobSearchProof: _j, acceptance: _a, ...without } = signPact() as SignPact;
    void _j;
    void _a;
    const s = run(awaitingPactJourney({ rules: 1 }), without, SIGNED_AT);
    expect(s.pact).toMatchObject({ version: 1, jobSearchProof: null });
  });
});

describe('art. 20 D.lgs. 150/2015, art. 1326 c.c.: a version of the pact is in force from the person’s acceptance', () => {
  it('signed without acceptance, version 1 waits: the journey stays awaiting_pact, no action nor contact clock runs', () => {
    const s = waiting();
    expect(s.stage).toBe('awaiting_pact');
    expect(s.pact).toBeNull();
    expect(s.actions).toEqual([]);
    expect(s.pactVersions).toHaveLength(1);
    expect(s.pactVersions[0]).toMatchObject({ version: 1, acceptance: null, inForce: false, inForceSince: null, proposedAt: SIGNED_AT });
    expect(kinds(s)).toEqual(['pact_acceptance_due']);
    const view = toView(s);
    expect(view).toMatchObject({ pactVersionInForce: null, pactVersionAwaitingAcceptance: 1, pactAcceptanceDueAt: '2026-03-11T09:00:00.000Z', nextContactDueAt: null, overdueActionCount: 0 });
    // Nothing runs under a pact that is not in force.
    expect(refuse(s, { type: 'RecordContact', operatorId: OP, channel: 'phone' }, '2026-03-05T09:00:00.000Z').code).toBe('PACT_NOT_SIGNED');
    expect(refuse(s, { type: 'CompletePactAction', actionId: 'A1', operatorId: OP }, '2026-03-05T09:00:00.000Z').code).toBe('PACT_NOT_SIGNED');
  });

  it('accepted, version 1 is in force from the acceptance: the actions fall due and the contact clock counts from it', () => {
    const acceptedAt = '2026-03-06T15:00:00.000Z';
    const s = run(waiting(), acceptV(1, { method: 'graphometric', acceptedAt }), '2026-03-06T16:00:00.000Z');
    expect(s.stage).toBe('pact_active');
    expect(s.pact).toMatchObject({ version: 1, signedAt: SIGNED_AT });
    expect(s.pactVersions[0]).toMatchObject({ acceptance: { method: 'graphometric', acceptedAt }, inForce: true, inForceSince: acceptedAt });
    expect(s.actions.map((a) => [a.actionId, a.status])).toEqual([['A1', 'pending'], ['A2', 'pending']]);
    // The catalogue's contact frequency (P30D) after the acceptance, not after the signing.
    expect(toView(s)).toMatchObject({ nextContactDueAt: '2026-04-05T14:00:00.000Z' /* P30D on the Rome calendar: the same wall-clock time across the change to summer time on 29 March */, pactVersionInForce: 1, pactVersionAwaitingAcceptance: null, pactAcceptanceDueAt: null });
    expect(kinds(s)).toEqual(expect.arrayContaining(['action_due', 'contact_due']));
    expect(kinds(s)).not.toContain('pact_acceptance_due');
  });

  it('accepted at signing (acceptance given with SignPact), version 1 is in force at once from acceptedAt', () => {
    const acceptedAt = '2026-03-04T08:30:00.000Z';
    const s = run(awaitingPactJourney(), unaccepted({ acceptance: { method: 'signed_in_person', acceptedAt } }), SIGNED_AT);
    expect(s.stage).toBe('pact_active');
    expect(s.pactVersions[0]).toMatchObject({ acceptance: { method: 'signed_in_person', acceptedAt }, inForce: true, inForceSince: acceptedAt });
    expect(toView(s).nextContactDueAt).toBe('2026-04-03T07:30:00.000Z'); // P30D in Rome time, across 29 March's change to summer time
  });

  it('the acceptance window (catalogue pactAcceptanceWindow, P7D) passed: the supervisors are told once', () => {
    const s = waiting();
    expect(accept(s, { type: 'ProcessDeadlines' }, '2026-03-11T08:59:59.999Z')).toEqual([]);
    const events = accept(s, { type: 'ProcessDeadlines' }, '2026-03-11T09:00:00.000Z');
    expect(events.map((e) => [e.type, e.data])).toEqual([['PactAcceptanceOverdue', { version: 1, dueAt: '2026-03-11T09:00:00.000Z' }]]);
    const after = tick(s, '2026-03-11T09:00:00.000Z');
    expect(noticesFor(events, after).map((n) => [n.kind, n.audience, n.subject])).toEqual([
      ['pact_acceptance_overdue', 'supervisor', { pactVersion: 1, dueAt: '2026-03-11T09:00:00.000Z' }],
    ]);
    expect(after.pactVersions[0].acceptanceEscalatedAt).toBe('2026-03-11T09:00:00.000Z');
    expect(kinds(after)).toEqual([]);
    // Still acceptable afterwards.
    expect(run(after, acceptV(1), '2026-03-12T09:00:00.000Z').stage).toBe('pact_active');
  });

  it('without the acceptance window a version waits with no escalation', () => {
    const s = waiting({}, { clocks: { ...LEGAL_CLOCKS, pactAcceptanceWindow: null } });
    expect(kinds(s)).toEqual([]);
    expect(toView(s).pactAcceptanceDueAt).toBeNull();
  });

  it('refusals: a second signing or an amendment while a version waits, an accepted or unknown version, a bad acceptance', () => {
    const s = waiting();
    expect(refuse(s, unaccepted(), '2026-03-05T09:00:00.000Z').code).toBe('PACT_AWAITING_ACCEPTANCE');
    expect(refuse(s, acceptV(2), '2026-03-05T09:00:00.000Z').code).toBe('PACT_VERSION_NOT_FOUND');
    expect(refuse(s, acceptV(1, { acceptedAt: '2026-03-04T08:59:59.999Z' }), '2026-03-05T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'acceptedAt' });
    expect(refuse(s, acceptV(1, { acceptedAt: '2026-03-05T09:00:00.001Z' }), '2026-03-05T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'acceptedAt' });
    expect(refuse(s, acceptV(1, { method: 'email' as never }), '2026-03-05T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'method' });
    expect(refuse(awaitingPactJourney(), unaccepted({ acceptance: { method: 'fax' as never } }), SIGNED_AT)).toMatchObject({ code: 'INVALID_VALUE', field: 'acceptance.method' });
    const active = run(s, acceptV(1), '2026-03-05T09:00:00.000Z');
    expect(refuse(active, acceptV(1), '2026-03-05T10:00:00.000Z').code).toBe('PACT_VERSION_ALREADY_ACCEPTED');
    const amended = run(active, amend({ profilingClass: 'high' }), '2026-03-06T09:00:00.000Z');
    expect(refuse(amended, amend({ profilingClass: 'low' }), '2026-03-06T10:00:00.000Z').code).toBe('PACT_AWAITING_ACCEPTANCE');
  });

  it('an amendment waiting for acceptance leaves the version before it in force; accepted, it replaces it', () => {
    const active = activeJourney();
    const amended = run(active, amend({ contactFrequency: 'P15D', changeActions: [{ actionId: 'A1', dueDate: '2026-08-31' }], addActions: [{ kind: 'training', description: 'Forklift course', dueDate: '2026-09-30' }] }), '2026-04-01T10:00:00.000Z');
    expect(amended.pact).toMatchObject({ version: 1, contactFrequency: 'P30D' });
    expect(amended.actions.map((a) => [a.actionId, a.dueAt])).toEqual([
      ['A1', '2026-06-30T21:59:59.999Z'],
      ['A2', '2026-07-15T21:59:59.999Z'],
    ]);
    expect(amended.pactVersions.map((v) => [v.version, v.inForce, v.inForceSince])).toEqual([
      [1, true, '2026-03-04T09:00:00.000Z'],
      [2, false, null],
    ]);
    expect(amended.pactVersions[1].actions.map((a) => a.actionId)).toEqual(['A1', 'A2', 'A3']);
    expect(toView(amended)).toMatchObject({ pactVersionInForce: 1, pactVersionAwaitingAcceptance: 2 });

    const accepted = run(amended, acceptV(2, { acceptedAt: '2026-04-02T10:00:00.000Z' }), '2026-04-02T11:00:00.000Z');
    expect(accepted.pact).toMatchObject({ version: 2, contactFrequency: 'P15D' });
    expect(accepted.actions.map((a) => [a.actionId, a.dueAt, a.status])).toEqual([
      ['A1', '2026-08-31T21:59:59.999Z', 'pending'],
      ['A2', '2026-07-15T21:59:59.999Z', 'pending'],
      ['A3', '2026-09-30T21:59:59.999Z', 'pending'],
    ]);
    expect(accepted.pactVersions.map((v) => [v.version, v.inForce, v.inForceSince])).toEqual([
      [1, false, '2026-03-04T09:00:00.000Z'],
      [2, true, '2026-04-02T10:00:00.000Z'],
    ]);
  });

  it('an amendment accepted with it is in force at once; one withdrawing an action withdraws it on acceptance only', () => {
    const active = activeJourney();
    const now = run(active, amend({ profilingClass: 'high', acceptance: { method: 'otp' } }), '2026-04-01T10:00:00.000Z');
    expect(now.pact).toMatchObject({ version: 2, profilingClass: 'high' });
    const withdrawing = run(active, amend({ withdrawActionIds: ['A2'] }), '2026-04-01T10:00:00.000Z');
    expect(withdrawing.actions.find((a) => a.actionId === 'A2')!.status).toBe('pending');
    expect(run(withdrawing, acceptV(2), '2026-04-01T11:00:00.000Z').actions.find((a) => a.actionId === 'A2')!.status).toBe('withdrawn');
  });

  it('edition 1 journeys: the pact is in force at signing, as they were decided; acceptance is not theirs', () => {
    const { acceptance: _a, ...edition1 } = signPact() as SignPact;
    void _a;
    const s = run(awaitingPactJourney({ rules: 1 }), edition1, SIGNED_AT);
    expect(s.stage).toBe('pact_active');
    expect(s.pactVersions[0]).toMatchObject({ acceptance: null, inForce: true, inForceSince: SIGNED_AT });
    expect(refuse(awaitingPactJourney({ rules: 1 }), signPact(), SIGNED_AT)).toMatchObject({ code: 'INVALID_VALUE', field: 'acceptance' });
    expect(refuse(s, acceptV(1), '2026-03-05T09:00:00.000Z').code).toBe('PACT_VERSION_ALREADY_ACCEPTED');
  });
});

describe('referrals to other services are part of the pact and of its versions (art. 20 c.2 D.lgs. 150/2015; DOMAIN: the pact records any referral)', () => {
  const course = { to: 'training_body' as const, organisation: 'CIOFS Piemonte', reason: 'Forklift licence course' };

  it('a pact lists the referrals it agrees: kept in its version, made as referrals linked to it once in force', () => {
    const s = waiting({ referrals: [course] });
    expect(s.pactVersions[0].referrals).toEqual([{ referralId: 'R1', ...course }]);
    expect(s.referrals).toEqual([]);
    // An id a waiting version holds is not given again.
    const outside = run(s, { type: 'MakeReferral', to: 'social_services', organisation: 'Servizi sociali Torino', reason: 'housing', operatorId: OP }, '2026-03-05T09:00:00.000Z');
    expect(outside.referrals.map((r) => [r.referralId, r.pactVersion])).toEqual([['R2', null]]);
    const inForce = run(outside, acceptV(1), '2026-03-05T10:00:00.000Z');
    expect(inForce.referrals.map((r) => [r.referralId, r.to, r.pactVersion])).toEqual([
      ['R2', 'social_services', 1],
      ['R1', 'training_body', 1],
    ]);
    expect(inForce.pactVersions[0].referrals!.map((r) => r.referralId)).toEqual(['R2', 'R1']);
  });

  it('a referral made outside the pact after signing joins the next version; each version shows the referrals it contains', () => {
    let s = run(run(startJourney(), intake(), '2026-03-03T09:00:00.000Z'), unaccepted({ referrals: [course], acceptance: { method: 'signed_in_person' } }), SIGNED_AT);
    expect(s.referrals.map((r) => [r.referralId, r.pactVersion, r.operatorId])).toEqual([['R1', 1, OP]]);
    s = run(s, { type: 'MakeReferral', to: 'health_services', organisation: 'ASL TO1', reason: 'assessment', operatorId: OP }, '2026-03-10T09:00:00.000Z');
    expect(s.referrals.map((r) => [r.referralId, r.pactVersion])).toEqual([['R1', 1], ['R2', null]]);
    s = run(s, amend({ referrals: [{ to: 'other_employment_service', organisation: 'Agenzia X', reason: 'placement support' }], acceptance: { method: 'otp' } }), '2026-03-20T09:00:00.000Z');
    expect(s.referrals.map((r) => [r.referralId, r.pactVersion])).toEqual([['R1', 1], ['R2', 2], ['R3', 2]]);
    expect(s.pactVersions.map((v) => [v.version, v.referrals!.map((r) => r.referralId)])).toEqual([
      [1, ['R1']],
      [2, ['R1', 'R2', 'R3']],
    ]);
  });

  it('an amendment may only add referrals; a malformed one is refused naming its field', () => {
    const s = activeJourney();
    expect(run(s, amend({ referrals: [course] }), '2026-03-20T09:00:00.000Z').pactVersions[1].referrals).toEqual([{ referralId: 'R1', ...course }]);
    expect(refuse(s, amend({ referrals: [{ ...course, to: 'church' as never }] }), '2026-03-20T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'referrals[0].to' });
    expect(refuse(awaitingPactJourney({ rules: 1 }), { ...(signPact() as SignPact), acceptance: undefined, referrals: [course] }, SIGNED_AT)).toMatchObject({ field: 'referrals' });
  });
});

describe('art. 21 c.7 lett. a D.lgs. 150/2015: a missed contact agreed in the pact (art. 20 c.2 lett. d) counts on the appointments ladder', () => {
  /** Signed and accepted on 4 March: the agreed contact (P30D) falls due on 3 April at 09:00 UTC. */
  // The signing plus P30D on the Rome calendar (edition 2): the same wall-clock time after 29 March's change to summer time.
  const CONTACT_DUE = '2026-04-03T08:00:00.000Z';

  it('edition 2, a benefit recipient: the missed contact opens a lapse with its justification window, like a no-show', () => {
    const s = tick(activeJourney(), CONTACT_DUE);
    expect(s.contact.missedDueAt).toBe(CONTACT_DUE);
    expect(s.lapses).toEqual([
      expect.objectContaining({
        lapseId: 'L1',
        ladder: 'appointments',
        contactDueAt: CONTACT_DUE,
        appointmentId: null,
        offerId: null,
        // The contacts were agreed with the operator and signed in the pact: a valid convocation.
        convocationValid: true,
        status: 'awaiting_justification',
        // The justification window (P1D, legal): the end of the next day in Rome.
        justificationDueAt: '2026-04-04T21:59:59.999Z',
      }),
    ]);
    const after = tick(s, '2026-04-04T21:59:59.999Z');
    expect(after.lapses[0].status).toBe('unjustified');
    expect(after.conditionalitySteps).toEqual([expect.objectContaining({ stepId: 'S1', lapseId: 'L1', ladder: 'appointments', ordinal: 1, effect: 'quarter_month_cut', status: 'proposed' })]);
  });

  it('the notice of the missed contact states the justification window', () => {
    const s = activeJourney();
    const events = accept(s, { type: 'ProcessDeadlines' }, CONTACT_DUE);
    const notices = noticesFor(events, tick(s, CONTACT_DUE));
    expect(notices.find((n) => n.kind === 'contact_missed')!.subject).toEqual({ contactDueAt: CONTACT_DUE, justificationDueAt: '2026-04-04T21:59:59.999Z' });
  });

  it('a valid excuse closes it as for a no-show', () => {
    const s = tick(activeJourney(), CONTACT_DUE);
    const justified = run(s, { type: 'JustifyLapse', lapseId: 'L1', reason: 'illness_or_injury', evidenceRef: 'PROT-1', operatorId: OP }, '2026-04-04T09:00:00.000Z');
    expect(justified.lapses[0].status).toBe('justified');
  });

  it('not a benefit recipient: no lapse, the missed contact is only escalated as before', () => {
    const s = tick(activeJourney({ benefit: null }), CONTACT_DUE);
    expect(s.contact.missedDueAt).toBe(CONTACT_DUE);
    expect(s.lapses).toEqual([]);
  });

  it('edition 1: no lapse either (recorded journeys replay as decided)', () => {
    const s = tick(activeJourney({ rules: 1 }), '2026-04-03T09:00:00.000Z');
    expect(s.contact.missedDueAt).toBe('2026-04-03T09:00:00.000Z');
    expect(s.lapses).toEqual([]);
  });
});
