import type { LapseOpened } from '../conditionality/model';
import type { EventEnvelope } from '../journey/event';

/** The contacts between the person and the operator that the pact's contact frequency agrees. */

/** How a contact between the person and the operator happened. */
export const CONTACT_CHANNELS = ['in_person', 'phone', 'email', 'video'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface ContactRecordedData {
  operatorId: string;
  contactedAt: string;
  channel: ContactChannel;
  note: string | null;
}

export interface ContactDeadlineData {
  /** The instant by which the agreed contact was due. */
  dueAt: string;
}

export interface ContactMissedData extends ContactDeadlineData {
  /**
   * Edition 2, benefit recipients: the lapse the missed contact opens on the appointments ladder (art. 21 c.7 lett. a
   * D.lgs. 150/2015), with its justification window. Absent otherwise.
   */
  lapse?: LapseOpened;
}

/** A contact between the person and the operator, as the pact's contact frequency asks. */
export interface RecordContactCommand {
  type: 'RecordContact';
  operatorId: string;
  channel: ContactChannel;
  /** When it happened; defaults to now. */
  contactedAt?: string;
  note?: string;
}

export type ContactsCommand = RecordContactCommand;

export type ContactRecorded = EventEnvelope<'ContactRecorded', ContactRecordedData>;
export type ContactMissed = EventEnvelope<'ContactMissed', ContactMissedData>;
export type ContactMissedEscalated = EventEnvelope<'ContactMissedEscalated', ContactDeadlineData>;
export type ContactsEvent = ContactRecorded | ContactMissed | ContactMissedEscalated;

/** The agreed contacts (the pact's contact frequency). */
export interface ContactState {
  lastContactAt: string | null;
  /** Set when an agreed contact was missed: the instant it was due, and when the journey noticed. */
  missedDueAt: string | null;
  missedSince: string | null;
  escalatedAt: string | null;
}

export interface ContactsSlice {
  contact: ContactState;
}

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const CONTACT_DEADLINE_KINDS = ['contact_due', 'contact_escalation'] as const;

export const CONTACT_NOTICE_KINDS = [
  /** The person did not make the contact the pact agreed (its contact frequency). */
  'contact_missed',
  'contact_missed_escalation',
] as const;
