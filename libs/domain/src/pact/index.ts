import type { Feature } from '../journey/feature';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { ACTION_DEADLINE_KINDS, actionDeadlines, actionDrafters, actionEvolvers, actionNotices, completePactAction, overdueActionStall } from './actions';
import { amendPact, pactAmended } from './amendment';
import type { PactEvent } from './model';
import { PACT_DEADLINE_KINDS, pactDeadlineDrafters, pactDeadlineEvolvers, pactDeadlineNotices, pactDeadlines, pactNotSignedStall } from './pact-deadline';
import { pactSigned, signPact } from './signing';

type PactDeadlineKind = (typeof ACTION_DEADLINE_KINDS)[number] | (typeof PACT_DEADLINE_KINDS)[number];

export const pact: Feature<'SignPact' | 'CompletePactAction' | 'AmendPact', PactEvent['type'], PactDeadlineKind, 'overdue_action' | 'pact_not_signed'> = {
  deciders: { SignPact: signPact, CompletePactAction: completePactAction, AmendPact: amendPact },
  evolvers: { PactSigned: pactSigned, PactAmended: pactAmended, ...actionEvolvers, ...pactDeadlineEvolvers },
  notices: { PactSigned: silent, PactAmended: silent, PactActionCompleted: silent, ...actionNotices, ...pactDeadlineNotices },
  // Actions exist once the pact is signed and its deadline only before: the two never tie.
  deadlines: (state: JourneyState) => [...actionDeadlines(state), ...pactDeadlines(state)],
  drafters: { ...actionDrafters, ...pactDeadlineDrafters },
  stallCauses: { overdue_action: overdueActionStall, pact_not_signed: pactNotSignedStall },
};
