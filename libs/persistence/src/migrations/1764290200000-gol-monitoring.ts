import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, GOL monitoring on `journeys`: the region of the journey's office (from the directory, filled here for the
 * rows already projected), and of the monitoring data only what the KPIs count — the age at the DID in whole years
 * (not the birth date), the sex, the four flags, whether GOL counts the person as vulnerable (`vulnerable()` of the
 * domain, computed by the row mapping) and whether the person is in training now. Journeys recorded before have no
 * monitoring data (null). An index serves the people taken in charge in a period. `npm run rebuild-read-model` gives
 * the same.
 */
export class GolMonitoring1764290200000 implements MigrationInterface {
  name = 'GolMonitoring1764290200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN region                    text,
        ADD COLUMN age_at_did                smallint,
        ADD COLUMN sex                       varchar(1),
        ADD COLUMN disabled                  boolean,
        ADD COLUMN long_term_unemployed      boolean,
        ADD COLUMN neet                      boolean,
        ADD COLUMN social_services_referral  boolean,
        ADD COLUMN vulnerable                boolean,
        ADD COLUMN in_training               boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT journeys_sex_check CHECK (sex IN ('F', 'M'))`);
    await q.query(`UPDATE journeys j SET region = o.region FROM offices o WHERE o.office_id = j.office_id`);
    // GOL's figures count the people taken in charge in a period, office by office.
    await q.query(`CREATE INDEX journeys_office_taken_in_charge_idx ON journeys (office_id, taken_in_charge_at) WHERE taken_in_charge_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journeys_office_taken_in_charge_idx`);
    await q.query(`
      ALTER TABLE journeys
        DROP CONSTRAINT journeys_sex_check,
        DROP COLUMN region,
        DROP COLUMN age_at_did,
        DROP COLUMN sex,
        DROP COLUMN disabled,
        DROP COLUMN long_term_unemployed,
        DROP COLUMN neet,
        DROP COLUMN social_services_referral,
        DROP COLUMN vulnerable,
        DROP COLUMN in_training`);
  }
}
