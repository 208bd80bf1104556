import { SERVICE_CODES, TUTORING_TOPICS, serviceOutputFields, serviceOutputsRequired, type ServiceCode } from '@sal/domain';

/**
 * What each service's `outputs` may hold (the names are the domain's, `serviceOutputFields`), how each is written,
 * (what completing the service needs is the domain's, `serviceOutputsRequired`). The journey validates them; this is
 * their documentation.
 */
export const SERVICE_OUTPUT_DOCS: Record<ServiceCode, { fields: Record<string, string>; produces: string }> = {
  reception: {
    produces: 'the orientation interview (completed by the presa in carico, `POST /journeys/{id}/intake`, not by a delivery)',
    fields: { orientationNotes: 'text: notes of the orientation interview' },
  },
  second_level_interview: {
    produces: 'the scheda individuale degli ambiti di sviluppo and the CV',
    fields: { developmentAreasSheet: 'text: reference or summary of the scheda individuale', cv: 'text: reference to the CV' },
  },
  path_definition: {
    produces: 'the personalised intervention plan',
    fields: {
      trainingNeeds: 'list of 1-50 texts (200 characters each)',
      trainingBodies: 'list of 1-50 texts: training bodies scouted',
      trainingModules: 'list of 1-50 texts: modules chosen',
      targetSectors: 'list of 1-50 texts: target sectors',
    },
  },
  skills_assessment: {
    produces: 'the skills sheet and an action plan',
    fields: { skillsSheet: 'text: reference or summary of the skills sheet', actionPlan: 'text: the action plan' },
  },
  tutoring: {
    produces: 'tutoring and counselling sessions',
    fields: { topics: `list of 1-50 of ${TUTORING_TOPICS.join(', ')}` },
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
  },
};

/** The `outputs` documentation, one line per service, from {@link SERVICE_OUTPUT_DOCS} (checked against the domain's fields by a unit test). */
export function serviceOutputsDescription(): string {
  return SERVICE_CODES.map((service) => {
    const doc = SERVICE_OUTPUT_DOCS[service];
    const fields = serviceOutputFields(service)
      .map((f) => `\`${f}\` (${doc.fields[f] ?? 'see the journey'})`)
      .join(', ');
    const needed = serviceOutputsRequired(service);
    const required = needed.length > 0 ? ` Completing it needs ${needed.map((f) => `\`${f}\``).join(' and ')} (from this or earlier deliveries).` : '';
    return `- \`${service}\` — ${doc.produces}: ${fields}.${required}`;
  }).join('\n');
}
