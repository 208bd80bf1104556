/** How bearer tokens are verified: a shared secret (HS256, the embedded defaults) or a JWKS URL (production). */
export interface AuthSettings {
  secret: string | null;
  jwksUrl: string | null;
  issuer: string;
  audience: string;
  /** Whether the secret is the built-in development one (logged loudly, refused in production). */
  developmentSecret: boolean;
}

/** The development secret: `npm run token` signs with it on the embedded defaults. Never valid in production. */
export const DEV_JWT_SECRET = 'sal-dev-only-jwt-secret-change-me-0123456789';

export function loadAuthSettings(env: NodeJS.ProcessEnv, problems: string[]): AuthSettings {
  const issuer = env.AUTH_ISSUER?.trim() || 'sal-journeys';
  const audience = env.AUTH_AUDIENCE?.trim() || 'sal-journeys-api';
  const jwksUrl = env.AUTH_JWKS_URL?.trim() || null;
  let secret = env.AUTH_JWT_SECRET?.trim() || null;
  const production = env.NODE_ENV === 'production';
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) problems.push(`AUTH_JWKS_URL must be an http(s) URL, got '${jwksUrl}'`);
  if (secret && secret.length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 characters');
  const developmentSecret = !secret && !jwksUrl;
  if (developmentSecret) {
    if (production) problems.push('AUTH_JWKS_URL or AUTH_JWT_SECRET must be set in production');
    secret = DEV_JWT_SECRET;
  }
  return { secret, jwksUrl, issuer, audience, developmentSecret };
}
