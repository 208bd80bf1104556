/**
 * Italian fiscal code (codice fiscale) of a natural person: 16 characters, with omocodia substitutions and a check
 * character (D.M. 23/12/1976); or the 11-digit numeric provisional code the Agenzia delle Entrate gives people whose
 * data are not all known yet (foreigners, asylum seekers: D.P.R. 605/1973 art. 4), whose last digit checks the others
 * as a partita IVA's does.
 */

const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Letters that replace digits when two people would share a code (omocodia): L=0 … V=9. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Positions (0-based) that hold digits, possibly replaced by omocodia letters. */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
/** The first character of a place code (codice catastale): A–M for Italian municipalities, Z for foreign countries. */
const PLACE_LETTERS = /^[A-MZ]$/;
const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface FiscalCodeBirthData {
  /** Two-digit year of birth (the century cannot be told from the code). */
  yearOfCentury: number;
  month: number;
  day: number;
  sex: 'M' | 'F';
  /** Belfiore code of the municipality, or Z… for a foreign country. */
  placeCode: string;
}

export type FiscalCodeCheck =
  | { valid: true; normalized: string; birth: FiscalCodeBirthData }
  /** An 11-digit provisional code: it holds no birth data. */
  | { valid: true; normalized: string; birth: null; provisional: true }
  | { valid: false; reason: string };

/** Normalizes (trim, upper case) and validates a fiscal code, structure, birth data and check character. */
export function checkFiscalCode(input: string): FiscalCodeCheck {
  const code = input.trim().toUpperCase();
  if (/^[0-9]{11}$/.test(code)) {
    return numericCheckDigit(code.slice(0, 10)) === code[10]
      ? { valid: true, normalized: code, birth: null, provisional: true }
      : { valid: false, reason: 'wrong check digit of an 11-digit provisional code' };
  }
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(code)) {
    return { valid: false, reason: 'must be 16 characters (6 letters, 2 digits, a letter, 2 digits, a letter, 3 digits, a letter) or 11 digits' };
  }
  if (fiscalCodeCheckCharacter(code.slice(0, 15)) !== code[15]) {
    return { valid: false, reason: 'wrong check character' };
  }
  // Omocodia replaces digits from the rightmost leftwards: a letter is never left of a digit still in place.
  const replaced = DIGIT_POSITIONS.map((p) => OMOCODIA_LETTERS.includes(code[p]));
  if (replaced.some((letter, i) => letter && replaced.slice(i + 1).some((later) => !later))) {
    return { valid: false, reason: 'omocodia replaces digits from the right: a letter stands left of a digit' };
  }
  if (!PLACE_LETTERS.test(code[11])) {
    return { valid: false, reason: `impossible place code letter '${code[11]}' (A-M for Italian municipalities, Z abroad)` };
  }
  const plain = code.split('');
  for (const p of DIGIT_POSITIONS) {
    const i = OMOCODIA_LETTERS.indexOf(plain[p]);
    if (i >= 0) plain[p] = String(i);
  }
  const decoded = plain.join('');
  const month = MONTH_LETTERS.indexOf(decoded[8]) + 1;
  if (month === 0) return { valid: false, reason: `impossible birth month letter '${decoded[8]}'` };
  const rawDay = Number(decoded.slice(9, 11));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const yearOfCentury = Number(decoded.slice(6, 8));
  // 29 February exists only when the two-digit year is a multiple of 4 (00 stays possible: 2000 was a leap year).
  const daysInMonth = month === 2 && yearOfCentury % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > daysInMonth) {
    return { valid: false, reason: `impossible birth day ${rawDay} for month ${month}` };
  }
  const placeCode = decoded.slice(11, 15);
  if (placeCode.slice(1) === '000') return { valid: false, reason: `impossible place code ${placeCode}` };
  return {
    valid: true,
    normalized: code,
    birth: { yearOfCentury, month, day, sex, placeCode },
  };
}

/** The check character of the first 15 characters of a fiscal code. */
export function fiscalCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i];
    // Positions are counted from 1 in the rule: odd positions are the even indexes.
    sum += i % 2 === 0 ? ODD_VALUES[c] : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The check digit of the first 10 digits of an 11-digit code (the partita IVA's rule, a Luhn variant). */
export function numericCheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    // Positions are counted from 1: odd positions add their digit, even ones its double (minus 9 above 9).
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/** What a fiscal code is computed from (D.M. 23/12/1976): names, sex, date of birth and the birth place's Belfiore code. */
export interface FiscalCodeParts {
  givenName: string;
  familyName: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Belfiore code: a municipality (A–M…) or a foreign country (Z…). */
  place: string;
}

/**
 * The 16-character fiscal code computed from a person's data, as the Agenzia delle Entrate computes it before any
 * omocodia: surname letters, name letters, year, month letter, day (+ 40 for women), place code, check character.
 * For generated test and demo people; a real person's code is the one the Agenzia issued, checked by
 * {@link checkFiscalCode}.
 */
export function fiscalCodeFor(p: FiscalCodeParts): string {
  const month = Number(p.birthDate.slice(5, 7));
  const day = Number(p.birthDate.slice(8, 10));
  const first15 =
    fiscalCodeSurnameLetters(p.familyName) +
    fiscalCodeNameLetters(p.givenName) +
    p.birthDate.slice(2, 4) +
    MONTH_LETTERS[month - 1] +
    String(p.sex === 'F' ? day + 40 : day).padStart(2, '0') +
    p.place;
  return first15 + fiscalCodeCheckCharacter(first15);
}

/** Upper-case A–Z only, as the code's letters are taken: accents dropped (Niccolò → NICCOLO), apostrophes and spaces removed. */
export function fiscalCodeAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
}

function consonantsAndVowels(text: string): { consonants: string; vowels: string } {
  const letters = fiscalCodeAscii(text);
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

/** The surname's three letters: its consonants, then its vowels, then X. */
export function fiscalCodeSurnameLetters(surname: string): string {
  const { consonants, vowels } = consonantsAndVowels(surname);
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

/** The name's three letters: with four or more consonants the first, third and fourth; else as the surname's. */
export function fiscalCodeNameLetters(name: string): string {
  const { consonants, vowels } = consonantsAndVowels(name);
  if (consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return `${consonants}${vowels}XXX`.slice(0, 3);
}
