import { feature, type Feature } from '../journey/feature';
import { acceptance } from './acceptance';
import { actions } from './actions';
import { amendment } from './amendment';
import type { PACT_ACCEPTANCE_DEADLINE_KINDS, PACT_ACTION_DEADLINE_KINDS, PACT_SIGNING_DEADLINE_KINDS, PactCommand, PactEvent } from './model';
import { pactDeadline } from './pact-deadline';
import { signing } from './signing';

type PactDeadlineKind =
  | (typeof PACT_ACTION_DEADLINE_KINDS)[number]
  | (typeof PACT_SIGNING_DEADLINE_KINDS)[number]
  | (typeof PACT_ACCEPTANCE_DEADLINE_KINDS)[number];

// Actions exist once the pact is signed and its deadline only before: their deadlines never tie.
export const pact: Feature<PactCommand['type'], PactEvent['type'], PactDeadlineKind, 'overdue_action' | 'pact_not_signed'> = feature(
  signing,
  amendment,
  acceptance,
  actions,
  pactDeadline,
);
