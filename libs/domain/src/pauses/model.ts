import type { ClockPause } from './clock';
import type { EventEnvelope } from '../journey/event';
import type { ContractType } from '../outcomes/model';
import type { JourneyStage } from '../journey/model';

/**
 * Pauses of the journey's clocks: a suspension of the unemployed status by a job of up to six months (art. 19 c.3
 * D.lgs. 150/2015) or a justified long absence (the catalogue's closed list). Every clock of the journey stands still
 * while one runs (`clock.ts`).
 */
export const PAUSE_KINDS = ['job', 'absence'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

/**
 * Every reason of a justified long absence the product knows; a catalogue lists the ones its programme accepts
 * (`absenceReasons`), and a journey pins that list at start. Only the reason is kept, never its evidence (health data).
 * - `illness`: a documented illness or injury; `maternity` / `paternity`: the leave around a birth or an adoption;
 * - `training_abroad`: a training course or an internship abroad; `civil_service`: the universal civil service;
 * - `caregiving`: documented care of a family member (L. 104/1992).
 */
export const ABSENCE_REASONS = ['illness', 'maternity', 'paternity', 'training_abroad', 'civil_service', 'caregiving'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/**
 * The GOL catalogues' list (and every journey's that pinned none: started before catalogues listed absences): the
 * absences the GOL regional plans suspend the path for — illness, maternity and paternity, a course abroad, civil
 * service. Caregiving is known but left to the regions that grant it.
 */
export const GOL_ABSENCE_REASONS: readonly AbsenceReason[] = ['illness', 'maternity', 'paternity', 'training_abroad', 'civil_service'];

/** The job that suspends the unemployed status, as the placement would record it. */
export interface SuspendingJob {
  employer: string;
  contractType: ContractType;
  /** The first day of work (YYYY-MM-DD), not in the future. */
  startDate: string;
  /** The day the job is expected to end (YYYY-MM-DD): at most six months after it started. */
  expectedEndDate: string;
  hoursPerWeek: number | null;
}

export interface PauseState extends ClockPause {
  pauseId: string;
  kind: PauseKind;
  /** When the pause is expected to end: the end of the job's expected last day, or of the absence's last day. */
  expectedEnd: string | null;
  /** The job (kind `job`), or null. */
  job: SuspendingJob | null;
  /** The stage the journey returns to when the suspension ends (kind `job`), or null. */
  resumeStage: JourneyStage | null;
  /** The absence's reason (kind `absence`), or null. */
  absenceReason: AbsenceReason | null;
  /** Who recorded it. */
  operatorId: string;
  /** Why it ended: the operator, its expected end passed (an absence), or the six-month limit (a suspension). */
  endedBy: 'operator' | 'expected_end' | 'six_month_limit' | null;
}

export interface PausesSlice {
  /** Every pause of the journey, oldest first (ended ones kept: they moved the deadlines). */
  pauses: PauseState[];
  /** The catalogue's absence reasons, pinned at start (null: pinned none, the GOL list applies). */
  absenceReasons: AbsenceReason[] | null;
}

// --- Commands -----------------------------------------------------------------------------------------------------

/** A job of up to six months suspends the unemployed status: stage `suspended`, every clock paused. */
export interface SuspendForJobCommand {
  type: 'SuspendForJob';
  employer: string;
  contractType: ContractType;
  startDate: string;
  expectedEndDate: string;
  hoursPerWeek?: number;
  operatorId: string;
}

/** The job ended (on `endDate`): the journey returns to its stage and its clocks run again, later by the pause. */
export interface EndSuspensionCommand {
  type: 'EndSuspension';
  endDate: string;
  operatorId: string;
}

/** A justified long absence from the catalogue's list pauses the clocks from `fromDate` to `toDate` (both included). */
export interface RecordAbsenceCommand {
  type: 'RecordAbsence';
  reason: AbsenceReason;
  fromDate: string;
  toDate: string;
  operatorId: string;
}

/** The absence ended early, or on its actual end (`endDate`, the last day of absence). */
export interface EndAbsenceCommand {
  type: 'EndAbsence';
  pauseId: string;
  endDate: string;
  operatorId: string;
}

export type PausesCommand = SuspendForJobCommand | EndSuspensionCommand | RecordAbsenceCommand | EndAbsenceCommand;

// --- Events -------------------------------------------------------------------------------------------------------

export interface JourneySuspendedData extends SuspendingJob {
  pauseId: string;
  /** When the pause began: the start of the job's first day, Rome time. */
  from: string;
  expectedEnd: string;
  /** When a suspension still running ends the unemployed status: six months after the job started. */
  limitAt: string;
  resumeStage: JourneyStage;
  operatorId: string;
}

export interface SuspensionEndedData {
  pauseId: string;
  /** The job's last day (YYYY-MM-DD). */
  endDate: string;
  /** When the pause ended: the end of that day, or now if that is later than now. */
  endedAt: string;
  resumeStage: JourneyStage;
  operatorId: string;
}

/** A suspension ran six months: the job is longer than the law suspends for, the unemployed status is lost. */
export interface SuspensionLimitReachedData {
  pauseId: string;
  limitAt: string;
}

export interface AbsenceRecordedData {
  pauseId: string;
  reason: AbsenceReason;
  fromDate: string;
  toDate: string;
  from: string;
  expectedEnd: string;
  operatorId: string;
}

export interface AbsenceEndedData {
  pauseId: string;
  endedAt: string;
  /** The operator who ended it early; null when its expected end passed. */
  operatorId: string | null;
}

export type JourneySuspended = EventEnvelope<'JourneySuspended', JourneySuspendedData>;
export type SuspensionEnded = EventEnvelope<'SuspensionEnded', SuspensionEndedData>;
export type SuspensionLimitReached = EventEnvelope<'SuspensionLimitReached', SuspensionLimitReachedData>;
export type AbsenceRecorded = EventEnvelope<'AbsenceRecorded', AbsenceRecordedData>;
export type AbsenceEnded = EventEnvelope<'AbsenceEnded', AbsenceEndedData>;
export type PausesEvent = JourneySuspended | SuspensionEnded | SuspensionLimitReached | AbsenceRecorded | AbsenceEnded;

/** The deadlines this feature keeps and the notices it sends (the core lists every feature's in this order). */
export const PAUSE_DEADLINE_KINDS = ['suspension_limit', 'absence_end'] as const;
export const PAUSE_NOTICE_KINDS = [
  /** A suspension ran six months: the journey closed as `status_lost` (to the operator). */
  'suspension_limit_reached',
] as const;
