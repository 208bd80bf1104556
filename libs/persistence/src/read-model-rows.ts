import { ageOn, decidedStall, golPathOf, statusDeadlines, inTraining, toView, vulnerable, upgradeState, VALID_CONVOCATION_METHODS, type JourneyState } from '@sal/domain';
import type { AppointmentRecord } from './entities/appointment.entity';
import type { ConditionalityStepRecord } from './entities/conditionality-step.entity';
import type { JourneyServiceRecord } from './entities/journey-service.entity';
import type { JourneyRecord } from './entities/journey.entity';
import type { PactActionRecord } from './entities/pact-action.entity';

/** Every read-model row of one journey. */
export interface ReadModelRows {
  journey: JourneyRecord;
  actions: PactActionRecord[];
  appointments: AppointmentRecord[];
  services: JourneyServiceRecord[];
  steps: ConditionalityStepRecord[];
}

/**
 * The read-model rows of a journey, computed from its state alone. The live projection and the rebuild both use it,
 * so a rebuilt read model equals the live one. A state carried by a journey that started before the six services (an
 * in-flight activity's input) lacks their parts: it is upgraded first, as the workflow does.
 */
export function readModelRows(given: JourneyState): ReadModelRows {
  const state = upgradeState(given);
  const view = toView(state);
  const due = statusDeadlines(state);
  // Issue 17: since when its reasons fell due, not when the timers deciding them fired (`decidedStall`).
  const stall = decidedStall(state);
  const journey: JourneyRecord = {
    journeyId: state.journeyId,
    programmeCode: state.programmeCode,
    officeId: state.officeId,
    stage: state.stage,
    status: state.status,
    fiscalCode: state.beneficiary.fiscalCode,
    givenName: state.beneficiary.givenName,
    familyName: state.beneficiary.familyName,
    didDate: state.didDate,
    startedAt: new Date(state.startedAt),
    takenInChargeAt: date(state.intake?.takenInChargeAt),
    intakeOperatorId: state.intake?.operatorId ?? null,
    responsibleOperatorId: state.pact?.responsibleOperatorId ?? null,
    pactVersion: state.pact?.version ?? null,
    pactSignedAt: date(state.pact?.signedAt),
    pactInForceSince: date(state.pact ? (state.pactVersions[0]?.inForceSince ?? state.pact.signedAt) : undefined),
    pactVersionAwaitingAcceptance: view.pactVersionAwaitingAcceptance,
    pactAwaitingAcceptanceSince: date(view.pactVersionAwaitingAcceptance === null ? undefined : state.pactVersions.at(-1)?.proposedAt),
    pactAcceptanceDueAt: date(view.pactAcceptanceDueAt),
    profilingClass: state.pact?.profilingClass ?? null,
    closedAt: date(state.closure?.closedAt),
    closureReason: state.closure?.reason ?? null,
    overdueActionCount: view.overdueActionCount,
    nextDeadlineAt: date(view.nextDeadline?.at),
    catalogueVersion: state.catalogueVersion,
    catalogueScope: state.catalogueScope ?? 'national',
    stalledSince: date(stall?.since),
    stallReasons: stall?.reasons ?? [],
    lastProgressAt: date(state.lastProgressAt),
    nextContactDueAt: date(view.nextContactDueAt),
    pactDeadlineAt: date(view.pactDeadlineAt),
    nextActionDueAt: date(due.nextActionDueAt),
    pactDeadlineDueAt: date(due.pactDeadlineDueAt),
    firstContactDueAt: date(due.firstContactDueAt),
    noProgressDueAt: date(due.noProgressDueAt),
    stallsAt: date(due.stallsAt),
    benefitKind: state.benefit?.kind ?? null,
    benefitApplicationDate: state.benefit?.applicationDate ?? null,
    benefitStatus: state.benefit?.status ?? null,
    benefitStatusSince: state.benefit?.history.at(-1)?.on ?? null,
    benefitGrantedOn: state.benefit?.grantedOn ?? null,
    benefitSuspendedOn: state.benefit?.suspendedOn ?? null,
    benefitEndedOn: state.benefit?.endedOn ?? null,
    benefitEndReason: state.benefit?.endReason ?? null,
    firstContactMissedAt: date(state.firstContactMissedAt),
    totalServiceHours: view.totalServiceHours,
    proposedStepCount: view.proposedStepCount,
    nextAppointmentAt: date(view.nextAppointment?.at),
    placementEmployer: state.placement?.employer ?? null,
    placementContractType: state.placement?.contractType ?? null,
    placementStartDate: state.placement?.startDate ?? null,
    placementHoursPerWeek: state.placement?.hoursPerWeek ?? null,
    placementRecordedAt: date(state.placement?.recordedAt),
    pausedSince: date(view.pause?.since),
    pauseKind: view.pause?.kind ?? null,
    pauseExpectedEnd: date(view.pause?.expectedEnd),
    golPath: state.assessment?.path?.path ?? golPathOf(state.programmeCode),
    golProfilingClass: state.assessment?.profiling?.profilingClass ?? null,
    profiledOn: state.assessment?.profiling?.profiledOn ?? null,
    qualitativeAssessedOn: state.assessment?.qualitative?.assessedOn ?? null,
    profilingReviewDueAt: date(view.profilingReviewDueAt),
    // Issue 15: of the monitoring data only what the KPIs count (the age at the DID, not the birth date).
    ageAtDid: state.monitoring ? ageOn(state.monitoring.birthDate, state.didDate) : null,
    sex: state.monitoring?.sex ?? null,
    disabled: state.monitoring?.disabled ?? null,
    longTermUnemployed: state.monitoring?.longTermUnemployed ?? null,
    neet: state.monitoring?.neet ?? null,
    socialServicesReferral: state.monitoring?.socialServicesReferral ?? null,
    vulnerable: state.monitoring ? vulnerable(state.monitoring, state.didDate) : null,
    inTraining: inTraining(state),
    lastSeq: state.lastSeq,
    updatedAt: new Date(state.updatedAt),
    // Left out when the state has none (started before episodes), so the backfilled reference stays.
    ...(state.personRef ? { personRef: state.personRef } : {}),
    previousJourneyId: state.previousJourneyId,
    nextJourneyId: state.closure?.nextJourneyId ?? null,
  };
  const actions = state.actions.map(
    (a): PactActionRecord => ({
      journeyId: state.journeyId,
      actionId: a.actionId,
      officeId: state.officeId,
      pactVersion: state.pact?.version ?? 1,
      kind: a.kind,
      description: a.description,
      dueAt: new Date(a.dueAt),
      fallsDueAt: date(due.actions.get(a.actionId)),
      status: a.status,
      journeyOpen: state.status === 'open',
      overdueSince: date(a.overdueSince),
      completedAt: date(a.completedAt),
      completedBy: a.completedBy,
      responsibleOperatorId: state.pact?.responsibleOperatorId ?? null,
      reminderSentAt: date(a.reminderSentAt),
      escalatedAt: date(a.escalatedAt),
    }),
  );
  const updatedAt = new Date(state.updatedAt);
  const appointments = state.appointments.map(
    (a): AppointmentRecord => ({
      journeyId: state.journeyId,
      appointmentId: a.appointmentId,
      officeId: state.officeId,
      programmeCode: state.programmeCode,
      service: a.service,
      purpose: a.purpose,
      at: new Date(a.at),
      channel: a.channel,
      location: a.location,
      convocation: a.convocation,
      convocationValid: VALID_CONVOCATION_METHODS.includes(a.convocation),
      operatorId: a.operatorId,
      status: a.status,
      reminderSentAt: date(a.reminderSentAt),
      rescheduledCount: a.rescheduledCount,
      closedAt: date(a.closedAt),
      cancellationReason: a.cancellationReason,
      updatedAt,
    }),
  );
  const required = new Set((state.services ?? []).map((s) => s.service));
  const services = state.serviceProgress
    .filter((s) => required.has(s.service) || s.status !== 'not_started')
    .map(
      (s): JourneyServiceRecord => ({
        journeyId: state.journeyId,
        service: s.service,
        officeId: state.officeId,
        programmeCode: state.programmeCode,
        required: required.has(s.service),
        status: s.status,
        hours: s.hours,
        sessions: s.sessions,
        startedAt: date(s.startedAt),
        completedAt: date(s.completedAt),
      }),
    );
  const lapses = new Map(state.lapses.map((l) => [l.lapseId, l]));
  const steps = state.conditionalitySteps.map((s): ConditionalityStepRecord => {
    const lapse = lapses.get(s.lapseId);
    return {
      journeyId: state.journeyId,
      stepId: s.stepId,
      officeId: state.officeId,
      programmeCode: state.programmeCode,
      lapseId: s.lapseId,
      ladder: s.ladder,
      ordinal: s.ordinal,
      effect: s.effect,
      status: s.status,
      proposedAt: new Date(s.proposedAt),
      decidedAt: date(s.decidedAt),
      decidedBy: s.decidedBy,
      decidedByOffice: s.decidedByOffice ?? null,
      appealDueAt: date(s.appealDueAt),
      notifiedAt: date(s.notification?.notifiedAt),
      notificationMethod: s.notification?.method ?? null,
      appealLodgedOn: s.appeal?.lodgedOn ?? null,
      appealBody: s.appeal?.body ?? null,
      appealOutcome: s.appeal?.outcome?.outcome ?? null,
      appealDecidedOn: s.appeal?.outcome?.decidedOn ?? null,
      originalEffect: s.originalEffect ?? null,
      appealWindowClosedAt: date(s.appealWindowClosedAt),
      appealPending: Boolean(s.appeal && s.appeal.outcome === null),
      appointmentId: lapse?.appointmentId ?? null,
      offerId: lapse?.offerId ?? null,
      contactDueAt: date(lapse?.contactDueAt),
    };
  });
  return { journey, actions, appointments, services, steps };
}

function date(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
