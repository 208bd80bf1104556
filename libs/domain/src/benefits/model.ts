import type { EventEnvelope } from '../journey/event';
import type { BenefitClaim, BenefitKind } from '../intake/model';

/**
 * The benefit's lifecycle (NASpI, DIS-COLL; issue 15: ADI, SFL): claimed (at the start or later), granted or refused by INPS, suspended
 * and resumed, ended. Its recipients are subject to conditionality (art. 21 D.lgs. 150/2015) only while it runs.
 */

/**
 * - `claimed`: applied for, INPS has not decided yet — it runs: applicants are subject to conditionality (art. 21 c.1);
 * - `granted`: INPS granted it — it runs;
 * - `refused`: INPS refused it — it never ran as far as conditionality looks at it from then on;
 * - `suspended`: paused (a job of up to six months, art. 9 D.lgs. 22/2015) — it does not run until resumed;
 * - `ended`: over (exhausted, decadenza, employment, renounced, other) — a new claim may follow.
 */
export const BENEFIT_STATUSES = ['claimed', 'granted', 'refused', 'suspended', 'ended'] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

/** The statuses in which the benefit runs. */
export const RUNNING_BENEFIT_STATUSES = ['claimed', 'granted'] as const satisfies readonly BenefitStatus[];

/**
 * Why INPS suspends it: a subordinate job of up to six months (art. 9 c.1 D.lgs. 22/2015, NASpI); issue 15: a missed
 * ADI/SFL presentation (art. 4 and art. 12 c.8 D.L. 48/2023) or the SFL's pact not updated at the end of its months
 * (both decided by the journey itself, `obligations/`); or another cause.
 */
export const BENEFIT_SUSPENSION_REASONS = ['short_employment', 'missed_presentation', 'pact_not_updated', 'other'] as const;
export type BenefitSuspensionReason = (typeof BENEFIT_SUSPENSION_REASONS)[number];

/** Why it ends: its months exhausted, decadenza (art. 21 c.7), a job, renounced by the person, or another cause. */
export const BENEFIT_END_REASONS = ['exhausted', 'decadenza', 'employment', 'renounced', 'other'] as const;
export type BenefitEndReason = (typeof BENEFIT_END_REASONS)[number];

/** One change of the benefit's status, in the order they happened. */
export interface BenefitStatusChange {
  status: BenefitStatus;
  /** The day it took effect, YYYY-MM-DD. */
  on: string;
  /**
   * The instant it counts from: the start of that day in Rome. A claim given at the journey's start counts from the
   * DID's day at the latest (its application may come days after the DID): it ran for everything the journey decided
   * before this lifecycle existed.
   */
  from: string;
  /** The suspension's or the end's reason, else null. */
  reason: BenefitSuspensionReason | BenefitEndReason | null;
  note: string | null;
  /** Who recorded it (null: given at the journey's start). */
  operatorId: string | null;
  /** When the journey recorded it. */
  recordedAt: string;
}

/** A claim and what became of it. */
export interface BenefitState extends BenefitClaim {
  /** `start`: given when the journey started (the DID with the claim); `claim`: recorded later (`ClaimBenefit`). */
  source: 'start' | 'claim';
  status: BenefitStatus;
  grantedOn: string | null;
  refusedOn: string | null;
  /** The day the current suspension began (null when not suspended). */
  suspendedOn: string | null;
  endedOn: string | null;
  endReason: BenefitEndReason | null;
  /** Every status it had, oldest first (the first is `claimed`). */
  history: BenefitStatusChange[];
}

export interface ClaimBenefitCommand {
  type: 'ClaimBenefit';
  kind: BenefitKind;
  /** YYYY-MM-DD: not before the DID (a NASpI application counts as the DID itself, art. 21 c.1), not in the future. */
  applicationDate: string;
  /** Issue 15, ADI/SFL: the day of the digital activation pact (YYYY-MM-DD, not in the future); absent: the application's. */
  activationPactDate?: string;
  operatorId: string;
  note?: string;
}

export interface RecordBenefitGrantedCommand {
  type: 'RecordBenefitGranted';
  grantedOn: string;
  operatorId: string;
  note?: string;
}

export interface RecordBenefitRefusedCommand {
  type: 'RecordBenefitRefused';
  refusedOn: string;
  operatorId: string;
  note?: string;
}

export interface SuspendBenefitCommand {
  type: 'SuspendBenefit';
  suspendedOn: string;
  reason: BenefitSuspensionReason;
  operatorId: string;
  note?: string;
}

export interface ResumeBenefitCommand {
  type: 'ResumeBenefit';
  resumedOn: string;
  operatorId: string;
  note?: string;
}

export interface EndBenefitCommand {
  type: 'EndBenefit';
  endedOn: string;
  reason: BenefitEndReason;
  operatorId: string;
  note?: string;
}

export type BenefitsCommand =
  | ClaimBenefitCommand
  | RecordBenefitGrantedCommand
  | RecordBenefitRefusedCommand
  | SuspendBenefitCommand
  | ResumeBenefitCommand
  | EndBenefitCommand;

export interface BenefitClaimedData {
  kind: BenefitKind;
  applicationDate: string;
  /** Issue 15 (ADI/SFL), absent when not given. */
  activationPactDate?: string;
  operatorId: string;
  note: string | null;
}

/** A change of status on a day, by an operator. */
export interface BenefitChangeData {
  on: string;
  operatorId: string;
  note: string | null;
}

export type BenefitClaimed = EventEnvelope<'BenefitClaimed', BenefitClaimedData>;
export type BenefitGranted = EventEnvelope<'BenefitGranted', BenefitChangeData>;
export type BenefitRefused = EventEnvelope<'BenefitRefused', BenefitChangeData>;
export type BenefitSuspended = EventEnvelope<'BenefitSuspended', BenefitChangeData & { reason: BenefitSuspensionReason }>;
export type BenefitResumed = EventEnvelope<'BenefitResumed', BenefitChangeData>;
export type BenefitEnded = EventEnvelope<'BenefitEnded', BenefitChangeData & { reason: BenefitEndReason }>;
export type BenefitsEvent = BenefitClaimed | BenefitGranted | BenefitRefused | BenefitSuspended | BenefitResumed | BenefitEnded;

export interface BenefitsSlice {
  /** The benefit claimed last (at the start or later) and its statuses; null: none claimed. */
  benefit: BenefitState | null;
  /** Claims before it, refused or ended, oldest first. */
  earlierBenefits: BenefitState[];
}

/** The notices this feature sends: the responsible operator learns what INPS decided. */
export const BENEFIT_NOTICE_KINDS = ['benefit_refused', 'benefit_suspended', 'benefit_ended'] as const;
