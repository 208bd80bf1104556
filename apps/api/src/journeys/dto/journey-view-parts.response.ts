import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPEAL_BODIES,
  APPEAL_OUTCOMES,
  APPOINTMENT_CHANNELS,
  APPOINTMENT_PURPOSES,
  APPOINTMENT_STATUSES,
  BENEFIT_END_REASONS,
  BENEFIT_KINDS,
  BENEFIT_STATUSES,
  BENEFIT_SUSPENSION_REASONS,
  CONDITIONALITY_LADDERS,
  CONTRACT_TYPES,
  CONVOCATION_METHODS,
  EXPERIENCE_MATCHES,
  HEARING_OUTCOMES,
  JUSTIFICATION_REASONS,
  SUITABILITY_CRITERIA,
  LAPSE_STATUSES,
  VALID_NOTIFICATION_METHODS,
  PACT_ACCEPTANCE_METHODS,
  PACT_ACTION_KINDS,
  PROFILING_CLASSES,
  REFERRAL_OUTCOMES,
  REFERRAL_TARGETS,
  SANCTION_EFFECTS,
  SERVICE_CODES,
  SERVICE_STATUSES,
  STEP_STATUSES,
  type AppealBody,
  type AppealOutcome,
  type AppointmentChannel,
  type AppointmentPurpose,
  type AppointmentState,
  type AppointmentStatus,
  type BenefitEndReason,
  type BenefitKind,
  type BenefitState,
  type BenefitStatus,
  type BenefitStatusChange,
  type BenefitSuspensionReason,
  type ConditionalityLadder,
  type ConditionalityStepState,
  type ContractType,
  type ConvocationMethod,
  type ExperienceMatch,
  type FailedCriterion,
  type HearingOutcome,
  type OfferHearingRecordedData,
  type OfferSuitabilityFacts,
  type OfferSuitabilityThresholds,
  type SuitabilityCriterion,
  type SuitabilityOverride,
  type SuitabilityVerdict,
  type JobOfferState,
  type JustificationReason,
  type LapseJustifiedData,
  type LapseState,
  type LapseStatus,
  type NotificationMethod,
  type PactAcceptance,
  type PactAcceptanceMethod,
  type PactActionKind,
  type PactReferral,
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

/** One status a benefit had, from its day. */
export class BenefitStatusChangeViewDto implements BenefitStatusChange {
  @ApiProperty({ description: 'The status from that day', enum: BENEFIT_STATUSES, example: 'suspended' })
  status!: BenefitStatus;

  @ApiProperty({ description: 'The day it took effect, YYYY-MM-DD', example: '2026-04-01', format: 'date' })
  on!: string;

  @ApiProperty({
    description: "The instant it counts from (UTC): the start of that day in Rome; a claim given at the start counts from the DID's day at the latest",
    example: '2026-03-31T22:00:00.000Z',
    ...INSTANT,
  })
  from!: string;

  @ApiProperty({ description: 'Why it was suspended or ended; null for the other statuses', enum: [...BENEFIT_SUSPENSION_REASONS, ...BENEFIT_END_REASONS], example: 'short_employment', nullable: true, type: String })
  reason!: BenefitSuspensionReason | BenefitEndReason | null;

  @ApiProperty({ description: 'Note', example: null, nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ description: 'Who recorded it (null: given at the start)', example: 'op-milano-017', nullable: true, type: String })
  operatorId!: string | null;

  @ApiProperty({ description: 'When the journey recorded it (UTC)', example: '2026-04-02T09:00:00.000Z', ...INSTANT })
  recordedAt!: string;
}

/**
 * The NASpI / DIS-COLL claim of the person and what became of it. It runs — and conditionality applies — while
 * `claimed` or `granted`; `refused`, `suspended` and `ended` stop it from their day.
 */
export class BenefitViewDto implements BenefitState {
  @ApiProperty({ description: 'The benefit', enum: BENEFIT_KINDS, example: 'naspi' })
  kind!: BenefitKind;

