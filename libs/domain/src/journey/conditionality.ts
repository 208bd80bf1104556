import { isIsoInstant, toMillis, canonicalInstant } from '../dates';
import type { LegalClockName } from '../programme/catalogue';
import type {
  ConfirmConditionalityStepCommand,
  DismissConditionalityStepCommand,
  JustifyLapseCommand,
  RecordJobOfferCommand,
  RecordOfferResponseCommand,
} from './commands';
import { legalDeadline } from './legal-clocks';
import {
  CONVOCATION_METHODS,
  JUSTIFICATION_REASONS,
  VALID_CONVOCATION_METHODS,
  type ConditionalityLadder,
  type ConvocationMethod,
  type JourneyState,
  type LapseOpened,
  type LapseState,
  type SanctionEffect,
} from './model';
import { nextId, optionalText, refusal, requireBoolean, requireOneOf, requireText, type Draft, type Outcome } from './rules';

/**
 * The conditionality ladders of art. 21 c.7 (NASpI / DIS-COLL recipients), each counted separately: the sanction of
 * the 1st, 2nd, 3rd confirmed step. The law, not a regional choice, so it is code.
 */
export const CONDITIONALITY_LADDER_EFFECTS: Record<ConditionalityLadder, readonly SanctionEffect[]> = {
  appointments: ['quarter_month_cut', 'one_month_cut', 'decadenza'],
  training: ['one_month_cut', 'decadenza'],
  suitable_offer: ['decadenza'],
};

/** The step a ladder reaches next: its ordinal (confirmed steps so far + 1) and the sanction it carries. */
export function nextStepOn(state: JourneyState, ladder: ConditionalityLadder): { ordinal: number; effect: SanctionEffect } {
  const confirmed = state.conditionalitySteps.filter((s) => s.ladder === ladder && s.status === 'confirmed').length;
  const effects = CONDITIONALITY_LADDER_EFFECTS[ladder];
  return { ordinal: confirmed + 1, effect: effects[Math.min(confirmed, effects.length - 1)] };
}

/** A lapse opened now, for a failure at `occurredAt`, with its justification window. */
export function lapseFor(state: JourneyState, ladder: ConditionalityLadder, window: LegalClockName, occurredAt: string, method: ConvocationMethod): LapseOpened {
  return {
    lapseId: nextId('L', state.lapses.map((l) => l.lapseId)),
    ladder,
    justificationDueAt: legalDeadline(state, window, occurredAt),
    convocationValid: VALID_CONVOCATION_METHODS.includes(method),
  };
}

/**
 * The justification window of a lapse closed without an excuse. A step is proposed — never applied: the operator
 * decides — only for benefit recipients and only when the convocation was valid.
 */
export function lapseExpired(state: JourneyState, lapseId: string): Draft[] {
  const lapse = state.lapses.find((l) => l.lapseId === lapseId)!;
  const noStepBecause = state.benefit === null ? 'not_benefit_recipient' : !lapse.convocationValid ? 'invalid_convocation' : null;
  const drafts: Draft[] = [{ type: 'LapseUnjustified', data: { lapseId, noStepBecause } }];
  if (noStepBecause === null) {
    const stepId = nextId('S', state.conditionalitySteps.map((s) => s.stepId));
    drafts.push({ type: 'ConditionalityStepProposed', data: { stepId, lapseId, ladder: lapse.ladder, ...nextStepOn(state, lapse.ladder) } });
  }
  return drafts;
}

export function recordJobOffer(state: JourneyState, c: RecordJobOfferCommand): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'job offers are recorded under the signed pact');
  const invalid =
    requireText(c.employer, 'employer', 200) ??
    requireText(c.position, 'position', 200) ??
    requireBoolean(c.suitable, 'suitable') ??
    requireOneOf(c.communicatedBy, CONVOCATION_METHODS, 'communicatedBy') ??
    requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const offerId = nextId('O', state.offers.map((o) => o.offerId));
  return [{ type: 'JobOfferRecorded', data: { offerId, employer: c.employer, position: c.position, suitable: c.suitable, communicatedBy: c.communicatedBy, operatorId: c.operatorId } }];
}

/** Accepting an offer, or refusing it: refusing a suitable offer opens the excuse window (2 working days). */
export function recordOfferResponse(state: JourneyState, c: RecordOfferResponseCommand, now: string): Outcome {
  const offer = state.offers.find((o) => o.offerId === c.offerId);
  if (!offer) return refusal('OFFER_NOT_FOUND', `the journey has no offer ${String(c.offerId)}`);
  if (offer.response !== null) return refusal('OFFER_ALREADY_ANSWERED', `offer ${offer.offerId} was ${offer.response} on ${offer.respondedAt}`);
  const invalid = requireOneOf(c.response, ['accepted', 'refused'] as const, 'response') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (c.response === 'accepted') return [{ type: 'OfferAccepted', data: { offerId: offer.offerId, operatorId: c.operatorId } }];
  const lapse = offer.suitable ? lapseFor(state, 'suitable_offer', 'offerExcuseWindow', now, offer.communicatedBy) : null;
  return [{ type: 'OfferRefused', data: { offerId: offer.offerId, operatorId: c.operatorId, lapse } }];
}

