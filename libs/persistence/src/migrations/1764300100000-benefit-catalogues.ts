import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, "Other benefits, other clocks": catalogues may state a presentation obligation (`presentation`, NULL:
 * none), and the national benefits of D.L. 48/2023 get their version 1, written out here as the defaults of this day
 * (the domain's `BENEFIT_DEFAULT_CATALOGUES`): `ADI` (Assegno di inclusione, art. 4: a meeting within 120 days of the
 * digital activation pact, then every 90 days) and `SFL` (Supporto per la formazione e il lavoro, art. 12: a
 * confirmation every 90 days; 12 months, 12 more with the pact updated). Their other clocks are the GOL ones.
 */
const CLOCKS = {
  reminderBeforeDue: 'P2D',
  escalationAfter: 'P7D',
  pactDeadline: 'P30D',
  stallAfter: 'P60D',
  firstContactAfterDid: 'P30D',
  firstContactAfterBenefitClaim: 'P15D',
  appointmentReminderBefore: 'P1D',
  justificationWindow: 'P1D',
  offerExcuseWindow: 'P2D',
  appealWindow: 'P30D',
  defaultContactFrequency: 'P30D',
  pactAcceptanceWindow: 'P7D',
  profilingReview: 'P90D',
};
const ROLL_FORWARD = {
  firstContactAfterDid: { saturdaysClosed: false },
  firstContactAfterBenefitClaim: { saturdaysClosed: false },
  justificationWindow: { saturdaysClosed: false },
  offerExcuseWindow: { saturdaysClosed: false },
  appealWindow: { saturdaysClosed: true },
};
const CATALOGUES = [
  {
    code: 'ADI',
    title: 'Assegno di inclusione (D.L. 48/2023) – Percorso di attivazione lavorativa',
    services: [
      { service: 'reception', after: [] },
      { service: 'second_level_interview', after: ['reception'] },
      { service: 'tutoring', after: ['second_level_interview'] },
    ],
    presentation: { benefit: 'adi', kind: 'meeting', first: 'P120D', every: 'P90D', decadenzaOnMissedConvocation: true, duration: null },
  },
  {
    code: 'SFL',
    title: 'Supporto per la formazione e il lavoro (art. 12 D.L. 48/2023)',
    services: [
      { service: 'reception', after: [] },
      { service: 'second_level_interview', after: ['reception'] },
      { service: 'path_definition', after: ['second_level_interview'] },
      { service: 'tutoring', after: ['path_definition'] },
    ],
    presentation: {
      benefit: 'sfl',
      kind: 'confirmation',
      first: null,
      every: 'P90D',
      decadenzaOnMissedConvocation: true,
      duration: { length: 'P12M', extension: 'P12M', updateWindow: 'P1M', updateGrace: 'P90D' },
    },
  },
];

export class BenefitCatalogues1764300100000 implements MigrationInterface {
  name = 'BenefitCatalogues1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN presentation jsonb NULL`);
    for (const c of CATALOGUES) {
      await q.query(
        `INSERT INTO programme_catalogues (code, version, title, clocks, services, working_day_clocks, roll_forward_clocks, presentation)
         SELECT $1::varchar, coalesce(max(version), 0) + 1, $2::text, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb FROM programme_catalogues WHERE code = $1::varchar`,
        [c.code, c.title, JSON.stringify(CLOCKS), JSON.stringify(c.services), JSON.stringify(['offerExcuseWindow']), JSON.stringify(ROLL_FORWARD), JSON.stringify(c.presentation)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM programme_catalogues WHERE code = ANY($1)`, [CATALOGUES.map((c) => c.code)]);
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN presentation`);
  }
}
