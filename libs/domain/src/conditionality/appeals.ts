import { legalDeadline } from '../clocks/legal-deadline';
import { canonicalInstant, isIsoDate, romeDateOf, toMillis } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { optionalText, pastInstant, refusal, requireOneOf, requireText, type Draft, type Outcome } from '../journey/rules';
import { edition } from '../journey/rules-edition';
import { progressed } from '../progress';
import {
  APPEAL_BODIES,
  APPEAL_OUTCOMES,
  NOTIFICATION_METHODS,
  SANCTION_EFFECTS,
  type AppealBody,
  type AppealDecided,
  type AppealLodged,
  type AppealWindowClosed,
  type ConditionalityStepNotified,
  type ConditionalityStepState,
  type JourneyReopened,
  type JourneyReopenedData,
  type RecordAppealCommand,
  type RecordAppealOutcomeCommand,
  type RecordStepNotificationCommand,
} from './model';

/**
 * Appeals against a confirmed sanction (art. 21 c.12 D.lgs. 150/2015): the decision's notification to the person,
 * which starts the 30-day window; the appeal lodged; its outcome. An annulled step no longer counts on its ladder,
 * and an annulled decadenza reopens the journey where it was.
 */

/**
 * The appeal bodies as the notice names them, each with its source. Art. 21 c.12 D.lgs. 150/2015 says «ricorso
 * all'ANPAL»; art. 3 c.1 D.L. 22 giugno 2023 n. 75 (conv. L. 10 agosto 2023 n. 112) gave ANPAL's functions to the
 * Ministry of Labour and suppressed ANPAL from the entry into force of the Ministry's reorganisation, DPCM 22
 * novembre 2023 n. 230, on 1 March 2024.
 */
export const APPEAL_BODY_DEFINITIONS: Record<AppealBody, { name: string; source: string }> = {
  ministry_of_labour: {
    name: 'Ministero del lavoro e delle politiche sociali',
    source: 'art. 21 c.12 D.lgs. 150/2015; art. 3 c.1 D.L. 75/2023 conv. L. 112/2023 (funzioni ANPAL al Ministero); DPCM 22 novembre 2023 n. 230, in vigore dal 1° marzo 2024',
  },
  region: { name: 'Regione competente', source: 'where regional rules make the region the appeal body (DOMAIN.md: as the catalogue says)' },
};

/** The body a sanction's notice names: the Ministry of Labour, ANPAL's successor. */
export const COMPETENT_APPEAL_BODY: AppealBody = 'ministry_of_labour';

/** A step still in force: confirmed and not annulled on appeal (a partly annulled one is in force with its reduced effect). */
export function inForce(step: ConditionalityStepState): boolean {
  return step.status === 'confirmed';
}

/** The decadenza that closed the journey, while it stands. */
function decadenzaInForce(state: JourneyState): ConditionalityStepState | undefined {
  if (state.status !== 'closed' || state.closure?.reason !== 'decadenza') return undefined;
  return [...state.conditionalitySteps].reverse().find((s) => inForce(s) && s.effect === 'decadenza');
}

/** Whether an appeal against a confirmed step may still come or is waiting for its outcome. */
export function appealPending(step: ConditionalityStepState): boolean {
  if (!inForce(step)) return false;
  if (step.appeal) return step.appeal.outcome === null;
  if (!step.notification) return true;
  return step.appealDueAt !== null && !step.appealWindowClosedAt;
}

/**
 * Whether the journey is over, so its workflow may end. Edition 1: once closed. Edition 2: a journey closed by
 * decadenza stays while an appeal is possible — the decadenza not yet notified, its appeal window still open, or an
 * appeal lodged and not yet decided — since an annulled decadenza reopens it.
 */
export function journeyFinished(state: JourneyState): boolean {
  if (state.status !== 'closed') return false;
  if (edition(state) < 2 || state.closure?.reason !== 'decadenza') return true;
  const step = decadenzaInForce(state);
  return step === undefined || !appealPending(step);
}

/** The commands a journey closed by decadenza still takes while an appeal is possible (and its own timer). */
export const APPEAL_COMMAND_TYPES = ['RecordStepNotification', 'RecordAppeal', 'RecordAppealOutcome', 'ProcessDeadlines'] as const;

function confirmedStep(state: JourneyState, stepId: unknown): ConditionalityStepState | { refusal: ReturnType<typeof refusal>['refusal'] } {
  const step = state.conditionalitySteps.find((s) => s.stepId === stepId);
  if (!step) return refusal('STEP_NOT_FOUND', `the journey has no conditionality step ${String(stepId)}`);
  if (step.status !== 'confirmed' && step.status !== 'annulled') return refusal('STEP_NOT_CONFIRMED', `step ${step.stepId} is ${step.status}: only a confirmed sanction is notified and appealed`);
  return step;
}

