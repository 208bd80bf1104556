import { ConfigurationError } from '@sal/config';
import { DEV_JWT_SECRET, loadAuthSettings } from './auth-settings';

const quiet = { warn: () => undefined };

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadAuthSettings(env, quiet);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadAuthSettings', () => {
  it('uses the development secret and the claims `npm run token` issues on the embedded defaults', () => {
    expect(loadAuthSettings({}, quiet)).toEqual({
      secret: DEV_JWT_SECRET,
      jwksUrl: null,
      oidcIssuer: null,
      issuer: 'sal-journeys',
      audience: 'sal-journeys-api',
      claims: { roles: 'role', offices: 'offices' },
      developmentSecret: true,
    });
  });

  it('verifies against an OpenID provider: its issuer is the one tokens must carry, and the secret is not the development one', () => {
    const s = loadAuthSettings(
      { AUTH_OIDC_ISSUER: 'https://idp.example.org/realms/sal', AUTH_ISSUER: 'ignored', AUTH_ROLES_CLAIM: 'realm_access.roles', AUTH_OFFICES_CLAIM: 'sal_offices', NODE_ENV: 'production' },
      quiet,
    );
    expect(s).toMatchObject({ secret: null, jwksUrl: null, oidcIssuer: 'https://idp.example.org/realms/sal', issuer: 'https://idp.example.org/realms/sal', developmentSecret: false });
    expect(s.claims).toEqual({ roles: 'realm_access.roles', offices: 'sal_offices' });
  });

  it('refuses a plain-http issuer in production (its keys could be swapped on the way), and a claim name with spaces', () => {
    expect(problemsOf({ AUTH_OIDC_ISSUER: 'http://idp.example.org', NODE_ENV: 'production' })).toEqual(['AUTH_OIDC_ISSUER must be an https URL in production']);
    expect(loadAuthSettings({ AUTH_OIDC_ISSUER: 'http://127.0.0.1:4000' }, quiet).oidcIssuer).toBe('http://127.0.0.1:4000');
    expect(problemsOf({ AUTH_ROLES_CLAIM: 'my roles' }).join('\n')).toMatch(/^AUTH_ROLES_CLAIM /m);
    expect(problemsOf({ AUTH_OIDC_ISSUER: 'idp.example.org' }).join('\n')).toMatch(/^AUTH_OIDC_ISSUER /m);
  });
});
