import { REFUSAL_KINDS, type CatalogueProblemCode, type OfficeProblemCode, type Refusal, type RefusalCode, type RefusalKind } from '@sal/domain';

/**
 * Every error the API answers with, in one place. Services throw these; the global exception filter turns them (and
 * anything else) into `{ "error": { code, message, fields?, journeyId? } }` with the status they carry.
 * Nothing here depends on Nest, so the catalogue can be imported by tests and tools.
 */

/**
 * One offending input field: its path in the request (`beneficiary.fiscalCode`, `actions[0].dueDate`), why (English),
 * and the stable code of the broken rule with its parameters, so a client shows its own words ({@link FieldProblemCode}).
 */
export interface FieldProblem {
  field: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * The stable codes a field problem may carry (one definition, documented in the OpenAPI): the validator's constraint
 * names of the DTO decorators and the schemas' issue codes (`@sal/contracts` `inputProblems`), and the input checks
 * every body gets. An unknown code may be added later: a client falls back to `message`.
 */
export const FIELD_PROBLEM_CODES = {
  unknown_field: 'the field is not part of the request (`params.name`)',
  forbidden_name: 'the field\'s name cannot be used (a member of Object.prototype)',
  unstorable_text: 'the text holds characters the engine cannot store',
  too_deep: 'nested deeper than the API reads (`params.maximum`)',
  invalid_type: 'not of the expected type (`params.expected`)',
  too_small: 'a number below its minimum, a text shorter, a list with fewer items (`params.minimum`, `params.origin`)',
  too_big: 'a number above its maximum, a text longer, a list with more items (`params.maximum`, `params.origin`)',
  invalid_format: 'a text not in its format (`params.format`: regex, date, email, …; `params.pattern`, when given, the regular expression)',
  invalid_value: 'not one of the allowed values (`params.values`)',
  invalid_date: 'not a real calendar date written YYYY-MM-DD',
  invalid_instant: 'not an ISO-8601 date-time with offset',
  invalid_due_date: 'neither YYYY-MM-DD nor an ISO-8601 date-time with offset',
  invalid_duration: 'not an ISO-8601 duration such as P30D',
  invalid: 'any other rule of the field\'s schema',
  not_json_object: 'the body is not a JSON object sent as application/json',
  invalid_id: 'not an id of its kind (`params.kind`: journey, programme, office, person, notification, staff, import, retention_sweep)',
  invalid_idempotency_key: 'the Idempotency-Key header is not 1–128 letters, digits, dots, colons, hyphens or underscores',
  unknown_programme: 'no programme has this code (GET /programmes)',
  unknown_office: 'no office of the directory has this id (GET /offices)',
  not_a_cpi: 'the office named is not a CPI (`params.officeId`)',
  office_has_dependants: 'accredited operators name this office as their CPI: it stays a CPI (`params.offices`)',
  wrong_scope: 'not the scope the request publishes in (`params.scope`)',
  repeated_value: 'a value listed a second time in a list of distinct values (`params.value`)',
  prerequisite_not_before: 'a service\'s prerequisite is not listed before it in the catalogue (`params.prerequisite`, `params.service`)',
  first_service_not_reception: 'the first service of a catalogue\'s path must be reception (the presa in carico)',
  not_whole_days: 'a clock that counts working days is not whole days such as P2D (`params.clock`)',
  not_legal_clock: 'not a legal clock, so it cannot move off the office\'s closed days (`params.name`; `params.values`: the legal clocks)',
  invalid_month_day: 'not a day of the year written MM-DD, such as 12-07',
  out_of_range: 'not a whole number from `params.minimum` to `params.maximum`',
  cpi_own_competent: 'a CPI is its own competent CPI: leave it out or give its own id',
  competent_cpi_required: 'an accredited operator names the CPI whose area it works in',
  age_out_of_range: 'the birth date gives an age outside the programme\'s range at the DID (`params.minimum`, `params.maximum`, `params.age`)',
  offices_required: 'at least one office must be named',
  missing_header: 'the file has no header line',
  missing_column: 'a column the file must have is missing (`params.name`)',
  unknown_column: 'a column is not one of the template\'s (`params.name`, `params.columns`)',
  repeated_column: 'a column appears twice (`params.name`)',
  wrong_namespace: 'the codec serves another Temporal namespace (`params.namespace`)',
  invalid_base64: 'not base64',
  undecodable_payload: 'the payload cannot be decoded',
  other: 'a rule without a code of its own: read `message`',
  isFiscalCode: 'not a valid Italian fiscal code',
  isIn: 'not one of the allowed values',
  matches: 'not in its format',
  isString: 'not a string',
  isInt: 'not a whole number',
  isBoolean: 'not true or false',
  isDateString: 'not a date',
  min: 'below its minimum',
  max: 'above its maximum',
  maxLength: 'longer than allowed',
  isNotEmpty: 'empty',
  isEmail: 'not an e-mail address',
  isArray: 'not a list',
  arrayMaxSize: 'a list with more items than allowed',
  isObject: 'not an object',
  isDefined: 'missing',
  isIsoDate: 'not a real calendar date written YYYY-MM-DD',
  isNotBeforeDateOf: 'a date before the date it follows',
  isNotBeforeFrom: 'a period ending before it starts',
  isPeriodBound: 'not a period bound (a date YYYY-MM-DD)',
  isSingleLine: 'not one line of text',
  isOfficeScope: 'not a list of office ids',
  nestedValidation: 'not the object or list of objects the field holds',
} as const;
export type FieldProblemCode = keyof typeof FIELD_PROBLEM_CODES;

/**
 * Every code the domain's catalogue checks give (`validateCatalogue`, answered by `PUT /programmes/{code}`) is one of
 * the list: a code added there without its entry here fails the build.
 */
type CatalogueCodesListed = [Exclude<CatalogueProblemCode, FieldProblemCode>] extends [never] ? true : never;
const CATALOGUE_CODES_LISTED: CatalogueCodesListed = true;
void CATALOGUE_CODES_LISTED;
/** The same for the office directory's checks (`validateOfficeDefinition`, answered by `PUT /offices/{officeId}`). */
type OfficeCodesListed = [Exclude<OfficeProblemCode, FieldProblemCode>] extends [never] ? true : never;
const OFFICE_CODES_LISTED: OfficeCodesListed = true;
void OFFICE_CODES_LISTED;

/** Whether `code` is one of {@link FIELD_PROBLEM_CODES}. */
export function isFieldProblemCode(code: unknown): code is FieldProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(FIELD_PROBLEM_CODES, code);
}

