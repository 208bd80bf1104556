import { UnauthenticatedError } from '../common/api-errors';
import { OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../common/input-rules';
import { ROLES, type Principal, type Role } from './principal';

/** How far ahead of this server's clock a token's `iat` may be (clocks drift a little). */
export const ISSUED_AT_SKEW_SECONDS = 60;

/** The claims of a token whose signature, issuer, audience and expiry are verified. */
export interface TokenClaims {
  sub?: unknown;
  exp?: unknown;
  iat?: unknown;
  role?: unknown;
  offices?: unknown;
}

/**
 * The caller a verified token names, or 401: the token must expire (`exp`), must not be issued (`iat`) more than
 * {@link ISSUED_AT_SKEW_SECONDS} after `nowSeconds`, its `sub` must be a staff id (the operator ids journeys record),
 * its `role` one of ours, and it must name offices unless it is an administrator's or covers `*`.
 */
export function principalFromClaims(claims: TokenClaims, nowSeconds: number): Principal {
  if (typeof claims.exp !== 'number') throw new UnauthenticatedError('the bearer token is not valid: it has no expiry (`exp`)');
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || claims.iat > nowSeconds + ISSUED_AT_SKEW_SECONDS)) {
    throw new UnauthenticatedError('the bearer token is not valid: it is issued in the future (`iat`)');
  }
  const role = claims.role as Role;
  if (!ROLES.includes(role)) throw new UnauthenticatedError(`the token's role must be one of ${ROLES.join(', ')}`);
  if (typeof claims.sub !== 'string' || !OPERATOR_ID_PATTERN.test(claims.sub)) {
    throw new UnauthenticatedError(`the token's subject must be a staff id: ${OPERATOR_ID_MESSAGE}`);
  }
  const offices = claims.offices;
  if (role === 'administrator' || (Array.isArray(offices) && offices.includes('*'))) return { subject: claims.sub, role, offices: 'all' };
  if (!Array.isArray(offices) || offices.length === 0 || !offices.every((o) => typeof o === 'string')) {
    throw new UnauthenticatedError('the token names no offices');
  }
  return { subject: claims.sub, role, offices: offices as string[] };
}