  @ApiProperty({ description: 'Date of the application, YYYY-MM-DD', example: '2026-01-10', format: 'date' })
  applicationDate!: string;

  @ApiPropertyOptional({ description: 'ADI, SFL: the day of the digital activation pact, which starts the presentation clocks (absent: the application\'s)', example: '2026-01-12', format: 'date' })
  activationPactDate?: string;

  @ApiProperty({ description: '`start`: claimed with the start (the DID); `claim`: recorded later (`POST /journeys/{journeyId}/benefit`)', enum: ['start', 'claim'], example: 'start' })
  source!: 'start' | 'claim';

  @ApiProperty({ description: 'Its status now', enum: BENEFIT_STATUSES, example: 'granted' })
  status!: BenefitStatus;

  @ApiProperty({ description: "Day of INPS's grant, if recorded", example: '2026-01-25', nullable: true, type: String, format: 'date' })
  grantedOn!: string | null;

  @ApiProperty({ description: "Day of INPS's refusal", example: null, nullable: true, type: String, format: 'date' })
  refusedOn!: string | null;

  @ApiProperty({ description: 'First day of the current suspension (null when not suspended)', example: null, nullable: true, type: String, format: 'date' })
  suspendedOn!: string | null;

  @ApiProperty({ description: 'Day it ended', example: null, nullable: true, type: String, format: 'date' })
  endedOn!: string | null;

  @ApiProperty({ description: 'Why it ended', enum: BENEFIT_END_REASONS, example: null, nullable: true, type: String })
  endReason!: BenefitEndReason | null;

  @ApiProperty({ description: 'Every status it had, oldest first (the first is `claimed`)', type: () => [BenefitStatusChangeViewDto] })
  history!: BenefitStatusChangeViewDto[];
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

/** The signed copy a `signed_copy` acceptance rests on. */
export class SignedCopyViewDto {
  @ApiProperty({ description: 'The stored document id', example: '0b3f8c1e-6a0d-4c1e-9f55-3d2a1b0c9e8f', format: 'uuid' })
  documentId!: string;

  @ApiProperty({ description: "SHA-256 of the copy's bytes (lower-case hex): the `ETag` of its download", example: 'a3f1c2…', pattern: '^[0-9a-f]{64}$' })
  sha256!: string;
}

/** The person's acceptance of a version of the pact (rules edition 2). */
export class PactAcceptanceViewDto implements PactAcceptance {
  @ApiProperty({ description: 'When the person accepted (UTC instant): the version is in force from it', example: '2026-01-27T10:15:00.000Z', ...INSTANT })
  acceptedAt!: string;

  @ApiProperty({
    description: 'How: `signed_in_person`, `graphometric` (signature on a tablet), `otp` (one-time password), `signed_copy` (the signed copy uploaded: `POST …/pact/versions/{version}/signed`)',
    enum: PACT_ACCEPTANCE_METHODS,
    example: 'graphometric',
  })
  method!: PactAcceptanceMethod;

  @ApiPropertyOptional({ description: 'With `signed_copy`: the stored copy (`GET …/pact/versions/{version}/signed`), by id and SHA-256 — the journey keeps no more of it', type: () => SignedCopyViewDto })
  signedCopy?: SignedCopyViewDto;
}


/** A referral a version of the pact contains. */
export class PactReferralViewDto implements PactReferral {
  @ApiProperty({ description: 'Referral id (`referrals[n].referralId`)', example: 'R1' })
  referralId!: string;

  @ApiProperty({ description: 'Where to', enum: REFERRAL_TARGETS, example: 'training_body' })
  to!: ReferralTarget;

  @ApiProperty({ description: 'The organisation', example: 'Ente di formazione CIOFS Piemonte' })
  organisation!: string;

  @ApiProperty({ description: 'Why', example: 'Forklift licence course' })
  reason!: string;
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

