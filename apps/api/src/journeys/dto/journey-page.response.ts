import { ApiProperty } from '@nestjs/swagger';
import {
  BENEFIT_END_REASONS,
  BENEFIT_KINDS,
  BENEFIT_STATUSES,
  type BenefitEndReason,
  type BenefitKind,
  type BenefitStatus,
  CLOSURE_REASONS,
  JOURNEY_STAGES,
  PAUSE_KINDS,
  type PauseKind,
  JOURNEY_STATUSES,
  PROFILING_CLASSES,
  STALL_REASONS,
  type ClosureReason,
  type JourneyStage,
  type JourneyStatus,
  type ProfilingClass,
  type StallReason,
} from '@sal/domain';

/** One journey in a list, from the read model (eventually consistent with the workflow, usually within a second). */
export class JourneySummaryDto {
  @ApiProperty({ description: 'Journey id', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  journeyId!: string;

  @ApiProperty({ description: 'Programme', example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({
    description: "The person (`prs_…`): the person's episodes are listed by `GET /people/{personRef}/journeys`; null until a journey from before episodes is backfilled",
    example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a',
    nullable: true,
    type: String,
  })
  personRef!: string | null;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-MI-01' })
  officeId!: string;

  @ApiProperty({ description: 'Stage', enum: JOURNEY_STAGES, example: 'pact_active' })
  stage!: JourneyStage;

  @ApiProperty({ description: 'Status', enum: JOURNEY_STATUSES, example: 'open' })
  status!: JourneyStatus;

  @ApiProperty({ description: 'Fiscal code of the person', example: 'RSSMRA85T10A562S' })
  fiscalCode!: string;

  @ApiProperty({ description: 'Given name(s)', example: 'Mario' })
  givenName!: string;

  @ApiProperty({ description: 'Family name(s)', example: 'Rossi' })
  familyName!: string;

  @ApiProperty({ description: 'Date of the DID, YYYY-MM-DD', example: '2026-01-15', format: 'date' })
  didDate!: string;

  @ApiProperty({ description: 'When the journey started', example: '2026-01-15T08:00:00.000Z', format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ description: 'When the person was taken in charge', example: '2026-01-20T09:30:00.000Z', format: 'date-time', nullable: true, type: String })
  takenInChargeAt!: string | null;

  @ApiProperty({ description: 'Operator who took the person in charge', example: 'op-milano-017', nullable: true, type: String })
  intakeOperatorId!: string | null;

  @ApiProperty({ description: 'Operator responsible for the pact', example: 'op-milano-017', nullable: true, type: String })
  responsibleOperatorId!: string | null;

  @ApiProperty({ description: 'The version of the pact in force (null before one is: rules edition 2, before the person accepts version 1)', example: 1, nullable: true, type: Number })
  pactVersion!: number | null;

  @ApiProperty({ description: 'When the pact (version 1) was signed, once in force', example: '2026-01-27T10:00:00.000Z', format: 'date-time', nullable: true, type: String })
  pactSignedAt!: string | null;

  @ApiProperty({
    description: "When version 1 of the pact came into force: its signing (rules edition 1) or the person's acceptance (edition 2)",
    example: '2026-01-27T10:15:00.000Z',
    format: 'date-time',
    nullable: true,
    type: String,
  })
  pactInForceSince!: string | null;

  @ApiProperty({ description: "The version of the pact signed and waiting for the person's acceptance, or null", example: null, nullable: true, type: Number })
  pactVersionAwaitingAcceptance!: number | null;

  @ApiProperty({ description: "Until when that version may wait before the supervisors are told (the catalogue's `pactAcceptanceWindow`)", example: null, format: 'date-time', nullable: true, type: String })
  pactAcceptanceDueAt!: string | null;

  @ApiProperty({ description: 'Profiling class', enum: PROFILING_CLASSES, example: 'medium', nullable: true })
  profilingClass!: ProfilingClass | null;

  @ApiProperty({ description: 'When the journey was closed', example: null, format: 'date-time', nullable: true, type: String })
  closedAt!: string | null;

  @ApiProperty({ description: 'Why it was closed', enum: CLOSURE_REASONS, example: null, nullable: true })
  closureReason!: ClosureReason | null;

  @ApiProperty({ description: 'How many pact actions are overdue', example: 0 })
  overdueActionCount!: number;

  @ApiProperty({ description: 'Earliest pending deadline', example: '2026-03-31T21:59:59.999Z', format: 'date-time', nullable: true, type: String })
  nextDeadlineAt!: string | null;

  @ApiProperty({ description: 'Programme catalogue version the journey pinned at start (null for journeys started before catalogues)', example: 1, nullable: true, type: Number })
  catalogueVersion!: number | null;

  @ApiProperty({ description: "Issue 15: whose catalogue that version is: `national`, or the key of the region whose own version the journey's office pinned (e.g. `piemonte`)", example: 'national', type: String })
  catalogueScope!: string;

  @ApiProperty({ description: 'Since when the journey is stalled; null when it is not', example: null, format: 'date-time', nullable: true, type: String })
  stalledSince!: string | null;

  @ApiProperty({ description: 'Why it is stalled (empty when it is not)', enum: STALL_REASONS, isArray: true, example: [] })
  stallReasons!: StallReason[];

  @ApiProperty({ description: 'The last progress: start, intake, pact, a completed action or a contact', example: '2026-01-27T10:00:00.000Z', format: 'date-time', nullable: true, type: String })
  lastProgressAt!: string | null;

  @ApiProperty({ description: 'When the next agreed contact is due (later by every pause of the clocks; null while one holds it)', example: '2026-02-26T10:00:00.000Z', format: 'date-time', nullable: true, type: String })
  nextContactDueAt!: string | null;

  @ApiProperty({ description: 'When the pact must be signed by (while waiting for it)', example: null, format: 'date-time', nullable: true, type: String })
  pactDeadlineAt!: string | null;

  @ApiProperty({ description: 'The NASpI / DIS-COLL claimed last; null: none', enum: BENEFIT_KINDS, example: 'naspi', nullable: true, type: String })
  benefitKind!: BenefitKind | null;

  @ApiProperty({ description: 'Its status now: it runs (conditionality applies) while `claimed` or `granted`; null: no benefit', enum: BENEFIT_STATUSES, example: 'granted', nullable: true, type: String })
  benefitStatus!: BenefitStatus | null;

  @ApiProperty({ description: 'The day it took that status, YYYY-MM-DD', example: '2026-01-25', nullable: true, type: String, format: 'date' })
  benefitStatusSince!: string | null;

  @ApiProperty({ description: 'The day it ended, YYYY-MM-DD', example: null, nullable: true, type: String, format: 'date' })
  benefitEndedOn!: string | null;

  @ApiProperty({ description: 'Why it ended', enum: BENEFIT_END_REASONS, example: null, nullable: true, type: String })
  benefitEndReason!: BenefitEndReason | null;
  @ApiProperty({ description: 'Since when its clocks are paused (a suspension by a job, a justified absence); null when they run', example: null, format: 'date-time', nullable: true, type: String })
  pausedSince!: string | null;

  @ApiProperty({ description: '`job` (stage `suspended`) or `absence` while paused; null when the clocks run', enum: PAUSE_KINDS, example: null, nullable: true, type: String })
  pauseKind!: PauseKind | null;

  @ApiProperty({ description: 'When the pause is expected to end', example: null, format: 'date-time', nullable: true, type: String })
  pauseExpectedEnd!: string | null;

  @ApiProperty({ description: 'Sequence number of the last event projected', example: 3 })
  lastSeq!: number;

  @ApiProperty({ description: 'When the journey last changed', example: '2026-01-27T10:00:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

/** A page of journeys, newest first. */
export class JourneyPageDto {
  @ApiProperty({ description: 'The journeys on this page, newest first', type: () => [JourneySummaryDto] })
  items!: JourneySummaryDto[];

  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'How many journeys match the filters in all', example: 42 })
  total!: number;
}
