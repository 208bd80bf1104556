import { toView, type JourneyState } from '@sal/domain';
import type { JourneyRecord } from './entities/journey.entity';
import type { PactActionRecord } from './entities/pact-action.entity';

/**
 * The read-model rows of a journey, computed from its state alone. The live projection and the rebuild both use it,
 * so a rebuilt read model equals the live one.
 */
export function readModelRows(state: JourneyState): { journey: JourneyRecord; actions: PactActionRecord[] } {
  const view = toView(state);
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
    profilingClass: state.pact?.profilingClass ?? null,
    closedAt: date(state.closure?.closedAt),
    closureReason: state.closure?.reason ?? null,
    overdueActionCount: view.overdueActionCount,
    nextDeadlineAt: date(view.nextDeadline?.at),
    catalogueVersion: state.catalogueVersion,
    stalledSince: date(view.stalled?.since),
    stallReasons: view.stalled?.reasons ?? [],
    lastProgressAt: date(state.lastProgressAt),
    nextContactDueAt: date(view.nextContactDueAt),
    pactDeadlineAt: date(view.pactDeadlineAt),
    lastSeq: state.lastSeq,
    updatedAt: new Date(state.updatedAt),
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
      status: a.status,
      overdueSince: date(a.overdueSince),
      completedAt: date(a.completedAt),
      completedBy: a.completedBy,
      responsibleOperatorId: state.pact?.responsibleOperatorId ?? null,
      reminderSentAt: date(a.reminderSentAt),
      escalatedAt: date(a.escalatedAt),
    }),
  );
  return { journey, actions };
}

function date(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
