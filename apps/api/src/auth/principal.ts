import { coversOffice, outsideOfficesMessage } from '@sal/domain';
import { ForbiddenError } from '../common/api-errors';

// The one definition of "covers an office" lives in the domain (the journey's update validator uses it too).
export { coversOffice };

/** Who may do what. Office-scoped: operators and supervisors see their offices, administrators everything. */
export const ROLES = ['operator', 'supervisor', 'regional_supervisor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, from a verified bearer token. */
export interface Principal {
  /** The token's `sub`: the operator or supervisor id (the one journeys record). */
  subject: string;
  role: Role;
  /** Offices the caller works for (`offices` claim); `all` for administrators and a `*` claim. */
  offices: string[] | 'all';
}

/** The offices to filter a list by: the requested ones (all must be covered), or the caller's own. */
export function scopeOffices(p: Principal, requested: string[] | undefined): string[] | undefined {
  if (requested && requested.length > 0) return requested;
  return p.offices === 'all' ? undefined : p.offices;
}

/** 403 unless the caller's offices cover every one of `officeIds`: checked before anything is read or written. */
export function assertCovers(p: Principal, ...officeIds: string[]): void {
  const outside = officeIds.filter((o) => !coversOffice(p, o));
  if (outside.length > 0) throw new ForbiddenError(outsideOfficesMessage(outside));
}
