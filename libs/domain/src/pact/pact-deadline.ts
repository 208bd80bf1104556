import { addClockDuration } from '../clocks/clock-durations';
import type { ClockedDeadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice } from '../journey/notice';
import type { PACT_SIGNING_DEADLINE_KINDS, PactDeadlineEscalated, PactDeadlineMissed } from './model';

/** The catalogue's deadline for signing the pact after the presa in carico, and its escalation. */

/** When the pact must be signed by: the catalogue's pact deadline after the presa in carico. */
export function pactDeadlineAt(state: JourneyState): string | null {
  if (!state.intake || !state.clocks.pactDeadline) return null;
  return addClockDuration(state, pactClockStart(state), state.clocks.pactDeadline);
}

/**
 * When the pact's clock starts: the presa in carico, or — in GOL, when it was recorded during the assessment — the
 * choice of the path, before which no pact can be signed (issue 14; journeys without a chosen path: the intake).
 */
function pactClockStart(state: JourneyState): string {
  const taken = state.intake!.takenInChargeAt;
  const chosen = state.assessment?.path?.chosenAt;
  return chosen && chosen > taken ? chosen : taken;
}

function pactDeadlines(state: JourneyState): ClockedDeadline[] {
  const { clocks } = state;
  if (state.stage !== 'awaiting_pact' || !state.intake || !clocks.pactDeadline) return [];
  const deadlineAt = pactDeadlineAt(state)!;
  if (state.pactDeadlineMissedAt === null) return [{ at: deadlineAt, since: pactClockStart(state), kind: 'pact_deadline' }];
  if (clocks.escalationAfter && state.pactDeadlineEscalatedAt === null) {
    return [{ at: addClockDuration(state, deadlineAt, clocks.escalationAfter), since: state.pactDeadlineMissedAt, kind: 'pact_escalation' }];
  }
  return [];
}

const drafters: Record<(typeof PACT_SIGNING_DEADLINE_KINDS)[number], Drafter> = {
  pact_deadline: (_state, d) => [{ type: 'PactDeadlineMissed', data: { deadlineAt: d.at } }],
  pact_escalation: (state) => [{ type: 'PactDeadlineEscalated', data: { deadlineAt: pactDeadlineAt(state)! } }],
};

const evolvers = {
  PactDeadlineMissed: (state: JourneyState, event: PactDeadlineMissed): JourneyState => ({ ...state, pactDeadlineMissedAt: event.at }),
  PactDeadlineEscalated: (state: JourneyState, event: PactDeadlineEscalated): JourneyState => ({ ...state, pactDeadlineEscalatedAt: event.at }),
};

const notices = {
  PactDeadlineMissed: (event: PactDeadlineMissed, state: JourneyState) =>
    notice(state, event, 'pact_deadline_missed', ['operator'], `pact@${event.data.deadlineAt}`, { pactDeadlineAt: event.data.deadlineAt }),
  PactDeadlineEscalated: (event: PactDeadlineEscalated, state: JourneyState) =>
    notice(state, event, 'pact_deadline_escalation', ['supervisor'], `pact@${event.data.deadlineAt}`, { pactDeadlineAt: event.data.deadlineAt }),
};

function pactNotSignedStall(state: JourneyState): string | null {
  return state.stage === 'awaiting_pact' ? state.pactDeadlineMissedAt : null;
}

export const pactDeadline = {
  evolvers,
  notices,
  deadlines: pactDeadlines,
  drafters,
  stallCauses: { pact_not_signed: pactNotSignedStall },
};
