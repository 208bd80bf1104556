import type { EventEnvelope } from '../journey/event';

/**
 * Issue 15, "Other benefits, other clocks": the periodic presentation that the Assegno di inclusione (ADI) and the
 * Supporto per la formazione e il lavoro (SFL) ask of their beneficiaries (D.L. 4 maggio 2023 n. 48, conv. L. 3 luglio
 * 2023 n. 85), and the SFL's duration. Every period is catalogue data (`PresentationObligation`), pinned at the start.
 *
 * - ADI (art. 4 D.L. 48/2023; INPS messaggio 2132/2024 cites art. 4 c.4 for the suspension): the first meeting with
 *   the services within 120 days of the digital activation pact (patto di attivazione digitale), then a presentation
 *   every 90 days to update one's position; a missed one suspends the benefit until the person presents (the payment
 *   is then restored). A member who does not present to a convocation without a giustificato motivo loses it
 *   (decadenza, art. 8 c.6 lett. a).
 * - SFL (art. 12 and D.M. 8 agosto 2023; commas not confirmed): participation confirmed to the services at least
 *   every 90 days, else INPS suspends it; the benefit lasts at most 12 months, extended by up to 12 more when the pact
 *   is updated (L. 207/2024; INPS messaggi 595/2025 and 765/2025: the update by the last of the 12 months, else the
 *   benefit is suspended waiting for it for 90 days, then ended). The extension is only for a person attending a
 *   training course not finished at the twelfth month, and lasts at most until the course ends: not modelled here.
 * - Members exempt from the obligations (art. 6 c.4–5) carry no presentation clock (the Ministry's FAQ, as reported,
 *   keeps a 90-day confirmation for some exempt members: unconfirmed, see docs/adi-sfl-legal-check.md).
 */

/** The benefits with an obligation of periodic presentation (ADI, SFL): not subject to art. 21 D.lgs. 150/2015. */
export const OBLIGATION_BENEFIT_KINDS = ['adi', 'sfl'] as const;
export type ObligationBenefitKind = (typeof OBLIGATION_BENEFIT_KINDS)[number];

/** What the person does: `meeting` (ADI: present to the social services or the CPI), `confirmation` (SFL: confirm participation). */
export const PRESENTATION_KINDS = ['meeting', 'confirmation'] as const;
export type PresentationKind = (typeof PRESENTATION_KINDS)[number];

/**
 * Why a member carries no presentation clock (art. 6 c.4–5 D.L. 48/2023, closed list):
 * - `pensioner`: holds a pension; `aged_60_or_over`; `disabled` (disability as defined for the ISEE, art. 6 c.4; they
 *   may still join a path of their own will); `oncological_illness` (added at conversion);
 * - `care_duties`: caring for children under 3, three or more minor children, or a member with severe disability or
 *   not self-sufficient (art. 6 c.5);
 * - `gender_violence_protection`: in a protection path for victims of gender violence (art. 6 c.5);
 * - `in_education`: attending a regular course of studies; `employed`: in work (art. 6 c.4: the obligations bind
 *   members not already employed);
 * - `other`: another exemption the services record (its note says which).
 */
export const PRESENTATION_EXEMPTION_REASONS = [
  'pensioner',
  'aged_60_or_over',
  'disabled',
  'oncological_illness',
  'care_duties',
  'gender_violence_protection',
  'in_education',
  'employed',
  'other',
] as const;
export type PresentationExemptionReason = (typeof PRESENTATION_EXEMPTION_REASONS)[number];

/** The SFL's duration and its extension with the pact updated (art. 12, as amended by L. 207/2024). */
export interface ParticipationDuration {
  /** How long the benefit lasts from the activation pact: P12M. */
  length: string;
  /** How much longer with the pact updated: P12M (once). */
  extension: string;
  /** How long before the end an update of the pact counts for the extension: P1M (the last of the 12 months). */
  updateWindow: string;
  /** How long a benefit suspended at its end waits for the pact's update before it ends: P90D. */
  updateGrace: string;
}

/** A catalogue's presentation obligation: versioned data, pinned by the journey at its start. */
export interface PresentationObligation {
  /** The benefit it binds: the clock runs while the journey's benefit is of this kind, neither refused nor ended. */
  benefit: ObligationBenefitKind;
  kind: PresentationKind;
  /** The first presentation's period from the activation pact (ADI: P120D); null: the first falls `every` after it. */
  first: string | null;
  /** Then one every (P90D), from the last presentation. */
  every: string;
  /** Whether an unjustified no-show at a valid convocation ends the benefit (decadenza, art. 8 c.6 lett. a). */
  decadenzaOnMissedConvocation: boolean;
  /** The benefit's duration (SFL), or null: it lasts as its own rules say (the ADI's 18 months, renewable by 12, art. 3 c.2: not modelled). */
  duration: ParticipationDuration | null;
}

