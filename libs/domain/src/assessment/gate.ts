import type { CommandType } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { refusal, type Refused } from '../journey/rules';
import { inAssessment } from './assessment-state';

/**
 * The commands that need the pact, or the path's catalogue: in GOL's assessment stage they are refused with
 * `GOL_PATH_NOT_CHOSEN` (the pact follows the assessment). Services follow the catalogue (`GOL`: reception and the
 * second-level interview), the presa in carico, appointments, referrals, a placement and closing are not gated; a
 * transfer to another path is (the first path is `ChooseGolPath`'s).
 */
const AFTER_PATH: readonly CommandType[] = [
  'SignPact',
  'AcceptPactVersion',
  'AmendPact',
  'CompletePactAction',
  'RecordContact',
  'RecordJobOffer',
  // A transfer moves a person between paths; in the assessment the path is chosen, not transferred to.
  'TransferJourney',
];

export function pathGate(state: JourneyState, type: CommandType): Refused | null {
  if (!inAssessment(state) || !AFTER_PATH.includes(type)) return null;
  return refusal('GOL_PATH_NOT_CHOSEN', `the GOL path is not chosen yet: ${type} follows the assessment (profiling, qualitative assessment, ChooseGolPath)`);
}
