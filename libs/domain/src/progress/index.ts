import { addClockDuration } from '../clocks/clock-durations';
import type { ClockedDeadline } from '../journey/deadlines';
import { feature, type Feature } from '../journey/feature';
import type { Drafter, Evolvers, NoticeMakers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import type { NoProgressDetected, PROGRESS_DEADLINE_KINDS, ProgressEvent } from './model';

/** What an event that moves the journey forward adds to its fold: progress now, no stall. */
export function progressed(state: JourneyState, at: string): JourneyState {
  return { ...state, lastProgressAt: at, noProgressSince: null };
}

function deadlines(state: JourneyState): ClockedDeadline[] {
  const { stallAfter } = state.clocks;
  return stallAfter && state.noProgressSince === null ? [{ at: addClockDuration(state, state.lastProgressAt, stallAfter), since: state.lastProgressAt, kind: 'no_progress' }] : [];
}

const drafters: Record<(typeof PROGRESS_DEADLINE_KINDS)[number], Drafter> = {
  no_progress: (state) => [{ type: 'NoProgressDetected', data: { lastProgressAt: state.lastProgressAt } }],
};

const evolvers: Evolvers<ProgressEvent['type']> = {
  NoProgressDetected: (state, event: NoProgressDetected) => ({ ...state, noProgressSince: event.at }),
};

const notices: NoticeMakers<ProgressEvent['type']> = { NoProgressDetected: silent };

const stall = { evolvers, notices, deadlines, drafters, stallCauses: { no_progress: (state: JourneyState) => state.noProgressSince } };

export const progress: Feature<never, ProgressEvent['type'], (typeof PROGRESS_DEADLINE_KINDS)[number], 'no_progress'> = feature(stall);
