import fc from 'fast-check';
import { fiscalCodeCheckCharacter } from '@sal/domain';
import { adminToken } from './auth';
import { notePersonalData } from './personal-data-ledger';

/**
 * Generators of requests the API must refuse, for property-based tests. Every value here is invalid by construction
 * (checked against an independent reading of the rule, never against the product's own validators), so a request built
 * from a valid body and one or more of these mutations must be answered 4xx and change nothing.
 */

// ---------------------------------------------------------------------------------------------------------------------
// Raw HTTP
// ---------------------------------------------------------------------------------------------------------------------

export interface RawAnswer {
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: any;
}

/**
 * A request with a body exactly as given (malformed JSON, odd content types, raw bytes), as an administrator. A string
 * body without a content type goes as bytes, so fetch adds no `text/plain` of its own.
 */
export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  { body, contentType = 'application/json' }: { body?: string | Uint8Array; contentType?: string | null } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${adminToken()}` };
  if (typeof body === 'string') notePersonalData(body);
  if (contentType !== null && body !== undefined) headers['content-type'] = contentType;
  const payload = body === undefined ? undefined : contentType === null && typeof body === 'string' ? Buffer.from(body) : body;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { status: response.status, body: parsed };
}

// ---------------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------------

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODIA = 'LMNPQRSTUV';
const pad2 = (n: number) => String(n).padStart(2, '0');
const pad3 = (n: number) => String(n).padStart(3, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');
const chars = (alphabet: string, length: number) => fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));
const withCheck = (first15: string) => first15 + fiscalCodeCheckCharacter(first15);
/** Days in a month of a four-digit year, by the JavaScript calendar (not the product's code). */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Keys that name members of Object.prototype, and `prototype`: the API does not refuse them as unknown fields, in bodies
 * or query strings (a known bug: see the bug tests), so the generators leave them out.
 */
export const isPrototypeKey = (key: string): boolean => key in Object.prototype || key === 'prototype';

/** A valid fiscal code: name letters, year, month letter, day (women +40), a place code other than X000, check character. */
export const validFiscalCode = fc
  .record({
    name: chars(UPPER, 6),
    year: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 0, max: 11 }),
    day: fc.integer({ min: 1, max: 28 }),
    female: fc.boolean(),
    // A place code's letter: A-M for Italian municipalities, Z abroad.
    place: fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMZ'), fc.integer({ min: 1, max: 999 })),
  })
  .map(({ name, year, month, day, female, place }) => withCheck(`${name}${pad2(year)}${MONTH_LETTERS[month]}${pad2(female ? day + 40 : day)}${place[0]}${pad3(place[1])}`));

/** Invalid fiscal codes derived from valid ones: wrong check character, impossible birth data, broken structure. */
export const invalidFiscalCode: fc.Arbitrary<string> = fc.oneof(
  // A valid code with another check character.
  validFiscalCode.chain((code) => fc.constantFrom(...UPPER.replace(code[15], '')).map((c) => code.slice(0, 15) + c)),
  // A month letter that names no month (position 8), check character recomputed.
  fc
    .tuple(validFiscalCode, fc.constantFrom(...[...UPPER].filter((c) => !MONTH_LETTERS.includes(c))))
    .map(([code, m]) => withCheck(code.slice(0, 8) + m + code.slice(9, 15))),
  // A day that no month has: 00, 32-40, 72-99 (women add 40), check character recomputed.
  fc
    .tuple(validFiscalCode, fc.constantFrom(0, ...range(32, 40), ...range(72, 99)))
    .map(([code, day]) => withCheck(code.slice(0, 9) + pad2(day) + code.slice(11, 15))),
  // A day past the end of its month: 30-31 February, 29 February of a year not divisible by 4, 31 of a 30-day month.
  fc
    .tuple(
      validFiscalCode,
      fc.oneof(
        fc.record({ month: fc.constant('B'), day: fc.constantFrom(30, 31), year: fc.integer({ min: 0, max: 99 }) }),
        fc.record({ month: fc.constant('B'), day: fc.constant(29), year: fc.integer({ min: 0, max: 99 }).filter((y) => y % 4 !== 0) }),
        fc.record({ month: fc.constantFrom('D', 'H', 'P', 'S'), day: fc.constant(31), year: fc.integer({ min: 0, max: 99 }) }),
      ),
      fc.boolean(),
    )
    .map(([code, { month, day, year }, female]) => withCheck(code.slice(0, 6) + pad2(year) + month + pad2(female ? day + 40 : day) + code.slice(11, 15))),
  // The same impossible day written with omocodia letters (3 → P, 2 → N ...).
  fc
    .tuple(validFiscalCode, fc.constantFrom(32, 35, 39, 0, 80, 99))
    .map(([code, day]) => withCheck(code.slice(0, 9) + [...pad2(day)].map((d) => OMOCODIA[Number(d)]).join('') + code.slice(11, 15))),
  // Place code X000.
  validFiscalCode.map((code) => withCheck(code.slice(0, 12) + '000')),
  // A place code letter that names no place (N-Y), check character recomputed.
  fc.tuple(validFiscalCode, fc.constantFrom(...'NOPQRSTUVWXY')).map(([code, letter]) => withCheck(code.slice(0, 11) + letter + code.slice(12, 15))),
  // Omocodia out of order: a letter for a digit while a digit to its right stays (check character recomputed).
  fc
    .tuple(validFiscalCode, fc.constantFrom(6, 7, 9, 10, 12, 13))
    .map(([code, p]) => withCheck(code.slice(0, p) + OMOCODIA[Number(code[p])] + code.slice(p + 1, 14) + '0')),
  // An 11-digit provisional code with a wrong check digit (the partita IVA rule computed here independently).
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).chain((digits) => {
    const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2), 0);
    const check = (10 - (sum % 10)) % 10;
    return fc.integer({ min: 0, max: 9 }).filter((d) => d !== check).map((d) => digits.join('') + d);
  }),
  // Structure: too short or too long (never padded with white space, which the API trims), a digit where a letter
  // goes, a letter or symbol where a digit goes.
  fc.tuple(validFiscalCode, fc.integer({ min: 0, max: 15 })).map(([code, n]) => code.slice(0, n)),
  fc.tuple(validFiscalCode, fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom(...UPPER, ...'0123456789') })).map(([code, extra]) => code + extra),
  fc.tuple(validFiscalCode, fc.constantFrom(0, 1, 2, 3, 4, 5, 8, 11, 15), fc.integer({ min: 0, max: 9 })).map(([code, i, d]) => code.slice(0, i) + d + code.slice(i + 1)),
  fc.tuple(validFiscalCode, fc.constantFrom(6, 7, 9, 10, 12, 13, 14), fc.constantFrom(...'AZ-*_ .è')).map(([code, i, c]) => code.slice(0, i) + c + code.slice(i + 1)),
);

/** YYYY-MM-DD strings that name no calendar day (2026-02-30, 2026-13-01, 1900-02-29 ...). */
export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => `${pad4(year)}-${pad2(month)}-${pad2(day)}`),
  fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 70 }), zero: fc.boolean() })
    .map(({ year, month, extra, zero }) => `${pad4(year)}-${pad2(month)}-${pad2(zero ? 0 : Math.min(99, daysIn(year, month) + extra))}`),
  fc.constantFrom('2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '1900-02-29', '2100-02-29', '2026-00-10', '2026-06-00'),
);

/** Strings that are not YYYY-MM-DD at all. */
export const malformedDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-1-05', '26-01-05', '2026/01/05', '20260105', '05-01-2026', '2026-01-05 ', ' 2026-01-05', '2026-01', 'today', '',
    '2026-W01-1', '+02026-01-05', '２０２６-01-05', '2026-01-0５', '2026-01-05T00:00:00Z', '2026‐01‐05',
  ),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
);

/** A real date from two days ahead to 2099, when a date may not be in the future. */
export const futureDate: fc.Arbitrary<string> = fc
  .integer({ min: 2, max: 20_000 })
  .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));

const realDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${pad2(month)}-${pad2(day)}`);

