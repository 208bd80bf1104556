import {
  addDuration,
  applyEvents,
  decide,
  GOL_DEFAULT_CATALOGUES,
  journeyStarted,
  nextDeadline,
  replay,
  romeDateOf,
  romeStartOfDay,
  toMillis,
  type ClosureReason,
  type ContactChannel,
  type JourneyClocks,
  type JourneyCommand,
  type JourneyEvent,
  type JourneyState,
  type PactActionKind,
  type ProfilingClass,
} from '@sal/domain';
import { journeyIdFor, journeyIdKey } from '@sal/temporal';
import { makeOffices, pickOffice, type Office } from './offices';
import { makePerson } from './people';
import { Random } from './random';

/**
 * Journeys with realistic histories, simulated with the domain itself: every operator command goes through `decide`,
 * and between commands the journey's own deadlines fire exactly as its timer would fire them (the domain's deadline
 * command at `nextDeadline`), so reminders, overdue actions, missed contacts, escalations and stalls appear where the
 * product would have recorded them. Each journey pins its programme's GOL catalogue (version 1), as the API does.
 *
 * A DID in the last eighteen months; the presa in carico days later; a pact with dated actions; contacts at about the
 * agreed frequency (sometimes missed); actions completed on time, late or not at all; a share of closures. The stage
 * mix follows GOL's proportions roughly.
 */
