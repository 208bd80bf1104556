import { automaticBenefitChange } from '../benefits/lifecycle';
import type { LapseState } from '../conditionality/model';
import { canonicalInstant, isIsoInstant, romeDateOf, toMillis } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { optionalString, refusal, requireOneOf, requireText, type Draft, type Outcome, type Refused } from '../journey/rules';
import {
  PRESENTATION_EXEMPTION_REASONS,
  type BenefitForfeited,
  type PresentationExemptionRecorded,
  type PresentationExemptionWithdrawn,
  type PresentationMissed,
  type PresentationRecorded,
  type PresentationState,
  type RecordPresentationCommand,
  type RecordPresentationExemptionCommand,
  type WithdrawPresentationExemptionCommand,
} from './model';
import { activationStart, boundBenefit, presentationClock, suspendedByObligation } from './rule';

/**
 * The periodic presentation (ADI: a meeting with the services; SFL: the confirmation of participation). The next one
 * falls due `first` after the activation pact, then `every` after the last; the journey's pauses (a justified
 * absence) move it like every clock. When it passes the journey suspends the benefit itself (`PresentationMissed`),
 * as INPS does (art. 4 D.L. 48/2023; art. 12 c.8 and D.M. 8 agosto 2023 art. 5 c.1 for the SFL); the presentation
 * recorded later resumes it and restarts the clock. An exempt member (art. 6 c.4–5) has no clock; an unjustified
 * no-show at a valid convocation ends the benefit (decadenza, art. 8 c.6 lett. a) — a justified one does not.
 */

const state$ = (state: JourneyState): PresentationState => state.presentation!;
const withPresentation = (state: JourneyState, patch: Partial<PresentationState>): JourneyState => ({ ...state, presentation: { ...state$(state), ...patch } });

/** The obligation binding the journey's benefit now, or why there is none. */
function obligation(state: JourneyState): PresentationState | Refused {
  const p = state.presentation;
  if (!p) return refusal('PRESENTATION_NOT_REQUIRED', "the journey's catalogue sets no presentation obligation (ADI, SFL)");
  if (!boundBenefit(state)) return refusal('PRESENTATION_NOT_REQUIRED', `the obligation binds a running ${p.rule.benefit} claim: record it first (ClaimBenefit)`);
  return p;
}

function recordPresentation(state: JourneyState, c: RecordPresentationCommand, now: string): Outcome {
  const p = obligation(state);
  if ('refusal' in p) return p;
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  let presentedAt = now;
  if (c.presentedAt !== undefined) {
    if (typeof c.presentedAt !== 'string' || !isIsoInstant(c.presentedAt)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'presentedAt');
    if (toMillis(c.presentedAt) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'presentedAt');
    const notBefore = p.lastPresentedAt ?? activationStart(state.benefit!);
    if (toMillis(c.presentedAt) < toMillis(notBefore)) return refusal('INVALID_DATE', `cannot precede ${p.lastPresentedAt ? 'the last presentation' : 'the activation pact'} (${notBefore})`, 'presentedAt');
    presentedAt = canonicalInstant(c.presentedAt);
  }
  return [{ type: 'PresentationRecorded', data: { presentedAt, operatorId: c.operatorId, note: c.note ?? null, resumesBenefit: suspendedByObligation(state, 'missed_presentation') } }];
}

function recordExemption(state: JourneyState, c: RecordPresentationExemptionCommand): Outcome {
  const p = obligation(state);
  if ('refusal' in p) return p;
  if (p.exemption) return refusal('PRESENTATION_EXEMPTION_ALREADY_RECORDED', `the person is exempt since ${p.exemption.since} (${p.exemption.reason}): withdraw it first`);
  const invalid = requireOneOf(c.reason, PRESENTATION_EXEMPTION_REASONS, 'reason') ?? requireText(c.operatorId, 'operatorId', 100) ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  return [{ type: 'PresentationExemptionRecorded', data: { reason: c.reason, operatorId: c.operatorId, note: c.note ?? null, resumesBenefit: suspendedByObligation(state, 'missed_presentation') } }];
}

function withdrawExemption(state: JourneyState, c: WithdrawPresentationExemptionCommand): Outcome {
  const p = obligation(state);
  if ('refusal' in p) return p;
  if (!p.exemption) return refusal('PRESENTATION_EXEMPTION_NOT_RECORDED', 'the person is not exempt from the presentation obligation');
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  return [{ type: 'PresentationExemptionWithdrawn', data: { operatorId: c.operatorId, note: c.note ?? null } }];
}

