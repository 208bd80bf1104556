import { z } from 'zod';
import { isIsoDate, isIsoDuration, isIsoInstant, textProblem, type TextKind } from '@sal/domain';

/**
 * The shapes and limits of the fields commands carry, written once: the API validates request bodies with them, the
 * OpenAPI document is generated from them, and the journey's update validators apply them to every command, also to
 * one sent straight to Temporal. The journey's own rules (a due date after the signing, an output the service has)
 * stay in the domain.
 */

/** Staff ids as the regional systems issue them: letters, digits and `._@-`, at most 64 (the read model's columns). */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
export const STAFF_ID_MESSAGE = 'must be 1-64 characters: letters, digits, . _ @ -';
export const STAFF_ID_EXAMPLE = 'op-milano-017';

/** An employment office (Centro per l'Impiego) id. */
export const OFFICE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const OFFICE_ID_MESSAGE = 'must be 1-64 characters: letters, digits, _ or -';

/** A programme code as the regions publish them, e.g. GOL-1. */
export const PROGRAMME_CODE_PATTERN = /^[A-Z0-9_-]{2,32}$/;
export const PROGRAMME_CODE_MESSAGE = 'must be 2-32 characters: upper-case letters, digits, _ or -';

/** What the OpenAPI document says of a field. */
type Doc = { description: string; example?: unknown; [key: string]: unknown };

/** A staff member's id (an operator, a supervisor). */
export const staffId = (description: string, example = STAFF_ID_EXAMPLE) =>
  z.string({ error: STAFF_ID_MESSAGE }).regex(STAFF_ID_PATTERN, { error: STAFF_ID_MESSAGE }).meta({ description, example });

/** One of `values`, compared exactly. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, doc: Doc) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` }).meta(doc);

/**
 * Free text of 1 to `max` characters (not blank), that the engine can store: the domain's `textProblem` for `kind`
 * (a `line` has no line breaks; a note may hold tabs and line feeds).
 */
export const text = (max: number, doc: Doc, kind: TextKind = 'multiline') =>
  z
    .string({ error: 'must be a string' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(/\S/, { error: 'must not be blank' })
    .superRefine((value, ctx) => {
      const problem = textProblem(value, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'unstorable_text' } });
    })
    .meta({ ...doc, description: `${doc.description} (1-${max} characters)` });

/** Free text of 0 to `max` characters: a note that may be left empty. */
export const note = (max: number, doc: Doc) =>
  z
    .string({ error: 'must be a string' })
    .max(max, { error: `must be at most ${max} characters` })
    .superRefine((value, ctx) => {
      const problem = textProblem(value, 'multiline');
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'unstorable_text' } });
    })
    .meta({ ...doc, description: `${doc.description} (at most ${max} characters)` });

/** An ISO-8601 date-time with an explicit offset (`2026-03-01T09:30:00+01:00`, `…Z`). */
export const instant = (doc: Doc) =>
  z
    .string({ error: 'must be an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+01:00' })
    .refine(isIsoInstant, { error: 'must be an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+01:00', params: { code: 'invalid_instant' } })
    .meta({ format: 'date-time', ...doc });

/** A real calendar date, YYYY-MM-DD. */
export const calendarDate = (doc: Doc) =>
  z
    .string({ error: 'must be a real calendar date written YYYY-MM-DD' })
    .refine(isIsoDate, { error: 'must be a real calendar date written YYYY-MM-DD', params: { code: 'invalid_date' } })
    .meta({ format: 'date', ...doc });

/** A due date: YYYY-MM-DD (due at the end of that day in Rome) or an ISO-8601 date-time with offset. */
export const dueDate = (doc: Doc) =>
  z
    .string({ error: 'must be YYYY-MM-DD or an ISO-8601 date-time with offset' })
    .refine((v) => isIsoDate(v) || isIsoInstant(v), { error: 'must be YYYY-MM-DD or an ISO-8601 date-time with offset', params: { code: 'invalid_due_date' } })
    .meta(doc);

/** An ISO-8601 duration such as P30D, P1M, P2W. */
export const duration = (doc: Doc) =>
  z
    .string({ error: 'must be an ISO-8601 duration such as P30D or P1M' })
    .refine(isIsoDuration, { error: 'must be an ISO-8601 duration such as P30D or P1M', params: { code: 'invalid_duration' } })
    .meta({ format: 'duration', ...doc });

/** true or false. */
export const flag = (doc: Doc) => z.boolean({ error: 'must be a boolean value' }).meta(doc);

/** An id the journey numbers with a prefix: A1, AP2, O3… (1 to 4 digits; A: 1 to 3). */
export const numberedId = (prefix: string, what: string, example: string, digits = 4) => {
  const message = `must be ${what} id: ${prefix} followed by 1-${digits} digits, such as ${example}`;
  return z
    .string({ error: message })
    .regex(new RegExp(`^${prefix}[0-9]{1,${digits}}$`), { error: message })
    .meta({ description: `The ${what.replace(/^an? /, '')} (\`${prefix}1\`, \`${prefix}2\`, …)`, example });
};
