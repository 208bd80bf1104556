import { checkFiscalCode } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { fiscalCodeOf, makePerson, nameLetters, surnameLetters } from './people';

describe('demo people', () => {
  it('builds the fiscal code by the rules: surname and name letters, date, sex, place, check character', () => {
    // The textbook example: Mario Rossi, born in Rome on 9 April 1985 (check character computed by the domain).
    expect(surnameLetters('Rossi')).toBe('RSS');
    expect(nameLetters('Mario')).toBe('MRA');
    expect(nameLetters('Gianfranco')).toBe('GFR'); // four or more consonants: first, third, fourth
    expect(surnameLetters('Fo')).toBe('FOX');
    expect(surnameLetters("D'Angelo")).toBe('DNG');
    expect(fiscalCodeOf({ givenName: 'Mario', familyName: 'Rossi', sex: 'M', birthDate: '1985-04-09', place: 'H501' }).slice(0, 15)).toBe('RSSMRA85D09H501');
    // A woman's day is the day plus 40.
    expect(fiscalCodeOf({ givenName: 'Giulia', familyName: 'Bianchi', sex: 'F', birthDate: '1990-12-03', place: 'L219' }).slice(0, 15)).toBe('BNCGLI90T43L219');
  });

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
