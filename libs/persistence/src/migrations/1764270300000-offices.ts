import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory of offices (issue 13), seeded with the offices the demo, the README and the tests name, each with
 * its comune's closures of that day written out here (national holidays are the domain's and not listed): Turin and
 * Florence San Giovanni (24 June), Milan Sant'Ambrogio (7 December), Rome Santi Pietro e Paolo (29 June), Naples San
 * Gennaro (19 September), Bologna San Petronio (4 October, a national holiday again from 2026), Ferrara San Giorgio
 * (23 April), Bolzano Whit Monday (50 days after Easter); and one accredited operator in Turin under CPI-TO-01.
 */
interface Seed {
  id: string;
  name: string;
  kind: 'cpi' | 'accredited';
  cpi: string;
  region: string;
  comune: string;
  annual: { monthDay: string; name: string }[];
  afterEaster: { days: number; name: string }[];
}

const TURIN = [{ monthDay: '06-24', name: 'San Giovanni Battista' }];
const MILAN = [{ monthDay: '12-07', name: "Sant'Ambrogio" }];
const ROME = [{ monthDay: '06-29', name: 'Santi Pietro e Paolo' }];
const cpi = (id: string, name: string, region: string, comune: string, annual: Seed['annual'], afterEaster: Seed['afterEaster'] = []): Seed => ({
  id,
  name,
  kind: 'cpi',
  cpi: id,
  region,
  comune,
  annual,
  afterEaster,
});

const OFFICES: readonly Seed[] = [
  cpi('CPI-TO-01', 'Centro per l’Impiego di Torino', 'Piemonte', 'Torino', TURIN),
  cpi('CPI-TO-03', 'Centro per l’Impiego di Torino – sede 3', 'Piemonte', 'Torino', TURIN),
  cpi('CPI-MI-01', 'Centro per l’Impiego di Milano', 'Lombardia', 'Milano', MILAN),
  cpi('CPI-MI-02', 'Centro per l’Impiego di Milano – sede 2', 'Lombardia', 'Milano', MILAN),
  cpi('CPI-MI-03', 'Centro per l’Impiego di Milano – sede 3', 'Lombardia', 'Milano', MILAN),
  cpi('CPI-RM-01', 'Centro per l’Impiego di Roma', 'Lazio', 'Roma', ROME),
  cpi('CPI-RM-02', 'Centro per l’Impiego di Roma – sede 2', 'Lazio', 'Roma', ROME),
  cpi('CPI-NA-01', 'Centro per l’Impiego di Napoli', 'Campania', 'Napoli', [{ monthDay: '09-19', name: 'San Gennaro' }]),
  cpi('CPI-BO-01', 'Centro per l’Impiego di Bologna', 'Emilia-Romagna', 'Bologna', [{ monthDay: '10-04', name: 'San Petronio' }]),
  cpi('CPI-FE-01', 'Centro per l’Impiego di Ferrara', 'Emilia-Romagna', 'Ferrara', [{ monthDay: '04-23', name: 'San Giorgio' }]),
  cpi('CPI-FI-02', 'Centro per l’Impiego di Firenze – sede 2', 'Toscana', 'Firenze', [{ monthDay: '06-24', name: 'San Giovanni Battista' }]),
  cpi('CPI-BZ-01', 'Centro per l’Impiego di Bolzano', 'Trentino-Alto Adige', 'Bolzano', [], [{ days: 50, name: 'Lunedì di Pentecoste' }]),
  { id: 'ACC-TO-01', name: 'Agenzia per il lavoro accreditata – Torino', kind: 'accredited', cpi: 'CPI-TO-01', region: 'Piemonte', comune: 'Torino', annual: TURIN, afterEaster: [] },
];

export class Offices1764270300000 implements MigrationInterface {
  name = 'Offices1764270300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offices (
        office_id varchar(64) NOT NULL,
        name text NOT NULL,
        kind varchar(16) NOT NULL,
        competent_cpi_id varchar(64) NOT NULL,
        region text NOT NULL,
        comune text NOT NULL,
        calendar jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_offices" PRIMARY KEY (office_id),
        CONSTRAINT offices_kind_check CHECK (kind IN ('cpi', 'accredited')),
        CONSTRAINT offices_cpi_competent_check CHECK (kind <> 'cpi' OR competent_cpi_id = office_id)
      )`);
    await q.query(`CREATE INDEX offices_competent_cpi_idx ON offices (competent_cpi_id)`);
    for (const o of OFFICES) {
      await q.query(`INSERT INTO offices (office_id, name, kind, competent_cpi_id, region, comune, calendar) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        o.id,
        o.name,
        o.kind,
        o.cpi,
        o.region,
        o.comune,
        JSON.stringify({ annual: o.annual, afterEaster: o.afterEaster, dates: [], saturdaysClosed: false }),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE offices`);
  }
}
