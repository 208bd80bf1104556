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
 * longer ends the episode), and its own timer. Everything else is refused with `JOURNEY_SUSPENDED` (`decide.ts`).
 */
export const COMMANDS_WHILE_SUSPENDED = ['EndSuspension', 'CloseJourney', 'RecordPlacement', 'ProcessDeadlines'] as const;

/** Whether the journey is suspended by a job: stage `suspended`, its clocks paused. */
export function suspended(state: Pick<JourneyState, 'pauses'>): boolean {
  return runningSuspension(state) !== null;
}

export const pauses: Feature<PausesCommand['type'], PausesEvent['type'], (typeof PAUSE_DEADLINE_KINDS)[number], never> = feature(suspension, absence);
