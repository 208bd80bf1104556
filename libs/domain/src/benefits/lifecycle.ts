import { isIsoDate, romeDateOf, romeStartOfDay } from '../dates';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { optionalString, refusal, requireOneOf, requireText, type Outcome, type Refused } from '../journey/rules';
import { BENEFIT_KINDS } from '../intake/model';
import {
  BENEFIT_END_REASONS,
  BENEFIT_SUSPENSION_REASONS,
  type BenefitChangeData,
  type BenefitClaimed,
  type BenefitEnded,
  type BenefitEndReason,
  type BenefitGranted,
  type BenefitRefused,
  type BenefitResumed,
  type BenefitState,
  type BenefitStatus,
  type BenefitStatusChange,
  type BenefitSuspended,
  type BenefitSuspensionReason,
  type ClaimBenefitCommand,
  type EndBenefitCommand,
  type RecordBenefitGrantedCommand,
  type RecordBenefitRefusedCommand,
  type ResumeBenefitCommand,
  type SuspendBenefitCommand,
} from './model';
import { claimed } from './running';

/**
 * The benefit's transitions, each recorded by an operator with the day it took effect (YYYY-MM-DD, not in the
 * future, not before the claim nor the status before it, so the history reads in order):
 *
 *   (none | refused | ended) ─ClaimBenefit→ claimed ─RecordBenefitGranted→ granted
 *   claimed ─RecordBenefitRefused→ refused (a suspended claim not yet granted may be refused too)
 *   claimed | granted ─SuspendBenefit→ suspended ─ResumeBenefit→ claimed | granted (as before)
 *   claimed | granted | suspended ─EndBenefit→ ended
 *
 * A conditionality step proposed while the benefit ran stays for the operator to confirm or dismiss when it ends:
 * the lapse happened while it ran; the view shows that it no longer runs (`benefitRunning`).
 */

type Day = string | Refused;

