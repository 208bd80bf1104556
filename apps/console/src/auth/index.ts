import { createDevSession } from './dev-session';
import type { AuthSession, ConsoleAuthConfig } from './types';

export type { AuthSession, ConsoleAuthConfig, SignedInUser } from './types';
export { isDevelopmentSession, type DevelopmentIdentity, type DevelopmentSession } from './dev-session';

/** The session for the API's sign-in mode (`GET /console/config`); OIDC code is loaded only when it is used. */
export async function createSession(config: ConsoleAuthConfig): Promise<AuthSession> {
  if (config.mode === 'oidc') {
    const { createOidcSession } = await import('./oidc-session');
    return createOidcSession(config);
  }
  return createDevSession(config);
}