  @ApiPropertyOptional({
    description: "The person's acceptance (rules edition 2); null while the version waits for it, and in journeys of edition 1 (their versions are in force when signed)",
    type: () => PactAcceptanceViewDto,
    nullable: true,
  })
  acceptance?: PactAcceptanceViewDto | null;

  @ApiPropertyOptional({ description: 'When it came into force (edition 1: signed or amended; edition 2: accepted); null while it waits for acceptance', example: '2026-01-27T10:15:00.000Z', ...NULLABLE_INSTANT })
  inForceSince?: string | null;

  @ApiPropertyOptional({ description: 'Whether it is the version in force now (the one `pact` shows): false while it waits for acceptance and once a later version is in force', example: true })
  inForce?: boolean;

  @ApiPropertyOptional({ description: 'When it was signed (version 1) or amended: the acceptance window counts from it', example: '2026-01-27T10:00:00.000Z', ...INSTANT })
  proposedAt?: string;

  @ApiPropertyOptional({ description: "When the supervisors were told it waited past the catalogue's `pactAcceptanceWindow`", example: null, ...NULLABLE_INSTANT })
  acceptanceEscalatedAt?: string | null;

  @ApiPropertyOptional({
    description: 'The referrals the version contains (rules edition 2): those it agrees, those of the versions before it, and those made outside the pact since the previous one',
    type: () => [PactReferralViewDto],
  })
  referrals?: PactReferralViewDto[];
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

/** What an offer was recorded with to decide whether it is congrua (art. 25 D.lgs. 150/2015; D.M. 10 aprile 2018 artt. 3–7). */
export class OfferSuitabilityFactsViewDto implements OfferSuitabilityFacts {
  @ApiProperty({ description: 'Distance from home to the workplace, km (art. 6)', example: 18 })
  distanceKm!: number;

  @ApiProperty({ description: 'Travel time by public transport, minutes (art. 6)', example: 40 })
  travelMinutes!: number;

  @ApiProperty({ description: 'Contract type (art. 5 c.1 lett. a)', enum: CONTRACT_TYPES, example: 'fixed_term' })
  contractType!: ContractType;

  @ApiProperty({ description: 'Length of a fixed-term or agency contract, months', example: 6, nullable: true, type: Number })
  contractMonths!: number | null;

  @ApiProperty({ description: 'Weekly hours offered', example: 36 })
  weeklyHours!: number;

  @ApiProperty({ description: "Weekly hours of the person's last contract (art. 5 c.1 lett. b)", example: 40, nullable: true, type: Number })
  previousWeeklyHours!: number | null;

  @ApiProperty({ description: 'Monthly gross pay offered, euros', example: 1550 })
  monthlyGrossPay!: number;

  @ApiProperty({ description: "Whether the pay is not below the collective agreement's minimum (art. 5 c.1 lett. c)", example: true })
  payMeetsCollectiveAgreement!: boolean;

  @ApiProperty({ description: 'The benefit received in the last month, euros (art. 7)', example: 1100, nullable: true, type: Number })
  benefitMonthlyAmount!: number | null;

  @ApiProperty({ description: 'Months of unemployment from the DID to the proposal (art. 3): as given, or counted from the DID', example: 4 })
  monthsUnemployed!: number;

  @ApiProperty({ description: "How the work matches the person's experience (art. 4)", enum: EXPERIENCE_MATCHES, example: 'pact_activity_area' })
  experienceMatch!: ExperienceMatch;
}

/** A criterion of a congrua offer the facts do not meet. */
export class FailedCriterionViewDto implements FailedCriterion {
  @ApiProperty({ description: 'The criterion', enum: SUITABILITY_CRITERIA, example: 'distance' })
  criterion!: SuitabilityCriterion;

  @ApiProperty({ description: 'Its legal source', example: 'D.M. 10 aprile 2018 art. 6' })
  source!: string;

