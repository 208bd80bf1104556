import { NATIONAL } from '../regions/regions';
import { NO_CLOCKS } from '../clocks/clock-table';
import { NO_CONTACT } from '../contacts/agreed-contacts';
import type { PactVersion } from '../pact/model';
import { completeByIntake, emptyProgress } from '../services/progress';
import { SERVICE_CODES } from '../services/service-table';
import type { JourneyState } from './model';
import { emptyExtensions } from './start';
import { claimedAtStart, isBareClaim } from '../benefits/running';
import type { BenefitClaim } from '../intake/model';

/**
 * Completes a state carried over by continue-as-new from an older release, so every rule reads a complete state:
 * - from before the six services: their parts empty, reception done after the intake, the pact as version 1;
 * - any part still missing (a state older still, or a part added since) gets what a journey that never used it has;
 * - a service added since the state was carried gets its row, not started; a row for a service this release does
 *   not know is history and stays as it is;
 * - a benefit carried from before its lifecycle (issue 14) is the claim given at the start, claimed and running.
 * A state with nothing missing comes back as the same object.
 */
export function upgradeState(state: JourneyState): JourneyState {
  const carried = state as Partial<JourneyState> & JourneyState;
  return withBenefitLifecycle(withAppealFields(withOfferParts(withEveryService(withEveryPart(carried.serviceProgress === undefined ? fromBeforeServices(state) : state)))));
}

/** Offers carried from before issue 13 get its parts: proposed when recorded, no facts, verdict, override or hearing. */
function withOfferParts(state: JourneyState): JourneyState {
  if (state.offers.every((o) => o.proposedAt !== undefined && o.hearing !== undefined)) return state;
  return {
    ...state,
    offers: state.offers.map((o) => ({ ...o, proposedAt: o.proposedAt ?? o.recordedAt, facts: o.facts ?? null, verdict: o.verdict ?? null, override: o.override ?? null, hearing: o.hearing ?? null })),
  };
}

function fromBeforeServices(state: JourneyState): JourneyState {
  const upgraded: JourneyState = { ...emptyExtensions(), ...state };
  if (state.intake) upgraded.serviceProgress = completeByIntake(upgraded, state.intake.takenInChargeAt).serviceProgress;
  upgraded.pactVersions = firstVersion(state);
  return upgraded;
}

function firstVersion(state: JourneyState): PactVersion[] {
  if (!state.pact) return [];
  const actions = (state.actions ?? []).map(({ actionId, kind, description, dueAt }) => ({ actionId, kind, description, dueAt }));
  // From before pact acceptance (edition 1): in force from the signing.
  return [{ ...state.pact, actions, amendedBy: null, reason: null, acceptance: null, inForceSince: state.pact.signedAt, inForce: true, proposedAt: state.pact.signedAt }];
}

type Defaults = { [K in keyof JourneyState]?: (state: JourneyState) => JourneyState[K] };

/** What each part is on a journey that never used it (or, for the progress clock, on one that never progressed). */
const PART_DEFAULTS: Defaults = {
  ...(Object.fromEntries(Object.keys(emptyExtensions()).map((key) => [key, () => emptyExtensions()[key as keyof ReturnType<typeof emptyExtensions>]])) as Defaults),
  pactVersions: firstVersion,
  actions: () => [],
  catalogueVersion: () => null,
  // Issue 15: every journey carried from before regions pinned a national catalogue.
  catalogueScope: () => NATIONAL,
  clocks: () => NO_CLOCKS,
  contact: () => ({ ...NO_CONTACT }),
  pactDeadlineMissedAt: () => null,
  pactDeadlineEscalatedAt: () => null,
  lastProgressAt: (state) => state.updatedAt,
  noProgressSince: () => null,
};

function withEveryPart(state: JourneyState): JourneyState {
  const missing = Object.keys(PART_DEFAULTS).filter((key) => (state as unknown as Record<string, unknown>)[key] === undefined) as (keyof JourneyState)[];
  if (missing.length === 0) return state;
  const upgraded: Record<string, unknown> = { ...state };
  for (const key of missing) upgraded[key] = PART_DEFAULTS[key]!(state);
  return upgraded as unknown as JourneyState;
}

/** Conditionality steps carried from before appeals (issue 13) get their appeal fields, empty. */
function withAppealFields(state: JourneyState): JourneyState {
  if (state.conditionalitySteps.every((s) => s.notification !== undefined)) return state;
  const empty = { notification: null, appeal: null, appealWindowClosedAt: null, originalEffect: null };
  return { ...state, conditionalitySteps: state.conditionalitySteps.map((s) => (s.notification === undefined ? { ...empty, ...s } : s)) };
}

/** A benefit carried as the bare claim of the releases before its lifecycle: "claimed at start", running as it always did. */
function withBenefitLifecycle(state: JourneyState): JourneyState {
  const carried = state.benefit as BenefitClaim | JourneyState['benefit'];
  if (carried === null || !isBareClaim(carried)) return state;
  return { ...state, benefit: claimedAtStart({ kind: carried.kind, applicationDate: carried.applicationDate }, state.startedAt, state.didDate) };
}

function withEveryService(state: JourneyState): JourneyState {
  const known = new Set(state.serviceProgress.map((s) => s.service));
  const added = SERVICE_CODES.filter((service) => !known.has(service));
  return added.length === 0 ? state : { ...state, serviceProgress: [...state.serviceProgress, ...added.map(emptyProgress)] };
}
