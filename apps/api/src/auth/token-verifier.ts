import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { UnauthenticatedError } from '../common/api-errors';
import type { Principal } from './principal';
import { principalFromClaims } from './token-claims';

/**
 * Verifies bearer tokens and turns their claims into a {@link Principal}: signed as configured, for this issuer and
 * audience, with an expiry not passed; then the claims themselves ({@link principalFromClaims}: `exp` required, `iat`
 * not in the future beyond a small skew, `sub` a staff id, a known role, offices).
 */
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
      ({ payload } = await jwtVerify(token, this.key, { issuer: this.settings.auth.issuer, audience: this.settings.auth.audience, requiredClaims: ['exp'] }));
    } catch (error) {
      throw new UnauthenticatedError(`the bearer token is not valid: ${(error as Error).message}`);
    }
    return principalFromClaims(payload, Date.now() / 1000);
  }
}
