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

/** A missed obligation (a no-show, a missed agreed contact, a refused suitable offer) waiting for its justification. */
export const LAPSE_STATUSES = ['awaiting_justification', 'justified', 'unjustified'] as const;
export type LapseStatus = (typeof LAPSE_STATUSES)[number];

/** `annulled`: a confirmed step the appeal body annulled; it no longer counts on its ladder. */
export const STEP_STATUSES = ['proposed', 'confirmed', 'dismissed', 'annulled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * How a decision reached the person (art. 21 c.12 D.lgs. 150/2015: the appeal window runs from the notification):
 * a PEC delivery receipt, a registered letter's return receipt, or a copy handed over and signed. `email` is what
 * the command may say and is refused (`NOTIFICATION_METHOD_NOT_VALID`): an ordinary e-mail proves no delivery.
 */
export const NOTIFICATION_METHODS = ['pec_delivery_receipt', 'registered_letter_receipt', 'hand_delivery_signed', 'email'] as const;
export const VALID_NOTIFICATION_METHODS = ['pec_delivery_receipt', 'registered_letter_receipt', 'hand_delivery_signed'] as const;
export type NotificationMethod = (typeof VALID_NOTIFICATION_METHODS)[number];

/**
 * Where an appeal against a sanction is lodged. Art. 21 c.12 D.lgs. 150/2015 names ANPAL; ANPAL was suppressed and
 * its functions given to the Ministry of Labour by art. 3 c.1 D.L. 22 giugno 2023 n. 75 (conv. L. 10 agosto 2023
 * n. 112), from the entry into force of its reorganisation regulation, DPCM 22 novembre 2023 n. 230 (1 March 2024).
 * `region`: where a region's own rules make it the appeal body.
 */
export const APPEAL_BODIES = ['ministry_of_labour', 'region'] as const;
export type AppealBody = (typeof APPEAL_BODIES)[number];

/** The appeal's outcome: the sanction `upheld`, `annulled` (the step no longer counts), or `partly_annulled` (a lesser effect). */
export const APPEAL_OUTCOMES = ['upheld', 'annulled', 'partly_annulled'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

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

/** How and when a confirmed decision reached the person; the appeal window runs from it. */
export interface ConditionalityStepNotifiedData {
  stepId: string;
  method: NotificationMethod;
  /** The receipt's or the signed copy's reference (a protocol number), never the document. */
  reference: string;
  notifiedAt: string;
  /** 30 days from the notification (the catalogue's `appealWindow`); null when the catalogue turns it off. */
  appealDueAt: string | null;
  operatorId: string;
}

export interface AppealLodgedData {
  stepId: string;
  /** The day the appeal was lodged (YYYY-MM-DD). */
  lodgedOn: string;
  body: AppealBody;
  reference: string | null;
  operatorId: string;
}

export interface AppealDecidedData {
  stepId: string;
  outcome: AppealOutcome;
  /** The day the appeal body decided (YYYY-MM-DD). */
  decidedOn: string;
  /** For `partly_annulled`: the lesser sanction that stands; null otherwise. */
  reducedEffect: SanctionEffect | null;
  note: string | null;
  operatorId: string;
}

/** The appeal window of a confirmed step ran out with no appeal lodged: the decision is final. */
export interface AppealWindowClosedData {
  stepId: string;
}

/** An annulled decadenza reopens the journey at the stage it had; the pact's clocks run again from now. */
export interface JourneyReopenedData {
  stepId: string;
  stage: 'awaiting_intake' | 'awaiting_pact' | 'pact_active' | 'assessment';
  /** When the journey had been closed. */
  closedAt: string;
  operatorId: string;
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

/** How and when the confirmed decision reached the person (a receipt or a signed copy). */
export interface RecordStepNotificationCommand {
  type: 'RecordStepNotification';
  stepId: string;
  method: NotificationMethod | 'email';
  reference: string;
  notifiedAt: string;
  operatorId: string;
}

export interface RecordAppealCommand {
  type: 'RecordAppeal';
  stepId: string;
  lodgedOn: string;
  body: AppealBody;
  reference?: string;
  operatorId: string;
}

export interface RecordAppealOutcomeCommand {
  type: 'RecordAppealOutcome';
  stepId: string;
  outcome: AppealOutcome;
  decidedOn: string;
  reducedEffect?: SanctionEffect;
  note?: string;
  operatorId: string;
}

export type ConditionalityCommand =
  | JustifyLapseCommand
  | ConfirmConditionalityStepCommand
  | DismissConditionalityStepCommand
  | RecordStepNotificationCommand
  | RecordAppealCommand
  | RecordAppealOutcomeCommand;

export type LapseJustified = EventEnvelope<'LapseJustified', LapseJustifiedData>;
export type LapseUnjustified = EventEnvelope<'LapseUnjustified', LapseUnjustifiedData>;
export type ConditionalityStepProposed = EventEnvelope<'ConditionalityStepProposed', ConditionalityStepProposedData>;
export type ConditionalityStepConfirmed = EventEnvelope<'ConditionalityStepConfirmed', ConditionalityStepConfirmedData>;
export type ConditionalityStepDismissed = EventEnvelope<'ConditionalityStepDismissed', ConditionalityStepDismissedData>;
export type ConditionalityStepNotified = EventEnvelope<'ConditionalityStepNotified', ConditionalityStepNotifiedData>;
export type AppealLodged = EventEnvelope<'AppealLodged', AppealLodgedData>;
export type AppealDecided = EventEnvelope<'AppealDecided', AppealDecidedData>;
export type AppealWindowClosed = EventEnvelope<'AppealWindowClosed', AppealWindowClosedData>;
export type JourneyReopened = EventEnvelope<'JourneyReopened', JourneyReopenedData>;
export type ConditionalityEvent =
  | LapseJustified
  | LapseUnjustified
  | ConditionalityStepProposed
  | ConditionalityStepConfirmed
  | ConditionalityStepDismissed
  | ConditionalityStepNotified
  | AppealLodged
  | AppealDecided
  | AppealWindowClosed
  | JourneyReopened;

export interface LapseState extends LapseOpened {
  /** The no-show's appointment or the refused offer. */
  appointmentId: string | null;
  offerId: string | null;
  /** Edition 2: the agreed contact (art. 20 c.2 lett. d) whose miss opened it, by the instant it was due. */
  contactDueAt?: string | null;
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
  /** How and when the decision reached the person (`upgradeState` gives steps carried from before appeals nulls). */
  notification: { method: NotificationMethod; reference: string; notifiedAt: string; recordedBy: string } | null;
  /** The appeal lodged, and its outcome once decided. */
  appeal: { lodgedOn: string; body: AppealBody; reference: string | null; recordedBy: string; outcome: Omit<AppealDecidedData, 'stepId'> | null } | null;
  /** When the appeal window ran out with nothing lodged (edition 2). */
  appealWindowClosedAt: string | null;
  /** The sanction the confirmation decided, when an appeal reduced or annulled it (`effect` is then what stands). */
  originalEffect: SanctionEffect | null;
}

export interface ConditionalitySlice {
  lapses: LapseState[];
  conditionalitySteps: ConditionalityStepState[];
}

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const CONDITIONALITY_DEADLINE_KINDS = ['justification_due', 'appeal_window'] as const;

export const CONDITIONALITY_NOTICE_KINDS = [
  /** A justification window closed: the operator decides on the proposed step. */
  'conditionality_step_proposed',
  /** A sanction decided, with the appeal deadline. */
  'conditionality_step_confirmed',
] as const;
