import type { Feature } from '../journey/feature';
import type { JourneyState } from '../journey/model';
import { ACTION_DEADLINE_KINDS, actions } from './actions';
import { amendment } from './amendment';
import type { PactCommand, PactEvent } from './model';
import { PACT_DEADLINE_KINDS, pactDeadline } from './pact-deadline';
import { signing } from './signing';

type PactDeadlineKind = (typeof ACTION_DEADLINE_KINDS)[number] | (typeof PACT_DEADLINE_KINDS)[number];

export const pact: Feature<PactCommand['type'], PactEvent['type'], PactDeadlineKind, 'overdue_action' | 'pact_not_signed'> = {
  deciders: { ...signing.deciders, ...amendment.deciders, ...actions.deciders },
  evolvers: { ...signing.evolvers, ...amendment.evolvers, ...actions.evolvers, ...pactDeadline.evolvers },
  notices: { ...signing.notices, ...amendment.notices, ...actions.notices, ...pactDeadline.notices },
  // Actions exist once the pact is signed and its deadline only before: the two never tie.
  deadlines: (state: JourneyState) => [...actions.deadlines(state), ...pactDeadline.deadlines(state)],
  drafters: { ...actions.drafters, ...pactDeadline.drafters },
  stallCauses: { ...actions.stallCauses, ...pactDeadline.stallCauses },
};
