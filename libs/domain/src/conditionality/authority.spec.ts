import { LOCAL_CLOSURES, NATIONAL_CALENDAR } from '../calendar/office-calendar';
import type { JourneyCommand } from '../journey/commands';
import { accept, activeJourney, AT_TURIN_CPI, OP, refuse, run, schedule, tick, TURIN_CPI } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import type { OfficeProfile } from '../offices/model';

/** An accredited operator in Turin, working in the area of the Turin CPI. */
const ACCREDITED: OfficeProfile = { officeId: 'ACC-TO-01', kind: 'accredited', competentCpiId: 'CPI-TO-01', calendar: { ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES.torino } };

/** A step proposed on the appointments ladder: a no-show on Tuesday 10 March 2026, its window closed unjustified. */
function proposed(o: Parameters<typeof activeJourney>[0] = {}): JourneyState {
  const booked = run(activeJourney(o), schedule('2026-03-10T09:00:00.000Z', 'pec'), '2026-03-05T09:00:00.000Z');
  const missed = run(booked, { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: OP } as JourneyCommand, '2026-03-10T11:00:00.000Z');
  const s = tick(missed, '2026-03-12T00:00:00.000Z');
  expect(s.conditionalitySteps.map((x) => x.status)).toEqual(['proposed']);
  return s;
}

const confirm = (actingOffice?: { officeId: string; kind: 'cpi' | 'accredited' }): JourneyCommand =>
  ({ type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: OP, note: 'no excuse', ...(actingOffice ? { actingOffice } : {}) }) as JourneyCommand;
const dismiss = (actingOffice?: { officeId: string; kind: 'cpi' | 'accredited' }): JourneyCommand =>
  ({ type: 'DismissConditionalityStep', stepId: 'S1', operatorId: OP, reason: 'late convocation', ...(actingOffice ? { actingOffice } : {}) }) as JourneyCommand;
const NOW = '2026-03-12T10:00:00.000Z';

describe("the CPI's authority over sanctions", () => {
  it('art. 21 c.7 and art. 23 D.lgs. 150/2015, D.lgs. 276/2003 art. 7: staff of an accredited operator report, they do not confirm or dismiss (SANCTION_NOT_CPI)', () => {
    const s = proposed({ office: ACCREDITED });
    expect(refuse(s, confirm({ officeId: 'ACC-TO-01', kind: 'accredited' }), NOW)).toMatchObject({ code: 'SANCTION_NOT_CPI' });
    expect(refuse(s, dismiss({ officeId: 'ACC-TO-01', kind: 'accredited' }), NOW)).toMatchObject({ code: 'SANCTION_NOT_CPI' });
  });

  it('art. 21 c.7 D.lgs. 150/2015: staff of the competent CPI confirm the step an accredited operator reported, and the event records the CPI', () => {
    const s = proposed({ office: ACCREDITED });
    const events = accept(s, confirm(AT_TURIN_CPI), NOW);
    expect(events[0]).toMatchObject({ type: 'ConditionalityStepConfirmed', data: { decidedByOffice: 'CPI-TO-01', operatorId: OP } });
    expect(run(s, confirm(AT_TURIN_CPI), NOW).conditionalitySteps[0]).toMatchObject({ status: 'confirmed', decidedBy: OP, decidedByOffice: 'CPI-TO-01' });
    const dismissed = run(s, dismiss(AT_TURIN_CPI), NOW);
    expect(dismissed.conditionalitySteps[0]).toMatchObject({ status: 'dismissed', decidedByOffice: 'CPI-TO-01' });
  });

  it('art. 23 D.lgs. 150/2015: another CPI is not the competent one; a command naming no acting office is refused', () => {
    const s = proposed({ office: ACCREDITED });
    expect(refuse(s, confirm({ officeId: 'CPI-MI-01', kind: 'cpi' }), NOW)).toMatchObject({ code: 'SANCTION_NOT_CPI' });
    expect(refuse(s, confirm(), NOW)).toMatchObject({ code: 'SANCTION_NOT_CPI' });
    // a CPI that follows the journey itself is its own competent CPI
    expect(accept(proposed({ office: TURIN_CPI }), confirm(AT_TURIN_CPI), NOW)[0].data).toMatchObject({ decidedByOffice: 'CPI-TO-01' });
  });

  it('an unknown or decided step is refused for what it is, before the authority', () => {
    const s = proposed({ office: ACCREDITED });
    expect(refuse(s, { ...confirm({ officeId: 'ACC-TO-01', kind: 'accredited' }), stepId: 'S9' } as JourneyCommand, NOW).code).toBe('STEP_NOT_FOUND');
    const decided = run(s, confirm(AT_TURIN_CPI), NOW);
    expect(refuse(decided, dismiss({ officeId: 'ACC-TO-01', kind: 'accredited' }), NOW).code).toBe('STEP_ALREADY_DECIDED');
  });

  it('rules edition 1 (recorded journeys) and journeys without an office from the directory decide as before, recording no office', () => {
    const old = proposed({ office: ACCREDITED, rules: 1 });
    const events = accept(old, confirm({ officeId: 'ACC-TO-01', kind: 'accredited' }), NOW);
    expect(events[0].data).not.toHaveProperty('decidedByOffice');
    expect(accept(proposed({ office: null }), confirm(), NOW)[0].type).toBe('ConditionalityStepConfirmed');
  });
});
