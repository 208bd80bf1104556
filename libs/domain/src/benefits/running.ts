import { romeStartOfDay, toMillis } from '../dates';
import { CONDITIONALITY_BENEFIT_KINDS, type BenefitClaim, type BenefitKind } from '../intake/model';
import type { JourneyState } from '../journey/model';
import { RUNNING_BENEFIT_STATUSES, type BenefitState, type BenefitStatus } from './model';

/**
 * The one definition of "the benefit runs": every rule that reads conditionality (a lapse's step, a missed agreed
 * contact on the ladder, the pact's availability for offers, the pay against the benefit) or a benefit's clock (the
 * first contact of art. 21 c.2) asks it here — through `subjectToConditionality`, which only a NASpI or DIS-COLL meets.
 */

const runs = (status: BenefitStatus): boolean => (RUNNING_BENEFIT_STATUSES as readonly BenefitStatus[]).includes(status);

/**
 * Whether a benefit runs at instant `at`: claimed or granted, and not refused, suspended or ended, by the status in
 * effect then. Every status counts from the start of its day in Rome; a claim given at the start counts from the
 * journey's start at the latest. Claims follow each other: the status in effect is the latest change of any claim.
 */
export function benefitRunning(state: Pick<JourneyState, 'benefit' | 'earlierBenefits'>, at: string): boolean {
  const t = toMillis(at);
  let current: BenefitStatus | null = null;
  for (const claim of [...(state.earlierBenefits ?? []), ...(state.benefit ? [state.benefit] : [])]) {
    for (const change of claim.history) if (toMillis(change.from) <= t) current = change.status;
  }
  return current !== null && runs(current);
}

/**
 * Whether the person is subject to the conditionality of art. 21 D.lgs. 150/2015 at instant `at`: a NASpI or
 * DIS-COLL claim runs then. An ADI or SFL has its own sanctions (art. 8 D.L. 48/2023, `obligations/`), so a running
 * ADI or SFL makes nobody a recipient of art. 21 (issue 15). Every conditionality rule asks it here.
 */
export function subjectToConditionality(state: Pick<JourneyState, 'benefit' | 'earlierBenefits'>, at: string): boolean {
  const t = toMillis(at);
  let current: { status: BenefitStatus; kind: BenefitKind } | null = null;
  for (const claim of [...(state.earlierBenefits ?? []), ...(state.benefit ? [state.benefit] : [])]) {
    for (const change of claim.history) if (toMillis(change.from) <= t) current = { status: change.status, kind: claim.kind };
  }
  return current !== null && runs(current.status) && (CONDITIONALITY_BENEFIT_KINDS as readonly BenefitKind[]).includes(current.kind);
}

/** Whether the latest claim is a NASpI or DIS-COLL that runs now (art. 21's clocks, such as the 15 days of c.2). */
export function conditionalityBenefitRunsNow(state: Pick<JourneyState, 'benefit'>): boolean {
  return benefitRunsNow(state) && (CONDITIONALITY_BENEFIT_KINDS as readonly BenefitKind[]).includes(state.benefit!.kind);
}

/** Whether the latest claim runs now, by its current status (the status of a recorded day never lies ahead). */
export function benefitRunsNow(state: Pick<JourneyState, 'benefit'>): boolean {
  return state.benefit !== null && runs(state.benefit.status);
}

/** A new claim's state: claimed, with its first status. */
export function claimed(claim: BenefitClaim, source: BenefitState['source'], from: string, operatorId: string | null, note: string | null, recordedAt: string): BenefitState {
  return {
    kind: claim.kind,
    applicationDate: claim.applicationDate,
    ...(claim.activationPactDate ? { activationPactDate: claim.activationPactDate } : {}),
    source,
    status: 'claimed',
    grantedOn: null,
    refusedOn: null,
    suspendedOn: null,
    endedOn: null,
    endReason: null,
    history: [{ status: 'claimed', on: claim.applicationDate, from, reason: null, note, operatorId, recordedAt }],
  };
}

/**
 * The claim given at the journey's start ("claimed at start"), running from the earliest of the DID's day, its
 * application day and the journey's start: nothing a journey records precedes the DID, so journeys started before the
 * lifecycle, which decided as if the benefit always ran, decide as they did.
 */
export function claimedAtStart(claim: BenefitClaim, startedAt: string, didDate: string): BenefitState {
  const candidates = [romeStartOfDay(didDate), romeStartOfDay(claim.applicationDate), startedAt];
  const from = candidates.reduce((a, b) => (toMillis(b) < toMillis(a) ? b : a));
  return claimed(claim, 'start', from, null, null, startedAt);
}

/** Whether a carried benefit is still the bare claim of the releases before the lifecycle. */
export function isBareClaim(benefit: BenefitClaim | BenefitState): boolean {
  return (benefit as Partial<BenefitState>).history === undefined;
}
