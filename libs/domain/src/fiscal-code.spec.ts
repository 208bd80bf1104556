import {
  checkFiscalCode,
  fiscalCodeAscii,
  fiscalCodeCheckCharacter,
  fiscalCodeFor,
  fiscalCodeNameLetters,
  fiscalCodeSurnameLetters,
  numericCheckDigit,
  type FiscalCodeCheck,
} from './fiscal-code';

/** The 15 first characters plus their check character. */
function withCheck(first15: string): string {
  expect(first15).toHaveLength(15);
  return first15 + fiscalCodeCheckCharacter(first15);
}

function expectValid(result: FiscalCodeCheck): Extract<FiscalCodeCheck, { valid: true; birth: object }> {
  if (!result.valid) throw new Error(`expected a valid code, got: ${result.reason}`);
  if (result.birth === null) throw new Error('expected a 16-character code with birth data');
  return result as Extract<FiscalCodeCheck, { valid: true; birth: object }>;
}

function expectInvalid(result: FiscalCodeCheck): string {
  if (result.valid) throw new Error(`expected an invalid code, got ${JSON.stringify(result)}`);
  return result.reason;
}

const OMOCODIA_LETTERS = 'LMNPQRSTUV';
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

/** Replaces the digits at the given positions with their omocodia letters and recomputes the check character. */
function omocodic(code: string, positions: readonly number[]): string {
  const chars = code.slice(0, 15).split('');
  for (const p of positions) chars[p] = OMOCODIA_LETTERS[Number(chars[p])];
  return withCheck(chars.join(''));
}

describe('fiscalCodeCheckCharacter', () => {
  it('computes the check character of known codes (worked by hand from the D.M. 23/12/1976 tables)', () => {
    // RSSMRA85T10A562: odd positions R S R 8 T 0 5 2 → 8+12+8+19+14+1+13+5 = 80; even positions S M A 5 1 A 6 → 18+12+0+5+1+0+6 = 42;
    // 122 mod 26 = 18 → 'S'.
    expect(fiscalCodeCheckCharacter('RSSMRA85T10A562')).toBe('S');
    // BNCLRA80A41F205: odd B C R 8 A 1 2 5 → 0+5+8+19+1+0+5+13 = 51; even N L A 0 4 F 0 → 13+11+0+0+4+5+0 = 33; 84 mod 26 = 6 → 'G'.
    expect(fiscalCodeCheckCharacter('BNCLRA80A41F205')).toBe('G');
  });
});