/** An exemption recorded by an operator. */
export interface PresentationExemption {
  reason: PresentationExemptionReason;
  note: string | null;
  operatorId: string;
  /** When it was recorded. */
  since: string;
}

/** The journey's obligation: what it pinned, the last presentation, a miss, an exemption, the SFL's extension. */
export interface PresentationState {
  rule: PresentationObligation;
  /** The last presentation recorded (`RecordPresentation`: a meeting held, a participation confirmed), or null. */
  lastPresentedAt: string | null;
  /** The due instant the person missed, while the suspension it caused waits for a presentation; else null. */
  missedDueAt: string | null;
  exemption: PresentationExemption | null;
  /** When the last exemption was withdrawn (the clock restarts from it), or null. */
  exemptionWithdrawnAt: string | null;
  /** SFL: when the benefit was extended (the pact updated), or null. */
  extendedAt: string | null;
  /** SFL: since when the benefit waits, suspended at its end, for the pact's update; else null. */
  awaitingPactUpdateSince: string | null;
}

export interface ObligationsSlice {
  /** Null: the journey's catalogue sets no presentation obligation. */
  presentation: PresentationState | null;
}

export interface RecordPresentationCommand {
  type: 'RecordPresentation';
  /** When the person presented (or confirmed participation); defaults to now; not in the future. */
  presentedAt?: string;
  operatorId: string;
  note?: string;
}

export interface RecordPresentationExemptionCommand {
  type: 'RecordPresentationExemption';
  reason: PresentationExemptionReason;
  operatorId: string;
  note?: string;
}

export interface WithdrawPresentationExemptionCommand {
  type: 'WithdrawPresentationExemption';
  operatorId: string;
  note?: string;
}

export type ObligationsCommand = RecordPresentationCommand | RecordPresentationExemptionCommand | WithdrawPresentationExemptionCommand;

export interface PresentationRecordedData {
  presentedAt: string;
  operatorId: string;
  note: string | null;
  /** Whether it resumes a benefit suspended for a missed presentation. */
  resumesBenefit: boolean;
}

export interface PresentationMissedData {
  dueAt: string;
  /** Whether it suspends the benefit (false when it was already suspended for another reason). */
  suspendsBenefit: boolean;
}

export interface PresentationExemptionRecordedData {
  reason: PresentationExemptionReason;
  operatorId: string;
  note: string | null;
  resumesBenefit: boolean;
}

export interface PresentationExemptionWithdrawnData {
  operatorId: string;
  note: string | null;
}

/** SFL: the end of the benefit's months: `extended` (the pact updated), `awaiting_pact_update` (suspended), `ended`. */
export interface ParticipationTermReachedData {
  outcome: 'extended' | 'awaiting_pact_update' | 'ended';
  /** The end it reached (the months' end, or the end of the wait for the pact's update). */
  dueAt: string;
}

/** Art. 8 c.6 lett. a: a lapse of a convocation closed without an excuse ends the benefit. */
export interface BenefitForfeitedData {
  lapseId: string;
}

export type PresentationRecorded = EventEnvelope<'PresentationRecorded', PresentationRecordedData>;
export type PresentationMissed = EventEnvelope<'PresentationMissed', PresentationMissedData>;
export type PresentationExemptionRecorded = EventEnvelope<'PresentationExemptionRecorded', PresentationExemptionRecordedData>;
export type PresentationExemptionWithdrawn = EventEnvelope<'PresentationExemptionWithdrawn', PresentationExemptionWithdrawnData>;
export type ParticipationTermReached = EventEnvelope<'ParticipationTermReached', ParticipationTermReachedData>;
export type BenefitForfeited = EventEnvelope<'BenefitForfeited', BenefitForfeitedData>;
export type ObligationsEvent =
  | PresentationRecorded
  | PresentationMissed
  | PresentationExemptionRecorded
  | PresentationExemptionWithdrawn
  | ParticipationTermReached
  | BenefitForfeited;

/** The deadlines this feature keeps (the core lists every feature's in this order). */
export const OBLIGATION_DEADLINE_KINDS = ['presentation_due', 'participation_term'] as const;
