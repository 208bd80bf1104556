import type { JourneyState } from '../journey/model';
import type { PauseKind } from './model';

/** The pause the journey is in, as the live view shows it. */
export interface CurrentPause {
  pauseId: string;
  kind: PauseKind;
  /** When it began. */
  since: string;
  /** When it is expected to end (the job's expected end; the absence's last day's end). */
  expectedEnd: string | null;
}

/**
 * The pause running now, or null: a suspension before an absence (it changes the stage), the one begun first among
 * equals. A pause is running until an event ends it, so this needs no clock.
 */
export function currentPause(state: Pick<JourneyState, 'pauses'>): CurrentPause | null {
  const running = state.pauses.filter((p) => p.endedAt === null);
  const p = running.find((x) => x.kind === 'job') ?? running[0];
  return p ? { pauseId: p.pauseId, kind: p.kind, since: p.from, expectedEnd: p.expectedEnd } : null;
}