describe('checkFiscalCode', () => {
  describe('valid codes', () => {
    it('accepts RSSMRA85T10A562S and decodes male, 10 December (19|20)85, place A562', () => {
      const result = expectValid(checkFiscalCode('RSSMRA85T10A562S'));
      expect(result.normalized).toBe('RSSMRA85T10A562S');
      expect(result.birth).toEqual({ yearOfCentury: 85, month: 12, day: 10, sex: 'M', placeCode: 'A562' });
    });

    it('accepts a female code (day + 40) and decodes the real day', () => {
      const result = expectValid(checkFiscalCode('BNCLRA80A41F205G'));
      expect(result.birth).toEqual({ yearOfCentury: 80, month: 1, day: 1, sex: 'F', placeCode: 'F205' });
    });

    it('accepts a person born abroad (Z… country code)', () => {
      const code = withCheck('SMTJHN90E15Z404');
      expect(expectValid(checkFiscalCode(code)).birth).toEqual({ yearOfCentury: 90, month: 5, day: 15, sex: 'M', placeCode: 'Z404' });
    });

    it.each([
      ['A', 1], ['B', 2], ['C', 3], ['D', 4], ['E', 5], ['H', 6],
      ['L', 7], ['M', 8], ['P', 9], ['R', 10], ['S', 11], ['T', 12],
    ])('month letter %s is month %i', (letter, month) => {
      const code = withCheck(`RSSMRA85${letter}10A562`);
      expect(expectValid(checkFiscalCode(code)).birth.month).toBe(month);
    });

    it('normalizes lower case and surrounding whitespace', () => {
      const result = expectValid(checkFiscalCode('  rssmra85t10a562s \n'));
      expect(result.normalized).toBe('RSSMRA85T10A562S');
      expect(result.birth.day).toBe(10);
    });

    it('normalizes mixed case', () => {
      expect(expectValid(checkFiscalCode('RssMrA85t10A562s')).normalized).toBe('RSSMRA85T10A562S');
    });
  });

  describe('omocodia', () => {
    const base = 'RSSMRA85T10A562S';
    const baseBirth = { yearOfCentury: 85, month: 12, day: 10, sex: 'M', placeCode: 'A562' };

    it('a letter in place of the rightmost digit is still valid with the same birth data', () => {
      const code = omocodic(base, [14]);
      const result = expectValid(checkFiscalCode(code));
      expect(result.normalized).toBe(code); // the code itself is kept, not the de-omocodized form
      expect(result.birth).toEqual(baseBirth);
    });

    it('omocodia replaces digits from the rightmost leftwards (D.M. 23/12/1976; Agenzia delle Entrate): the 7 progressive substitutions are valid, every other combination is refused', () => {
      let valid = 0;
      // All 2^7 combinations of substituted positions.
      for (let mask = 1; mask < 1 << DIGIT_POSITIONS.length; mask++) {
        const positions = DIGIT_POSITIONS.filter((_, i) => mask & (1 << i));
        const code = omocodic(base, positions);
        const progressive = positions.length > 0 && positions.every((p, i) => p === DIGIT_POSITIONS[DIGIT_POSITIONS.length - positions.length + i]);
        const result = checkFiscalCode(code);
        if (progressive) {
          valid++;
          expect({ code, result }).toEqual({ code, result: { valid: true, normalized: code, birth: baseBirth } });
        } else {
          expect({ code, result }).toEqual({ code, result: { valid: false, reason: expect.stringMatching(/omocodia replaces digits from the right/) } });
        }
      }
      expect(valid).toBe(7);
    });

    it('fully omocodic female code decodes the female day', () => {
      const code = omocodic('BNCLRA80A41F205G', DIGIT_POSITIONS);
      expect(code.slice(0, 15)).toBe('BNCLRAULAQMFNLR');
      expect(expectValid(checkFiscalCode(code)).birth).toEqual({ yearOfCentury: 80, month: 1, day: 1, sex: 'F', placeCode: 'F205' });
    });

    it('an omocodic code keeping the original check character is refused', () => {
      const code = 'RSSMRA85T10A56N' + 'S'; // 2 → N at position 14, check character not recomputed
      expect(fiscalCodeCheckCharacter(code.slice(0, 15))).not.toBe('S');
      expect(expectInvalid(checkFiscalCode(code))).toBe('wrong check character');
    });

    it('a letter that is not an omocodia letter in a digit position is refused', () => {
      // 'A' is not in LMNPQRSTUV
      expect(expectInvalid(checkFiscalCode(withCheck('RSSMRAA5T10A562')))).toMatch(/16 characters/);
      expect(expectInvalid(checkFiscalCode(withCheck('RSSMRA85T10A5W2')))).toMatch(/16 characters/);
    });
  });

  describe('invalid codes', () => {
    it.each('ABCDEFGHIJKLMNOPQRTUVWXYZ'.split(''))('wrong check character %s is refused', (check) => {
      expect(expectInvalid(checkFiscalCode(`RSSMRA85T10A562${check}`))).toBe('wrong check character');
    });

    it.each([
      ['empty', ''],
      ['15 characters', 'RSSMRA85T10A562'],
      ['17 characters', 'RSSMRA85T10A562SX'],
      ['a space inside', 'RSSMRA 85T10A562S'],
      ['digit among the surname letters', 'RSSMR185T10A562S'],
      ['digit as month', 'RSSMRA85110A562S'],
      ['digit as first place character', 'RSSMRA85T101562S'],
      ['digit as check character', 'RSSMRA85T10A5621'],
      ['punctuation', 'RSSMRA85T10A562-'],
      ['accented letter', 'RSSMRÀ85T10A562S'],
    ])('%s is refused for its shape', (_label, code) => {
      expect(expectInvalid(checkFiscalCode(code))).toMatch(/must be 16 characters/);
    });

    it.each(['Z', 'F', 'G', 'I', 'U'])('impossible month letter %s is refused even with a correct check character', (letter) => {
      const code = withCheck(`RSSMRA85${letter}10A562`);
      expect(expectInvalid(checkFiscalCode(code))).toBe(`impossible birth month letter '${letter}'`);
    });

    it.each([
      ['day 32 in January', 'A32'],
      ['day 00', 'A00'],
      ['day 40', 'A40'],
      ['female day 72 (= 32)', 'A72'],
      ['30 February', 'B30'],
      ['female 30 February', 'B70'],
      ['31 April', 'D31'],
      ['31 June', 'H31'],
      ['31 September', 'P31'],
      ['31 November', 'S31'],
      ['female 31 April', 'D71'],
    ])('%s is refused', (_label, monthAndDay) => {
      const code = withCheck(`RSSMRA85${monthAndDay}A562`);
      expect(expectInvalid(checkFiscalCode(code))).toMatch(/^impossible birth day/);
    });

    it('an impossible day hidden behind omocodia letters is still refused', () => {
      // 3 → P, 2 → N: day 32 (and the place's digits to its right replaced too, as omocodia goes from the right)
      expect(expectInvalid(checkFiscalCode(withCheck('RSSMRA85APNARSN')))).toMatch(/^impossible birth day 32/);
    });

    it.each([
      ['female day 41 = 1', 'A41', 1],
      ['female day 71 = 31 January', 'A71', 31],
      ['female 30 April', 'D70', 30],
      ['male 30 April', 'D30', 30],
      ['male 31 December', 'T31', 31],
    ])('%s is accepted', (_label, monthAndDay, day) => {
      const code = withCheck(`RSSMRA85${monthAndDay}A562`);
      const birth = expectValid(checkFiscalCode(code)).birth;
      expect(birth.day).toBe(day);
      expect(birth.sex).toBe(Number(monthAndDay.slice(1)) > 40 ? 'F' : 'M');
    });

    it('29 February is accepted only in two-digit years that are leap in both centuries (multiples of 4)', () => {
      expect(expectValid(checkFiscalCode(withCheck('RSSMRA84B29A562'))).birth).toMatchObject({ month: 2, day: 29, sex: 'M' });
      expect(expectValid(checkFiscalCode(withCheck('RSSMRA00B69A562'))).birth).toMatchObject({ month: 2, day: 29, sex: 'F' }); // 2000
      expect(expectInvalid(checkFiscalCode(withCheck('RSSMRA85B29A562')))).toMatch(/^impossible birth day 29/);
      expect(expectInvalid(checkFiscalCode(withCheck('RSSMRA85B69A562')))).toMatch(/^impossible birth day 69/);
      expect(expectValid(checkFiscalCode(withCheck('RSSMRA85B28A562'))).birth.day).toBe(28);
    });

    it.each(['A000', 'Z000', 'H000'])('place code %s is refused', (place) => {
      const code = withCheck(`RSSMRA85T10${place}`);
      expect(expectInvalid(checkFiscalCode(code))).toBe(`impossible place code ${place}`);
    });

    it('place code 000 written with omocodia letters (LLL) is refused', () => {
      expect(expectInvalid(checkFiscalCode(withCheck('RSSMRA85T10ALLL')))).toBe('impossible place code A000');
    });

    it('place codes ending in 0 but not 000 are accepted', () => {
      expect(expectValid(checkFiscalCode(withCheck('RSSMRA85T10A100'))).birth.placeCode).toBe('A100');
    });
  });

  describe('place codes (codice catastale)', () => {
    it.each('ABCDEFGHIJKLMZ'.split(''))('a place code starting with %s is accepted (A-M municipalities, Z abroad)', (letter) => {
      expect(expectValid(checkFiscalCode(withCheck(`RSSMRA85T10${letter}562`))).birth.placeCode).toBe(`${letter}562`);
    });

    it.each('NOPQRSTUVWXY'.split(''))('a place code starting with %s names no place and is refused', (letter) => {
      expect(expectInvalid(checkFiscalCode(withCheck(`RSSMRA85T10${letter}562`)))).toMatch(/impossible place code letter/);
    });
  });

  describe('11-digit provisional codes (D.P.R. 605/1973 art. 4: foreigners, asylum seekers)', () => {
    it('accepts a code whose last digit checks the others as a partita IVA (12345678903: 25 + 22 = 47, 10 - 7 = 3)', () => {
      expect(checkFiscalCode(' 12345678903 ')).toEqual({ valid: true, normalized: '12345678903', birth: null, provisional: true });
      expect(numericCheckDigit('1234567890')).toBe('3');
      expect(numericCheckDigit('0000000000')).toBe('0');
    });

    it('refuses every other last digit', () => {
      for (const d of '012456789') expect(expectInvalid(checkFiscalCode(`1234567890${d}`))).toMatch(/check digit/);
    });

    it('refuses 10 or 12 digits', () => {
      expect(checkFiscalCode('1234567890').valid).toBe(false);
      expect(checkFiscalCode('123456789030').valid).toBe(false);
    });
  });
});

