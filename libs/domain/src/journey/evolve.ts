import { NO_CLOCKS, SERVICE_CODES, type ServiceCode } from '../programme/catalogue';
import type {
  AppointmentState,
  ConditionalityStepState,
  JourneyEvent,
  JourneyStartedData,
  JourneyState,
  LapseOpened,
  LapseState,
  PactActionState,
  ServiceOutput,
  ServiceProgress,
} from './model';

/** Folds one event into the state. Pure and total: events are facts, so nothing here refuses. */
export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  const next = { ...state, lastSeq: event.seq, updatedAt: event.at };
  const progressed = { ...next, lastProgressAt: event.at, noProgressSince: null };
  switch (event.type) {
    case 'JourneyStarted':
      return initialState(event.data, event.at);
    case 'IntakeRecorded':
      return updateService({ ...progressed, intake: event.data, stage: 'awaiting_pact' }, 'reception', (s) => ({
        ...s,
        status: 'completed',
        startedAt: s.startedAt ?? event.data.takenInChargeAt,
        completedAt: event.data.takenInChargeAt,
      }));
    case 'PactSigned': {
      const { actions, ...pact } = event.data;
      return {
        ...progressed,
        stage: 'pact_active',
        pact,
        pactVersions: [...next.pactVersions, { ...pact, actions, amendedBy: null, reason: null }],
        actions: actions.map(
          (a): PactActionState => ({ ...a, status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null, reminderSentAt: null, escalatedAt: null }),
        ),
        contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
      };
    }
    case 'PactAmended': {
      const d = event.data;
      const pact = {
        version: d.version,
        responsibleOperatorId: d.responsibleOperatorId,
        profilingClass: d.profilingClass,
        contactFrequency: d.contactFrequency,
        jobSearchProof: d.jobSearchProof,
        availability: d.availability,
        signedAt: next.pact!.signedAt,
      };
      const changed = new Map(d.changedActions.map((a) => [a.actionId, a]));
      const actions = next.actions.map((a): PactActionState => {
        if (d.withdrawnActionIds.includes(a.actionId)) return { ...a, status: 'withdrawn' };
        const plan = changed.get(a.actionId);
        if (!plan) return a;
        changed.delete(a.actionId);
        // A new due date starts the action's clocks again: reminder, overdue, escalation.
        const moved = plan.dueAt !== a.dueAt;
        return moved ? { ...a, ...plan, status: 'pending', overdueSince: null, reminderSentAt: null, escalatedAt: null } : { ...a, ...plan };
      });
      for (const plan of changed.values()) {
        actions.push({ ...plan, status: 'pending', overdueSince: null, completedAt: null, completedBy: null, note: null, reminderSentAt: null, escalatedAt: null });
      }
      const plans = actions.filter((a) => a.status !== 'withdrawn').map(({ actionId, kind, description, dueAt }) => ({ actionId, kind, description, dueAt }));
      return {
        ...progressed,
        pact,
        actions,
        pactVersions: [...next.pactVersions, { ...pact, actions: plans, amendedBy: d.operatorId, reason: d.reason }],
      };
    }
    case 'PactActionCompleted':
      return updateAction(progressed, event.data.actionId, {
        status: 'completed',
        completedAt: event.data.completedAt,
        completedBy: event.data.operatorId,
        note: event.data.note,
      });
    case 'PactActionReminderDue':
      return updateAction(next, event.data.actionId, { reminderSentAt: event.at });
    case 'PactActionOverdue':
      return updateAction(next, event.data.actionId, { status: 'overdue', overdueSince: event.at });
    case 'PactActionEscalated':
      return updateAction(next, event.data.actionId, { escalatedAt: event.at });
    case 'ContactRecorded':
      return { ...progressed, contact: { lastContactAt: event.data.contactedAt, missedDueAt: null, missedSince: null, escalatedAt: null } };
    case 'ContactMissed':
      return { ...next, contact: { ...next.contact, missedDueAt: event.data.dueAt, missedSince: event.at } };
    case 'ContactMissedEscalated':
      return { ...next, contact: { ...next.contact, escalatedAt: event.at } };
    case 'PactDeadlineMissed':
      return { ...next, pactDeadlineMissedAt: event.at };
    case 'PactDeadlineEscalated':
      return { ...next, pactDeadlineEscalatedAt: event.at };
    case 'NoProgressDetected':
      return { ...next, noProgressSince: event.at };
    case 'FirstContactMissed':
      return { ...next, firstContactMissedAt: event.at };
    case 'ServiceDelivered': {
      const d = event.data;
      return updateService(progressed, d.service, (s) => ({
        ...s,
        status: d.completesService ? 'completed' : 'in_progress',
        hours: roundHours(s.hours + d.hours),
        sessions: s.sessions + 1,
        startedAt: s.startedAt ?? d.deliveredAt,
        completedAt: d.completesService ? d.deliveredAt : null,
        outputs: mergeOutputs(s.outputs, d.outputs),
      }));
    }
    case 'AppointmentScheduled':
      return {
        ...next,
        appointments: [...next.appointments, { ...event.data, status: 'scheduled', reminderSentAt: null, rescheduledCount: 0, closedAt: null, cancellationReason: null }],
      };
    case 'AppointmentRescheduled': {
      const d = event.data;
      return updateAppointment(next, d.appointmentId, (a) => ({
        ...a,
        at: d.at,
        channel: d.channel,
        location: d.location,
        convocation: d.convocation,
        reminderSentAt: null,
        rescheduledCount: a.rescheduledCount + 1,
      }));
    }
    case 'AppointmentCancelled':
      return updateAppointment(next, event.data.appointmentId, (a) => ({ ...a, status: 'cancelled', closedAt: event.at, cancellationReason: event.data.reason }));
    case 'AppointmentReminderDue':
      return updateAppointment(next, event.data.appointmentId, (a) => ({ ...a, reminderSentAt: event.at }));
    case 'AppointmentHeld':
      return updateAppointment(progressed, event.data.appointmentId, (a) => ({ ...a, status: 'held', closedAt: event.at }));
    case 'AppointmentMissed': {
      const withLapse = openLapse(next, event.data.lapse, { appointmentId: event.data.appointmentId, offerId: null }, event.at);
      return updateAppointment(withLapse, event.data.appointmentId, (a) => ({ ...a, status: 'no_show', closedAt: event.at }));
    }
    case 'JobOfferRecorded':
      return { ...next, offers: [...next.offers, { ...event.data, recordedAt: event.at, response: null, respondedAt: null }] };
    case 'OfferAccepted':
      return { ...progressed, offers: next.offers.map((o) => (o.offerId === event.data.offerId ? { ...o, response: 'accepted', respondedAt: event.at } : o)) };
    case 'OfferRefused': {
      const answered = { ...next, offers: next.offers.map((o) => (o.offerId === event.data.offerId ? { ...o, response: 'refused' as const, respondedAt: event.at } : o)) };
      return event.data.lapse ? openLapse(answered, event.data.lapse, { appointmentId: null, offerId: event.data.offerId }, event.at) : answered;
    }
    case 'LapseJustified': {
      const { lapseId, ...justification } = event.data;
      return updateLapse(progressed, lapseId, (l) => ({ ...l, status: 'justified', justification, closedAt: event.at }));
    }
    case 'LapseUnjustified':
      return updateLapse(next, event.data.lapseId, (l) => ({ ...l, status: 'unjustified', closedAt: event.at }));
    case 'ConditionalityStepProposed':
      return {
        ...next,
        conditionalitySteps: [
          ...next.conditionalitySteps,
          { ...event.data, status: 'proposed', proposedAt: event.at, decidedAt: null, decidedBy: null, decisionNote: null, appealDueAt: null },
        ],
      };
    case 'ConditionalityStepConfirmed': {
      const d = event.data;
      return updateStep(next, d.stepId, (s) => ({
        ...s,
        status: 'confirmed',
        ordinal: d.ordinal,
        effect: d.effect,
        decidedAt: event.at,
        decidedBy: d.operatorId,
        decisionNote: d.note,
        appealDueAt: d.appealDueAt,
      }));
    }
    case 'ConditionalityStepDismissed':
      return updateStep(next, event.data.stepId, (s) => ({ ...s, status: 'dismissed', decidedAt: event.at, decidedBy: event.data.operatorId, decisionNote: event.data.reason }));
    case 'ReferralMade':
      return { ...next, referrals: [...next.referrals, { ...event.data, madeAt: event.at, outcome: null, outcomeAt: null, outcomeNote: null }] };
    case 'ReferralOutcomeRecorded':
      return {
        ...next,
        referrals: next.referrals.map((r) =>
          r.referralId === event.data.referralId ? { ...r, outcome: event.data.outcome, outcomeAt: event.at, outcomeNote: event.data.note } : r,
        ),
      };
    case 'PlacementRecorded':
      return { ...progressed, placement: { ...event.data, recordedAt: event.at } };
    case 'JourneyClosed':
      return { ...next, stage: 'closed', status: 'closed', closure: event.data };
  }
}

