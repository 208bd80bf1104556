import type { ActingOffice } from '../offices/model';
import type { EventEnvelope } from '../journey/event';

/** Conditionality (art. 21): lapses waiting for a justification, and the steps of the ladders they lead to. */

/** The valid excuses (giustificato motivo), a closed list. Evidence is referenced, never stored: it is often health data. */
export const JUSTIFICATION_REASONS = [
  'illness_or_injury',
  'civil_or_military_service',
  'pregnancy_leave',
  'court_summons',
  'serious_family_reasons',
  'mobility_restriction',
  'force_majeure',
] as const;
export type JustificationReason = (typeof JUSTIFICATION_REASONS)[number];

/** The conditionality ladders of art. 21 c.7, counted separately. */
export const CONDITIONALITY_LADDERS = ['appointments', 'training', 'suitable_offer'] as const;
export type ConditionalityLadder = (typeof CONDITIONALITY_LADDERS)[number];

export const SANCTION_EFFECTS = ['quarter_month_cut', 'one_month_cut', 'decadenza'] as const;
export type SanctionEffect = (typeof SANCTION_EFFECTS)[number];

/** A missed obligation (a no-show, a refused suitable offer) waiting for its justification. */
export const LAPSE_STATUSES = ['awaiting_justification', 'justified', 'unjustified'] as const;
export type LapseStatus = (typeof LAPSE_STATUSES)[number];

export const STEP_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface LapseOpened {
  lapseId: string;
  ladder: ConditionalityLadder;
  /** Until when a justification is accepted (null: the catalogue sets no window, it never expires). */
  justificationDueAt: string | null;
  /** Whether the convocation (or the offer) was sent in a way that allows a sanction. */
  convocationValid: boolean;
}

export interface LapseJustifiedData {
  lapseId: string;
  reason: JustificationReason;
  /** A reference to the evidence kept elsewhere (protocol number), never the evidence itself. */
  evidenceRef: string | null;
  operatorId: string;
  /** When the impediment ended, for an excuse given after the window (the day after the impediment ends). */
  impedimentEndedAt: string | null;
}

/** The justification window closed without a valid excuse. */
export interface LapseUnjustifiedData {
  lapseId: string;
  /** Why no conditionality step follows, when none does. */
  noStepBecause: 'not_benefit_recipient' | 'invalid_convocation' | null;
}

export interface ConditionalityStepProposedData {
  stepId: string;
  lapseId: string;
  ladder: ConditionalityLadder;
  /** 1st, 2nd, 3rd… confirmed step on this ladder if confirmed now, and the sanction it would carry. */
  ordinal: number;
  effect: SanctionEffect;
}

export interface ConditionalityStepConfirmedData {
  stepId: string;
  ladder: ConditionalityLadder;
  ordinal: number;
  effect: SanctionEffect;
  operatorId: string;
  /** The CPI whose staff decided (rules' edition 2, art. 21 c.7 and art. 23 D.lgs. 150/2015); absent on earlier events. */
  decidedByOffice?: string | null;
  note: string | null;
  /** The last day to appeal (30 days): the notice to the person states it. */
  appealDueAt: string | null;
}

export interface ConditionalityStepDismissedData {
  stepId: string;
  operatorId: string;
  /** The CPI whose staff decided (rules' edition 2); absent on earlier events. */
  decidedByOffice?: string | null;
  reason: string;
}

/** A justification (giustificato motivo) for a no-show or a refused suitable offer. */
export interface JustifyLapseCommand {
  type: 'JustifyLapse';
  lapseId: string;
  reason: JustificationReason;
  evidenceRef?: string;
  operatorId: string;
  /** For an excuse after the window: when the impediment ended (the excuse is due by the next day). */
  impedimentEndedAt?: string;
}

export interface ConfirmConditionalityStepCommand {
  type: 'ConfirmConditionalityStep';
  stepId: string;
  operatorId: string;
  note?: string;
  /** The office the caller acts from, set by the API from the directory of offices (never from a request body). */
  actingOffice?: ActingOffice;
}

export interface DismissConditionalityStepCommand {
  type: 'DismissConditionalityStep';
  stepId: string;
  operatorId: string;
  reason: string;
  /** The office the caller acts from, set by the API from the directory of offices (never from a request body). */
  actingOffice?: ActingOffice;
}

export type ConditionalityCommand = JustifyLapseCommand | ConfirmConditionalityStepCommand | DismissConditionalityStepCommand;

export type LapseJustified = EventEnvelope<'LapseJustified', LapseJustifiedData>;
export type LapseUnjustified = EventEnvelope<'LapseUnjustified', LapseUnjustifiedData>;
export type ConditionalityStepProposed = EventEnvelope<'ConditionalityStepProposed', ConditionalityStepProposedData>;
export type ConditionalityStepConfirmed = EventEnvelope<'ConditionalityStepConfirmed', ConditionalityStepConfirmedData>;
export type ConditionalityStepDismissed = EventEnvelope<'ConditionalityStepDismissed', ConditionalityStepDismissedData>;
export type ConditionalityEvent = LapseJustified | LapseUnjustified | ConditionalityStepProposed | ConditionalityStepConfirmed | ConditionalityStepDismissed;

export interface LapseState extends LapseOpened {
  /** The no-show's appointment or the refused offer. */
  appointmentId: string | null;
  offerId: string | null;
  occurredAt: string;
  status: LapseStatus;
  justification: Omit<LapseJustifiedData, 'lapseId'> | null;
  closedAt: string | null;
}

export interface ConditionalityStepState extends ConditionalityStepProposedData {
  status: StepStatus;
  proposedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The CPI whose staff decided (rules' edition 2; absent before, and while proposed). */
  decidedByOffice?: string;
  /** The confirmation note or the dismissal reason. */
  decisionNote: string | null;
  appealDueAt: string | null;
}

export interface ConditionalitySlice {
  lapses: LapseState[];
  conditionalitySteps: ConditionalityStepState[];
}

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const CONDITIONALITY_DEADLINE_KINDS = ['justification_due'] as const;

export const CONDITIONALITY_NOTICE_KINDS = [
  /** A justification window closed: the operator decides on the proposed step. */
  'conditionality_step_proposed',
  /** A sanction decided, with the appeal deadline. */
  'conditionality_step_confirmed',
] as const;
