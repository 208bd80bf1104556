import { addClockDuration } from '../clocks/clock-durations';
import { isIsoDate, romeDateOf, romeStartOfDay } from '../dates';
import type { ClockedDeadline, Deadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { PROFILING_CLASSES } from '../pact/model';
import { progressed } from '../progress';
import { openAssessment } from './assessment-state';
import {
  PROFILING_SCORE_RANGE,
  type ASSESSMENT_DEADLINE_KINDS,
  type ProfilingClassChanged,
  type ProfilingRecorded,
  type ProfilingReviewDue,
  type RecordProfilingCommand,
} from './model';

/**
 * The quantitative profiling: the national model's score and class, recorded as given, with the day it was computed.
 * A later one is a review; a change of class is its own event and tells the operator. The catalogue's
 * `profilingReview` period (GOL: P90D) from the last profiling is a deadline: past it the operator is told once, and
 * the next profiling clears it and starts the period again.
 */

function recordProfiling(state: JourneyState, c: RecordProfilingCommand, now: string): Outcome {
  if (!state.assessment) return refusal('NOT_IN_ASSESSMENT', `the journey runs under ${state.programmeCode}, started without the GOL assessment`);
  const { min, max } = PROFILING_SCORE_RANGE;
  if (typeof c.score !== 'number' || !Number.isFinite(c.score) || c.score < min || c.score > max) {
    return refusal('INVALID_VALUE', `must be the national model's score, a number from ${min} to ${max}`, 'score');
  }
  const invalid = requireOneOf(c.profilingClass, PROFILING_CLASSES, 'profilingClass') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (typeof c.profiledOn !== 'string' || !isIsoDate(c.profiledOn)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'profiledOn');
  if (c.profiledOn > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'profiledOn');
  if (c.profiledOn < state.didDate) return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'profiledOn');
  const previous = state.assessment?.profiling ?? null;
  if (previous && c.profiledOn < previous.profiledOn) return refusal('INVALID_DATE', `cannot precede the last profiling, of ${previous.profiledOn}`, 'profiledOn');
  const recorded = { type: 'ProfilingRecorded' as const, data: { score: c.score, profilingClass: c.profilingClass, profiledOn: c.profiledOn, operatorId: c.operatorId, review: previous !== null } };
  if (!previous || previous.profilingClass === c.profilingClass) return [recorded];
  return [recorded, { type: 'ProfilingClassChanged', data: { from: previous.profilingClass, to: c.profilingClass, profiledOn: c.profiledOn, operatorId: c.operatorId } }];
}

/** When the review of the last profiling falls due (null: no profiling, or the catalogue sets no review period). */
export function profilingReviewDueAt(state: JourneyState): string | null {
  const profiling = state.assessment?.profiling;
  const period = state.clocks.profilingReview;
  return profiling && period ? addClockDuration(state, romeStartOfDay(profiling.profiledOn), period) : null;
}

function deadlines(state: JourneyState): ClockedDeadline[] {
  const profiling = state.assessment?.profiling;
  if (!profiling || state.assessment?.profilingReviewDueAt) return [];
  const at = profilingReviewDueAt(state);
  // Its clock starts with the profiling (the day the model computed it): a pause since moves it on.
  return at ? [{ at, since: romeStartOfDay(profiling.profiledOn), kind: 'profiling_review' }] : [];
}

const drafters: Record<(typeof ASSESSMENT_DEADLINE_KINDS)[number], Drafter> = {
  profiling_review: (state: JourneyState, d: Deadline) => [{ type: 'ProfilingReviewDue', data: { dueAt: d.at, profiledOn: state.assessment!.profiling!.profiledOn } }],
};

export const profiling = {
  deciders: { RecordProfiling: recordProfiling },
  evolvers: {
    ProfilingRecorded: (state: JourneyState, event: ProfilingRecorded): JourneyState => {
      const { score, profilingClass, profiledOn, operatorId } = event.data;
      const given = { score, profilingClass, profiledOn };
      const assessment = openAssessment(state);
      return { ...progressed(state, event.at), assessment: { ...assessment, profiling: { ...given, recordedBy: operatorId, recordedAt: event.at }, profilingReviewDueAt: null } };
    },
    // The class is already the new one (`ProfilingRecorded` comes first): the change is for the record and the notice.
    ProfilingClassChanged: (state: JourneyState): JourneyState => state,
    ProfilingReviewDue: (state: JourneyState, event: ProfilingReviewDue): JourneyState => ({ ...state, assessment: { ...openAssessment(state), profilingReviewDueAt: event.data.dueAt } }),
  },
  notices: {
    ProfilingRecorded: silent,
    ProfilingClassChanged: (event: ProfilingClassChanged, state: JourneyState) =>
      notice(state, event, 'profiling_class_changed', ['operator'], `profiling-class@${event.data.profiledOn}@${event.data.to}`, {
        profiledOn: event.data.profiledOn,
        profilingClassFrom: event.data.from,
        profilingClassTo: event.data.to,
      }),
    ProfilingReviewDue: (event: ProfilingReviewDue, state: JourneyState) =>
      notice(state, event, 'profiling_review_due', ['operator'], `profiling-review@${event.data.dueAt}`, { dueAt: event.data.dueAt, profiledOn: event.data.profiledOn }),
  },
  deadlines,
  drafters,
};
