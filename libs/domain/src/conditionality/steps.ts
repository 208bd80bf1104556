import { legalDeadline } from '../clocks/legal-deadline';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { optionalText, refusal, requireText, type Draft, type Outcome, type Refused } from '../journey/rules';
import { edition } from '../journey/rules-edition';
import { APPEAL_BODY_DEFINITIONS, COMPETENT_APPEAL_BODY } from './appeals';
import { decidedByTheCpi } from './authority';
import { nextStepOn } from './ladders';
import type {
  ConditionalityStepConfirmed,
  ConditionalityStepDismissed,
  ConditionalityStepProposed,
  ConditionalityStepState,
  ConfirmConditionalityStepCommand,
  DismissConditionalityStepCommand,
} from './model';

/** The steps a lapse leads to: proposed by the journey, confirmed or dismissed by the operator. */

/**
 * The operator confirms a proposed step: the sanction is the ladder's next one now; decadenza ends the journey.
 * Edition 2: the appeal window runs from the notification (art. 21 c.12 D.lgs. 150/2015), so the step has no appeal
 * deadline until `RecordStepNotification`; edition 1 counted it from the confirmation.
 */
function confirmStep(state: JourneyState, c: ConfirmConditionalityStepCommand, now: string): Outcome {
  const step = state.conditionalitySteps.find((s) => s.stepId === c.stepId);
  if (!step) return refusal('STEP_NOT_FOUND', `the journey has no conditionality step ${String(c.stepId)}`);
  if (step.status !== 'proposed') return refusal('STEP_ALREADY_DECIDED', `step ${step.stepId} was ${step.status} on ${step.decidedAt}`);
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? optionalText(c.note, 'note');
  if (invalid) return invalid;
  const unheard = hearingPending(state, step.lapseId);
  if (unheard) return unheard;
  const { ordinal, effect } = nextStepOn(state, step.ladder);
  const drafts: Draft[] = [
    {
      type: 'ConditionalityStepConfirmed',
      data: { stepId: step.stepId, ladder: step.ladder, ordinal, effect, operatorId: c.operatorId, note: c.note ?? null, appealDueAt: edition(state) >= 2 ? null : legalDeadline(state, 'appealWindow', now) },
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

/**
 * Edition 2: no sanction for refusing an offer before the person was offered a hearing (D.M. 10 aprile 2018 art. 8
 * c.4: told the excuse is not accepted, the person may ask to be heard within two days). Dismissing stays open.
 */
function hearingPending(state: JourneyState, lapseId: string): Refused | null {
  if (edition(state) < 2) return null;
  const offerId = state.lapses.find((l) => l.lapseId === lapseId)?.offerId;
  const offer = offerId ? state.offers.find((o) => o.offerId === offerId) : undefined;
  if (!offer || offer.hearing) return null;
  return refusal(
    'HEARING_NOT_RECORDED',
    `the person may ask to be heard on the refusal of offer ${offer.offerId} (D.M. 10 aprile 2018 art. 8 c.4): record the hearing, heard or declined, first (POST …/offers/${offer.offerId}/hearing)`,
  );
}

function dismissStep(state: JourneyState, c: DismissConditionalityStepCommand): Outcome {
  const step = state.conditionalitySteps.find((s) => s.stepId === c.stepId);
  if (!step) return refusal('STEP_NOT_FOUND', `the journey has no conditionality step ${String(c.stepId)}`);
  if (step.status !== 'proposed') return refusal('STEP_ALREADY_DECIDED', `step ${step.stepId} was ${step.status} on ${step.decidedAt}`);
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? requireText(c.reason, 'reason');
  if (invalid) return invalid;
  return [{ type: 'ConditionalityStepDismissed', data: { stepId: step.stepId, operatorId: c.operatorId, reason: c.reason } }];
}

function updateStep(state: JourneyState, id: string, change: (s: ConditionalityStepState) => ConditionalityStepState): JourneyState {
  return { ...state, conditionalitySteps: state.conditionalitySteps.map((s) => (s.stepId === id ? change(s) : s)) };
}

const evolvers = {
  ConditionalityStepProposed: (state: JourneyState, event: ConditionalityStepProposed): JourneyState => ({
    ...state,
    conditionalitySteps: [
      ...state.conditionalitySteps,
      {
        ...event.data,
        status: 'proposed',
        proposedAt: event.at,
        decidedAt: null,
        decidedBy: null,
        decisionNote: null,
        appealDueAt: null,
        notification: null,
        appeal: null,
        appealWindowClosedAt: null,
        originalEffect: null,
      },
    ],
  }),
  ConditionalityStepConfirmed: (state: JourneyState, event: ConditionalityStepConfirmed): JourneyState => {
    const d = event.data;
    return updateStep(state, d.stepId, (s) => ({
      ...s,
      status: 'confirmed',
      ordinal: d.ordinal,
      effect: d.effect,
      decidedAt: event.at,
      decidedBy: d.operatorId,
      ...(d.decidedByOffice ? { decidedByOffice: d.decidedByOffice } : {}),
      decisionNote: d.note,
      appealDueAt: d.appealDueAt,
    }));
  },
  ConditionalityStepDismissed: (state: JourneyState, event: ConditionalityStepDismissed): JourneyState =>
    updateStep(state, event.data.stepId, (s) => ({ ...s, status: 'dismissed', decidedAt: event.at, decidedBy: event.data.operatorId, ...(event.data.decidedByOffice ? { decidedByOffice: event.data.decidedByOffice } : {}), decisionNote: event.data.reason })),
};

const notices = {
  ConditionalityStepDismissed: silent,
  ConditionalityStepProposed: (event: ConditionalityStepProposed, state: JourneyState) => {
    const lapse = state.lapses.find((l) => l.lapseId === event.data.lapseId);
    return notice(state, event, 'conditionality_step_proposed', ['operator'], event.data.stepId, {
      stepId: event.data.stepId,
      ladder: event.data.ladder,
      effect: event.data.effect,
      justificationDueAt: lapse?.justificationDueAt ?? undefined,
    });
  },
  ConditionalityStepConfirmed: (event: ConditionalityStepConfirmed, state: JourneyState) =>
    notice(state, event, 'conditionality_step_confirmed', ['beneficiary'], event.data.stepId, {
      stepId: event.data.stepId,
      ladder: event.data.ladder,
      effect: event.data.effect,
      appealDueAt: event.data.appealDueAt,
      appealBody: APPEAL_BODY_DEFINITIONS[COMPETENT_APPEAL_BODY].name,
    }),
};

export const steps = {
  deciders: { ConfirmConditionalityStep: decidedByTheCpi(confirmStep), DismissConditionalityStep: decidedByTheCpi(dismissStep) },
  evolvers,
  notices,
};