/**
 * A field problem as a check writes it, with one of the codes of {@link FIELD_PROBLEM_CODES} (the catalogue's rules
 * give theirs, `CatalogueProblem` of `@sal/domain`). One without a code (the office definition's rules, read by the
 * administrator in their English `message`) or with a code from elsewhere that the list does not have (a validator's
 * constraint name) answers `other`, so the codes a client sees are always the OpenAPI's.
 */
export type GivenFieldProblem = Omit<FieldProblem, 'code'> & { code?: FieldProblemCode | (string & {}) };

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldProblem[];
    journeyId?: string;
  };
}

/** Status of each code the API itself defines (domain refusal codes get theirs from {@link REFUSAL_STATUS}). */
export const API_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  JOURNEY_NOT_FOUND: 404,
  PROGRAMME_NOT_FOUND: 404,
  OFFICE_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  RETENTION_SWEEP_NOT_FOUND: 404,
  PERSONAL_DATA_ERASED: 410,
  JOURNEY_ALREADY_EXISTS: 409,
  PERSON_FOLLOWED_ELSEWHERE: 409,
  NOTIFICATION_NOT_RETRYABLE: 409,
  JOURNEY_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  PACT_DOCUMENT_NOT_FOUND: 404,
  UNSUPPORTED_DOCUMENT_TYPE: 400,
  UNSUPPORTED_IMPORT_FILE: 400,
  IMPORT_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 422,
  INTERNAL: 500,
  TEMPORAL_UNAVAILABLE: 503,
  WORKER_UNAVAILABLE: 503,
  READ_MODEL_UNAVAILABLE: 503,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** How each kind of domain refusal maps to HTTP: whose fault it is decides the status. */
export const REFUSAL_STATUS: Record<RefusalKind, number> = { conflict: 409, invalid: 400, not_found: 404, forbidden: 403 };

