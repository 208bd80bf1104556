import type { EventEnvelope } from '../journey/event';
import type { ServiceCode, ServiceOutput } from './service-table';

/** The six services: their deliveries and the progress each makes. What each service is lives in `service-table`. */
export { SERVICE_CODES, TUTORING_TOPICS, type ServiceCode, type ServiceOutput, type ServiceOutputs, type TutoringTopic } from './service-table';

export const SERVICE_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export interface ServiceDeliveredData {
  deliveryId: string;
  service: ServiceCode;
  operatorId: string;
  deliveredAt: string;
  /** Hours delivered in this session. */
  hours: number;
  outputs: ServiceOutput;
  /** Whether this delivery completes the service. */
  completesService: boolean;
}

/** A session of one of the six services, with the hours delivered and what it produced. */
export interface RecordServiceDeliveryCommand {
  type: 'RecordServiceDelivery';
  service: ServiceCode;
  operatorId: string;
  /** When it happened; defaults to now. */
  deliveredAt?: string;
  hours: number;
  outputs?: ServiceOutput;
  /** Whether this session completes the service (then its required outputs must be there). */
  completesService?: boolean;
}

export type ServicesCommand = RecordServiceDeliveryCommand;

export type ServiceDelivered = EventEnvelope<'ServiceDelivered', ServiceDeliveredData>;
export type ServicesEvent = ServiceDelivered;

export interface ServiceProgress {
  service: ServiceCode;
  status: ServiceStatus;
  /** Hours delivered so far, and in how many sessions. */
  hours: number;
  sessions: number;
  startedAt: string | null;
  completedAt: string | null;
  /** What the service produced so far (later deliveries add to or replace earlier outputs). */
  outputs: ServiceOutput;
}

export interface ServicesSlice {
  serviceProgress: ServiceProgress[];
}
