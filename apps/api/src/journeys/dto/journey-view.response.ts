import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitoringInputDto } from './create-journey.dto';
import {
  ABSENCE_REASONS,
  CONTRACT_TYPES,
  type AbsenceReason,
  type ContractType,
  type CurrentPause,
  type SuspendingJob,
  CLOSURE_REASONS,
  DEADLINE_KINDS,
  GOL_PATHS,
  ASSESSMENT_FINDING_LEVELS,
  type AssessmentFinding,
  type AssessmentFindingLevel,
  type CollectiveReallocationParty,
  type QualitativeAssessment,
  type SocialServicesParty,
  JOURNEY_STAGES,
  JOURNEY_STATUSES,
  PAUSE_KINDS,
  type ChosenGolPath,
  type GolAssessmentState,
  type GolPath,
  type PauseKind,
  type PauseState,
  type QuantitativeProfiling,
  LEGAL_CLOCK_NAMES,
  OFFICE_KINDS,
  RULES_EDITIONS,
  type OfficeCalendar,
  type OfficeKind,
  type OfficeProfile,
  type RulesEdition,
  SERVICE_CODES,
  PACT_ACTION_KINDS,
  PACT_ACTION_STATUSES,
  PROFILING_CLASSES,
  STALL_REASONS,
  type Beneficiary,
  type ClosureReason,
  type ContactState,
  type Deadline,
  type DeadlineKind,
  type IntakeRecordedData,
  type JourneyClosedData,
  type JourneyStage,
  type JourneyStatus,
  type JourneyView,
  type NextEpisodeStart,
  type LegalClockName,
  type RollForwardClocks,
  type ServiceCode,
  type PactActionKind,
  type PactActionState,
  type PactActionStatus,
  type PactState,
  type ProfilingClass,
  type Stall,
  type StallReason,
  type CatalogueScope,
} from '@sal/domain';
import type { SideEffectFailure, SideEffectsStatus, SideEffectStreamStatus } from '@sal/contracts';
import { JourneyClocksDto } from '../../programmes/dto/journey-clocks.dto';
import { ServiceStepDto } from '../../programmes/dto/service-step.dto';
import {
  AppointmentViewDto,
  BenefitViewDto,
  ConditionalityStepViewDto,
  JobOfferViewDto,
  LapseViewDto,
  OfferSuitabilityThresholdsDto,
  PactVersionViewDto,
  PlacementViewDto,
  ReferralViewDto,
  ServiceProgressViewDto,
} from './journey-view-parts.response';
import { PactAvailabilityDto } from './pact-availability.response';
import { PresentationViewDto } from './presentation-view.response';

/** Where a journey's state came from. */
export const VIEW_SOURCES = ['workflow', 'read-model'] as const;
export type ViewSource = (typeof VIEW_SOURCES)[number];

export class BeneficiaryViewDto implements Beneficiary {
  @ApiProperty({ description: 'Fiscal code (upper case)', example: 'RSSMRA85T10A562S' })
  fiscalCode!: string;

  @ApiProperty({ description: 'Given name(s)', example: 'Mario' })
  givenName!: string;

  @ApiProperty({ description: 'Family name(s)', example: 'Rossi' })
  familyName!: string;

  @ApiPropertyOptional({ description: 'E-mail address, when given', example: 'mario.rossi@example.it' })
  email?: string;

  @ApiPropertyOptional({ description: 'Phone number, when given', example: '+39 333 1234567' })
  phone?: string;
}

export class IntakeViewDto implements IntakeRecordedData {
  @ApiProperty({ description: 'Operator who took the person in charge', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'When the person was taken in charge (UTC instant)', example: '2026-01-20T09:30:00.000Z', format: 'date-time' })
  takenInChargeAt!: string;

  @ApiProperty({ description: 'Notes of the reception interview', example: 'Interested in logistics', nullable: true, type: String })
  notes!: string | null;
}

export class PactViewDto implements PactState {
  @ApiProperty({ description: 'Version of the pact (1 for the first signing)', example: 1 })
  version!: number;

  @ApiProperty({ description: 'Operator responsible for the pact', example: 'op-milano-017' })
  responsibleOperatorId!: string;

  @ApiProperty({ description: 'Profiling class', enum: PROFILING_CLASSES, example: 'medium' })
  profilingClass!: ProfilingClass;

  @ApiProperty({ description: 'Contact frequency, ISO-8601 duration', example: 'P30D' })
  contactFrequency!: string;

  @ApiProperty({ description: 'How the person proves job search', example: 'Monthly report of applications sent', nullable: true, type: String })
  jobSearchProof!: string | null;

  @ApiProperty({ description: 'Availability clauses', type: () => PactAvailabilityDto })
  availability!: PactAvailabilityDto;

  @ApiProperty({ description: 'When the pact was signed (UTC instant)', example: '2026-01-27T10:00:00.000Z', format: 'date-time' })
  signedAt!: string;
}

export class PactActionViewDto implements PactActionState {
  @ApiProperty({ description: 'Action id within the pact: A1, A2, …', example: 'A1' })
  actionId!: string;

  @ApiProperty({ description: 'What the action asks of the person', enum: PACT_ACTION_KINDS, example: 'workshop' })
  kind!: PactActionKind;

