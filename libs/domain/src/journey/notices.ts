import type { JourneyEvent, JourneyState } from './model';

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
  };
  /** When the deadline passed (the instant the journey decided to send it). */
  at: string;
}

/** The notices a batch of events sends, given the journey's state after them. Only deadline events send notices. */
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
    default:
      return [];
  }
}
