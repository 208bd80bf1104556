import { IMPORT_REFUSAL_CODES, IMPORT_REFUSALS, decodeImportRefusal, encodeImportRefusal, importRefusalPhrase } from '@sal/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The console's catalogue (an ES module of the browser's build), read as text: the Italian block comes first, then the English. */
const catalogue = readFileSync(join(__dirname, '../../apps/console/src/i18n/catalogue.ts'), 'utf8');
const phrases = (code: string): string[] =>
  [...catalogue.matchAll(new RegExp(`'imports\\.refusal\\.${code}': '([^']*)'`, 'g'))].map((m) => m[1]);

/**
 * The import's refusal codes (issue 19): one list in the domain, which the API answers and the report CSV phrases in
 * Italian; the console's catalogue phrases each code in Italian and English with the same words (no drift).
 */
describe('import refusal codes', () => {
  it('the console phrases every code, in Italian and English, as the domain does', () => {
    for (const code of IMPORT_REFUSAL_CODES) expect([code, ...phrases(code)]).toEqual([code, IMPORT_REFUSALS[code].it, IMPORT_REFUSALS[code].en]);
    const keys = new Set([...catalogue.matchAll(/'imports\.refusal\.(\w+)'/g)].map((m) => m[1]));
    expect([...keys].sort()).toEqual([...IMPORT_REFUSAL_CODES].sort());
  });

  it('stores a refusal and reads it back; reads the texts stored before the codes', () => {
    const stored = encodeImportRefusal('duplicate_in_file', { line: 3 }, 'the same person as line 3');
    expect(decodeImportRefusal(stored)).toEqual({ code: 'duplicate_in_file', params: { line: 3 }, detail: 'the same person as line 3' });
    expect(importRefusalPhrase(decodeImportRefusal(stored), 'it')).toBe('stessa persona della riga 3');
    expect(decodeImportRefusal('the same person as line 7')).toMatchObject({ code: 'duplicate_in_file', params: { line: 7 } });
    expect(decodeImportRefusal('JOURNEY_ALREADY_EXISTS: the person already has an open journey at another office').code).toBe('open_journey');
    expect(decodeImportRefusal('PERSON_FOLLOWED_ELSEWHERE: followed by CPI-RM-02')).toMatchObject({ code: 'start_refused', params: { code: 'PERSON_FOLLOWED_ELSEWHERE' } });
    expect(importRefusalPhrase(decodeImportRefusal('PERSON_FOLLOWED_ELSEWHERE: x'), 'en')).toBe('start refused (PERSON_FOLLOWED_ELSEWHERE)');
    expect(decodeImportRefusal('something else')).toEqual({ code: null, params: {}, detail: 'something else' });
  });
});
