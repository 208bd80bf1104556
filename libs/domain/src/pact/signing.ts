import { isPositiveDuration } from '../dates';
import { NO_CONTACT } from '../contacts/agreed-contacts';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { optionalString, refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import { edition } from '../journey/rules-edition';
import { freshAction, plannedAction, requireAvailability } from './action-plan';
import { PROFILING_CLASSES, type PactActionPlan, type PactSigned, type SignPactCommand } from './model';

function signPact(state: JourneyState, c: SignPactCommand, now: string): Outcome {
  if (state.stage === 'awaiting_intake') {
    return refusal('INTAKE_REQUIRED', 'the pact is signed after the presa in carico: record the intake first');
  }
  if (state.stage !== 'awaiting_pact') return refusal('PACT_ALREADY_SIGNED', `pact version ${state.pact?.version} was signed on ${state.pact?.signedAt}`);
  const contactFrequency = c.contactFrequency ?? state.clocks.defaultContactFrequency ?? undefined;
  const invalid =
    requireText(c.responsibleOperatorId, 'responsibleOperatorId') ??
    requireOneOf(c.profilingClass, PROFILING_CLASSES, 'profilingClass') ??
    (isPositiveDuration(contactFrequency) ? null : refusal('INVALID_DURATION', 'must be a positive ISO-8601 duration such as P30D', 'contactFrequency')) ??
    requireAvailability(c.availability) ??
    optionalString(c.jobSearchProof, 'jobSearchProof');
  if (invalid) return invalid;
  // Edition 2: the benefit is conditional on availability for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015).
  if (edition(state) >= 2 && state.benefit !== null && c.availability.suitableOffers === false) {
    return refusal('SUITABLE_OFFERS_AVAILABILITY_REQUIRED', `a ${state.benefit.kind} recipient declares availability for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015)`, 'availability.suitableOffers');
  }
  if (!Array.isArray(c.actions) || c.actions.length === 0) {
    return refusal('INVALID_VALUE', 'a pact lists at least one action with its due date', 'actions');
  }
  const actions: PactActionPlan[] = [];
  for (const [i, a] of c.actions.entries()) {
    const plan = plannedAction(a, `A${i + 1}`, now, `actions[${i}]`, 'must be after the signing of the pact');
    if ('refusal' in plan) return plan;
    actions.push(plan);
  }
  return [
    {
      type: 'PactSigned',
      data: {
        version: 1,
        responsibleOperatorId: c.responsibleOperatorId,
        profilingClass: c.profilingClass,
        contactFrequency: contactFrequency!,
        jobSearchProof: c.jobSearchProof ?? null,
        availability: { workshops: c.availability.workshops, training: c.availability.training, suitableOffers: c.availability.suitableOffers },
        actions,
        signedAt: now,
      },
    },
  ];
}

export const signing = {
  deciders: { SignPact: signPact },
  evolvers: {
    PactSigned: (state: JourneyState, event: PactSigned): JourneyState => {
      const { actions, ...pact } = event.data;
      return {
        ...progressed(state, event.at),
        stage: 'pact_active',
        pact,
        pactVersions: [...state.pactVersions, { ...pact, actions, amendedBy: null, reason: null }],
        actions: actions.map(freshAction),
        contact: { ...NO_CONTACT },
      };
    },
  },
  notices: { PactSigned: silent },
};
