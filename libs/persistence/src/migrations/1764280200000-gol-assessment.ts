import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, GOL's assessment stage: catalogues may list the areas of the qualitative assessment
 * (`assessment_areas`, NULL: the default list); the programme `GOL` — the assessment before any path — gets its
 * version 1, written out here as the defaults of this day (the GOL clocks with the profiling review every 90 days;
 * reception and the second-level interview, no path services; the default areas); and each GOL path gets a new
 * version from its latest with the profiling review (`profilingReview`, P90D). Running journeys keep what they pinned.
 */
const GOL_ASSESSMENT = {
  code: 'GOL',
  title: 'GOL – Assessment (profilazione quantitativa e qualitativa)',
  clocks: {
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
  },
  services: [
    { service: 'reception', after: [] },
    { service: 'second_level_interview', after: ['reception'] },
  ],
  workingDayClocks: ['offerExcuseWindow'],
  rollForwardClocks: {
    firstContactAfterDid: { saturdaysClosed: false },
    firstContactAfterBenefitClaim: { saturdaysClosed: false },
    justificationWindow: { saturdaysClosed: false },
    offerExcuseWindow: { saturdaysClosed: false },
    appealWindow: { saturdaysClosed: true },
  },
  assessmentAreas: ['education_and_training', 'work_experience_and_skills', 'job_search_autonomy', 'availability_and_expectations', 'personal_constraints', 'complex_needs'],
};
const GOL_PATH_CODES = ['GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5'];

export class GolAssessment1764280200000 implements MigrationInterface {
  name = 'GolAssessment1764280200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme_catalogues ADD COLUMN assessment_areas jsonb NULL`);
    const g = GOL_ASSESSMENT;
    await q.query(
      `INSERT INTO programme_catalogues (code, version, title, clocks, services, working_day_clocks, roll_forward_clocks, assessment_areas)
       SELECT $1::varchar, coalesce(max(version), 0) + 1, $2::text, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb FROM programme_catalogues WHERE code = $1::varchar`,
      [g.code, g.title, JSON.stringify(g.clocks), JSON.stringify(g.services), JSON.stringify(g.workingDayClocks), JSON.stringify(g.rollForwardClocks), JSON.stringify(g.assessmentAreas)],
    );
    for (const code of GOL_PATH_CODES) {
      await q.query(
        `INSERT INTO programme_catalogues (code, version, title, clocks, services, working_day_clocks, offer_suitability, roll_forward_clocks)
         SELECT code, version + 1, title, clocks || '{"profilingReview": "P90D"}'::jsonb, services, working_day_clocks, offer_suitability, roll_forward_clocks
           FROM (SELECT * FROM programme_catalogues WHERE code = $1 ORDER BY version DESC LIMIT 1) latest`,
        [code],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The path versions this migration added (the latest, with the review clock), the GOL assessment's, then the column.
    await q.query(`DELETE FROM programme_catalogues WHERE code = ANY($1) AND clocks ? 'profilingReview'
                     AND version = (SELECT max(version) FROM programme_catalogues p WHERE p.code = programme_catalogues.code)`, [GOL_PATH_CODES]);
    await q.query(`DELETE FROM programme_catalogues WHERE code = $1`, [GOL_ASSESSMENT.code]);
    await q.query(`ALTER TABLE programme_catalogues DROP COLUMN assessment_areas`);
  }
}
