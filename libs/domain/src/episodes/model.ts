import type { CatalogueScope } from '../regions/regions';
import type { JourneyClocks, LegalClockName, RollForwardClocks } from '../clocks/clock-table';
import type { EventEnvelope } from '../journey/event';
import type { OfferSuitabilityThresholds } from '../offers/model';
import type { ServiceStep } from '../programme/catalogue';

/**
 * Episodes: a journey is one episode of a person's life with the employment services, from a DID to its closure. A
 * transfer to another path closes this episode as `transferred` and opens the next one, linked to it.
 */

/**
 * What the next episode of a transfer starts under, attached by the API (never from a request body): its id, the
 * person's reference, and the target programme's catalogue (latest version, as a start pins it). Everything else the
 * next episode starts with (person, office, DID, benefit, assessment) comes from this journey's state.
 */
export interface NextEpisodeStart {
  journeyId: string;
  programmeCode: string;
  personRef: string;
  catalogueVersion: number;
  /** Issue 15: whose catalogue that version is, as the journey's office resolves it (absent: national). */
  scope?: CatalogueScope;
  clocks: JourneyClocks;
  services: ServiceStep[] | null;
  workingDayClocks: LegalClockName[];
  rollForwardClocks?: RollForwardClocks;
  offerSuitability: Partial<OfferSuitabilityThresholds> | null;
}

/** Moves the person to another path: this journey closes as `transferred`, the next one starts in `toProgrammeCode`. */
export interface TransferJourneyCommand {
  type: 'TransferJourney';
  toProgrammeCode: string;
  reason: string;
  operatorId: string;
  /** Set by the API (the target catalogue and the next episode's id); a command without it is refused. */
  nextEpisode?: NextEpisodeStart;
}

export type EpisodesCommand = TransferJourneyCommand;

export interface JourneyTransferredData {
  toProgrammeCode: string;
  reason: string;
  operatorId: string;
  nextJourneyId: string;
  nextEpisode: NextEpisodeStart;
}

export type JourneyTransferred = EventEnvelope<'JourneyTransferred', JourneyTransferredData>;
export type EpisodesEvent = JourneyTransferred;

export interface EpisodesSlice {
  /** The transfer that closed this journey, with what the next episode starts under (null: not transferred). */
  transfer: (JourneyTransferredData & { transferredAt: string }) | null;
}
