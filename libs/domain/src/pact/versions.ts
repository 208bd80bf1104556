import { NO_CONTACT } from '../contacts/agreed-contacts';
import type { JourneyState } from '../journey/model';
import { edition } from '../journey/rules-edition';
import { nextId, pastInstant, refusal, requireOneOf, requireText, type Refused } from '../journey/rules';
import { REFERRAL_TARGETS, type ReferralState } from '../referrals/model';
import { freshAction, plansOf } from './action-plan';
import {
  PACT_ACCEPTANCE_METHODS,
  type PactAcceptance,
  type PactAcceptanceInput,
  type PactActionState,
  type PactReferral,
  type PactReferralInput,
  type PactState,
  type PactVersion,
  type SignedCopyRef,
} from './model';

/**
 * The versions of the pact and the person's acceptance (edition 2). A version is in force from the person's
 * acceptance (art. 20 c.1-2 D.lgs. 150/2015: the pact is *stipulated* with the person; a contract is concluded when
 * the acceptance is given, art. 1326 c.c.). A version signed without it waits, visible as such, and none of its
 * deadlines start: version 1's actions and contact clock start on acceptance; for an amendment the version before it
 * stays in force until then. Journeys of edition 1 keep their pact in force from the signing, as they were decided.
 */

/** The version waiting for the person's acceptance, if any (never more than one: the latest). */
export function versionAwaitingAcceptance(state: JourneyState): PactVersion | null {
  const last = state.pactVersions[state.pactVersions.length - 1];
  return last && last.inForceSince === null ? last : null;
}

/** The acceptance an operator records: how, and when (not in the future, not before `notBefore`). */
export function acceptanceOf(input: unknown, now: string, notBefore: string, notBeforeWhat: string, field = 'acceptance'): PactAcceptance | Refused {
  const a = input as PactAcceptanceInput | null;
  if (typeof a !== 'object' || a === null) return refusal('INVALID_VALUE', 'must be an object with method and acceptedAt', field);
  const name = (f: string) => (field ? `${field}.${f}` : f);
  const bad = requireOneOf(a.method, PACT_ACCEPTANCE_METHODS, name('method'));
  if (bad) return bad;
  const copy = signedCopyOf(a, name('signedCopy'));
  if (copy && 'refusal' in copy) return copy;
  const at = pastInstant(a.acceptedAt, now, name('acceptedAt'), notBefore, notBeforeWhat);
  if (typeof at !== 'string') return at;
  return copy ? { acceptedAt: at, method: a.method, signedCopy: copy } : { acceptedAt: at, method: a.method };
}

const SHA256 = /^[0-9a-f]{64}$/;
const DOCUMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An acceptance by `signed_copy` rests on the uploaded copy (its stored id and SHA-256, which the API sets when it
 * stores the upload); any other method names none.
 */
function signedCopyOf(a: PactAcceptanceInput, field: string): SignedCopyRef | Refused | null {
  if (a.method !== 'signed_copy') {
    return a.signedCopy === undefined ? null : refusal('INVALID_VALUE', 'only an acceptance by signed_copy names a signed copy', field);
  }
  const c = a.signedCopy;
  if (typeof c !== 'object' || c === null) {
    return refusal('INVALID_VALUE', 'an acceptance by signed_copy is recorded by uploading the signed copy: POST /journeys/{journeyId}/pact/versions/{version}/signed', field);
  }
  if (typeof c.documentId !== 'string' || !DOCUMENT_ID.test(c.documentId)) return refusal('INVALID_VALUE', 'must be the stored document id (a UUID)', `${field}.documentId`);
  if (typeof c.sha256 !== 'string' || !SHA256.test(c.sha256)) return refusal('INVALID_VALUE', 'must be a SHA-256 in lower-case hex', `${field}.sha256`);
  return { documentId: c.documentId, sha256: c.sha256 };
}

/** The referrals a version agrees, numbered after the journey's referrals (and those of a version still waiting). */
export function pactReferrals(state: JourneyState, inputs: unknown): PactReferral[] | Refused {
  if (inputs === undefined) return [];
  if (!Array.isArray(inputs)) return refusal('INVALID_VALUE', 'must be a list', 'referrals');
  const used = usedReferralIds(state);
  const referrals: PactReferral[] = [];
  for (const [i, r] of (inputs as PactReferralInput[]).entries()) {
    const field = `referrals[${i}]`;
    if (typeof r !== 'object' || r === null) return refusal('INVALID_VALUE', 'must be an object with to, organisation and reason', field);
    const bad = requireOneOf(r.to, REFERRAL_TARGETS, `${field}.to`) ?? requireText(r.organisation, `${field}.organisation`, 200) ?? requireText(r.reason, `${field}.reason`);
    if (bad) return bad;
    const referralId = nextId('R', used);
    used.push(referralId);
    referrals.push({ referralId, to: r.to, organisation: r.organisation, reason: r.reason });
  }
  return referrals;
}

