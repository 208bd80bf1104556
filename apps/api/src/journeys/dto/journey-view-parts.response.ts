import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_PURPOSES,
  APPOINTMENT_STATUSES,
  BENEFIT_KINDS,
  CONDITIONALITY_LADDERS,
  CONTRACT_TYPES,
  CONVOCATION_METHODS,
  JUSTIFICATION_REASONS,
  LAPSE_STATUSES,
  PACT_ACTION_KINDS,
  PROFILING_CLASSES,
  REFERRAL_OUTCOMES,
  REFERRAL_TARGETS,
  SANCTION_EFFECTS,
  SERVICE_CODES,
  SERVICE_STATUSES,
  STEP_STATUSES,
  type AppointmentChannel,
  type AppointmentPurpose,
  type AppointmentState,
  type AppointmentStatus,
  type BenefitClaim,
  type BenefitKind,
  type ConditionalityLadder,
  type ConditionalityStepState,
  type ContractType,
  type ConvocationMethod,
  type JobOfferState,
  type JustificationReason,
  type LapseJustifiedData,
  type LapseState,
  type LapseStatus,
  type PactActionKind,
  type PactActionPlan,
  type PactVersion,
  type PlacementRecordedData,
  type ProfilingClass,
  type ReferralOutcome,
  type ReferralState,
  type ReferralTarget,
  type SanctionEffect,
  type ServiceCode,
  type ServiceOutput,
  type ServiceProgress,
  type ServiceStatus,
  type StepStatus,
} from '@sal/domain';
import { PactAvailabilityDto } from './pact-availability.response';

const INSTANT = { format: 'date-time' } as const;
const NULLABLE_INSTANT = { nullable: true, type: String, format: 'date-time' } as const;

/** The NASpI / DIS-COLL claim of the person. */
export class BenefitViewDto implements BenefitClaim {
  @ApiProperty({ description: 'The benefit', enum: BENEFIT_KINDS, example: 'naspi' })
  kind!: BenefitKind;

  @ApiProperty({ description: 'Date of the application, YYYY-MM-DD', example: '2026-01-10', format: 'date' })
  applicationDate!: string;
}

/** An action as a pact version planned it. */
export class PactActionPlanViewDto implements PactActionPlan {
  @ApiProperty({ description: 'Action id: A1, A2, …', example: 'A1' })
  actionId!: string;

  @ApiProperty({ description: 'What the action asks of the person', enum: PACT_ACTION_KINDS, example: 'workshop' })
  kind!: PactActionKind;

  @ApiProperty({ description: 'What exactly is to be done', example: 'Attend the CV writing workshop at the office' })
  description!: string;

  @ApiProperty({ description: 'When it falls due (UTC instant)', example: '2026-03-31T21:59:59.999Z', ...INSTANT })
  dueAt!: string;
}

/** One version of the pact as signed (1) or amended (2, 3, …). */
export class PactVersionViewDto implements PactVersion {
  @ApiProperty({ description: 'Version', example: 2 })
  version!: number;

  @ApiProperty({ description: 'Operator responsible for the pact', example: 'op-milano-017' })
  responsibleOperatorId!: string;

  @ApiProperty({ description: 'Profiling class', enum: PROFILING_CLASSES, example: 'medium' })
  profilingClass!: ProfilingClass;

  @ApiProperty({ description: 'Contact frequency, ISO-8601 duration', example: 'P30D' })
  contactFrequency!: string;

  @ApiProperty({ description: 'How the person proves job search', example: null, nullable: true, type: String })
  jobSearchProof!: string | null;

  @ApiProperty({ description: 'Availability clauses', type: () => PactAvailabilityDto })
  availability!: PactAvailabilityDto;

  @ApiProperty({ description: 'When the pact was first signed (UTC instant; the same in every version)', example: '2026-01-27T10:00:00.000Z', ...INSTANT })
  signedAt!: string;

  @ApiProperty({ description: 'The actions of this version (withdrawn ones excluded; completed ones as planned)', type: () => [PactActionPlanViewDto] })
  actions!: PactActionPlanViewDto[];