/** A day (YYYY-MM-DD) not after today in Rome and not before `notBefore`. */
function pastDay(value: unknown, now: string, field: string, notBefore: string, notBeforeWhat: string): string | { refusal: ReturnType<typeof refusal>['refusal'] } {
  if (typeof value !== 'string' || !isIsoDate(value)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', field);
  if (value > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future', field);
  if (value < notBefore) return refusal('INVALID_DATE', `cannot precede ${notBeforeWhat} (${notBefore})`, field);
  return value;
}

/**
 * How and when the confirmed decision reached the person. Art. 21 c.12: the 30 days run from the notification, so
 * the appeal deadline is set here (`appealWindow` from `notifiedAt`). A PEC delivery receipt, a registered letter's
 * return receipt or a copy signed on hand delivery; an e-mail alone proves no delivery and is refused.
 */
function recordNotification(state: JourneyState, c: RecordStepNotificationCommand, now: string): Outcome {
  const step = confirmedStep(state, c.stepId);
  if ('refusal' in step) return step;
  if (step.status === 'annulled') return refusal('STEP_NOT_CONFIRMED', `step ${step.stepId} was annulled on appeal: there is nothing to notify`);
  const invalid = requireOneOf(c.method, NOTIFICATION_METHODS, 'method') ?? requireText(c.reference, 'reference', 100) ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (c.method === 'email') {
    return refusal('NOTIFICATION_METHOD_NOT_VALID', 'an e-mail alone is not a notification: record a PEC delivery receipt, a registered letter receipt or a signed hand delivery', 'method');
  }
  if (step.notification) return refusal('STEP_ALREADY_NOTIFIED', `step ${step.stepId} was notified on ${step.notification.notifiedAt}`);
  if (c.notifiedAt === undefined) return refusal('INVALID_DATE', 'is required', 'notifiedAt');
  const notifiedAt = pastInstant(c.notifiedAt, now, 'notifiedAt', step.decidedAt!, `the confirmation (${step.decidedAt})`);
  if (typeof notifiedAt !== 'string') return notifiedAt;
  return [
    {
      type: 'ConditionalityStepNotified',
      data: { stepId: step.stepId, method: c.method, reference: c.reference, notifiedAt, appealDueAt: legalDeadline(state, 'appealWindow', notifiedAt), operatorId: c.operatorId },
    },
  ];
}

/** An appeal lodged with the appeal body, on a day within the window (when it is known). */
function recordAppeal(state: JourneyState, c: RecordAppealCommand, now: string): Outcome {
  const step = confirmedStep(state, c.stepId);
  if ('refusal' in step) return step;
  if (step.appeal) return refusal('APPEAL_ALREADY_LODGED', `an appeal against step ${step.stepId} was lodged on ${step.appeal.lodgedOn}`);
  const invalid = requireOneOf(c.body, APPEAL_BODIES, 'body') ?? optionalText(c.reference, 'reference', 100) ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const lodgedOn = pastDay(c.lodgedOn, now, 'lodgedOn', romeDateOf(step.decidedAt!), 'the confirmation');
  if (typeof lodgedOn !== 'string') return lodgedOn;
  if (step.appealDueAt && lodgedOn > romeDateOf(step.appealDueAt)) {
    return refusal('APPEAL_WINDOW_CLOSED', `the appeal was due by ${step.appealDueAt} (30 days from the notification, art. 21 c.12 D.lgs. 150/2015)`, 'lodgedOn');
  }
  return [{ type: 'AppealLodged', data: { stepId: step.stepId, lodgedOn, body: c.body, reference: c.reference ?? null, operatorId: c.operatorId } }];
}

/** The stage a journey closed by decadenza had: closing keeps what the stage follows from (intake, pact). */
function stageBeforeClosure(state: JourneyState): JourneyReopenedData['stage'] {
  // A GOL journey closed during its assessment (no path chosen yet) reopens in it.
  if (state.assessment && !state.assessment.path) return 'assessment';
  return state.pact ? 'pact_active' : state.intake ? 'awaiting_pact' : 'awaiting_intake';
}

/**
 * The appeal body's decision. `annulled`: the step no longer counts on its ladder; `partly_annulled`: it counts with
 * the lesser effect given. An annulled (or reduced) decadenza reopens the journey at the stage it had.
 */
function recordAppealOutcome(state: JourneyState, c: RecordAppealOutcomeCommand, now: string): Outcome {
  const step = confirmedStep(state, c.stepId);
  if ('refusal' in step) return step;
  if (!step.appeal) return refusal('APPEAL_NOT_LODGED', `no appeal against step ${step.stepId} is recorded: record it first`);
  if (step.appeal.outcome) return refusal('APPEAL_ALREADY_DECIDED', `the appeal against step ${step.stepId} was decided on ${step.appeal.outcome.decidedOn}`);
  const invalid = requireOneOf(c.outcome, APPEAL_OUTCOMES, 'outcome') ?? optionalText(c.note, 'note') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const decidedOn = pastDay(c.decidedOn, now, 'decidedOn', step.appeal.lodgedOn, 'the appeal');
  if (typeof decidedOn !== 'string') return decidedOn;
  let reducedEffect = null;
  if (c.outcome === 'partly_annulled') {
    const lesser = SANCTION_EFFECTS.slice(0, SANCTION_EFFECTS.indexOf(step.effect));
    if (lesser.length === 0) return refusal('INVALID_VALUE', `${step.effect} is the least sanction: annul it instead`, 'reducedEffect');
    const bad = requireOneOf(c.reducedEffect, lesser, 'reducedEffect');
    if (bad) return bad;
    reducedEffect = c.reducedEffect!;
  } else if (c.reducedEffect !== undefined) {
    return refusal('INVALID_VALUE', 'only a partly annulled step has a reduced effect', 'reducedEffect');
  }
  const drafts: Draft[] = [{ type: 'AppealDecided', data: { stepId: step.stepId, outcome: c.outcome, decidedOn, reducedEffect, note: c.note ?? null, operatorId: c.operatorId } }];
  if (c.outcome !== 'upheld' && decadenzaInForce(state)?.stepId === step.stepId) {
    drafts.push({ type: 'JourneyReopened', data: { stepId: step.stepId, stage: stageBeforeClosure(state), closedAt: state.closure!.closedAt, operatorId: c.operatorId } });
  }
  return drafts;
}

/** Edition 2: the end of each confirmed step's appeal window, while nothing is lodged (the journey keeps it, also closed by decadenza). */
export function appealDeadlines(state: JourneyState): ClockedDeadline[] {
  if (edition(state) < 2) return [];
  return state.conditionalitySteps
    .filter((s) => inForce(s) && s.appealDueAt && !s.appeal && !s.appealWindowClosedAt)
    // The person's 30 days run from the notification whatever the journey's pauses (art. 21 c.12).
    .map((s) => ({ at: s.appealDueAt!, since: s.notification?.notifiedAt ?? s.appealDueAt!, fixed: true as const, kind: 'appeal_window', stepId: s.stepId }));
}

const drafters = {
  appeal_window: (_state: JourneyState, d: Deadline): Draft[] => [{ type: 'AppealWindowClosed', data: { stepId: d.stepId! } }],
};

function updateStep(state: JourneyState, id: string, change: (s: ConditionalityStepState) => ConditionalityStepState): JourneyState {
  return { ...state, conditionalitySteps: state.conditionalitySteps.map((s) => (s.stepId === id ? change(s) : s)) };
}

/** Shifts an instant by `ms`. */
function later(instant: string, ms: number): string {
  return canonicalInstant(toMillis(instant) + ms);
}

const evolvers = {
  ConditionalityStepNotified: (state: JourneyState, event: ConditionalityStepNotified): JourneyState => {
    const { method, reference, notifiedAt, appealDueAt, operatorId } = event.data;
    return updateStep(state, event.data.stepId, (s) => ({ ...s, notification: { method, reference, notifiedAt, recordedBy: operatorId }, appealDueAt }));
  },
  AppealLodged: (state: JourneyState, event: AppealLodged): JourneyState => {
    const { lodgedOn, body, reference, operatorId } = event.data;
    return updateStep(state, event.data.stepId, (s) => ({ ...s, appeal: { lodgedOn, body, reference, recordedBy: operatorId, outcome: null } }));
  },
  AppealDecided: (state: JourneyState, event: AppealDecided): JourneyState => {
    const { stepId, ...outcome } = event.data;
    return updateStep(state, stepId, (s) => ({
      ...s,
      appeal: s.appeal ? { ...s.appeal, outcome } : s.appeal,
      ...(outcome.outcome === 'annulled' ? { status: 'annulled' as const, originalEffect: s.effect } : {}),
      ...(outcome.outcome === 'partly_annulled' && outcome.reducedEffect ? { effect: outcome.reducedEffect, originalEffect: s.effect } : {}),
    }));
  },
  AppealWindowClosed: (state: JourneyState, event: AppealWindowClosed): JourneyState => updateStep(state, event.data.stepId, (s) => ({ ...s, appealWindowClosedAt: event.at })),
  /**
   * The journey open again at its stage. Its clocks run again from the reopening: the pending actions' due dates
   * move by the time the journey was closed, and the next agreed contact is due a contact period after the reopening.
   */
  JourneyReopened: (state: JourneyState, event: JourneyReopened): JourneyState => {
    const gap = Math.max(0, toMillis(event.at) - toMillis(event.data.closedAt));
    return {
      ...progressed(state, event.at),
      status: 'open',
      stage: event.data.stage,
      closure: null,
      actions: state.actions.map((a) => (a.status === 'pending' ? { ...a, dueAt: later(a.dueAt, gap) } : a)),
      contact: state.pact ? { lastContactAt: event.at, missedDueAt: null, missedSince: null, escalatedAt: null } : state.contact,
    };
  },
};

export const appeals = {
  deciders: { RecordStepNotification: recordNotification, RecordAppeal: recordAppeal, RecordAppealOutcome: recordAppealOutcome },
  evolvers,
  notices: { ConditionalityStepNotified: silent, AppealLodged: silent, AppealDecided: silent, AppealWindowClosed: silent, JourneyReopened: silent },
  deadlines: appealDeadlines,
  drafters,
};
