import { romeStartOfDay } from '../dates';
import { SERVICE_CODES, type ServiceCode } from '../programme/catalogue';
import type { RecordServiceDeliveryCommand } from './commands';
import { TUTORING_TOPICS, type JourneyState, type ServiceOutput } from './model';
import { MAX_TEXT, optionalText, pastInstant, refusal, requireOneOf, requireText, type Outcome, type Refused } from './rules';

/**
 * Whether the journey may deliver (or schedule) a service now: the catalogue lists it, the stage allows it (the
 * interview, the plan and the assessment after the presa in carico; tutoring and job search under a signed pact), it is
 * not completed, and — unless `ignorePrerequisites` (an appointment may be booked ahead) — its prerequisites are done.
 */
export function serviceAvailability(state: JourneyState, service: ServiceCode, ignorePrerequisites = false): Refused | null {
  const invalid = requireOneOf(service, SERVICE_CODES, 'service');
  if (invalid) return invalid;
  const step = state.services?.find((s) => s.service === service);
  if (state.services !== null && !step) {
    return refusal('SERVICE_NOT_IN_PROGRAMME', `programme ${state.programmeCode} (catalogue version ${state.catalogueVersion}) does not include ${service}`);
  }
  if (service !== 'reception' && state.stage === 'awaiting_intake') {
    return refusal('INTAKE_REQUIRED', `${service} follows the presa in carico: record the intake first`);
  }
  if ((service === 'tutoring' || service === 'job_search') && state.stage === 'awaiting_pact') {
    return refusal('PACT_NOT_SIGNED', `${service} runs under the signed pact`);
  }
  const progress = state.serviceProgress.find((s) => s.service === service)!;
  if (progress.status === 'completed') return refusal('SERVICE_ALREADY_COMPLETED', `${service} was completed on ${progress.completedAt}`);
  if (!ignorePrerequisites && step) {
    const pending = step.after.filter((p) => state.serviceProgress.find((s) => s.service === p)?.status !== 'completed');
    if (pending.length > 0) return refusal('SERVICE_PREREQUISITE_PENDING', `${service} starts after ${pending.join(', ')}, not completed yet`);
  }
  return null;
}

/** The services of the catalogue not completed yet (none when the catalogue lists no services). */
export function servicesPending(state: JourneyState): ServiceCode[] {
  return (state.services ?? []).map((s) => s.service).filter((s) => state.serviceProgress.find((p) => p.service === s)?.status !== 'completed');
}

export function recordServiceDelivery(state: JourneyState, c: RecordServiceDeliveryCommand, now: string): Outcome {
  const unavailable = serviceAvailability(state, c.service);
  if (unavailable) return unavailable;
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? validateHours(c.hours) ?? validateOutputs(c.service, c.outputs ?? {});
  if (invalid) return invalid;
  if (c.completesService !== undefined && typeof c.completesService !== 'boolean') return refusal('INVALID_VALUE', 'must be true or false', 'completesService');
  const completes = c.completesService === true;
  if (completes && c.service === 'reception') {
    return refusal('INVALID_VALUE', 'reception is completed by the presa in carico: record the intake', 'completesService');
  }
  const deliveredAt = pastInstant(c.deliveredAt, now, 'deliveredAt', romeStartOfDay(state.didDate), `the DID date ${state.didDate}`);
  if (typeof deliveredAt !== 'string') return deliveredAt;
  const outputs = (c.outputs ?? {}) as ServiceOutput;
  if (completes) {
    const progress = state.serviceProgress.find((s) => s.service === c.service)!;
    const missing = missingOutputs(c.service, { ...progress.outputs, ...outputs } as Record<string, unknown>);
    if (missing.length > 0) {
      return refusal('SERVICE_OUTPUTS_MISSING', `completing ${c.service} needs ${missing.join(', ')}`, `outputs.${missing[0]}`);
    }
  }
  const used = state.serviceProgress.reduce((n, s) => n + s.sessions, 0);
  return [
    {
      type: 'ServiceDelivered',
      data: {
        deliveryId: `D${used + 1}`,
        service: c.service,
        operatorId: c.operatorId,
        deliveredAt,
        hours: c.hours,
        outputs,
        completesService: completes,
      },
    },
  ];
}

function validateHours(hours: unknown): Refused | null {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > 12) {
    return refusal('INVALID_VALUE', 'must be a number of hours above 0 and at most 12 (one session)', 'hours');
  }
  return Math.round(hours * 100) / 100 === hours ? null : refusal('INVALID_VALUE', 'must have at most two decimals', 'hours');
}

type FieldKind = 'text' | 'texts' | 'count' | 'topics';

/** What each service may produce, and what completing it requires. */
const OUTPUT_FIELDS: Record<ServiceCode, { fields: Record<string, FieldKind>; required: string[] }> = {
  reception: { fields: { orientationNotes: 'text' }, required: [] },
  second_level_interview: { fields: { developmentAreasSheet: 'text', cv: 'text' }, required: ['developmentAreasSheet', 'cv'] },
  path_definition: {
    fields: { trainingNeeds: 'texts', trainingBodies: 'texts', trainingModules: 'texts', targetSectors: 'texts' },
    required: ['trainingNeeds', 'targetSectors'],
  },
  skills_assessment: { fields: { skillsSheet: 'text', actionPlan: 'text' }, required: ['skillsSheet', 'actionPlan'] },
  tutoring: { fields: { topics: 'topics' }, required: ['topics'] },
  job_search: {
    fields: { offersFound: 'count', offersEvaluated: 'count', applicationsSent: 'count', companiesContacted: 'count', companiesVisited: 'count' },
    required: [],
  },
};

/** The output fields a service accepts, for documentation and DTOs. */
export function serviceOutputFields(service: ServiceCode): string[] {
  return Object.keys(OUTPUT_FIELDS[service].fields);
}

/** The outputs completing a service needs (from the completing delivery or earlier ones). */
export function serviceOutputsRequired(service: ServiceCode): string[] {
  return [...OUTPUT_FIELDS[service].required];
}

function validateOutputs(service: ServiceCode, outputs: unknown): Refused | null {
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) return refusal('INVALID_VALUE', 'must be an object', 'outputs');
  const { fields } = OUTPUT_FIELDS[service];
  for (const [key, value] of Object.entries(outputs)) {
    const field = `outputs.${key}`;
    const kind = fields[key];
    if (!kind) return refusal('INVALID_VALUE', `is not an output of ${service} (it has ${Object.keys(fields).join(', ')})`, field);
    const bad = validateField(kind, value, field);
    if (bad) return bad;
  }
  return null;
}

function validateField(kind: FieldKind, value: unknown, field: string): Refused | null {
  switch (kind) {
    case 'text':
      return optionalText(value, field, MAX_TEXT);
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000
        ? null
        : refusal('INVALID_VALUE', 'must be a whole number from 0 to 10000', field);
    case 'texts':
    case 'topics': {
      if (!Array.isArray(value) || value.length === 0 || value.length > 50) return refusal('INVALID_VALUE', 'must be a list of 1 to 50 items', field);
      for (const [i, item] of value.entries()) {
        const bad = kind === 'topics' ? requireOneOf(item, TUTORING_TOPICS, `${field}[${i}]`) : requireText(item, `${field}[${i}]`, 200);
        if (bad) return bad;
      }
      return null;
    }
  }
}

function missingOutputs(service: ServiceCode, outputs: Record<string, unknown>): string[] {
  return OUTPUT_FIELDS[service].required.filter((key) => {
    const v = outputs[key];
    return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  });
}

