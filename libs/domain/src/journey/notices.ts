import { toMillis } from '../dates';
import type { ServiceCode } from '../programme/catalogue';
import type { AppointmentChannel, ConditionalityLadder, JourneyEvent, JourneyState, SanctionEffect } from './model';

/**
 * Notices: what the journey tells people when a deadline passes. The journey decides which notices a deadline
 * produces (pure); delivering them (addresses, templates, outbox, SMTP) happens outside, once per `key`.
 */

export const NOTICE_KINDS = [
  /** Before a pact action falls due. */
  'action_due_reminder',
  /** A pact action fell due without being completed. */
  'action_overdue',
  /** A pact action stayed overdue past the escalation period. */
  'action_overdue_escalation',
  /** The person did not make the contact the pact agreed (its contact frequency). */
  'contact_missed',
  'contact_missed_escalation',
  /** The pact was not signed by its deadline. */
  'pact_deadline_missed',
  'pact_deadline_escalation',
  /** The person did not contact the office within the legal period of the DID or benefit claim: the office convenes them. */
  'first_contact_missed',
  /** An appointment was booked, moved or cancelled (an information; the legal convocation travels by PEC or letter). */
  'appointment_scheduled',
  'appointment_rescheduled',
  'appointment_cancelled',
  /** Before an appointment. */
  'appointment_reminder',
  /** A no-show: how long the person has to justify it. */
  'appointment_missed',
  /** A justification window closed: the operator decides on the proposed step. */
  'conditionality_step_proposed',
  /** A sanction decided, with the appeal deadline. */
  'conditionality_step_confirmed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Who a notice is for: the person, the responsible operator, or the supervisors of the journey's office. */
export const NOTICE_AUDIENCES = ['beneficiary', 'operator', 'supervisor'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

export interface JourneyNotice {
  /** Unique per journey, deadline, kind and audience: delivering the same key twice must send nothing more. */
  key: string;
  journeyId: string;
  officeId: string;
  programmeCode: string;
  kind: NoticeKind;
  audience: NoticeAudience;
  /** The operator the notice is for (audience `operator`), or the journey's responsible operator for context. */
  operatorId: string | null;
  beneficiary: { givenName: string; familyName: string; email: string | null };
  /** What the message talks about. Instants are ISO-8601; templates format them in Rome time. */
  subject: {
    actionId?: string;
    actionDescription?: string;
    dueAt?: string;
    overdueSince?: string;
    contactDueAt?: string;
    pactDeadlineAt?: string;
    firstContactDueAt?: string;
    appointmentId?: string;
    appointmentAt?: string;
    service?: ServiceCode;
    channel?: AppointmentChannel;
    location?: string | null;
    justificationDueAt?: string;
    stepId?: string;
    ladder?: ConditionalityLadder;
    effect?: SanctionEffect;
    appealDueAt?: string | null;
  };
  /** When the deadline passed (the instant the journey decided to send it). */
  at: string;
}

/** The notices a batch of events sends, given the journey's state after them. */
export function noticesFor(events: readonly JourneyEvent[], state: JourneyState): JourneyNotice[] {
  return events.flatMap((event) => noticesOf(event, state));
}

function noticesOf(event: JourneyEvent, state: JourneyState): JourneyNotice[] {
  const make = (kind: NoticeKind, audiences: NoticeAudience[], ref: string, subject: JourneyNotice['subject']): JourneyNotice[] =>
    audiences.map((audience) => ({
      key: `${state.journeyId}:${kind}:${ref}:${audience}`,
      journeyId: state.journeyId,
      officeId: state.officeId,
      programmeCode: state.programmeCode,
      kind,
      audience,
      operatorId: state.pact?.responsibleOperatorId ?? state.intake?.operatorId ?? null,
      beneficiary: { givenName: state.beneficiary.givenName, familyName: state.beneficiary.familyName, email: state.beneficiary.email ?? null },
      subject,
      at: event.at,
    }));
  const action = (actionId: string) => state.actions.find((a) => a.actionId === actionId)!;
  switch (event.type) {
    case 'PactActionReminderDue': {
      const a = action(event.data.actionId);
      return make('action_due_reminder', ['beneficiary'], `${a.actionId}@${a.dueAt}`, { actionId: a.actionId, actionDescription: a.description, dueAt: a.dueAt });
    }
    case 'PactActionOverdue': {
      const a = action(event.data.actionId);
      return make('action_overdue', ['beneficiary', 'operator'], `${a.actionId}@${a.dueAt}`, {
        actionId: a.actionId,
        actionDescription: a.description,
        dueAt: a.dueAt,
        overdueSince: event.at,
      });
    }
    case 'PactActionEscalated': {
      const a = action(event.data.actionId);
      return make('action_overdue_escalation', ['supervisor'], `${a.actionId}@${a.dueAt}`, {
        actionId: a.actionId,
        actionDescription: a.description,
        dueAt: a.dueAt,
        overdueSince: a.overdueSince ?? undefined,
      });
    }
    case 'ContactMissed':
      return make('contact_missed', ['beneficiary', 'operator'], `contact@${event.data.dueAt}`, { contactDueAt: event.data.dueAt });
    case 'ContactMissedEscalated':
      return make('contact_missed_escalation', ['supervisor'], `contact@${event.data.dueAt}`, { contactDueAt: event.data.dueAt });
    case 'PactDeadlineMissed':
      return make('pact_deadline_missed', ['operator'], `pact@${event.data.deadlineAt}`, { pactDeadlineAt: event.data.deadlineAt });
    case 'PactDeadlineEscalated':
      return make('pact_deadline_escalation', ['supervisor'], `pact@${event.data.deadlineAt}`, { pactDeadlineAt: event.data.deadlineAt });
    case 'FirstContactMissed':
      return make('first_contact_missed', ['supervisor'], `first-contact@${event.data.dueAt}`, { firstContactDueAt: event.data.dueAt });
    case 'AppointmentScheduled':
    case 'AppointmentRescheduled':
    case 'AppointmentCancelled':
    case 'AppointmentReminderDue':
    case 'AppointmentMissed': {
      const a = state.appointments.find((x) => x.appointmentId === event.data.appointmentId)!;
      const subject = { appointmentId: a.appointmentId, appointmentAt: a.at, service: a.service, channel: a.channel, location: a.location };
      const ref = `${a.appointmentId}@${a.at}`;
      if (event.type === 'AppointmentScheduled') return make('appointment_scheduled', ['beneficiary'], ref, subject);
      if (event.type === 'AppointmentRescheduled') return make('appointment_rescheduled', ['beneficiary'], ref, subject);
      if (event.type === 'AppointmentCancelled') return make('appointment_cancelled', ['beneficiary'], ref, subject);
      // A reminder decided after the appointment (a worker down past it) would mislead: the event stays, the message does not.
      if (event.type === 'AppointmentReminderDue') return toMillis(event.at) < toMillis(a.at) ? make('appointment_reminder', ['beneficiary'], ref, subject) : [];
      const due = event.data.lapse.justificationDueAt;
      return due ? make('appointment_missed', ['beneficiary'], ref, { ...subject, justificationDueAt: due }) : [];
    }
    case 'ConditionalityStepProposed': {
      const lapse = state.lapses.find((l) => l.lapseId === event.data.lapseId);
      return make('conditionality_step_proposed', ['operator'], event.data.stepId, {
        stepId: event.data.stepId,
        ladder: event.data.ladder,
        effect: event.data.effect,
        justificationDueAt: lapse?.justificationDueAt ?? undefined,
      });
    }
    case 'ConditionalityStepConfirmed':
      return make('conditionality_step_confirmed', ['beneficiary'], event.data.stepId, {
        stepId: event.data.stepId,
        ladder: event.data.ladder,
        effect: event.data.effect,
        appealDueAt: event.data.appealDueAt,
      });
    default:
      return [];
  }
}
