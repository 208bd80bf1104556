import type { JourneyState } from '../journey/model';
import type { ServiceProgress } from './model';
import { SERVICE_CODES, SERVICES, type ServiceCode } from './service-table';

export function emptyProgress(service: ServiceCode): ServiceProgress {
  return { service, status: 'not_started', hours: 0, sessions: 0, startedAt: null, completedAt: null, outputs: {} };
}

export function emptyServiceProgress(): ServiceProgress[] {
  return SERVICE_CODES.map(emptyProgress);
}

export function updateService(state: JourneyState, service: ServiceCode, change: (s: ServiceProgress) => ServiceProgress): JourneyState {
  return { ...state, serviceProgress: state.serviceProgress.map((s) => (s.service === service ? change(s) : s)) };
}

/** The services the presa in carico completes, completed at `at` (started then unless a session came earlier). */
export function completeByIntake(state: JourneyState, at: string): JourneyState {
  return {
    ...state,
    serviceProgress: state.serviceProgress.map((s) =>
      // A service the table no longer knows is history: it stays as it was.
      SERVICES[s.service]?.completedBy === 'intake' ? { ...s, status: 'completed', startedAt: s.startedAt ?? at, completedAt: at } : s,
    ),
  };
}