function updateAction(state: JourneyState, actionId: string, change: Partial<PactActionState>): JourneyState {
  return { ...state, actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, ...change } : a)) };
}

function updateAppointment(state: JourneyState, id: string, change: (a: AppointmentState) => AppointmentState): JourneyState {
  return { ...state, appointments: state.appointments.map((a) => (a.appointmentId === id ? change(a) : a)) };
}

function updateLapse(state: JourneyState, id: string, change: (l: LapseState) => LapseState): JourneyState {
  return { ...state, lapses: state.lapses.map((l) => (l.lapseId === id ? change(l) : l)) };
}

function updateStep(state: JourneyState, id: string, change: (s: ConditionalityStepState) => ConditionalityStepState): JourneyState {
  return { ...state, conditionalitySteps: state.conditionalitySteps.map((s) => (s.stepId === id ? change(s) : s)) };
}

function updateService(state: JourneyState, service: ServiceCode, change: (s: ServiceProgress) => ServiceProgress): JourneyState {
  return { ...state, serviceProgress: state.serviceProgress.map((s) => (s.service === service ? change(s) : s)) };
}

function openLapse(state: JourneyState, lapse: LapseOpened, cause: Pick<LapseState, 'appointmentId' | 'offerId'>, at: string): JourneyState {
  return { ...state, lapses: [...state.lapses, { ...lapse, ...cause, occurredAt: at, status: 'awaiting_justification', justification: null, closedAt: null }] };
}

