import { addRomeDuration, canonicalInstant, isIsoDate, romeDateOf, romeEndOfDay, romeStartOfDay, toMillis } from '../dates';
import type { ClockedDeadline } from '../journey/deadlines';
import type { Drafter } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { notice, silent } from '../journey/notice';
import { nextId, refusal, requireOneOf, requireText, type Draft, type Outcome, type Refused } from '../journey/rules';
import { CONTRACT_TYPES } from '../outcomes/model';
import type { EndSuspensionCommand, JourneySuspended, PauseState, SuspendForJobCommand, SuspensionEnded, SuspensionLimitReached } from './model';

/**
 * A job of up to six months suspends the unemployed status (art. 19 c.3 D.lgs. 150/2015: "lo stato di
 * disoccupazione è sospeso in caso di rapporto di lavoro subordinato di durata fino a sei mesi"): the journey waits in
 * stage `suspended`, every clock paused, and returns to its stage when the job ends. A longer job is not a suspension:
 * it ends the episode (a placement). So a suspension still running six months after the job started closes the
 * journey as `status_lost`, at a fixed instant no pause moves.
 */
export const SUSPENSION_LIMIT = 'P6M';

/** The suspension running, or null. */
export function runningSuspension(state: Pick<JourneyState, 'pauses'>): PauseState | null {
  return state.pauses.find((p) => p.kind === 'job' && p.endedAt === null) ?? null;
}

/** The stage the journey stands at in its path: the one a suspension returns to, or its own. */
export function pathStage(state: Pick<JourneyState, 'pauses' | 'stage'>): JourneyState['stage'] {
  return runningSuspension(state)?.resumeStage ?? state.stage;
}

/** When a suspension of a job started on `startDate` ends the unemployed status: six months later, at the start of that day. */
export function suspensionLimitAt(startDate: string): string {
  return addRomeDuration(romeStartOfDay(startDate), SUSPENSION_LIMIT);
}

function suspendForJob(state: JourneyState, c: SuspendForJobCommand, now: string): Outcome {
  const invalid = requireText(c.employer, 'employer', 200) ?? requireOneOf(c.contractType, CONTRACT_TYPES, 'contractType') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const dates = jobDates(state, c, now);
  if (dates) return dates;
  if (c.hoursPerWeek !== undefined && (typeof c.hoursPerWeek !== 'number' || !Number.isFinite(c.hoursPerWeek) || c.hoursPerWeek <= 0 || c.hoursPerWeek > 60)) {
    return refusal('INVALID_VALUE', 'must be a number of hours above 0 and at most 60', 'hoursPerWeek');
  }
  const limitAt = suspensionLimitAt(c.startDate);
  if (c.expectedEndDate >= romeDateOf(limitAt)) {
    return refusal(
      'JOB_TOO_LONG_FOR_SUSPENSION',
      `a job expected to last beyond six months (until ${c.expectedEndDate}, the limit is the day before ${romeDateOf(limitAt)}) does not suspend the unemployed status (art. 19 c.3 D.lgs. 150/2015): it ends the episode — record the placement (RecordPlacement) or close the journey (CloseJourney)`,
      'expectedEndDate',
    );
  }
  const pauseId = nextId('P', state.pauses.map((p) => p.pauseId));
  const from = romeStartOfDay(c.startDate);
  const expectedEnd = romeEndOfDay(c.expectedEndDate);
  const reason = `suspended by a job from ${c.startDate} (art. 19 c.3 D.lgs. 150/2015)`;
  // The appointments the job covers cannot be attended: the suspension cancels them (the person is told, as for any cancellation).
  const cancelled: Draft[] = state.appointments
    .filter((a) => a.status === 'scheduled' && toMillis(a.at) >= toMillis(from) && toMillis(a.at) <= toMillis(expectedEnd))
    .map((a) => ({ type: 'AppointmentCancelled', data: { appointmentId: a.appointmentId, operatorId: c.operatorId, reason } }));
  return [
    ...cancelled,
    {
      type: 'JourneySuspended',
      data: {
        pauseId,
        employer: c.employer,
        contractType: c.contractType,
        startDate: c.startDate,
        expectedEndDate: c.expectedEndDate,
        hoursPerWeek: c.hoursPerWeek ?? null,
        from,
        expectedEnd,
        limitAt,
        resumeStage: state.stage,
        operatorId: c.operatorId,
      },
    },
  ];
}

