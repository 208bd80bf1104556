/** OpenAPI texts every journey operation shares: the errors of the API itself around the journey's own refusals. */
export const BAD_INPUT = 'a body field, query parameter or path parameter breaks a rule (`fields` lists them)';
export const MALFORMED = 'the body is not well-formed JSON';
export const TOO_LARGE = 'the body exceeds the size limit (100kb by default)';
export const NOT_FOUND = 'Temporal does not know the journey (and, for reads, the read model has no trace of it)';
export const TEMPORAL_DOWN = 'Temporal cannot be reached';
export const WORKER_DOWN = "the journey's worker did not answer within the deadline; a command may still be applied";
export const DB_DOWN = 'PostgreSQL cannot be reached';
/**
 * A change's audit entry is written while it is carried out (into the durable buffer when PostgreSQL refuses it), so
 * PostgreSQL being down refuses only what reads or writes it first.
 */
export const AUDIT_DOWN =
  'PostgreSQL cannot be reached and the request needs it before anything is sent (a start, an `Idempotency-Key`, the office of a sanction, a path choice or a transfer), so nothing was done: retry later';

/** Errors every journey command can meet, beyond its own refusals. */
export const COMMAND_ERRORS = {
  VALIDATION_FAILED: BAD_INPUT,
  MALFORMED_JSON: MALFORMED,
  PAYLOAD_TOO_LARGE: TOO_LARGE,
  JOURNEY_NOT_FOUND: NOT_FOUND,
  JOURNEY_CLOSED: 'the journey is closed (its workflow has ended, or it refuses commands since its closure)',
  INVALID_VALUE: 'the journey refused a value (`fields` names it)',
  READ_MODEL_UNAVAILABLE: AUDIT_DOWN,
  TEMPORAL_UNAVAILABLE: TEMPORAL_DOWN,
  WORKER_UNAVAILABLE: WORKER_DOWN,
  UNAUTHENTICATED: 'no valid bearer token',
  FORBIDDEN: "not an operator or administrator, the journey's office is outside your offices, or `onBehalfOf` from someone not an administrator (nothing is written)",
};

/** Who may send commands, said once in each command's description. */
export const COMMAND_ACCESS = 'Operators of the journey\'s office and administrators (403 `FORBIDDEN` otherwise; a refused request writes nothing).';
