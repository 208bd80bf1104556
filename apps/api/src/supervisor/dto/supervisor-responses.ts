import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  type BenefitKind,
  type BenefitStatus,
  JOURNEY_STAGES,
  PAUSE_KINDS,
  type PauseKind,
  PACT_ACTION_KINDS,
  PROFILING_CLASSES,
  STALL_REASONS,
  type JourneyStage,
  type PactActionKind,
  type StallReason,
} from '@sal/domain';
import type { OverdueAction, PactAwaitingAcceptance, PausedJourney, ProfilingReviewDue, StalledCase, SupervisedJourney } from '@sal/persistence';
import { ServiceHoursDto } from './services-responses';

const JOURNEY_ID_EXAMPLE = 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3';

/** What every page of a supervisor list says of itself besides its items and total. */
export class PageFieldsDto {
  @ApiProperty({ description: 'Page number, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Items per page', example: 20 })
  pageSize!: number;
}

/** What every supervisor list says of a journey: which, where, at which stage, whose, and who the person is. */
export class SupervisedJourneyDto implements SupervisedJourney {
  @ApiProperty({ description: 'Journey id', example: JOURNEY_ID_EXAMPLE })
  journeyId!: string;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-TO-01' })
  officeId!: string;

  @ApiProperty({ description: 'Programme', example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({ description: 'Stage', enum: JOURNEY_STAGES, example: 'pact_active' })
  stage!: JourneyStage;

  @ApiProperty({ description: 'Operator in charge: responsible for the pact, or who took the person in charge; null before the intake', example: 'op-bianchi', nullable: true, type: String })
  operatorId!: string | null;

  @ApiProperty({ description: 'Given name(s) of the person', example: 'Mario' })
  givenName!: string;

  @ApiProperty({ description: 'Family name(s) of the person', example: 'Rossi' })
  familyName!: string;
}

/** A stalled journey, as a supervisor's list shows it. */
export class StalledCaseDto extends SupervisedJourneyDto implements StalledCase {
  @ApiProperty({ description: 'Since when the journey is stalled (the earliest of its reasons)', example: '2026-03-01T09:00:00.000Z', format: 'date-time' })
  stalledSince!: string;

  @ApiProperty({ description: 'Whole days since then', example: 12 })
  daysStalled!: number;

  @ApiProperty({ description: 'Why it is stalled', enum: STALL_REASONS, isArray: true, example: ['overdue_action'] })
  reasons!: StallReason[];

  @ApiProperty({ description: 'How many pact actions are overdue', example: 1 })
  overdueActionCount!: number;
}

export class StalledCasePageDto extends PageFieldsDto {
  @ApiProperty({ description: 'The stalled journeys on this page, in the order asked for', type: () => [StalledCaseDto] })
  items!: StalledCaseDto[];

  @ApiProperty({ description: 'How many stalled journeys match the filters in all (also on a page past the end)', example: 42 })
  total!: number;
}

/** A version of the pact signed and waiting for the person's acceptance (rules edition 2). */
@ApiSchema({ description: "A version of the pact signed and waiting for the person's acceptance (rules edition 2): the journey is at `awaiting_pact` while version 1 waits (no pact in force), at `pact_active` while an amendment waits" })
export class PactAwaitingAcceptanceDto extends SupervisedJourneyDto implements PactAwaitingAcceptance {
  @ApiProperty({ description: 'The version in force meanwhile; null while version 1 waits', example: null, nullable: true, type: Number })
  versionInForce!: number | null;

  @ApiProperty({ description: 'The version waiting for acceptance', example: 1 })
  version!: number;

  @ApiProperty({ description: 'When it was signed (or the amendment made)', example: '2026-03-02T10:00:00.000Z', format: 'date-time' })
  signedAt!: string;

  @ApiProperty({ description: "Until when it may wait before the office's supervisors are told (the catalogue's `pactAcceptanceWindow`); null without one", example: '2026-03-09T10:00:00.000Z', nullable: true, type: String, format: 'date-time' })
  acceptanceDueAt!: string | null;

  @ApiProperty({ description: 'Whole days since it was signed', example: 3 })
  daysWaiting!: number;
}

export class PactAwaitingAcceptancePageDto extends PageFieldsDto {
  @ApiProperty({ description: 'The versions waiting on this page, longest waiting first', type: () => [PactAwaitingAcceptanceDto] })
  items!: PactAwaitingAcceptanceDto[];

  @ApiProperty({ description: 'How many match the filters in all (also on a page past the end)', example: 2 })
  total!: number;
}

/** An open journey whose clocks are paused now (issue 14). */
@ApiSchema({ description: 'An open journey whose clocks are paused now (issue 14): at stage `suspended` for a job; an absence leaves the stage as it was' })
export class PausedJourneyDto extends SupervisedJourneyDto implements PausedJourney {
  @ApiProperty({ description: '`job` (a job of up to six months suspends the unemployed status, art. 19 c.3 D.lgs. 150/2015) or `absence` (a justified long absence)', enum: PAUSE_KINDS, example: 'job' })
  kind!: PauseKind;

  @ApiProperty({ description: 'Since when the clocks stand still', example: '2026-03-31T22:00:00.000Z', format: 'date-time' })
  pausedSince!: string;

  @ApiProperty({ description: "When the pause is expected to end (the job's expected last day, the absence's last day)", example: '2026-06-30T21:59:59.999Z', nullable: true, type: String, format: 'date-time' })
  expectedEnd!: string | null;

  @ApiProperty({ description: 'Whole days since the pause began', example: 12 })
  daysPaused!: number;
}

/** A page of paused journeys. */
export class PausedJourneyPageDto extends PageFieldsDto {
  @ApiProperty({ description: 'The paused journeys on this page, paused longest first', type: () => [PausedJourneyDto] })
  items!: PausedJourneyDto[];

  @ApiProperty({ description: 'How many match the filters in all (also on a page past the end)', example: 2 })
  total!: number;
}

/** Issue 14: an open journey whose GOL profiling is due for review. */
@ApiSchema({ description: 'An open journey whose GOL profiling is due for review (issue 14): its programme is `GOL` during the assessment, `GOL-n` once the path is chosen' })
export class ProfilingReviewDueDto extends SupervisedJourneyDto implements ProfilingReviewDue {
  @ApiProperty({ description: 'The GOL path, or null while the assessment runs', example: 3, nullable: true, type: Number })
  golPath!: number | null;

  @ApiProperty({ description: "The national model's class of the last profiling", enum: PROFILING_CLASSES, example: 'high' })
  profilingClass!: string;

  @ApiProperty({ description: 'When the national model computed it, YYYY-MM-DD', example: '2026-03-03', format: 'date' })
  profiledOn!: string;

  @ApiProperty({ description: "When it was due for review (the catalogue's `profilingReview` after it, moved by pauses)", example: '2026-06-01T22:00:00.000Z', format: 'date-time' })
  reviewDueAt!: string;

  @ApiProperty({ description: 'Whole days since it was due', example: 4 })
  daysOverdue!: number;
}

export class ProfilingReviewDuePageDto extends PageFieldsDto {
  @ApiProperty({ description: 'The journeys on this page, longest overdue first', type: () => [ProfilingReviewDueDto] })
  items!: ProfilingReviewDueDto[];

  @ApiProperty({ description: 'How many match the filters in all (also on a page past the end)', example: 2 })
  total!: number;
}

/** An overdue pact action of an open journey. */
export class OverdueActionDto implements OverdueAction {
  @ApiProperty({ description: 'Journey id', example: JOURNEY_ID_EXAMPLE })
  journeyId!: string;

  @ApiProperty({ description: 'Action id within the pact', example: 'A1' })
  actionId!: string;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-TO-01' })
  officeId!: string;

  @ApiProperty({ description: 'Operator responsible for the pact', example: 'op-bianchi', nullable: true, type: String })
  operatorId!: string | null;

  @ApiProperty({ description: 'What the action asks of the person', enum: PACT_ACTION_KINDS, example: 'workshop' })
  kind!: PactActionKind;

  @ApiProperty({ description: 'What exactly is to be done', example: 'Job-search workshop' })
  description!: string;

  @ApiProperty({ description: 'When it fell due', example: '2026-03-31T21:59:59.999Z', format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ description: 'Whole days since it fell due', example: 3 })
  daysOverdue!: number;

  @ApiProperty({ description: "When it was escalated to the office's supervisors; null while not yet", example: null, nullable: true, type: String, format: 'date-time' })
  escalatedAt!: string | null;

  @ApiProperty({ description: 'Given name(s) of the person', example: 'Mario' })
  givenName!: string;

  @ApiProperty({ description: 'Family name(s) of the person', example: 'Rossi' })
  familyName!: string;
}

export class OverdueActionPageDto extends PageFieldsDto {
  @ApiProperty({ description: 'The overdue actions on this page, longest overdue first', type: () => [OverdueActionDto] })
  items!: OverdueActionDto[];

  @ApiProperty({ description: 'How many overdue actions match the filters in all (also on a page past the end)', example: 7 })
  total!: number;
}

/** Journeys at each stage (every stage is present, 0 included). */
export class JourneysByStageDto implements Record<JourneyStage, number> {
  @ApiProperty({ description: 'Waiting for the presa in carico', example: 4 })
  awaiting_intake!: number;

  @ApiProperty({ description: 'Taken in charge, waiting for the pact', example: 6 })
  awaiting_pact!: number;

  @ApiProperty({ description: 'Pact signed, actions under way', example: 30 })
  pact_active!: number;

  @ApiProperty({ description: 'Suspended by a job of up to six months (art. 19 c.3 D.lgs. 150/2015): open, every clock paused', example: 2 })
  suspended!: number;

  @ApiProperty({ description: 'Closed (any reason, any time)', example: 12 })
  closed!: number;

  @ApiProperty({ description: 'In the GOL assessment (started under `GOL`, path not chosen yet)', example: 3 })
  assessment!: number;
}

/** Issue 15: the open journeys with a benefit of one kind, by its status now (every status is present). */
export class BenefitStatusCountsDto implements Record<BenefitStatus, number> {
  @ApiProperty({ description: 'Claimed, INPS not yet decided (it runs)', example: 3 })
  claimed!: number;

  @ApiProperty({ description: 'Granted (it runs)', example: 20 })
  granted!: number;

  @ApiProperty({ description: 'Refused by INPS', example: 1 })
  refused!: number;

  @ApiProperty({ description: 'Suspended (by INPS, or for ADI/SFL by a missed presentation or the SFL pact not updated)', example: 2 })
  suspended!: number;

  @ApiProperty({ description: 'Ended', example: 2 })
  ended!: number;
}

/** Open journeys by the status of their benefit, any kind (every status is present, and `none`). */
export class JourneysByBenefitStatusDto extends BenefitStatusCountsDto implements Record<BenefitStatus | 'none', number> {
  @ApiProperty({ description: 'No benefit claimed', example: 12 })
  none!: number;
}

/** Issue 15: the open journeys by their benefit's kind and status (every kind is present). */
export class JourneysByBenefitKindDto implements Record<BenefitKind, BenefitStatusCountsDto> {
  @ApiProperty({ description: 'NASpI (conditionality, art. 21 D.lgs. 150/2015)', type: () => BenefitStatusCountsDto })
  naspi!: BenefitStatusCountsDto;

  @ApiProperty({ description: 'DIS-COLL (conditionality, art. 21 D.lgs. 150/2015)', type: () => BenefitStatusCountsDto })
  dis_coll!: BenefitStatusCountsDto;

  @ApiProperty({ description: 'Assegno di inclusione (D.L. 48/2023): its presentation every 90 days', type: () => BenefitStatusCountsDto })
  adi!: BenefitStatusCountsDto;

  @ApiProperty({ description: 'Supporto per la formazione e il lavoro (art. 12 D.L. 48/2023): its confirmation every 90 days, its 12 months', type: () => BenefitStatusCountsDto })
  sfl!: BenefitStatusCountsDto;
}

/** Stalled open journeys by reason (every reason is present; a journey with two reasons counts under both). */
export class StalledByReasonDto implements Record<StallReason, number> {
  @ApiProperty({ description: 'With an overdue pact action', example: 3 })
  overdue_action!: number;

  @ApiProperty({ description: 'With a missed agreed contact', example: 1 })
  missed_contact!: number;

  @ApiProperty({ description: 'Pact not signed by its deadline', example: 2 })
  pact_not_signed!: number;

  @ApiProperty({ description: "No progress for the catalogue's stall period", example: 0 })
  no_progress!: number;

  @ApiProperty({ description: 'The person did not contact the office in time after the DID (or the benefit claim)', example: 0 })
  first_contact_missed!: number;
}

/**
 * The offices' figures: a snapshot of the journeys now, and what happened in the period. (The read model's `Kpis` keys
 * stages and reasons by any string; here every stage and reason is a documented property.)
 */
/** Journeys by GOL path (every path is present, 0 included). */
export class JourneysByGolPathDto {
  @ApiProperty({ name: '1', description: 'Path 1 – reinserimento lavorativo', example: 20 })
  '1'!: number;

  @ApiProperty({ name: '2', description: 'Path 2 – aggiornamento (upskilling)', example: 10 })
  '2'!: number;

  @ApiProperty({ name: '3', description: 'Path 3 – riqualificazione (reskilling)', example: 8 })
  '3'!: number;

  @ApiProperty({ name: '4', description: 'Path 4 – lavoro e inclusione', example: 2 })
  '4'!: number;

  @ApiProperty({ name: '5', description: 'Path 5 – ricollocazione collettiva', example: 1 })
  '5'!: number;
}

/**
 * Issue 15: GOL's monitoring figures of a set of journeys. People taken in charge: journeys whose presa in carico falls
 * in the period. The vulnerable share's denominator is those of them with monitoring data (given at the start or with
 * `POST /journeys/{journeyId}/monitoring`); a person counts once as vulnerable if a woman, long-term unemployed,
 * disabled (L. 68/1999), under 30 or 55 and over at the DID.
 */
export class GolMonitoringFiguresDto {
  @ApiProperty({ description: 'Journeys taken in charge (presa in carico) in the period', example: 40 })
  takenInCharge!: number;

  @ApiProperty({ description: 'Of those, by GOL path (every path present, 0 included; journeys without a path are in none)', type: () => JourneysByGolPathDto })
  takenInChargeByPath!: JourneysByGolPathDto;

  @ApiProperty({ description: 'Of those, with monitoring data: the denominator of the vulnerable share', example: 36 })
  withMonitoringData!: number;

  @ApiProperty({ description: 'Of those with monitoring data, the people GOL counts as vulnerable (each once)', example: 28 })
  vulnerable!: number;

  @ApiProperty({ description: '`vulnerable` / `withMonitoringData`, three decimals; null when none has monitoring data', example: 0.778, nullable: true, type: Number })
  vulnerableShare!: number | null;

  @ApiProperty({ description: "GOL's target share of vulnerable people (PNRR M5C1): 0.75", example: 0.75 })
  vulnerableTarget!: number;

  @ApiProperty({ description: 'Whether the share reaches the target (on the exact fraction); null when none has monitoring data', example: true, nullable: true, type: Boolean })
  vulnerableTargetMet!: boolean | null;

  @ApiProperty({ description: 'Of those with monitoring data: women', example: 20 })
  women!: number;

  @ApiProperty({ description: 'Of those with monitoring data: unemployed for 12 months or more at the DID', example: 9 })
  longTermUnemployed!: number;

  @ApiProperty({ description: 'Of those with monitoring data: disabled under L. 68/1999', example: 2 })
  disabled!: number;

  @ApiProperty({ description: 'Of those with monitoring data: younger than 30 at the DID', example: 11 })
  under30!: number;

  @ApiProperty({ description: 'Of those with monitoring data: 55 or older at the DID', example: 5 })
  over55!: number;

  @ApiProperty({ description: 'Open journeys in training now (not limited to the period): a referral to a training body the person took up (outcome `taken_up`)', example: 4 })
  inTraining!: number;

  @ApiProperty({ description: 'Journeys closed as `placed` in the period', example: 2 })
  placed!: number;

  @ApiProperty({
    description: 'Median whole days from the DID to the Rome day the pact (version 1) came into force, over pacts in force in the period; one decimal; null when none',
    example: 21,
    nullable: true,
    type: Number,
  })
  medianDaysDidToPact!: number | null;
}

export class GolMonitoringKpisDto extends GolMonitoringFiguresDto {
  @ApiProperty({
    description: "The same figures per region of the journeys' offices (the directory's `region`, by the region's key since issue 15; `unassigned` for an office not in it), only regions with a journey counted",
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/GolMonitoringFiguresDto' },
    example: { piemonte: { takenInCharge: 3 } },
  })
  byRegion!: Record<string, GolMonitoringFiguresDto>;

  @ApiProperty({
    description: "The same figures per office in scope (by office id), only offices with a journey counted: the console's per-office charts come from this one answer",
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/GolMonitoringFiguresDto' },
    example: { 'cpi-torino': { takenInCharge: 3 } },
  })
  byOffice!: Record<string, GolMonitoringFiguresDto>;
}

export class KpisDto {
  @ApiProperty({ description: 'Journeys at each stage now (not limited to the period)', type: () => JourneysByStageDto })
  journeysByStage!: JourneysByStageDto;

  @ApiProperty({ description: 'Open journeys now', example: 40 })
  openJourneys!: number;

  @ApiProperty({ description: 'Open journeys stalled now', example: 5 })
  stalledJourneys!: number;

  @ApiProperty({ description: 'Stalled open journeys by reason, now', type: () => StalledByReasonDto })
  stalledByReason!: StalledByReasonDto;

  @ApiProperty({ description: 'Overdue pact actions of open journeys, now', example: 3 })
  overdueActions!: number;

  @ApiProperty({
    description:
      "Median days from the presa in carico to the pact in force, over pacts whose version 1 came into force in the period — accepted by the person (rules edition 2) or signed (edition 1); one decimal; null when none",
    example: 6.5,
    nullable: true,
    type: Number,
  })
  medianDaysIntakeToPact!: number | null;

  @ApiProperty({ description: "Pacts whose version 1 came into force in the period: accepted by the person (rules edition 2) or signed (edition 1). A pact signed and not yet accepted does not count", example: 12 })
  pactsInForce!: number;

  @ApiProperty({ description: "Open journeys with a version of the pact waiting for the person's acceptance now (see `GET /supervisor/pacts-awaiting-acceptance`)", example: 2 })
  pactsAwaitingAcceptance!: number;

  @ApiProperty({ description: 'Open journeys suspended now by a job of up to six months (stage `suspended`, art. 19 c.3 D.lgs. 150/2015; see `GET /supervisor/paused-journeys`)', example: 1 })
  suspendedJourneys!: number;

  @ApiProperty({ description: 'Open journeys in a justified long absence now (their clocks paused; see `GET /supervisor/paused-journeys`)', example: 1 })
  absentJourneys!: number;

  @ApiProperty({ description: 'Journeys closed as `placed` in the period', example: 2 })
  placements!: number;

  @ApiProperty({
    description: 'Placements in the period by programme (only programmes with at least one)',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'GOL-1': 2 },
  })
  placementsByProgramme!: Record<string, number>;

  @ApiProperty({ description: "Hours delivered so far per service over the offices' journeys (not limited to the period)", type: () => ServiceHoursDto })
  serviceHours!: ServiceHoursDto;

  @ApiProperty({ description: "Conditionality steps waiting for an operator's decision now", example: 1 })
  proposedSteps!: number;

  @ApiProperty({ description: 'Conditionality steps confirmed in the period and still in force (annulled ones are not counted)', example: 0 })
  confirmedSteps!: number;

  @ApiProperty({ description: 'Conditionality steps confirmed in the period and annulled on appeal since', example: 0 })
  annulledSteps!: number;

  @ApiProperty({ description: 'Appeals lodged and waiting for their outcome now', example: 0 })
  appealsPending!: number;

  @ApiProperty({ description: 'Confirmed steps whose notification to the person is not recorded yet (no appeal deadline yet) now', example: 0 })
  stepsAwaitingNotification!: number;

  @ApiProperty({ description: 'Open journeys by the status of their benefit now (`none`: no benefit claimed); conditionality applies to `claimed` and `granted`', type: () => JourneysByBenefitStatusDto })
  journeysByBenefitStatus!: JourneysByBenefitStatusDto;

  @ApiProperty({ description: "Issue 15: open journeys by their benefit's kind and status now (ADI and SFL suspended for a missed presentation among `suspended`)", type: () => JourneysByBenefitKindDto })
  journeysByBenefitKind!: JourneysByBenefitKindDto;
  @ApiProperty({ description: 'Journeys by GOL path now, any status (not limited to the period): the path chosen at the end of the assessment, or the GOL-n programme a journey started under', type: () => JourneysByGolPathDto })
  journeysByGolPath!: JourneysByGolPathDto;

  @ApiProperty({ description: 'Open journeys in the GOL assessment now (started under `GOL`, path not chosen yet)', example: 3 })
  journeysInAssessment!: number;

  @ApiProperty({ description: "Open journeys whose last GOL profiling is due for review now (past the catalogue's `profilingReview`)", example: 1 })
  profilingReviewsDue!: number;

  @ApiProperty({ description: "Issue 15: what GOL's monitoring counts, over the offices in scope and per region of their offices", type: () => GolMonitoringKpisDto })
  gol!: GolMonitoringKpisDto;
}