  @ApiProperty({ description: 'Why it fails', example: '70 km and 95 minutes by public transport: at most 50 km or 80 minutes after 4 months of unemployment' })
  message!: string;
}

/** What the facts say of an offer. */
export class SuitabilityVerdictViewDto implements SuitabilityVerdict {
  @ApiProperty({ description: 'Whether the offer is congrua by its facts (no criterion fails)', example: false })
  congrua!: boolean;

  @ApiProperty({ description: 'Each criterion that fails, with its source', type: () => [FailedCriterionViewDto] })
  failed!: FailedCriterionViewDto[];
}

/** The operator's verdict over the facts'. */
export class SuitabilityOverrideViewDto implements SuitabilityOverride {
  @ApiProperty({ description: "The operator's verdict", example: true })
  congrua!: boolean;

  @ApiProperty({ description: 'Why', example: 'The pay includes a monthly meal allowance of 150 euros' })
  reason!: string;
}

/** The person's hearing on a refused offer (D.M. 10 aprile 2018 art. 8 c.4). */
export class OfferHearingViewDto implements Omit<OfferHearingRecordedData, 'offerId'> {
  @ApiProperty({ description: "The offer's lapse", example: 'L1' })
  lapseId!: string;

  @ApiProperty({ description: 'When the person was heard or declined', example: '2026-04-29T09:00:00.000Z', ...INSTANT })
  heldAt!: string;

  @ApiProperty({ description: '`heard`, or `declined` (also: not asked for within two days)', enum: HEARING_OUTCOMES, example: 'heard' })
  outcome!: HearingOutcome;

  @ApiProperty({ description: 'A short summary', example: 'Says the night shift clashes with caring for a parent' })
  summary!: string;

  @ApiProperty({ description: 'Operator who recorded it', example: 'op-milano-017' })
  operatorId!: string;
}

/** A job offer put to the person. */
export class JobOfferViewDto implements JobOfferState {
  @ApiProperty({ description: 'Offer id: O1, O2, …', example: 'O1' })
  offerId!: string;

  @ApiProperty({ description: 'Employer', example: 'Logistica Piemonte S.r.l.' })
  employer!: string;

  @ApiProperty({ description: 'Position', example: 'Magazziniere' })
  position!: string;

  @ApiProperty({
    description: "Whether it is an offerta congrua, so that refusing it counts on the suitable-offer ladder: the override's verdict when there is one, else the facts' (journeys started before issue 13: as stated)",
    example: true,
  })
  suitable!: boolean;

  @ApiProperty({ description: 'How it was communicated', enum: CONVOCATION_METHODS, example: 'pec' })
  communicatedBy!: ConvocationMethod;

  @ApiProperty({ description: 'Operator who recorded it', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'When it was recorded', example: '2026-03-10T10:00:00.000Z', ...INSTANT })
  recordedAt!: string;

  @ApiProperty({ description: 'When it was proposed to the person: the excuse for refusing it is due within 2 working days of it (D.M. 10 aprile 2018 art. 8 c.3)', example: '2026-03-10T09:00:00.000Z', ...INSTANT })
  proposedAt!: string;

  @ApiProperty({ description: 'The facts it was recorded with (null: none, an override without facts or a journey started before issue 13)', type: () => OfferSuitabilityFactsViewDto, nullable: true })
  facts!: OfferSuitabilityFactsViewDto | null;

  @ApiProperty({ description: 'What the facts say, with each failed criterion (null without facts)', type: () => SuitabilityVerdictViewDto, nullable: true })
  verdict!: SuitabilityVerdictViewDto | null;

  @ApiProperty({ description: "The operator's override, with its reason (null: none)", type: () => SuitabilityOverrideViewDto, nullable: true })
  override!: SuitabilityOverrideViewDto | null;

  @ApiProperty({ description: "The person's answer, once given", enum: ['accepted', 'refused'], example: null, nullable: true })
  response!: 'accepted' | 'refused' | null;

