import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, retention and crypto-shredding:
 * - `programme_catalogues.personal_data_retention`: how long a closed episode's personal data is kept (ISO-8601
 *   duration; null: the domain's default, P10Y).
 * - `payload_data_keys`: each journey's payload data key, wrapped under the master key it names; shredding sets the
 *   wrapped key to null (and `shredded_at`), which makes the journey's Temporal history unreadable.
 * - `personal_data_erasures`: the journeys whose personal data the retention sweep erased, when and under which
 *   retention (no personal data): what the sweep did, and what the read-model rebuild leaves as it is.
 * - The append-only tables may change in one way only, through `erase_journey_history(journey_id)` (SECURITY DEFINER,
 *   owned by the owner): a journey's events keep their type and dates but their data becomes
 *   `{"personalDataErased": true}`, and its audit entries lose their `person_ref`. The triggers let exactly that
 *   update through, inside that function (a transaction-local setting names the journey); every other update, delete or
 *   truncate is refused as before, and UPDATE stays revoked from the application role.
 */
export class PersonalDataRetention1764300300000 implements MigrationInterface {
  name = 'PersonalDataRetention1764300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN personal_data_retention varchar(32)`);
    await q.query(`
      CREATE TABLE payload_data_keys (
        journey_id    varchar(64) PRIMARY KEY,
        master_key_id varchar(64) NOT NULL,
        wrapped_key   bytea,
        created_at    timestamptz NOT NULL DEFAULT now(),
        shredded_at   timestamptz
      )`);
    await q.query(`
      CREATE TABLE personal_data_erasures (
        journey_id varchar(64) PRIMARY KEY,
        closed_at  timestamptz NOT NULL,
        retention  varchar(32) NOT NULL,
        erased_at  timestamptz NOT NULL DEFAULT now(),
        sweep_id   varchar(128) NOT NULL
      )`);
    await q.query(`
      CREATE OR REPLACE FUNCTION journey_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF current_setting('sal.erasing_journey', true) = OLD.journey_id AND (to_jsonb(NEW) - 'data') = (to_jsonb(OLD) - 'data')
             AND NEW.data = '{"personalDataErased": true}'::jsonb THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'journey_events is append-only';
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF current_setting('sal.erasing_journey', true) = OLD.journey_id AND (to_jsonb(NEW) - 'person_ref') = (to_jsonb(OLD) - 'person_ref')
             AND NEW.person_ref IS NULL THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE FUNCTION erase_journey_history(p_journey_id varchar) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE erased integer;
      BEGIN
        PERFORM set_config('sal.erasing_journey', p_journey_id, true);
        UPDATE journey_events SET data = '{"personalDataErased": true}'::jsonb
          WHERE journey_id = p_journey_id AND data <> '{"personalDataErased": true}'::jsonb;
        GET DIAGNOSTICS erased = ROW_COUNT;
        UPDATE audit_log SET person_ref = NULL WHERE journey_id = p_journey_id AND person_ref IS NOT NULL;
        PERFORM set_config('sal.erasing_journey', '', true);
        RETURN erased;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION erase_journey_history(varchar)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION journey_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'journey_events is append-only'; END $$`);
    await q.query(`DROP TABLE personal_data_erasures`);
    await q.query(`DROP TABLE payload_data_keys`);
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN personal_data_retention`);
  }
}
