import { feature, type Feature } from '../journey/feature';
import type { JourneyState } from '../journey/model';
import { absence } from './absence';
import type { PAUSE_DEADLINE_KINDS, PausesCommand, PausesEvent } from './model';
import { runningSuspension, suspension } from './suspension';

export * from './clock';
export * from './model';
export { absenceReasonsOf, runningAbsence } from './absence';
export { runningSuspension, suspensionLimitAt, SUSPENSION_LIMIT } from './suspension';
export { currentPause, type CurrentPause } from './current';

/**
 * What a suspended journey still takes: the end of the suspension, a closure, a placement (a job that turns out
 * longer ends the episode), its own timer; what INPS decides about the benefit meanwhile (a short job suspends a
 * NASpI too, art. 9 D.lgs. 22/2015); and the notification and appeal of a sanction decided before (the person's
 * 30 days run whatever the journey's pauses); the GOL monitoring data. Everything else is refused with `JOURNEY_SUSPENDED` (`decide.ts`).
 */
export const COMMANDS_WHILE_SUSPENDED = [
  'EndSuspension',
  'CloseJourney',
  'RecordPlacement',
  'ProcessDeadlines',
  'ClaimBenefit',
  'RecordBenefitGranted',
  'RecordBenefitRefused',
  'SuspendBenefit',
  'ResumeBenefit',
  'EndBenefit',
  'RecordStepNotification',
  'RecordAppeal',
  'RecordAppealOutcome',
  // GOL monitoring (issue 15): data about the person at the DID, not an action the suspension holds.
  'RecordMonitoringData',
] as const;

/** Whether the journey is suspended by a job: stage `suspended`, its clocks paused. */
export function suspended(state: Pick<JourneyState, 'pauses'>): boolean {
  return runningSuspension(state) !== null;
}

export const pauses: Feature<PausesCommand['type'], PausesEvent['type'], (typeof PAUSE_DEADLINE_KINDS)[number], never> = feature(suspension, absence);
