/** Builders shared by the domain's specs (excluded from the build). */
import type { JourneyClocks } from '../clocks/clock-table';
import { GOL_ASSESSMENT_CATALOGUE, GOL_DEFAULT_CATALOGUES, type ServiceStep } from '../programme/catalogue';
import { emptyAssessment } from '../assessment/assessment-state';
import type { GolAssessmentState } from '../assessment/model';
import type { JourneyCommand } from './commands';
import { decide } from './decide';
import { applyEvents, journeyStarted, replay } from './evolve';
import type { BenefitClaim, JourneyEvent, JourneyState } from './model';
import type { Refusal } from './refusals';
import { CURRENT_RULES_EDITION, type RulesEdition } from './rules-edition';
import { LOCAL_CLOSURES, NATIONAL_CALENDAR } from '../calendar/office-calendar';
import type { ActingOffice, OfficeProfile } from '../offices/model';


/** The journey's office in the specs: a CPI in Turin (San Giovanni on 24 June), its own competent CPI. */
export const TURIN_CPI: OfficeProfile = { officeId: 'CPI-TO-01', kind: 'cpi', competentCpiId: 'CPI-TO-01', calendar: { ...NATIONAL_CALENDAR, ...LOCAL_CLOSURES.torino } };

/** Staff of the Turin CPI acting from it: the journey's competent CPI, who decide its sanctions (rules' edition 2). */
export const AT_TURIN_CPI: ActingOffice = { officeId: 'CPI-TO-01', kind: 'cpi' };

export const GOL1 = GOL_DEFAULT_CATALOGUES.find((c) => c.code === 'GOL-1')!;

/** The GOL legal clocks, with the pact's own clocks off so only what a test looks at fires. */
export const LEGAL_CLOCKS: JourneyClocks = { ...GOL1.clocks, reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null };

/** Monday 2 March 2026. */
export const DID = '2026-03-02';
export const STARTED = '2026-03-02T08:00:00.000Z';
export const NAPSI: BenefitClaim = { kind: 'naspi', applicationDate: '2026-03-05' };

export interface StartOptions {
  clocks?: JourneyClocks;
  services?: ServiceStep[] | null;
  benefit?: BenefitClaim | null;
  programmeCode?: string;
  /** The rules' edition; defaults to the current one (edition 1 is what recorded journeys replay under). */
  rules?: RulesEdition;
  office?: OfficeProfile | null;
  /** Issue 14: the GOL assessment it starts with (an empty one puts it in the stage `assessment`). */
  assessment?: GolAssessmentState | null;
}

export function startJourney(o: StartOptions = {}): JourneyState {
  return replay([
    journeyStarted(
      {
        journeyId: 'jrn_test',
        programmeCode: o.programmeCode ?? 'GOL-1',
        officeId: 'CPI-TO-01',
        didDate: DID,
        beneficiary: { fiscalCode: 'RSSMRA80A01H501U', givenName: 'Mario', familyName: 'Rossi', email: 'mario@example.org' },
        catalogueVersion: 2,
        clocks: o.clocks ?? LEGAL_CLOCKS,
        services: o.services === undefined ? GOL1.services : o.services,
        workingDayClocks: ['offerExcuseWindow'],
        benefit: o.benefit === undefined ? NAPSI : o.benefit,
        rules: o.rules ?? CURRENT_RULES_EDITION,
        office: o.office === undefined ? TURIN_CPI : o.office,
        ...(o.assessment ? { assessment: o.assessment } : {}),
      },
      STARTED,
    ),
  ]);
}

/** Decides and applies; fails the test with the refusal when refused. */
export function run(state: JourneyState, command: JourneyCommand, now: string): JourneyState {
  return applyEvents(state, accept(state, command, now));
}

