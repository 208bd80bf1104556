/**
 * Whom a caller works for: the offices of their token (`offices` claim), or `all` (administrators, a `*` claim).
 * The API's principal is one; a command carries it to the journey (office ids only, never personal data), whose update
 * validator refuses a journey outside it.
 */
export interface CallerOffices {
  offices: readonly string[] | 'all';
}

/** Whether a caller's scope covers an office: the one definition, used by the API and the journey's validator. */
export function coversOffice(scope: CallerOffices, officeId: string): boolean {
  return scope.offices === 'all' || scope.offices.includes(officeId);
}

/** The message of a refusal for an office outside the caller's scope (the API's 403 `FORBIDDEN`, wherever decided). */
export function outsideOfficesMessage(officeIds: readonly string[]): string {
  return `office ${officeIds.join(', ')} is outside your offices`;
}

/**
 * Whether a value is a scope a command may carry: `all`, or a list of office ids (strings). Anything else (absent on
 * updates recorded before the scope travelled with them) is not a scope and checks nothing.
 */
export function isCallerOffices(value: unknown): value is CallerOffices {
  if (typeof value !== 'object' || value === null) return false;
  const offices = (value as { offices?: unknown }).offices;
  return offices === 'all' || (Array.isArray(offices) && offices.every((o) => typeof o === 'string'));
}