  @ApiProperty({ description: 'Who amended it (null for the signed version 1)', example: 'op-milano-017', nullable: true, type: String })
  amendedBy!: string | null;

  @ApiProperty({ description: 'Why it was amended (null for version 1)', example: 'Training course starts in April', nullable: true, type: String })
  reason!: string | null;
}

/** Where one of the six services stands on the journey. */
export class ServiceProgressViewDto implements ServiceProgress {
  @ApiProperty({ description: 'The service', enum: SERVICE_CODES, example: 'second_level_interview' })
  service!: ServiceCode;

  @ApiProperty({ description: '`not_started`, `in_progress` (a session delivered) or `completed`', enum: SERVICE_STATUSES, example: 'in_progress' })
  status!: ServiceStatus;

  @ApiProperty({ description: 'Hours delivered so far', example: 1.5 })
  hours!: number;

  @ApiProperty({ description: 'Sessions delivered so far', example: 1 })
  sessions!: number;

  @ApiProperty({ description: 'When the first session took place', example: '2026-02-10T09:00:00.000Z', ...NULLABLE_INSTANT })
  startedAt!: string | null;

  @ApiProperty({ description: 'When the service was completed', example: null, ...NULLABLE_INSTANT })
  completedAt!: string | null;

  @ApiProperty({
    description: "What the service produced so far (later deliveries add to or replace earlier outputs); fields per service as in `POST /journeys/{journeyId}/services/{service}/deliveries`",
    type: 'object',
    additionalProperties: true,
    example: { developmentAreasSheet: 'Scheda SAP prot. 2026/1182' },
  })
  outputs!: ServiceOutput;
}

/** An appointment for a service. */
export class AppointmentViewDto implements AppointmentState {
  @ApiProperty({ description: 'Appointment id: AP1, AP2, …', example: 'AP1' })
  appointmentId!: string;

  @ApiProperty({ description: 'The service it is for', enum: SERVICE_CODES, example: 'second_level_interview' })
  service!: ServiceCode;

  @ApiProperty({ description: 'What it is for (decides the ladder a no-show counts on)', enum: APPOINTMENT_PURPOSES, example: 'interview' })
  purpose!: AppointmentPurpose;

  @ApiProperty({ description: 'When (UTC instant)', example: '2026-03-02T08:30:00.000Z', ...INSTANT })
  at!: string;

  @ApiProperty({ description: 'How it takes place', enum: APPOINTMENT_CHANNELS, example: 'in_person' })
  channel!: AppointmentChannel;

  @ApiProperty({ description: 'Where', example: 'CPI Torino, sportello 4', nullable: true, type: String })
  location!: string | null;

  @ApiProperty({ description: 'How the person was convened (`pec`, `registered_letter`, `agreed_signed` are valid for conditionality)', enum: CONVOCATION_METHODS, example: 'pec' })
  convocation!: ConvocationMethod;

  @ApiProperty({ description: 'Operator who scheduled it (or last moved it)', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: '`scheduled`, `held`, `no_show` or `cancelled`', enum: APPOINTMENT_STATUSES, example: 'scheduled' })
  status!: AppointmentStatus;

  @ApiProperty({ description: "When the person was reminded (the catalogue's `appointmentReminderBefore` ahead)", example: null, ...NULLABLE_INSTANT })
  reminderSentAt!: string | null;

  @ApiProperty({ description: 'How many times it was moved', example: 0 })
  rescheduledCount!: number;

  @ApiProperty({ description: 'When its outcome or cancellation was recorded', example: null, ...NULLABLE_INSTANT })
  closedAt!: string | null;

  @ApiProperty({ description: 'Why it was cancelled', example: null, nullable: true, type: String })
  cancellationReason!: string | null;
}

/** A job offer put to the person. */
export class JobOfferViewDto implements JobOfferState {
  @ApiProperty({ description: 'Offer id: O1, O2, …', example: 'O1' })
  offerId!: string;

