/**
 * Why the journey refuses a command. Each code has a kind that says whose fault it is, so every layer above maps
 * refusals the same way (the API: conflict 409, invalid 400, not_found 404).
 */
export const REFUSAL_KINDS = {
  JOURNEY_CLOSED: 'conflict',
  INTAKE_ALREADY_RECORDED: 'conflict',
  INTAKE_REQUIRED: 'conflict',
  PACT_ALREADY_SIGNED: 'conflict',
  PACT_NOT_SIGNED: 'conflict',
  PACT_ACTION_ALREADY_COMPLETED: 'conflict',
  PACT_ACTION_NOT_FOUND: 'not_found',
  INVALID_DATE: 'invalid',
  INVALID_DURATION: 'invalid',
  INVALID_VALUE: 'invalid',
} as const;

export type RefusalCode = keyof typeof REFUSAL_KINDS;
export type RefusalKind = (typeof REFUSAL_KINDS)[RefusalCode];

export interface Refusal {
  code: RefusalCode;
  message: string;
  /** The offending input field, for refusals of kind `invalid`. */
  field?: string;
}

export function refusalKind(code: RefusalCode): RefusalKind {
  return REFUSAL_KINDS[code];
}
