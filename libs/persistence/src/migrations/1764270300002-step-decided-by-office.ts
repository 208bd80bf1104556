import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The CPI whose staff decided a conditionality step (issue 13: art. 21 c.7, art. 23 D.lgs. 150/2015); null before. */
export class StepDecidedByOffice1764270300002 implements MigrationInterface {
  name = 'StepDecidedByOffice1764270300002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conditionality_steps ADD COLUMN decided_by_office varchar(64) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conditionality_steps DROP COLUMN decided_by_office`);
  }
}