/** Strings that are not an ISO-8601 date-time with offset naming a real instant. */
export const impossibleInstant: fc.Arbitrary<string> = fc.oneof(
  impossibleDate.map((d) => `${d}T10:00:00Z`),
  fc.tuple(realDate, fc.integer({ min: 25, max: 99 })).map(([d, h]) => `${d}T${h}:00:00+01:00`),
  fc.tuple(realDate, fc.integer({ min: 60, max: 99 })).map(([d, m]) => `${d}T10:${m}:00Z`),
  realDate.map((d) => `${d}T10:00:00`),
  realDate,
  fc.tuple(realDate, fc.constantFrom('t10:00:00Z', 'T10:00:00z', 'T10:00:00+1:00', 'T10:00:00 Z', 'T10:00:00+0100', 'T1000Z', 'T10:00:00.Z', 'T10:00:00+25:00')).map(
    ([d, rest]) => d + rest,
  ),
  fc.constantFrom('now', 'yesterday', '1700000000000', ''),
);

/** Strings that are not ISO-8601 durations. */
export const malformedDuration = fc.constantFrom('30D', 'P', 'PT', 'P1', '1M', '', 'P30DT', 'PT1H30', 'P1.5D', 'p30d', 'P30D ', 'P-1D', 'P1DT', 'monthly', 'P1M1Y');

