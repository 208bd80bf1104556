import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The benefit's lifecycle (issue 14): on `journeys`, the status of the benefit claimed last (`benefit_kind` and
 * `benefit_application_date` now follow that claim) and its days — since when it has its status, granted, the current
 * suspension's first day, ended and why. Rows projected before this migration had only a claim given at the start,
 * which runs: they get `claimed` from their application day; `npm run rebuild-read-model` gives the same.
 */
export class BenefitLifecycle1764280300000 implements MigrationInterface {
  name = 'BenefitLifecycle1764280300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN benefit_status         varchar(16) CHECK (benefit_status IN ('claimed', 'granted', 'refused', 'suspended', 'ended')),
        ADD COLUMN benefit_status_since   date,
        ADD COLUMN benefit_granted_on     date,
        ADD COLUMN benefit_suspended_on   date,
        ADD COLUMN benefit_ended_on       date,
        ADD COLUMN benefit_end_reason     varchar(16)`);
    await q.query(`UPDATE journeys SET benefit_status = 'claimed', benefit_status_since = benefit_application_date WHERE benefit_kind IS NOT NULL`);
    await q.query(`CREATE INDEX journeys_office_benefit_status_idx ON journeys (office_id, benefit_status) WHERE benefit_status IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journeys_office_benefit_status_idx`);
    await q.query(`
      ALTER TABLE journeys
        DROP COLUMN benefit_status, DROP COLUMN benefit_status_since, DROP COLUMN benefit_granted_on,
        DROP COLUMN benefit_suspended_on, DROP COLUMN benefit_ended_on, DROP COLUMN benefit_end_reason`);
  }
}
