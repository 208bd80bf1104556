import type { AuthSession, ConsoleAuthConfig } from './types';

/** Sign-in with the region's OpenID provider (authorization code with PKCE). */
export function createOidcSession(config: ConsoleAuthConfig): AuthSession {
  void config;
  throw new Error('OIDC sign-in is not built yet');
}
