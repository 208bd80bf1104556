import { automaticBenefitChange } from '../benefits/lifecycle';
import { romeDateOf, subtractRomeDuration, toMillis } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import type { Draft } from '../journey/rules';
import type { ParticipationTermReached } from './model';
import { activationStart, boundBenefit, pactUpdatedSince, participationEndsAt, periodEnd, suspendedByObligation } from './rule';

/**
 * The SFL's months (art. 12 D.L. 48/2023, as amended by L. 207/2024; comma not confirmed): the benefit lasts
 * `duration.length` from the activation pact; when it ends, a pact signed or amended in its last `updateWindow` extends
 * it once by `extension`, the maximum (INPS extends it d'ufficio, messaggio 765/2025; only while a training course
 * runs, and up to its end, messaggio 595/2025: not known here); without the update it is suspended, waiting
 * `updateGrace` for it: the update in time resumes and extends it, otherwise it ends. The extended months' end ends it.
 * The months are the benefit's, not the person's availability: pauses do not move them.
 */

function deadlines(state: JourneyState): ClockedDeadline[] {
  const p = state.presentation;
  const b = boundBenefit(state);
  const d = p?.rule.duration;
  if (!p || !b || !d) return [];
  const since = activationStart(b);
  if (p.awaitingPactUpdateSince !== null) {
    // Waiting for the update: it comes (a deadline now, decided at once) or the wait runs out.
    const updated = pactUpdatedSince(state, p.awaitingPactUpdateSince);
    return [{ at: updated ?? periodEnd(p.awaitingPactUpdateSince, d.updateGrace), since, fixed: true, kind: 'participation_term' }];
  }
  return [{ at: participationEndsAt(state)!, since, fixed: true, kind: 'participation_term' }];
}

function termReached(state: JourneyState, deadline: Deadline): Draft[] {
  const p = state.presentation!;
  const d = p.rule.duration!;
  const data = (outcome: 'extended' | 'awaiting_pact_update' | 'ended'): Draft[] => [{ type: 'ParticipationTermReached', data: { outcome, dueAt: deadline.at } }];
  if (p.awaitingPactUpdateSince !== null) return data(pactUpdatedSince(state, p.awaitingPactUpdateSince) ? 'extended' : 'ended');
  if (p.extendedAt !== null) return data('ended');
  const windowFrom = subtractRomeDuration(deadline.at, d.updateWindow);
  const updated = pactUpdatedSince(state, windowFrom);
  return data(updated !== null && toMillis(updated) <= toMillis(deadline.at) ? 'extended' : 'awaiting_pact_update');
}

const evolvers = {
  ParticipationTermReached: (state: JourneyState, event: ParticipationTermReached): JourneyState => {
    const p = state.presentation!;
    const { outcome, dueAt } = event.data;
    if (outcome === 'extended') {
      const s: JourneyState = { ...state, presentation: { ...p, extendedAt: event.at, awaitingPactUpdateSince: null } };
      return suspendedByObligation(state, 'pact_not_updated') ? automaticBenefitChange(s, event.at, event.at, { status: 'resumed' }) : s;
    }
    if (outcome === 'awaiting_pact_update') {
      const s: JourneyState = { ...state, presentation: { ...p, awaitingPactUpdateSince: dueAt } };
      return state.benefit!.status === 'suspended' ? s : automaticBenefitChange(s, event.at, dueAt, { status: 'suspended', reason: 'pact_not_updated' });
    }
    return automaticBenefitChange({ ...state, presentation: { ...p, awaitingPactUpdateSince: null } }, event.at, dueAt, { status: 'ended', reason: 'exhausted' });
  },
};

const notices = {
  ParticipationTermReached: (event: ParticipationTermReached, state: JourneyState) => {
    const b = state.benefit!;
    if (event.data.outcome === 'extended') return silent();
    if (event.data.outcome === 'awaiting_pact_update') {
      // Told only when this suspended it (not when INPS had suspended it already for another reason).
      return b.history.some((h) => h.reason === 'pact_not_updated' && h.recordedAt === event.at)
        ? notice(state, event, 'benefit_suspended', ['operator'], `benefit-suspended@${event.data.dueAt}`, { benefitKind: b.kind, benefitDate: romeDateOf(event.data.dueAt), benefitReason: 'pact_not_updated' })
        : [];
    }
    return notice(state, event, 'benefit_ended', ['operator'], `benefit-ended@${event.data.dueAt}`, {
      benefitKind: b.kind,
      benefitDate: romeDateOf(event.data.dueAt),
      benefitReason: 'exhausted',
      proposedStepCount: state.conditionalitySteps.filter((s) => s.status === 'proposed').length,
    });
  },
};

export const participation = { evolvers, notices, deadlines, drafters: { participation_term: termReached } };
