import { MAX_TEXT, optionalText, refusal, requireOneOf, requireText, type Refused } from '../journey/rules';
import type { ServiceProgress } from './model';
import { SERVICES, TUTORING_TOPICS, type OutputFieldKind, type ServiceCode, type ServiceOutput } from './service-table';

/** The output fields a service accepts, for documentation and DTOs. */
export function serviceOutputFields(service: ServiceCode): string[] {
  return Object.keys(SERVICES[service].outputs);
}

/** The outputs completing a service needs (from the completing delivery or earlier ones). */
export function serviceOutputsRequired(service: ServiceCode): string[] {
  return [...SERVICES[service].required];
}

export function validateOutputs(service: ServiceCode, outputs: unknown): Refused | null {
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) return refusal('INVALID_VALUE', 'must be an object', 'outputs');
  const fields: Readonly<Record<string, OutputFieldKind>> = SERVICES[service].outputs;
  for (const [key, value] of Object.entries(outputs)) {
    const field = `outputs.${key}`;
    const kind: unknown = fields[key];
    if (!kind) return refusal('INVALID_VALUE', `is not an output of ${service} (it has ${Object.keys(fields).join(', ')})`, field);
    // A name Object.prototype holds (`toString`, `__proto__`…) has always passed unchecked; recorded decisions
    // depend on it, so refusing it is a change of rule for its own release, not part of a refactoring.
    const bad = typeof kind === 'string' ? FIELD_CHECKS[kind as OutputFieldKind](value, field) : null;
    if (bad) return bad;
  }
  return null;
}

function listOf(check: (item: unknown, field: string) => Refused | null) {
  return (value: unknown, field: string): Refused | null => {
    if (!Array.isArray(value) || value.length === 0 || value.length > 50) return refusal('INVALID_VALUE', 'must be a list of 1 to 50 items', field);
    for (const [i, item] of value.entries()) {
      const bad = check(item, `${field}[${i}]`);
      if (bad) return bad;
    }
    return null;
  };
}

const FIELD_CHECKS: Record<OutputFieldKind, (value: unknown, field: string) => Refused | null> = {
  text: (value, field) => optionalText(value, field, MAX_TEXT),
  count: (value, field) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000 ? null : refusal('INVALID_VALUE', 'must be a whole number from 0 to 10000', field),
  texts: listOf((item, field) => requireText(item, field, 200)),
  topics: listOf((item, field) => requireOneOf(item, TUTORING_TOPICS, field)),
};

/** The required outputs still missing from what the service produced so far plus this delivery. */
export function missingOutputs(service: ServiceCode, outputs: Record<string, unknown>): string[] {
  return SERVICES[service].required.filter((key: string) => {
    const v = outputs[key];
    return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  });
}

/** Later outputs add to earlier ones: lists are joined without repeats, counts summed, texts replaced. */
export function mergeOutputs(before: ServiceProgress['outputs'], added: ServiceOutput): ServiceOutput {
  const merged: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(added)) {
    const previous = merged[key];
    if (Array.isArray(value)) merged[key] = [...new Set([...(Array.isArray(previous) ? (previous as unknown[]) : []), ...(value as unknown[])])];
    else if (typeof value === 'number') merged[key] = (typeof previous === 'number' ? previous : 0) + value;
    else merged[key] = value;
  }
  return merged as ServiceOutput;
}
