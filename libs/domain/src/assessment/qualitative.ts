import { isIsoDate, romeDateOf } from '../dates';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { optionalText, refusal, requireOneOf, requireText, type Outcome } from '../journey/rules';
import { progressed } from '../progress';
import { openAssessment } from './assessment-state';
import { ASSESSMENT_FINDING_LEVELS, type AssessmentFinding, type QualitativeAssessmentRecorded, type RecordQualitativeAssessmentCommand } from './model';

/**
 * The qualitative assessment: the operator's findings on the areas the `GOL` catalogue lists (`assessmentAreas`,
 * default `DEFAULT_ASSESSMENT_AREAS`), one finding per area at most, and a summary. Recorded again, it replaces the
 * one before (the history keeps both).
 */
function recordQualitativeAssessment(state: JourneyState, c: RecordQualitativeAssessmentCommand, now: string): Outcome {
  if (!state.assessment) return refusal('NOT_IN_ASSESSMENT', `the journey runs under ${state.programmeCode}, started without the GOL assessment`);
  const { areas } = openAssessment(state);
  if (!Array.isArray(c.findings) || c.findings.length === 0) return refusal('INVALID_VALUE', 'must list at least one finding', 'findings');
  if (c.findings.length > areas.length) return refusal('INVALID_VALUE', `must list at most ${areas.length} findings, one per area`, 'findings');
  const findings: AssessmentFinding[] = [];
  for (const [i, f] of c.findings.entries()) {
    if (typeof f !== 'object' || f === null) return refusal('INVALID_VALUE', 'each finding must be an object', `findings[${i}]`);
    const invalid = requireOneOf(f.area, areas, `findings[${i}].area`) ?? requireOneOf(f.level, ASSESSMENT_FINDING_LEVELS, `findings[${i}].level`) ?? optionalText(f.note, `findings[${i}].note`, 500);
    if (invalid) return invalid;
    if (findings.some((g) => g.area === f.area)) return refusal('INVALID_VALUE', `${f.area} is assessed twice`, `findings[${i}].area`);
    findings.push({ area: f.area, level: f.level, note: f.note ?? null });
  }
  const invalid = requireText(c.summary, 'summary') ?? requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const assessedOn = c.assessedOn ?? romeDateOf(now);
  if (typeof assessedOn !== 'string' || !isIsoDate(assessedOn)) return refusal('INVALID_DATE', 'must be a date YYYY-MM-DD', 'assessedOn');
  if (assessedOn > romeDateOf(now)) return refusal('INVALID_DATE', 'cannot be in the future', 'assessedOn');
  if (assessedOn < state.didDate) return refusal('INVALID_DATE', `cannot precede the DID date ${state.didDate}`, 'assessedOn');
  return [{ type: 'QualitativeAssessmentRecorded', data: { findings, summary: c.summary, assessedOn, operatorId: c.operatorId } }];
}

export const qualitative = {
  deciders: { RecordQualitativeAssessment: recordQualitativeAssessment },
  evolvers: {
    QualitativeAssessmentRecorded: (state: JourneyState, event: QualitativeAssessmentRecorded): JourneyState => {
      const { operatorId, ...given } = event.data;
      return { ...progressed(state, event.at), assessment: { ...openAssessment(state), qualitative: { ...given, recordedBy: operatorId, recordedAt: event.at } } };
    },
  },
  notices: { QualitativeAssessmentRecorded: silent },
};
