import { addCalendarDays, GOL_ASSESSMENT_CATALOGUE, GOL_DEFAULT_CATALOGUES } from '@sal/domain';
import { Random } from '../../bench/src/seed/random';
import { codeOf, describe, sleep, type Answer, type DemoApi } from './api';
import { DEMO_OFFICES } from './offices';
import { CONDITIONALITY_STORIES, isConditionalityStory, type PlannedJourney } from './plan';

/**
 * Tells one planned journey's story through the API, as its operator would: the start from the DID, the GOL
 * assessment, the presa in carico, the pact and what follows. Past facts carry their past dates where a command takes
 * one (intake, profiling, deliveries, offers, the job's start); the rest happens now. Appointments are booked a few
 * seconds ahead (the API takes only future ones) and their outcome recorded once their time has come
 * (`recordOutcomes`). A refusal is reported and the story stops there: the domain decides what is allowed.
 */

export interface StoryContext {
  api: DemoApi;
  seed: number;
  /** Bearer tokens by staff id (the journey's operator sends its commands). */
  tokens: ReadonlyMap<string, string>;
  /** How far ahead appointments of the held/missed stories are booked, ms. */
  appointmentLeadMs: number;
  /** How soon after the signing the overdue story's first action falls due, ms. */
  overdueLeadMs: number;
}

export interface PendingOutcome {
  journey: PlannedJourney;
  journeyId: string;
  appointmentId: string;
  at: string;
  outcome: 'held' | 'no_show';
  justify: boolean;
  /** A conditionality story's decision once the journey proposes its step (`leave`: proposed, awaiting the operator). */
  decision?: 'confirm' | 'dismiss' | 'leave';
}

export interface StoryResult {
  outcome: 'started' | 'existing' | 'refused';
  journeyId: string | null;
  /** Commands sent and accepted (the start included). */
  commands: number;
  refusals: string[];
  pending: PendingOutcome | null;
}

const AREAS = ['education_and_training', 'work_experience_and_skills', 'job_search_autonomy', 'availability_and_expectations', 'personal_constraints', 'complex_needs'];
const EMPLOYERS = [
  'Logistica Piemonte S.r.l.', 'Meccanica Subalpina S.p.A.', 'Ristorazione Collettiva Torinese S.r.l.', 'Pulizie Industriali Roma S.r.l.',
  'Agroalimentare Pontino soc. coop.', 'Supermercati Laziali S.p.A.', 'Call center Tiburtina S.r.l.', 'Trasporti Ciociari S.r.l.',
  'Cooperativa sociale Il Ponte', 'Hotel Colosseo S.r.l.', 'Officine Novaresi S.r.l.', 'Vetreria Cuneese S.p.A.',
];
const POSITIONS = ['Magazziniere, carrellista', 'Addetto alle pulizie', 'Cameriere di sala', 'Operatore di call center', 'Operaio metalmeccanico', 'Cassiere', 'Autista patente C', 'Addetto alla logistica', 'Aiuto cuoco', 'Receptionist'];
const CRISIS_EMPLOYERS = ['Elettrodomestici Canavese S.p.A.', 'Cartiera del Liri S.p.A.', 'Tessile Biellese S.r.l.', 'Componenti Auto Cassino S.p.A.'];
const ACTIONS: [kind: string, description: string][] = [
  ['job_search_act', 'Inviare almeno cinque candidature al mese e annotarle nel diario di ricerca'],
  ['workshop', 'Partecipare al laboratorio di scrittura del curriculum presso il CPI'],
  ['training', 'Frequentare il corso di formazione concordato e consegnare l\'attestato'],
  ['interview', 'Colloquio di orientamento di secondo livello con l\'operatore'],
  ['skills_assessment', 'Bilancio delle competenze con il consulente'],
  ['company_scouting', 'Presentarsi a tre aziende della zona segnalate dal servizio incontro domanda-offerta'],
  ['tutoring', 'Incontro di tutoraggio sull\'uso del portale regionale delle offerte'],
];

