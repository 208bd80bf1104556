import { SignJWT } from 'jose';
import type { AuthSettings } from './auth-settings';
import type { Role } from './principal';

/** The claims of a development token: what `npm run token` and the console's development sign-in ask for. */
export interface DevelopmentTokenRequest {
  role: Role;
  offices: string[];
  sub: string;
  /** A jose duration such as `8h`. */
  expires: string;
}

/**
 * A bearer token signed HS256 with the API's shared secret, with the issuer and audience the API requires. Only for
 * the embedded defaults and tests: production tokens come from the identity provider.
 */
export async function signDevelopmentToken(auth: AuthSettings, request: DevelopmentTokenRequest): Promise<{ token: string; expiresAt: Date }> {
  if (auth.secret === null) throw new Error('AUTH_JWKS_URL is set without AUTH_JWT_SECRET: tokens come from the identity provider');
  const secret = new TextEncoder().encode(auth.secret);
  const token = await new SignJWT({ role: request.role, offices: request.offices })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.sub)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(request.expires)
    .sign(secret);
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}
