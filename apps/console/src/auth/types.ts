export interface ConsoleAuthConfig { mode: 'oidc' | 'development'; issuer?: string; clientId?: string; scopes?: string; }
export interface SignedInUser { sub: string; name?: string; roles: string[]; offices: string[] }
export interface AuthSession {
  user(): SignedInUser | null;
  /** A valid access token, renewed silently when needed; null when the session has expired (show the expired page). */
  accessToken(): Promise<string | null>;
  /** Starts signing in; `returnTo` is the console path to come back to. */
  signIn(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
  /** Completes the redirect back from the identity provider at /console/auth/callback; returns the path to go to. */
  completeSignIn(url: string): Promise<string>;
  onChange(listener: () => void): () => void;
}