/** The services a demo books appointments for: the programme's catalogue (the shipped GOL ones), but the reception. */
function bookableServices(programmeCode: string): string[] {
  const catalogue = [...GOL_DEFAULT_CATALOGUES, GOL_ASSESSMENT_CATALOGUE].find((c) => c.code === programmeCode);
  return (catalogue?.services ?? []).map((s) => s.service).filter((s) => s !== 'reception');
}

/** Rome wall-clock `HH:MM` on `date` as an instant with Rome's offset that day (CET or CEST). */
function romeAt(date: string, time: string): string {
  const month = Number(date.slice(5, 7));
  // Summer time from the last Sunday of March to the last Sunday of October: close enough for a demo's office hours.
  const offset = month > 3 && month < 11 ? '+02:00' : '+01:00';
  return `${date}T${time}:00${offset}`;
}

export async function tellStory(ctx: StoryContext, j: PlannedJourney, today: string): Promise<StoryResult> {
  const r = new Random(ctx.seed * 1_000_003 + j.index * 7919 + 17);
  const token = ctx.tokens.get(j.operatorId);
  const result: StoryResult = { outcome: 'started', journeyId: null, commands: 0, refusals: [], pending: null };
  const office = DEMO_OFFICES.find((o) => o.officeId === j.officeId)!;
  const key = (step: string) => `demo-${ctx.seed}-${j.index}-${step}`;

  const started = await ctx.api.call('POST', '/journeys', {
    token,
    body: {
      beneficiary: { fiscalCode: j.person.fiscalCode, givenName: j.person.givenName, familyName: j.person.familyName, email: j.person.email, phone: j.person.phone },
      programmeCode: j.programmeCode,
      officeId: j.officeId,
      didDate: j.didDate,
      ...(j.benefit ? { benefit: { kind: j.benefit.kind, applicationDate: j.benefit.applicationDate, ...(j.benefit.activationPactDate ? { activationPactDate: j.benefit.activationPactDate } : {}) } } : {}),
      ...(j.monitoring ? { monitoring: j.monitoring } : {}),
    },
  });
  if (started.status === 409 && ['JOURNEY_ALREADY_EXISTS', 'PERSON_FOLLOWED_ELSEWHERE'].includes(codeOf(started) ?? '')) {
    return { ...result, outcome: 'existing', journeyId: (started.body as { journeyId?: string })?.journeyId ?? null };
  }
  if (started.status !== 201) return { ...result, outcome: 'refused', refusals: [`start: ${describe(started)}`] };
  const journeyId = (started.body as { journeyId: string }).journeyId;
  result.journeyId = journeyId;
  result.commands++;

  /** Sends one command; answers the journey's new state, or null (recorded) when refused. */
  const send = async (step: string, path: string, body: Record<string, unknown>, expected = [200, 201]): Promise<any | null> => {
    const answer: Answer = await ctx.api.call('POST', `/journeys/${journeyId}/${path}`, { token, body, idempotencyKey: key(step) });
    if (!expected.includes(answer.status)) {
      result.refusals.push(`${step}: ${describe(answer)}`);
      return null;
    }
    result.commands++;
    return answer.body;
  };
  const done = () => result;

  if (j.benefit?.grantedOn && !(await send('grant', 'benefit/grant', { grantedOn: j.benefit.grantedOn, note: 'Accoglimento comunicato da INPS' }))) return done();

  // The GOL assessment: profiling by the national model, the operator's qualitative assessment, then the path.
  if (j.route.kind === 'gol' && j.route.viaAssessment) {
    const score = Math.round((0.1 + r.next() * 0.85) * 100) / 100;
    const profilingClass = score < 0.3 ? 'low' : score < 0.55 ? 'medium' : score < 0.8 ? 'high' : 'very_high';
    const profiledOn = minDate(addCalendarDays(j.didDate, r.int(1, 4)), today);
    if (!(await send('profiling', 'assessment/profiling', { score, profilingClass, profiledOn }))) return done();
    const assessedOn = minDate(addCalendarDays(profiledOn, r.int(0, 5)), today);
    if (j.story === 'assessment') {
      if (r.chance(0.5)) await send('qualitative', 'assessment/qualitative', qualitative(r, j.route.path, assessedOn));
      if (r.chance(0.5)) await send('intake', 'intake', { takenInChargeAt: romeAt(minDate(addCalendarDays(j.didDate, 2), addCalendarDays(today, -1)), '10:00'), notes: 'Colloquio di accoglienza durante l\'assessment' });
      return done();
    }
    if (!(await send('qualitative', 'assessment/qualitative', qualitative(r, j.route.path, assessedOn)))) return done();
    if (j.intakeDate && !(await send('intake', 'intake', { takenInChargeAt: romeAt(j.intakeDate, '10:00'), notes: 'Presa in carico dopo il colloquio di accoglienza' }))) return done();
    const path = j.route.path;
    const choice: Record<string, unknown> = { path, reason: PATH_REASONS[path] };
    if (path === 4) choice.socialServices = { organisation: `Servizi sociali del Comune di ${office.comune}`, reference: `PUA-${today.slice(0, 4)}-${r.int(10, 999)}` };
    if (path === 5) choice.collectiveReallocation = { employer: r.pick(CRISIS_EMPLOYERS), agreementReference: `Accordo di ricollocazione ${today.slice(0, 4)}/${r.int(1, 60)}` };
    if (!(await send('path', 'assessment/path', choice))) return done();
    if (j.story === 'awaiting_intake') return done();
  } else {
    if (j.story === 'awaiting_intake') return done();
    if (!(await send('intake', 'intake', { takenInChargeAt: romeAt(j.intakeDate!, '10:00'), notes: 'Presa in carico dopo il colloquio di accoglienza' }))) return done();
  }

  const gol = j.route.kind === 'gol';
  // The second-level interview, delivered in the weeks after the intake (not for the stories that book it).
  let interviewDone = false;
  if (gol && !['appointment_held', 'appointment_missed', ...CONDITIONALITY_STORIES].includes(j.story) && r.chance(0.6)) {
    interviewDone = await send('interview', 'services/second_level_interview/deliveries', {
      hours: r.pick([1, 1.5, 2]),
      outputs: { developmentAreasSheet: `Scheda aree di sviluppo prot. ${r.int(1000, 9999)}`, cv: `CV Europass v${r.int(1, 3)}` },
      deliveredAt: romeAt(minDate(addCalendarDays(j.intakeDate!, r.int(1, 10)), addCalendarDays(today, -1)), '11:00'),
      completesService: true,
    }) !== null;
  }
  if (j.story === 'awaiting_pact') return done();
  if (j.story === 'transferred') {
    await send('transfer', 'transfer', { toProgrammeCode: j.transferTo, reason: 'Dalla valutazione emerge il bisogno di un percorso diverso' });
    return done();
  }

  // The Patto di servizio: two to four dated actions, accepted at signing unless the story waits for it.
  const now = Date.now();
  const chosen = shuffle(r, ACTIONS).slice(0, r.int(2, 4));
  const actions = chosen.map(([kind, description], i) => ({
    kind,
    description,
    dueDate: j.story === 'overdue_action' && i === 0 ? new Date(now + ctx.overdueLeadMs).toISOString() : addCalendarDays(today, r.int(10, 120)),
  }));
  const pact: Record<string, unknown> = {
    responsibleOperatorId: j.operatorId,
    profilingClass: r.weighted({ low: 2, medium: 4, high: 3, very_high: 1 }),
    contactFrequency: r.pick(['P30D', 'P30D', 'P45D', 'P60D']),
    jobSearchProof: r.pick(['Diario mensile delle candidature inviate', 'Copia delle candidature e delle risposte ricevute', 'Registrazione delle candidature sul portale regionale']),
    availability: { workshops: true, training: r.chance(0.9), suitableOffers: true },
    actions,
  };
  if (j.story !== 'pact_awaiting_acceptance') pact.acceptance = { method: r.weighted({ signed_in_person: 5, graphometric: 3, otp: 2 }) };
  if (gol && (j.route as { path: number }).path <= 3 && r.chance(0.25)) {
    pact.referrals = [{ to: 'training_body', organisation: r.pick(['Ente di formazione CIOFS', 'Agenzia formativa regionale', 'Centro di formazione professionale ENAIP']), reason: 'Corso per la patente del muletto' }];
  }
  if (!(await send('pact', 'pact', pact))) return done();
  if (j.story === 'pact_awaiting_acceptance') return done();

  if (j.route.kind !== 'gol') {
    // ADI and SFL: the presentation to the services, or an exemption from it.
    if (j.story === 'exempt') {
      await send('exemption', 'presentation-exemption', { reason: r.pick(['care_duties', 'aged_60_or_over', 'in_education', 'disabled']), note: 'Esonero verificato dall\'operatore' });
      return done();
    }
    await send('presentation', 'presentations', { presentedAt: romeAt(minDate(addCalendarDays(j.intakeDate!, 1), addCalendarDays(today, -1)), '09:30'), note: 'Incontro con i servizi' });
  }

  switch (j.story) {
    case 'overdue_action':
      return done();
    case 'appointment_held':
    case 'appointment_missed':
    case 'step_proposed':
    case 'step_confirmed':
    case 'step_dismissed': {
      const at = new Date(Date.now() + ctx.appointmentLeadMs).toISOString();
      const booked = await send('appointment', 'appointments', {
        service: 'second_level_interview',
        purpose: 'interview',
        at,
        channel: 'in_person',
        location: `${office.name}, sportello ${r.int(1, 6)}`,
        // A step needs a valid convocation: the conditionality stories convene by PEC.
        convocation: isConditionalityStory(j.story) ? 'pec' : r.weighted({ pec: 6, registered_letter: 2, agreed_signed: 2 }),
      });
      if (!booked) return done();
      const appointmentId = booked.appointments.at(-1).appointmentId as string;
      const decision = j.story === 'step_confirmed' ? 'confirm' : j.story === 'step_dismissed' ? 'dismiss' : j.story === 'step_proposed' ? 'leave' : undefined;
      const justify = r.chance(0.5) && !decision;
      result.pending = { journey: j, journeyId, appointmentId, at, outcome: j.story === 'appointment_held' ? 'held' : 'no_show', justify, ...(decision ? { decision } : {}) };
      return done();
    }
    case 'suspended': {
      const startDate = maxDate(j.didDate, addCalendarDays(today, -r.int(3, 25)));
      await send('suspension', 'suspension', {
        employer: r.pick(EMPLOYERS),
        contractType: 'fixed_term',
        startDate,
        expectedEndDate: addCalendarDays(startDate, r.int(60, 170)),
        hoursPerWeek: r.pick([20, 30, 36, 40]),
      });
      return done();
    }
    case 'absent':
      await send('absence', 'absences', { reason: r.pick(['illness', 'illness', 'training_abroad']), fromDate: addCalendarDays(today, -r.int(0, 6)), toDate: addCalendarDays(today, r.int(10, 45)) });
      return done();
    case 'placed': {
      const employer = r.pick(EMPLOYERS);
      const contractType = r.weighted({ permanent: 3, fixed_term: 5, apprenticeship: 1 });
      const offered = await send('offer', 'offers', {
        employer,
        position: r.pick(POSITIONS),
        proposedAt: romeAt(addCalendarDays(today, -r.int(1, 3)), '10:00'),
        suitability: {
          distanceKm: r.int(2, 45),
          travelMinutes: r.int(10, 70),
          contractType,
          ...(contractType === 'fixed_term' ? { contractMonths: r.pick([3, 6, 12]) } : {}),
          weeklyHours: r.pick([30, 36, 40]),
          monthlyGrossPay: r.int(1300, 2100),
          payMeetsCollectiveAgreement: true,
          ...(j.benefit && ['naspi', 'dis_coll'].includes(j.benefit.kind) ? { benefitMonthlyAmount: r.int(700, 1100) } : {}),
          experienceMatch: r.pick(['pact_activity_area', 'same_sector']),
        },
        communicatedBy: 'pec',
      });
      if (!offered) return done();
      const offerId = offered.offers.at(-1).offerId as string;
      if (!(await send('offer-response', `offers/${offerId}/response`, { response: 'accepted' }))) return done();
      await send('placement', 'placement', { employer, contractType, startDate: today, hoursPerWeek: r.pick([30, 36, 40]), offerId });
      return done();
    }
    case 'closed':
      await send('close', 'close', r.weighted({ withdrawn: 3, unreachable: 2, other: 1 }) === 'withdrawn'
        ? { reason: 'withdrawn', details: 'Trasferimento all\'estero' }
        : { reason: 'unreachable', details: 'Irreperibile ai recapiti indicati' });
      return done();
    default:
      break;
  }

  // pact_active and the rest: some progress, a contact, the next appointment in the agenda.
  if (r.chance(0.6)) await send('complete-A1', 'pact/actions/A1/complete', { note: 'Attività svolta, documentazione agli atti' });
  if (r.chance(0.6)) await send('contact', 'contacts', { channel: r.weighted({ phone: 4, in_person: 3, email: 2, video: 1 }), note: 'Aggiornamento sulla ricerca attiva' });
  // A booking is for a service of the journey's own programme (GOL-2 has no skills assessment), not yet completed.
  const bookable = bookableServices(j.programmeCode).filter((s) => !(interviewDone && s === 'second_level_interview'));
  if (gol && bookable.length > 0 && r.chance(0.4)) {
    const day = nextWeekday(addCalendarDays(today, r.int(3, 30)));
    await send('agenda', 'appointments', {
      service: r.pick(bookable),
      purpose: r.pick(['interview', 'workshop']),
      at: romeAt(day, r.pick(['09:00', '09:30', '10:30', '11:00', '14:30'])),
      channel: r.weighted({ in_person: 3, video: 1 }),
      location: `${office.name}, sala ${r.int(1, 4)}`,
      convocation: r.weighted({ pec: 5, agreed_signed: 3, email: 2 }),
    });
  }
  return done();
}

