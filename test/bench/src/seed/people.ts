import { fiscalCodeAscii as ascii, fiscalCodeFor, type Beneficiary } from '@sal/domain';
import type { Random } from './random';

/**
 * Italian-looking people with valid fiscal codes, computed by the real rules (surname and name letters, year, month
 * letter, day + 40 for women, Belfiore code of the birth place, check character). Made-up data: no code is looked up
 * or meant to match anyone; e-mail addresses use the reserved example.it domain.
 */

const MALE_NAMES = [
  'Marco', 'Giuseppe', 'Luca', 'Andrea', 'Francesco', 'Alessandro', 'Matteo', 'Lorenzo', 'Davide', 'Simone',
  'Federico', 'Riccardo', 'Stefano', 'Antonio', 'Giovanni', 'Paolo', 'Roberto', 'Fabio', 'Daniele', 'Emanuele',
  'Salvatore', 'Vincenzo', 'Michele', 'Gabriele', 'Alberto', 'Nicola', 'Massimo', 'Claudio', 'Pietro', 'Tommaso',
  'Mattia', 'Leonardo', 'Gianluca', 'Cristian', 'Enrico', 'Filippo', 'Diego', 'Samuele', 'Domenico', 'Carmine',
];
const FEMALE_NAMES = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Alessia', 'Federica', 'Elisa', 'Silvia',
  'Laura', 'Anna', 'Elena', 'Paola', 'Roberta', 'Giorgia', 'Alice', 'Sofia', 'Aurora', 'Ilaria',
  'Serena', 'Simona', 'Claudia', 'Monica', 'Barbara', 'Cristina', 'Daniela', 'Maria', 'Rosa', 'Angela',
  'Teresa', 'Giovanna', 'Antonella', 'Marta', 'Camilla', 'Beatrice', 'Noemi', 'Veronica', 'Debora', 'Manuela',
];
const SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', "D'Angelo", 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini',
  'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti',
  'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Grassi', 'Pellegrino', 'Carbone', 'Giuliani',
  'Benedetti', 'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Martino', 'Fiore',
  'De Rosa', 'Ferretti', 'Bellini', 'Basile', 'Riva', 'Donati', 'Piras', 'Vitali', 'Battaglia', 'Sartori',
  'Neri', 'Costantini', 'Milani', 'Pagano', 'Ruggiero', 'Sorrentino', "D'Amico", 'Orlando', 'Negri', 'Cirillo',
];
/** Belfiore codes of a few foreign countries of birth (Albania, Romania, Morocco, China, Ukraine). */
const FOREIGN_BIRTH_PLACES = ['Z100', 'Z129', 'Z330', 'Z210', 'Z138'];

export interface Person {
  beneficiary: Beneficiary;
  sex: 'M' | 'F';
}

/** A person born in `homePlace` (mostly), elsewhere in Italy (`otherPlaces`) or abroad. */
export function makePerson(r: Random, homePlace: string, otherPlaces: readonly string[], now: Date): Person {
  const sex = r.chance(0.5) ? 'M' : 'F';
  const givenName = r.pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES);
  const familyName = r.pick(SURNAMES);
  // GOL beneficiaries: working age, most between 25 and 45.
  const age = r.chance(0.6) ? r.int(25, 45) : r.int(18, 64);
  const year = now.getUTCFullYear() - age;
  const month = r.int(1, 12);
  const day = r.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const place = r.chance(0.1) ? r.pick(FOREIGN_BIRTH_PLACES) : r.chance(0.15) ? r.pick(otherPlaces) : homePlace;
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const fiscalCode = fiscalCodeFor({ givenName, familyName, sex, birthDate, place });
  const beneficiary: Beneficiary = { fiscalCode, givenName, familyName };
  if (r.chance(0.8)) beneficiary.email = `${ascii(givenName)}.${ascii(familyName)}${r.int(1, 99)}@example.it`.toLowerCase();
  if (r.chance(0.6)) beneficiary.phone = `+39 3${r.int(20, 99)} ${r.int(1_000_000, 9_999_999)}`;
  return { beneficiary, sex };
}
