import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError, type FieldProblem } from '../api-errors';

/** Deeper than any request of ours: beyond it the input is an attack on the parsers, not data. */
const MAX_DEPTH = 16;

/**
 * Runs before validation on bodies and query strings. Refuses keys that name members of `Object.prototype`
 * (`constructor`, `__proto__`, `toString`, …), which the whitelist cannot see as unknown fields, and input nested deeper
 * than {@link MAX_DEPTH}, which would overflow the stack of the transforming validator. Walks iteratively for the same
 * reason.
 */
@Injectable()
export class PlainInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const problems: FieldProblem[] = [];
    const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
    while (stack.length > 0 && problems.length < 10) {
      const { node, path, depth } = stack.pop()!;
      if (typeof node !== 'object' || node === null) continue;
      if (depth > MAX_DEPTH) {
        problems.push({ field: path || '(body)', message: `is nested deeper than ${MAX_DEPTH} levels` });
        continue;
      }
      for (const key of Object.keys(node)) {
        const field = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        if (!Array.isArray(node) && (key in Object.prototype || key === 'prototype')) {
          problems.push({ field, message: `property ${key} should not exist` });
          continue;
        }
        stack.push({ node: (node as Record<string, unknown>)[key], path: field, depth: depth + 1 });
      }
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return value;
  }
}