/** Records the outcome of a booked appointment once its time has come, and the excuse of half the no-shows. */
export async function recordOutcome(ctx: StoryContext, p: PendingOutcome, deadlineMs = 120_000): Promise<{ ok: boolean; refusals: string[]; commands: number }> {
  const token = ctx.tokens.get(p.journey.operatorId);
  const key = (step: string) => `demo-${ctx.seed}-${p.journey.index}-${step}`;
  const wait = Date.parse(p.at) - Date.now();
  if (wait > 0) await sleep(wait + 500);
  const until = Date.now() + deadlineMs;
  let answer: Answer;
  for (;;) {
    answer = await ctx.api.call('POST', `/journeys/${p.journeyId}/appointments/${p.appointmentId}/outcome`, { token, body: { outcome: p.outcome }, idempotencyKey: key('outcome') });
    if (codeOf(answer) !== 'APPOINTMENT_NOT_YET_HELD' || Date.now() > until) break;
    await sleep(1000);
  }
  if (answer.status !== 200) return { ok: false, refusals: [`outcome: ${describe(answer)}`], commands: 0 };
  let commands = 1;
  const refusals: string[] = [];
  if (p.outcome === 'held') {
    const delivered = await ctx.api.call('POST', `/journeys/${p.journeyId}/services/second_level_interview/deliveries`, {
      token,
      idempotencyKey: key('interview-held'),
      body: { hours: 1.5, outputs: { developmentAreasSheet: 'Scheda aree di sviluppo compilata al colloquio', cv: 'CV Europass aggiornato' }, completesService: true },
    });
    if (delivered.status === 200) commands++;
    else refusals.push(`interview-held: ${describe(delivered)}`);
  } else if (p.justify) {
    const lapseId = (answer.body as { lapses?: { lapseId: string }[] }).lapses?.at(-1)?.lapseId;
    if (lapseId) {
      const justified = await ctx.api.call('POST', `/journeys/${p.journeyId}/lapses/${lapseId}/justification`, {
        token,
        idempotencyKey: key('justification'),
        body: { reason: 'illness_or_injury', evidenceRef: `PROT-${new Date().getUTCFullYear()}-${String(p.journey.index).padStart(4, '0')}` },
      });
      if (justified.status === 200) commands++;
      else refusals.push(`justification: ${describe(justified)}`);
    }
  }
  return { ok: true, refusals, commands };
}

