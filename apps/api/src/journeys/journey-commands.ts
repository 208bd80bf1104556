import type { GenericJourneyCommand, ServiceCode } from '@sal/domain';
import type { CancelAppointmentDto, RecordAppointmentOutcomeDto, RescheduleAppointmentDto, ScheduleAppointmentDto } from './dto/appointments.dto';
import type { AmendPactDto } from './dto/amend-pact.dto';
import type { ConfirmConditionalityStepDto, DismissConditionalityStepDto, JustifyLapseDto } from './dto/conditionality.dto';
import type { RecordJobOfferDto, RecordOfferResponseDto } from './dto/offers.dto';
import type { RecordPlacementDto } from './dto/placement.dto';
import type { MakeReferralDto, RecordReferralOutcomeDto } from './dto/referrals.dto';
import type { RecordServiceDeliveryDto } from './dto/service-delivery.dto';

/**
 * Validated request bodies (and path ids) as the journey's commands: only the fields the command has, optional ones
 * only when given. They travel through the one `journeyCommand` update, their `type` saying which.
 */
export const journeyCommands = {
  recordServiceDelivery: (service: ServiceCode, d: RecordServiceDeliveryDto): GenericJourneyCommand => ({
    type: 'RecordServiceDelivery',
    service,
    operatorId: d.operatorId,
    hours: d.hours,
    ...defined({ outputs: d.outputs as GenericOutputs, deliveredAt: d.deliveredAt, completesService: d.completesService }),
  }),
  scheduleAppointment: (d: ScheduleAppointmentDto): GenericJourneyCommand => ({
    type: 'ScheduleAppointment',
    service: d.service,
    purpose: d.purpose,
    at: d.at,
    channel: d.channel,
    convocation: d.convocation,
    operatorId: d.operatorId,
    ...defined({ location: d.location }),
  }),
  rescheduleAppointment: (appointmentId: string, d: RescheduleAppointmentDto): GenericJourneyCommand => ({
    type: 'RescheduleAppointment',
    appointmentId,
    at: d.at,
    operatorId: d.operatorId,
    ...defined({ channel: d.channel, location: d.location, convocation: d.convocation, reason: d.reason }),
  }),
  cancelAppointment: (appointmentId: string, d: CancelAppointmentDto): GenericJourneyCommand => ({
    type: 'CancelAppointment',
    appointmentId,
    operatorId: d.operatorId,
    reason: d.reason,
  }),
  recordAppointmentOutcome: (appointmentId: string, d: RecordAppointmentOutcomeDto): GenericJourneyCommand => ({
    type: 'RecordAppointmentOutcome',
    appointmentId,
    outcome: d.outcome,
    operatorId: d.operatorId,
  }),
  recordJobOffer: (d: RecordJobOfferDto): GenericJourneyCommand => ({
    type: 'RecordJobOffer',
    employer: d.employer,
    position: d.position,
    suitable: d.suitable,
    communicatedBy: d.communicatedBy,
    operatorId: d.operatorId,
  }),
  recordOfferResponse: (offerId: string, d: RecordOfferResponseDto): GenericJourneyCommand => ({
    type: 'RecordOfferResponse',
    offerId,
    response: d.response,
    operatorId: d.operatorId,
  }),
  justifyLapse: (lapseId: string, d: JustifyLapseDto): GenericJourneyCommand => ({
    type: 'JustifyLapse',
    lapseId,
    reason: d.reason,
    operatorId: d.operatorId,
    ...defined({ evidenceRef: d.evidenceRef, impedimentEndedAt: d.impedimentEndedAt }),
  }),
  confirmConditionalityStep: (stepId: string, d: ConfirmConditionalityStepDto): GenericJourneyCommand => ({
    type: 'ConfirmConditionalityStep',
    stepId,
    operatorId: d.operatorId,
    ...defined({ note: d.note }),
  }),
  dismissConditionalityStep: (stepId: string, d: DismissConditionalityStepDto): GenericJourneyCommand => ({
    type: 'DismissConditionalityStep',
    stepId,
    operatorId: d.operatorId,
    reason: d.reason,
  }),
  amendPact: (d: AmendPactDto): GenericJourneyCommand => ({
    type: 'AmendPact',
    operatorId: d.operatorId,
    reason: d.reason,
    ...defined({
      responsibleOperatorId: d.responsibleOperatorId,
      profilingClass: d.profilingClass,
      contactFrequency: d.contactFrequency,
      jobSearchProof: d.jobSearchProof,
      availability: d.availability && { workshops: d.availability.workshops, training: d.availability.training, suitableOffers: d.availability.suitableOffers },
      changeActions: d.changeActions?.map((c) => ({ actionId: c.actionId, ...defined({ dueDate: c.dueDate, description: c.description }) })),
      addActions: d.addActions?.map((a) => ({ kind: a.kind, description: a.description, dueDate: a.dueDate })),
      withdrawActionIds: d.withdrawActionIds && [...d.withdrawActionIds],
    }),
  }),
  makeReferral: (d: MakeReferralDto): GenericJourneyCommand => ({
    type: 'MakeReferral',
    to: d.to,
    organisation: d.organisation,
    reason: d.reason,
    operatorId: d.operatorId,
  }),
  recordReferralOutcome: (referralId: string, d: RecordReferralOutcomeDto): GenericJourneyCommand => ({
    type: 'RecordReferralOutcome',
    referralId,
    outcome: d.outcome,
    operatorId: d.operatorId,
    ...defined({ note: d.note }),
  }),
  recordPlacement: (d: RecordPlacementDto): GenericJourneyCommand => ({
    type: 'RecordPlacement',
    employer: d.employer,
    contractType: d.contractType,
    startDate: d.startDate,
    operatorId: d.operatorId,
    ...defined({ hoursPerWeek: d.hoursPerWeek, offerId: d.offerId }),
  }),
};

/** The outputs as given: the journey checks them against the service's fields. */
type GenericOutputs = Extract<GenericJourneyCommand, { type: 'RecordServiceDelivery' }>['outputs'];

/** The entries whose value is neither undefined nor null (optional inputs the client left out). */
export function defined<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null)) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
