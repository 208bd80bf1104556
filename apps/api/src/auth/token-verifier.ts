import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { UnauthenticatedError } from '../common/api-errors';
import type { Principal } from './principal';
import { principalFromClaims } from './token-claims';
import { discoverJwksUrl } from './oidc-discovery';

type VerificationKey = Parameters<typeof jwtVerify>[1];

/**
 * Verifies bearer tokens and turns their claims into a {@link Principal}: signed as configured, for this issuer and
 * audience, with an expiry not passed; then the claims themselves ({@link principalFromClaims}: `exp` required, `iat`
 * not in the future beyond a small skew, `sub` a staff id, a known role, offices, read where configured).
 *
 * The key is a JWKS URL, the JWKS the OpenID provider's discovery document names (read at the first token, and again
 * after a failure: the API starts while the provider is down), or the shared secret.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger('Auth');
  private key: VerificationKey | null = null;
  private discovering: Promise<VerificationKey> | null = null;

  constructor(@Inject(API_SETTINGS) private readonly settings: ApiSettings) {
    const { auth } = settings;
    if (auth.jwksUrl) this.key = createRemoteJWKSet(new URL(auth.jwksUrl));
    else if (!auth.oidcIssuer) this.key = new TextEncoder().encode(auth.secret!);
    if (auth.developmentSecret) this.logger.warn('tokens are verified with the development secret: set AUTH_OIDC_ISSUER, AUTH_JWKS_URL or AUTH_JWT_SECRET outside development');
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError('a bearer token is required (Authorization: Bearer …)');
    const key = await this.verificationKey();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer: this.settings.auth.issuer, audience: this.settings.auth.audience, requiredClaims: ['exp'] }));
    } catch (error) {
      throw new UnauthenticatedError(`the bearer token is not valid: ${(error as Error).message}`);
    }
    return principalFromClaims(payload, Date.now() / 1000, this.settings.auth.claims);
  }

  private async verificationKey(): Promise<VerificationKey> {
    if (this.key) return this.key;
    const issuer = this.settings.auth.oidcIssuer!;
    this.discovering ??= discoverJwksUrl(issuer).then(
      (jwksUrl) => {
        this.logger.log(`tokens are verified with the keys of ${issuer} (${jwksUrl})`);
        return (this.key = createRemoteJWKSet(new URL(jwksUrl)));
      },
      (error: unknown) => {
        this.discovering = null;
        this.logger.error(`the identity provider's discovery document cannot be read: ${(error as Error).message}`);
        throw new UnauthenticatedError('the bearer token cannot be verified now: the identity provider cannot be reached; retry later');
      },
    );
    return this.discovering;
  }
}