describe('fiscalCodeFor: the code computed from a person’s data', () => {
  it('takes the surname’s and the name’s letters by the rule', () => {
    expect(fiscalCodeSurnameLetters('Rossi')).toBe('RSS');
    expect(fiscalCodeSurnameLetters('Fo')).toBe('FOX');
    expect(fiscalCodeSurnameLetters("D'Angelo")).toBe('DNG');
    expect(fiscalCodeNameLetters('Mario')).toBe('MRA');
    expect(fiscalCodeNameLetters('Gianfranco')).toBe('GFR'); // four or more consonants: first, third, fourth
    expect(fiscalCodeAscii('Niccolò')).toBe('NICCOLO');
  });

  it('composes a code the check accepts, with the birth data it was made from', () => {
    const mario = fiscalCodeFor({ givenName: 'Mario', familyName: 'Rossi', sex: 'M', birthDate: '1985-04-09', place: 'H501' });
    expect(mario.slice(0, 15)).toBe('RSSMRA85D09H501');
    const giulia = fiscalCodeFor({ givenName: 'Giulia', familyName: 'Bianchi', sex: 'F', birthDate: '1990-12-03', place: 'L219' });
    expect(giulia.slice(0, 15)).toBe('BNCGLI90T43L219');
    const checked = checkFiscalCode(giulia);
    expect(checked).toMatchObject({ valid: true, birth: { yearOfCentury: 90, month: 12, day: 3, sex: 'F', placeCode: 'L219' } });
  });
});