/** A day (YYYY-MM-DD) not after today in Rome and not before `notBefore`. */
function pastDay(value: unknown, now: string, field: string, notBefore: string, notBeforeWhat: string): Day {
  if (typeof value !== 'string' || !isIsoDate(value)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', field);
  if (value > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future', field);
  if (value < notBefore) return refusal('INVALID_DATE', `cannot precede ${notBeforeWhat} (${notBefore})`, field);
  return value;
}

const closedStatus = (s: BenefitStatus) => s === 'refused' || s === 'ended';

/** The latest claim when it may still change, or why not. */
function openClaim(state: JourneyState): BenefitState | Refused {
  const b = state.benefit;
  if (b === null) return refusal('BENEFIT_NOT_CLAIMED', 'the person claims no benefit: record the claim first (ClaimBenefit)');
  if (closedStatus(b.status)) return refusal('BENEFIT_CLOSED', `the ${b.kind} claim of ${b.applicationDate} was ${b.status} on ${b.refusedOn ?? b.endedOn}: claim again to record a new one`);
  return b;
}

/** The change's day, after the claim's last status; the operator and note checked. */
function changeDay(b: BenefitState, c: { operatorId: unknown; note?: unknown }, value: unknown, field: string, now: string): Day {
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  const last = b.history.at(-1)!;
  return pastDay(value, now, field, last.on, b.history.length === 1 ? 'the application' : `the benefit's last change (${last.status})`);
}

const data = (on: string, c: { operatorId: string; note?: string }): BenefitChangeData => ({ on, operatorId: c.operatorId, note: c.note ?? null });

function claimBenefit(state: JourneyState, c: ClaimBenefitCommand, now: string): Outcome {
  const b = state.benefit;
  if (b !== null && !closedStatus(b.status)) {
    return refusal('BENEFIT_ALREADY_CLAIMED', `the ${b.kind} claim of ${b.applicationDate} is ${b.status}: end it (or record its refusal) before claiming another`);
  }
  const invalid = requireOneOf(c.kind, BENEFIT_KINDS, 'kind') ?? requireText(c.operatorId, 'operatorId', 100) ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  // The application comes with the DID or after it: a NASpI or DIS-COLL application counts as the DID (art. 21 c.1).
  const previous = b?.history.at(-1)?.on;
  const applicationDate =
    previous !== undefined && previous > state.didDate
      ? pastDay(c.applicationDate, now, 'applicationDate', previous, `the end of the previous claim`)
      : pastDay(c.applicationDate, now, 'applicationDate', state.didDate, 'the DID');
  if (typeof applicationDate !== 'string') return applicationDate;
  // Issue 15: the ADI/SFL digital activation pact's day starts their presentation clocks; not in the future.
  let activationPactDate: string | undefined;
  if (c.activationPactDate !== undefined && c.activationPactDate !== null) {
    const day = pastDay(c.activationPactDate, now, 'activationPactDate', '0000-01-01', 'any day');
    if (typeof day !== 'string') return day;
    activationPactDate = day;
  }
  return [{ type: 'BenefitClaimed', data: { kind: c.kind, applicationDate, ...(activationPactDate ? { activationPactDate } : {}), operatorId: c.operatorId, note: c.note ?? null } }];
}

function recordGranted(state: JourneyState, c: RecordBenefitGrantedCommand, now: string): Outcome {
  const b = openClaim(state);
  if ('refusal' in b) return b;
  if (b.grantedOn !== null) return refusal('BENEFIT_ALREADY_GRANTED', `the ${b.kind} was granted on ${b.grantedOn}`);
  // Each status in the history says whether the benefit runs from its day: a grant comes while it runs.
  if (b.status === 'suspended') return refusal('BENEFIT_ALREADY_SUSPENDED', `the ${b.kind} is suspended since ${b.suspendedOn}: record the grant once it is resumed`);
  const on = changeDay(b, c, c.grantedOn, 'grantedOn', now);
  if (typeof on !== 'string') return on;
  return [{ type: 'BenefitGranted', data: data(on, c) }];
}

function recordRefused(state: JourneyState, c: RecordBenefitRefusedCommand, now: string): Outcome {
  const b = openClaim(state);
  if ('refusal' in b) return b;
  if (b.grantedOn !== null) return refusal('BENEFIT_ALREADY_GRANTED', `the ${b.kind} was granted on ${b.grantedOn}: a granted benefit is ended (EndBenefit), not refused`);
  const on = changeDay(b, c, c.refusedOn, 'refusedOn', now);
  if (typeof on !== 'string') return on;
  return [{ type: 'BenefitRefused', data: data(on, c) }];
}

function suspend(state: JourneyState, c: SuspendBenefitCommand, now: string): Outcome {
  const b = openClaim(state);
  if ('refusal' in b) return b;
  if (b.status === 'suspended') return refusal('BENEFIT_ALREADY_SUSPENDED', `the ${b.kind} is suspended since ${b.suspendedOn}`);
  const invalid = requireOneOf(c.reason, BENEFIT_SUSPENSION_REASONS, 'reason');
  if (invalid) return invalid;
  const on = changeDay(b, c, c.suspendedOn, 'suspendedOn', now);
  if (typeof on !== 'string') return on;
  return [{ type: 'BenefitSuspended', data: { ...data(on, c), reason: c.reason } }];
}

function resume(state: JourneyState, c: ResumeBenefitCommand, now: string): Outcome {
  const b = openClaim(state);
  if ('refusal' in b) return b;
  if (b.status !== 'suspended') return refusal('BENEFIT_NOT_SUSPENDED', `the ${b.kind} is ${b.status}, not suspended`);
  const on = changeDay(b, c, c.resumedOn, 'resumedOn', now);
  if (typeof on !== 'string') return on;
  return [{ type: 'BenefitResumed', data: data(on, c) }];
}

function end(state: JourneyState, c: EndBenefitCommand, now: string): Outcome {
  const b = openClaim(state);
  if ('refusal' in b) return b;
  const invalid = requireOneOf(c.reason, BENEFIT_END_REASONS, 'reason');
  if (invalid) return invalid;
  const on = changeDay(b, c, c.endedOn, 'endedOn', now);
  if (typeof on !== 'string') return on;
  return [{ type: 'BenefitEnded', data: { ...data(on, c), reason: c.reason } }];
}

/** The latest claim with one more status. */
function changed(state: JourneyState, at: string, status: BenefitStatus, d: BenefitChangeData, reason: BenefitSuspensionReason | BenefitEndReason | null, patch: Partial<BenefitState>): JourneyState {
  const b = state.benefit!;
  const change: BenefitStatusChange = { status, on: d.on, from: romeStartOfDay(d.on), reason, note: d.note, operatorId: d.operatorId, recordedAt: at };
  return { ...state, benefit: { ...b, ...patch, status, history: [...b.history, change] } };
}

/**
 * A change the journey decides itself (issue 15: a missed ADI/SFL presentation suspends the benefit, a presentation
 * resumes it, a forfeiture or the SFL's end ends it), recorded by nobody, counting from the instant `from`.
 */
export function automaticBenefitChange(
  state: JourneyState,
  at: string,
  from: string,
  change: { status: 'suspended'; reason: BenefitSuspensionReason } | { status: 'resumed' } | { status: 'ended'; reason: BenefitEndReason },
): JourneyState {
  const b = state.benefit!;
  const on = romeDateOf(from);
  const record = (status: BenefitStatus, reason: BenefitSuspensionReason | BenefitEndReason | null, patch: Partial<BenefitState>): JourneyState => ({
    ...state,
    benefit: { ...b, ...patch, status, history: [...b.history, { status, on, from, reason, note: null, operatorId: null, recordedAt: at }] },
  });
  if (change.status === 'suspended') return record('suspended', change.reason, { suspendedOn: on });
  if (change.status === 'resumed') return record(b.grantedOn !== null ? 'granted' : 'claimed', null, { suspendedOn: null });
  return record('ended', change.reason, { endedOn: on, endReason: change.reason, suspendedOn: null });
}

const evolvers = {
  BenefitClaimed: (state: JourneyState, event: BenefitClaimed): JourneyState => {
    const { kind, applicationDate, activationPactDate, operatorId, note } = event.data;
    return {
      ...state,
      earlierBenefits: state.benefit ? [...state.earlierBenefits, state.benefit] : state.earlierBenefits,
      benefit: claimed({ kind, applicationDate, ...(activationPactDate ? { activationPactDate } : {}) }, 'claim', romeStartOfDay(applicationDate), operatorId, note, event.at),
    };
  },
  BenefitGranted: (state: JourneyState, event: BenefitGranted): JourneyState => changed(state, event.at, 'granted', event.data, null, { grantedOn: event.data.on }),
  BenefitRefused: (state: JourneyState, event: BenefitRefused): JourneyState => changed(state, event.at, 'refused', event.data, null, { refusedOn: event.data.on, suspendedOn: null }),
  BenefitSuspended: (state: JourneyState, event: BenefitSuspended): JourneyState =>
    changed(state, event.at, 'suspended', event.data, event.data.reason, { suspendedOn: event.data.on }),
  BenefitResumed: (state: JourneyState, event: BenefitResumed): JourneyState =>
    changed(state, event.at, state.benefit!.grantedOn !== null ? 'granted' : 'claimed', event.data, null, { suspendedOn: null }),
  BenefitEnded: (state: JourneyState, event: BenefitEnded): JourneyState =>
    changed(state, event.at, 'ended', event.data, event.data.reason, { endedOn: event.data.on, endReason: event.data.reason, suspendedOn: null }),
};

const proposedSteps = (state: JourneyState) => state.conditionalitySteps.filter((s) => s.status === 'proposed').length;

/** What INPS decided against the benefit reaches the responsible operator: conditionality no longer applies. */
const notices = {
  BenefitClaimed: silent,
  BenefitGranted: silent,
  BenefitResumed: silent,
  BenefitRefused: (event: BenefitRefused, state: JourneyState) =>
    notice(state, event, 'benefit_refused', ['operator'], `benefit-refused@${event.data.on}`, { benefitKind: state.benefit!.kind, benefitDate: event.data.on }),
  BenefitSuspended: (event: BenefitSuspended, state: JourneyState) =>
    notice(state, event, 'benefit_suspended', ['operator'], `benefit-suspended@${event.data.on}`, {
      benefitKind: state.benefit!.kind,
      benefitDate: event.data.on,
      benefitReason: event.data.reason,
    }),
  BenefitEnded: (event: BenefitEnded, state: JourneyState) =>
    notice(state, event, 'benefit_ended', ['operator'], `benefit-ended@${event.data.on}`, {
      benefitKind: state.benefit!.kind,
      benefitDate: event.data.on,
      benefitReason: event.data.reason,
      // Steps proposed while it ran wait for the operator's decision: the notice says how many.
      proposedStepCount: proposedSteps(state),
    }),
};

export const lifecycle = {
  deciders: {
    ClaimBenefit: claimBenefit,
    RecordBenefitGranted: recordGranted,
    RecordBenefitRefused: recordRefused,
    SuspendBenefit: suspend,
    ResumeBenefit: resume,
    EndBenefit: end,
  },
  evolvers,
  notices,
};