export interface GeneratedJourney {
  journeyId: string;
  officeId: string;
  events: JourneyEvent[];
  state: JourneyState;
  /** Set on a copy: the simulated journey whose history (and read-model rows, but for identity) it shares. */
  copyOf?: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The stages the simulation steers to (assessment and suspension are reached through the domain's own procedures, not drawn). */
type TargetStage = 'awaiting_intake' | 'awaiting_pact' | 'pact_active' | 'closed';
const STAGE_MIX: Record<TargetStage, number> = { awaiting_intake: 10, awaiting_pact: 10, pact_active: 55, closed: 25 };
const PROGRAMME_MIX = { 'GOL-1': 60, 'GOL-2': 20, 'GOL-3': 12, 'GOL-4': 8 };
const PROFILING_MIX: Record<ProfilingClass, number> = { low: 30, medium: 40, high: 20, very_high: 10 };
/** The reasons an operator gives on a plain close (the domain's other reasons follow from its own procedures). */
const CLOSURE_MIX = { placed: 55, withdrawn: 12, transferred: 8, unreachable: 18, other: 7 } satisfies Partial<Record<ClosureReason, number>>;
const CHANNEL_MIX: Record<ContactChannel, number> = { in_person: 40, phone: 35, email: 15, video: 10 };
const ACTION_TEXT: Record<PactActionKind, string> = {
  job_search_act: 'Candidarsi a cinque offerte di lavoro congrue',
  workshop: 'Laboratorio di ricerca attiva del lavoro',
  training: 'Corso di formazione GOL (upskilling)',
  interview: 'Colloquio di orientamento specialistico',
  skills_assessment: 'Bilancio di competenze',
  tutoring: 'Incontro di tutoraggio individuale',
  company_scouting: 'Scouting delle aziende del territorio',
  other: 'Aggiornamento del CV e del profilo sul portale regionale',
};
const ACTION_KINDS = Object.keys(ACTION_TEXT) as PactActionKind[];
const CLOCKS: Record<string, JourneyClocks> = Object.fromEntries(GOL_DEFAULT_CATALOGUES.map((c) => [c.code, c.clocks]));

/** The command the journey's timer sends: the one JourneyCommand that is not an operator's. */
const TIMER_COMMAND: JourneyCommand = { type: 'ProcessDeadlines' };

type Happening = { at: number; what: 'intake' | 'pact' | 'contact' } | { at: number; what: 'complete'; actionId: string };

export class JourneyGenerator {
  readonly offices: Office[] = makeOffices();
  private readonly r: Random;
  private readonly ids = new Set<string>();
  private readonly key = journeyIdKey();
  private readonly birthPlaces: string[];
  /** Steered towards the target events per journey. */
  private meanActions = 4;
  private journeys = 0;
  private events = 0;
  /** The last simulated journey, serialized, and how many more people may still follow its history. */
  private template: { journey: GeneratedJourney; birthPlace: string; uses: number } | null = null;

  /**
   * @param reuse how many people follow each simulated history (1: every journey simulated). Simulating a journey
   * through the domain costs about 4 ms of CPU (its `decide` and deadline rounds), which is what held the 1M seed to
   * about 150 journeys/s on a loaded machine; at `reuse` N each simulated history is given to N different people
   * (own journey id, own valid fiscal code, same office, programme, dates and events), so the domain still produced
   * every state and history, and the seed costs a deep copy for the other N-1.
   */
  constructor(
    seed: number,
    private readonly now: number,
    private readonly targetEventsPerJourney: number,
    private readonly reuse = 1,
  ) {
    this.r = new Random(seed);
    this.birthPlaces = this.offices.map((o) => o.birthPlace);
  }

  next(): GeneratedJourney {
    const journey = this.template && this.template.uses > 0 ? this.copyOfTemplate() : this.simulate();
    this.journeys++;
    this.events += journey.events.length;
    if (this.journeys % 200 === 0) {
      const gap = this.targetEventsPerJourney - this.events / this.journeys;
      this.meanActions = Math.min(40, Math.max(2, this.meanActions + gap / 8));
    }
    return journey;
  }

  private simulate(): GeneratedJourney {
    const journey = this.generate();
    if (this.reuse > 1) {
      // A copy changes the journey id and the beneficiary where the history names them (the state and the
      // JourneyStarted event); a history that names them anywhere else is not copied.
      const json = JSON.stringify({ events: journey.events, state: journey.state });
      const named = json.split(journey.journeyId).length - 1 === 2 && json.split(journey.state.beneficiary.fiscalCode).length - 1 === 2;
      this.template = {
        journey,
        birthPlace: this.offices.find((o) => o.officeId === journey.officeId)!.birthPlace,
        uses: named ? this.reuse - 1 : 0,
      };
    }
    return journey;
  }

  /** The template's history for another person: its journey id and beneficiary replaced (the rest shared, read-only). */
  private copyOfTemplate(): GeneratedJourney {
    const t = this.template!;
    t.uses--;
    const { events, state } = t.journey;
    let person = makePerson(this.r, t.birthPlace, this.birthPlaces, new Date(this.now));
    let journeyId = journeyIdFor(person.beneficiary.fiscalCode, state.programmeCode, this.key);
    while (this.ids.has(journeyId)) {
      person = makePerson(this.r, t.birthPlace, this.birthPlaces, new Date(this.now));
      journeyId = journeyIdFor(person.beneficiary.fiscalCode, state.programmeCode, this.key);
    }
    this.ids.add(journeyId);
    const beneficiary = person.beneficiary;
    const [first, ...rest] = events;
    const started = { ...first, data: { ...(first.data as object), journeyId, beneficiary } } as JourneyEvent;
    return { journeyId, officeId: state.officeId, events: [started, ...rest], state: { ...state, journeyId, beneficiary }, copyOf: t.journey.journeyId };
  }

  /** Journeys and events generated so far. */
  totals(): { journeys: number; events: number } {
    return { journeys: this.journeys, events: this.events };
  }

  private generate(): GeneratedJourney {
    const r = this.r;
    const office = pickOffice(r, this.offices);
    const programmeCode = r.weighted(PROGRAMME_MIX);
    let person = makePerson(r, office.birthPlace, this.birthPlaces, new Date(this.now));
    let journeyId = journeyIdFor(person.beneficiary.fiscalCode, programmeCode, this.key);
    // The same person in the same programme would be the same journey: draw another person.
    while (this.ids.has(journeyId)) {
      person = makePerson(r, office.birthPlace, this.birthPlaces, new Date(this.now));
      journeyId = journeyIdFor(person.beneficiary.fiscalCode, programmeCode, this.key);
    }
    this.ids.add(journeyId);

    const target = r.weighted(STAGE_MIX);
    const [minAge, maxAge] = { awaiting_intake: [1, 120], awaiting_pact: [5, 150], pact_active: [15, 270], closed: [30, 540] }[target];
    const didDate = romeDateOf(this.now - r.int(minAge, maxAge) * DAY);
    const startedAt = Math.min(this.now - HOUR, workingHour(r, toMillis(romeStartOfDay(didDate)) + r.int(0, 2) * DAY));
    const events: JourneyEvent[] = [
      journeyStarted(
        { journeyId, programmeCode, officeId: office.officeId, didDate, beneficiary: person.beneficiary, catalogueVersion: 1, clocks: CLOCKS[programmeCode] },
        iso(startedAt),
      ),
    ];
    const sim = new Simulation(replay(events), events);
    const operator = r.pick(office.operators);

    // The operators' side, planned ahead; the journey's deadlines interleave with it in `run`.
    const plan: Happening[] = [];
    const intakeAt = workingHour(r, startedAt + r.int(2, 25) * DAY);
    const pactAt = workingHour(r, intakeAt + r.int(1, 20) * DAY);
    let closeAt = Infinity;
    if (target !== 'awaiting_intake') plan.push({ at: intakeAt, what: 'intake' });
    if (target === 'pact_active' || (target === 'closed' && r.chance(0.85))) plan.push({ at: pactAt, what: 'pact' });
    if (target === 'closed') closeAt = workingHour(r, (plan.length === 2 ? pactAt : intakeAt) + r.int(10, 180) * DAY);

    const horizon = Math.min(this.now, closeAt);
    plan.sort((a, b) => a.at - b.at);
    const act = (h: Happening): void => {
      const state = sim.state;
      switch (h.what) {
        case 'intake':
          sim.apply({ type: 'RecordIntake', operatorId: operator, ...(r.chance(0.3) ? { notes: 'Colloquio di accoglienza svolto' } : {}) }, h.at);
          return;
        case 'pact': {
          const count = Math.min(50, Math.max(1, Math.round(this.meanActions * (0.5 + r.next()))));
          const dueDates = Array.from({ length: count }, () => romeDateOf(h.at + r.int(14, 150) * DAY)).sort();
          sim.apply(
            {
              type: 'SignPact',
              responsibleOperatorId: operator,
              profilingClass: r.weighted(PROFILING_MIX),
              contactFrequency: r.pick(['P30D', 'P30D', 'P60D']),
              jobSearchProof: 'Elenco mensile delle candidature inviate',
              availability: { workshops: true, training: r.chance(0.9), suitableOffers: true },
              actions: dueDates.map((dueDate) => {
                const kind = r.pick(ACTION_KINDS);
                return { kind, description: ACTION_TEXT[kind], dueDate };
              }),
            },
            h.at,
          );
          // Each action: completed on time (56%), late (14%), or never (30%).
          for (const a of sim.state.actions) {
            if (!r.chance(0.7)) continue;
            const due = toMillis(a.dueAt);
            const at = r.chance(0.8) ? Math.max(h.at + HOUR, due - r.int(0, 10) * DAY - r.int(1, 8) * HOUR) : due + r.int(1, 20) * DAY;
            insert(plan, { at: workingHour(r, at), what: 'complete', actionId: a.actionId });
          }
          insert(plan, { at: this.nextContact(sim.state, h.at), what: 'contact' });
          return;
        }
        case 'complete':
          if (state.actions.find((a) => a.actionId === h.actionId)?.status !== 'completed') {
            sim.apply({ type: 'CompletePactAction', actionId: h.actionId, operatorId: operator }, h.at);
          }
          return;
        case 'contact':
          if (state.stage !== 'pact_active') return;
          sim.apply({ type: 'RecordContact', operatorId: operator, channel: r.weighted(CHANNEL_MIX) }, h.at);
          insert(plan, { at: this.nextContact(sim.state, h.at), what: 'contact' });
          return;
      }
    };

    while (plan.length > 0 && plan[0].at < horizon) {
      const h = plan.shift()!;
      sim.fireDeadlinesUntil(h.at);
      // Never before the last recorded event: operators act on the journey as it is.
      const at = Math.max(h.at, toMillis(sim.state.updatedAt) + 60_000);
      if (at >= horizon) break;
      act({ ...h, at });
    }
    sim.fireDeadlinesUntil(horizon);
    if (closeAt < this.now && sim.state.status === 'open') {
      const reason = r.weighted(CLOSURE_MIX);
      const details = reason === 'placed' ? r.pick(['Contratto a tempo indeterminato', 'Contratto a tempo determinato 12 mesi', 'Apprendistato']) : undefined;
      sim.apply({ type: 'CloseJourney', reason, operatorId: operator, ...(details ? { details } : {}) }, Math.max(closeAt, toMillis(sim.state.updatedAt) + 60_000));
    }
    return { journeyId, officeId: office.officeId, events, state: sim.state };
  }

  /** The next contact: usually a few days before it falls due, sometimes (15%) late, after the journey noticed. */
  private nextContact(state: JourneyState, from: number): number {
    const due = toMillis(addDuration(new Date(from).toISOString(), state.pact?.contactFrequency ?? 'P30D'));
    return workingHour(this.r, this.r.chance(0.85) ? due - this.r.int(1, 7) * DAY : due + this.r.int(2, 20) * DAY);
  }
}

/** One journey's state and history, advanced by commands and by its own deadlines. */
class Simulation {
  constructor(
    public state: JourneyState,
    private readonly events: JourneyEvent[],
  ) {}

  apply(command: JourneyCommand, at: number): void {
    const decision = decide(this.state, command, iso(at));
    if (!decision.ok) throw new Error(`the generator made a refused ${command.type}: ${decision.refusal.code} ${decision.refusal.message}`);
    this.record(decision.events);
  }

  /** Fires the journey's deadlines up to `until`, each at its own instant, as the workflow's timer does. */
  fireDeadlinesUntil(until: number): void {
    for (let guard = 0; guard < 1_000; guard++) {
      const deadline = nextDeadline(this.state);
      if (!deadline || toMillis(deadline.at) > until) return;
      const decision = decide(this.state, TIMER_COMMAND, deadline.at);
      // A deadline that yields nothing would fire forever: the workflow would spin too, so that is a domain bug.
      if (!decision.ok || decision.events.length === 0) throw new Error(`deadline ${deadline.kind} at ${deadline.at} produced no event`);
      this.record(decision.events);
    }
    throw new Error('more than 1,000 deadlines in one journey');
  }

  private record(events: JourneyEvent[]): void {
    this.events.push(...events);
    this.state = applyEvents(this.state, events);
  }
}

function insert(plan: Happening[], h: Happening): void {
  const index = plan.findIndex((p) => p.at > h.at);
  if (index < 0) plan.push(h);
  else plan.splice(index, 0, h);
}

/** The same day at an office hour (08:30–17:30 Rome, roughly), so timestamps look like people made them. */
function workingHour(r: Random, at: number): number {
  const day = toMillis(romeStartOfDay(romeDateOf(at)));
  return day + 8.5 * HOUR + r.int(0, 9 * 60) * 60_000 + r.int(0, 59_999);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
