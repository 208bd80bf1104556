import type { FieldProblem } from '../api-errors';

/** Deeper than any request of ours: beyond it the input is an attack on the parsers, not data. */
export const MAX_DEPTH = 16;
/** Problems named at most, so an answer to a hostile body stays small. */
export const MAX_PROBLEMS = 10;

export interface Inspected {
  problems: FieldProblem[];
  tooDeep: boolean;
  /** The input without the refused keys (only built when some were found). */
  rest: unknown;
}

/** Finds prototype-named keys and too-deep nesting, iteratively (a deep input must not overflow this walk either). */
export function inspectPlainInput(value: unknown): Inspected {
  const problems: FieldProblem[] = [];
  let tooDeep = false;
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) {
      problems.push({ field: path || '(body)', message: `is nested deeper than ${MAX_DEPTH} levels` });
      tooDeep = true;
      continue;
    }
    for (const key of Object.keys(node)) {
      const field = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (isPrototypeName(node, key)) {
        problems.push({ field, message: `property ${key} should not exist` });
        continue;
      }
      stack.push({ node: (node as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  // Sorted as a client reads the body, not in the walk's order.
  problems.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { problems, tooDeep, rest: problems.length > 0 && !tooDeep ? withoutPrototypeNames(value) : value };
}

function isPrototypeName(node: object, key: string): boolean {
  return !Array.isArray(node) && (key in Object.prototype || key === 'prototype');
}

/** A copy without the prototype-named keys; depth is bounded by {@link MAX_DEPTH} when this runs. */
function withoutPrototypeNames(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map(withoutPrototypeNames);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (!isPrototypeName(node, key)) copy[key] = withoutPrototypeNames((node as Record<string, unknown>)[key]);
  }
  return copy;
}
