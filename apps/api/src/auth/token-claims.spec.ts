import { UnauthenticatedError } from '../common/api-errors';
import { ISSUED_AT_SKEW_SECONDS, principalFromClaims } from './token-claims';

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
