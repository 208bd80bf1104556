import type { EventEnvelope } from '../journey/event';

/**
 * Issue 15, GOL monitoring: what the programme's monitoring counts of a person, with the least data needed. The
 * birth date is asked (a fiscal code's two-digit year leaves the century ambiguous, and a provisional code has none);
 * the rest are yes/no answers the person gives, no evidence is kept.
 */
export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

/** The target share of vulnerable people among those taken in charge (GOL, PNRR M5C1: at least 75%). */
export const GOL_VULNERABLE_TARGET = 0.75;

/** The youngest and oldest age, at the DID, a person of the employment services has. */
export const MONITORING_MIN_AGE = 15;
export const MONITORING_MAX_AGE = 100;

export interface MonitoringData {
  /** YYYY-MM-DD. Only the journey's state keeps it; the read model keeps the age at the DID. */
  birthDate: string;
  sex: Sex;
  /** A person with a disability under L. 68/1999 (collocamento mirato). */
  disabled: boolean;
  /** Unemployed for 12 months or more at the DID (asked, not computed). */
  longTermUnemployed: boolean;
  /** Not in employment, education or training. */
  neet: boolean;
  /** Referred by, or followed by, the social services. */
  socialServicesReferral: boolean;
}

export interface MonitoringDataRecordedData extends MonitoringData {
  operatorId: string;
}

/** Records the monitoring data of a journey started without them (once: they are then part of the journey). */
export interface RecordMonitoringDataCommand extends MonitoringData {
  type: 'RecordMonitoringData';
  operatorId: string;
}

export type MonitoringCommand = RecordMonitoringDataCommand;

export type MonitoringDataRecorded = EventEnvelope<'MonitoringDataRecorded', MonitoringDataRecordedData>;
export type MonitoringEvent = MonitoringDataRecorded;

export interface MonitoringSlice {
  /** The GOL monitoring data (null: not given at the start nor recorded since). */
  monitoring: MonitoringData | null;
}
