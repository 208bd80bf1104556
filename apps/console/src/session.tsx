import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthSession, ConsoleAuthConfig, SignedInUser } from './auth';

interface SessionState {
  config: ConsoleAuthConfig;
  session: AuthSession;
  user: SignedInUser | null;
  /** Whether a request found no valid token: the console shows the session-expired page. */
  expired: boolean;
  markExpired(): void;
  /** Starts signing in, coming back to the page shown now. */
  signIn(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ config, session, children }: { config: ConsoleAuthConfig; session: AuthSession; children: ReactNode }) {
  const user = useSyncExternalStore(
    (listener) => session.onChange(listener),
    () => userKey(session.user()),
  );
  const [expired, setExpired] = useState(false);
  // A new sign-in ends the expired state.
  useEffect(() => session.onChange(() => setExpired(false)), [session]);
  const markExpired = useCallback(() => setExpired(true), []);
  const signIn = useCallback(() => session.signIn(window.location.pathname), [session]);
  const value = useMemo<SessionState>(
    () => ({ config, session, user: user ? (JSON.parse(user) as SignedInUser) : null, expired, markExpired, signIn }),
    [config, session, user, expired, markExpired, signIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** A stable snapshot for useSyncExternalStore: the user as text. */
function userKey(user: SignedInUser | null): string | null {
  return user ? JSON.stringify(user) : null;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
