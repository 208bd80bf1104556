import { SERVICE_CODES, TUTORING_TOPICS, serviceOutputFields, type ServiceCode } from '@sal/domain';

/**
 * What each service's `outputs` may hold (the names are the domain's, `serviceOutputFields`), how each is written,
 * and which ones completing the service needs. The journey validates them; this is their documentation.
 */
export const SERVICE_OUTPUT_DOCS: Record<ServiceCode, { fields: Record<string, string>; requiredToComplete: string[]; produces: string }> = {
  reception: {
    produces: 'the orientation interview (completed by the presa in carico, `POST /journeys/{id}/intake`, not by a delivery)',
    fields: { orientationNotes: 'text: notes of the orientation interview' },
    requiredToComplete: [],
  },
  second_level_interview: {
    produces: 'the scheda individuale degli ambiti di sviluppo and the CV',
    fields: { developmentAreasSheet: 'text: reference or summary of the scheda individuale', cv: 'text: reference to the CV' },
    requiredToComplete: ['developmentAreasSheet', 'cv'],
  },
  path_definition: {
    produces: 'the personalised intervention plan',
    fields: {
      trainingNeeds: 'list of 1-50 texts (200 characters each)',
      trainingBodies: 'list of 1-50 texts: training bodies scouted',
      trainingModules: 'list of 1-50 texts: modules chosen',
      targetSectors: 'list of 1-50 texts: target sectors',
    },
    requiredToComplete: ['trainingNeeds', 'targetSectors'],
  },
  skills_assessment: {
    produces: 'the skills sheet and an action plan',
    fields: { skillsSheet: 'text: reference or summary of the skills sheet', actionPlan: 'text: the action plan' },
    requiredToComplete: ['skillsSheet', 'actionPlan'],
  },
  tutoring: {
    produces: 'tutoring and counselling sessions',
    fields: { topics: `list of 1-50 of ${TUTORING_TOPICS.join(', ')}` },
    requiredToComplete: ['topics'],
  },
  job_search: {
    produces: 'the job-search plan: opportunities, applications, companies',
    fields: {
      offersFound: 'whole number 0-10000',
      offersEvaluated: 'whole number 0-10000',
      applicationsSent: 'whole number 0-10000',
      companiesContacted: 'whole number 0-10000',
      companiesVisited: 'whole number 0-10000',
    },
    requiredToComplete: [],
  },
};

/** The `outputs` documentation, one line per service, from {@link SERVICE_OUTPUT_DOCS} (checked against the domain's fields by a unit test). */
export function serviceOutputsDescription(): string {
  return SERVICE_CODES.map((service) => {
    const doc = SERVICE_OUTPUT_DOCS[service];
    const fields = serviceOutputFields(service)
      .map((f) => `\`${f}\` (${doc.fields[f] ?? 'see the journey'})`)
      .join(', ');
    const required = doc.requiredToComplete.length > 0 ? ` Completing it needs ${doc.requiredToComplete.map((f) => `\`${f}\``).join(' and ')} (from this or earlier deliveries).` : '';
    return `- \`${service}\` — ${doc.produces}: ${fields}.${required}`;
  }).join('\n');
}
