import type { AuthSession, ConsoleAuthConfig, SignedInUser } from './types';

/** Who to sign in as on the development sign-in page: the claims `npm run token` would put in a token. */
export interface DevelopmentIdentity {
  role: string;
  offices: string[];
  sub: string;
}

/** The development session also signs in from the console's own page, without an identity provider. */
export interface DevelopmentSession extends AuthSession {
  readonly development: true;
  signInAs(identity: DevelopmentIdentity): Promise<string>;
}

interface StoredSession {
  accessToken: string;
  expiresAt: string;
  user: SignedInUser;
}

const SESSION_KEY = 'sal.console.dev-session';
const RETURN_KEY = 'sal.console.return-to';
/** A token this close to expiry is treated as expired: a request sent with it would likely be refused. */
const EXPIRY_MARGIN_MS = 5_000;

/**
 * Development sign-in: the API signs a token with its development secret (`POST /console/dev-token`). The token lives
 * in sessionStorage (gone when the tab closes), never in localStorage; there is no renewal, so once it expires the
 * console shows the session-expired page.
 */
export function createDevSession(config: ConsoleAuthConfig, apiBase = ''): DevelopmentSession {
  void config;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const read = (): StoredSession | null => {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as StoredSession;
    } catch {
      return null;
    }
  };
  const signInPage = `${import.meta.env.BASE_URL}sign-in`;

  return {
    development: true,
    user: () => read()?.user ?? null,
    async accessToken() {
      const stored = read();
      if (!stored) return null;
      return Date.parse(stored.expiresAt) - EXPIRY_MARGIN_MS > Date.now() ? stored.accessToken : null;
    },
    async signIn(returnTo) {
      // The path to come back to waits in sessionStorage, not in the sign-in page's URL.
      sessionStorage.setItem(RETURN_KEY, returnTo);
      if (window.location.pathname !== signInPage) window.location.assign(signInPage);
    },
    async signOut() {
      sessionStorage.removeItem(SESSION_KEY);
      notify();
    },
    async completeSignIn() {
      return takeReturnPath();
    },
    async signInAs(identity) {
      const response = await fetch(`${apiBase}/console/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(identity),
      });
      if (!response.ok) throw new DevSignInError(response.status, await response.json().catch(() => null));
      const body = (await response.json()) as { accessToken: string; expiresAt: string };
      const stored: StoredSession = {
        accessToken: body.accessToken,
        expiresAt: body.expiresAt,
        user: { sub: identity.sub, roles: [identity.role], offices: identity.offices },
      };
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(stored));
      notify();
      return takeReturnPath();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function takeReturnPath(): string {
  const path = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  // Only a path of the console itself: never an address elsewhere.
  return path && path.startsWith(import.meta.env.BASE_URL) ? path : import.meta.env.BASE_URL;
}

/** The API refused the development sign-in; `body` is its error answer (with field messages on a 400). */
export class DevSignInError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`development sign-in refused (${status})`);
  }
}

export function isDevelopmentSession(session: AuthSession): session is DevelopmentSession {
  return (session as Partial<DevelopmentSession>).development === true;
}
