import { checkFiscalCode } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { makePerson } from './people';

describe('demo people', () => {
  // The code's own rules (letters, date, sex, place) are tested with the domain's fiscalCodeFor.
  it('makes valid codes whose birth data are the person’s, deterministically', () => {
    const a = new Random(42);
    const b = new Random(42);
    for (let i = 0; i < 500; i++) {
      const p = makePerson(a, 'L219', ['H501', 'F952'], '2026-12-02');
      expect(makePerson(b, 'L219', ['H501', 'F952'], '2026-12-02')).toEqual(p);
      const check = checkFiscalCode(p.fiscalCode);
      expect(check.valid).toBe(true);
      if (!check.valid || check.birth === null) throw new Error(`${p.fiscalCode} is not a valid 16-character code`);
      expect([check.birth.sex, check.birth.month, check.birth.day]).toEqual([p.sex, Number(p.birthDate.slice(5, 7)), Number(p.birthDate.slice(8, 10))]);
      const age = 2026 - Number(p.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(66);
      if (p.email) expect(p.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.it$/);
    }
  });
});
