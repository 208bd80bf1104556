import { serviceOutputFields, serviceOutputsRequired } from './outputs';
import { SERVICE_CODES, SERVICES } from './service-table';

describe('the service table', () => {
  it('has one row per service code, in the order of the codes', () => {
    expect(Object.keys(SERVICES)).toEqual([...SERVICE_CODES]);
  });

  it('requires only outputs the service produces', () => {
    for (const service of SERVICE_CODES) {
      for (const field of serviceOutputsRequired(service)) expect([service, serviceOutputFields(service)]).toEqual([service, expect.arrayContaining([field])]);
    }
  });

  it('opens reception from the start, the interview, the plan and the assessment after the presa in carico, tutoring and job search under the pact', () => {
    expect(Object.fromEntries(SERVICE_CODES.map((s) => [s, SERVICES[s].opens]))).toEqual({
      reception: 'from_start',
      second_level_interview: 'after_intake',
      path_definition: 'after_intake',
      skills_assessment: 'after_intake',
      tutoring: 'under_pact',
      job_search: 'under_pact',
    });
  });

  it('lets only the presa in carico complete reception', () => {
    expect(SERVICE_CODES.filter((s) => SERVICES[s].completedBy === 'intake')).toEqual(['reception']);
  });

  it('gives each service the outputs the API documents and the required ones', () => {
    expect(Object.fromEntries(SERVICE_CODES.map((s) => [s, [serviceOutputFields(s), serviceOutputsRequired(s)]]))).toEqual({
      reception: [['orientationNotes'], []],
      second_level_interview: [['developmentAreasSheet', 'cv'], ['developmentAreasSheet', 'cv']],
      path_definition: [['trainingNeeds', 'trainingBodies', 'trainingModules', 'targetSectors'], ['trainingNeeds', 'targetSectors']],
      skills_assessment: [['skillsSheet', 'actionPlan'], ['skillsSheet', 'actionPlan']],
      tutoring: [['topics'], ['topics']],
      job_search: [['offersFound', 'offersEvaluated', 'applicationsSent', 'companiesContacted', 'companiesVisited'], []],
    });
  });
});
