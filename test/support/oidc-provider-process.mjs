// A real OpenID provider (oidc-provider 9, an ES module) for the sign-in tests, run as a child process of the test
// (Jest cannot load ES modules; a child also keeps the provider's event loop out of the test's). Forked with IPC by
// test/support/oidc-provider.ts: it receives its settings in OIDC_TEST_PROVIDER (JSON), listens on a free port of
// 127.0.0.1, answers `{ type: 'ready', issuer }`, then takes commands (`{ id, type, ... }` → `{ id, ok, error? }`).
//
// What it is configured as is what a region's identity provider offers a browser application: a public client
// (no secret) with the authorization code flow and PKCE required, JWT access tokens for the API (a resource indicator
// whose audience is the API's), refresh tokens bound to the sign-in session (silent renewal), RP-initiated logout,
// `name`, `roles` and `offices` claims from its accounts, and a login page that checks the password.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');
/** The resource indicator of the API: access tokens for it are JWTs whose `aud` is the API's AUTH_AUDIENCE. */
const API_RESOURCE = 'urn:sal-journeys:api';
let accessTokenTtl = settings.accessTokenTtlSeconds ?? 300;

const accounts = new Map(settings.accounts.map((a) => [a.login, a]));
/** Grants and sessions by account, so that `revokeAccount` can end them as an administrator of the provider would. */
const grantsOf = new Map();
const sessionsOf = new Map();
const remember = (index, accountId, id) => {
  if (!accountId) return;
  if (!index.has(accountId)) index.set(accountId, new Set());
  index.get(accountId).add(id);
};

const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: settings.redirectUris,
      post_logout_redirect_uris: settings.postLogoutRedirectUris ?? [],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'sal', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name'], sal: ['roles', 'offices'] },
  // The console reads who signed in from the ID token (the access token is the API's, not for userinfo).
  conformIdTokenClaims: false,
  async findAccount(_ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, name: account.name, roles: account.roles, offices: account.offices }) };
  },
  // What the API needs in its access token: who (sub), in which role, for which offices.
  async extraTokenClaims(_ctx, token) {
    const account = accounts.get(token.accountId);
    return account ? { roles: account.roles, offices: account.offices } : undefined;
  },
  // A browser application renews silently with its refresh token; the token ends with the sign-in session.
  async issueRefreshToken(_ctx, client) {
    return client.grantTypeAllowed('refresh_token');
  },
  ttl: {
    AccessToken: () => accessTokenTtl,
    IdToken: 3600,
    RefreshToken: 8 * 3600,
    Session: 8 * 3600,
    Grant: 8 * 3600,
    Interaction: 600,
    AuthorizationCode: 60,
  },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        // The provider signs out at once when the application asks (it sent its ID token): the form posts itself.
        ctx.body = page('Uscita', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Esci</button>
          <script>document.forms['op.logoutForm'].requestSubmit(document.querySelector('button[name=logout]'))</script>`);
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => API_RESOURCE,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
        return { scope: 'journeys', audience: settings.audience, accessTokenFormat: 'jwt', accessTokenTTL: accessTokenTtl, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Errore', `<h1>Errore di accesso</h1><p id="error">${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
  },
});
provider.on('grant.saved', (grant) => remember(grantsOf, grant.accountId, grant.jti));
provider.on('session.saved', (session) => remember(sessionsOf, session.accountId, session.id));
provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Identity provider di prova</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;background:#f2f5f8;margin:0}main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:4px;box-shadow:0 1px 4px #0003}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;background:#0066cc;color:#fff;border:0;border-radius:4px}
.error{color:#a00;font-weight:600}</style></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid, clientId, error) {
  return page(
    'Accesso',
    `<h1>Accesso</h1><p>Identity provider di prova per <strong>${escapeHtml(clientId)}</strong></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Nome utente</label><input id="login" name="login" autocomplete="username" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Accedi</button></form>`,
  );
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * The interactions: the login form (GET shows it, POST checks the password), and consent, which a first-party
 * application of the region does not ask for: what the client requested is granted at once.
 */
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page('Errore', '<p>Richiesta di accesso non valida</p>'));
  const { prompt, params, session, grantId } = details;
  if (prompt.name === 'login') {
    if (req.method === 'GET') return send(res, 200, loginPage(uid, params.client_id));
    if (action !== 'login' || req.method !== 'POST') return send(res, 405, page('Errore', '<p>Metodo non ammesso</p>'));
    const form = await readForm(req);
    const account = accounts.get(form.get('login') ?? '');
    if (!account || account.password !== form.get('password')) return send(res, 401, loginPage(uid, params.client_id, 'Nome utente o password non validi'));
    return provider.interactionFinished(req, res, { login: { accountId: account.login } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'consent') {
    const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    // The API's resource with no scope of its own requested: still granted (the access token is for the API).
    if (!grant.resources?.[API_RESOURCE]) grant.addResourceScope(API_RESOURCE, '');
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  return send(res, 501, page('Errore', `<p>${escapeHtml(prompt.name)} non gestito</p>`));
}

const callback = provider.callback();
server.on('request', (req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login))?(?:\?.*)?$/.exec(req.url ?? '');
  if (!match) return callback(req, res);
  interaction(req, res, match[1], match[2]).catch((error) => {
    console.error('interaction failed', error);
    if (!res.headersSent) send(res, 400, page('Errore', `<p id="error">${escapeHtml(error.message)}</p>`));
  });
});

/** Ends every sign-in session and grant of the account (its refresh and access tokens with them). */
async function revokeAccount(login) {
  for (const grantId of grantsOf.get(login) ?? []) {
    await provider.RefreshToken.adapter.revokeByGrantId(grantId);
    await provider.Grant.adapter.destroy(grantId);
  }
  for (const sessionId of sessionsOf.get(login) ?? []) await provider.Session.adapter.destroy(sessionId);
  grantsOf.delete(login);
  sessionsOf.delete(login);
}

process.on('message', async (message) => {
  try {
    if (message.type === 'setAccessTokenTtl') accessTokenTtl = message.seconds;
    else if (message.type === 'revokeAccount') await revokeAccount(message.login);
    else throw new Error(`unknown command ${message.type}`);
    process.send({ id: message.id, ok: true });
  } catch (error) {
    process.send({ id: message.id, ok: false, error: error.message });
  }
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.send({ type: 'ready', issuer });
