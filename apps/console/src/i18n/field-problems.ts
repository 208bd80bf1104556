import type { FieldProblem } from '../api/client';
import type { MessageKey } from './catalogue';
import type { Translate } from './i18n';

/**
 * The API's field problems in the user's language: each carries the stable code of its broken rule (`code`, with
 * `params` such as `minimum`/`maximum`; the OpenAPI lists them) and the catalogue has a phrase per code
 * (`field.<code>`, with `field.<code>.<origin>` when the rule reads differently for a number, a text or a list). A code
 * the catalogue does not know (a rule added to the API later, or `other`) shows the API's own text.
 */
export function fieldProblemText(problem: FieldProblem, t: Translate, has: (key: string) => key is MessageKey): string {
  const params = problem.params ?? {};
  const code = problem.code;
  if (!code) return problem.message;
  const origin = typeof params.origin === 'string' ? params.origin : undefined;
  const specific = origin ? `field.${code}.${origin}` : undefined;
  if (specific && has(specific)) return t(specific, params);
  const key = `field.${code}`;
  return has(key) ? t(key, params) : problem.message;
}
