import type { JourneyState } from '../journey/model';
import { edition } from '../journey/rules-edition';
import { refusal, type Draft, type Outcome, type Refused } from '../journey/rules';
import type { ActingOffice } from '../offices/model';

/**
 * Sanctions are the CPI's act (art. 21 c.7 and art. 23 D.lgs. 150/2015): staff of an accredited operator (D.lgs.
 * 276/2003 art. 7) report the non-compliance — the journey proposes the step when a lapse's window closes — and only
 * staff of the competent CPI confirm or dismiss it. The command names the office its caller acts from (`actingOffice`,
 * set by the API from the directory of offices, never by the caller); it must be a `cpi` and the journey's competent
 * CPI. Rules' edition 2 on journeys that pinned their office (edition 1 and journeys without an office: no check).
 */
export function sanctionAuthorityRefusal(state: JourneyState, actingOffice: ActingOffice | undefined): Refused | null {
  if (edition(state) < 2 || state.office === null) return null;
  const competent = state.office.competentCpiId;
  if (!actingOffice) return refusal('SANCTION_NOT_CPI', `only staff of the competent CPI ${competent} decide a sanction (art. 21 c.7, art. 23 D.lgs. 150/2015); the command names no acting office`);
  if (actingOffice.kind !== 'cpi') {
    return refusal('SANCTION_NOT_CPI', `office ${actingOffice.officeId} is an accredited operator: it reports non-compliance, the competent CPI ${competent} decides the sanction (art. 21 c.7, art. 23 D.lgs. 150/2015)`);
  }
  if (actingOffice.officeId !== competent) return refusal('SANCTION_NOT_CPI', `CPI ${actingOffice.officeId} is not the journey's competent CPI (${competent}): only it decides the sanction`);
  return null;
}

type StepCommand = { actingOffice?: ActingOffice };

/**
 * A step's decider under the CPI's authority: what the decider refuses (an unknown or decided step) it refuses first;
 * what it accepts is refused with `SANCTION_NOT_CPI` unless the acting office may decide (`sanctionAuthorityRefusal`),
 * and the confirmation or dismissal it writes records that office (`decidedByOffice`).
 */
export function decidedByTheCpi<C extends StepCommand, A extends unknown[]>(decide: (state: JourneyState, c: C, ...rest: A) => Outcome): (state: JourneyState, c: C, ...rest: A) => Outcome {
  return (state, c, ...rest) => {
    const outcome = decide(state, c, ...rest);
    if ('refusal' in outcome) return outcome;
    const refused = sanctionAuthorityRefusal(state, c.actingOffice);
    if (refused) return refused;
    if (edition(state) < 2 || state.office === null || !c.actingOffice) return outcome;
    const office = c.actingOffice.officeId;
    return outcome.map((draft) =>
      draft.type === 'ConditionalityStepConfirmed' || draft.type === 'ConditionalityStepDismissed' ? ({ ...draft, data: { ...draft.data, decidedByOffice: office } } as Draft) : draft,
    );
  };
}
