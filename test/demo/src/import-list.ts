import { addCalendarDays } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { DEMO_OFFICES } from './offices';
import { makePerson, type DemoPerson } from './people';

/**
 * The demo's finished import (issue 19): a regional list of NASpI recipients to convene at one CPI, as the region's
 * systems export it (CSV, `;`, the template's columns), taken in charge under GOL (the assessment chooses the path).
 * Deterministic with the seed; the people are not the plan's (`taken` excludes their codes). Two rows are refused on
 * purpose so the report has something to say: the same person twice, and a code whose check character is wrong.
 */
export const IMPORT_OFFICE = 'CPI-RM-01';
export const IMPORT_PROGRAMME = 'GOL';
/** People the list takes in charge (its good rows). */
export const IMPORT_PEOPLE = 12;
const HEADER = ['codice_fiscale', 'nome', 'cognome', 'email', 'telefono', 'data_did', 'prestazione', 'data_domanda_prestazione', 'programma', 'ufficio'];

export interface ImportList {
  csv: string;
  /** Rows of the list (the header not counted). */
  rows: number;
  /** Rows the preview should accept (on a first run) and their journeys. */
  people: DemoPerson[];
  /** The lines (the header is line 1) refused on purpose, with why. */
  refusedLines: { line: number; why: 'duplicate' | 'check_character' }[];
}

export function makeImportList(seed: number, today: string, taken: ReadonlySet<string>): ImportList {
  const r = new Random(seed ^ 0x1f0c_a11e);
  const office = DEMO_OFFICES.find((o) => o.officeId === IMPORT_OFFICE)!;
  const places = [...new Set(DEMO_OFFICES.map((o) => o.birthPlace))];
  const seen = new Set(taken);
  const person = () => {
    let p = makePerson(r, office.birthPlace, places, today);
    while (seen.has(p.fiscalCode)) p = makePerson(r, office.birthPlace, places, today);
    seen.add(p.fiscalCode);
    return p;
  };
  const people = Array.from({ length: IMPORT_PEOPLE }, person);
  // The DID within the last two months; the NASpI application a few days before it (as INPS sends the lists).
  const row = (p: DemoPerson, fiscalCode = p.fiscalCode) => {
    const didDate = addCalendarDays(today, -r.int(3, 60));
    const applied = addCalendarDays(didDate, -r.int(1, 10));
    return [fiscalCode, p.givenName, p.familyName, p.email ?? '', p.phone ?? '', didDate, 'naspi', applied, IMPORT_PROGRAMME, IMPORT_OFFICE];
  };
  const lines = [HEADER, ...people.map((p) => row(p))];
  // Line 14: the person of line 3 again (a list merged from two exports); line 15: a code mistyped at its end.
  lines.push(row(people[1]));
  const mistyped = person();
  const wrong = mistyped.fiscalCode.slice(0, 15) + (mistyped.fiscalCode[15] === 'X' ? 'Y' : 'X');
  lines.push(row(mistyped, wrong));
  const csv = lines.map((cells) => cells.join(';')).join('\r\n') + '\r\n';
  return { csv, rows: lines.length - 1, people, refusedLines: [{ line: IMPORT_PEOPLE + 2, why: 'duplicate' }, { line: IMPORT_PEOPLE + 3, why: 'check_character' }] };
}
