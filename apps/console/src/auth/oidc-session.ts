import { ErrorResponse, InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { AuthSession, ConsoleAuthConfig, SignedInUser } from './types';

/**
 * How long before its expiry an access token is renewed (with the refresh token, in the background). Tokens of a
 * region's provider live minutes; a token closer to its end than {@link EXPIRY_MARGIN_SECONDS} is renewed first.
 */
const RENEW_AHEAD_SECONDS = 30;
/** A token this close to expiry is not sent: the API could refuse it on the way. */
const EXPIRY_MARGIN_SECONDS = 5;
/** sessionStorage keys of the redirect's transient state (PKCE verifier, where to return): never the tokens. */
const STATE_PREFIX = 'sal.console.oidc.';

/**
 * Sign-in with the region's OpenID provider: authorization code with PKCE (oidc-client-ts). The user and their
 * tokens live in memory only (never localStorage or sessionStorage: a script injected later finds nothing to take);
 * only the redirect's transient state waits in sessionStorage. The access token is renewed silently with the refresh
 * token before it expires; once the provider refuses to renew (the session ended there, the refresh token revoked),
 * `accessToken()` answers null and the console shows its expired page. A reload forgets the tokens: signing in again
 * passes straight through the provider while its own session lasts.
 */
export function createOidcSession(config: ConsoleAuthConfig): AuthSession {
  if (!config.issuer || !config.clientId) throw new Error('the console configuration names no OpenID issuer or client id');
  const consoleBase = new URL(import.meta.env.BASE_URL, window.location.origin);
  const manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scopes ?? 'openid profile',
    response_type: 'code',
    redirect_uri: new URL('auth/callback', consoleBase).toString(),
    post_logout_redirect_uri: consoleBase.toString(),
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: STATE_PREFIX }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: RENEW_AHEAD_SECONDS,
    // Who signed in comes from the ID token; the access token is the API's (its audience), not for userinfo.
    loadUserInfo: false,
    // RFC 7009: a revocation is answered 200 with an empty body, which some providers label text/plain.
    revokeTokenAdditionalContentTypes: ['text/plain'],
  });

  let current: User | null = null;
  /** The provider refused to renew: the session is over until the next sign-in. */
  let ended = false;
  let renewing: Promise<User | null> | null = null;
  /** Signing out: the user is forgotten before the browser leaves for the provider; no sign-in may start meanwhile. */
  let signingOut = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  manager.events.addUserLoaded((user) => {
    current = user;
    ended = false;
    notify();
  });
  manager.events.addUserUnloaded(() => {
    current = null;
    notify();
  });
  // A renewal in the background failed. Refused by the provider: over. Unreachable: the token still valid is used,
  // and the next accessToken() near its expiry tries again.
  manager.events.addSilentRenewError((error) => {
    if (error instanceof ErrorResponse) ended = true;
  });

  const renew = (): Promise<User | null> => {
    renewing ??= manager
      .signinSilent()
      .catch((error: unknown) => {
        if (error instanceof ErrorResponse) ended = true;
        return null;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };

  return {
    user: () => (current ? signedInUser(current) : null),
    async accessToken() {
      if (!current || ended) return null;
      if ((current.expires_in ?? Infinity) > EXPIRY_MARGIN_SECONDS) return current.access_token;
      const renewed = await renew();
      return renewed && !ended ? renewed.access_token : null;
    },
    async signIn(returnTo) {
      if (signingOut) return;
      // Where to come back to waits with the redirect's state in sessionStorage; the URL carries only its random id.
      await manager.signinRedirect({ state: returnTo });
    },
    async signOut() {
      if (!current) return;
      signingOut = true;
      // The refresh token revoked first (a JWT access token dies by its expiry); a provider that refuses still ends
      // the session at its end-session endpoint, where the browser goes next.
      await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      await manager.signoutRedirect().catch(async () => {
        // The provider cannot be reached: forget the tokens here at least.
        signingOut = false;
        await manager.removeUser();
      });
    },
    async completeSignIn(url) {
      const user = await manager.signinRedirectCallback(url);
      current = user;
      ended = false;
      notify();
      return consolePath(user.state, consoleBase.pathname);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The person, from the ID token's claims: `name`, `roles` (or `role`) and `offices`, as the provider issues them. */
function signedInUser(user: User): SignedInUser {
  const claims = user.profile as Record<string, unknown>;
  return {
    sub: user.profile.sub,
    name: typeof claims.name === 'string' ? claims.name : undefined,
    roles: texts(claims.roles ?? claims.role),
    offices: texts(claims.offices),
  };
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Only a path of the console itself is returned to: never an address elsewhere. */
function consolePath(state: unknown, base: string): string {
  return typeof state === 'string' && state.startsWith(base) && !state.startsWith('//') ? state : base;
}