const PATH_REASONS: Record<number, string> = {
  1: 'Vicino al mercato del lavoro: reinserimento con la ricerca attiva',
  2: 'Competenze da aggiornare con una formazione breve',
  3: 'Competenze lontane da quelle richieste: serve una riqualificazione',
  4: 'Bisogni complessi: percorso con la rete dei servizi sociali',
  5: "Lavoratore di un'azienda in crisi: ricollocazione collettiva",
};

function qualitative(r: Random, path: number, assessedOn: string): Record<string, unknown> {
  const areas = shuffle(r, AREAS).slice(0, r.int(3, AREAS.length));
  const level = () => (path >= 3 ? r.weighted({ adequate: 1, to_strengthen: 2, critical: 2 }) : r.weighted({ adequate: 3, to_strengthen: 2, critical: 1 }));
  return { findings: areas.map((area) => ({ area, level: level() })), summary: PATH_REASONS[path], assessedOn };
}

function shuffle<T>(r: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = r.int(0, i);
    [copy[i], copy[k]] = [copy[k], copy[i]];
  }
  return copy;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The day itself, or the Monday after a Saturday or Sunday. */
function nextWeekday(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 6 ? addCalendarDays(date, 2) : day === 0 ? addCalendarDays(date, 1) : date;
}

/**
 * A conditionality story's step: once the justification window of the missed interview closes without an excuse, the
 * journey proposes a step (the domain decides: a NASpI recipient, a valid convocation); the CPI operator then confirms
 * it, dismisses it, or leaves it for later. Answers the step's status at the end, or null (refusal recorded).
 */