  @ApiProperty({ description: 'When the answer was recorded', example: null, ...NULLABLE_INSTANT })
  respondedAt!: string | null;

  @ApiProperty({ description: 'The hearing on a refusal, once recorded (D.M. 10 aprile 2018 art. 8 c.4)', type: () => OfferHearingViewDto, nullable: true })
  hearing!: OfferHearingViewDto | null;
}

/** The thresholds of a congrua offer (a catalogue's `offerSuitability`; the D.M. 10 aprile 2018's by default). */
export class OfferSuitabilityThresholdsDto implements OfferSuitabilityThresholds {
  @ApiProperty({ description: 'Art. 5 c.1 lett. a: the shortest fixed-term or agency contract, months', example: 3 })
  minContractMonths!: number;

  @ApiProperty({ description: 'Art. 5 c.1 lett. b: the least share of the last contract’s weekly hours, %', example: 80 })
  minHoursPercentOfPrevious!: number;

  @ApiProperty({ description: 'Art. 7: how much the pay must exceed the benefit of the last month, %', example: 20 })
  minPayPercentAboveBenefit!: number;

  @ApiProperty({ description: 'Art. 6: the farthest workplace, km…', example: 50 })
  maxDistanceKm!: number;

  @ApiProperty({ description: '…or the longest travel by public transport, minutes', example: 80 })
  maxTravelMinutes!: number;

  @ApiProperty({ description: 'Art. 6: after more than these months of unemployment…', example: 12 })
  longUnemploymentAfterMonths!: number;

  @ApiProperty({ description: '…the farthest workplace, km…', example: 80 })
  maxDistanceKmLongUnemployed!: number;

  @ApiProperty({ description: '…or the longest travel, minutes', example: 100 })
  maxTravelMinutesLongUnemployed!: number;

  @ApiProperty({ description: 'Art. 4: after more than these months, an offer in the same sector is coherent', example: 6 })
  sameSectorAfterMonths!: number;

  @ApiProperty({ description: 'Art. 4: after more than these months, an offer in another sector is coherent', example: 12 })
  otherSectorAfterMonths!: number;
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

  @ApiPropertyOptional({
    description: 'Rules edition 2: the missed agreed contact (art. 20 c.2 lett. d D.lgs. 150/2015) that opened it, by the instant it was due (a benefit recipient\'s missed contact counts on the appointments ladder, art. 21 c.7 lett. a)',
    example: null,
    ...NULLABLE_INSTANT,
  })
  contactDueAt?: string | null;

  @ApiProperty({ description: 'When the lapse was recorded', example: '2026-03-02T10:00:00.000Z', ...INSTANT })
  occurredAt!: string;

  @ApiProperty({ description: '`awaiting_justification` (window open), `justified`, or `unjustified` (window closed without an excuse)', enum: LAPSE_STATUSES, example: 'awaiting_justification' })
  status!: LapseStatus;

  @ApiProperty({ description: 'The justification, once given', type: () => LapseJustificationViewDto, nullable: true })
  justification!: LapseJustificationViewDto | null;

  @ApiProperty({ description: 'When it was justified or its window closed', example: null, ...NULLABLE_INSTANT })
  closedAt!: string | null;
}

/** How and when a confirmed decision reached the person (art. 21 c.12 D.lgs. 150/2015). */
export class StepNotificationViewDto {
  @ApiProperty({ description: 'A PEC delivery receipt, a registered letter receipt or a signed hand delivery', enum: VALID_NOTIFICATION_METHODS, example: 'pec_delivery_receipt' })
  method!: NotificationMethod;

  @ApiProperty({ description: "The receipt's or signed copy's reference", example: 'PEC-2026-0042' })
  reference!: string;

  @ApiProperty({ description: 'When the decision reached the person: the appeal window runs from it', example: '2026-03-18T10:00:00.000Z', ...INSTANT })
  notifiedAt!: string;

