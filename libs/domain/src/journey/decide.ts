import { canonicalInstant, isIsoInstant, isPositiveDuration, romeStartOfDay, toMillis } from '../dates';
import { plannedAction, amendPact, requireAvailability } from './amendments';
import { cancelAppointment, recordAppointmentOutcome, rescheduleAppointment, scheduleAppointment } from './appointments';
import type { CompletePactActionCommand, JourneyCommand, RecordContactCommand, RecordIntakeCommand, SignPactCommand } from './commands';
import { confirmStep, dismissStep, justifyLapse, lapseExpired, recordJobOffer, recordOfferResponse } from './conditionality';
import { pactDeadlineAt, pendingDeadlines, type Deadline } from './deadlines';
import { applyEvents } from './evolve';
import { CONTACT_CHANNELS, PROFILING_CLASSES, type JourneyEvent, type JourneyState, type PactActionPlan } from './model';
import { closeJourney, makeReferral, recordPlacement, recordReferralOutcome } from './outcomes';
import type { Refusal } from './refusals';
import { optionalString, refusal, requireOneOf, requireText, type Draft, type Outcome } from './rules';
import { recordServiceDelivery } from './services';

export { resolveDueAt } from './rules';

/** A decision: the events a command produces, or why it is refused (then nothing is recorded). */
export type Decision = { ok: true; events: JourneyEvent[] } | { ok: false; refusal: Refusal };

/**
 * Decides what a command does to a journey at instant `now` (an ISO-8601 instant supplied by the caller, so the
 * decision is deterministic: the workflow passes its own clock).
 */
export function decide(state: JourneyState, command: JourneyCommand, now: string): Decision {
  if (state.status === 'closed') {
    return { ok: false, refusal: { code: 'JOURNEY_CLOSED', message: `the journey was closed on ${state.closure?.closedAt ?? state.updatedAt}; it accepts no more commands` } };
  }
  if (typeof command !== 'object' || command === null) return { ok: false, refusal: { code: 'INVALID_VALUE', message: 'a command is an object with a type' } };
  const outcome = decideOpen(state, command, now);
  if ('refusal' in outcome) return { ok: false, refusal: outcome.refusal };
  return {
    ok: true,
    events: outcome.map((draft, i) => ({ ...draft, seq: state.lastSeq + 1 + i, at: now }) as JourneyEvent),
  };
}

function decideOpen(state: JourneyState, command: JourneyCommand, now: string): Outcome {
  switch (command.type) {
    case 'RecordIntake':
      return recordIntake(state, command, now);
    case 'SignPact':
      return signPact(state, command, now);
    case 'CompletePactAction':
      return completePactAction(state, command, now);
    case 'RecordContact':
      return recordContact(state, command, now);
    case 'CloseJourney':
      return closeJourney(state, command, now);
    case 'RecordServiceDelivery':
      return recordServiceDelivery(state, command, now);
    case 'ScheduleAppointment':
      return scheduleAppointment(state, command, now);
    case 'RescheduleAppointment':
      return rescheduleAppointment(state, command, now);
    case 'CancelAppointment':
      return cancelAppointment(state, command);
    case 'RecordAppointmentOutcome':
      return recordAppointmentOutcome(state, command, now);
    case 'RecordJobOffer':
      return recordJobOffer(state, command);
    case 'RecordOfferResponse':
      return recordOfferResponse(state, command, now);
    case 'JustifyLapse':
      return justifyLapse(state, command, now);
    case 'ConfirmConditionalityStep':
      return confirmStep(state, command, now);
    case 'DismissConditionalityStep':
      return dismissStep(state, command);
    case 'AmendPact':
      return amendPact(state, command, now);
    case 'MakeReferral':
      return makeReferral(state, command);
    case 'RecordReferralOutcome':
      return recordReferralOutcome(state, command);
    case 'RecordPlacement':
      return recordPlacement(state, command, now);
    case 'ProcessDeadlines':
      return processDeadlines(state, now);
    default:
      return refusal('INVALID_VALUE', `unknown command type ${String((command as { type?: unknown }).type)}`, 'type');
  }
}

