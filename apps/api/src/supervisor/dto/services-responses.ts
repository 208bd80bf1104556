import { ApiProperty } from '@nestjs/swagger';
import {
  APPEAL_BODIES,
  APPEAL_OUTCOMES,
  APPOINTMENT_CHANNELS,
  APPOINTMENT_PURPOSES,
  APPOINTMENT_STATUSES,
  BENEFIT_KINDS,
  CONDITIONALITY_LADDERS,
  CONVOCATION_METHODS,
  SANCTION_EFFECTS,
  VALID_NOTIFICATION_METHODS,
  SERVICE_CODES,
  STEP_STATUSES,
  type AppealBody,
  type AppealOutcome,
  type AppointmentChannel,
  type AppointmentPurpose,
  type AppointmentStatus,
  type BenefitKind,
  type ConditionalityLadder,
  type ConvocationMethod,
  type NotificationMethod,
  type SanctionEffect,
  type ServiceCode,
  type StepStatus,
} from '@sal/domain';
import type { AppointmentItem, ConditionalityStepItem, ServiceFigures } from '@sal/persistence';

const JOURNEY_ID_EXAMPLE = 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3';
const INSTANT = { format: 'date-time', example: '2026-03-10T09:00:00.000Z' };
const NULLABLE_INSTANT = { ...INSTANT, nullable: true, type: String };

/** An appointment of a journey, as the supervisors' agenda shows it. */
export class AppointmentDto implements AppointmentItem {
  @ApiProperty({ description: 'Journey id', example: JOURNEY_ID_EXAMPLE })
  journeyId!: string;

  @ApiProperty({ description: 'Appointment id within the journey', example: 'AP1' })
  appointmentId!: string;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-TO-01' })
  officeId!: string;

  @ApiProperty({ description: 'Programme', example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({ description: 'The service it is for', enum: SERVICE_CODES, example: 'second_level_interview' })
  service!: ServiceCode;

  @ApiProperty({ description: 'What it is for (decides the conditionality ladder of a no-show)', enum: APPOINTMENT_PURPOSES, example: 'interview' })
  purpose!: AppointmentPurpose;

  @ApiProperty({ description: 'When it is (after any rescheduling)', ...INSTANT })
  at!: string;

  @ApiProperty({ description: 'How it takes place', enum: APPOINTMENT_CHANNELS, example: 'in_person' })
  channel!: AppointmentChannel;

  @ApiProperty({ description: 'Where, for an appointment in person', example: 'CPI Torino, via Bologna 153', nullable: true, type: String })
  location!: string | null;

  @ApiProperty({ description: 'How the person was convened', enum: CONVOCATION_METHODS, example: 'pec' })
  convocation!: ConvocationMethod;

  @ApiProperty({ description: 'Whether the convocation allows a sanction after a no-show (PEC, registered letter, or agreed and signed)', example: true })
  convocationValid!: boolean;

  @ApiProperty({ description: 'Operator who scheduled it', example: 'op-bianchi' })
  operatorId!: string;

  @ApiProperty({ description: '`scheduled`, `held`, `no_show` (the person did not come) or `cancelled`', enum: APPOINTMENT_STATUSES, example: 'scheduled' })
  status!: AppointmentStatus;

  @ApiProperty({ description: 'When the person was reminded; null while not (yet)', ...NULLABLE_INSTANT, example: null })
  reminderSentAt!: string | null;

  @ApiProperty({ description: 'How many times it was moved', example: 0 })
  rescheduledCount!: number;

  @ApiProperty({ description: 'When its outcome or cancellation was recorded; null while scheduled', ...NULLABLE_INSTANT, example: null })
  closedAt!: string | null;

  @ApiProperty({ description: 'Why it was cancelled', example: null, nullable: true, type: String })
  cancellationReason!: string | null;

  @ApiProperty({ description: 'Given name(s) of the person', example: 'Mario' })
  givenName!: string;

  @ApiProperty({ description: 'Family name(s) of the person', example: 'Rossi' })
  familyName!: string;
}

export class AppointmentPageDto {
  @ApiProperty({ description: 'The appointments on this page, in the order asked for', type: () => [AppointmentDto] })
  items!: AppointmentDto[];

  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'How many appointments match the filters in all (also on a page past the end)', example: 42 })
  total!: number;
}

