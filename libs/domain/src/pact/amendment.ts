import { isPositiveDuration } from '../dates';
import type { JourneyState } from '../journey/model';
import { subjectToConditionality } from '../benefits/running';
import { silent } from '../journey/notice';
import { nextId, optionalText, refusal, requireOneOf, requireText, type Outcome, type Refused } from '../journey/rules';
import { progressed } from '../progress';
import { edition } from '../journey/rules-edition';
import { freshAction, futureDueAt, pickAvailability, plannedAction, plansOf, requireAvailability } from './action-plan';
import { PROFILING_CLASSES, type AmendPactCommand, type PactActionPlan, type PactActionState, type PactAmended, type PactVersion } from './model';
import { acceptanceOf, intoForce, pactReferrals, recordsAcceptance, referralsOfVersion, versionAwaitingAcceptance } from './versions';

/**
 * A new version of the pact. Changed fields replace the current ones; actions are changed (a new due date restarts
 * their reminder, overdue and escalation clocks), added or withdrawn — completed ones are history and stay as they are.
 * Every deadline follows from the new state, so nothing needs cancelling.
 */
function amendPact(state: JourneyState, c: AmendPactCommand, now: string): Outcome {
  const waiting = versionAwaitingAcceptance(state);
  if (waiting) return refusal('PACT_AWAITING_ACCEPTANCE', `pact version ${waiting.version} of ${waiting.proposedAt} awaits the person's acceptance: it is amended once accepted`);
  if (state.stage !== 'pact_active' || !state.pact) return refusal('PACT_NOT_SIGNED', 'only a signed pact can be amended');
  const pact = state.pact;
  const invalid =
    requireText(c.operatorId, 'operatorId', 100) ??
    requireText(c.reason, 'reason') ??
    (c.responsibleOperatorId === undefined ? null : requireText(c.responsibleOperatorId, 'responsibleOperatorId', 100)) ??
    (c.profilingClass === undefined ? null : requireOneOf(c.profilingClass, PROFILING_CLASSES, 'profilingClass')) ??
    (c.contactFrequency === undefined || isPositiveDuration(c.contactFrequency)
      ? null
      : refusal('INVALID_DURATION', 'must be a positive ISO-8601 duration such as P30D', 'contactFrequency')) ??
    optionalText(c.jobSearchProof, 'jobSearchProof') ??
    (c.availability === undefined ? null : requireAvailability(c.availability));
  if (invalid) return invalid;
  // Edition 2: as at the signing, a benefit recipient stays available for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015).
  if (edition(state) >= 2 && subjectToConditionality(state, now) && c.availability?.suitableOffers === false) {
    return refusal('SUITABLE_OFFERS_AVAILABILITY_REQUIRED', `a ${state.benefit!.kind} recipient declares availability for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015)`, 'availability.suitableOffers');
  }
  for (const [name, list] of [['changeActions', c.changeActions], ['addActions', c.addActions], ['withdrawActionIds', c.withdrawActionIds]] as const) {
    if (list !== undefined && !Array.isArray(list)) return refusal('INVALID_VALUE', 'must be a list', name);
  }

  const touched = new Set<string>();
  const changedActions: PactActionPlan[] = [];
  for (const [i, change] of (c.changeActions ?? []).entries()) {
    const field = `changeActions[${i}]`;
    const action = amendable(state, change?.actionId, `${field}.actionId`, touched);
    if ('refusal' in action) return action;
    if (change.dueDate === undefined && change.description === undefined) return refusal('INVALID_VALUE', 'give a new dueDate or description', field);
    const bad = optionalText(change.description, `${field}.description`);
    if (bad) return bad;
    const dueAt = change.dueDate === undefined ? action.dueAt : futureDueAt(change.dueDate, now, `${field}.dueDate`);
    if (typeof dueAt !== 'string') return dueAt;
    changedActions.push({ actionId: action.actionId, kind: action.kind, description: change.description ?? action.description, dueAt });
  }
  const withdrawnActionIds: string[] = [];
  for (const [i, actionId] of (c.withdrawActionIds ?? []).entries()) {
    const action = amendable(state, actionId, `withdrawActionIds[${i}]`, touched);
    if ('refusal' in action) return action;
    withdrawnActionIds.push(action.actionId);
  }
  const used = state.actions.map((a) => a.actionId);
  for (const [i, input] of (c.addActions ?? []).entries()) {
    const plan = plannedAction(input, nextId('A', used), now, `addActions[${i}]`);
    if ('refusal' in plan) return plan;
    used.push(plan.actionId);
    changedActions.push(plan);
  }

  const fieldsChanged =
    (c.responsibleOperatorId !== undefined && c.responsibleOperatorId !== pact.responsibleOperatorId) ||
    (c.profilingClass !== undefined && c.profilingClass !== pact.profilingClass) ||
    (c.contactFrequency !== undefined && c.contactFrequency !== pact.contactFrequency) ||
    (c.jobSearchProof !== undefined && c.jobSearchProof !== pact.jobSearchProof) ||
    (c.availability !== undefined && JSON.stringify(pickAvailability(c.availability)) !== JSON.stringify(pact.availability));
  const edition2 = recordsAcceptance(state);
  if (!edition2 && (c.acceptance !== undefined || c.referrals !== undefined)) {
    return refusal('INVALID_VALUE', 'this journey runs under the rules of edition 1: its pact versions are in force when amended', c.acceptance !== undefined ? 'acceptance' : 'referrals');
  }
  const acceptance = !edition2 || c.acceptance === undefined ? null : acceptanceOf(c.acceptance, now, inForceSince(state), `the version in force (${inForceSince(state)})`);
  if (acceptance && 'refusal' in acceptance) return acceptance;
  const referrals = edition2 ? pactReferrals(state, c.referrals) : [];
  if ('refusal' in referrals) return referrals;
  if (!fieldsChanged && changedActions.length === 0 && withdrawnActionIds.length === 0 && referrals.length === 0) {
    return refusal('INVALID_VALUE', 'an amendment changes at least one field or action of the pact');
  }
  const remaining = state.actions.filter((a) => a.status !== 'withdrawn' && !withdrawnActionIds.includes(a.actionId)).length + (c.addActions?.length ?? 0);
  if (remaining === 0) return refusal('INVALID_VALUE', 'a pact keeps at least one action: withdraw the last one by closing the journey', 'withdrawActionIds');

  return [
    {
      type: 'PactAmended',
      data: {
        version: pact.version + 1,
        operatorId: c.operatorId,
        reason: c.reason,
        responsibleOperatorId: c.responsibleOperatorId ?? pact.responsibleOperatorId,
        profilingClass: c.profilingClass ?? pact.profilingClass,
        contactFrequency: c.contactFrequency ?? pact.contactFrequency,
        jobSearchProof: c.jobSearchProof ?? pact.jobSearchProof,
        availability: c.availability ? pickAvailability(c.availability) : pact.availability,
        changedActions,
        withdrawnActionIds,
        amendedAt: now,
        ...(edition2 ? { acceptance, referrals } : {}),
      },
    },
  ];
}