/**
 * A valid excuse from the closed list. Accepted while the window is open; after it only while no sanction is
 * confirmed and the excuse comes by the end of the window counted from the day the impediment ended (then a proposed
 * step is withdrawn). A confirmed sanction is contested by appeal, not here.
 */
export function justifyLapse(state: JourneyState, c: JustifyLapseCommand, now: string): Outcome {
  const lapse = state.lapses.find((l) => l.lapseId === c.lapseId);
  if (!lapse) return refusal('LAPSE_NOT_FOUND', `the journey has no lapse ${String(c.lapseId)}`);
  const invalid =
    requireOneOf(c.reason, JUSTIFICATION_REASONS, 'reason') ?? optionalText(c.evidenceRef, 'evidenceRef', 100) ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  let impedimentEndedAt: string | null = null;
  if (c.impedimentEndedAt !== undefined) {
    if (typeof c.impedimentEndedAt !== 'string' || !isIsoInstant(c.impedimentEndedAt)) {
      return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'impedimentEndedAt');
    }
    if (toMillis(c.impedimentEndedAt) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'impedimentEndedAt');
    if (toMillis(c.impedimentEndedAt) < toMillis(lapse.occurredAt)) return refusal('INVALID_DATE', `cannot precede the lapse (${lapse.occurredAt})`, 'impedimentEndedAt');
    impedimentEndedAt = canonicalInstant(c.impedimentEndedAt);
  }
  const step = state.conditionalitySteps.find((s) => s.lapseId === lapse.lapseId);
  const drafts: Draft[] = [
    { type: 'LapseJustified', data: { lapseId: lapse.lapseId, reason: c.reason, evidenceRef: c.evidenceRef ?? null, operatorId: c.operatorId, impedimentEndedAt } },
  ];
  if (lapse.status === 'awaiting_justification') return drafts;
  if (lapse.status === 'justified') return refusal('LAPSE_NOT_OPEN', `lapse ${lapse.lapseId} was already justified`);
  if (step && step.status === 'confirmed') {
    return refusal('LAPSE_NOT_OPEN', `the sanction of step ${step.stepId} was confirmed on ${step.decidedAt}: it is contested by appeal`);
  }
  const lateDueAt = impedimentEndedAt ? lateJustificationDueAt(state, lapse, impedimentEndedAt) : null;
  if (lateDueAt === null || toMillis(now) > toMillis(lateDueAt)) {
    return refusal(
      'JUSTIFICATION_WINDOW_CLOSED',
      impedimentEndedAt
        ? `the excuse was due by ${lateDueAt}, the end of the window after the impediment ended`
        : `the justification window closed on ${lapse.justificationDueAt}: give impedimentEndedAt if an impediment prevented an earlier excuse`,
      impedimentEndedAt ? 'impedimentEndedAt' : undefined,
    );
  }
  if (step && step.status === 'proposed') {
    drafts.push({ type: 'ConditionalityStepDismissed', data: { stepId: step.stepId, operatorId: c.operatorId, reason: `justified: ${c.reason}` } });
  }
  return drafts;
}

function lateJustificationDueAt(state: JourneyState, lapse: LapseState, impedimentEndedAt: string): string | null {
  return legalDeadline(state, lapse.ladder === 'suitable_offer' ? 'offerExcuseWindow' : 'justificationWindow', impedimentEndedAt);
}

/** The operator confirms a proposed step: the sanction is the ladder's next one now; decadenza ends the journey. */
export function confirmStep(state: JourneyState, c: ConfirmConditionalityStepCommand, now: string): Outcome {
  const step = state.conditionalitySteps.find((s) => s.stepId === c.stepId);
  if (!step) return refusal('STEP_NOT_FOUND', `the journey has no conditionality step ${String(c.stepId)}`);
  if (step.status !== 'proposed') return refusal('STEP_ALREADY_DECIDED', `step ${step.stepId} was ${step.status} on ${step.decidedAt}`);
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? optionalText(c.note, 'note');
  if (invalid) return invalid;
  const { ordinal, effect } = nextStepOn(state, step.ladder);
  const drafts: Draft[] = [
    {
      type: 'ConditionalityStepConfirmed',
      data: { stepId: step.stepId, ladder: step.ladder, ordinal, effect, operatorId: c.operatorId, note: c.note ?? null, appealDueAt: legalDeadline(state, 'appealWindow', now) },
    },
  ];
  if (effect === 'decadenza') {
    drafts.push({
      type: 'JourneyClosed',
      data: { reason: 'decadenza', operatorId: c.operatorId, details: `conditionality step ${step.stepId} (${step.ladder}, ${ordinal})`, closedAt: now },
    });
  }
  return drafts;
}

export function dismissStep(state: JourneyState, c: DismissConditionalityStepCommand): Outcome {
  const step = state.conditionalitySteps.find((s) => s.stepId === c.stepId);
  if (!step) return refusal('STEP_NOT_FOUND', `the journey has no conditionality step ${String(c.stepId)}`);
  if (step.status !== 'proposed') return refusal('STEP_ALREADY_DECIDED', `step ${step.stepId} was ${step.status} on ${step.decidedAt}`);
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? requireText(c.reason, 'reason');
  if (invalid) return invalid;
  return [{ type: 'ConditionalityStepDismissed', data: { stepId: step.stepId, operatorId: c.operatorId, reason: c.reason } }];
}
