import { checkFiscalCode } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { DEMO_OFFICES, makeStaff } from './offices';
import { CONDITIONALITY_PROGRAMME, STORIES, STORY_STAGE, expectedCounts, finalProgramme, isConditionalityStory, makePlan } from './plan';

const TODAY = '2026-12-02';
const staff = makeStaff(new Random(1), DEMO_OFFICES);

describe('demo plan', () => {
  it('is the same for the same seed, size and day, and another for another seed', () => {
    expect(makePlan(19, 120, TODAY, staff)).toEqual(makePlan(19, 120, TODAY, staff));
    expect(makePlan(20, 120, TODAY, staff).journeys.map((j) => j.person.fiscalCode)).not.toEqual(makePlan(19, 120, TODAY, staff).journeys.map((j) => j.person.fiscalCode));
    // A larger plan begins with the smaller one: --journeys 30 then 300 adds 270.
    expect(makePlan(19, 300, TODAY, staff).journeys.slice(0, 30)).toEqual(makePlan(19, 30, TODAY, staff).journeys);
  });

  it('covers every stage, every GOL path, the assessment, ADI and SFL even when small', () => {
    const plan = makePlan(7, 30, TODAY, staff);
    const { byStage, byProgramme } = expectedCounts(plan);
    expect(Object.keys(byStage).sort()).toEqual(['assessment', 'awaiting_intake', 'awaiting_pact', 'closed', 'pact_active', 'suspended']);
    for (const code of ['GOL', 'GOL-1', 'GOL-2', 'GOL-3', 'GOL-4', 'GOL-5', 'ADI', 'SFL']) expect(byProgramme[code]).toBeGreaterThan(0);
    const stories = new Set(plan.journeys.map((j) => j.story));
    for (const story of ['overdue_action', 'appointment_held', 'appointment_missed', 'placed', 'transferred', 'pact_awaiting_acceptance', 'absent', 'step_proposed', 'step_confirmed', 'step_dismissed']) expect(stories).toContain(story);
    expect(new Set(plan.journeys.map((j) => j.officeId)).size).toBeGreaterThan(5);
  });

  it('spreads a few hundred journeys over both regions, with mostly every story, and people who exist once', () => {
    const plan = makePlan(19, 300, TODAY, staff);
    const codes = plan.journeys.map((j) => j.person.fiscalCode);
    expect(new Set(codes).size).toBe(300);
    for (const code of codes) expect(checkFiscalCode(code).valid).toBe(true);
    const regions = new Set(plan.journeys.map((j) => DEMO_OFFICES.find((o) => o.officeId === j.officeId)!.region));
    expect([...regions].sort()).toEqual(['lazio', 'piemonte']);
    const { byStory } = expectedCounts(plan);
    for (const story of STORIES) expect(byStory[story]).toBeGreaterThan(0);
    // Months apart: the oldest DID is more than four months before the newest.
    const dids = plan.journeys.map((j) => j.didDate).sort();
    expect(Date.parse(dids.at(-1)!) - Date.parse(dids[0])).toBeGreaterThan(120 * 86_400_000);
  });

  it('dates every fact in the past, in order: benefit claim ≤ DID < intake ≤ today, grant after the claim', () => {
    for (const j of makePlan(3, 400, TODAY, staff).journeys) {
      expect(j.didDate < TODAY).toBe(true);
      if (j.intakeDate) {
        expect(j.intakeDate > j.didDate).toBe(true);
        expect(j.intakeDate < TODAY).toBe(true);
      }
      expect(j.intakeDate === null).toBe(j.story === 'awaiting_intake' || j.story === 'assessment');
      if (j.benefit) {
        expect(j.benefit.applicationDate <= j.didDate).toBe(true);
        if (j.benefit.grantedOn) expect(j.benefit.grantedOn > j.benefit.applicationDate && j.benefit.grantedOn < TODAY).toBe(true);
      }
      // The operator works at the journey's office; GOL journeys carry the monitoring data of the same person.
      expect(staff.find((s) => s.staffId === j.operatorId)?.officeId).toBe(j.officeId);
      if (j.monitoring) expect([j.monitoring.birthDate, j.monitoring.sex]).toEqual([j.person.birthDate, j.person.sex]);
      if (j.route.kind !== 'gol') expect([j.monitoring, j.benefit?.kind]).toEqual([null, j.route.kind]);
      // Only a GOL journey started under `GOL` stays in the assessment; a transfer moves from a GOL-n.
      if (j.story === 'assessment') expect(j.programmeCode).toBe('GOL');
      if (j.story === 'transferred') expect([j.programmeCode.startsWith('GOL-'), j.transferTo?.startsWith('GOL-'), j.transferTo !== j.programmeCode]).toEqual([true, true, true]);
      expect(STORY_STAGE[j.story]).toBeDefined();
      expect(finalProgramme(j)).toMatch(/^(GOL(-[1-5])?|ADI|SFL|DEMO-CONDIZ)$/);
      // The conditionality stories: NASpI recipients under the demo's catalogue, at a CPI (which decides the steps).
      if (isConditionalityStory(j.story)) {
        expect([j.programmeCode, j.benefit?.kind, DEMO_OFFICES.find((o) => o.officeId === j.officeId)?.kind]).toEqual([CONDITIONALITY_PROGRAMME.code, 'naspi', 'cpi']);
      } else expect(j.programmeCode).not.toBe(CONDITIONALITY_PROGRAMME.code);
    }
  });

  it('names each office’s staff by office and number, never by the person', () => {
    expect(staff.filter((s) => s.officeId === 'CPI-TO-01').map((s) => s.staffId)).toEqual(['op.cpito01.1', 'op.cpito01.2', 'op.cpito01.3', 'op.cpito01.4', 'sup.cpito01']);
    expect(new Set(staff.map((s) => s.staffId)).size).toBe(staff.length);
    for (const s of staff) expect(s.email).toMatch(/@(cpi|apl)-[a-z]+\.example\.it$/);
  });
});
