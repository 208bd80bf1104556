import { discoverJwksUrl } from '@sal/api';
import { getFreePort } from '@sal/infra';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode, recentDidDate } from '../support/journeys';
import {
  apiEnvFor,
  jwtClaims,
  refreshOverHttp,
  signInOverHttp,
  startOidcProvider,
  type TestAccount,
  type TestOidcProvider,
} from '../support/oidc-provider';
import { productForFile } from '../support/product';
import { http } from '../support/services';
import { eventually } from '../support/wait';

/**
 * The API behind the region's OpenID provider (issue 16, sign-in): a real `oidc-provider` started here, the API
 * pointed at its issuer (AUTH_OIDC_ISSUER: keys from its discovery document), tokens obtained by the authorization
 * code flow with PKCE through the provider's own login page, as the console obtains them.
 */

const AUDIENCE = 'sal-journeys-api';
const A = `CPI-OA-${uniqueSuffix()}`;
const B = `CPI-OB-${uniqueSuffix()}`;
const anna: TestAccount = { login: 'op-anna', password: 'anna-secret-1', name: 'Anna Verdi', roles: ['operator'], offices: [A] };
// Roles as a region's provider lists them: ours among others of other applications.
const alda: TestAccount = { login: 'sup-alda', password: 'alda-secret-1', name: 'Alda Neri', roles: ['offline_access', 'supervisor', 'protocollo-lettore'], offices: [B] };
const twoRoles: TestAccount = { login: 'op-doppio', password: 'doppio-secret', name: 'Dario Doppio', roles: ['operator', 'administrator'], offices: [A] };

let provider: TestOidcProvider;
let redirectUri: string;
/** Filled in before the product starts: the provider's issuer must be known to the API, the API's port to the provider. */
const env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  const port = await getFreePort();
  redirectUri = `http://127.0.0.1:${port}/console/auth/callback`;
  provider = await startOidcProvider({ audience: AUDIENCE, redirectUris: [redirectUri], accounts: [anna, alda, twoRoles], accessTokenTtlSeconds: 300 });
  Object.assign(env, { API_PORT: String(port), ...apiEnvFor(provider, AUDIENCE) });
}, 60_000);

const product = productForFile(env);

afterAll(async () => {
  await provider?.stop();
});

const as = (token: string | null) => <T = any>(method: string, path: string, body?: unknown) => http<T>(product.stack.baseUrl, method, path, body, token);

describe('sign-in with the region’s OpenID provider', () => {
  it('accepts a token from the authorization code flow with PKCE: its subject is the actor, its offices the scope', async () => {
    const tokens = await signInOverHttp(provider, redirectUri, anna.login, anna.password);
    expect(jwtClaims(tokens.access_token)).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: 'op-anna', roles: ['operator'], offices: [A] });
    expect(jwtClaims(tokens.id_token)).toMatchObject({ sub: 'op-anna', name: 'Anna Verdi', roles: ['operator'], offices: [A] });
    const asAnna = as(tokens.access_token);

    const started = await asAnna('POST', '/journeys', { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Rita', familyName: 'Fontana' }, programmeCode: 'GOL-2', officeId: A, didDate: recentDidDate() });
    expect(started.status).toBe(201);
    const intake = await asAnna('POST', `/journeys/${started.body.journeyId}/intake`, {});
    expect([intake.status, intake.body.intake.operatorId]).toEqual([200, 'op-anna']);

    const listed = await eventually(async () => {
      const answer = await asAnna('GET', '/journeys');
      return answer.status === 200 && answer.body.total === 1 ? answer : undefined;
    }, 'the journey listed for its operator');
    expect(listed.body.items.map((j: { journeyId: string; officeId: string }) => [j.journeyId, j.officeId])).toEqual([[started.body.journeyId, A]]);
    const elsewhere = await asAnna('GET', `/journeys?officeId=${B}`);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('takes our one role from the provider’s list of roles, and refuses a token naming two of ours', async () => {
    const supervisor = await signInOverHttp(provider, redirectUri, alda.login, alda.password);
    const kpis = await as(supervisor.access_token)('GET', `/supervisor/kpis?officeId=${B}`);
    expect(kpis.status).toBe(200);
    const command = await as(supervisor.access_token)('POST', '/journeys', { beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ugo', familyName: 'Sala' }, programmeCode: 'GOL-2', officeId: B, didDate: recentDidDate() });
    expect(command.status).toBe(403);

    const ambiguous = await signInOverHttp(provider, redirectUri, twoRoles.login, twoRoles.password);
    const refused = await as(ambiguous.access_token)('GET', '/journeys');
    expect([refused.status, refused.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(refused.body.error.message).toMatch(/more than one role/);
  });

  it('refuses an expired token (401); the refresh token renews it until the provider ends the session', async () => {
    await provider.setAccessTokenTtl(4);
    try {
      const tokens = await signInOverHttp(provider, redirectUri, anna.login, anna.password);
      const { exp, iat } = jwtClaims(tokens.access_token);
      expect(exp - iat).toBe(4);
      const accepted = await as(tokens.access_token)('GET', '/journeys');
      // Unless this small machine took longer than the token's life to get here.
      if (Date.now() / 1000 < exp - 1) expect(accepted.status).toBe(200);

      const expired = await eventually(async () => {
        const answer = await as(tokens.access_token)('GET', '/journeys');
        return answer.status === 401 ? answer : undefined;
      }, 'the access token to expire', { timeoutMs: 30_000, intervalMs: 500 });
      expect(expired.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/"exp" claim timestamp check failed/) });

      await provider.setAccessTokenTtl(300);
      const renewed = await refreshOverHttp(provider, tokens.refresh_token!);
      expect(renewed.status).toBe(200);
      expect((await as(renewed.body.access_token)('GET', '/journeys')).status).toBe(200);

      await provider.revokeAccount(anna.login);
      const afterRevocation = await refreshOverHttp(provider, renewed.body.refresh_token);
      expect([afterRevocation.status, afterRevocation.body.error]).toEqual([400, 'invalid_grant']);
    } finally {
      await provider.setAccessTokenTtl(300);
    }
  });

  it('gives no token for a wrong password', async () => {
    await expect(signInOverHttp(provider, redirectUri, anna.login, 'not-the-password')).rejects.toThrow(/Nome utente o password non validi/);
  });

  it('refuses tokens of another issuer: another provider with the same accounts, and the development secret', async () => {
    const other = await startOidcProvider({ audience: AUDIENCE, redirectUris: [redirectUri], accounts: [anna] });
    try {
      const foreign = await signInOverHttp(other, redirectUri, anna.login, anna.password);
      const refused = await as(foreign.access_token)('GET', '/journeys');
      expect([refused.status, refused.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    } finally {
      await other.stop();
    }
    const development = await as(tokenFor('operator', [A], 'op-anna'))('GET', '/journeys');
    expect(development.status).toBe(401);
  });

  it('finds the provider’s keys from its discovery document, whose issuer must be exactly the one configured', async () => {
    expect(await discoverJwksUrl(provider.issuer)).toBe(`${provider.issuer}/jwks`);
    await expect(discoverJwksUrl(`${provider.issuer}/`)).rejects.toThrow(/names the issuer "http:\/\/127\.0\.0\.1:\d+", not http/);
    const port = await getFreePort();
    await expect(discoverJwksUrl(`http://127.0.0.1:${port}`)).rejects.toThrow();
  });
});