function jobDates(state: JourneyState, c: SuspendForJobCommand, now: string): Refused | null {
  if (typeof c.startDate !== 'string' || !isIsoDate(c.startDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'startDate');
  if (c.startDate < state.didDate) return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'startDate');
  if (c.startDate > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future: the suspension is recorded once the job has started', 'startDate');
  const lastEnded = state.pauses.reduce<string | null>((last, p) => (p.endedAt && (!last || p.endedAt > last) ? p.endedAt : last), null);
  if (lastEnded && toMillis(romeStartOfDay(c.startDate)) < toMillis(lastEnded)) return refusal('INVALID_DATE', `cannot precede the end of the last pause (${lastEnded})`, 'startDate');
  if (typeof c.expectedEndDate !== 'string' || !isIsoDate(c.expectedEndDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'expectedEndDate');
  if (c.expectedEndDate < c.startDate) return refusal('INVALID_DATE', 'cannot precede the start date', 'expectedEndDate');
  return null;
}

function endSuspension(state: JourneyState, c: EndSuspensionCommand, now: string): Outcome {
  const running = runningSuspension(state);
  if (!running) return refusal('JOURNEY_NOT_SUSPENDED', 'the journey is not suspended');
  const invalid = requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (typeof c.endDate !== 'string' || !isIsoDate(c.endDate)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'endDate');
  if (c.endDate < running.job!.startDate) return refusal('INVALID_DATE', `cannot precede the job's start date ${running.job!.startDate}`, 'endDate');
  if (c.endDate > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future: the suspension ends once the job has ended', 'endDate');
  // The person is available again from the day after the job's last day; a job ending today gives the clocks back now.
  const endedAt = canonicalInstant(Math.min(toMillis(romeEndOfDay(c.endDate)) + 1, toMillis(now)));
  return [{ type: 'SuspensionEnded', data: { pauseId: running.pauseId, endDate: c.endDate, endedAt, resumeStage: running.resumeStage!, operatorId: c.operatorId } }];
}

function limitDeadlines(state: JourneyState): ClockedDeadline[] {
  const running = runningSuspension(state);
  if (!running) return [];
  const at = suspensionLimitAt(running.job!.startDate);
  return [{ at, since: running.from, fixed: true, kind: 'suspension_limit' }];
}

const drafters: Record<'suspension_limit', Drafter> = {
  suspension_limit: (state, d) => {
    const running = runningSuspension(state)!;
    return [
      { type: 'SuspensionLimitReached', data: { pauseId: running.pauseId, limitAt: d.at } },
      {
        type: 'JourneyClosed',
        data: {
          reason: 'status_lost',
          operatorId: running.operatorId,
          details: `the job with ${running.job!.employer} from ${running.job!.startDate} lasted six months: the unemployed status is lost (art. 19 c.3 D.lgs. 150/2015)`,
          closedAt: d.at,
        },
      },
    ];
  },
};

function ended(state: JourneyState, pauseId: string, endedAt: string, endedBy: PauseState['endedBy']): PauseState[] {
  return state.pauses.map((p) => (p.pauseId === pauseId ? { ...p, endedAt, endedBy } : p));
}

const evolvers = {
  JourneySuspended: (state: JourneyState, event: JourneySuspended): JourneyState => {
    const d = event.data;
    const pause: PauseState = {
      pauseId: d.pauseId,
      kind: 'job',
      from: d.from,
      endedAt: null,
      expectedEnd: d.expectedEnd,
      job: { employer: d.employer, contractType: d.contractType, startDate: d.startDate, expectedEndDate: d.expectedEndDate, hoursPerWeek: d.hoursPerWeek },
      resumeStage: d.resumeStage,
      absenceReason: null,
      operatorId: d.operatorId,
      endedBy: null,
    };
    return { ...state, stage: 'suspended', pauses: [...state.pauses, pause] };
  },
  SuspensionEnded: (state: JourneyState, event: SuspensionEnded): JourneyState => ({
    ...state,
    stage: event.data.resumeStage,
    pauses: ended(state, event.data.pauseId, event.data.endedAt, 'operator'),
  }),
  SuspensionLimitReached: (state: JourneyState, event: SuspensionLimitReached): JourneyState => ({
    ...state,
    pauses: ended(state, event.data.pauseId, event.data.limitAt, 'six_month_limit'),
  }),
};

const notices = {
  JourneySuspended: silent,
  SuspensionEnded: silent,
  SuspensionLimitReached: (event: SuspensionLimitReached, state: JourneyState) =>
    notice(state, event, 'suspension_limit_reached', ['operator'], `suspension@${event.data.pauseId}`, { suspensionLimitAt: event.data.limitAt }),
};

export const suspension = {
  deciders: { SuspendForJob: suspendForJob, EndSuspension: endSuspension },
  evolvers,
  notices,
  deadlines: limitDeadlines,
  drafters,
};
