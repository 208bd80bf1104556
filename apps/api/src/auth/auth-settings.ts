import { z } from 'zod';
import { ConfigurationProblems, defineEnv, loadEnv, RUNTIME_ENV, text, url, variable, type LoadOptions } from '@sal/config';
import { CLAIM_NAME_MESSAGE, CLAIM_NAME_PATTERN, DEFAULT_CLAIM_NAMES, type ClaimNames } from './token-claims';

/**
 * How bearer tokens are verified: a shared secret (HS256, the embedded defaults), a JWKS URL, or the JWKS an OpenID
 * provider's discovery document names (production).
 */
export interface AuthSettings {
  secret: string | null;
  jwksUrl: string | null;
  /** The OpenID provider whose discovery document gives the JWKS (when `jwksUrl` is not set); tokens' `iss` is it. */
  oidcIssuer: string | null;
  issuer: string;
  audience: string;
  /** Where the role and the offices are in a token's claims. */
  claims: ClaimNames;
  /** Whether the secret is the built-in development one (logged loudly, refused in production). */
  developmentSecret: boolean;
}

/** The development secret: `npm run token` signs with it on the embedded defaults. Never valid in production. */
export const DEV_JWT_SECRET = 'sal-dev-only-jwt-secret-change-me-0123456789';

const claimName = () => z.string().regex(CLAIM_NAME_PATTERN, CLAIM_NAME_MESSAGE);

/** The variables of token verification; `npm run token` signs with the same ones. */
export const AUTH_ENV = defineEnv({
  AUTH_JWT_SECRET: variable(z.string().min(32, 'must be at least 32 characters'), {
    description: 'HS256 secret the API verifies tokens with; `npm run token` signs with it',
    defaultText: 'a development secret',
    secret: true,
  }),
  AUTH_OIDC_ISSUER: variable(url(['http', 'https'], 'https://idp.example.org/realms/sal'), {
    description:
      'issuer of the OpenID provider (production): its discovery document (`/.well-known/openid-configuration`) gives the JWKS, and tokens must carry it as `iss` (AUTH_ISSUER is then not used)',
  }),
  AUTH_JWKS_URL: variable(url(['http', 'https'], 'https://idp.example.org/.well-known/jwks.json'), {
    description: 'JWKS of the identity provider; takes precedence over the secret and over the JWKS of AUTH_OIDC_ISSUER',
  }),
  AUTH_ISSUER: variable(text(), { description: 'required `iss` of tokens (unless AUTH_OIDC_ISSUER is set)', default: 'sal-journeys' }),
  AUTH_AUDIENCE: variable(text(), { description: 'required `aud` of tokens', default: 'sal-journeys-api' }),
  AUTH_ROLES_CLAIM: variable(claimName(), {
    description: 'claim holding the role: a string, or a list of which exactly one is a role of ours; a dotted path reaches a nested claim (`realm_access.roles`)',
    default: DEFAULT_CLAIM_NAMES.roles,
  }),
  AUTH_OFFICES_CLAIM: variable(claimName(), {
    description: 'claim listing the offices (CPI ids, `*` for all) the caller works for; a dotted path reaches a nested claim',
    default: DEFAULT_CLAIM_NAMES.offices,
  }),
});

/**
 * Reads {@link AUTH_ENV}; without a secret, a JWKS URL or an OpenID issuer, the development secret (refused in
 * production, where an OpenID issuer must also be HTTPS).
 * @throws ConfigurationError naming each wrong variable.
 */
export function loadAuthSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): AuthSettings {
  const problems = new ConfigurationProblems();
  const runtime = problems.take(() => loadEnv(RUNTIME_ENV, env, options));
  const v = problems.take(() => loadEnv(AUTH_ENV, env, options));
  problems.throwIfAny();
  const production = runtime!.NODE_ENV === 'production';
  const oidcIssuer = v!.AUTH_OIDC_ISSUER ?? null;
  const developmentSecret = !v!.AUTH_JWT_SECRET && !v!.AUTH_JWKS_URL && !oidcIssuer;
  if (developmentSecret && production) problems.add('AUTH_OIDC_ISSUER, AUTH_JWKS_URL or AUTH_JWT_SECRET must be set in production');
  if (oidcIssuer && production && new URL(oidcIssuer).protocol !== 'https:') problems.add('AUTH_OIDC_ISSUER must be an https URL in production');
  problems.throwIfAny();
  return {
    secret: developmentSecret ? DEV_JWT_SECRET : (v!.AUTH_JWT_SECRET ?? null),
    jwksUrl: v!.AUTH_JWKS_URL ?? null,
    oidcIssuer,
    issuer: oidcIssuer ?? v!.AUTH_ISSUER,
    audience: v!.AUTH_AUDIENCE,
    claims: { roles: v!.AUTH_ROLES_CLAIM, offices: v!.AUTH_OFFICES_CLAIM },
    developmentSecret,
  };
}
