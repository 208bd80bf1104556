import { GOL_PATHS, type GolAssessmentState, type GolPath } from '../assessment/model';
import type { JourneyStartedData } from '../intake/model';
import type { Evolvers } from '../journey/handlers';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { benefitRunsNow } from '../benefits/running';
import { refusal, requireText, type Outcome } from '../journey/rules';
import type { EpisodesEvent, NextEpisodeStart, TransferJourneyCommand } from './model';

const JOURNEY_ID = /^jrn_[0-9a-f]{32}$/;
const PERSON_REF = /^prs_[0-9a-f]{32}$/;

/**
 * Transfer to another path (e.g. GOL-1 → GOL-2), in one command: the journey records the transfer and closes as
 * `transferred`, naming the next episode, which the workflow then starts. Any open stage may be transferred, unless a
 * conditionality step waits for its decision; the target must be another programme, and the API must have attached
 * the next episode's start (`nextEpisode`).
 */
function transferJourney(state: JourneyState, c: TransferJourneyCommand, now: string): Outcome {
  const invalid = requireText(c.toProgrammeCode, 'toProgrammeCode', 32) ?? requireText(c.reason, 'reason') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  if (c.toProgrammeCode === state.programmeCode) return refusal('TRANSFER_SAME_PROGRAMME', `the journey already follows ${state.programmeCode}: a transfer goes to another path`);
  // A sanction's procedure is not left behind by a change of path: the competent CPI decides the step first.
  const pending = state.conditionalitySteps.find((s) => s.status === 'proposed');
  if (pending) return refusal('CONDITIONALITY_STEP_PENDING', `conditionality step ${pending.stepId} waits for the competent CPI's decision: confirm or dismiss it before the transfer`);
  const next = c.nextEpisode;
  if (!isNextEpisode(next) || next.programmeCode !== c.toProgrammeCode || next.journeyId === state.journeyId) {
    return refusal('INVALID_VALUE', 'the next episode is attached by the API (its id and the target catalogue); send the transfer through the API', 'nextEpisode');
  }
  return [
    { type: 'JourneyTransferred', data: { toProgrammeCode: c.toProgrammeCode, reason: c.reason, operatorId: c.operatorId, nextJourneyId: next.journeyId, nextEpisode: next } },
    { type: 'JourneyClosed', data: { reason: 'transferred', operatorId: c.operatorId, details: c.reason, closedAt: now, nextJourneyId: next.journeyId } },
  ];
}

function isNextEpisode(value: unknown): value is NextEpisodeStart {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Partial<NextEpisodeStart>;
  return (
    typeof n.journeyId === 'string' && JOURNEY_ID.test(n.journeyId) &&
    typeof n.personRef === 'string' && PERSON_REF.test(n.personRef) &&
    typeof n.programmeCode === 'string' &&
    typeof n.catalogueVersion === 'number' &&
    typeof n.clocks === 'object' && n.clocks !== null &&
    Array.isArray(n.workingDayClocks)
  );
}

/** The GOL path a programme code names (`GOL-3` → 3), or null for a programme outside GOL. */
export function golPathOf(programmeCode: string): GolPath | null {
  const match = /^GOL-([1-5])$/.exec(programmeCode);
  const path = match ? Number(match[1]) : NaN;
  return (GOL_PATHS as readonly number[]).includes(path) ? (path as GolPath) : null;
}

/**
 * What the next episode of a transfer starts with (null: the journey was not transferred): the same person, office,
 * DID, beneficiary and benefit, linked to this journey, under the target catalogue. A GOL assessment is carried with
 * its path set to the target's, for the transfer's reason, chosen by the operator who transferred.
 */
export function nextEpisodeStart(state: JourneyState): (JourneyStartedData & Pick<Required<JourneyStartedData>, 'catalogueVersion' | 'clocks'>) | null {
  const transfer = state.transfer;
  if (!transfer) return null;
  const next = transfer.nextEpisode;
  return {
    journeyId: next.journeyId,
    programmeCode: next.programmeCode,
    officeId: state.officeId,
    didDate: state.didDate,
    beneficiary: state.beneficiary,
    catalogueVersion: next.catalogueVersion,
    ...(next.scope ? { catalogueScope: next.scope } : {}),
    clocks: next.clocks,
    services: next.services,
    workingDayClocks: next.workingDayClocks,
    ...(next.rollForwardClocks ? { rollForwardClocks: next.rollForwardClocks } : {}),
    offerSuitability: next.offerSuitability,
    ...(state.office ? { office: state.office } : {}),
    // The claim as a start takes it, while it runs (it starts again as claimed at start); a suspended, refused or ended
    // one is not carried: the operator records the next change in the next episode.
    benefit:
      state.benefit && benefitRunsNow(state)
        ? { kind: state.benefit.kind, applicationDate: state.benefit.applicationDate, ...(state.benefit.activationPactDate ? { activationPactDate: state.benefit.activationPactDate } : {}) }
        : null,
    personRef: state.personRef ?? next.personRef,
    previousJourneyId: state.journeyId,
    ...(state.assessment ? { assessment: carriedAssessment(state.assessment, transfer) } : {}),
    // The person's GOL monitoring data are the person's, not the episode's (issue 15).
    ...(state.monitoring ? { monitoring: state.monitoring } : {}),
  };
}

function carriedAssessment(assessment: GolAssessmentState, transfer: NonNullable<JourneyState['transfer']>): GolAssessmentState {
  const path = golPathOf(transfer.toProgrammeCode);
  if (path === null) return assessment;
  return { ...assessment, path: { path, programmeCode: transfer.toProgrammeCode, reason: transfer.reason, chosenBy: transfer.operatorId, chosenAt: transfer.transferredAt } };
}

const evolvers: Evolvers<EpisodesEvent['type']> = {
  JourneyTransferred: (state, event) => ({ ...state, transfer: { ...event.data, transferredAt: event.at } }),
};

export const transfer = {
  deciders: { TransferJourney: transferJourney },
  evolvers,
  notices: { JourneyTransferred: silent },
};