  @ApiProperty({ description: 'What exactly is to be done', example: 'Attend the CV writing workshop at the office' })
  description!: string;

  @ApiProperty({ description: 'When it falls due (UTC instant; a date-only due date falls due at the end of that day in Rome)', example: '2026-03-31T21:59:59.999Z', format: 'date-time' })
  dueAt!: string;

  @ApiProperty({
    description: '`pending` until due, `overdue` once due and not done, `completed` once done, `withdrawn` when a pact amendment removed it',
    enum: PACT_ACTION_STATUSES,
    example: 'pending',
  })
  status!: PactActionStatus;

  @ApiProperty({ description: 'When the journey marked it overdue', example: null, nullable: true, type: String, format: 'date-time' })
  overdueSince!: string | null;

  @ApiProperty({ description: 'When the person completed it', example: null, nullable: true, type: String, format: 'date-time' })
  completedAt!: string | null;

  @ApiProperty({ description: 'Operator who recorded the completion', example: null, nullable: true, type: String })
  completedBy!: string | null;

  @ApiProperty({ description: 'Completion note', example: null, nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ description: "When the person was reminded (the catalogue's `reminderBeforeDue` before the due instant)", example: null, nullable: true, type: String, format: 'date-time' })
  reminderSentAt!: string | null;

  @ApiProperty({ description: "When the overdue action was escalated to the office's supervisors (the catalogue's `escalationAfter` after the due instant)", example: null, nullable: true, type: String, format: 'date-time' })
  escalatedAt!: string | null;
}

export class ClosureViewDto implements JourneyClosedData {
  @ApiProperty({ description: 'Why the journey ended', enum: CLOSURE_REASONS, example: 'placed' })
  reason!: ClosureReason;

  @ApiProperty({ description: 'Operator who closed it', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'Details', example: 'Hired by ACME S.p.A.', nullable: true, type: String })
  details!: string | null;

  @ApiProperty({ description: 'When it was closed (UTC instant)', example: '2026-06-01T08:00:00.000Z', format: 'date-time' })
  closedAt!: string;

  @ApiPropertyOptional({ description: 'The next episode, when the journey was transferred to another path (`POST /journeys/{journeyId}/transfer`)', example: 'jrn_9a8b7c6d5e4f30211f2e3d4c5b6a7980' })
  nextJourneyId?: string;
}

/** The transfer that closed the journey (`POST /journeys/{journeyId}/transfer`). */
export class TransferViewDto implements NonNullable<JourneyView['transfer']> {
  @ApiProperty({ description: 'The programme (path) the person moved to', example: 'GOL-2' })
  toProgrammeCode!: string;

  @ApiProperty({ description: 'Why', example: 'The assessment shows the person needs upskilling' })
  reason!: string;

  @ApiProperty({ description: 'Operator who transferred the person', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'The next episode, started by the journey as it closes', example: 'jrn_9a8b7c6d5e4f30211f2e3d4c5b6a7980' })
  nextJourneyId!: string;

  @ApiProperty({
    description: "What the next episode starts under, as the API attached it: its id, the person's reference and the target catalogue (version, clocks, services)",
    type: 'object',
    additionalProperties: true,
  })
  nextEpisode!: NextEpisodeStart;

  @ApiProperty({ description: 'When (UTC instant)', example: '2026-06-01T08:00:00.000Z', format: 'date-time' })
  transferredAt!: string;
}

export class DeadlineViewDto implements Deadline {
  @ApiProperty({ description: 'When it falls due (UTC instant)', example: '2026-03-31T21:59:59.999Z', format: 'date-time' })
  at!: string;

  @ApiProperty({
    description:
      'What falls due: `action_reminder` (remind the person of an action), `action_due` (an action becomes overdue), `action_escalation` ' +
      '(an overdue action goes to the supervisors), `contact_due` (the agreed contact is missed), `contact_escalation`, `pact_deadline` ' +
      '(the pact is not signed in time), `pact_escalation`, `no_progress` (the journey stalls for lack of progress), `first_contact` ' +
      '(the person has not contacted the office in time after the DID or the benefit claim), `appointment_reminder` (remind the person of an ' +
      'appointment), `justification_due` (the justification window of a lapse closes), `appeal_window` (the appeal window of a confirmed step closes; ' +
      'a journey closed by decadenza keeps it while an appeal is possible)',
    enum: DEADLINE_KINDS,
    example: 'action_due',
  })
  kind!: DeadlineKind;

  @ApiPropertyOptional({ description: 'The pact action concerned (kinds `action_*` only)', example: 'A1' })
  actionId?: string;

  @ApiPropertyOptional({ description: 'The appointment concerned (`appointment_reminder` only)', example: 'AP1' })
  appointmentId?: string;

  @ApiPropertyOptional({ description: 'The lapse concerned (`justification_due` only)', example: 'L1' })
  lapseId?: string;

  @ApiPropertyOptional({ description: 'The conditionality step concerned (`appeal_window` only)', example: 'S1' })
  stepId?: string;
}

