import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { startProduct, type ProductStack } from '../support/services';

/**
 * The console as the API serves it outside the embedded defaults (a real secret): OpenID sign-in configuration, no
 * development sign-in route, the built files and the index.html fallback under /console/ only. The development case
 * is driven in a browser by test/console.
 */

let db: ThrowawayDatabase;
let product: ProductStack;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url, {
    AUTH_JWT_SECRET: 'a-real-secret-for-this-test-only-0123456789',
    CONSOLE_OIDC_ISSUER: 'https://idp.example.org/realms/sal',
    CONSOLE_OIDC_CLIENT_ID: 'sal-console',
  });
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const get = (path: string, init?: RequestInit) => fetch(`${product.baseUrl}${path}`, init);

describe('the console, served by the API with a real secret', () => {
  it('tells the console to sign in with the OpenID provider, without a token', async () => {
    const answer = await get('/console/config');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ mode: 'oidc', issuer: 'https://idp.example.org/realms/sal', clientId: 'sal-console', scopes: 'openid profile' });
  });

  it('has no development sign-in', async () => {
    const answer = await get('/console/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'administrator', offices: [], sub: 'intruder' }),
    });
    expect(answer.status).toBe(404);
  });

  it("serves the console's page for its own routes, and leaves the API's routes alone", async () => {
    for (const path of ['/console/', '/console/journeys/jrn_x', '/console/auth/callback?code=abc&state=def']) {
      const page = await get(path);
      expect([path, page.status, page.headers.get('content-type')]).toEqual([path, 200, expect.stringContaining('text/html')]);
      expect(await page.text()).toContain('<div id="root">');
    }
    const redirect = await get('/console', { redirect: 'manual' });
    expect([301, 302, 308]).toContain(redirect.status);
    const html = await (await get('/console/')).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await get('/journeys')).status).toBe(401);
    expect((await get('/consolexyz')).status).toBe(404);
    expect((await get('/console/assets/missing.js')).status).toBe(404);
  });
});
