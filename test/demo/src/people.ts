import { addCalendarDays, fiscalCodeAscii, fiscalCodeFor } from '@sal/domain';
import type { Random } from '../../bench/src/seed/random';

/**
 * Made-up Italian people with valid fiscal codes, computed by the real rules (surname and name letters, year, month
 * letter, day + 40 for women, Belfiore code of the birth place, the domain's check character). No code is looked up
 * or meant to match anyone; e-mail addresses use the reserved example.it domain.
 */

export const MALE_NAMES = [
  'Marco', 'Giuseppe', 'Luca', 'Andrea', 'Francesco', 'Alessandro', 'Matteo', 'Lorenzo', 'Davide', 'Simone',
  'Federico', 'Riccardo', 'Stefano', 'Antonio', 'Giovanni', 'Paolo', 'Roberto', 'Fabio', 'Daniele', 'Emanuele',
  'Salvatore', 'Vincenzo', 'Michele', 'Gabriele', 'Alberto', 'Nicola', 'Massimo', 'Claudio', 'Pietro', 'Tommaso',
  'Mattia', 'Leonardo', 'Gianluca', 'Cristian', 'Enrico', 'Filippo', 'Diego', 'Samuele', 'Domenico', 'Niccolò',
];
export const FEMALE_NAMES = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Alessia', 'Federica', 'Elisa', 'Silvia',
  'Laura', 'Anna', 'Elena', 'Paola', 'Roberta', 'Giorgia', 'Alice', 'Sofia', 'Aurora', 'Ilaria',
  'Serena', 'Simona', 'Claudia', 'Monica', 'Barbara', 'Cristina', 'Daniela', 'Maria', 'Rosa', 'Angela',
  'Teresa', 'Giovanna', 'Antonella', 'Marta', 'Camilla', 'Beatrice', 'Noemi', 'Veronica', 'Debora', 'Lucrezia',
];
export const SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', "D'Angelo", 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini',
  'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti',
  'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Grassi', 'Pellegrino', 'Carbone', 'Giuliani',
  'Benedetti', 'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Martino', 'Fiore',
  'Bertolino', 'Gribaudo', 'Chiesa', 'Ferrero', 'Bosio', 'Rolando', 'Giraudo', 'Cerutti', 'Mattei', 'Proietti',
  'Tedeschi', 'Ciccarelli', 'Di Giacomo', 'Pace', 'Ruggiero', 'Sorrentino', "D'Amico", 'Orlando', 'Negri', 'Cirillo',
];
/** Belfiore codes of a few foreign countries of birth (Albania, Romania, Morocco, China, Ukraine, Peru). */
export const FOREIGN_BIRTH_PLACES = ['Z100', 'Z129', 'Z330', 'Z210', 'Z138', 'Z611'];

export interface DemoPerson {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email?: string;
  phone?: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD. */
  birthDate: string;
}

/** A person aged 18–64 on `today` (most 25–45), born in `homePlace` (mostly), elsewhere in Italy or abroad. */
export function makePerson(r: Random, homePlace: string, otherPlaces: readonly string[], today: string): DemoPerson {
  const sex = r.chance(0.5) ? 'M' : 'F';
  const givenName = r.pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES);
  const familyName = r.pick(SURNAMES);
  const age = r.chance(0.6) ? r.int(25, 45) : r.int(18, 64);
  // `age` years and some days before today (365.25 days a year).
  const birthDate = addCalendarDays(today, -Math.floor(age * 365.25) - r.int(1, 364));
  const place = r.chance(0.1) ? r.pick(FOREIGN_BIRTH_PLACES) : r.chance(0.15) ? r.pick(otherPlaces) : homePlace;
  const fiscalCode = fiscalCodeFor({ givenName, familyName, sex, birthDate, place });
  const person: DemoPerson = { fiscalCode, givenName, familyName, sex, birthDate };
  if (r.chance(0.8)) person.email = `${ascii(givenName)}.${ascii(familyName)}${r.int(1, 99)}@example.it`.toLowerCase();
  if (r.chance(0.6)) person.phone = `+39 3${r.int(20, 99)} ${r.int(1_000_000, 9_999_999)}`;
  return person;
}

/** Upper-case A–Z only (the fiscal code's letters; also e-mail and host names). */
export const ascii = fiscalCodeAscii;
