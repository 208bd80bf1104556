import { addClockDuration } from '../clocks/clock-durations';
import type { ClockedDeadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { refusal, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import { acceptanceOf, actionsUnder, firstActions, intoForce, versionAwaitingAcceptance } from './versions';
import type { AcceptPactVersionCommand, PACT_ACCEPTANCE_DEADLINE_KINDS, PactAcceptanceOverdue, PactVersion, PactVersionAccepted } from './model';

/**
 * The person's acceptance of a version of the pact that waits for it (edition 2), and the catalogue's window for it
 * (`pactAcceptanceWindow`, not a legal clock): past it the supervisors are told once.
 */

function acceptPactVersion(state: JourneyState, c: AcceptPactVersionCommand, now: string): Outcome {
  const version = state.pactVersions.find((v) => v.version === Number(c.version));
  if (!version) return refusal('PACT_VERSION_NOT_FOUND', `the pact has no version ${String(c.version)}`);
  if (versionAwaitingAcceptance(state)?.version !== version.version) {
    return refusal('PACT_VERSION_ALREADY_ACCEPTED', version.acceptance ? `pact version ${version.version} was accepted on ${version.acceptance.acceptedAt}` : `pact version ${version.version} came into force on signing`);
  }
  const invalid = requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const acceptance = acceptanceOf({ method: c.method, acceptedAt: c.acceptedAt, ...(c.signedCopy !== undefined ? { signedCopy: c.signedCopy } : {}) }, now, version.proposedAt ?? version.signedAt, `the signing of version ${version.version}`, '');
  if ('refusal' in acceptance) return acceptance;
  return [{ type: 'PactVersionAccepted', data: { version: version.version, acceptance, operatorId: c.operatorId } }];
}

function pactVersionAccepted(state: JourneyState, event: PactVersionAccepted): JourneyState {
  const version = state.pactVersions.find((v) => v.version === event.data.version)!;
  const accepted: PactVersion = { ...version, acceptance: event.data.acceptance };
  const known = new Set(state.referrals.map((r) => r.referralId));
  const agreed = (version.referrals ?? []).filter((r) => !known.has(r.referralId));
  const actions = state.pact === null ? firstActions(accepted) : actionsUnder(state, accepted);
  return intoForce(progressed(state, event.at), accepted, event.data.acceptance.acceptedAt, event.at, actions, agreed, event.data.operatorId);
}

function acceptanceDueAt(state: JourneyState, version: PactVersion): string | null {
  const window = state.clocks.pactAcceptanceWindow;
  return window ? addClockDuration(state, version.proposedAt ?? version.signedAt, window) : null;
}

function acceptanceDeadlines(state: JourneyState): ClockedDeadline[] {
  const waiting = versionAwaitingAcceptance(state);
  if (!waiting || waiting.acceptanceEscalatedAt) return [];
  const at = acceptanceDueAt(state, waiting);
  return at ? [{ at, since: waiting.proposedAt ?? waiting.signedAt, kind: 'pact_acceptance_due' }] : [];
}

/** When the version waiting for acceptance should have been accepted by (null: none waits, or no window). */
export function pactAcceptanceDueAt(state: JourneyState): string | null {
  const waiting = versionAwaitingAcceptance(state);
  return waiting ? acceptanceDueAt(state, waiting) : null;
}

const drafters: Record<(typeof PACT_ACCEPTANCE_DEADLINE_KINDS)[number], Drafter> = {
  pact_acceptance_due: (state, d) => [{ type: 'PactAcceptanceOverdue', data: { version: versionAwaitingAcceptance(state)!.version, dueAt: d.at } }],
};

export const acceptance = {
  deciders: { AcceptPactVersion: acceptPactVersion },
  evolvers: {
    PactVersionAccepted: pactVersionAccepted,
    PactAcceptanceOverdue: (state: JourneyState, event: PactAcceptanceOverdue): JourneyState => ({
      ...state,
      pactVersions: state.pactVersions.map((v) => (v.version === event.data.version ? { ...v, acceptanceEscalatedAt: event.at } : v)),
    }),
  },
  notices: {
    PactVersionAccepted: silent,
    PactAcceptanceOverdue: (event: PactAcceptanceOverdue, state: JourneyState) =>
      notice(state, event, 'pact_acceptance_overdue', ['supervisor'], `pact-acceptance@${event.data.version}@${event.data.dueAt}`, {
        pactVersion: event.data.version,
        dueAt: event.data.dueAt,
      }),
  },
  deadlines: acceptanceDeadlines,
  drafters,
};
