import type { Random } from './random';

/**
 * Fifty employment offices (Centri per l'Impiego) in thirty provinces, with their size skewed as in reality (a
 * metropolitan office handles many times the cases of a small one), and ten operators each.
 */
export interface Office {
  officeId: string;
  /** Belfiore code of the provincial capital: where most of the office's people were born. */
  birthPlace: string;
  operators: string[];
  /** Relative share of the journeys. */
  weight: number;
}

const PROVINCES: [code: string, offices: number, belfiore: string][] = [
  ['MI', 4, 'F205'], ['RM', 4, 'H501'], ['NA', 3, 'F839'], ['TO', 3, 'L219'], ['PA', 2, 'G273'],
  ['BA', 2, 'A662'], ['BO', 2, 'A944'], ['FI', 2, 'D612'], ['GE', 2, 'D969'], ['CT', 2, 'C351'],
  ['VE', 2, 'L736'], ['VR', 2, 'L781'], ['PD', 2, 'G224'], ['BS', 2, 'B157'], ['BG', 2, 'A794'],
  ['SA', 2, 'H703'], ['CA', 2, 'B354'], ['TS', 1, 'L424'], ['PG', 1, 'G478'], ['AN', 1, 'A271'],
  ['RC', 1, 'H224'], ['ME', 1, 'F158'], ['LE', 1, 'E506'], ['PE', 1, 'G482'], ['TN', 1, 'L378'],
  ['BZ', 1, 'A952'], ['AO', 1, 'A326'],
];

const OPERATORS_PER_OFFICE = 10;

export function makeOffices(): Office[] {
  const offices: Office[] = [];
  for (const [province, count, belfiore] of PROVINCES) {
    for (let n = 1; n <= count; n++) {
      const officeId = `CPI-${province}-${String(n).padStart(2, '0')}`;
      const operators = Array.from({ length: OPERATORS_PER_OFFICE }, (_, i) => `op-${province.toLowerCase()}${n}-${String(i + 1).padStart(2, '0')}`);
      // Zipf-like: the i-th office has weight 1/(i+1)^0.6.
      offices.push({ officeId, birthPlace: belfiore, operators, weight: 1 / Math.pow(offices.length + 1, 0.6) });
    }
  }
  return offices;
}

export function pickOffice(r: Random, offices: readonly Office[]): Office {
  const total = offices.reduce((sum, o) => sum + o.weight, 0);
  let x = r.next() * total;
  for (const office of offices) {
    x -= office.weight;
    if (x < 0) return office;
  }
  return offices[offices.length - 1];
}
