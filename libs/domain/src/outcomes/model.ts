import type { EventEnvelope } from '../journey/event';

/** How a journey ends: a placement, or a closure for another reason. */

/**
 * Why a journey ended: `placed` (with the placement recorded), `path_completed` (every required service done),
 * `withdrawn` (the person left the path), `transferred` (to another office or operator), `unreachable`,
 * `status_lost` (the person is no longer unemployed for another reason), `decadenza` (only from a confirmed
 * conditionality step), `other`.
 */
export const CLOSURE_REASONS = ['placed', 'path_completed', 'withdrawn', 'transferred', 'unreachable', 'status_lost', 'decadenza', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'temporary_agency', 'self_employment', 'other'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export interface JourneyClosedData {
  reason: ClosureReason;
  operatorId: string;
  details: string | null;
  closedAt: string;
  /** The next episode a transfer to another path opened (`transferred` by `TransferJourney`; absent otherwise). */
  nextJourneyId?: string;
}

export interface PlacementRecordedData {
  employer: string;
  contractType: ContractType;
  /** YYYY-MM-DD. */
  startDate: string;
  hoursPerWeek: number | null;
  operatorId: string;
  /** The offer this placement comes from, if one was recorded. */
  offerId: string | null;
}

export interface CloseJourneyCommand {
  type: 'CloseJourney';
  reason: ClosureReason;
  operatorId: string;
  details?: string;
}

/** The placement: recorded with its details, it closes the journey as `placed`. */
export interface RecordPlacementCommand {
  type: 'RecordPlacement';
  employer: string;
  contractType: ContractType;
  startDate: string;
  hoursPerWeek?: number;
  offerId?: string;
  operatorId: string;
}

export type OutcomesCommand = CloseJourneyCommand | RecordPlacementCommand;

export type JourneyClosed = EventEnvelope<'JourneyClosed', JourneyClosedData>;
export type PlacementRecorded = EventEnvelope<'PlacementRecorded', PlacementRecordedData>;
export type OutcomesEvent = JourneyClosed | PlacementRecorded;

export interface OutcomesSlice {
  closure: JourneyClosedData | null;
  placement: (PlacementRecordedData & { recordedAt: string }) | null;
}
