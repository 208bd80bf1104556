import { UnauthenticatedError } from '../common/api-errors';
import { claimAt, ISSUED_AT_SKEW_SECONDS, principalFromClaims, putClaim } from './token-claims';

const NOW = 1_800_000_000;
const valid = { sub: 'op-bianchi', role: 'operator', offices: ['CPI-TO-01'], iat: NOW - 10, exp: NOW + 3600 };
const refusal = (claims: Record<string, unknown>) => {
  try {
    principalFromClaims(claims, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthenticatedError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(claims)}`);
};

describe('principalFromClaims', () => {
  it('names the caller of a well-formed token', () => {
    expect(principalFromClaims(valid, NOW)).toEqual({ subject: 'op-bianchi', role: 'operator', offices: ['CPI-TO-01'] });
    expect(principalFromClaims({ ...valid, role: 'administrator', offices: undefined }, NOW).offices).toBe('all');
    expect(principalFromClaims({ ...valid, role: 'regional_supervisor', offices: ['*'] }, NOW).offices).toBe('all');
  });

  it('refuses a token that never expires', () => {
    expect(refusal({ ...valid, exp: undefined })).toMatch(/exp/);
    expect(refusal({ ...valid, exp: '2099-01-01' })).toMatch(/exp/);
  });

  it('refuses a token issued in the future beyond the skew, and accepts one within it', () => {
    expect(refusal({ ...valid, iat: NOW + ISSUED_AT_SKEW_SECONDS + 1 })).toMatch(/future/);
    expect(refusal({ ...valid, iat: 'now' })).toMatch(/future|iat/);
    expect(principalFromClaims({ ...valid, iat: NOW + ISSUED_AT_SKEW_SECONDS }, NOW).subject).toBe('op-bianchi');
    expect(principalFromClaims({ ...valid, iat: undefined }, NOW).subject).toBe('op-bianchi');
  });

  it('refuses a subject that is not a staff id', () => {
    for (const sub of ['', 'op bianchi', 'a:b', 'x'.repeat(65), 'op-\u0000', 'op/1', 42, undefined]) {
      expect(refusal({ ...valid, sub })).toMatch(/subject/);
    }
    expect(principalFromClaims({ ...valid, sub: 'Mario.Rossi@cpi_to-01' }, NOW).subject).toBe('Mario.Rossi@cpi_to-01');
  });

  it('refuses an unknown role and a non-administrator without offices', () => {
    expect(refusal({ ...valid, role: 'root' })).toMatch(/role/);
    expect(refusal({ ...valid, offices: [] })).toMatch(/offices/);
    expect(refusal({ ...valid, offices: 'CPI-TO-01' })).toMatch(/offices/);
  });
});

describe('claims read where the identity provider puts them', () => {
  const names = { roles: 'roles', offices: 'offices' };
  const provider = { sub: 'op-anna', roles: ['offline_access', 'operator', 'uma_authorization'], offices: ['CPI-TO-01'], iat: NOW - 10, exp: NOW + 300 };

  it('takes the one role of ours from a list of the provider’s roles', () => {
    expect(principalFromClaims(provider, NOW, names)).toEqual({ subject: 'op-anna', role: 'operator', offices: ['CPI-TO-01'] });
    expect(principalFromClaims({ ...provider, roles: 'supervisor' }, NOW, names).role).toBe('supervisor');
    expect(principalFromClaims({ ...provider, roles: ['operator', 'operator'] }, NOW, names).role).toBe('operator');
  });

  it('refuses a list with none of our roles, or two of them (which one the person acts as would be a guess)', () => {
    const refused = (claims: Record<string, unknown>) => {
      try {
        principalFromClaims(claims, NOW, names);
      } catch (error) {
        expect(error).toBeInstanceOf(UnauthenticatedError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(claims)}`);
    };
    expect(refused({ ...provider, roles: ['offline_access'] })).toMatch(/role \(`roles`\) must be one of/);
    expect(refused({ ...provider, roles: ['operator', 'administrator'] })).toMatch(/more than one role/);
    expect(refused({ ...provider, roles: undefined, role: 'operator' })).toMatch(/must be one of/);
    expect(refused({ ...provider, offices: undefined })).toMatch(/no offices \(`offices`\)/);
  });

  it('follows a dotted path to a nested claim, and prefers a claim whose own name has dots', () => {
    const nested = { sub: 'sup-alda', realm_access: { roles: ['supervisor'] }, sal: { offices: ['CPI-TO-02'] }, iat: NOW, exp: NOW + 60 };
    expect(principalFromClaims(nested, NOW, { roles: 'realm_access.roles', offices: 'sal.offices' })).toEqual({ subject: 'sup-alda', role: 'supervisor', offices: ['CPI-TO-02'] });
    const namespaced = { ...nested, 'https://idp.example.org/roles': ['administrator'] };
    expect(principalFromClaims(namespaced, NOW, { roles: 'https://idp.example.org/roles', offices: 'sal.offices' }).offices).toBe('all');
    expect(claimAt({ a: { b: 1 } }, 'a.b.c')).toBeUndefined();
    expect(claimAt({ a: [1] }, 'a.0')).toBeUndefined();
  });

  it('writes claims as it reads them (npm run token)', () => {
    const claims = putClaim(putClaim({}, 'realm_access.roles', ['operator']), 'realm_access.offices', ['CPI-TO-01']);
    expect(claims).toEqual({ realm_access: { roles: ['operator'], offices: ['CPI-TO-01'] } });
    expect(claimAt(claims, 'realm_access.offices')).toEqual(['CPI-TO-01']);
    expect(putClaim({}, 'role', 'operator')).toEqual({ role: 'operator' });
  });

  it('accepts the subjects identity providers issue as staff ids (a UUID, a login, an opaque base64url id)', () => {
    for (const sub of ['f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'anna.verdi@regione.piemonte.it', 'AItOawmwtWwcT0k51BayewNvutrJUqsvl6qs7A4']) {
      expect(principalFromClaims({ ...provider, sub }, NOW, names).subject).toBe(sub);
    }
  });
});
