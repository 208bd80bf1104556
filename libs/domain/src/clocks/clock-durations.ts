import { addDuration, addRomeDuration, subtractDuration, subtractRomeDuration } from '../dates';
import type { JourneyState } from '../journey/model';
import { edition } from '../journey/rules-edition';

/**
 * The clocks that are not legal deadlines (contact frequency, pact deadline, stall period, reminders, escalation) add
 * their durations on the Rome calendar from rules' edition 2 (issue 13: a daylight-saving change must not move them by
 * an hour, and month ends clamp in Rome time); edition 1 keeps the UTC calendar its recorded journeys were decided with.
 */
export function addClockDuration(state: Pick<JourneyState, 'rules'>, instant: string, duration: string): string {
  return edition(state) >= 2 ? addRomeDuration(instant, duration) : addDuration(instant, duration);
}

/** `addClockDuration` backwards (a reminder before an action or an appointment falls due). */
export function subtractClockDuration(state: Pick<JourneyState, 'rules'>, instant: string, duration: string): string {
  return edition(state) >= 2 ? subtractRomeDuration(instant, duration) : subtractDuration(instant, duration);
}