/** Every code a client may see, with its status: API codes and domain refusal codes. */
export const ALL_ERROR_STATUSES: Record<string, number> = {
  ...API_ERROR_STATUS,
  ...Object.fromEntries(Object.entries(REFUSAL_KINDS).map(([code, kind]) => [code, REFUSAL_STATUS[kind]])),
};

/** Base of every error the API answers with on purpose. */
export abstract class ApiError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly fields?: FieldProblem[];
  readonly journeyId?: string;

  protected constructor(message: string, extra: { fields?: GivenFieldProblem[]; journeyId?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = new.target.name;
    if (extra.fields !== undefined) this.fields = extra.fields.map((p) => ({ ...p, code: isFieldProblemCode(p.code) ? p.code : 'other' }));
    if (extra.journeyId !== undefined) this.journeyId = extra.journeyId;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields && this.fields.length > 0 ? { fields: this.fields } : {}),
        ...(this.journeyId ? { journeyId: this.journeyId } : {}),
      },
    };
  }
}

/** 400: the request's body, query or path does not satisfy the API's rules; `fields` says which parts and why. */
export class ValidationFailedError extends ApiError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = API_ERROR_STATUS.VALIDATION_FAILED;
  constructor(fields: GivenFieldProblem[], message = 'the request is not valid') {
    super(message, { fields });
  }
}

/** 400: the body is not well-formed JSON. */
export class MalformedJsonError extends ApiError {
  readonly code = 'MALFORMED_JSON';
  readonly status = API_ERROR_STATUS.MALFORMED_JSON;
  constructor(cause?: unknown) {
    super('the request body is not well-formed JSON', { cause });
  }
}

/** 404: no route answers this method and path. */
export class RouteNotFoundError extends ApiError {
  readonly code = 'NOT_FOUND';
  readonly status = API_ERROR_STATUS.NOT_FOUND;
  constructor(method: string, path: string) {
    super(`no route for ${method} ${path}`);
  }
}

/** 404: neither Temporal nor the read model knows the journey. */
export class JourneyNotFoundError extends ApiError {
  readonly code = 'JOURNEY_NOT_FOUND';
  readonly status = API_ERROR_STATUS.JOURNEY_NOT_FOUND;
  constructor(journeyId: string) {
    super(`no journey ${journeyId}`, { journeyId });
  }
}

/** 404: no programme catalogue has this code (or, when a version is asked for, no such version of it). */
export class ProgrammeNotFoundError extends ApiError {
  readonly code = 'PROGRAMME_NOT_FOUND';
  readonly status = API_ERROR_STATUS.PROGRAMME_NOT_FOUND;
  constructor(programmeCode: string, version?: number) {
    super(version === undefined ? `no programme ${programmeCode}` : `programme ${programmeCode} has no version ${version}`);
  }
}

/** 404: the directory of offices has no office with this id. */
export class OfficeNotFoundError extends ApiError {
  readonly code = 'OFFICE_NOT_FOUND';
  readonly status = API_ERROR_STATUS.OFFICE_NOT_FOUND;
  constructor(officeId: string) {
    super(`the directory of offices has no office ${officeId}`);
  }
}

/** 404: the notification outbox has no message with this id. */
export class NotificationNotFoundError extends ApiError {
  readonly code = 'NOTIFICATION_NOT_FOUND';
  readonly status = API_ERROR_STATUS.NOTIFICATION_NOT_FOUND;
  constructor(id: string) {
    super(`no notification ${id}`);
  }
}

/** 404: the read model holds nothing about this person (no journey has their reference): there is nothing to export. */
export class PersonNotFoundError extends ApiError {
  readonly code = 'PERSON_NOT_FOUND';
  readonly status = API_ERROR_STATUS.PERSON_NOT_FOUND;
  constructor() {
    super('the product holds no journey of this person, so there is nothing to export');
  }
}

/** 410: the journey's personal data was erased past its retention (issue 15): its state can no longer be read. */
export class PersonalDataErasedApiError extends ApiError {
  readonly code = 'PERSONAL_DATA_ERASED';
  readonly status = API_ERROR_STATUS.PERSONAL_DATA_ERASED;
  constructor(journeyId: string, erasedAt: Date) {
    super(`the personal data of journey ${journeyId} was erased on ${erasedAt.toISOString()}, past its retention; its statistics stay in the KPIs`, { journeyId });
  }
}

