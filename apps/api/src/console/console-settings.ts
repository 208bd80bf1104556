import { defineEnv, loadEnv, text, url, variable, type LoadOptions } from '@sal/config';

/** What the console's sign-in needs to know about the region's OpenID provider (public values: no secret). */
export interface ConsoleOidcSettings {
  issuer: string | null;
  clientId: string | null;
  scopes: string;
}

/** The variables of the console's OpenID sign-in; unused while the API verifies tokens with the development secret. */
export const CONSOLE_ENV = defineEnv({
  CONSOLE_OIDC_ISSUER: variable(url(['http', 'https'], 'https://idp.example.org/realms/sal'), {
    description: "issuer of the region's OpenID provider the console signs in with (authorization code with PKCE)",
  }),
  CONSOLE_OIDC_CLIENT_ID: variable(text(), { description: "the console's public client id at the OpenID provider" }),
  CONSOLE_OIDC_SCOPES: variable(text(), { description: 'scopes the console asks the OpenID provider for', default: 'openid profile' }),
});

/** Reads {@link CONSOLE_ENV}. @throws ConfigurationError naming each wrong variable. */
export function loadConsoleSettings(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): ConsoleOidcSettings {
  const v = loadEnv(CONSOLE_ENV, env, options);
  return { issuer: v.CONSOLE_OIDC_ISSUER ?? null, clientId: v.CONSOLE_OIDC_CLIENT_ID ?? null, scopes: v.CONSOLE_OIDC_SCOPES };
}