/**
 * Everything that has fallen due by `now`, oldest first. A deadline can open the next one (an overdue action's
 * escalation), so it repeats on the resulting state until nothing more is due, as if the timer had fired on time.
 * Every due deadline produces an event that removes it, so the journey's timer never spins.
 */
function processDeadlines(state: JourneyState, now: string): Draft[] {
  const drafts: Draft[] = [];
  let current = state;
  for (let round = 0; round < 8; round++) {
    const due = pendingDeadlines(current)
      .filter((d) => toMillis(d.at) <= toMillis(now))
      .sort((a, b) => toMillis(a.at) - toMillis(b.at));
    const produced: Draft[] = [];
    for (const d of due) {
      // Each deadline is decided on the state the earlier ones of this round left (ids of steps follow each other).
      const drafted = draftFor(applyDrafts(current, produced, now), d, due);
      produced.push(...drafted);
    }
    if (produced.length === 0) break;
    drafts.push(...produced);
    current = applyDrafts(current, produced, now);
  }
  return drafts;
}

function applyDrafts(state: JourneyState, drafts: Draft[], now: string): JourneyState {
  return applyEvents(state, drafts.map((d, i) => ({ ...d, seq: state.lastSeq + 1 + i, at: now }) as JourneyEvent));
}

function draftFor(state: JourneyState, d: Deadline, due: Deadline[]): Draft[] {
  switch (d.kind) {
    case 'action_reminder': {
      // No reminder for an action that is already overdue: the overdue notice says more.
      const alsoOverdue = due.some((o) => o.kind === 'action_due' && o.actionId === d.actionId);
      return alsoOverdue ? [] : [{ type: 'PactActionReminderDue', data: { actionId: d.actionId!, dueAt: actionDueAt(state, d.actionId!) } }];
    }
    case 'action_due':
      return [{ type: 'PactActionOverdue', data: { actionId: d.actionId!, dueAt: d.at } }];
    case 'action_escalation':
      return [{ type: 'PactActionEscalated', data: { actionId: d.actionId!, dueAt: actionDueAt(state, d.actionId!) } }];
    case 'contact_due':
      return [{ type: 'ContactMissed', data: { dueAt: d.at } }];
    case 'contact_escalation':
      return [{ type: 'ContactMissedEscalated', data: { dueAt: state.contact.missedDueAt! } }];
    case 'pact_deadline':
      return [{ type: 'PactDeadlineMissed', data: { deadlineAt: d.at } }];
    case 'pact_escalation':
      return [{ type: 'PactDeadlineEscalated', data: { deadlineAt: pactDeadlineAt(state)! } }];
    case 'no_progress':
      return [{ type: 'NoProgressDetected', data: { lastProgressAt: state.lastProgressAt } }];
    case 'first_contact':
      return [{ type: 'FirstContactMissed', data: { dueAt: d.at } }];
    case 'appointment_reminder': {
      const a = state.appointments.find((x) => x.appointmentId === d.appointmentId)!;
      return [{ type: 'AppointmentReminderDue', data: { appointmentId: a.appointmentId, at: a.at } }];
    }
    case 'justification_due':
      return lapseExpired(state, d.lapseId!);
  }
}

function actionDueAt(state: JourneyState, actionId: string): string {
  return state.actions.find((a) => a.actionId === actionId)!.dueAt;
}

function recordContact(state: JourneyState, c: RecordContactCommand, now: string): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'agreed contacts start with the signed pact');
  const invalid = requireText(c.operatorId, 'operatorId') ?? requireOneOf(c.channel, CONTACT_CHANNELS, 'channel') ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  const at = c.contactedAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'contactedAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'contactedAt');
  if (toMillis(at) < toMillis(state.pact!.signedAt)) return refusal('INVALID_DATE', 'cannot precede the signing of the pact', 'contactedAt');
  const last = state.contact.lastContactAt;
  if (last && toMillis(at) < toMillis(last)) return refusal('INVALID_DATE', `cannot precede the last recorded contact (${last})`, 'contactedAt');
  return [{ type: 'ContactRecorded', data: { operatorId: c.operatorId, contactedAt: canonicalInstant(at), channel: c.channel, note: c.note ?? null } }];
}

