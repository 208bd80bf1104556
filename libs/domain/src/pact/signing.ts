import { isPositiveDuration } from '../dates';
import { NO_CONTACT } from '../contacts/agreed-contacts';
import type { JourneyState } from '../journey/model';
import { subjectToConditionality } from '../benefits/running';
import { silent } from '../journey/notice';
import { optionalString, refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import { edition } from '../journey/rules-edition';
import { freshAction, plannedAction, requireAvailability } from './action-plan';
import { PROFILING_CLASSES, type PactActionPlan, type PactSigned, type PactVersion, type SignPactCommand } from './model';
import { acceptanceOf, firstActions, intoForce, pactReferrals, recordsAcceptance, referralsOfVersion, versionAwaitingAcceptance } from './versions';

function signPact(state: JourneyState, c: SignPactCommand, now: string): Outcome {
  if (state.stage === 'awaiting_intake') {
    return refusal('INTAKE_REQUIRED', 'the pact is signed after the presa in carico: record the intake first');
  }
  const waiting = versionAwaitingAcceptance(state);
  if (waiting) return refusal('PACT_AWAITING_ACCEPTANCE', `pact version ${waiting.version} was signed on ${waiting.proposedAt} and awaits the person's acceptance`);
  if (state.stage !== 'awaiting_pact') return refusal('PACT_ALREADY_SIGNED', `pact version ${state.pact?.version} was signed on ${state.pact?.signedAt}`);
  const edition2 = recordsAcceptance(state);
  const contactFrequency = c.contactFrequency ?? state.clocks.defaultContactFrequency ?? undefined;
  const invalid =
    requireText(c.responsibleOperatorId, 'responsibleOperatorId') ??
    requireOneOf(c.profilingClass, PROFILING_CLASSES, 'profilingClass') ??
    (isPositiveDuration(contactFrequency) ? null : refusal('INVALID_DURATION', 'must be a positive ISO-8601 duration such as P30D', 'contactFrequency')) ??
    requireAvailability(c.availability) ??
    // Edition 2: how the person proves job search is part of the pact's minimum content (art. 20 c.2 lett. e D.lgs.
    // 150/2015: «le modalità con cui la ricerca attiva di lavoro è dimostrata al responsabile delle attività»; lett. d
    // is the frequency of contacts; text as reproduced at ilpatronato.it/patronato-inpas/?p=29498).
    (edition2 ? requireText(c.jobSearchProof, 'jobSearchProof', 1000) : optionalString(c.jobSearchProof, 'jobSearchProof'));
  if (invalid) return invalid;
  // Edition 2: the benefit is conditional on availability for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015).
  if (edition(state) >= 2 && subjectToConditionality(state, now) && c.availability.suitableOffers === false) {
    return refusal('SUITABLE_OFFERS_AVAILABILITY_REQUIRED', `a ${state.benefit!.kind} recipient declares availability for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015)`, 'availability.suitableOffers');
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
  const data = {
    version: 1,
    responsibleOperatorId: c.responsibleOperatorId,
    profilingClass: c.profilingClass,
    contactFrequency: contactFrequency!,
    jobSearchProof: c.jobSearchProof ?? null,
    availability: { workshops: c.availability.workshops, training: c.availability.training, suitableOffers: c.availability.suitableOffers },
    actions,
    signedAt: now,
  };
  if (!edition2) {
    if (c.acceptance !== undefined) return refusal('INVALID_VALUE', 'this journey runs under the rules of edition 1: its pact is in force at signing', 'acceptance');
    if (c.referrals !== undefined) return refusal('INVALID_VALUE', 'this journey runs under the rules of edition 1: make referrals with POST /referrals', 'referrals');
    return [{ type: 'PactSigned', data }];
  }
  const acceptance = c.acceptance === undefined ? null : acceptanceOf(c.acceptance, now, state.intake!.takenInChargeAt, 'the presa in carico');
  if (acceptance && 'refusal' in acceptance) return acceptance;
  const referrals = pactReferrals(state, c.referrals);
  if ('refusal' in referrals) return referrals;
  return [{ type: 'PactSigned', data: { ...data, acceptance, referrals } }];
}

/** Version 1 as signed: in force at signing (edition 1), from the acceptance given with it, or waiting for it. */
function pactSigned(state: JourneyState, event: PactSigned): JourneyState {
  const { actions, acceptance, referrals, ...pact } = event.data;
  const progressedState = progressed(state, event.at);
  if (acceptance === undefined) {
    return {
      ...progressedState,
      stage: 'pact_active',
      pact,
      pactVersions: [...state.pactVersions, { ...pact, actions, amendedBy: null, reason: null, acceptance: null, inForceSince: pact.signedAt, inForce: true, proposedAt: pact.signedAt }],
      actions: actions.map(freshAction),
      contact: { ...NO_CONTACT },
    };
  }
  const agreed = referrals ?? [];
  const version: PactVersion = {
    ...pact,
    actions,
    amendedBy: null,
    reason: null,
    acceptance,
    inForceSince: null,
    inForce: false,
    proposedAt: pact.signedAt,
    acceptanceEscalatedAt: null,
    referrals: referralsOfVersion(state, agreed),
  };
  if (acceptance === null) return { ...progressedState, pactVersions: [...state.pactVersions, version] };
  return intoForce(progressedState, version, acceptance.acceptedAt, event.at, firstActions(version), agreed, pact.responsibleOperatorId);
}

export const signing = {
  deciders: { SignPact: signPact },
  evolvers: { PactSigned: pactSigned },
  notices: { PactSigned: silent },
};
