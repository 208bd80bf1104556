import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { inputProblems } from '@sal/contracts';
import { ValidationFailedError } from '../api-errors';
import { MAX_PROBLEMS } from './plain-input';
import { validatePlainInput } from './request-validation.pipe';

/**
 * Validates a request body with its schema (the command table of `@sal/contracts`), after the checks every body gets
 * (prototype-named keys, text the engine cannot store, NFC, depth): one answer names every broken field.
 */
@Injectable()
export class SchemaBodyPipe implements PipeTransform {
  constructor(private readonly schema: z.ZodType) {}

  transform(value: unknown): Promise<unknown> {
    // No JSON body was parsed (none sent, or not as application/json): a command's body is a JSON object, `{}` at least.
    if (value === undefined) throw new ValidationFailedError([{ field: '(body)', message: 'must be a JSON object sent as application/json ({} when every field is left out)', code: 'not_json_object' }]);
    return validatePlainInput(value, async (rest) => {
      const parsed = this.schema.safeParse(rest);
      if (!parsed.success) throw new ValidationFailedError(inputProblems(parsed.error).slice(0, MAX_PROBLEMS));
      return parsed.data;
    });
  }
}

/** Validates one path parameter with its schema, naming the parameter. */
@Injectable()
export class SchemaParamPipe implements PipeTransform {
  constructor(
    private readonly name: string,
    private readonly schema: z.ZodType,
  ) {}

  transform(value: unknown): unknown {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new ValidationFailedError([{ ...(inputProblems(parsed.error)[0] ?? { message: 'is malformed', code: 'invalid' }), field: this.name }]);
    return parsed.data;
  }
}