/** Every referral id the journey has given, also to a referral a version still waiting for acceptance agrees. */
export function usedReferralIds(state: JourneyState): string[] {
  return [...state.referrals.map((r) => r.referralId), ...(versionAwaitingAcceptance(state)?.referrals ?? []).map((r) => r.referralId)];
}

/**
 * The referrals a version contains: those of the version before it, those made outside the pact since (not yet in
 * a version), and the ones it agrees.
 */
export function referralsOfVersion(state: JourneyState, agreed: readonly PactReferral[]): PactReferral[] {
  const contained = state.referrals
    .filter((r) => r.pactVersion !== undefined)
    .map(({ referralId, to, organisation, reason }) => ({ referralId, to, organisation, reason }));
  return [...contained, ...agreed];
}

/** The pact in force as a version states it. */
export function pactOf(v: PactVersion): PactState {
  return {
    version: v.version,
    responsibleOperatorId: v.responsibleOperatorId,
    profilingClass: v.profilingClass,
    contactFrequency: v.contactFrequency,
    jobSearchProof: v.jobSearchProof,
    availability: v.availability,
    signedAt: v.signedAt,
  };
}

/**
 * A version comes into force at `since`: it becomes the pact, the versions before it are no longer in force, the
 * referrals it agrees are made (by `operatorId`) and those made outside the pact join it. `actions` are the journey's
 * actions under the version (version 1: its plans, fresh; an amendment: as the amendment left them).
 */
export function intoForce(state: JourneyState, version: PactVersion, since: string, at: string, actions: PactActionState[], agreed: readonly PactReferral[], operatorId: string): JourneyState {
  const referrals: ReferralState[] = [
    ...state.referrals.map((r) => (r.pactVersion === null ? { ...r, pactVersion: version.version } : r)),
    ...agreed.map((r): ReferralState => ({ ...r, operatorId, madeAt: at, outcome: null, outcomeAt: null, outcomeNote: null, pactVersion: version.version })),
  ];
  const inForce: PactVersion = { ...version, actions: plansOf(actions), inForce: true, inForceSince: since };
  inForce.referrals = referrals.map(({ referralId, to, organisation, reason }) => ({ referralId, to, organisation, reason }));
  const others = state.pactVersions.filter((v) => v.version !== version.version).map((v) => (v.inForce ? { ...v, inForce: false } : v));
  const first = state.pact === null;
  return {
    ...state,
    stage: 'pact_active',
    pact: pactOf(version),
    actions,
    referrals,
    pactVersions: [...others, inForce].sort((a, b) => a.version - b.version),
    ...(first ? { contact: { ...NO_CONTACT } } : {}),
  };
}

/** Version 1's actions, fresh. */
export function firstActions(version: PactVersion): PactActionState[] {
  return version.actions.map(freshAction);
}

/**
 * The actions once an amendment that waited comes into force: withdrawn when the version no longer lists them,
 * changed as it planned them (a moved due date restarts their clocks), added; completed ones stay as they are.
 */
export function actionsUnder(state: JourneyState, version: PactVersion): PactActionState[] {
  const planned = new Map(version.actions.map((a) => [a.actionId, a]));
  const actions = state.actions.map((a): PactActionState => {
    const plan = planned.get(a.actionId);
    planned.delete(a.actionId);
    if (a.status === 'completed' || a.status === 'withdrawn') return a;
    if (!plan) return { ...a, status: 'withdrawn' };
    return plan.dueAt !== a.dueAt ? { ...a, ...plan, status: 'pending', overdueSince: null, reminderSentAt: null, escalatedAt: null } : { ...a, ...plan };
  });
  for (const plan of planned.values()) actions.push(freshAction(plan));
  return actions;
}

/** Whether the journey records the person's acceptance of its pact versions (edition 2). */
export function recordsAcceptance(state: JourneyState): boolean {
  return edition(state) >= 2;
}

/** When the contact clock starts: version 1 coming into force (its signing in edition 1). */
export function contactClockStart(state: JourneyState): string | null {
  if (!state.pact) return null;
  return state.pactVersions[0]?.inForceSince ?? state.pact.signedAt;
}
