import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data this migration wrote when it was committed (f8131f7): the GOL defaults of that day, written out here rather
 * than imported from the domain, so that every database gets the same catalogues whenever it is migrated. New defaults
 * arrive with a new migration, never by changing this list.
 */
interface Step {
  service: string;
  after: string[];
}

const CLOCKS: Record<string, string> = {
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
};

const step = (service: string, ...after: string[]): Step => ({ service, after });

/* One line a path: the services in catalogue order, each with the services it waits for. */
const GOL_CATALOGUES: readonly { code: string; title: string; clocks: Record<string, string>; services: Step[]; workingDayClocks: string[] }[] = [
  {
    code: 'GOL-1',
    title: 'GOL percorso 1 – Reinserimento lavorativo',
    clocks: CLOCKS,
    services: [step('reception'), step('second_level_interview', 'reception'), step('tutoring', 'second_level_interview'), step('job_search', 'second_level_interview')],
    workingDayClocks: ['offerExcuseWindow'],
  },
  {
    code: 'GOL-2',
    title: 'GOL percorso 2 – Aggiornamento (upskilling)',
    clocks: CLOCKS,
    services: [step('reception'), step('second_level_interview', 'reception'), step('path_definition', 'second_level_interview'), step('tutoring', 'path_definition'), step('job_search', 'path_definition')],
    workingDayClocks: ['offerExcuseWindow'],
  },
  {
    code: 'GOL-3',
    title: 'GOL percorso 3 – Riqualificazione (reskilling)',
    clocks: CLOCKS,
    services: [step('reception'), step('second_level_interview', 'reception'), step('skills_assessment', 'second_level_interview'), step('path_definition', 'skills_assessment'), step('tutoring', 'path_definition'), step('job_search', 'path_definition')],
    workingDayClocks: ['offerExcuseWindow'],
  },
  {
    code: 'GOL-4',
    title: 'GOL percorso 4 – Lavoro e inclusione',
    clocks: { ...CLOCKS, stallAfter: 'P90D' },
    services: [step('reception'), step('second_level_interview', 'reception'), step('skills_assessment', 'second_level_interview'), step('path_definition', 'skills_assessment'), step('tutoring', 'path_definition'), step('job_search', 'tutoring')],
    workingDayClocks: ['offerExcuseWindow'],
  },
  {
    code: 'GOL-5',
    title: 'GOL percorso 5 – Ricollocazione collettiva',
    clocks: CLOCKS,
    services: [step('reception'), step('second_level_interview', 'reception'), step('skills_assessment', 'second_level_interview'), step('job_search', 'second_level_interview'), step('path_definition', 'skills_assessment'), step('tutoring', 'second_level_interview')],
    workingDayClocks: ['offerExcuseWindow'],
  },
];

/**
 * Data: the GOL defaults with their services, legal clocks and working-day clocks, published as the next version of
 * each GOL path whose latest version has no services yet. Running journeys keep the version they pinned.
 */
export class SeedGolServices1764230000001 implements MigrationInterface {
  name = 'SeedGolServices1764230000001';

  async up(q: QueryRunner): Promise<void> {
    for (const c of GOL_CATALOGUES) {
      await q.query(
        `INSERT INTO programme_catalogues (code, version, title, clocks, services, working_day_clocks)
         SELECT $1, latest.version + 1, $2, $3, $4, $5
           FROM (SELECT version, services FROM programme_catalogues WHERE code = $1 ORDER BY version DESC LIMIT 1) latest
          WHERE latest.services IS NULL`,
        [c.code, c.title, JSON.stringify(c.clocks), JSON.stringify(c.services), JSON.stringify(c.workingDayClocks)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The versions this migration added: the latest of each GOL path, when it carries exactly the shipped services.
    for (const c of GOL_CATALOGUES) {
      await q.query(
        `DELETE FROM programme_catalogues WHERE code = $1 AND services = $2::jsonb
           AND version = (SELECT max(version) FROM programme_catalogues WHERE code = $1)`,
        [c.code, JSON.stringify(c.services)],
      );
    }
  }
}
