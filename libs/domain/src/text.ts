/**
 * What free text the engine keeps. Everything a journey records ends up in its history, in PostgreSQL (text and
 * jsonb columns) and in messages to people: a NUL, an unpaired surrogate or a control character there is refused by
 * the database or garbles a message, so such text is refused where it enters (the API's validation, the workflow's
 * update validators) rather than discovered by a side effect later. One definition for every entry point.
 */

/** `line`: a name, an employer, a place; `multiline`: a note, a description, a reason (tab and line feed allowed). */
export type TextKind = 'line' | 'multiline';

/** C0 controls, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROLS_LINE = /[\u0000-\u001f\u007f-\u009f]/;
/** The same but tab (U+0009) and line feed (U+000A). */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROLS_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why `value` cannot be stored as text of `kind`, or null when it can. Text must be valid Unicode (no unpaired
 * surrogates), free of control characters (but tab and line feed in `multiline` text) and in NFC form (the API
 * normalises what it receives; a command sent straight to Temporal must already be).
 * @example textProblem('Rossi\u0000') // 'must not contain control characters'
 */
export function textProblem(value: string, kind: TextKind = 'line'): string | null {
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  if ((kind === 'line' ? CONTROLS_LINE : CONTROLS_MULTILINE).test(value)) {
    return kind === 'line' ? 'must not contain control characters or line breaks' : 'must not contain control characters (tab and line feed are allowed)';
  }
  if (value.normalize('NFC') !== value) return 'must be Unicode text in NFC form';
  return null;
}

/** A field of some input whose text cannot be stored, with why. */
export interface TextFieldProblem {
  field: string;
  message: string;
}

/** Deeper than any command of ours; a deeper input is refused as a whole. */
const MAX_DEPTH = 16;

/**
 * The first string anywhere in `input` (values and keys, at any depth) that {@link textProblem} refuses as
 * `multiline` text, with its field path (`actions[0].description`), or null. Used by the workflow's validators,
 * which see commands sent straight to Temporal as well as the API's.
 */
export function findTextProblem(input: unknown, path = '', depth = 0): TextFieldProblem | null {
  if (typeof input === 'string') {
    const message = textProblem(input, 'multiline');
    return message === null ? null : { field: path || '(input)', message };
  }
  if (typeof input !== 'object' || input === null) return null;
  if (depth > MAX_DEPTH) return { field: path || '(input)', message: `is nested deeper than ${MAX_DEPTH} levels` };
  for (const [key, value] of Object.entries(input)) {
    const field = Array.isArray(input) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const keyProblem = textProblem(key, 'line');
    if (keyProblem !== null) return { field, message: `the field's name ${keyProblem}` };
    const found = findTextProblem(value, field, depth + 1);
    if (found) return found;
  }
  return null;
}
