import { textProblem } from '@sal/domain';
import type { FieldProblem } from '../api-errors';

/** Deeper than any request of ours: beyond it the input is an attack on the parsers, not data. */
export const MAX_DEPTH = 16;
/** Problems named at most, so an answer to a hostile body stays small. */
export const MAX_PROBLEMS = 10;

export interface Inspected {
  problems: FieldProblem[];
  tooDeep: boolean;
  /**
   * The input to validate further: without the refused keys and with every string in Unicode NFC form (a copy, built
   * only when something had to change).
   */
  rest: unknown;
}

/**
 * Finds prototype-named keys, text the engine cannot store (`textProblem` of the domain: control characters but tab
 * and line feed, unpaired surrogates) and too-deep nesting, iteratively (a deep input must not overflow this walk
 * either). Strings are normalised to NFC in `rest`.
 */
export function inspectPlainInput(value: unknown): Inspected {
  const problems: FieldProblem[] = [];
  let tooDeep = false;
  let denormalised = false;
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node === 'string') {
      const message = textProblem(node, 'multiline');
      if (message === null) continue;
      if (node.normalize('NFC') !== node && textProblem(node.normalize('NFC'), 'multiline') === null) denormalised = true;
      else problems.push({ field: path || '(body)', message, code: 'unstorable_text' });
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) {
      problems.push({ field: path || '(body)', message: `is nested deeper than ${MAX_DEPTH} levels`, code: 'too_deep', params: { maximum: MAX_DEPTH } });
      tooDeep = true;
      continue;
    }
    for (const key of Object.keys(node)) {
      const field = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (isPrototypeName(node, key)) {
        problems.push({ field, message: `property ${key} should not exist`, code: 'forbidden_name', params: { name: key } });
        continue;
      }
      const keyProblem = Array.isArray(node) ? null : textProblem(key, 'line');
      if (keyProblem !== null) {
        problems.push({ field: JSON.stringify(field).slice(1, -1), message: `the field's name ${keyProblem}`, code: 'unstorable_text' });
        continue;
      }
      stack.push({ node: (node as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  // Sorted as a client reads the body, not in the walk's order.
  problems.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { problems, tooDeep, rest: (problems.length > 0 || denormalised) && !tooDeep ? cleaned(value) : value };
}

function isPrototypeName(node: object, key: string): boolean {
  return !Array.isArray(node) && (key in Object.prototype || key === 'prototype');
}

/**
 * A copy without the refused keys, strings in NFC and unstorable strings left out (they are named already, and the
 * validators would name them again); depth is bounded by {@link MAX_DEPTH} when this runs.
 */
function cleaned(node: unknown): unknown {
  if (typeof node === 'string') return node.normalize('NFC');
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map(cleaned);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const item = (node as Record<string, unknown>)[key];
    if (isPrototypeName(node, key) || textProblem(key, 'line') !== null) continue;
    if (typeof item === 'string' && textProblem(item.normalize('NFC'), 'multiline') !== null) continue;
    copy[key] = cleaned(item);
  }
  return copy;
}
