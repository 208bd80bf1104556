import type { Page, Request, Response } from '@playwright/test';
import { getFreePort } from '@sal/infra';
import { createThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { apiEnvFor, jwtClaims, startOidcProvider, type TestAccount, type TestOidcProvider } from '../support/oidc-provider';
import { startProduct } from '../support/services';
import { expect, expectAccessible, screenshots, test as base, type ConsoleStack } from './support/fixtures';

/**
 * The console signing in with the region's OpenID provider (issue 16, sign-in): a real `oidc-provider` started here
 * (test/support/oidc-provider.ts), the API pointed at it for its tokens (AUTH_OIDC_ISSUER) and for the console's
 * sign-in (CONSOLE_OIDC_*), Chromium going through the provider's own login page. Access tokens live 40 s here so
 * that their silent renewal (30 s before expiry) and their expiry happen within a test.
 */

const AUDIENCE = 'sal-journeys-api';
const ACCESS_TOKEN_TTL = 40;
const office = `CPI-OI-${uniqueSuffix()}`;
const anna: TestAccount = { login: 'op-anna', password: 'anna-secret-1', name: 'Anna Verdi', roles: ['operator'], offices: [office] };

interface Oidc {
  provider: TestOidcProvider;
  port: number;
}

/** The provider first (its client's redirect URI names the API's port), then the product pointed at it. */
const test = base.extend<object, { oidc: Oidc; stack: ConsoleStack }>({
  oidc: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const port = await getFreePort();
      const consoleUrl = `http://127.0.0.1:${port}/console/`;
      const provider = await startOidcProvider({
        audience: AUDIENCE,
        redirectUris: [`${consoleUrl}auth/callback`],
        postLogoutRedirectUris: [consoleUrl],
        accounts: [anna],
        accessTokenTtlSeconds: ACCESS_TOKEN_TTL,
      });
      try {
        await use({ provider, port });
      } finally {
        await provider.stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  stack: [
    async ({ oidc }, use) => {
      const database = await createThrowawayDatabase();
      const product = await startProduct(database.url, {
        API_PORT: String(oidc.port),
        ...apiEnvFor(oidc.provider, AUDIENCE),
        CONSOLE_OIDC_ISSUER: oidc.provider.issuer,
        CONSOLE_OIDC_CLIENT_ID: oidc.provider.clientId,
        CONSOLE_OIDC_SCOPES: oidc.provider.scopes,
      });
      try {
        await use({ baseUrl: product.baseUrl, database: database.dataSource });
      } finally {
        await product.stop();
        await database.drop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
});

/** What the browser exchanged with the provider's token endpoint, in order. */
interface TokenExchange {
  grant: string;
  status: number;
  body: Record<string, string>;
}

function watchTokenEndpoint(page: Page, provider: TestOidcProvider): TokenExchange[] {
  const exchanges: TokenExchange[] = [];
  page.on('response', async (response: Response) => {
    if (!response.url().startsWith(`${provider.issuer}/token`) || response.request().method() !== 'POST') return;
    const grant = new URLSearchParams(response.request().postData() ?? '').get('grant_type') ?? '?';
    exchanges.push({ grant, status: response.status(), body: await response.json().catch(() => ({})) });
  });
  return exchanges;
}

/** The bearer tokens the console sent to the API, with what the API answered. */
function watchApiCalls(page: Page, baseUrl: string): { path: string; token: string; status: number }[] {
  const calls: { path: string; token: string; status: number }[] = [];
  page.on('requestfinished', async (request: Request) => {
    const url = new URL(request.url());
    const token = /^Bearer (.+)$/.exec((await request.allHeaders()).authorization ?? '')?.[1];
    if (!token || url.origin !== baseUrl) return;
    calls.push({ path: url.pathname, token, status: (await request.response())?.status() ?? 0 });
  });
  return calls;
}

/** The provider's login page, filled in as a person would. */
async function signInAtProvider(page: Page, provider: TestOidcProvider, account: TestAccount, screenshot?: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await expect(page.getByRole('heading', { name: 'Accesso', level: 1 })).toBeVisible();
  if (screenshot) await screenshots(page, screenshot);
  await page.getByLabel('Nome utente').fill(account.login);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** What a Web Storage holds, as text (run in the page; the tests' TypeScript has no DOM types). */
const storageText = (name: string): string => JSON.stringify((globalThis as unknown as Record<string, unknown>)[name]);

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('sign-in with the region’s OpenID provider', () => {
  test('signs in through the provider’s login page, calls the API with its token, renews it silently, keeps no token in localStorage', async ({ page, oidc, stack }) => {
    const { provider } = oidc;
    const exchanges = watchTokenEndpoint(page, provider);
    const calls = watchApiCalls(page, stack.baseUrl);

    const config = await page.request.get('/console/config');
    expect(await config.json()).toEqual({ mode: 'oidc', issuer: provider.issuer, clientId: provider.clientId, scopes: provider.scopes });

    // Not signed in: the console sends the browser to the provider, which shows its login page.
    await page.goto('/console/');
    await signInAtProvider(page, provider, anna, 'oidc-provider-login');

    // Back on the console, signed in: the person's name from the ID token, their role and offices.
    await expect(page).toHaveURL(`${stack.baseUrl}/console/`);
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await expect(page.getByText('Utente: Anna Verdi')).toBeVisible();
    await expect(page.getByText(`Uffici: ${office}`)).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'oidc-home');
    expect(exchanges.map((e) => [e.grant, e.status])).toEqual([['authorization_code', 200]]);
    const first = exchanges[0].body;

    // An API call with the provider's access token: accepted, for this account.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'I miei casi' }).click();
    await expect(page.getByRole('heading', { name: 'I miei casi', level: 1 })).toBeVisible();
    await expect.poll(() => calls.find((c) => c.path === '/journeys')?.status).toBe(200);
    const firstCall = calls.find((c) => c.path === '/journeys')!;
    expect(firstCall.token).toBe(first.access_token);
    expect(jwtClaims(firstCall.token)).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: 'op-anna', offices: [office] });

    // No token in localStorage, nor in sessionStorage (only the drafts and the redirect's transient state may be).
    for (const storage of ['localStorage', 'sessionStorage'] as const) {
      const stored = await page.evaluate(storageText, storage);
      for (const token of [first.access_token, first.refresh_token, first.id_token]) expect(stored, storage).not.toContain(token);
      expect(stored, storage).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
    expect(await page.evaluate(storageText, 'localStorage')).not.toMatch(/oidc|token/i);

    // Renewed silently before it expires, with the refresh token; once the first token has expired, the console's
    // calls carry the new one and are answered.
    await expect.poll(() => exchanges.filter((e) => e.grant === 'refresh_token' && e.status === 200).length, { timeout: ACCESS_TOKEN_TTL * 1000 }).toBeGreaterThan(0);
    const expiry = jwtClaims(first.access_token).exp as number;
    await expect.poll(() => Date.now() / 1000 > expiry + 1, { timeout: (ACCESS_TOKEN_TTL + 10) * 1000, intervals: [1000] }).toBe(true);
    const callsBefore = calls.length;
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'I miei casi' }).click();
    await expect.poll(() => calls.slice(callsBefore).find((c) => c.path === '/journeys')?.status).toBe(200);
    const renewedCall = calls.slice(callsBefore).find((c) => c.path === '/journeys')!;
    expect(renewedCall.token).not.toBe(first.access_token);
    expect(jwtClaims(renewedCall.token).exp).toBeGreaterThan(expiry);
    await expect(page.getByRole('heading', { name: 'Sessione scaduta' })).toHaveCount(0);

    // Signing out ends the session at the provider too: the next sign-in asks for the password again.
    await page.getByRole('button', { name: 'Esci' }).click();
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    await expect(page.getByLabel('Password')).toBeVisible();
  });

  test('when the provider ends the session, the expired page shows, and what was typed survives signing in again', async ({ page, oidc, stack }) => {
    const { provider } = oidc;
    const exchanges = watchTokenEndpoint(page, provider);
    const person = { givenName: 'Rita', familyName: `Fontana${uniqueSuffix().slice(-4)}`, fiscalCode: randomFiscalCode() };

    await page.goto('/console/journeys/new');
    await signInAtProvider(page, provider, anna);
    await expect(page).toHaveURL(`${stack.baseUrl}/console/journeys/new`);
    await expect(page.getByRole('heading', { name: 'Avvia un percorso', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(person.givenName);
    await page.getByRole('textbox', { name: 'Cognome', exact: true }).fill(person.familyName);
    await page.getByRole('textbox', { name: 'Codice fiscale', exact: true }).fill(person.fiscalCode);
    await choose(page, 'Programma', 'GOL-1');
    await page.getByRole('textbox', { name: 'Data della DID', exact: true }).fill(new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10));

    // The provider's administrator ends the account's sessions: the next silent renewal is refused.
    await provider.revokeAccount(anna.login);
    await expect.poll(() => exchanges.some((e) => e.grant === 'refresh_token' && e.status === 400), { timeout: ACCESS_TOKEN_TTL * 1000 }).toBe(true);

    // Submitting now finds no valid token: the expired page, in place of the form.
    await page.getByRole('button', { name: 'Avvia il percorso' }).click();
    await expect(page.getByRole('heading', { name: 'Sessione scaduta', level: 1 })).toBeVisible();
    await expect(page.getByText('quello che stavi scrivendo è conservato')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'oidc-session-expired');
    expect(await page.evaluate(storageText, 'localStorage')).not.toMatch(/eyJ[\w-]+\.eyJ/);

    // Signing in again (the provider asks for the password: its session is over) comes back to the form, as typed.
    await page.getByRole('button', { name: 'Accedi di nuovo' }).click();
    await signInAtProvider(page, provider, anna);
    await expect(page).toHaveURL(`${stack.baseUrl}/console/journeys/new`);
    await expect(page.getByRole('textbox', { name: 'Nome', exact: true })).toHaveValue(person.givenName);
    await expect(page.getByRole('textbox', { name: 'Cognome', exact: true })).toHaveValue(person.familyName);
    await expect(page.getByRole('textbox', { name: 'Codice fiscale', exact: true })).toHaveValue(person.fiscalCode);

    // …and the command is applied with the new session's token.
    await page.getByRole('button', { name: 'Avvia il percorso' }).click();
    await expect(page).toHaveURL(/\/console\/journeys\/jrn_[0-9a-f]{32}$/);
    await expect(page.getByRole('heading', { name: `${person.familyName} ${person.givenName}`, level: 1 })).toBeVisible();
  });
});