function inForceSince(state: JourneyState): string {
  return state.pactVersions.find((v) => v.inForce)?.inForceSince ?? state.pact!.signedAt;
}

function amendable(state: JourneyState, actionId: unknown, field: string, touched: Set<string>): PactActionState | Refused {
  const action = state.actions.find((a) => a.actionId === actionId);
  if (!action) return refusal('PACT_ACTION_NOT_FOUND', `the pact has no action ${String(actionId)}`);
  if (action.status === 'completed') return refusal('PACT_ACTION_ALREADY_COMPLETED', `action ${action.actionId} was completed on ${action.completedAt}; it stays as it is`);
  if (action.status === 'withdrawn') return refusal('PACT_ACTION_WITHDRAWN', `action ${action.actionId} was withdrawn by an earlier amendment`);
  if (touched.has(action.actionId)) return refusal('INVALID_VALUE', `action ${action.actionId} appears twice in the amendment`, field);
  touched.add(action.actionId);
  return action;
}

/** The actions under an amendment: changed ones keep their history unless their due date moved, which starts their clocks again. */
function amendedActions(state: JourneyState, event: PactAmended): PactActionState[] {
  const d = event.data;
  const changed = new Map(d.changedActions.map((a) => [a.actionId, a]));
  const actions = state.actions.map((a): PactActionState => {
    if (d.withdrawnActionIds.includes(a.actionId)) return { ...a, status: 'withdrawn' };
    const plan = changed.get(a.actionId);
    if (!plan) return a;
    changed.delete(a.actionId);
    const moved = plan.dueAt !== a.dueAt;
    return moved ? { ...a, ...plan, status: 'pending', overdueSince: null, reminderSentAt: null, escalatedAt: null } : { ...a, ...plan };
  });
  for (const plan of changed.values()) actions.push(freshAction(plan));
  return actions;
}

/**
 * The new version. Edition 1 (no `acceptance` in the event): in force at once. Edition 2: in force from the acceptance
 * given with it, or waiting for it while the version before stays in force.
 */
function pactAmended(state: JourneyState, event: PactAmended): JourneyState {
  const d = event.data;
  const pact = {
    version: d.version,
    responsibleOperatorId: d.responsibleOperatorId,
    profilingClass: d.profilingClass,
    contactFrequency: d.contactFrequency,
    jobSearchProof: d.jobSearchProof,
    availability: d.availability,
    signedAt: state.pact!.signedAt,
  };
  const actions = amendedActions(state, event);
  const after = progressed(state, event.at);
  if (d.acceptance === undefined) {
    return {
      ...after,
      pact,
      actions,
      pactVersions: [
        ...state.pactVersions.map((v) => (v.inForce ? { ...v, inForce: false } : v)),
        { ...pact, actions: plansOf(actions), amendedBy: d.operatorId, reason: d.reason, acceptance: null, inForceSince: d.amendedAt, inForce: true, proposedAt: d.amendedAt },
      ],
    };
  }
  const agreed = d.referrals ?? [];
  const version: PactVersion = {
    ...pact,
    actions: plansOf(actions),
    amendedBy: d.operatorId,
    reason: d.reason,
    acceptance: d.acceptance,
    inForceSince: null,
    inForce: false,
    proposedAt: d.amendedAt,
    acceptanceEscalatedAt: null,
    referrals: referralsOfVersion(state, agreed),
  };
  if (d.acceptance === null) return { ...after, pactVersions: [...state.pactVersions, version] };
  return intoForce(after, version, d.acceptance.acceptedAt, event.at, actions, agreed, d.operatorId);
}

export const amendment = {
  deciders: { AmendPact: amendPact },
  evolvers: { PactAmended: pactAmended },
  notices: { PactAmended: silent },
};