/** A conditionality step: proposed after an unjustified lapse, then confirmed or dismissed by an operator; a confirmed one may be appealed and annulled. */
export class ConditionalityStepDto implements ConditionalityStepItem {
  @ApiProperty({ description: 'Journey id', example: JOURNEY_ID_EXAMPLE })
  journeyId!: string;

  @ApiProperty({ description: 'Step id within the journey', example: 'S1' })
  stepId!: string;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-TO-01' })
  officeId!: string;

  @ApiProperty({ description: 'Programme', example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({ description: 'The lapse (no-show or refused suitable offer) it follows', example: 'L1' })
  lapseId!: string;

  @ApiProperty({ description: 'The ladder it counts on (art. 21 c.7)', enum: CONDITIONALITY_LADDERS, example: 'appointments' })
  ladder!: ConditionalityLadder;

  @ApiProperty({ description: '1st, 2nd, 3rd… step on its ladder', example: 1 })
  ordinal!: number;

  @ApiProperty({ description: 'The sanction it carries', enum: SANCTION_EFFECTS, example: 'quarter_month_cut' })
  effect!: SanctionEffect;

  @ApiProperty({ description: "`proposed` (waiting for an operator's decision), `confirmed`, `dismissed`, or `annulled` on appeal (it counts on no ladder)", enum: STEP_STATUSES, example: 'proposed' })
  status!: StepStatus;

  @ApiProperty({ description: 'When it was proposed (the justification window closed)', ...INSTANT })
  proposedAt!: string;

  @ApiProperty({ description: 'Whole days it has been waiting for a decision; null once decided', example: 2, nullable: true, type: Number })
  daysWaiting!: number | null;

  @ApiProperty({ description: 'When it was confirmed or dismissed', ...NULLABLE_INSTANT, example: null })
  decidedAt!: string | null;

  @ApiProperty({ description: 'Operator who decided', example: null, nullable: true, type: String })
  decidedBy!: string | null;

  @ApiProperty({ description: "The CPI whose staff decided (art. 21 c.7, art. 23 D.lgs. 150/2015): the journey's competent CPI; null while proposed and for journeys of rules edition 1", example: null, nullable: true, type: String })
  decidedByOffice!: string | null;

  @ApiProperty({ description: 'Last instant to appeal a confirmed step: 30 days from the notification (rules edition 1: from the confirmation); null until notified', ...NULLABLE_INSTANT, example: null })
  appealDueAt!: string | null;

  @ApiProperty({ description: 'When the decision reached the person (art. 21 c.12 D.lgs. 150/2015)', ...NULLABLE_INSTANT, example: null })
  notifiedAt!: string | null;

  @ApiProperty({ description: 'How it reached the person', enum: VALID_NOTIFICATION_METHODS, example: null, nullable: true })
  notificationMethod!: NotificationMethod | null;

  @ApiProperty({ description: 'The day an appeal was lodged (YYYY-MM-DD)', example: null, nullable: true, type: String, format: 'date' })
  appealLodgedOn!: string | null;

  @ApiProperty({ description: 'Where it was lodged', enum: APPEAL_BODIES, example: null, nullable: true })
  appealBody!: AppealBody | null;

  @ApiProperty({ description: "The appeal's outcome: `upheld`, `annulled`, `partly_annulled`", enum: APPEAL_OUTCOMES, example: null, nullable: true })
  appealOutcome!: AppealOutcome | null;

  @ApiProperty({ description: 'The day the outcome was decided (YYYY-MM-DD)', example: null, nullable: true, type: String, format: 'date' })
  appealDecidedOn!: string | null;

  @ApiProperty({ description: 'The sanction the confirmation decided, when the appeal annulled or reduced it (`effect` is what stands)', enum: SANCTION_EFFECTS, example: null, nullable: true })
  originalEffect!: SanctionEffect | null;

  @ApiProperty({ description: 'An appeal lodged and waiting for its outcome', example: false })
  appealPending!: boolean;

  @ApiProperty({ description: 'The missed appointment that caused it', example: 'AP1', nullable: true, type: String })
  appointmentId!: string | null;

  @ApiProperty({ description: 'The refused suitable offer that caused it', example: null, nullable: true, type: String })
  offerId!: string | null;

  @ApiProperty({
    description: 'Or the missed agreed contact that caused it, by when it was due (rules edition 2: a benefit recipient\'s missed contact counts on the appointments ladder, art. 21 c.7 lett. a D.lgs. 150/2015)',
    ...NULLABLE_INSTANT,
    example: null,
  })
  contactDueAt!: string | null;

  @ApiProperty({ description: "The person's benefit", enum: BENEFIT_KINDS, example: 'naspi', nullable: true })
  benefitKind!: BenefitKind | null;

  @ApiProperty({ description: 'Operator in charge of the journey', example: 'op-bianchi', nullable: true, type: String })
  operatorId!: string | null;

  @ApiProperty({ description: 'Given name(s) of the person', example: 'Mario' })
  givenName!: string;

  @ApiProperty({ description: 'Family name(s) of the person', example: 'Rossi' })
  familyName!: string;
}

export class ConditionalityStepPageDto {
  @ApiProperty({ description: 'The steps on this page, in the order asked for', type: () => [ConditionalityStepDto] })
  items!: ConditionalityStepDto[];

  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'How many steps match the filters in all (also on a page past the end)', example: 3 })
  total!: number;
}