/** A string of `allowed` characters with at least one `foreign` character inserted somewhere. */
const withForeignCharacter = (allowed: string, foreign: string) =>
  fc
    .tuple(fc.string({ maxLength: 20, unit: fc.constantFrom(...allowed) }), fc.constantFrom(...foreign), fc.nat())
    .map(([s, c, at]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + c + s.slice(i);
    });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Operator ids: 1-64 of letters, digits, `. _ @ -`. */
export const badOperatorId: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 65, max: 300 }).map((n) => 'o'.repeat(n)),
  withForeignCharacter(`${ALNUM}._@-`, ' /#+!,%è\n\t:;()'),
);
/** Office ids: 1-64 of letters, digits, `_ -`. */
export const badOfficeId: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 65, max: 300 }).map((n) => 'C'.repeat(n)),
  withForeignCharacter(`${ALNUM}_-`, ' ./@#+è\n:'),
);
/** Programme codes: 2-32 of upper-case letters, digits, `_ -` (and one that has a catalogue). */
export const badProgrammeCode: fc.Arbitrary<{ value: string; unknown: boolean }> = fc.oneof(
  fc.constantFrom('', 'G', 'gol-1', 'Gol-1').map((value) => ({ value, unknown: false })),
  fc.integer({ min: 33, max: 100 }).map((n) => ({ value: 'G'.repeat(n), unknown: false })),
  withForeignCharacter('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-', ' ./@#abcè').map((value) => ({ value, unknown: false })),
  // Well-formed, but no programme has this code.
  fc.integer({ min: 0, max: 1e9 }).map((n) => ({ value: `ZZ-NOPE-${n}`, unknown: true })),
);
/**
 * Text no field may hold, because PostgreSQL or a message could not carry it: a C0 control other than tab and line
 * feed (NUL first of all), DEL, a C1 control, or (`surrogates`, for JSON bodies: a URL cannot carry one) an unpaired
 * surrogate, somewhere in an otherwise ordinary string. Written from the Unicode and PostgreSQL rules, not the product's.
 */
export const unstorableText = ({ surrogates = true } = {}): fc.Arbitrary<string> => {
  const controls = [...range(0x00, 0x08), ...range(0x0b, 0x1f), 0x7f, ...range(0x80, 0x9f)].map((c) => String.fromCharCode(c));
  const lone = surrogates ? ['\ud800', '\udbff', '\udc00', '\udfff'] : [];
  return fc
    .tuple(fc.string({ maxLength: 12 }), fc.constantFrom('\u0000', ...controls, ...lone), fc.string({ maxLength: 12 }))
    .map(([before, bad, after]) => before + bad + after);
};

/** White space only, or longer than `max` after trimming. */
export const blankOrLong = (max: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength: 6, unit: fc.constantFrom(' ', '\t', '\n', '\r') }), fc.integer({ min: max + 1, max: max + 200 }).map((n) => 'x'.repeat(n)));
export const tooLong = (max: number): fc.Arbitrary<string> => fc.integer({ min: max + 1, max: max + 500 }).map((n) => 'n'.repeat(n));
/** Strings that are not in `allowed` (the enum values are compared exactly: no trimming, no case folding). */
export const notOneOf = (allowed: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...allowed.map((a) => a.toUpperCase()), ...allowed.map((a) => ` ${a}`), ...allowed.map((a) => `${a}s`))).filter((s) => !allowed.includes(s));
export const notAnEmail: fc.Arbitrary<string> = fc.string({ maxLength: 40 }).filter((s) => !s.includes('@'));
export const badPhone: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '+', '12345', '+39-333-1234567', '(+39) 3331234567', '123456789012345678901', 'tel:3331234567'),
  withForeignCharacter('0123456789 ', 'abcx-()./#'),
);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// ---------------------------------------------------------------------------------------------------------------------
// Bodies: a valid base and mutations that each break one field
// ---------------------------------------------------------------------------------------------------------------------

