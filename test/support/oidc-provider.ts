import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { stopChild } from '@sal/infra';

/** An account of the test provider: what its login page accepts and the claims it issues. */
export interface TestAccount {
  login: string;
  password: string;
  name: string;
  roles: string[];
  offices: string[];
}

export interface OidcProviderOptions {
  /** The `aud` of its access tokens: the API's AUTH_AUDIENCE. */
  audience: string;
  clientId?: string;
  /** Where the client may be sent back with a code, e.g. `<api base>/console/auth/callback`. */
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accounts: TestAccount[];
  /** Lifetime of access tokens (and the `expires_in` the client renews by); changeable later. Default 300 s. */
  accessTokenTtlSeconds?: number;
}

/** A running test provider (test/support/oidc-provider-process.mjs, a real `oidc-provider`), stopped by the test. */
export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  /** The scopes a client asks for to get `name` (profile) and `roles`, `offices` (sal) in its ID token. */
  readonly scopes: string;
  /** Tokens issued from now on live this long. */
  setAccessTokenTtl(seconds: number): Promise<void>;
  /** Ends every session and grant of the account, as the provider's administrator would: its refresh tokens stop working. */
  revokeAccount(login: string): Promise<void>;
  /** What the provider printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const PROCESS = join(__dirname, 'oidc-provider-process.mjs');

/** The env that points the API at a test provider: its issuer (discovery), the API's audience, its claim names. */
export function apiEnvFor(provider: TestOidcProvider, audience: string): NodeJS.ProcessEnv {
  return { AUTH_OIDC_ISSUER: provider.issuer, AUTH_AUDIENCE: audience, AUTH_ROLES_CLAIM: 'roles', AUTH_OFFICES_CLAIM: 'offices' };
}

/** Starts a real OpenID provider on a free port of 127.0.0.1 (see the process file for what it is configured as). */
export async function startOidcProvider(options: OidcProviderOptions): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'sal-console';
  const settings = { ...options, clientId };
  const child = fork(PROCESS, [], { env: { ...process.env, OIDC_TEST_PROVIDER: JSON.stringify(settings) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter((l) => l.trim()));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start in 30 s:\n${lines.join('\n')}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited (${code}):\n${lines.join('\n')}`));
    });
    child.on('message', (message: { type?: string; issuer?: string }) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.issuer!);
    });
  });
  let next = 0;
  const command = (type: string, fields: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      const id = ++next;
      const answer = (message: { id?: number; ok?: boolean; error?: string }) => {
        if (message.id !== id) return;
        child.off('message', answer);
        if (message.ok) resolve();
        else reject(new Error(`the OpenID provider refused ${type}: ${message.error}`));
      };
      child.on('message', answer);
      child.send({ id, type, ...fields });
    });
  return {
    issuer,
    clientId,
    scopes: 'openid profile sal',
    setAccessTokenTtl: (seconds) => command('setAccessTokenTtl', { seconds }),
    revokeAccount: (login) => command('revokeAccount', { login }),
    output: () => lines.join('\n'),
    stop: () => stopProvider(child),
  };
}

async function stopProvider(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) await stopChild(child, { signal: 'SIGTERM', graceMs: 10_000 });
}

/** What the token endpoint answers. */
export interface TokenSet {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/** The claims of a JWT, unverified (the API verifies; a test only reads). */
export function jwtClaims(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** A browser's cookies, enough for one provider: name → value, sent back on every request. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/**
 * The authorization code flow with PKCE as a browser application runs it, over HTTP: the authorization request, the
 * provider's own login page (its form read from the HTML and posted with `login` and `password`), the redirect back
 * with a code, and the code exchanged at the token endpoint with the verifier. Throws with the page the provider
 * showed when it does not send the client back with a code (a wrong password, say).
 */
export async function signInOverHttp(provider: TestOidcProvider, redirectUri: string, login: string, password: string): Promise<TokenSet> {
  const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    scope: provider.scopes,
    redirect_uri: redirectUri,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.take(response);
    return response;
  };
  let response = await go(authorize.toString());
  let submitted = false;
  for (let hops = 0; hops < 20; hops++) {
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, response.url || provider.issuer);
      if (target.toString().startsWith(redirectUri)) {
        const code = target.searchParams.get('code');
        if (target.searchParams.get('state') !== state || !code) throw new Error(`the provider sent the client back without a code: ${target.search}`);
        const token = await fetch(discovery.token_endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: provider.clientId, code_verifier: verifier }),
        });
        const body = await token.json();
        if (!token.ok) throw new Error(`the token endpoint answered ${token.status}: ${JSON.stringify(body)}`);
        return body as TokenSet;
      }
      response = await go(target.toString());
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html);
    if (!form || submitted) throw new Error(`the provider showed a page instead of sending the client back (${response.status}):\n${html.replace(/<style[\s\S]*?<\/style>/, '')}`);
    submitted = true;
    response = await go(new URL(form[1], provider.issuer).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password }).toString(),
    });
  }
  throw new Error('the provider redirected more than 20 times');
}

/** The refresh token grant, as a client renewing silently does. */
export async function refreshOverHttp(provider: TestOidcProvider, refreshToken: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${provider.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: provider.clientId }),
  });
  return { status: response.status, body: await response.json() };
}
