import { z } from 'zod';
import { ConfigurationProblems, defineEnv, loadEnv, RUNTIME_ENV, text, url, variable, type LoadOptions } from '@sal/config';

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

/** The variables of token verification; `npm run token` signs with the same ones. */
export const AUTH_ENV = defineEnv({
  AUTH_JWT_SECRET: variable(z.string().min(32, 'must be at least 32 characters'), {
    description: 'HS256 secret the API verifies tokens with; `npm run token` signs with it',
    defaultText: 'a development secret',
    secret: true,
  }),
  AUTH_JWKS_URL: variable(url(['http', 'https'], 'https://idp.example.org/.well-known/jwks.json'), {
    description: 'JWKS of the identity provider (production); takes precedence over the secret',
  }),
  AUTH_ISSUER: variable(text(), { description: 'required `iss` of tokens', default: 'sal-journeys' }),
  AUTH_AUDIENCE: variable(text(), { description: 'required `aud` of tokens', default: 'sal-journeys-api' }),
});

/**
 * Reads {@link AUTH_ENV}; without a secret or a JWKS URL, the development secret (refused in production).
 * @throws ConfigurationError naming each wrong variable.
 */
export function loadAuthSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): AuthSettings {
  const problems = new ConfigurationProblems();
  const runtime = problems.take(() => loadEnv(RUNTIME_ENV, env, options));
  const v = problems.take(() => loadEnv(AUTH_ENV, env, options));
  problems.throwIfAny();
  const developmentSecret = !v!.AUTH_JWT_SECRET && !v!.AUTH_JWKS_URL;
  if (developmentSecret && runtime!.NODE_ENV === 'production') problems.add('AUTH_JWKS_URL or AUTH_JWT_SECRET must be set in production');
  problems.throwIfAny();
  return {
    secret: developmentSecret ? DEV_JWT_SECRET : (v!.AUTH_JWT_SECRET ?? null),
    jwksUrl: v!.AUTH_JWKS_URL ?? null,
    issuer: v!.AUTH_ISSUER,
    audience: v!.AUTH_AUDIENCE,
    developmentSecret,
  };
}