  @ApiProperty({ description: 'Who recorded it', example: 'op-milano-017' })
  recordedBy!: string;
}

/** The appeal body's decision. */
export class AppealOutcomeViewDto {
  @ApiProperty({ description: '`upheld`, `annulled` or `partly_annulled`', enum: APPEAL_OUTCOMES, example: 'annulled' })
  outcome!: AppealOutcome;

  @ApiProperty({ description: 'The day it was decided', example: '2026-05-05', format: 'date' })
  decidedOn!: string;

  @ApiProperty({ description: 'For `partly_annulled`: the lesser sanction that stands', enum: SANCTION_EFFECTS, example: null, nullable: true })
  reducedEffect!: SanctionEffect | null;

  @ApiProperty({ description: 'Note', example: null, nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ description: 'Who recorded it', example: 'op-milano-017' })
  operatorId!: string;
}

/** An appeal against a confirmed sanction. */
export class AppealViewDto {
  @ApiProperty({ description: 'The day it was lodged', example: '2026-04-02', format: 'date' })
  lodgedOn!: string;

  @ApiProperty({ description: 'Where it was lodged', enum: APPEAL_BODIES, example: 'ministry_of_labour' })
  body!: AppealBody;

  @ApiProperty({ description: "The appeal's protocol number", example: 'RIC-2026-117', nullable: true, type: String })
  reference!: string | null;

  @ApiProperty({ description: 'Who recorded it', example: 'op-milano-017' })
  recordedBy!: string;

  @ApiProperty({ description: 'The outcome, once decided', type: () => AppealOutcomeViewDto, nullable: true })
  outcome!: AppealOutcomeViewDto | null;
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
    description:
      'The sanction: appointments 1st `quarter_month_cut`, 2nd `one_month_cut`, 3rd `decadenza`; training 1st `one_month_cut`, 2nd `decadenza`; suitable offer `decadenza`. ' +
      'After a partial annulment on appeal, the lesser sanction that stands (`originalEffect` keeps the one decided).',
    enum: SANCTION_EFFECTS,
    example: 'quarter_month_cut',
  })
  effect!: SanctionEffect;

  @ApiProperty({ description: '`proposed` (waiting for the operator), `confirmed`, `dismissed`, or `annulled` on appeal (it no longer counts on its ladder)', enum: STEP_STATUSES, example: 'proposed' })
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

  @ApiProperty({
    description:
      "The last instant to appeal a confirmed sanction: the catalogue's `appealWindow` (30 days, art. 21 c.12 D.lgs. 150/2015) from the notification " +
      '(journeys of rules edition 1: from the confirmation); null until the decision is notified, when off, or not confirmed',
    example: null,
    ...NULLABLE_INSTANT,
  })
  appealDueAt!: string | null;

  @ApiProperty({ description: 'How and when the decision reached the person (`POST …/conditionality-steps/{stepId}/notification`)', type: () => StepNotificationViewDto, nullable: true })
  notification!: StepNotificationViewDto | null;

  @ApiProperty({ description: 'The appeal lodged, with its outcome once decided', type: () => AppealViewDto, nullable: true })
  appeal!: AppealViewDto | null;

  @ApiProperty({ description: 'When the appeal window ran out with no appeal lodged (the decision is final)', example: null, ...NULLABLE_INSTANT })
  appealWindowClosedAt!: string | null;

  @ApiProperty({ description: 'The sanction the confirmation decided, when an appeal annulled or reduced it', enum: SANCTION_EFFECTS, example: null, nullable: true })
  originalEffect!: SanctionEffect | null;
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

  @ApiPropertyOptional({
    description:
      'Rules edition 2: the version of the pact that contains it — the one that agreed it or, for a referral made outside the pact, the next version to come into force (null until then)',
    example: 1,
    nullable: true,
    type: Number,
  })
  pactVersion?: number | null;
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