export function accept(state: JourneyState, command: JourneyCommand, now: string): JourneyEvent[] {
  const decision = decide(state, command, now);
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.refusal.code} ${decision.refusal.message}`);
  return decision.events;
}

export function refuse(state: JourneyState, command: JourneyCommand, now: string): Refusal {
  const decision = decide(state, command, now);
  if (decision.ok) throw new Error(`${command.type} was accepted: ${decision.events.map((e) => e.type).join(', ')}`);
  return decision.refusal;
}

export const OP = 'op-anna';

export const intake = (at = '2026-03-03T09:00:00.000Z'): JourneyCommand => ({ type: 'RecordIntake', operatorId: OP, takenInChargeAt: at });

/** The pact as the person accepts it at signing, in person (edition 2; leave `acceptance` out to make it wait). */
export const signPact = (dueDate = '2026-06-30'): JourneyCommand => ({
  type: 'SignPact',
  responsibleOperatorId: OP,
  profilingClass: 'medium',
  jobSearchProof: 'Monthly report of applications sent',
  acceptance: { method: 'signed_in_person' },
  availability: { workshops: true, training: true, suitableOffers: true },
  actions: [
    { kind: 'job_search_act', description: 'Send five applications', dueDate },
    { kind: 'workshop', description: 'CV workshop', dueDate: '2026-07-15' },
  ],
});

/** Taken in charge on 3 March, pact signed on 4 March. */
export function activeJourney(o: StartOptions = {}): JourneyState {
  return run(run(startJourney(o), intake(), '2026-03-03T09:00:00.000Z'), signPactUnder(o.rules ?? CURRENT_RULES_EDITION), '2026-03-04T09:00:00.000Z');
}

/** The fixture's pact as a journey of that edition signs it (edition 1 records no acceptance). */
export function signPactUnder(rules: RulesEdition, dueDate?: string): JourneyCommand {
  const command = signPact(dueDate) as Extract<JourneyCommand, { type: 'SignPact' }>;
  if (rules >= 2) return command;
  const { acceptance: _acceptance, ...edition1 } = command;
  void _acceptance;
  return edition1;
}

export function awaitingPactJourney(o: StartOptions = {}): JourneyState {
  return run(startJourney(o), intake(), '2026-03-03T09:00:00.000Z');
}

export const deliver = (service: string, outputs: object = {}, completesService = false, hours = 2): JourneyCommand =>
  ({ type: 'RecordServiceDelivery', service, operatorId: OP, hours, outputs, completesService }) as JourneyCommand;

export const OUTPUTS_TO_COMPLETE: Record<string, object> = {
  second_level_interview: { developmentAreasSheet: 'scheda prot. 123', cv: 'cv-2026-03.pdf' },
  path_definition: { trainingNeeds: ['digital skills'], targetSectors: ['logistics'], trainingBodies: ['Ente X'], trainingModules: ['Excel base'] },
  skills_assessment: { skillsSheet: 'bilancio prot. 77', actionPlan: 'piano di azione prot. 78' },
  tutoring: { topics: ['cv_update', 'interview_preparation'] },
  job_search: { offersFound: 4, applicationsSent: 3 },
};

export const schedule = (at: string, convocation = 'pec', purpose = 'interview', service = 'second_level_interview'): JourneyCommand =>
  ({ type: 'ScheduleAppointment', service, purpose, at, channel: 'in_person', location: 'CPI Torino, via Bologna 153', convocation, operatorId: OP }) as JourneyCommand;

export const tick = (state: JourneyState, now: string): JourneyState => run(state, { type: 'ProcessDeadlines' }, now);

/** Issue 14: a journey started under `GOL`, in its assessment: the `GOL` catalogue's services, the legal clocks and a P90D profiling review. */
export function assessmentJourney(o: StartOptions = {}): JourneyState {
  return startJourney({
    programmeCode: 'GOL',
    services: GOL_ASSESSMENT_CATALOGUE.services,
    clocks: { ...LEGAL_CLOCKS, profilingReview: 'P90D' },
    assessment: emptyAssessment(),
    ...o,
  });
}
