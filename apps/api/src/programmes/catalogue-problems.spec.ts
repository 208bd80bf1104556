import { validateCatalogue } from '@sal/domain';
import { FIELD_PROBLEM_CODES, ValidationFailedError } from '../common/api-errors';

describe('the catalogue\'s problems in an answer', () => {
  it('keep their own codes and params (none answers `other`), each one of FIELD_PROBLEM_CODES', () => {
    const problems = validateCatalogue({
      code: 'gol 1',
      title: '',
      clocks: { reminderBeforeDue: 'P0D', escalationAfter: null, pactDeadline: null, stallAfter: null, snooze: 'P1D', offerExcuseWindow: 'PT48H' },
      services: [{ service: 'tutoring', after: ['job_search'] }, { service: 'tutoring', after: [] }],
      workingDayClocks: ['offerExcuseWindow', 'stallAfter'],
      rollForwardClocks: { stallAfter: { saturdaysClosed: true } },
      absenceReasons: ['illness', 'illness'],
      offerSuitability: { maxDistanceKm: -1 },
      presentation: { benefit: 'naspi' },
      personalDataRetention: 'ten years',
    });
    const fields = new ValidationFailedError(problems, 'the catalogue is not valid').toBody().error.fields ?? [];
    expect(fields.length).toBe(problems.length);
    expect(fields.filter((f) => f.code === 'other' || !(f.code in FIELD_PROBLEM_CODES))).toEqual([]);
    expect(fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'services[0].service', code: 'first_service_not_reception' }),
      expect.objectContaining({ field: 'services[0].after', code: 'prerequisite_not_before', params: { prerequisite: 'job_search', service: 'tutoring' } }),
      expect.objectContaining({ field: 'services[1].service', code: 'repeated_value', params: { value: 'tutoring' } }),
      expect.objectContaining({ field: 'workingDayClocks[0]', code: 'not_whole_days', params: { clock: 'offerExcuseWindow' } }),
      expect.objectContaining({ field: 'rollForwardClocks.stallAfter', code: 'not_legal_clock' }),
      expect.objectContaining({ field: 'clocks.snooze', code: 'unknown_field', params: { name: 'snooze' } }),
      expect.objectContaining({ field: 'personalDataRetention', code: 'invalid_duration' }),
    ]));
  });
});
