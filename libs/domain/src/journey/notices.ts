import { APPOINTMENT_NOTICE_KINDS, type AppointmentChannel } from '../appointments/model';
import { BENEFIT_NOTICE_KINDS, type BenefitEndReason, type BenefitSuspensionReason } from '../benefits/model';
import type { BenefitKind } from '../intake/model';
import { ASSESSMENT_NOTICE_KINDS } from '../assessment/model';
import type { ProfilingClass } from '../pact/model';
import { CONDITIONALITY_NOTICE_KINDS, type ConditionalityLadder, type SanctionEffect } from '../conditionality/model';
import { CONTACT_NOTICE_KINDS } from '../contacts/model';
import { INTAKE_NOTICE_KINDS } from '../intake/model';
import { PACT_ACCEPTANCE_NOTICE_KINDS, PACT_ACTION_NOTICE_KINDS, PACT_SIGNING_NOTICE_KINDS } from '../pact/model';
import type { ServiceCode } from '../services/service-table';
import { PAUSE_NOTICE_KINDS } from '../pauses/model';
import { JOURNEY } from './features';
import type { NoticeMakers } from './handlers';
import type { JourneyEvent, JourneyEventType, JourneyState } from './model';

/**
 * Notices: what the journey tells people when a deadline passes. The journey decides which notices a deadline
 * produces (pure); delivering them (addresses, templates, outbox, SMTP) happens outside, once per `key`.
 */

export const NOTICE_KINDS = [
  ...PACT_ACTION_NOTICE_KINDS,
  ...CONTACT_NOTICE_KINDS,
  ...PACT_SIGNING_NOTICE_KINDS,
  ...INTAKE_NOTICE_KINDS,
  ...APPOINTMENT_NOTICE_KINDS,
  ...CONDITIONALITY_NOTICE_KINDS,
  ...PACT_ACCEPTANCE_NOTICE_KINDS,
  ...PAUSE_NOTICE_KINDS,
  ...BENEFIT_NOTICE_KINDS,
  ...ASSESSMENT_NOTICE_KINDS,
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
    /** The body an appeal is lodged with, by name (`APPEAL_BODY_DEFINITIONS`). */
    appealBody?: string;
    /** The version of the pact concerned (`pact_acceptance_overdue`). */
    pactVersion?: number;
    /** When a suspension by a job reached six months and closed the journey (`suspension_limit_reached`). */
    suspensionLimitAt?: string;
    /** The benefit concerned, the day its status changed and why (`benefit_refused`, `benefit_suspended`, `benefit_ended`). */
    benefitKind?: BenefitKind;
    benefitDate?: string;
    benefitReason?: BenefitSuspensionReason | BenefitEndReason;
    /** Conditionality steps still waiting for the operator's decision when the benefit ended. */
    proposedStepCount?: number;
    /** The day the national model computed the profiling concerned (`profiling_review_due`, `profiling_class_changed`). */
    profiledOn?: string;
    /** The profiling class before and after a review (`profiling_class_changed`). */
    profilingClassFrom?: ProfilingClass;
    profilingClassTo?: ProfilingClass;
  };
  /** When the deadline passed (the instant the journey decided to send it). */
  at: string;
}

const NOTICE_MAKERS = JOURNEY.notices satisfies NoticeMakers<JourneyEventType>;

/** The notices a batch of events sends, given the journey's state after them. */
export function noticesFor(events: readonly JourneyEvent[], state: JourneyState): JourneyNotice[] {
  return events.flatMap((event) => (NOTICE_MAKERS[event.type] as (event: JourneyEvent, state: JourneyState) => JourneyNotice[])(event, state));
}