type Segment = string | number;

/** One change that makes a body invalid. `layer`: `api` when the API's validation must catch it, `any` when a refusal by the journey (400 with the field) is as good. */
export interface Mutation {
  path: Segment[];
  op: 'remove' | 'set';
  value?: unknown;
  layer: 'api' | 'any';
  why: string;
}

export type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface FieldSpec {
  path: Segment[];
  kind: FieldKind;
  required: boolean;
  /** Values of the right type that break the field's rule. */
  bad?: fc.Arbitrary<{ value: unknown; layer?: 'api' | 'any'; why: string }>;
  /** Arrays as a wrong type for an object field: `any` (the journey refuses them), or `never` (left to a bug test). */
  arrayAsObject?: 'any' | 'never';
}

/** A path as the API names it: `beneficiary.fiscalCode`, `actions[0].dueDate`. */
export function pathName(path: readonly Segment[]): string {
  return path.reduce<string>((name, s) => (typeof s === 'number' || /^\d+$/.test(s) ? `${name}[${s}]` : name ? `${name}.${s}` : s), '');
}

const notProtoKey = fc.string({ minLength: 1, maxLength: 8 });
const someObject = fc.dictionary(notProtoKey, fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 });

function wrongTypes(kind: FieldKind, required: boolean, arrayAsObject: 'any' | 'never' | undefined): fc.Arbitrary<{ value: unknown; layer: 'api' | 'any'; why: string }> {
  const api = (arb: fc.Arbitrary<unknown>, why: string) => arb.map((value) => ({ value, layer: 'api' as const, why }));
  const options: fc.Arbitrary<{ value: unknown; layer: 'api' | 'any'; why: string }>[] = [];
  const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (kind !== 'string') options.push(api(fc.string({ maxLength: 12 }), 'a string'));
  if (kind !== 'boolean') options.push(api(fc.boolean(), 'a boolean'));
  if (kind !== 'number') options.push(api(num, 'a number'));
  if (kind === 'string' || kind === 'boolean' || kind === 'number') options.push(api(fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), 'an array'), api(someObject, 'an object'));
  if (kind === 'array') options.push(api(someObject, 'an object'));
  if (kind === 'object' && arrayAsObject !== 'never') {
    options.push(fc.array(someObject, { maxLength: 2 }).map((value) => ({ value, layer: arrayAsObject ?? ('api' as const), why: 'an array' })));
  }
  if (required) options.push(api(fc.constant(null), 'null'));
  return fc.oneof(...options);
}

/** The mutations a field admits: removed (when required), a value of another type, a value that breaks its rule. */
export function fieldMutations(spec: FieldSpec): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [];
  if (spec.required) options.push(fc.constant<Mutation>({ path: spec.path, op: 'remove', layer: 'api', why: 'missing' }));
  options.push(wrongTypes(spec.kind, spec.required, spec.arrayAsObject).map((w) => ({ path: spec.path, op: 'set' as const, value: w.value, layer: w.layer, why: `wrong type: ${w.why}` })));
  if (spec.bad) options.push(spec.bad.map((b) => ({ path: spec.path, op: 'set' as const, value: b.value, layer: b.layer ?? 'api', why: b.why })));
  // Every string field, whatever its rule: text the engine cannot store is refused at the edge, naming the field.
  if (spec.kind === 'string') options.push(unstorableText().map((value) => ({ path: spec.path, op: 'set' as const, value, layer: 'api' as const, why: 'unstorable text' })));
  return fc.oneof(...options);
}

/** An unknown field (never a name of an Object.prototype member: see the bug tests) added to the object at `parent`. */
export function unknownField(parent: Segment[], known: readonly string[]): fc.Arbitrary<Mutation> {
  return fc
    .tuple(
      fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('id', 'journeyId', 'status', 'stage', 'lastSeq', 'officeID', 'operatorID', 'admin', 'role', '$where', '0')),
      fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), someObject),
    )
    .filter(([key]) => !known.includes(key) && !isPrototypeKey(key))
    .map(([key, value]) => ({ path: [...parent, key], op: 'set' as const, value, layer: 'api' as const, why: 'unknown field' }));
}