/** The agreed contacts between the person and the operator (the pact's contact frequency). */
export class ContactViewDto implements ContactState {
  @ApiProperty({ description: 'When the last contact happened', example: '2026-02-10T14:00:00.000Z', nullable: true, type: String, format: 'date-time' })
  lastContactAt!: string | null;

  @ApiProperty({ description: 'When the contact that was missed had been due (set while a contact is missed; a new contact clears it)', example: null, nullable: true, type: String, format: 'date-time' })
  missedDueAt!: string | null;

  @ApiProperty({ description: 'When the journey noticed the missed contact', example: null, nullable: true, type: String, format: 'date-time' })
  missedSince!: string | null;

  @ApiProperty({ description: "When the missed contact was escalated to the office's supervisors", example: null, nullable: true, type: String, format: 'date-time' })
  escalatedAt!: string | null;
}

/** Why and since when a journey is stalled: a business condition for supervisors, cleared by progress. */
export class StallViewDto implements Stall {
  @ApiProperty({ description: 'Since when (the earliest of its reasons)', example: '2026-03-01T09:00:00.000Z', format: 'date-time' })
  since!: string;

  @ApiProperty({
    description:
      '`overdue_action` (a pact action is overdue), `missed_contact` (the agreed contact did not happen), `pact_not_signed` (not signed by the ' +
      "catalogue's pact deadline), `no_progress` (nothing moved the journey on for the catalogue's stall period), `first_contact_missed` " +
      '(the person did not contact the office within the legal period after the DID or the benefit claim)',
    enum: STALL_REASONS,
    isArray: true,
    example: ['overdue_action'],
  })
  reasons!: StallReason[];
}

/** Why a side effect keeps failing (no personal data). */
export class SideEffectFailureViewDto implements SideEffectFailure {
  @ApiProperty({ description: '`SideEffectDataError` (the data cannot be stored as it is: needs a fix) or `SideEffectUnavailable` (a dependency is down)', example: 'SideEffectDataError' })
  type!: string;

  @ApiProperty({ description: 'What failed, without the data', example: 'PostgreSQL 22001: a value is too long for its column' })
  error!: string;

  @ApiProperty({ format: 'date-time' })
  since!: string;

  @ApiProperty({ type: 'integer', description: 'Failed attempts of the stream (each after its activity retried for a few minutes, or at once for a data error)' })
  attempts!: number;

  @ApiProperty({ format: 'date-time', description: 'When the stream tries again by itself (`POST …/side-effects/retry` tries at once)' })
  nextAttemptAt!: string;
}

export class SideEffectStreamViewDto implements SideEffectStreamStatus {
  @ApiProperty({ type: 'integer', description: 'Events (projection) or notices waiting to be written' })
  pending!: number;

  @ApiProperty({ type: () => SideEffectFailureViewDto, nullable: true })
  failing!: SideEffectFailureViewDto | null;
}

export class SideEffectsViewDto implements SideEffectsStatus {
  @ApiProperty({ type: () => SideEffectStreamViewDto, description: 'The read model (lists, searches, the timeline)' })
  projection!: SideEffectStreamViewDto;

  @ApiProperty({ type: () => SideEffectStreamViewDto, description: 'Notices to the person and the operators (the outbox)' })
  notices!: SideEffectStreamViewDto;
}

export class OfficeClosureDto {
  @ApiPropertyOptional({ description: 'Every year on this day, `MM-DD`', example: '12-07' })
  monthDay?: string;

  @ApiPropertyOptional({ description: 'This many days after Easter Sunday (Whit Monday: 50)', example: 50 })
  days?: number;

  @ApiPropertyOptional({ description: 'Once, `YYYY-MM-DD`', example: '2026-12-24', format: 'date' })
  date?: string;

  @ApiProperty({ description: 'What the closure is', example: "Sant'Ambrogio" })
  name!: string;
}

export class OfficeCalendarDto implements OfficeCalendar {
  @ApiProperty({ description: 'Closed every year on the same day (patron saint)', type: () => [OfficeClosureDto] })
  annual!: readonly { monthDay: string; name: string }[];

  @ApiProperty({ description: 'Closed a number of days after Easter (regional days such as Whit Monday in Bolzano)', type: () => [OfficeClosureDto] })
  afterEaster!: readonly { days: number; name: string }[];

  @ApiProperty({ description: 'One-off closures', type: () => [OfficeClosureDto] })
  dates!: readonly { date: string; name: string }[];

  @ApiProperty({ description: 'Whether the office is closed on Saturdays', example: true })
  saturdaysClosed!: boolean;
}

export class OfficeProfileViewDto implements OfficeProfile {
  @ApiProperty({ description: 'Office id', example: 'CPI-TO-01' })
  officeId!: string;

  @ApiProperty({ description: '`cpi` (a public Centro per l\'Impiego) or `accredited` (an operator accredited by the region, D.lgs. 276/2003 art. 7)', enum: OFFICE_KINDS, example: 'cpi' })
  kind!: OfficeKind;

  @ApiProperty({ description: 'The CPI competent for the person: only its staff decide a sanction', example: 'CPI-TO-01' })
  competentCpiId!: string;

  @ApiProperty({ description: "The office's calendar: what closes it besides Sundays and national holidays", type: () => OfficeCalendarDto })
  calendar!: OfficeCalendarDto;
}