/** Later outputs add to earlier ones: lists are joined without repeats, counts summed, texts replaced. */
function mergeOutputs(before: ServiceOutput, added: ServiceOutput): ServiceOutput {
  const merged: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(added)) {
    const previous = merged[key];
    if (Array.isArray(value)) merged[key] = [...new Set([...(Array.isArray(previous) ? (previous as unknown[]) : []), ...(value as unknown[])])];
    else if (typeof value === 'number') merged[key] = (typeof previous === 'number' ? previous : 0) + value;
    else merged[key] = value;
  }
  return merged as ServiceOutput;
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

function emptyServiceProgress(): ServiceProgress[] {
  return SERVICE_CODES.map((service) => ({ service, status: 'not_started', hours: 0, sessions: 0, startedAt: null, completedAt: null, outputs: {} }));
}

/** The parts of the state added with the six services, empty: what a journey that never used them has. */
function emptyExtensions(): Pick<
  JourneyState,
  | 'services'
  | 'workingDayClocks'
  | 'benefit'
  | 'firstContactMissedAt'
  | 'pactVersions'
  | 'serviceProgress'
  | 'appointments'
  | 'offers'
  | 'lapses'
  | 'conditionalitySteps'
  | 'referrals'
  | 'placement'
> {
  return {
    services: null,
    workingDayClocks: [],
    benefit: null,
    firstContactMissedAt: null,
    pactVersions: [],
    serviceProgress: emptyServiceProgress(),
    appointments: [],
    offers: [],
    lapses: [],
    conditionalitySteps: [],
    referrals: [],
    placement: null,
  };
}

/**
 * A state carried over by continue-as-new before the six services existed lacks their parts: give it empty ones, and
 * the pact's version 1 from its signed actions, so every rule reads a complete state.
 */
export function upgradeState(state: JourneyState): JourneyState {
  const partial = state as Partial<JourneyState> & JourneyState;
  if (partial.serviceProgress !== undefined) return state;
  const upgraded: JourneyState = { ...emptyExtensions(), ...state };
  if (state.intake) {
    upgraded.serviceProgress = upgraded.serviceProgress.map((s) =>
      s.service === 'reception' ? { ...s, status: 'completed', startedAt: state.intake!.takenInChargeAt, completedAt: state.intake!.takenInChargeAt } : s,
    );
  }
  if (state.pact) {
    const actions = state.actions.map(({ actionId, kind, description, dueAt }) => ({ actionId, kind, description, dueAt }));
    upgraded.pactVersions = [{ ...state.pact, actions, amendedBy: null, reason: null }];
  }
  return upgraded;
}

function initialState(data: JourneyStartedData, at: string): JourneyState {
  const { catalogueVersion, clocks, services, workingDayClocks, benefit, ...start } = data;
  return {
    ...start,
    ...emptyExtensions(),
    stage: 'awaiting_intake',
    status: 'open',
    startedAt: at,
    intake: null,
    pact: null,
    actions: [],
    closure: null,
    catalogueVersion: catalogueVersion ?? null,
    clocks: clocks ?? NO_CLOCKS,
    services: services ?? null,
    workingDayClocks: workingDayClocks ?? [],
    benefit: benefit ?? null,
    contact: { lastContactAt: null, missedDueAt: null, missedSince: null, escalatedAt: null },
    pactDeadlineMissedAt: null,
    pactDeadlineEscalatedAt: null,
    lastProgressAt: at,
    noProgressSince: null,
    lastSeq: 1,
    updatedAt: at,
  };
}

/**
 * Rebuilds a journey's state from its whole history. The first event must be `JourneyStarted`.
 * @example const state = replay(eventsFromTheTable);
 */
export function replay(events: readonly JourneyEvent[]): JourneyState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'JourneyStarted') throw new Error('a journey history starts with JourneyStarted');
  if (first.seq !== 1) throw new Error(`a journey history starts at seq 1, not ${first.seq}`);
  return rest.reduce((state, event) => {
    if (event.seq !== state.lastSeq + 1) throw new Error(`gap in journey history: seq ${event.seq} after ${state.lastSeq}`);
    return evolve(state, event);
  }, initialState(first.data, first.at));
}

/** Applies new events to a state (as the workflow does after each decision). */
export function applyEvents(state: JourneyState, events: readonly JourneyEvent[]): JourneyState {
  return events.reduce(evolve, state);
}

/** The first event of every journey. */
export function journeyStarted(data: JourneyStartedData, at: string): JourneyEvent {
  return { seq: 1, type: 'JourneyStarted', at, data };
}
