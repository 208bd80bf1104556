import { applyEvents, decide, journeyStarted, replay, type JourneyClocks, type JourneyCommand, type JourneyEvent, type JourneyStartedData, type JourneyState } from '@sal/domain';
import {
  AppointmentRecord,
  ConditionalityStepRecord,
  JourneyProjector,
  JourneyRecord,
  JourneyServiceRecord,
  MIGRATIONS,
  SupervisorReadModel,
} from '@sal/persistence';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';

/**
 * The read model of the six services — appointments, services per journey, conditionality steps, and the journey's
 * benefit, placement and hours — projected into a real PostgreSQL from states the domain itself decided (a test
 * catalogue whose clocks are seconds), searched through the supervisors' read model, rebuilt from the events alone,
 * and its migration reverted and applied again.
 */

let db: ThrowawayDatabase;
beforeAll(async () => {
  db = await createThrowawayDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const SECONDS_CLOCKS: JourneyClocks = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  justificationWindow: 'PT30S',
  appealWindow: 'PT60S',
};

/** One projection, as the workflow sends it: the new events and the state right after the last of them. */
interface Projection {
  events: JourneyEvent[];
  state: JourneyState;
}

/** A journey driven through the real decision function on a fixed clock, one projection per command. */
class Journey {
  readonly projections: Projection[] = [];
  state: JourneyState;

  constructor(officeId: string, start: Partial<JourneyStartedData> = {}) {
    const journeyId = `jrn_${uniqueSuffix().padEnd(32, '0').slice(0, 32)}`;
    const first = journeyStarted(
      {
        journeyId,
        programmeCode: 'GOL-1',
        officeId,
        didDate: '2026-10-01',
        beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Giulia', familyName: 'Prova' },
        catalogueVersion: 1,
        clocks: SECONDS_CLOCKS,
        services: [
          { service: 'reception', after: [] },
          { service: 'second_level_interview', after: ['reception'] },
          { service: 'tutoring', after: ['second_level_interview'] },
        ],
        workingDayClocks: [],
        ...start,
      },
      '2026-10-02T08:00:00.000Z',
    );
    this.state = replay([first]);
    this.projections.push({ events: [first], state: this.state });
  }

  get id(): string {
    return this.state.journeyId;
  }

  get events(): JourneyEvent[] {
    return this.projections.flatMap((p) => p.events);
  }

  run(command: JourneyCommand, now: string): this {
    const d = decide(this.state, command, now);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.refusal.code} ${d.refusal.message}`);
    this.state = applyEvents(this.state, d.events);
    this.projections.push({ events: d.events, state: this.state });
    return this;
  }

  async projectAll(projector: JourneyProjector): Promise<void> {
    for (const p of this.projections) await projector.project(p.events, p.state);
  }
}

/**
 * A NASpI recipient: an interview convened by PEC (missed, unjustified: a step is proposed on the appointments ladder,
 * then confirmed), a workshop convened by e-mail (scheduled), two sessions of the second-level interview.
 */
function sanctioned(officeId: string): Journey {
  return new Journey(officeId, { benefit: { kind: 'naspi', applicationDate: '2026-10-01' } })
    .run({ type: 'RecordIntake', operatorId: 'op-rossi' }, '2026-10-02T09:00:00.000Z')
    .run({ type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: 'op-rossi', hours: 1.5 }, '2026-10-02T10:00:00.000Z')
    .run({ type: 'RecordServiceDelivery', service: 'second_level_interview', operatorId: 'op-rossi', hours: 2 }, '2026-10-02T12:00:00.000Z')
    .run(
      { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'interview', at: '2026-10-05T08:00:00.000Z', channel: 'in_person', location: 'CPI, sala 2', convocation: 'pec', operatorId: 'op-rossi' },
      '2026-10-02T13:00:00.000Z',
    )
    .run(
      { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'workshop', at: '2026-10-20T08:00:00.000Z', channel: 'video', convocation: 'email', operatorId: 'op-verdi' },
      '2026-10-02T13:05:00.000Z',
    )
    .run({ type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: 'op-rossi' }, '2026-10-05T08:10:00.000Z')
    .run({ type: 'ProcessDeadlines' }, '2026-10-05T08:11:00.000Z')
    .run({ type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: 'op-capo', note: 'No excuse' }, '2026-10-06T08:00:00.000Z');
}

/** No benefit: an appointment agreed and signed, held; tutoring under the signed pact; then the placement. */
function placed(officeId: string): Journey {
  return new Journey(officeId, { programmeCode: 'GOL-2' })
    .run({ type: 'RecordIntake', operatorId: 'op-bianchi' }, '2026-10-02T09:00:00.000Z')
    .run(
      { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'interview', at: '2026-10-03T08:00:00.000Z', channel: 'phone', convocation: 'agreed_signed', operatorId: 'op-bianchi' },
      '2026-10-02T09:30:00.000Z',
    )
    .run({ type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'held', operatorId: 'op-bianchi' }, '2026-10-03T09:00:00.000Z')
    .run(
      {
        type: 'RecordServiceDelivery',
        service: 'second_level_interview',
        operatorId: 'op-bianchi',
        hours: 3,
        outputs: { developmentAreasSheet: 'Scheda prot. 2026/77', cv: 'CV v1' },
        completesService: true,
      },
      '2026-10-03T11:00:00.000Z',
    )
    .run(
      {
        type: 'SignPact',
        responsibleOperatorId: 'op-bianchi',
        profilingClass: 'medium',
        contactFrequency: 'P30D',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'tutoring', description: 'CV update', dueDate: '2026-11-30' }],
      },
      '2026-10-04T09:00:00.000Z',
    )
    .run({ type: 'RecordServiceDelivery', service: 'tutoring', operatorId: 'op-bianchi', hours: 1.25, outputs: { topics: ['cv_update'] } }, '2026-10-05T09:00:00.000Z')
    .run({ type: 'RecordPlacement', employer: 'Officine Prova S.p.A.', contractType: 'permanent', startDate: '2026-11-02', hoursPerWeek: 38, operatorId: 'op-bianchi' }, '2026-10-10T09:00:00.000Z');
}

const repo = <T extends object>(entity: new () => T) => db.dataSource.getRepository(entity);

async function rowsOf(journeyId: string) {
  return {
    journey: await repo(JourneyRecord).findOneByOrFail({ journeyId }),
    appointments: await repo(AppointmentRecord).find({ where: { journeyId }, order: { appointmentId: 'ASC' } }),
    services: await repo(JourneyServiceRecord).find({ where: { journeyId }, order: { service: 'ASC' } }),
    steps: await repo(ConditionalityStepRecord).find({ where: { journeyId }, order: { stepId: 'ASC' } }),
  };
}

describe('projection of the six services into PostgreSQL', () => {
  it('writes appointments, services and conditionality steps, and the journey’s benefit, hours and placement', async () => {
    const projector = new JourneyProjector(db.dataSource);
    const office = `CPI-PS-${uniqueSuffix()}`;
    const a = sanctioned(office);
    const b = placed(office);
    await a.projectAll(projector);
    await b.projectAll(projector);

    const ra = await rowsOf(a.id);
    expect(ra.journey).toMatchObject({ benefitKind: 'naspi', benefitApplicationDate: '2026-10-01', totalServiceHours: 3.5, proposedStepCount: 0, placementEmployer: null, lastSeq: a.state.lastSeq });
    expect(ra.journey.nextAppointmentAt?.toISOString()).toBe('2026-10-20T08:00:00.000Z');
    expect(ra.appointments.map((r) => [r.appointmentId, r.service, r.purpose, r.status, r.convocation, r.convocationValid, r.channel, r.location, r.operatorId, r.officeId, r.programmeCode])).toEqual([
      ['AP1', 'second_level_interview', 'interview', 'no_show', 'pec', true, 'in_person', 'CPI, sala 2', 'op-rossi', office, 'GOL-1'],
      ['AP2', 'second_level_interview', 'workshop', 'scheduled', 'email', false, 'video', null, 'op-verdi', office, 'GOL-1'],
    ]);
    expect(ra.appointments[0].at.toISOString()).toBe('2026-10-05T08:00:00.000Z');
    expect(ra.appointments[0].closedAt?.toISOString()).toBe('2026-10-05T08:10:00.000Z');
    expect(ra.services.map((r) => [r.service, r.required, r.status, r.hours, r.sessions])).toEqual([
      ['reception', true, 'completed', 0, 0],
      ['second_level_interview', true, 'in_progress', 3.5, 2],
      ['tutoring', true, 'not_started', 0, 0],
    ]);
    expect(ra.steps).toHaveLength(1);
    expect(ra.steps[0]).toMatchObject({ stepId: 'S1', lapseId: 'L1', ladder: 'appointments', ordinal: 1, effect: 'quarter_month_cut', status: 'confirmed', decidedBy: 'op-capo', appointmentId: 'AP1', offerId: null, officeId: office });
    expect(ra.steps[0].proposedAt.toISOString()).toBe('2026-10-05T08:11:00.000Z');
    expect(ra.steps[0].appealDueAt?.toISOString()).toBe('2026-10-06T08:01:00.000Z');

    const rb = await rowsOf(b.id);
    expect(rb.journey).toMatchObject({
      status: 'closed',
      closureReason: 'placed',
      benefitKind: null,
      totalServiceHours: 4.25,
      placementEmployer: 'Officine Prova S.p.A.',
      placementContractType: 'permanent',
      placementStartDate: '2026-11-02',
      placementHoursPerWeek: 38,
      nextAppointmentAt: null,
    });
    expect(rb.appointments.map((r) => [r.appointmentId, r.status, r.convocationValid])).toEqual([['AP1', 'held', true]]);
    expect(rb.services.map((r) => [r.service, r.status, r.hours])).toEqual([
      ['reception', 'completed', 0],
      ['second_level_interview', 'completed', 3],
      ['tutoring', 'in_progress', 1.25],
    ]);
    expect(rb.steps).toEqual([]);
  });

  it('replaces a journey’s rows with a newer state, and a late, older projection changes nothing', async () => {
    const projector = new JourneyProjector(db.dataSource);
    const j = sanctioned(`CPI-PI-${uniqueSuffix()}`);
    const all = j.projections;
    // Up to the proposed step (the projection before the confirmation).
    for (const p of all.slice(0, -1)) await projector.project(p.events, p.state);
    const proposed = await rowsOf(j.id);
    expect(proposed.steps.map((s) => [s.stepId, s.status, s.decidedAt])).toEqual([['S1', 'proposed', null]]);
    expect(proposed.journey.proposedStepCount).toBe(1);

    const last = all[all.length - 1];
    await projector.project(last.events, last.state);
    const confirmed = await rowsOf(j.id);
    expect(confirmed.steps.map((s) => s.status)).toEqual(['confirmed']);
    expect(confirmed.journey.proposedStepCount).toBe(0);

    // A retry of the last projection, and late projections of older states (a slow first attempt): nothing moves.
    await projector.project(last.events, last.state);
    await projector.project(all[3].events, all[3].state);
    await projector.project(all[all.length - 2].events, all[all.length - 2].state);
    expect(await rowsOf(j.id)).toEqual(confirmed);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM journey_events WHERE journey_id = $1', [j.id]);
    expect(n).toBe(j.state.lastSeq);
  });

  it('projects a state carried from before the six services (an in-flight activity) without failing', async () => {
    const projector = new JourneyProjector(db.dataSource);
    // A catalogue without services, as such a journey had (its rows must equal what a rebuild makes of its events).
    const j = new Journey(`CPI-PO-${uniqueSuffix()}`, { services: null }).run({ type: 'RecordIntake', operatorId: 'op-1' }, '2026-10-02T09:00:00.000Z');
    const old = { ...j.state } as Partial<JourneyState>;
    for (const key of ['services', 'workingDayClocks', 'benefit', 'firstContactMissedAt', 'pactVersions', 'serviceProgress', 'appointments', 'offers', 'lapses', 'conditionalitySteps', 'referrals', 'placement'] as const) {
      delete old[key];
    }
    await projector.project(j.events, old as JourneyState);
    const rows = await rowsOf(j.id);
    expect(rows.journey).toMatchObject({ stage: 'awaiting_pact', benefitKind: null, totalServiceHours: 0, proposedStepCount: 0 });
    expect(rows.appointments).toEqual([]);
    expect(rows.steps).toEqual([]);
    expect(rows.services.map((s) => [s.service, s.status])).toEqual([['reception', 'completed']]);
  });

  it('answers the supervisors’ searches: appointments, conditionality steps, services and KPIs, per office', async () => {
    const projector = new JourneyProjector(db.dataSource);
    const office = `CPI-PQ-${uniqueSuffix()}`;
    const other = `CPI-PX-${uniqueSuffix()}`;
    const journeys = [sanctioned(office), sanctioned(office), placed(office), sanctioned(other)];
    // The second journey's step stays proposed.
    journeys[1].projections.pop();
    journeys[1].state = journeys[1].projections[journeys[1].projections.length - 1].state;
    for (const j of journeys) await j.projectAll(projector);
    const rm = new SupervisorReadModel(db.dataSource);
    const scope = { officeIds: [office], page: 1, pageSize: 20 };

    const appointments = await rm.appointments(scope);
    expect(appointments.total).toBe(5);
    expect(appointments.items.map((a) => a.at)).toEqual([...appointments.items.map((a) => a.at)].sort());
    expect(appointments.items.every((a) => a.officeId === office && a.givenName === 'Giulia')).toBe(true);
    expect((await rm.appointments({ ...scope, status: 'no_show' })).items.map((a) => [a.journeyId, a.appointmentId])).toEqual(
      [[journeys[0].id, 'AP1'], [journeys[1].id, 'AP1']].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );
    expect((await rm.appointments({ ...scope, convocationValid: false })).items.map((a) => a.convocation)).toEqual(['email', 'email']);
    expect((await rm.appointments({ ...scope, service: 'second_level_interview', purpose: 'workshop' })).total).toBe(2);
    expect((await rm.appointments({ ...scope, service: 'tutoring' })).total).toBe(0);
    expect((await rm.appointments({ ...scope, programmeCode: 'GOL-2' })).items.map((a) => [a.journeyId, a.status])).toEqual([[journeys[2].id, 'held']]);
    expect((await rm.appointments({ ...scope, operatorId: 'op-verdi' })).total).toBe(2);
    const october5 = await rm.appointments({ ...scope, from: '2026-10-05T00:00:00.000Z', to: '2026-10-06T00:00:00.000Z' });
    expect(october5.items.map((a) => a.status)).toEqual(['no_show', 'no_show']);
    const latest = await rm.appointments({ ...scope, sort: 'latest', pageSize: 2 });
    expect(latest.items.map((a) => a.at)).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-20T08:00:00.000Z']);
    expect(latest.total).toBe(5);
    const page3 = await rm.appointments({ ...scope, pageSize: 2, page: 3 });
    expect(page3.items).toHaveLength(1);
    expect(await rm.appointments({ ...scope, pageSize: 2, page: 9 })).toMatchObject({ items: [], total: 5 });

    const steps = await rm.conditionalitySteps(scope);
    expect(steps.total).toBe(2);
    const waiting = await rm.conditionalitySteps({ ...scope, status: 'proposed' });
    expect(waiting.items).toHaveLength(1);
    expect(waiting.items[0]).toMatchObject({ journeyId: journeys[1].id, stepId: 'S1', ladder: 'appointments', effect: 'quarter_month_cut', appointmentId: 'AP1', benefitKind: 'naspi', decidedAt: null, operatorId: 'op-rossi' });
    expect(waiting.items[0].daysWaiting).toBeGreaterThanOrEqual(0);
    const decided = await rm.conditionalitySteps({ ...scope, status: 'confirmed' });
    expect(decided.items.map((s) => [s.journeyId, s.decidedBy, s.daysWaiting])).toEqual([[journeys[0].id, 'op-capo', null]]);
    expect((await rm.conditionalitySteps({ ...scope, ladder: 'suitable_offer' })).total).toBe(0);
    expect((await rm.conditionalitySteps({ ...scope, effect: 'quarter_month_cut', from: '2026-10-05T00:00:00.000Z', to: '2026-10-06T00:00:00.000Z' })).total).toBe(2);
    expect((await rm.conditionalitySteps({ ...scope, from: '2026-10-06T00:00:00.000Z' })).total).toBe(0);

    const services = await rm.services(scope);
    expect(services.items.map((s) => [s.service, s.programmeCode, s.journeys, s.notStarted, s.inProgress, s.completed, s.hours, s.sessions])).toEqual([
      ['reception', null, 3, 0, 0, 3, 0, 0],
      ['second_level_interview', null, 3, 0, 2, 1, 10, 5],
      ['tutoring', null, 3, 2, 1, 0, 1.25, 1],
    ]);
    expect(services.total).toBe(3);
    expect(services.items[1].averageHours).toBe(3.3);
    const byProgramme = await rm.services({ ...scope, byProgramme: true, service: 'second_level_interview' });
    expect(byProgramme.items.map((s) => [s.programmeCode, s.journeys, s.hours])).toEqual([
      ['GOL-1', 2, 7],
      ['GOL-2', 1, 3],
    ]);
    expect((await rm.services({ ...scope, journeyStatus: 'closed' })).items.map((s) => [s.service, s.journeys])).toEqual([
      ['reception', 1],
      ['second_level_interview', 1],
      ['tutoring', 1],
    ]);
    expect(await rm.services({ ...scope, pageSize: 2, page: 2 })).toMatchObject({ total: 3, items: [{ service: 'tutoring' }] });
    expect((await rm.services({ ...scope, programmeCode: 'GOL-9' })).total).toBe(0);

    const kpis = await rm.kpis({ officeIds: [office], from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    expect(kpis).toMatchObject({
      placements: 1,
      placementsByProgramme: { 'GOL-2': 1 },
      serviceHours: { second_level_interview: 10, tutoring: 1.25 },
      proposedSteps: 1,
      confirmedSteps: 1,
    });
    expect((await rm.kpis({ officeIds: [office], from: '2026-11-01T00:00:00.000Z' })).confirmedSteps).toBe(0);

    // Another office's rows stay out of every answer.
    expect((await rm.appointments({ ...scope, officeIds: [other] })).items.map((a) => a.journeyId)).toEqual([journeys[3].id, journeys[3].id]);
    expect((await rm.appointments({ ...scope, officeIds: [`CPI-NONE-${uniqueSuffix()}`] })).total).toBe(0);
  });

  it('rebuilds appointments, services and steps from journey_events alone, row for row', async () => {
    const projector = new JourneyProjector(db.dataSource);
    const office = `CPI-PR-${uniqueSuffix()}`;
    for (const j of [sanctioned(office), placed(office)]) await j.projectAll(projector);
    const snapshot = async () => ({
      journeys: await repo(JourneyRecord).find({ order: { journeyId: 'ASC' } }),
      appointments: await repo(AppointmentRecord).find({ order: { journeyId: 'ASC', appointmentId: 'ASC' } }),
      services: await repo(JourneyServiceRecord).find({ order: { journeyId: 'ASC', service: 'ASC' } }),
      steps: await repo(ConditionalityStepRecord).find({ order: { journeyId: 'ASC', stepId: 'ASC' } }),
    });
    const before = await snapshot();
    expect(before.appointments.length).toBeGreaterThan(0);
    expect(before.steps.length).toBeGreaterThan(0);

    // Damage the new tables (a lost row, a wrong status) and rebuild.
    await db.dataSource.query('DELETE FROM appointments WHERE appointment_id = $1', ['AP2']);
    await db.dataSource.query(`UPDATE conditionality_steps SET status = 'dismissed'`);
    await db.dataSource.query('DELETE FROM journey_services');
    const result = await projector.rebuild(undefined, 3);
    expect(result.journeys).toBe(before.journeys.length);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the services read-model migration', () => {
  const NAME = 'ServicesReadModel1764240000000';
  const tables = async (d: ThrowawayDatabase) =>
    (
      await d.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('appointments', 'journey_services', 'conditionality_steps') ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);
  const journeyColumns = async (d: ThrowawayDatabase) =>
    (
      await d.dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'journeys' AND column_name IN ('benefit_kind', 'placement_employer', 'total_service_hours') ORDER BY 1`,
      )
    ).map((r: { column_name: string }) => r.column_name);

  it('is registered, reverts cleanly (down drops its tables and columns), then applies again', async () => {
    const names = MIGRATIONS.map((m) => new m().name);
    expect(names).toContain(NAME);
    const scratch = await createThrowawayDatabase();
    try {
      // A projected journey, so the down migration runs on a database with rows in every table.
      const projector = new JourneyProjector(scratch.dataSource);
      await sanctioned(`CPI-PM-${uniqueSuffix()}`).projectAll(projector);
      expect(await tables(scratch)).toEqual(['appointments', 'conditionality_steps', 'journey_services']);

      // Revert down to (and including) this migration: later ones first, as `npm run migrate:revert` would.
      const applied = async () => (await scratch.dataSource.query('SELECT name FROM migrations')).map((r: { name: string }) => r.name);
      while ((await applied()).includes(NAME)) await scratch.dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables(scratch)).toEqual([]);
      expect(await journeyColumns(scratch)).toEqual([]);
      // The journeys and their actions written before are still there.
      const [{ n }] = await scratch.dataSource.query('SELECT count(*)::int AS n FROM journeys');
      expect(n).toBe(1);

      await scratch.dataSource.runMigrations({ transaction: 'each' });
      expect(await tables(scratch)).toEqual(['appointments', 'conditionality_steps', 'journey_services']);
      expect(await journeyColumns(scratch)).toEqual(['benefit_kind', 'placement_employer', 'total_service_hours']);
      // The rebuild fills the new tables for journeys projected before the migration.
      await new JourneyProjector(scratch.dataSource).rebuild();
      const [{ steps }] = await scratch.dataSource.query('SELECT count(*)::int AS steps FROM conditionality_steps');
      expect(steps).toBe(1);
    } finally {
      await scratch.drop();
    }
  });
});
