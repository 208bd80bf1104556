import type { LegalClockName } from '../clocks/clock-table';
import type { JourneyState } from '../journey/model';
import { inForce } from './appeals';
import type { ConditionalityLadder, SanctionEffect } from './model';

/**
 * The conditionality ladders of art. 21 c.7 (NASpI / DIS-COLL recipients), each counted separately: the sanction of
 * the 1st, 2nd, 3rd confirmed step. The law, not a regional choice, so it is code.
 */
export const CONDITIONALITY_LADDER_EFFECTS: Record<ConditionalityLadder, readonly SanctionEffect[]> = {
  appointments: ['quarter_month_cut', 'one_month_cut', 'decadenza'],
  training: ['one_month_cut', 'decadenza'],
  suitable_offer: ['decadenza'],
};

/** The legal clock within which a lapse on each ladder may be justified (a no-show the next day, an offer's refusal in 2 working days). */
export const JUSTIFICATION_WINDOWS: Record<ConditionalityLadder, LegalClockName> = {
  appointments: 'justificationWindow',
  training: 'justificationWindow',
  suitable_offer: 'offerExcuseWindow',
};

/**
 * The step a ladder reaches next: its ordinal (steps in force so far + 1) and the sanction it carries. A step annulled
 * on appeal no longer counts (art. 21 c.12 D.lgs. 150/2015); a partly annulled one still counts, with its lesser effect.
 */
export function nextStepOn(state: JourneyState, ladder: ConditionalityLadder): { ordinal: number; effect: SanctionEffect } {
  const confirmed = state.conditionalitySteps.filter((s) => s.ladder === ladder && inForce(s)).length;
  const effects = CONDITIONALITY_LADDER_EFFECTS[ladder];
  return { ordinal: confirmed + 1, effect: effects[Math.min(confirmed, effects.length - 1)] };
}
