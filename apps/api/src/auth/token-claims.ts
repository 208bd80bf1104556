import { UnauthenticatedError } from '../common/api-errors';
import { OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from '../common/input-rules';
import { ROLES, type Principal, type Role } from './principal';

/** How far ahead of this server's clock a token's `iat` may be (clocks drift a little). */
export const ISSUED_AT_SKEW_SECONDS = 60;

/**
 * Where a token carries the caller's role and offices: a claim's name, or a dotted path to a nested one
 * (`realm_access.roles`). A name with dots that is a claim of its own (`https://idp.example.org/roles`) is taken first.
 */
export interface ClaimNames {
  roles: string;
  offices: string;
}

/** The claims `npm run token` issues and the API reads unless configured otherwise (`AUTH_ROLES_CLAIM`, `AUTH_OFFICES_CLAIM`). */
export const DEFAULT_CLAIM_NAMES: ClaimNames = { roles: 'role', offices: 'offices' };

/** What a configured claim name may be: printable, no spaces, at most 200 characters. */
export const CLAIM_NAME_PATTERN = /^[\x21-\x7e]{1,200}$/;
export const CLAIM_NAME_MESSAGE = 'must be a claim name or a dotted path to one, without spaces';

/** The claims of a token whose signature, issuer, audience and expiry are verified. */
export interface TokenClaims {
  sub?: unknown;
  exp?: unknown;
  iat?: unknown;
  [claim: string]: unknown;
}

/** The value of a claim by its name, or by its dotted path through nested objects; undefined when absent. */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Puts `value` at `name` in `claims`, nested along a dotted path (how `npm run token` writes the configured claims). */
export function putClaim(claims: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const parts = name.split('.');
  let target = claims;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    target = target[part] = next !== null && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
  }
  target[parts[parts.length - 1]] = value;
  return claims;
}

/**
 * The one role of ours a role claim names: a string that is one, or a list holding exactly one (an identity provider
 * lists the roles of every application; ours is the one that counts). Two of ours would be a guess: refused.
 */
function roleFrom(value: unknown, name: string): Role {
  const listed = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const ours = [...new Set(listed.filter((r): r is Role => ROLES.includes(r as Role)))];
  if (ours.length === 1) return ours[0];
  if (ours.length > 1) throw new UnauthenticatedError(`the token's \`${name}\` names more than one role (${ours.join(', ')}): exactly one is needed`);
  throw new UnauthenticatedError(`the token's role (\`${name}\`) must be one of ${ROLES.join(', ')}`);
}

/**
 * The caller a verified token names, or 401: the token must expire (`exp`), must not be issued (`iat`) more than
 * {@link ISSUED_AT_SKEW_SECONDS} after `nowSeconds`, its `sub` must be a staff id (the operator ids journeys record),
 * its role claim one of ours, and it must name offices unless it is an administrator's or covers `*`.
 */
export function principalFromClaims(claims: TokenClaims, nowSeconds: number, names: ClaimNames = DEFAULT_CLAIM_NAMES): Principal {
  if (typeof claims.exp !== 'number') throw new UnauthenticatedError('the bearer token is not valid: it has no expiry (`exp`)');
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || claims.iat > nowSeconds + ISSUED_AT_SKEW_SECONDS)) {
    throw new UnauthenticatedError('the bearer token is not valid: it is issued in the future (`iat`)');
  }
  const role = roleFrom(claimAt(claims, names.roles), names.roles);
  if (typeof claims.sub !== 'string' || !OPERATOR_ID_PATTERN.test(claims.sub)) {
    throw new UnauthenticatedError(`the token's subject must be a staff id: ${OPERATOR_ID_MESSAGE}`);
  }
  const offices = claimAt(claims, names.offices);
  if (role === 'administrator' || (Array.isArray(offices) && offices.includes('*'))) return { subject: claims.sub, role, offices: 'all' };
  if (!Array.isArray(offices) || offices.length === 0 || !offices.every((o) => typeof o === 'string')) {
    throw new UnauthenticatedError(`the token names no offices (\`${names.offices}\`)`);
  }
  return { subject: claims.sub, role, offices: offices as string[] };
}
