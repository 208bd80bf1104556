import { scopeOf } from '../regions/catalogue-scope';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { optionalText, refusal, requireText, type Outcome, type Refused } from '../journey/rules';
import { progressed } from '../progress';
import { inAssessment, openAssessment } from './assessment-state';
import { GOL_PATHS, golPathProgramme, type ChooseGolPathCommand, type GolPath, type GolPathChosen } from './model';

/**
 * The end of the assessment: the path (1–5) and its reason, once the profiling and the qualitative assessment are
 * recorded. Path 4 (lavoro e inclusione) names its social services, path 5 (ricollocazione collettiva) its employer
 * and the agreement it follows from. The event carries the path's catalogue (its latest version, attached by the
 * API): from it the journey runs under `GOL-n` — its clocks, services, working-day and roll-forward clocks, offer
 * thresholds — and waits for the presa in carico, or for the pact when the intake was recorded during the assessment.
 */
function chooseGolPath(state: JourneyState, c: ChooseGolPathCommand): Outcome {
  if (!inAssessment(state)) {
    const chosen = state.assessment?.path;
    return chosen
      ? refusal('GOL_PATH_ALREADY_CHOSEN', `path ${chosen.path} was chosen on ${chosen.chosenAt}; moving to another path is a transfer`)
      : refusal('NOT_IN_ASSESSMENT', `the journey runs under ${state.programmeCode}, started without the GOL assessment`);
  }
  if (!(GOL_PATHS as readonly unknown[]).includes(c.path)) return refusal('INVALID_VALUE', `must be one of ${GOL_PATHS.join(', ')}`, 'path');
  const invalid = requireText(c.reason, 'reason') ?? requireText(c.operatorId, 'operatorId', 100) ?? parties(c);
  if (invalid) return invalid;
  const assessment = openAssessment(state);
  if (!assessment.profiling) return refusal('PROFILING_REQUIRED', 'the path follows the quantitative profiling: record the national model profiling first');
  if (!assessment.qualitative) return refusal('QUALITATIVE_ASSESSMENT_REQUIRED', 'the path follows the qualitative assessment: record it first');
  const catalogue = c.catalogue;
  if (typeof catalogue !== 'object' || catalogue === null || catalogue.code !== golPathProgramme(c.path) || !Number.isInteger(catalogue.version)) {
    return refusal('INVALID_VALUE', `the catalogue of ${golPathProgramme(c.path)} is attached by the API`, 'catalogue');
  }
  return [
    {
      type: 'GolPathChosen',
      data: {
        path: c.path,
        reason: c.reason,
        operatorId: c.operatorId,
        socialServices: c.path === 4 ? { organisation: c.socialServices!.organisation, reference: c.socialServices!.reference ?? null } : null,
        collectiveReallocation: c.path === 5 ? { employer: c.collectiveReallocation!.employer, agreementReference: c.collectiveReallocation!.agreementReference } : null,
        catalogue,
      },
    },
  ];
}

/** Path 4's social services and path 5's employer and agreement: required on their path, refused on the others. */
function parties(c: ChooseGolPathCommand): Refused | null {
  const path = c.path as GolPath;
  if (path === 4) {
    if (c.socialServices === undefined) return refusal('GOL_PATH_PARTY_REQUIRED', 'path 4 (lavoro e inclusione) runs with the social services: name them', 'socialServices');
    if (typeof c.socialServices !== 'object' || c.socialServices === null) return refusal('INVALID_VALUE', 'must be an object', 'socialServices');
    const invalid = requireText(c.socialServices.organisation, 'socialServices.organisation', 200) ?? optionalText(c.socialServices.reference, 'socialServices.reference', 100);
    if (invalid) return invalid;
  } else if (c.socialServices !== undefined) {
    return refusal('INVALID_VALUE', 'only path 4 (lavoro e inclusione) names social services', 'socialServices');
  }
  if (path === 5) {
    if (c.collectiveReallocation === undefined) {
      return refusal('GOL_PATH_PARTY_REQUIRED', 'path 5 (ricollocazione collettiva) names the employer in crisis and the agreement it follows from', 'collectiveReallocation');
    }
    if (typeof c.collectiveReallocation !== 'object' || c.collectiveReallocation === null) return refusal('INVALID_VALUE', 'must be an object', 'collectiveReallocation');
    const invalid =
      requireText(c.collectiveReallocation.employer, 'collectiveReallocation.employer', 200) ??
      requireText(c.collectiveReallocation.agreementReference, 'collectiveReallocation.agreementReference', 100);
    if (invalid) return invalid;
  } else if (c.collectiveReallocation !== undefined) {
    return refusal('INVALID_VALUE', 'only path 5 (ricollocazione collettiva) names an employer and an agreement', 'collectiveReallocation');
  }
  return null;
}

function golPathChosen(state: JourneyState, event: GolPathChosen): JourneyState {
  const { catalogue, path, reason, operatorId, socialServices, collectiveReallocation } = event.data;
  return {
    ...progressed(state, event.at),
    programmeCode: catalogue.code,
    catalogueVersion: catalogue.version,
    catalogueScope: scopeOf(catalogue),
    clocks: catalogue.clocks,
    services: catalogue.services,
    workingDayClocks: catalogue.workingDayClocks,
    rollForwardClocks: catalogue.rollForwardClocks ?? {},
    offerSuitability: catalogue.offerSuitability ?? null,
    stage: state.intake ? 'awaiting_pact' : 'awaiting_intake',
    assessment: {
      ...openAssessment(state),
      path: { path, programmeCode: catalogue.code, reason, chosenBy: operatorId, chosenAt: event.at, catalogueVersion: catalogue.version, ...(catalogue.scope ? { catalogueScope: catalogue.scope } : {}), socialServices, collectiveReallocation },
    },
  };
}

export const pathChoice = {
  deciders: { ChooseGolPath: chooseGolPath },
  evolvers: { GolPathChosen: golPathChosen },
  notices: { GolPathChosen: silent },
};
