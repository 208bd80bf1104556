import { canonicalInstant, isIsoInstant, romeStartOfDay, toMillis } from '../dates';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { optionalString, refusal, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import { awaitingPresaInCarico } from './first-contact';
import { completeByIntake } from '../services/progress';
import type { IntakeRecorded, RecordIntakeCommand } from './model';

function recordIntake(state: JourneyState, c: RecordIntakeCommand, now: string): Outcome {
  if (!awaitingPresaInCarico(state)) {
    return refusal('INTAKE_ALREADY_RECORDED', `the person was already taken in charge on ${state.intake?.takenInChargeAt}`);
  }
  const invalid = requireText(c.operatorId, 'operatorId') ?? optionalString(c.notes, 'notes');
  if (invalid) return invalid;
  const at = c.takenInChargeAt ?? now;
  if (!isIsoInstant(at)) return refusal('INVALID_DATE', 'must be an ISO-8601 date-time with offset', 'takenInChargeAt');
  if (toMillis(at) > toMillis(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'takenInChargeAt');
  if (toMillis(at) < toMillis(romeStartOfDay(state.didDate))) {
    return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'takenInChargeAt');
  }
  return [{ type: 'IntakeRecorded', data: { operatorId: c.operatorId, takenInChargeAt: canonicalInstant(at), notes: c.notes ?? null } }];
}

export const presaInCarico = {
  deciders: { RecordIntake: recordIntake },
  evolvers: {
    // The presa in carico also completes the services it stands for (reception). In GOL's assessment the journey stays
    // there: the pact waits for the path.
    IntakeRecorded: (state: JourneyState, event: IntakeRecorded): JourneyState =>
      completeByIntake({ ...progressed(state, event.at), intake: event.data, stage: state.stage === 'assessment' ? 'assessment' : 'awaiting_pact' }, event.data.takenInChargeAt),
  },
  notices: { IntakeRecorded: silent },
};
