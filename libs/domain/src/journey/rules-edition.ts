import type { JourneyState } from './model';

/**
 * The edition of the rules a journey runs under, fixed at its start. A journey keeps its edition for life (across
 * continue-as-new), so a recorded history replays under the rules it was decided with, and a rule that changes what
 * a command or a deadline decides is written as `edition(state) >= N ? new : old`.
 *
 * - 1: the rules before 'The law, right' (issue 13); every journey started before it.
 * - 2: 'The law, right': sanctions decided by the competent CPI, appeals from the notification, offers' own excuse
 *   window and list, suitability from facts, pact acceptance, deadlines off the office's closed days.
 */
export const RULES_EDITIONS = [1, 2] as const;
export type RulesEdition = (typeof RULES_EDITIONS)[number];
export const CURRENT_RULES_EDITION: RulesEdition = 2;

export function edition(state: Pick<JourneyState, 'rules'>): RulesEdition {
  return state.rules ?? 1;
}