const related = (a: readonly Segment[], b: readonly Segment[]) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((s, i) => String(s) === String(b[i]));
};

/** One to three mutations on unrelated paths (none inside another). */
export function mutationSet(candidates: fc.Arbitrary<Mutation>[]): fc.Arbitrary<Mutation[]> {
  return fc
    .array(fc.oneof(...candidates), { minLength: 1, maxLength: 3 })
    .filter((ms) => ms.every((m, i) => ms.every((o, j) => i === j || !related(m.path, o.path))));
}

/** `base` with the mutations applied (a deep copy; own properties, so no key is special). */
export function applyMutations(base: unknown, mutations: readonly Mutation[]): unknown {
  const body = JSON.parse(JSON.stringify(base));
  for (const m of mutations) {
    let target = body;
    for (const s of m.path.slice(0, -1)) target = target[s];
    const last = m.path[m.path.length - 1];
    if (m.op === 'remove') delete target[last];
    else Object.defineProperty(target, last, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return body;
}

// ---------------------------------------------------------------------------------------------------------------------
// What an answer must be
// ---------------------------------------------------------------------------------------------------------------------

/** Refusal codes of the journey for a bad value: as good as VALIDATION_FAILED when the API lets a value through. */
export const DOMAIN_INVALID_CODES = ['INVALID_VALUE', 'INVALID_DATE', 'INVALID_DURATION'];

export interface Expectation {
  /** Codes the answer may carry (each with its status from the catalogue). */
  codes: string[];
  /** Mutations the answer's `fields` must name (VALIDATION_FAILED) or one of which it must name (a journey refusal). */
  mutations?: Mutation[];
  /** Field names (query parameters, path parameters) the answer must name, and nothing else. */
  fields?: string[];
}

/**
 * Why `answer` is not an acceptable refusal (null when it is): a 4xx whose code is in the API's catalogue with that
 * status, one of the expected codes, naming the broken fields and only those.
 */
export function refusalProblem(answer: RawAnswer, catalogue: Record<string, number>, expected: Expectation): string | null {
  const code = answer.body?.error?.code;
  if (answer.status < 400 || answer.status > 499) return `status ${answer.status} is not 4xx`;
  if (typeof code !== 'string') return 'no error code in the body';
  if (!(code in catalogue)) return `code ${code} is not in the API's catalogue`;
  if (catalogue[code] !== answer.status) return `code ${code} has status ${catalogue[code]} in the catalogue, answered ${answer.status}`;
  if (!expected.codes.includes(code)) return `code ${code}, expected ${expected.codes.join(' or ')}`;
  const named: string[] = (answer.body.error.fields ?? []).map((f: { field: string }) => f.field);
  if (expected.fields) {
    const missing = expected.fields.filter((f) => !named.includes(f));
    const extra = named.filter((f) => !expected.fields!.includes(f));
    if (missing.length > 0 || extra.length > 0) return `fields ${JSON.stringify(named)}, expected exactly ${JSON.stringify(expected.fields)}`;
  }
  if (expected.mutations) {
    const names = expected.mutations.map((m) => pathName(m.path));
    const isRelated = (field: string, name: string) =>
      field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`) || name.startsWith(`${field}.`) || name.startsWith(`${field}[`);
    const innocent = named.filter((f) => !names.some((n) => isRelated(f, n)));
    if (innocent.length > 0) return `fields ${JSON.stringify(innocent)} were not broken (broken: ${JSON.stringify(names)})`;
    if (code === 'VALIDATION_FAILED') {
      const unnamed = expected.mutations.filter((m) => m.layer === 'api' && !named.some((f) => isRelated(f, pathName(m.path))));
      if (unnamed.length > 0) return `fields ${JSON.stringify(named)} do not name ${JSON.stringify(unnamed.map((m) => pathName(m.path)))}`;
    } else if (DOMAIN_INVALID_CODES.includes(code)) {
      if (expected.mutations.some((m) => m.layer === 'api')) return `the API let ${JSON.stringify(expected.mutations.filter((m) => m.layer === 'api').map((m) => pathName(m.path)))} through to the journey`;
      if (named.length === 0) return 'the refusal names no field';
    }
  }
  return null;
}
