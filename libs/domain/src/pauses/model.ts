import type { ClockPause } from './clock';

/**
 * Pauses of the journey's clocks: a suspension of the unemployed status by a job of up to six months (art. 19 c.3
 * D.lgs. 150/2015) or a justified long absence (the catalogue's closed list). Every clock of the journey stands still
 * while one runs (`clock.ts`).
 */
export const PAUSE_KINDS = ['job', 'absence'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

export interface PauseState extends ClockPause {
  pauseId: string;
  kind: PauseKind;
}

export interface PausesSlice {
  /** Every pause of the journey, oldest first (ended ones kept: they moved the deadlines). */
  pauses: PauseState[];
}