export async function decideStep(ctx: StoryContext, p: PendingOutcome, deadlineMs = 180_000): Promise<{ status: 'proposed' | 'confirmed' | 'dismissed' | null; refusals: string[]; commands: number }> {
  const token = ctx.tokens.get(p.journey.operatorId);
  const key = (step: string) => `demo-${ctx.seed}-${p.journey.index}-${step}`;
  const until = Date.now() + deadlineMs;
  let stepId: string | undefined;
  for (;;) {
    const view = await ctx.api.call('GET', `/journeys/${p.journeyId}`, { token });
    if (view.status !== 200) return { status: null, refusals: [`step: GET /journeys/${p.journeyId}: ${describe(view)}`], commands: 0 };
    const steps = (view.body as { conditionalitySteps?: { stepId: string; status: string }[] }).conditionalitySteps ?? [];
    stepId = steps.find((s) => s.status === 'proposed')?.stepId;
    if (stepId || Date.now() > until) break;
    await sleep(1000);
  }
  if (!stepId) return { status: null, refusals: [`step: none proposed within ${deadlineMs / 1000} s of the missed interview`], commands: 0 };
  if (p.decision === 'leave' || !p.decision) return { status: 'proposed', refusals: [], commands: 0 };
  const confirm = p.decision === 'confirm';
  const answer = await ctx.api.call('POST', `/journeys/${p.journeyId}/conditionality-steps/${stepId}/${confirm ? 'confirm' : 'dismiss'}`, {
    token,
    idempotencyKey: key(`step-${p.decision}`),
    body: confirm
      ? { note: 'Assenza al colloquio convocato via PEC senza giustificazione nei termini' }
      : { reason: 'La persona ha dimostrato di non aver ricevuto la PEC (casella piena): convocazione da ripetere' },
  });
  if (answer.status !== 200 && answer.status !== 201) return { status: null, refusals: [`step-${p.decision}: ${describe(answer)}`], commands: 0 };
  return { status: confirm ? 'confirmed' : 'dismissed', refusals: [], commands: 1 };
}