  @ApiProperty({ description: 'Employer', example: 'Logistica Piemonte S.r.l.' })
  employer!: string;

  @ApiProperty({ description: 'Position', example: 'Magazziniere' })
  position!: string;

  @ApiProperty({ description: 'Whether it is an offerta congrua (refusing it counts on the suitable-offer ladder)', example: true })
  suitable!: boolean;

  @ApiProperty({ description: 'How it was communicated', enum: CONVOCATION_METHODS, example: 'pec' })
  communicatedBy!: ConvocationMethod;

  @ApiProperty({ description: 'Operator who recorded it', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'When it was recorded', example: '2026-03-10T10:00:00.000Z', ...INSTANT })
  recordedAt!: string;

  @ApiProperty({ description: "The person's answer, once given", enum: ['accepted', 'refused'], example: null, nullable: true })
  response!: 'accepted' | 'refused' | null;

  @ApiProperty({ description: 'When the answer was recorded', example: null, ...NULLABLE_INSTANT })
  respondedAt!: string | null;
}

/** The justification of a lapse. */
export class LapseJustificationViewDto implements Omit<LapseJustifiedData, 'lapseId'> {
  @ApiProperty({ description: 'The excuse', enum: JUSTIFICATION_REASONS, example: 'illness_or_injury' })
  reason!: JustificationReason;

  @ApiProperty({ description: 'Reference to the evidence kept elsewhere', example: 'PROT-2026-0042', nullable: true, type: String })
  evidenceRef!: string | null;

  @ApiProperty({ description: 'Operator who recorded it', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'When the impediment ended (late excuses only)', example: null, ...NULLABLE_INSTANT })
  impedimentEndedAt!: string | null;
}

/** A missed obligation (a no-show, a refused suitable offer) and its justification window. */
export class LapseViewDto implements LapseState {
  @ApiProperty({ description: 'Lapse id: L1, L2, …', example: 'L1' })
  lapseId!: string;

  @ApiProperty({ description: 'The ladder it counts on: `appointments` (interviews, workshops), `training` (training, activation), `suitable_offer`', enum: CONDITIONALITY_LADDERS, example: 'appointments' })
  ladder!: ConditionalityLadder;

  @ApiProperty({ description: 'Until when a justification is accepted (null: the catalogue sets no window; it never expires)', example: '2026-03-03T22:59:59.999Z', ...NULLABLE_INSTANT })
  justificationDueAt!: string | null;

  @ApiProperty({ description: 'Whether the convocation (or the offer) was sent in a way that allows a sanction', example: true })
  convocationValid!: boolean;

  @ApiProperty({ description: 'The missed appointment', example: 'AP1', nullable: true, type: String })
  appointmentId!: string | null;

  @ApiProperty({ description: 'The refused offer', example: null, nullable: true, type: String })
  offerId!: string | null;

  @ApiProperty({ description: 'When the lapse was recorded', example: '2026-03-02T10:00:00.000Z', ...INSTANT })
  occurredAt!: string;

  @ApiProperty({ description: '`awaiting_justification` (window open), `justified`, or `unjustified` (window closed without an excuse)', enum: LAPSE_STATUSES, example: 'awaiting_justification' })
  status!: LapseStatus;

  @ApiProperty({ description: 'The justification, once given', type: () => LapseJustificationViewDto, nullable: true })
  justification!: LapseJustificationViewDto | null;

  @ApiProperty({ description: 'When it was justified or its window closed', example: null, ...NULLABLE_INSTANT })
  closedAt!: string | null;
}

/** A conditionality step: proposed by the journey when a lapse's window closes, decided by the operator. */
export class ConditionalityStepViewDto implements ConditionalityStepState {
  @ApiProperty({ description: 'Step id: S1, S2, …', example: 'S1' })
  stepId!: string;

  @ApiProperty({ description: 'The lapse it follows', example: 'L1' })
  lapseId!: string;

  @ApiProperty({ description: 'The ladder', enum: CONDITIONALITY_LADDERS, example: 'appointments' })
  ladder!: ConditionalityLadder;