function deadlines(state: JourneyState): ClockedDeadline[] {
  const clock = presentationClock(state);
  return clock ? [{ ...clock, kind: 'presentation_due' }] : [];
}

/** The presentation passed: the benefit is suspended (unless something else suspended it already). */
function missed(state: JourneyState, d: Deadline): Draft[] {
  const b = boundBenefit(state);
  return [{ type: 'PresentationMissed', data: { dueAt: d.at, suspendsBenefit: b !== null && b.status !== 'suspended' } }];
}

/**
 * Art. 8 c.6 lett. a D.L. 48/2023: a member who does not present to a convocation of the services without a
 * giustificato motivo forfeits the benefit. Decided when the lapse's justification window closes without an excuse
 * (a valid convocation, the obligation binding the benefit, the person not exempt); called by the lapses' rule.
 */
export function forfeitureOnLapse(state: JourneyState, lapse: LapseState): Draft[] {
  const p = state.presentation;
  if (!p || !p.rule.decadenzaOnMissedConvocation || p.exemption !== null || !boundBenefit(state)) return [];
  if (lapse.appointmentId === null || !lapse.convocationValid) return [];
  return [{ type: 'BenefitForfeited', data: { lapseId: lapse.lapseId } }];
}

const evolvers = {
  PresentationRecorded: (state: JourneyState, event: PresentationRecorded): JourneyState => {
    const s = withPresentation(state, { lastPresentedAt: event.data.presentedAt, missedDueAt: null });
    return event.data.resumesBenefit ? automaticBenefitChange(s, event.at, event.data.presentedAt, { status: 'resumed' }) : s;
  },
  PresentationMissed: (state: JourneyState, event: PresentationMissed): JourneyState => {
    const s = withPresentation(state, { missedDueAt: event.data.dueAt });
    return event.data.suspendsBenefit ? automaticBenefitChange(s, event.at, event.data.dueAt, { status: 'suspended', reason: 'missed_presentation' }) : s;
  },
  PresentationExemptionRecorded: (state: JourneyState, event: PresentationExemptionRecorded): JourneyState => {
    const { reason, note, operatorId } = event.data;
    const s = withPresentation(state, { exemption: { reason, note, operatorId, since: event.at }, missedDueAt: null });
    return event.data.resumesBenefit ? automaticBenefitChange(s, event.at, event.at, { status: 'resumed' }) : s;
  },
  PresentationExemptionWithdrawn: (state: JourneyState, event: PresentationExemptionWithdrawn): JourneyState =>
    withPresentation(state, { exemption: null, exemptionWithdrawnAt: event.at }),
  BenefitForfeited: (state: JourneyState, event: BenefitForfeited): JourneyState => automaticBenefitChange(state, event.at, event.at, { status: 'ended', reason: 'decadenza' }),
};

const benefitKind = (state: JourneyState) => state.benefit!.kind;

/** The responsible operator learns what the journey decided about the benefit, as with INPS's decisions. */
const notices = {
  PresentationRecorded: silent,
  PresentationExemptionRecorded: silent,
  PresentationExemptionWithdrawn: silent,
  PresentationMissed: (event: PresentationMissed, state: JourneyState) =>
    event.data.suspendsBenefit
      ? notice(state, event, 'benefit_suspended', ['operator'], `benefit-suspended@${event.data.dueAt}`, {
          benefitKind: benefitKind(state),
          benefitDate: romeDateOf(event.data.dueAt),
          benefitReason: 'missed_presentation',
        })
      : [],
  BenefitForfeited: (event: BenefitForfeited, state: JourneyState) =>
    notice(state, event, 'benefit_ended', ['operator'], `benefit-ended@${event.data.lapseId}`, {
      benefitKind: benefitKind(state),
      benefitDate: romeDateOf(event.at),
      benefitReason: 'decadenza',
      proposedStepCount: state.conditionalitySteps.filter((s) => s.status === 'proposed').length,
    }),
};

export const presentation = {
  deciders: { RecordPresentation: recordPresentation, RecordPresentationExemption: recordExemption, WithdrawPresentationExemption: withdrawExemption },
  evolvers,
  notices,
  deadlines,
  drafters: { presentation_due: missed },
};