/** A pause of the journey's clocks. */
export class PauseViewDto implements PauseState {
  @ApiProperty({ description: 'The pause, numbered P1, P2, …', example: 'P1' })
  pauseId!: string;

  @ApiProperty({ description: '`job` (a job of up to six months suspends the unemployed status, art. 19 c.3 D.lgs. 150/2015) or `absence` (a justified long absence)', enum: PAUSE_KINDS, example: 'job' })
  kind!: PauseKind;

  @ApiProperty({ description: 'When the clocks stopped', example: '2026-04-01T00:00:00.000Z', format: 'date-time' })
  from!: string;

  @ApiProperty({ description: 'When they started again; null while the pause runs', example: null, nullable: true, type: String, format: 'date-time' })
  endedAt!: string | null;

  @ApiProperty({ description: "When it is expected to end: the end of the job's expected last day, or of the absence's last day (an absence then ends by itself)", example: '2026-06-30T21:59:59.999Z', nullable: true, type: String, format: 'date-time' })
  expectedEnd!: string | null;

  @ApiProperty({ description: 'The job that suspends the unemployed status (kind `job`), or null', type: () => SuspendingJobViewDto, nullable: true })
  job!: SuspendingJobViewDto | null;

  @ApiProperty({ description: 'The stage the journey returns to when the suspension ends (kind `job`), or null', enum: JOURNEY_STAGES, example: 'pact_active', nullable: true, type: String })
  resumeStage!: JourneyStage | null;

  @ApiProperty({ description: "The absence's reason, from the catalogue's list (kind `absence`), or null; no evidence is kept", enum: ABSENCE_REASONS, example: null, nullable: true, type: String })
  absenceReason!: AbsenceReason | null;

  @ApiProperty({ description: 'Operator who recorded it', example: 'op-milano-017' })
  operatorId!: string;

  @ApiProperty({ description: 'How it ended: `operator` (EndSuspension / EndAbsence), `expected_end` (an absence past its last day), `six_month_limit` (the suspension reached six months and closed the journey as `status_lost`); null while it runs', enum: ['operator', 'expected_end', 'six_month_limit'], example: null, nullable: true, type: String })
  endedBy!: PauseState['endedBy'];
}

/** The job of a suspension, as the placement would record it. */
export class SuspendingJobViewDto implements SuspendingJob {
  @ApiProperty({ description: 'Employer', example: 'Logistica Piemonte S.r.l.' })
  employer!: string;

  @ApiProperty({ description: 'Contract type', enum: CONTRACT_TYPES, example: 'fixed_term' })
  contractType!: ContractType;

  @ApiProperty({ description: 'First day of work (YYYY-MM-DD)', example: '2026-04-01' })
  startDate!: string;

  @ApiProperty({ description: 'Expected last day of work (YYYY-MM-DD): less than six months after the start', example: '2026-06-30' })
  expectedEndDate!: string;

  @ApiProperty({ description: 'Hours per week, or null', example: 30, nullable: true, type: Number })
  hoursPerWeek!: number | null;
}

/** The pause the journey is in now. */
export class CurrentPauseViewDto implements CurrentPause {
  @ApiProperty({ description: 'The pause (`pauses[].pauseId`)', example: 'P1' })
  pauseId!: string;

  @ApiProperty({ description: '`job` (stage `suspended`) or `absence`', enum: PAUSE_KINDS, example: 'job' })
  kind!: PauseKind;

  @ApiProperty({ description: 'Since when the clocks stand still', example: '2026-03-31T22:00:00.000Z', format: 'date-time' })
  since!: string;

  @ApiProperty({ description: 'When it is expected to end', example: '2026-06-30T21:59:59.999Z', nullable: true, type: String, format: 'date-time' })
  expectedEnd!: string | null;
}

/** When a pending pact action falls due, as the pauses put it. */
export class ActionDueViewDto {
  @ApiProperty({ description: 'The action (`actions[].actionId`)', example: 'A1' })
  actionId!: string;

  @ApiProperty({ description: 'When the journey will mark it overdue: its `dueAt` later by every pause since the pact came into force; null while a running pause holds it', example: '2026-07-31T21:59:59.999Z', nullable: true, type: String, format: 'date-time' })
  dueAt!: string | null;
}

/** The national model's quantitative profiling, as given. */
export class QuantitativeProfilingViewDto implements QuantitativeProfiling {
  @ApiProperty({ description: "The national model's score, as given", example: 0.62 })
  score!: number;

  @ApiProperty({ description: "The national model's class, as given", enum: PROFILING_CLASSES, example: 'high' })
  profilingClass!: ProfilingClass;

  @ApiProperty({ description: 'When the model profiled the person, YYYY-MM-DD', example: '2026-03-03', format: 'date' })
  profiledOn!: string;

  @ApiProperty({ description: 'Who recorded it', example: 'op-bianchi' })
  recordedBy!: string;

  @ApiProperty({ description: 'When it was recorded', example: '2026-03-03T09:00:00.000Z', format: 'date-time' })
  recordedAt!: string;
}

