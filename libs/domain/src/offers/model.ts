import type { ConvocationMethod } from '../appointments/model';
import type { LapseOpened } from '../conditionality/model';
import type { EventEnvelope } from '../journey/event';

/** Job offers under the pact: refusing a suitable one (offerta congrua, art. 25) counts on its ladder. */

export interface JobOfferRecordedData {
  offerId: string;
  employer: string;
  position: string;
  /** Whether the offer is an offerta congrua (art. 25): refusing it counts on the suitable-offer ladder. */
  suitable: boolean;
  communicatedBy: ConvocationMethod;
  operatorId: string;
}

export interface OfferAcceptedData {
  offerId: string;
  operatorId: string;
}

export interface OfferRefusedData {
  offerId: string;
  operatorId: string;
  /** Absent when the offer was not a suitable one: refusing it has no consequence. */
  lapse: LapseOpened | null;
}

export interface RecordJobOfferCommand {
  type: 'RecordJobOffer';
  employer: string;
  position: string;
  suitable: boolean;
  communicatedBy: ConvocationMethod;
  operatorId: string;
}

export interface RecordOfferResponseCommand {
  type: 'RecordOfferResponse';
  offerId: string;
  response: 'accepted' | 'refused';
  operatorId: string;
}

export type OffersCommand = RecordJobOfferCommand | RecordOfferResponseCommand;

export type JobOfferRecorded = EventEnvelope<'JobOfferRecorded', JobOfferRecordedData>;
export type OfferAccepted = EventEnvelope<'OfferAccepted', OfferAcceptedData>;
export type OfferRefused = EventEnvelope<'OfferRefused', OfferRefusedData>;
export type OffersEvent = JobOfferRecorded | OfferAccepted | OfferRefused;

export interface JobOfferState extends JobOfferRecordedData {
  recordedAt: string;
  response: 'accepted' | 'refused' | null;
  respondedAt: string | null;
}

export interface OffersSlice {
  offers: JobOfferState[];
}
