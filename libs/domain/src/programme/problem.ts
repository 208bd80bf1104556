import type { FieldProblemOf } from '../problems';

/**
 * The problems of a catalogue definition (`validateCatalogue` and the sections it checks with their own validators:
 * `offerSuitability`, `presentation`, `personalDataRetention`). Each carries the stable code of the broken rule with its
 * parameters, the same codes the API publishes for every field problem (its `FIELD_PROBLEM_CODES`, which checks at
 * compile time that it lists each of these), so a client phrases the problem in its own language; `message` is the
 * English text for a reader of the raw answer.
 */

/** What a value was expected to be, for `invalid_type` (the schemas' names). */
export type ExpectedType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** Whether a bound is a number's, a text's length or a list's size. */
export type BoundOrigin = 'number' | 'string' | 'array';

/** The parameters each code of a catalogue problem carries (`undefined`: none). */
export interface CatalogueProblemParams {
  /** The field is not one of its object's: `name` is its key. */
  unknown_field: { name: string };
  /** Not of the expected type (or missing). */
  invalid_type: { expected: ExpectedType };
  /** A number below its minimum, a text shorter, a list with fewer items. */
  too_small: { minimum: number; origin: BoundOrigin };
  /** A number above its maximum, a text longer, a list with more items. */
  too_big: { maximum: number; origin: BoundOrigin };
  /** A text not in its format (`pattern`: the regular expression it must match). */
  invalid_format: { format: 'regex'; pattern: string };
  /** Not one of the allowed values, listed comma-separated. */
  invalid_value: { values: string };
  /** Not a positive ISO-8601 duration. */
  invalid_duration: undefined;
  /** A value listed a second time in a list of distinct values. */
  repeated_value: { value: string };
  /** A service's prerequisite that is not listed before it. */
  prerequisite_not_before: { prerequisite: string; service: string };
  /** The first service of the path is not reception (the presa in carico). */
  first_service_not_reception: undefined;
  /** A clock that counts working days is not whole days (`clock`: its name). */
  not_whole_days: { clock: string };
  /** Not a legal clock, so it cannot roll forward off closed days (`values`: the legal clocks). */
  not_legal_clock: { name: string; values: string };
}

/** The codes a catalogue problem may carry. */
export type CatalogueProblemCode = keyof CatalogueProblemParams;

/** One problem of a catalogue definition: the field's path, the English message, the code and its parameters. */
export type CatalogueProblem = FieldProblemOf<CatalogueProblemParams>;

/** The problem of a field holding something of the wrong type. */
export function wrongType(field: string, message: string, expected: ExpectedType): CatalogueProblem {
  return { field, message, code: 'invalid_type', params: { expected } };
}

/** The problem of a key its object does not have. */
export function unknownField(field: string, message: string, name: string): CatalogueProblem {
  return { field, message, code: 'unknown_field', params: { name } };
}

/** The problem of a value not among `values`. */
export function notOneOf(field: string, message: string, values: readonly string[]): CatalogueProblem {
  return { field, message, code: 'invalid_value', params: { values: values.join(', ') } };
}

/** The problem of a number outside `min`–`max` (or not a finite number). */
export function numberOutside(field: string, message: string, value: unknown, min: number, max: number): CatalogueProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(field, message, 'number');
  if (value < min) return { field, message, code: 'too_small', params: { minimum: min, origin: 'number' } };
  if (value > max) return { field, message, code: 'too_big', params: { maximum: max, origin: 'number' } };
  return null;
}