  @ApiProperty({ description: '1st, 2nd, 3rd… step on its ladder (as proposed; a confirmation fixes it)', example: 1 })
  ordinal!: number;

  @ApiProperty({
    description: 'The sanction: appointments 1st `quarter_month_cut`, 2nd `one_month_cut`, 3rd `decadenza`; training 1st `one_month_cut`, 2nd `decadenza`; suitable offer `decadenza`',
    enum: SANCTION_EFFECTS,
    example: 'quarter_month_cut',
  })
  effect!: SanctionEffect;

  @ApiProperty({ description: '`proposed` (waiting for the operator), `confirmed` or `dismissed`', enum: STEP_STATUSES, example: 'proposed' })
  status!: StepStatus;

  @ApiProperty({ description: 'When the journey proposed it', example: '2026-03-04T00:00:00.000Z', ...INSTANT })
  proposedAt!: string;

  @ApiProperty({ description: 'When it was decided', example: null, ...NULLABLE_INSTANT })
  decidedAt!: string | null;

  @ApiProperty({ description: 'Who decided', example: null, nullable: true, type: String })
  decidedBy!: string | null;

  @ApiPropertyOptional({
    description: 'The CPI whose staff decided (art. 21 c.7, art. 23 D.lgs. 150/2015): the journey\'s competent CPI; absent while proposed and on journeys of rules edition 1',
    example: 'CPI-TO-01',
    type: String,
  })
  decidedByOffice?: string;

  @ApiProperty({ description: 'The confirmation note or the dismissal reason', example: null, nullable: true, type: String })
  decisionNote!: string | null;

  @ApiProperty({ description: "The last instant to appeal a confirmed sanction (the catalogue's `appealWindow`; null when off or not confirmed)", example: null, ...NULLABLE_INSTANT })
  appealDueAt!: string | null;
}

/** A referral to another service. */
export class ReferralViewDto implements ReferralState {
  @ApiProperty({ description: 'Referral id: R1, R2, …', example: 'R1' })
  referralId!: string;

  @ApiProperty({ description: 'Where to', enum: REFERRAL_TARGETS, example: 'training_body' })
  to!: ReferralTarget;

  @ApiProperty({ description: 'The organisation', example: 'Ente di formazione CIOFS Piemonte' })
  organisation!: string;

  @ApiProperty({ description: 'Why', example: 'Forklift licence course' })
  reason!: string;

  @ApiProperty({ description: 'Operator who referred', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'When', example: '2026-03-01T10:00:00.000Z', ...INSTANT })
  madeAt!: string;

  @ApiProperty({ description: 'What came of it, once recorded', enum: REFERRAL_OUTCOMES, example: null, nullable: true })
  outcome!: ReferralOutcome | null;

  @ApiProperty({ description: 'When the outcome was recorded', example: null, ...NULLABLE_INSTANT })
  outcomeAt!: string | null;

  @ApiProperty({ description: 'Note on the outcome', example: null, nullable: true, type: String })
  outcomeNote!: string | null;
}

/** The placement that closed the journey. */
export class PlacementViewDto implements PlacementRecordedData {
  @ApiProperty({ description: 'Employer', example: 'Logistica Piemonte S.r.l.' })
  employer!: string;

  @ApiProperty({ description: 'Contract type', enum: CONTRACT_TYPES, example: 'permanent' })
  contractType!: ContractType;

  @ApiProperty({ description: 'First day of work, YYYY-MM-DD', example: '2026-04-01', format: 'date' })
  startDate!: string;

  @ApiProperty({ description: 'Hours per week', example: 40, nullable: true, type: Number })
  hoursPerWeek!: number | null;

  @ApiProperty({ description: 'Operator who recorded it', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'The offer it comes from', example: 'O1', nullable: true, type: String })
  offerId!: string | null;

  @ApiProperty({ description: 'When it was recorded', example: '2026-03-20T10:00:00.000Z', ...INSTANT })
  recordedAt!: string;
}