/** One service's figures over the offices' journeys (per programme when asked). */
export class ServiceFiguresDto implements ServiceFigures {
  @ApiProperty({ description: 'The service', enum: SERVICE_CODES, example: 'tutoring' })
  service!: ServiceCode;

  @ApiProperty({ description: 'The programme, with `byProgramme=true`; null otherwise', example: 'GOL-1', nullable: true, type: String })
  programmeCode!: string | null;

  @ApiProperty({ description: "Journeys whose catalogue requires the service or that started it", example: 40 })
  journeys!: number;

  @ApiProperty({ description: 'Of those, not started yet (required by the catalogue)', example: 10 })
  notStarted!: number;

  @ApiProperty({ description: 'In progress', example: 20 })
  inProgress!: number;

  @ApiProperty({ description: 'Completed', example: 10 })
  completed!: number;

  @ApiProperty({ description: 'Hours delivered', example: 86.5 })
  hours!: number;

  @ApiProperty({ description: 'Sessions delivered', example: 55 })
  sessions!: number;

  @ApiProperty({ description: 'Hours per journey that started the service (one decimal); null when none did', example: 2.9, nullable: true, type: Number })
  averageHours!: number | null;
}

export class ServiceFiguresPageDto {
  @ApiProperty({ description: "The lines on this page, in the six services' order (then by programme)", type: () => [ServiceFiguresDto] })
  items!: ServiceFiguresDto[];

  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'How many lines there are in all', example: 6 })
  total!: number;
}

/** Hours delivered per service (every service is present, 0 included). */
export class ServiceHoursDto implements Record<ServiceCode, number> {
  @ApiProperty({ description: 'Accoglienza e assistenza di primo livello', example: 0 })
  reception!: number;

  @ApiProperty({ description: 'Colloquio individuale di secondo livello', example: 12 })
  second_level_interview!: number;

  @ApiProperty({ description: 'Definizione del percorso', example: 6 })
  path_definition!: number;

  @ApiProperty({ description: 'Bilancio delle competenze', example: 8 })
  skills_assessment!: number;

  @ApiProperty({ description: 'Tutoring e counselling orientativo', example: 20.5 })
  tutoring!: number;

  @ApiProperty({ description: 'Scouting aziendale e ricerca attiva del lavoro', example: 14 })
  job_search!: number;
}
