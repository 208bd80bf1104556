import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `Idempotency-Key`s callers sent with journey commands: one row per (journey, caller, key) with the SHA-256
 * fingerprint of the command it named, so the same key with another command or body is refused (422) instead of
 * silently answering the first outcome. No personal data: ids, the key and a hash.
 */
export class IdempotencyKeys1764260000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        journey_id      varchar(64)  NOT NULL,
        subject         varchar(64)  NOT NULL,
        idempotency_key varchar(128) NOT NULL,
        fingerprint     char(64)     NOT NULL,
        created_at      timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (journey_id, subject, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