/** The GOL path chosen at the end of the assessment. */
export class ChosenGolPathViewDto implements ChosenGolPath {
  @ApiProperty({ description: 'The path: 1 reinserimento lavorativo, 2 aggiornamento, 3 riqualificazione, 4 lavoro e inclusione, 5 ricollocazione collettiva', enum: GOL_PATHS, example: 1 })
  path!: GolPath;

  @ApiProperty({ description: "The path's programme (its catalogue)", example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({ description: 'Why this path', example: 'Close to the labour market, recent experience in the sector' })
  reason!: string;

  @ApiProperty({ description: 'Who chose it', example: 'op-bianchi' })
  chosenBy!: string;

  @ApiProperty({ description: 'When', example: '2026-03-04T09:00:00.000Z', format: 'date-time' })
  chosenAt!: string;

  @ApiPropertyOptional({ description: "The version of the path's catalogue the journey runs from the choice", example: 3, nullable: true, type: Number })
  catalogueVersion?: number | null;

  @ApiPropertyOptional({ description: "Issue 15: whose catalogue that version is: `national` or the region's key (absent: national)", example: 'piemonte', type: String })
  catalogueScope?: CatalogueScope;

  @ApiPropertyOptional({ description: 'Path 4: the social services the path runs with (null on the other paths)', type: () => SocialServicesPartyViewDto, nullable: true })
  socialServices?: SocialServicesPartyViewDto | null;

  @ApiPropertyOptional({ description: 'Path 5: the employer in crisis and the agreement (null on the other paths)', type: () => CollectiveReallocationPartyViewDto, nullable: true })
  collectiveReallocation?: CollectiveReallocationPartyViewDto | null;
}

export class SocialServicesPartyViewDto implements SocialServicesParty {
  @ApiProperty({ description: 'The social services', example: 'Servizi sociali Comune di Torino' })
  organisation!: string;

  @ApiProperty({ description: 'Their reference for the case or the network agreement', example: 'PUA-2026-12', nullable: true, type: String })
  reference!: string | null;
}

export class CollectiveReallocationPartyViewDto implements CollectiveReallocationParty {
  @ApiProperty({ description: 'The employer in crisis', example: 'Acme Logistica S.p.A.' })
  employer!: string;

  @ApiProperty({ description: 'The reference of the agreement', example: 'Accordo di ricollocazione 2026/44' })
  agreementReference!: string;
}

export class AssessmentFindingViewDto implements AssessmentFinding {
  @ApiProperty({ description: "An area of the GOL catalogue's qualitative assessment", example: 'job_search_autonomy' })
  area!: string;

  @ApiProperty({ description: 'How the area stands', enum: ASSESSMENT_FINDING_LEVELS, example: 'to_strengthen' })
  level!: AssessmentFindingLevel;

  @ApiProperty({ description: 'A short note', example: null, nullable: true, type: String })
  note!: string | null;
}

/** The operator's qualitative assessment. */
export class QualitativeAssessmentViewDto implements QualitativeAssessment {
  @ApiProperty({ description: 'The findings, one per area assessed', type: () => [AssessmentFindingViewDto] })
  findings!: AssessmentFindingViewDto[];

  @ApiProperty({ description: "The operator's summary", example: 'Job-ready in logistics once the forklift licence is renewed' })
  summary!: string;

  @ApiProperty({ description: 'The day of the interview, YYYY-MM-DD', example: '2026-03-05', format: 'date' })
  assessedOn!: string;

  @ApiProperty({ description: 'Who recorded it', example: 'op-bianchi' })
  recordedBy!: string;

  @ApiProperty({ description: 'When it was recorded', example: '2026-03-05T09:00:00.000Z', format: 'date-time' })
  recordedAt!: string;
}

/** The GOL assessment. */
export class GolAssessmentViewDto implements GolAssessmentState {
  @ApiProperty({ description: 'The latest quantitative profiling, or null before one is recorded', type: () => QuantitativeProfilingViewDto, nullable: true })
  profiling!: QuantitativeProfilingViewDto | null;

  @ApiProperty({ description: 'The path chosen, or null while the assessment runs', type: () => ChosenGolPathViewDto, nullable: true })
  path!: ChosenGolPathViewDto | null;

  @ApiPropertyOptional({ description: 'The qualitative assessment, or null before it is recorded', type: () => QualitativeAssessmentViewDto, nullable: true })
  qualitative?: QualitativeAssessmentViewDto | null;

  @ApiPropertyOptional({ description: "The areas of the qualitative assessment, from the `GOL` catalogue the journey started under (`assessmentAreas`)", type: [String], example: ['education_and_training', 'job_search_autonomy'] })
  areas?: string[];

  @ApiPropertyOptional({ description: "When the review of the current profiling fell due and the operator was told (the catalogue's `profilingReview` after it), or null", example: null, nullable: true, type: String, format: 'date-time' })
  profilingReviewDueAt?: string | null;
}

/** A journey as an operator sees it: its state plus what is derived from it. */
/** Issue 15: the GOL monitoring data, as given at the start or recorded since. */
export class MonitoringViewDto extends MonitoringInputDto {}

export class JourneyViewDto implements JourneyView {
  @ApiProperty({
    description:
      'Where this answer comes from: `workflow` (live state from Temporal) or `read-model` (the workflow is no longer retained by Temporal, or its worker did not answer in time: state rebuilt from the recorded events)',
    enum: VIEW_SOURCES,
    example: 'workflow',
  })
  source!: ViewSource;

  @ApiProperty({
    description:
      "The instant the time-derived statuses are exact for (the request's): an action past its due instant is `overdue` (since that instant), and counted and stalling, even before the journey's timer has marked it and its notices gone out",
    example: '2026-07-03T12:00:00.000Z',
    format: 'date-time',
  })
  asOf!: string;

  @ApiPropertyOptional({
    type: () => SideEffectsViewDto,
    description:
      "How far the journey's side effects have got (live view of journeys started or continued since this release): a failing projection or notice never stops the journey's clocks, it waits here until it can be written, in order",
  })
  sideEffects?: SideEffectsViewDto;

  @ApiProperty({ description: 'Journey id', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  journeyId!: string;

  @ApiProperty({ description: 'Programme', example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({
    description: "The person as a keyed hash of the fiscal code (`prs_…`), the same for every episode of theirs (`GET /people/{personRef}/journeys`); null on a journey started before episodes",
    example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a',
    nullable: true,
    type: String,
  })
  personRef!: string | null;

  @ApiProperty({ description: 'The episode this one continues (a transfer to another path), or null for a new DID', example: null, nullable: true, type: String })
  previousJourneyId!: string | null;

  @ApiProperty({ description: "The pauses of the journey's clocks (a suspension by a job, a justified absence), oldest first: every deadline moves on by them", type: () => [PauseViewDto] })
  pauses!: PauseViewDto[];

  @ApiProperty({ description: "The catalogue's justified absence reasons the journey pinned at start; null: it pinned none, the GOL list applies (`illness`, `maternity`, `paternity`, `training_abroad`, `civil_service`)", enum: ABSENCE_REASONS, isArray: true, nullable: true, example: null })
  absenceReasons!: AbsenceReason[] | null;

  @ApiProperty({ description: 'The GOL assessment (profiling and the path chosen), or null outside GOL', type: () => GolAssessmentViewDto, nullable: true })
  assessment!: GolAssessmentViewDto | null;

  @ApiProperty({ description: 'The transfer to another path that closed the journey, or null', type: () => TransferViewDto, nullable: true })
  transfer!: TransferViewDto | null;

  @ApiProperty({ description: 'Issue 15: the GOL monitoring data (given at the start or with `POST /journeys/{journeyId}/monitoring`), or null', type: () => MonitoringViewDto, nullable: true })
  monitoring!: MonitoringViewDto | null;

  @ApiProperty({ description: "Issue 15 (ADI, SFL): the presentation obligation the journey pinned from its catalogue and where it stands, or null (the catalogue sets none)", type: () => PresentationViewDto, nullable: true })
  presentation!: PresentationViewDto | null;

  @ApiProperty({
    description:
      'Issue 15 (ADI, SFL): when the next presentation (a meeting with the services, a confirmation of participation) is due, moved by the pauses; once missed, the instant it was due ' +
      "(the benefit suspended until the person presents); null when no obligation binds the journey's benefit, the person is exempt, or a running pause holds it",
    example: '2026-06-30T21:59:59.999Z',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  nextPresentationDueAt!: string | null;

  @ApiProperty({ description: "Issue 15 (SFL): when the benefit's months end (extended once the pact was updated), or null", example: null, nullable: true, type: String, format: 'date-time' })
  participationEndsAt!: string | null;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-MI-01' })
  officeId!: string;

  @ApiProperty({ description: 'Date of the DID, YYYY-MM-DD', example: '2026-01-15', format: 'date' })
  didDate!: string;

  @ApiProperty({ description: 'The person', type: () => BeneficiaryViewDto })
  beneficiary!: BeneficiaryViewDto;

  @ApiProperty({
    description: '`awaiting_intake` (waiting for the presa in carico), `awaiting_pact` (waiting for the pact — also, rules edition 2, while version 1 is signed and waits for the person\'s acceptance), `pact_active` (a pact in force, actions under way), `suspended` (the unemployed status suspended by a job of up to six months, art. 19 c.3 D.lgs. 150/2015: every clock paused, `pause` says since when), `closed`, ' +
      '`assessment` (a journey started under `GOL`, before its path is chosen: profiling and qualitative assessment; the presa in carico may be recorded in it, the pact waits for `ChooseGolPath`)',
    enum: JOURNEY_STAGES,
    example: 'pact_active',
  })
  stage!: JourneyStage;

  @ApiProperty({ description: '`open` or `closed`', enum: JOURNEY_STATUSES, example: 'open' })
  status!: JourneyStatus;

  @ApiProperty({ description: 'When the journey started (UTC instant)', example: '2026-01-15T08:00:00.000Z', format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ description: 'The presa in carico, once recorded', type: () => IntakeViewDto, nullable: true })
  intake!: IntakeViewDto | null;

  @ApiProperty({ description: 'The version of the pact in force, once one is (rules edition 2: from the person\'s acceptance; a version awaiting it is only in `pactVersions`)', type: () => PactViewDto, nullable: true })
  pact!: PactViewDto | null;

  @ApiProperty({ description: "The pact's actions with their status (empty before the pact)", type: () => [PactActionViewDto] })
  actions!: PactActionViewDto[];

  @ApiProperty({ description: 'The closure, once closed', type: () => ClosureViewDto, nullable: true })
  closure!: ClosureViewDto | null;

  @ApiProperty({ description: 'Sequence number of the last event folded in', example: 4 })
  lastSeq!: number;

  @ApiProperty({ description: 'When the state last changed (UTC instant)', example: '2026-02-10T14:00:00.000Z', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'How many actions are overdue', example: 0 })
  overdueActionCount!: number;

  @ApiProperty({ description: 'The earliest pending deadline, null when nothing is pending or the journey is closed', type: () => DeadlineViewDto, nullable: true })
  nextDeadline!: DeadlineViewDto | null;

  @ApiProperty({
    description: 'The programme catalogue version the journey pinned when it started (null for journeys started before catalogues existed); publishing a new version does not change it',
    example: 2,
    nullable: true,
    type: Number,
  })
  catalogueVersion!: number | null;

  @ApiProperty({
    description:
      "Issue 15: whose catalogue that version is: `national` (the defaults), or the key of the region whose own version the journey's office resolved to " +
      'when it started, chose its GOL path or was transferred (`GET /programmes?region=…`)',
    example: 'piemonte',
    type: String,
  })
  catalogueScope!: CatalogueScope;

  @ApiProperty({ description: 'Issue 15: the pinned catalogue as readers see it: code, version and scope', example: 'GOL-1 v2 (Piemonte)', type: String })
  catalogueLabel!: string;

  @ApiProperty({ description: 'The clocks of that catalogue version, which the journey runs with (all null for journeys started before catalogues)', type: () => JourneyClocksDto })
  clocks!: JourneyClocksDto;

  @ApiProperty({ description: 'The agreed contacts', type: () => ContactViewDto })
  contact!: ContactViewDto;

  @ApiProperty({ description: "When the journey noticed that the pact was not signed by its deadline", example: null, nullable: true, type: String, format: 'date-time' })
  pactDeadlineMissedAt!: string | null;

  @ApiProperty({ description: "When the missed pact deadline was escalated to the office's supervisors", example: null, nullable: true, type: String, format: 'date-time' })
  pactDeadlineEscalatedAt!: string | null;

  @ApiProperty({ description: 'The last progress: start, intake, pact, a completed action, a contact, or a pact amendment, a service delivered, an appointment held, an offer accepted, a justification or the placement', example: '2026-02-10T14:00:00.000Z', format: 'date-time' })
  lastProgressAt!: string;

  @ApiProperty({ description: "When the journey noticed it had made no progress for the catalogue's stall period (cleared by progress)", example: null, nullable: true, type: String, format: 'date-time' })
  noProgressSince!: string | null;

  @ApiProperty({
    description: "When the next agreed contact is due: the pact's contact frequency after the last contact or the signing (null before the pact, once a contact is missed, or when closed)",
    example: '2026-03-12T14:00:00.000Z',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  nextContactDueAt!: string | null;

  @ApiProperty({
    description: "When the pact must be signed by: the catalogue's pact deadline after the presa in carico (only while waiting for the pact)",
    example: null,
    nullable: true,
    type: String,
    format: 'date-time',
  })
  pactDeadlineAt!: string | null;

  @ApiProperty({ description: 'Why and since when the journey is stalled; null when it is not (always null once closed)', type: () => StallViewDto, nullable: true })
  stalled!: StallViewDto | null;

  @ApiProperty({
    description: "The services the pinned catalogue requires, in order with their prerequisites; null: the catalogue lists none, any service in any order",
    type: () => [ServiceStepDto],
    nullable: true,
  })
  services!: ServiceStepDto[] | null;

  @ApiProperty({ description: "The legal clocks the pinned catalogue counts in working days", enum: LEGAL_CLOCK_NAMES, isArray: true, example: ['offerExcuseWindow'] })
  workingDayClocks!: LegalClockName[];

  @ApiProperty({
    description:
      "The legal clocks the pinned catalogue moves off the office's closed days (art. 2963 c.c.; art. 155 c.4-5 c.p.c.), each saying whether Saturdays count as closed for it; `{}`: none. Applied with `office`'s calendar under rules edition 2",
    type: 'object',
    additionalProperties: { type: 'object', properties: { saturdaysClosed: { type: 'boolean' } }, required: ['saturdaysClosed'] },
    example: { justificationWindow: { saturdaysClosed: false }, appealWindow: { saturdaysClosed: true } },
  })
  rollForwardClocks!: RollForwardClocks;

  @ApiProperty({
    description:
      'The NASpI / DIS-COLL claimed last — at the start or later — with its status and history; null: the person claims no benefit and is not subject to conditionality',
    type: () => BenefitViewDto,
    nullable: true,
  })
  benefit!: BenefitViewDto | null;

  @ApiProperty({ description: 'Claims before `benefit`, refused or ended, oldest first', type: () => [BenefitViewDto] })
  earlierBenefits!: BenefitViewDto[];

  @ApiProperty({
    description:
      "Whether the benefit runs now (claimed or granted; not refused, suspended or ended): only then does conditionality apply. Steps proposed while it ran stay for the operator's decision after it stops",
    example: true,
  })
  benefitRunning!: boolean;

  @ApiProperty({
    description:
      'The edition of the rules the journey runs under, fixed at its start: `1` for journeys started before issue 13 (they keep the rules they were decided with), `2` since (sanctions decided by the competent CPI, appeals from the notification, the offer rules, pact acceptance, deadlines off closed days)',
    enum: RULES_EDITIONS,
    example: 2,
  })
  rules!: RulesEdition;

  @ApiProperty({ description: 'The office that follows the journey, from the directory of offices when it started (null: started before the directory)', type: () => OfficeProfileViewDto, nullable: true })
  office!: OfficeProfileViewDto | null;

  @ApiProperty({ description: 'When the journey noticed that the person had not contacted the office in time (before the presa in carico)', example: null, nullable: true, type: String, format: 'date-time' })
  firstContactMissedAt!: string | null;

  @ApiProperty({
    description: 'When the person must have contacted the office: the legal period after the DID or the benefit claim, whichever ends first (only while waiting for the presa in carico; null when the catalogue sets no such clock)',
    example: null,
    nullable: true,
    type: String,
    format: 'date-time',
  })
  firstContactDueAt!: string | null;

  @ApiProperty({ description: 'Every version of the pact, oldest first (the current one last); empty before the pact', type: () => [PactVersionViewDto] })
  pactVersions!: PactVersionViewDto[];

  @ApiProperty({ description: 'Each of the six services on this journey: status, hours, sessions, outputs', type: () => [ServiceProgressViewDto] })
  serviceProgress!: ServiceProgressViewDto[];

  @ApiProperty({ description: "The catalogue's services not completed yet (empty when the catalogue lists none)", enum: SERVICE_CODES, isArray: true, example: ['tutoring', 'job_search'] })
  pendingServices!: ServiceCode[];

  @ApiProperty({ description: 'Hours delivered over all services', example: 3.5 })
  totalServiceHours!: number;

  @ApiProperty({ description: 'Every appointment, in the order scheduled (a new one is the last)', type: () => [AppointmentViewDto] })
  appointments!: AppointmentViewDto[];

  @ApiProperty({ description: 'The earliest appointment still scheduled', type: () => AppointmentViewDto, nullable: true })
  nextAppointment!: AppointmentViewDto | null;

  @ApiProperty({ description: 'Job offers, in the order recorded (a new one is the last)', type: () => [JobOfferViewDto] })
  offers!: JobOfferViewDto[];

  @ApiProperty({
    description: "The thresholds of a congrua offer the journey pinned from its catalogue (null, or any left out: the D.M. 10 aprile 2018's)",
    type: () => OfferSuitabilityThresholdsDto,
    nullable: true,
  })
  offerSuitability!: Partial<OfferSuitabilityThresholdsDto> | null;

  @ApiProperty({ description: 'Lapses (no-shows and refused suitable offers) with their justification windows', type: () => [LapseViewDto] })
  lapses!: LapseViewDto[];

  @ApiProperty({ description: 'Conditionality steps, proposed and decided', type: () => [ConditionalityStepViewDto] })
  conditionalitySteps!: ConditionalityStepViewDto[];

  @ApiProperty({ description: "Conditionality steps waiting for the operator's decision", example: 0 })
  proposedStepCount!: number;

  @ApiProperty({ description: 'The version of the pact in force (`pact.version`); null before one is (rules edition 2: before the person accepts version 1)', example: 1, nullable: true, type: Number })
  pactVersionInForce!: number | null;

  @ApiProperty({
    description: "The version of the pact signed and waiting for the person's acceptance (rules edition 2; accept it with `POST /journeys/{journeyId}/pact/versions/{version}/acceptance`), or null",
    example: null,
    nullable: true,
    type: Number,
  })
  pactVersionAwaitingAcceptance!: number | null;

  @ApiProperty({ description: "Until when that version may wait before the office's supervisors are told (the catalogue's `pactAcceptanceWindow`)", example: null, nullable: true, type: String, format: 'date-time' })
  pactAcceptanceDueAt!: string | null;

  @ApiProperty({
    description:
      'When each pending pact action falls due, moved by the pauses (a suspension, an absence): `actions[].dueAt` stays the date agreed in the pact, this is when the journey marks it overdue',
    type: () => [ActionDueViewDto],
  })
  actionsDueAt!: ActionDueViewDto[];

  @ApiProperty({ description: 'The pause the journey is in (a suspension by a job: stage `suspended`; a justified absence), or null', type: () => CurrentPauseViewDto, nullable: true })
  pause!: CurrentPauseViewDto | null;
  @ApiProperty({ description: "When the last GOL profiling is due for review (the catalogue's `profilingReview` after the day it was computed), or null", example: null, nullable: true, type: String, format: 'date-time' })
  profilingReviewDueAt!: string | null;

  @ApiProperty({ description: 'Referrals to other services, in the order made (a new one is the last)', type: () => [ReferralViewDto] })
  referrals!: ReferralViewDto[];

  @ApiProperty({ description: 'The placement, once recorded (it closes the journey as `placed`)', type: () => PlacementViewDto, nullable: true })
  placement!: PlacementViewDto | null;
}