/** 404: no retention sweep has this id. */
export class RetentionSweepNotFoundError extends ApiError {
  readonly code = 'RETENTION_SWEEP_NOT_FOUND';
  readonly status = API_ERROR_STATUS.RETENTION_SWEEP_NOT_FOUND;
  constructor(sweepId: string) {
    super(`no retention sweep ${sweepId}`);
  }
}

/** 409: only a `failed` notification can be retried by hand; the message says what its status is instead. */
export class NotificationNotRetryableError extends ApiError {
  readonly code = 'NOTIFICATION_NOT_RETRYABLE';
  readonly status = API_ERROR_STATUS.NOTIFICATION_NOT_RETRYABLE;
  constructor(id: string, status: string) {
    const why: Record<string, string> = {
      pending: 'it is already queued',
      sending: 'it is being sent',
      sent: 'it was sent',
      undeliverable: 'it has no address to send to (fix the staff directory or the beneficiary contact; a later notice will use it)',
    };
    super(`notification ${id} is ${status}, not failed: ${why[status] ?? 'only failed notifications can be retried'}`);
  }
}

/** 409: the person already has a journey in this programme (open, or closed and still retained); `journeyId` names it. */
export class JourneyAlreadyExistsError extends ApiError {
  readonly code = 'JOURNEY_ALREADY_EXISTS';
  readonly status = API_ERROR_STATUS.JOURNEY_ALREADY_EXISTS;
  constructor(journeyId: string) {
    super('the person already has an open journey, or this episode (same person and DID) was already started; `journeyId` names it', { journeyId });
  }
}

/**
 * 409: the person already has a journey in this programme, followed by an office outside the caller's: the answer
 * says so without naming that journey (its id, office or state belong to the other office).
 */
export class PersonFollowedElsewhereError extends ApiError {
  readonly code = 'PERSON_FOLLOWED_ELSEWHERE';
  readonly status = API_ERROR_STATUS.PERSON_FOLLOWED_ELSEWHERE;
  constructor() {
    super(
      'this person already has an open journey, followed by another office, so no journey can be started here; ' +
        'to follow the person from your office, ask an administrator or the office that follows them for a transfer',
    );
  }
}

/**
 * 422: the `Idempotency-Key` was already used by this caller on this journey for another command or body; nothing was
 * sent. A key names one command: a retry repeats it exactly, a new command takes a new key.
 */
export class IdempotencyKeyReusedError extends ApiError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly status = API_ERROR_STATUS.IDEMPOTENCY_KEY_REUSED;
  constructor(journeyId: string) {
    super('this Idempotency-Key was already used on this journey for another command or body; send a new command with a new key', { journeyId });
  }
}

/** 409: the journey is closed and its workflow has ended, so it accepts no more commands. */
export class JourneyClosedError extends ApiError {
  readonly code = 'JOURNEY_CLOSED';
  readonly status = API_ERROR_STATUS.JOURNEY_CLOSED;
  constructor(journeyId: string) {
    super('the journey is closed; it accepts no more commands', { journeyId });
  }
}

/**
 * The journey refused the command (a domain {@link Refusal}); code as the domain names it, status from its kind:
 * conflict 409, invalid 400 (with the offending field), not_found 404.
 */
export class JourneyRefusedError extends ApiError {
  readonly code: RefusalCode;
  readonly status: number;
  constructor(refusal: Refusal, journeyId: string) {
    super(refusal.message, {
      journeyId,
      ...(refusal.field !== undefined ? { fields: [{ field: refusal.field, message: refusal.message, code: refusal.code }] } : {}),
    });
    this.code = refusal.code;
    this.status = REFUSAL_STATUS[REFUSAL_KINDS[refusal.code]];
  }
}

/** 413: the body is larger than the API accepts. */
export class PayloadTooLargeError extends ApiError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly status = API_ERROR_STATUS.PAYLOAD_TOO_LARGE;
  constructor(limit: string) {
    super(`the request body exceeds ${limit}`);
  }
}

