import type { ValidationError } from 'class-validator';
import { ValidationFailedError, type FieldProblem } from './api-errors';

/**
 * The ValidationPipe's exception factory: class-validator's error tree becomes one {@link FieldProblem} per broken
 * rule, with paths as a client writes them (`beneficiary.fiscalCode`, `actions[0].dueDate`).
 */
export function validationFailed(errors: ValidationError[]): ValidationFailedError {
  return new ValidationFailedError(flatten(errors, ''));
}

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    // The constraint's name (`isFiscalCode`, `isIn`, `matches`, `whitelistValidation`) is the rule's stable code.
    const own = Object.entries(e.constraints ?? {}).map(([name, message]) => ({ field: path, message: unprefixed(message, e.property), ...problemCode(name, e) }));
    // A value that is not the object its field needs (an array given for `beneficiary`) has no members to speak of:
    // naming its elements' fields would crowd the other broken fields out of the answer's first problems.
    if (e.constraints?.isObject !== undefined) return own;
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** class-validator starts default messages with the property name; the field already says it. */
function unprefixed(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** The stable code of a broken constraint ({@link FIELD_PROBLEM_CODES}): an unknown field is `unknown_field`. */
function problemCode(constraint: string, e: ValidationError): Pick<FieldProblem, 'code' | 'params'> {
  if (constraint === 'whitelistValidation') return { code: 'unknown_field', params: { name: e.property } };
  return { code: constraint };
}
