import { VALID_CONVOCATION_METHODS, type ConvocationMethod } from '../appointments/model';
import { legalDeadline } from '../clocks/legal-deadline';
import { canonicalInstant, isIsoInstant, toMillis } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { nextId, optionalText, refusal, requireOneOf, requireText, type Draft, type Outcome } from '../journey/rules';
import { silent } from '../journey/notice';
import { progressed } from '../progress';
import { edition } from '../journey/rules-edition';
import { subjectToConditionality } from '../benefits/running';
import { OFFER_JUSTIFICATION_REASONS } from '../offers/model';
import { forfeitureOnLapse } from '../obligations/presentation';
import { JUSTIFICATION_WINDOWS, nextStepOn } from './ladders';
import { JUSTIFICATION_REASONS, type ConditionalityLadder, type JustifyLapseCommand, type LapseJustified, type LapseOpened, type LapseState, type LapseUnjustified } from './model';

/** A missed obligation waiting for its justification: opened by a no-show or a refused suitable offer. */

/** A lapse opened now, for a failure at `occurredAt`, with the justification window of its ladder. */
export function lapseFor(state: JourneyState, ladder: ConditionalityLadder, occurredAt: string, method: ConvocationMethod): LapseOpened {
  return {
    lapseId: nextId('L', state.lapses.map((l) => l.lapseId)),
    ladder,
    justificationDueAt: legalDeadline(state, JUSTIFICATION_WINDOWS[ladder], occurredAt),
    convocationValid: VALID_CONVOCATION_METHODS.includes(method),
  };
}

export function openLapse(state: JourneyState, lapse: LapseOpened, cause: Pick<LapseState, 'appointmentId' | 'offerId' | 'contactDueAt'>, at: string): JourneyState {
  return { ...state, lapses: [...state.lapses, { ...lapse, ...cause, occurredAt: at, status: 'awaiting_justification', justification: null, closedAt: null }] };
}

function lapseDeadlines(state: JourneyState): ClockedDeadline[] {
  return state.lapses
    .filter((l) => l.status === 'awaiting_justification' && l.justificationDueAt)
    .map((l) => ({ at: l.justificationDueAt!, since: l.occurredAt, kind: 'justification_due', lapseId: l.lapseId }));
}

/**
 * The justification window of a lapse closed without an excuse. A step is proposed — never applied: the operator
 * decides — only when the benefit ran at the failure (`benefitRunning` at `occurredAt`: a benefit claimed later with an
 * earlier application counts, one refused, suspended or ended before does not) and the convocation was valid.
 */
function lapseExpired(state: JourneyState, lapseId: string): Draft[] {
  const lapse = state.lapses.find((l) => l.lapseId === lapseId)!;
  const noStepBecause = !subjectToConditionality(state, lapse.occurredAt) ? 'not_benefit_recipient' : !lapse.convocationValid ? 'invalid_convocation' : null;
  const drafts: Draft[] = [{ type: 'LapseUnjustified', data: { lapseId, noStepBecause } }];
  if (noStepBecause === null) {
    const stepId = nextId('S', state.conditionalitySteps.map((s) => s.stepId));
    drafts.push({ type: 'ConditionalityStepProposed', data: { stepId, lapseId, ladder: lapse.ladder, ...nextStepOn(state, lapse.ladder) } });
  }
  // ADI and SFL (issue 15): their own sanction, decadenza for a convocation missed without an excuse (art. 8 c.6 D.L. 48/2023).
  drafts.push(...forfeitureOnLapse(state, lapse));
  return drafts;
}

const drafters = {
  justification_due: (state: JourneyState, d: Deadline): Draft[] => lapseExpired(state, d.lapseId!),
};

/**
 * A valid excuse from the closed list. Accepted while the window is open; after it only while no sanction is
 * confirmed and the excuse comes by the end of the window counted from the day the impediment ended (then a proposed
 * step is withdrawn). A confirmed sanction is contested by appeal, not here.
 */
function justifyLapse(state: JourneyState, c: JustifyLapseCommand, now: string): Outcome {
  const lapse = state.lapses.find((l) => l.lapseId === c.lapseId);
  if (!lapse) return refusal('LAPSE_NOT_FOUND', `the journey has no lapse ${String(c.lapseId)}`);
  const invalid =
    requireOneOf(c.reason, JUSTIFICATION_REASONS, 'reason') ?? optionalText(c.evidenceRef, 'evidenceRef', 100) ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  // Edition 2: refusing an offer has its own closed list of excuses (D.M. 10 aprile 2018 art. 8 c.2).
  if (edition(state) >= 2 && lapse.ladder === 'suitable_offer' && !(OFFER_JUSTIFICATION_REASONS as readonly string[]).includes(c.reason)) {
    return refusal('JUSTIFICATION_REASON_NOT_APPLICABLE', `not an excuse for refusing an offer (D.M. 10 aprile 2018 art. 8 c.2): one of ${OFFER_JUSTIFICATION_REASONS.join(', ')}`, 'reason');
  }
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
  if (step && (step.status === 'confirmed' || step.status === 'annulled')) {
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
  return legalDeadline(state, JUSTIFICATION_WINDOWS[lapse.ladder], impedimentEndedAt);
}

function updateLapse(state: JourneyState, id: string, change: (l: LapseState) => LapseState): JourneyState {
  return { ...state, lapses: state.lapses.map((l) => (l.lapseId === id ? change(l) : l)) };
}

const evolvers = {
  LapseJustified: (state: JourneyState, event: LapseJustified): JourneyState => {
    const { lapseId, ...justification } = event.data;
    return updateLapse(progressed(state, event.at), lapseId, (l) => ({ ...l, status: 'justified', justification, closedAt: event.at }));
  },
  LapseUnjustified: (state: JourneyState, event: LapseUnjustified): JourneyState =>
    updateLapse(state, event.data.lapseId, (l) => ({ ...l, status: 'unjustified', closedAt: event.at })),
};

export const lapses = {
  deciders: { JustifyLapse: justifyLapse },
  evolvers,
  notices: { LapseJustified: silent, LapseUnjustified: silent },
  deadlines: lapseDeadlines,
  drafters,
};
