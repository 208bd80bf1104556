import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pact acceptance (issue 13, rules edition 2): on `journeys`, when version 1 of the pact came into force (its signing
 * in edition 1, the person's acceptance in edition 2), and the version signed and waiting for the person's acceptance
 * with since when and until when it may wait; on `conditionality_steps`, the missed agreed contact that caused a
 * step. Rows projected before this migration get `pact_in_force_since` from their signing (their pacts are of
 * edition 1, in force at signing); `npm run rebuild-read-model` gives the same.
 */
export class PactAcceptance1764270400000 implements MigrationInterface {
  name = 'PactAcceptance1764270400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE journeys
        ADD COLUMN pact_in_force_since               timestamptz,
        ADD COLUMN pact_version_awaiting_acceptance  integer,
        ADD COLUMN pact_awaiting_acceptance_since    timestamptz,
        ADD COLUMN pact_acceptance_due_at            timestamptz`);
    await q.query(`UPDATE journeys SET pact_in_force_since = pact_signed_at WHERE pact_signed_at IS NOT NULL`);
    // A conditionality step caused by a missed agreed contact (edition 2) names it by when it was due.
    await q.query(`ALTER TABLE conditionality_steps ADD COLUMN contact_due_at timestamptz`);
    await q.query(
      `CREATE INDEX journeys_pact_awaiting_acceptance_idx ON journeys (office_id, pact_awaiting_acceptance_since) WHERE pact_version_awaiting_acceptance IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journeys_pact_awaiting_acceptance_idx`);
    await q.query(`ALTER TABLE conditionality_steps DROP COLUMN contact_due_at`);
    await q.query(`
      ALTER TABLE journeys
        DROP COLUMN pact_in_force_since, DROP COLUMN pact_version_awaiting_acceptance,
        DROP COLUMN pact_awaiting_acceptance_since, DROP COLUMN pact_acceptance_due_at`);
  }
}