function recordIntake(state: JourneyState, c: RecordIntakeCommand, now: string): Outcome {
  if (state.stage !== 'awaiting_intake') {
    return refusal('INTAKE_ALREADY_RECORDED', `the person was already taken in charge on ${state.intake?.takenInChargeAt}`);
  }
  const invalid = requireText(c.operatorId, 'operatorId') ?? optionalString(c.notes, 'notes');
  if (invalid) return invalid;
  const at = c.takenInChargeAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'takenInChargeAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'takenInChargeAt');
  if (toMillis(at) < toMillis(romeStartOfDay(state.didDate))) {
    return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'takenInChargeAt');
  }
  return [{ type: 'IntakeRecorded', data: { operatorId: c.operatorId, takenInChargeAt: canonicalInstant(at), notes: c.notes ?? null } }];
}

function signPact(state: JourneyState, c: SignPactCommand, now: string): Outcome {
  if (state.stage === 'awaiting_intake') {
    return refusal('INTAKE_REQUIRED', 'the pact is signed after the presa in carico: record the intake first');
  }
  if (state.stage !== 'awaiting_pact') return refusal('PACT_ALREADY_SIGNED', `pact version ${state.pact?.version} was signed on ${state.pact?.signedAt}`);
  const contactFrequency = c.contactFrequency ?? state.clocks.defaultContactFrequency ?? undefined;
  const invalid =
    requireText(c.responsibleOperatorId, 'responsibleOperatorId') ??
    requireOneOf(c.profilingClass, PROFILING_CLASSES, 'profilingClass') ??
    (isPositiveDuration(contactFrequency) ? null : refusal('INVALID_DURATION', 'must be a positive ISO-8601 duration such as P30D', 'contactFrequency')) ??
    requireAvailability(c.availability) ??
    optionalString(c.jobSearchProof, 'jobSearchProof');
  if (invalid) return invalid;
  if (!Array.isArray(c.actions) || c.actions.length === 0) {
    return refusal('INVALID_VALUE', 'a pact lists at least one action with its due date', 'actions');
  }
  const actions: PactActionPlan[] = [];
  for (const [i, a] of c.actions.entries()) {
    const plan = plannedAction(a, `A${i + 1}`, now, `actions[${i}]`, 'must be after the signing of the pact');
    if ('refusal' in plan) return plan;
    actions.push(plan);
  }
  return [
    {
      type: 'PactSigned',
      data: {
        version: 1,
        responsibleOperatorId: c.responsibleOperatorId,
        profilingClass: c.profilingClass,
        contactFrequency: contactFrequency!,
        jobSearchProof: c.jobSearchProof ?? null,
        availability: { workshops: c.availability.workshops, training: c.availability.training, suitableOffers: c.availability.suitableOffers },
        actions,
        signedAt: now,
      },
    },
  ];
}

function completePactAction(state: JourneyState, c: CompletePactActionCommand, now: string): Outcome {
  if (state.stage !== 'pact_active') return refusal('PACT_NOT_SIGNED', 'actions exist once the pact is signed');
  const action = state.actions.find((a) => a.actionId === c.actionId);
  if (!action) return refusal('PACT_ACTION_NOT_FOUND', `the pact has no action ${c.actionId}`);
  if (action.status === 'completed') return refusal('PACT_ACTION_ALREADY_COMPLETED', `action ${c.actionId} was completed on ${action.completedAt}`);
  if (action.status === 'withdrawn') return refusal('PACT_ACTION_WITHDRAWN', `action ${c.actionId} was withdrawn by a pact amendment`);
  const invalid = requireText(c.operatorId, 'operatorId') ?? optionalString(c.note, 'note');
  if (invalid) return invalid;
  const at = c.completedAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'completedAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'completedAt');
  if (toMillis(at) < toMillis(state.pact!.signedAt)) return refusal('INVALID_DATE', 'cannot precede the signing of the pact', 'completedAt');
  return [{ type: 'PactActionCompleted', data: { actionId: c.actionId, operatorId: c.operatorId, completedAt: canonicalInstant(at), note: c.note ?? null } }];
}
