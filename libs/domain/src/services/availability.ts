import { awaitingPresaInCarico } from '../intake/first-contact';
import type { JourneyState } from '../journey/model';
import { refusal, requireOneOf, type Refused } from '../journey/rules';
import { SERVICE_CODES, SERVICES, type ServiceCode, type ServiceOpens } from './service-table';

/** What each opening refuses at each stage before it: a service after the presa in carico, then under the pact. */
const NOT_OPEN_YET: Record<ServiceOpens, (state: JourneyState, service: ServiceCode) => Refused | null> = {
  from_start: () => null,
  after_intake: (state, service) => (awaitingPresaInCarico(state) ? refusal('INTAKE_REQUIRED', `${service} follows the presa in carico: record the intake first`) : null),
  under_pact: (state, service) =>
    NOT_OPEN_YET.after_intake(state, service) ?? (state.stage === 'awaiting_pact' || state.stage === 'assessment' ? refusal('PACT_NOT_SIGNED', `${service} runs under the signed pact`) : null),
};

/**
 * Whether the journey may deliver (or schedule) a service now: the catalogue lists it, the stage allows it (the
 * interview, the plan and the assessment after the presa in carico; tutoring and job search under a signed pact), it is
 * not completed, and — unless `ignorePrerequisites` (an appointment may be booked ahead) — its prerequisites are done.
 */
export function serviceAvailability(state: JourneyState, service: ServiceCode, ignorePrerequisites = false): Refused | null {
  const invalid = requireOneOf(service, SERVICE_CODES, 'service');
  if (invalid) return invalid;
  const step = state.services?.find((s) => s.service === service);
  if (state.services !== null && !step) {
    return refusal('SERVICE_NOT_IN_PROGRAMME', `programme ${state.programmeCode} (catalogue version ${state.catalogueVersion}) does not include ${service}`);
  }
  const notOpen = NOT_OPEN_YET[SERVICES[service].opens](state, service);
  if (notOpen) return notOpen;
  const progress = state.serviceProgress.find((s) => s.service === service)!;
  if (progress.status === 'completed') return refusal('SERVICE_ALREADY_COMPLETED', `${service} was completed on ${progress.completedAt}`);
  if (!ignorePrerequisites && step) {
    const pending = step.after.filter((p) => state.serviceProgress.find((s) => s.service === p)?.status !== 'completed');
    if (pending.length > 0) return refusal('SERVICE_PREREQUISITE_PENDING', `${service} starts after ${pending.join(', ')}, not completed yet`);
  }
  return null;
}

/** The services of the catalogue not completed yet (none when the catalogue lists no services). */
export function servicesPending(state: JourneyState): ServiceCode[] {
  return (state.services ?? []).map((s) => s.service).filter((s) => state.serviceProgress.find((p) => p.service === s)?.status !== 'completed');
}
