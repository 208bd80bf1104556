import type { Random } from '../../bench/src/seed/random';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, ascii } from './people';

/**
 * The demo's region: Centri per l'Impiego of Piemonte and Lazio with their comune's closures (the patron saint, a
 * one-off closure) and an accredited operator under Turin's CPI. Offices the directory already lists (the migration
 * seeds CPI-TO-01, CPI-TO-03, CPI-RM-01, CPI-RM-02 and ACC-TO-01) are left as they are; the others are added.
 */
export interface DemoOffice {
  officeId: string;
  name: string;
  kind: 'cpi' | 'accredited';
  competentCpiId: string;
  region: 'piemonte' | 'lazio';
  comune: string;
  calendar: {
    annual: { monthDay: string; name: string }[];
    afterEaster: { days: number; name: string }[];
    dates: { date: string; name: string }[];
    saturdaysClosed: boolean;
  };
  /** Belfiore code of the comune: where most of the office's people were born. */
  birthPlace: string;
  /** Relative share of the journeys. */
  weight: number;
  /** A one-off closure the demo adds (`POST /offices/{id}/closures`), as month-day of the current year. */
  closure?: { monthDay: string; name: string };
}

const office = (
  officeId: string,
  name: string,
  region: DemoOffice['region'],
  comune: string,
  birthPlace: string,
  patron: [monthDay: string, name: string],
  weight: number,
  extra: Partial<DemoOffice> = {},
): DemoOffice => ({
  officeId,
  name,
  kind: 'cpi',
  competentCpiId: officeId,
  region,
  comune,
  calendar: { annual: [{ monthDay: patron[0], name: patron[1] }], afterEaster: [], dates: [], saturdaysClosed: true },
  birthPlace,
  weight,
  ...extra,
});

export const DEMO_OFFICES: readonly DemoOffice[] = [
  office('CPI-TO-01', "Centro per l'Impiego di Torino", 'piemonte', 'Torino', 'L219', ['06-24', 'San Giovanni Battista'], 6, {
    closure: { monthDay: '12-24', name: 'Chiusura straordinaria (vigilia di Natale)' },
  }),
  office('CPI-TO-03', "Centro per l'Impiego di Torino – Moncalieri", 'piemonte', 'Torino', 'L219', ['06-24', 'San Giovanni Battista'], 3),
  office('CPI-NO-01', "Centro per l'Impiego di Novara", 'piemonte', 'Novara', 'F952', ['01-22', 'San Gaudenzio'], 2, {
    closure: { monthDay: '12-31', name: 'Inventario di fine anno' },
  }),
  office('CPI-CN-01', "Centro per l'Impiego di Cuneo", 'piemonte', 'Cuneo', 'D205', ['09-29', 'San Michele Arcangelo'], 2),
  office('CPI-AL-01', "Centro per l'Impiego di Alessandria", 'piemonte', 'Alessandria', 'A182', ['11-10', 'San Baudolino'], 2),
  {
    ...office('ACC-TO-01', 'Agenzia per il lavoro accreditata, Torino', 'piemonte', 'Torino', 'L219', ['06-24', 'San Giovanni Battista'], 1),
    kind: 'accredited',
    competentCpiId: 'CPI-TO-01',
  },
  office('CPI-RM-01', "Centro per l'Impiego di Roma – Cinecittà", 'lazio', 'Roma', 'H501', ['06-29', 'Santi Pietro e Paolo'], 6, {
    closure: { monthDay: '12-24', name: 'Chiusura straordinaria (vigilia di Natale)' },
  }),
  office('CPI-RM-02', "Centro per l'Impiego di Roma – Primavalle", 'lazio', 'Roma', 'H501', ['06-29', 'Santi Pietro e Paolo'], 4),
  office('CPI-LT-01', "Centro per l'Impiego di Latina", 'lazio', 'Latina', 'E472', ['04-25', 'San Marco Evangelista'], 2),
  office('CPI-FR-01', "Centro per l'Impiego di Frosinone", 'lazio', 'Frosinone', 'D810', ['06-20', 'San Silverio'], 2),
  office('CPI-VT-01', "Centro per l'Impiego di Viterbo", 'lazio', 'Viterbo', 'M082', ['09-04', 'Santa Rosa da Viterbo'], 2, {
    closure: { monthDay: '12-31', name: 'Inventario di fine anno' },
  }),
];

/** The office's body for `PUT /offices/{officeId}`. */
export function officeBody(o: DemoOffice): Record<string, unknown> {
  return { name: o.name, kind: o.kind, ...(o.kind === 'accredited' ? { competentCpiId: o.competentCpiId } : {}), region: o.region, comune: o.comune, calendar: o.calendar };
}

export interface DemoStaffMember {
  staffId: string;
  officeId: string;
  role: 'operator' | 'supervisor';
  displayName: string;
  email: string;
}

const OPERATORS_PER_OFFICE = 4;

/**
 * Four operators and a supervisor per office, with Italian names; ids name the office and a number (`op.cpito01.2`,
 * `sup.cpirm02`), never the person, so they stay the same whatever the names drawn.
 */
export function makeStaff(r: Random, offices: readonly DemoOffice[]): DemoStaffMember[] {
  const staff: DemoStaffMember[] = [];
  for (const o of offices) {
    const short = o.officeId.replace(/-/g, '').toLowerCase();
    const domain = `${o.kind === 'cpi' ? 'cpi' : 'apl'}-${ascii(o.comune).toLowerCase()}.example.it`;
    const member = (staffId: string, role: DemoStaffMember['role']): DemoStaffMember => {
      const givenName = r.pick(r.chance(0.55) ? FEMALE_NAMES : MALE_NAMES);
      const familyName = r.pick(SURNAMES);
      return { staffId, officeId: o.officeId, role, displayName: `${givenName} ${familyName}`, email: `${staffId}@${domain}` };
    };
    for (let n = 1; n <= OPERATORS_PER_OFFICE; n++) staff.push(member(`op.${short}.${n}`, 'operator'));
    staff.push(member(`sup.${short}`, 'supervisor'));
  }
  return staff;
}
