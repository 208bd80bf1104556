import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { UnauthenticatedError } from '../common/api-errors';
import { ROLES, type Principal, type Role } from './principal';

/** Verifies bearer tokens and turns their claims into a {@link Principal}. */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger('Auth');
  private readonly key: Parameters<typeof jwtVerify>[1];

  constructor(@Inject(API_SETTINGS) private readonly settings: ApiSettings) {
    const { auth } = settings;
    this.key = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : new TextEncoder().encode(auth.secret!);
    if (auth.developmentSecret) this.logger.warn('tokens are verified with the development secret: set AUTH_JWKS_URL or AUTH_JWT_SECRET outside development');
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError('a bearer token is required (Authorization: Bearer …)');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: this.settings.auth.issuer, audience: this.settings.auth.audience }));
    } catch (error) {
      throw new UnauthenticatedError(`the bearer token is not valid: ${(error as Error).message}`);
    }
    return principalOf(payload);
  }
}

function principalOf(payload: JWTPayload): Principal {
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw new UnauthenticatedError(`the token's role must be one of ${ROLES.join(', ')}`);
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 64) {
    throw new UnauthenticatedError('the token has no valid subject');
  }
  const offices = payload.offices;
  if (role === 'administrator' || (Array.isArray(offices) && offices.includes('*'))) return { subject: payload.sub, role, offices: 'all' };
  if (!Array.isArray(offices) || offices.length === 0 || !offices.every((o) => typeof o === 'string')) {
    throw new UnauthenticatedError('the token names no offices');
  }
  return { subject: payload.sub, role, offices: offices as string[] };
}
