import type { FieldProblem } from '../api/client';
import { it, type MessageKey } from './catalogue';
import { numberLocale, type Translate } from './i18n';

/**
 * Every code of the API's list (FIELD_PROBLEM_CODES, the `enum` of `FieldProblemDto.code` in the OpenAPI, hence of the
 * typed client) has its phrase in the catalogue: a code added to the API without one is a type error here. `other` is
 * a rule without a code of its own: its text is the API's.
 */
const EVERY_CODE_PHRASED: Record<`field.${Exclude<FieldProblem['code'], 'other'>}`, string> = it;
void EVERY_CODE_PHRASED;

/**
 * The API's field problems in the user's language: each carries the stable code of its broken rule (`code`, with
 * `params` such as `minimum`/`maximum`; the OpenAPI lists them) and the catalogue has a phrase per code
 * (`field.<code>`, with `field.<code>.<origin>` when the rule reads differently for a number, a text or a list, and
 * `field.<code>.<origin>.one` for a bound of 1 said without its number: "non può essere vuoto"; other bounds' words agree
 * with their number through the catalogue's `{minimum:carattere|caratteri}`), its numbers written as
 * the language writes them (0,01). A code the catalogue does not know (a rule added to the API
 * later, or `other`) shows the API's own text.
 */
export function fieldProblemText(problem: FieldProblem, t: Translate, has: (key: string) => key is MessageKey): string {
  const given = problem.params ?? {};
  const numbers = new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: 20 });
  // Whole numbers as numbers (the phrase writes them, and its words agree with them: "1 carattere", "2 caratteri").
  const params = Object.fromEntries(Object.entries(given).map(([name, value]) => [name, typeof value === 'number' && !Number.isInteger(value) ? numbers.format(value) : value]));
  const code = problem.code;
  if (!code) return problem.message;
  const origin = typeof given.origin === 'string' ? given.origin : undefined;
  const specific = origin ? `field.${code}.${origin}` : undefined;
  const bound = code === 'too_small' ? given.minimum : code === 'too_big' ? given.maximum : undefined;
  const one = specific && bound === 1 ? `${specific}.one` : undefined;
  if (one && has(one)) return t(one, params);
  if (specific && has(specific)) return t(specific, params);
  const key = `field.${code}`;
  return has(key) ? t(key, params) : problem.message;
}