/** 404: the pact version has no such document (yet): its PDF is generated with the journey's projection. */
export class PactDocumentNotFoundError extends ApiError {
  readonly code = 'PACT_DOCUMENT_NOT_FOUND';
  readonly status = API_ERROR_STATUS.PACT_DOCUMENT_NOT_FOUND;
  constructor(journeyId: string, message: string) {
    super(message, { journeyId });
  }
}

/** 400: an uploaded signed copy is not a PDF, JPEG or PNG, judged from its bytes (never from its name or header). */
export class UnsupportedDocumentTypeError extends ApiError {
  readonly code = 'UNSUPPORTED_DOCUMENT_TYPE';
  readonly status = API_ERROR_STATUS.UNSUPPORTED_DOCUMENT_TYPE;
  constructor() {
    super('the signed copy must be a PDF, a JPEG or a PNG (judged from its content): send its bytes as the request body');
  }
}

/** 400: an uploaded intake list is not a CSV or an XLSX workbook (judged from its bytes), or cannot be read; nothing was staged. */
export class UnsupportedImportFileError extends ApiError {
  readonly code = 'UNSUPPORTED_IMPORT_FILE';
  readonly status = API_ERROR_STATUS.UNSUPPORTED_IMPORT_FILE;
  constructor(reason: string) {
    super(`the intake list must be a CSV (UTF-8 or Windows-1252, ; or , separated) or an XLSX workbook: ${reason}`);
  }
}

/** 404: no import batch with this id, or not one the caller may see. */
export class ImportNotFoundError extends ApiError {
  readonly code = 'IMPORT_NOT_FOUND';
  readonly status = API_ERROR_STATUS.IMPORT_NOT_FOUND;
  constructor(batchId: string) {
    super(`no import ${batchId}`);
  }
}

/** 503: Temporal cannot be reached (or answered too late); nothing was done, the request can be retried. */
export class TemporalUnavailableError extends ApiError {
  readonly code = 'TEMPORAL_UNAVAILABLE';
  readonly status = API_ERROR_STATUS.TEMPORAL_UNAVAILABLE;
  constructor(cause?: unknown) {
    super('the workflow service (Temporal) is unavailable; retry later', { cause });
  }
}

/**
 * 503: Temporal answered but no worker ran the journey in time. An update may still be applied once a worker picks
 * it up, so a client retrying should read the journey first.
 */
export class WorkerUnavailableError extends ApiError {
  readonly code = 'WORKER_UNAVAILABLE';
  readonly status = API_ERROR_STATUS.WORKER_UNAVAILABLE;
  constructor(journeyId: string, what: 'command' | 'query', cause?: unknown) {
    super(
      what === 'command'
        ? "the journey's worker did not answer in time; the command may still be applied"
        : "the journey's worker did not answer in time; retry later",
      { journeyId, cause },
    );
  }
}

/** 503: PostgreSQL (the read model) cannot be reached; retry later. */
export class ReadModelUnavailableError extends ApiError {
  readonly code = 'READ_MODEL_UNAVAILABLE';
  readonly status = API_ERROR_STATUS.READ_MODEL_UNAVAILABLE;
  constructor(cause?: unknown) {
    super('the read model (PostgreSQL) is unavailable; retry later', { cause });
  }
}

/** 500: anything unexpected. The message stays generic; the details go to the log. */
export class InternalError extends ApiError {
  readonly code = 'INTERNAL';
  readonly status = API_ERROR_STATUS.INTERNAL;
  constructor(cause?: unknown) {
    super('an unexpected error occurred', { cause });
  }
}

/** No valid bearer token: missing, malformed, expired, wrongly signed, or without usable claims. */
export class UnauthenticatedError extends ApiError {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;
  constructor(message: string) {
    super(message);
  }
}

/** The caller is authenticated but their role or offices do not cover what they asked for. */
export class ForbiddenError extends ApiError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
  constructor(message: string) {
    super(message);
  }
}

/** Too many requests from this client in the current window. */
export class RateLimitedError extends ApiError {
  readonly code = 'RATE_LIMITED';
  readonly status = 429;
  constructor() {
    super('too many requests: slow down and retry shortly');
  }
}
