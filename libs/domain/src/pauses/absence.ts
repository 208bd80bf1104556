import { canonicalInstant, isIsoDate, romeDateOf, romeEndOfDay, romeStartOfDay, toMillis } from '../dates';
import type { ClockedDeadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { nextId, refusal, requireText, type Outcome } from '../journey/rules';
import { GOL_ABSENCE_REASONS, type AbsenceEnded, type AbsenceReason, type AbsenceRecorded, type EndAbsenceCommand, type PauseState, type RecordAbsenceCommand } from './model';

/**
 * A justified long absence (an illness, a maternity, a course abroad: the catalogue's closed list, pinned at start)
 * pauses every clock of the journey for its duration without changing its stage: the pause runs from the start of
 * its first day and ends at the end of its last day (a fixed deadline), or earlier when the operator ends it.
 * Overlapping an other pause, the time counts once (`clock.ts`). Only the reason is kept, never the evidence.
 */

/** The absence reasons the journey accepts: those its catalogue listed at start, or the GOL list. */
export function absenceReasonsOf(state: Pick<JourneyState, 'absenceReasons'>): readonly AbsenceReason[] {
  return state.absenceReasons ?? GOL_ABSENCE_REASONS;
}

/** The absence running, or null (the latest, should two overlap). */
export function runningAbsence(state: Pick<JourneyState, 'pauses'>): PauseState | null {
  return state.pauses.filter((p) => p.kind === 'absence' && p.endedAt === null).at(-1) ?? null;
}

function recordAbsence(state: JourneyState, c: RecordAbsenceCommand, now: string): Outcome {
  const reasons = absenceReasonsOf(state);
  if (!reasons.includes(c.reason)) return refusal('ABSENCE_REASON_NOT_APPLICABLE', `must be one of the catalogue's absence reasons: ${reasons.join(', ')}`, 'reason');
  const invalid = requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (typeof c.fromDate !== 'string' || !isIsoDate(c.fromDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'fromDate');
  if (c.fromDate < state.didDate) return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'fromDate');
  if (c.fromDate > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future: an absence is recorded once it has begun', 'fromDate');
  if (typeof c.toDate !== 'string' || !isIsoDate(c.toDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'toDate');
  if (c.toDate < c.fromDate) return refusal('INVALID_DATE', 'cannot precede fromDate', 'toDate');
  if (c.toDate < romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the past: an absence over already is recorded with its last day today at the latest', 'toDate');
  const running = runningAbsence(state);
  if (running) return refusal('ABSENCE_ALREADY_RUNNING', `absence ${running.pauseId} runs: end it (EndAbsence) before recording another`);
  const pauseId = nextId('P', state.pauses.map((p) => p.pauseId));
  return [
    {
      type: 'AbsenceRecorded',
      data: { pauseId, reason: c.reason, fromDate: c.fromDate, toDate: c.toDate, from: romeStartOfDay(c.fromDate), expectedEnd: romeEndOfDay(c.toDate), operatorId: c.operatorId },
    },
  ];
}

function endAbsence(state: JourneyState, c: EndAbsenceCommand, now: string): Outcome {
  const found = state.pauses.find((p) => p.kind === 'absence' && p.pauseId === c.pauseId);
  if (!found) return refusal('ABSENCE_NOT_FOUND', `the journey has no absence ${String(c.pauseId)}`);
  if (found.endedAt !== null) return refusal('ABSENCE_ALREADY_ENDED', `absence ${found.pauseId} ended on ${found.endedAt}`);
  const invalid = requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (typeof c.endDate !== 'string' || !isIsoDate(c.endDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'endDate');
  if (toMillis(romeEndOfDay(c.endDate)) < toMillis(found.from)) return refusal('INVALID_DATE', 'cannot precede the first day of the absence', 'endDate');
  if (c.endDate > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future: end the absence on its last day or after', 'endDate');
  const endedAt = canonicalInstant(Math.min(toMillis(romeEndOfDay(c.endDate)) + 1, toMillis(now)));
  return [{ type: 'AbsenceEnded', data: { pauseId: found.pauseId, endedAt, operatorId: c.operatorId } }];
}

function absenceDeadlines(state: JourneyState): ClockedDeadline[] {
  return state.pauses
    .filter((p) => p.kind === 'absence' && p.endedAt === null && p.expectedEnd !== null)
    .map((p) => ({ at: canonicalInstant(toMillis(p.expectedEnd!) + 1), since: p.from, fixed: true as const, kind: 'absence_end' }));
}

const drafters: Record<'absence_end', Drafter> = {
  absence_end: (state, d) => {
    const p = state.pauses.find((x) => x.kind === 'absence' && x.endedAt === null && canonicalInstant(toMillis(x.expectedEnd!) + 1) === d.at);
    return p ? [{ type: 'AbsenceEnded', data: { pauseId: p.pauseId, endedAt: d.at, operatorId: null } }] : [];
  },
};

const evolvers = {
  AbsenceRecorded: (state: JourneyState, event: AbsenceRecorded): JourneyState => {
    const d = event.data;
    const pause: PauseState = { pauseId: d.pauseId, kind: 'absence', from: d.from, endedAt: null, expectedEnd: d.expectedEnd, job: null, resumeStage: null, absenceReason: d.reason, operatorId: d.operatorId, endedBy: null };
    return { ...state, pauses: [...state.pauses, pause] };
  },
  AbsenceEnded: (state: JourneyState, event: AbsenceEnded): JourneyState => ({
    ...state,
    pauses: state.pauses.map((p) => (p.pauseId === event.data.pauseId ? { ...p, endedAt: event.data.endedAt, endedBy: event.data.operatorId === null ? 'expected_end' : 'operator' } : p)),
  }),
};

export const absence = {
  deciders: { RecordAbsence: recordAbsence, EndAbsence: endAbsence },
  evolvers,
  notices: { AbsenceRecorded: silent, AbsenceEnded: silent },
  deadlines: absenceDeadlines,
  drafters,
};
