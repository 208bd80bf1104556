import { Injectable, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ValidationFailedError, type FieldProblem } from '../api-errors';
import { validationFailed } from '../validation-errors';
import { inspectPlainInput, MAX_PROBLEMS } from './plain-input';

/**
 * The API's one validation pipe: the ValidationPipe (whitelist, unknown fields refused, DTOs transformed) with the checks
 * it cannot make itself on bodies and query strings. Every string is normalised to Unicode NFC, and text the engine
 * cannot store (the domain's `textProblem`: control characters but tab and line feed, unpaired surrogates) is refused
 * naming its field, whatever the DTO. Keys that name members of `Object.prototype`
 * (`constructor`, `__proto__`, `toString`, …) look known to the whitelist: they are refused here, and the rest of the
 * input is still validated without them, so one answer names every broken field. Input nested deeper than
 * `MAX_DEPTH` (plain-input.ts) would overflow the stack of the transforming validator: it is refused at once, walked iteratively.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationFailed });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' && metadata.type !== 'query') return super.transform(value, metadata);
    // A body without a DTO class is a command's, validated by its schema (SchemaBodyPipe), which makes these checks too.
    if (metadata.type === 'body' && (metadata.metatype === undefined || metadata.metatype === Object)) return value;
    return validatePlainInput(value, (rest) => super.transform(rest, metadata));
  }
}

/**
 * Runs the checks of {@link inspectPlainInput} on `value`, then `validate` on what is left (strings in NFC, refused keys
 * and unstorable strings out): answers `validate`'s result, or throws one ValidationFailedError naming every problem
 * of both. Every validation pipe of the API goes through it, DTO or schema.
 */
export async function validatePlainInput(value: unknown, validate: (rest: unknown) => Promise<unknown>): Promise<unknown> {
  const inspected = inspectPlainInput(value);
  if (inspected.tooDeep || inspected.problems.length >= MAX_PROBLEMS) throw new ValidationFailedError(inspected.problems);
  if (inspected.problems.length === 0) return validate(inspected.rest);
  let others: FieldProblem[] = [];
  try {
    await validate(inspected.rest);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    // A field named already (its text could not be stored) is not named again for being missing.
    const named = new Set(inspected.problems.map((p) => p.field));
    others = (error.fields ?? []).filter((p) => !named.has(p.field));
  }
  throw new ValidationFailedError([...inspected.problems, ...others].slice(0, MAX_PROBLEMS));
}
