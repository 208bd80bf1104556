import { NATIONAL } from '../regions/regions';
import { startStage } from '../assessment/assessment-state';
import { NO_CLOCKS } from '../clocks/clock-table';
import { NO_CONTACT } from '../contacts/agreed-contacts';
import type { JourneyStartedData } from '../intake/model';
import { emptyServiceProgress } from '../services/progress';
import { claimedAtStart } from '../benefits/running';
import { startingPresentation } from '../obligations/rule';
import type { JourneyState } from './model';

/** The parts of the state added with the six services, empty: what a journey that never used them has. */
export function emptyExtensions(): Pick<
  JourneyState,
  | 'services'
  | 'workingDayClocks'
  | 'rollForwardClocks'
  | 'benefit'
  | 'firstContactMissedAt'
  | 'pactVersions'
  | 'serviceProgress'
  | 'appointments'
  | 'offers'
  | 'offerSuitability'
  | 'lapses'
  | 'conditionalitySteps'
  | 'referrals'
  | 'placement'
  | 'rules'
  | 'office'
  | 'personRef'
  | 'previousJourneyId'
  | 'pauses'
  | 'assessment'
  | 'absenceReasons'
  | 'earlierBenefits'
  | 'transfer'
  | 'monitoring'
  | 'presentation'
> {
  return {
    services: null,
    workingDayClocks: [],
    rollForwardClocks: {},
    benefit: null,
    firstContactMissedAt: null,
    pactVersions: [],
    serviceProgress: emptyServiceProgress(),
    appointments: [],
    offers: [],
    offerSuitability: null,
    lapses: [],
    conditionalitySteps: [],
    referrals: [],
    placement: null,
    rules: 1,
    office: null,
    personRef: null,
    previousJourneyId: null,
    pauses: [],
    assessment: null,
    absenceReasons: null,
    earlierBenefits: [],
    transfer: null,
    monitoring: null,
    presentation: null,
  };
}

/** Every feature's slice, empty, under what the journey started with. */
export function initialState(data: JourneyStartedData, at: string): JourneyState {
  const { catalogueVersion, catalogueScope, clocks, services, workingDayClocks, rollForwardClocks, benefit, rules, office, offerSuitability, personRef, previousJourneyId, assessment, absenceReasons, monitoring, presentation, ...start } = data;
  return {
    ...start,
    ...emptyExtensions(),
    // Started with an assessment and no path (the API does so under the programme `GOL`): in the assessment (issue 14).
    stage: startStage(assessment),
    status: 'open',
    startedAt: at,
    intake: null,
    pact: null,
    actions: [],
    closure: null,
    catalogueVersion: catalogueVersion ?? null,
    catalogueScope: catalogueScope ?? NATIONAL,
    clocks: clocks ?? NO_CLOCKS,
    services: services ?? null,
    workingDayClocks: workingDayClocks ?? [],
    rollForwardClocks: rollForwardClocks ?? {},
    // The start's benefit is "claimed at start" and runs (the benefit's lifecycle, issue 14).
    benefit: benefit ? claimedAtStart(benefit, at, data.didDate) : null,
    rules: rules ?? 1,
    office: office ?? null,
    offerSuitability: offerSuitability ?? null,
    personRef: personRef ?? null,
    previousJourneyId: previousJourneyId ?? null,
    assessment: assessment ?? null,
    absenceReasons: absenceReasons ?? null,
    monitoring: monitoring ?? null,
    presentation: startingPresentation(presentation),
    contact: { ...NO_CONTACT },
    pactDeadlineMissedAt: null,
    pactDeadlineEscalatedAt: null,
    lastProgressAt: at,
    noProgressSince: null,
    lastSeq: 1,
    updatedAt: at,
  };
}
