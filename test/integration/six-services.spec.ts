import type { WorkflowHandle } from '@temporalio/client';
import {
  getJourneyStateQuery,
  JOURNEY_WORKFLOW_TYPE,
  journeyCommandUpdate,
  recordIntakeUpdate,
  signPactUpdate,
  type JourneyWorkflowInput,
} from '@sal/contracts';
import {
  GOL_DEFAULT_CATALOGUES,
  toMillis,
  type BenefitClaim,
  type GenericJourneyCommand,
  type JourneyClocks,
  type JourneyView,
  type ServiceCode,
  type ServiceOutput,
  type ServiceStep,
} from '@sal/domain';
import { JourneyRecord } from '@sal/persistence';
import { journeyIdFor } from '@sal/temporal';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { recordHistory } from '../support/histories';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { NoticeLog } from '../support/notices';
import { connectTestClient, startTestWorker, type RunningWorker, type TestTemporal } from '../support/temporal';
import { eventually } from '../support/wait';

/** A test catalogue whose clocks are seconds: the appointment reminder, the justification and excuse windows. */
const SECONDS: JourneyClocks = {
  reminderBeforeDue: null,
  escalationAfter: null,
  pactDeadline: null,
  stallAfter: null,
  appointmentReminderBefore: null,
  justificationWindow: 'PT3S',
  offerExcuseWindow: 'PT3S',
  appealWindow: 'P30D',
  defaultContactFrequency: 'P30D',
};
const NASPI: BenefitClaim = { kind: 'naspi', applicationDate: '2026-11-02' };
const OP = 'op-verdi';

const OUTPUTS: Record<Exclude<ServiceCode, 'reception'>, ServiceOutput> = {
  second_level_interview: { developmentAreasSheet: 'scheda prot. 2026/55', cv: 'cv-2026-11.pdf' },
  path_definition: { trainingNeeds: ['logistica di magazzino'], trainingBodies: ['Ente Formativo Torino'], trainingModules: ['Carrellista'], targetSectors: ['logistica'] },
  skills_assessment: { skillsSheet: 'bilancio prot. 2026/77', actionPlan: 'piano prot. 2026/78' },
  tutoring: { topics: ['cv_update', 'cover_letter', 'interview_preparation'] },
  job_search: { offersFound: 6, offersEvaluated: 4, applicationsSent: 3, companiesContacted: 2, companiesVisited: 1 },
};

let db: ThrowawayDatabase;
let t: TestTemporal;
let worker: RunningWorker;
const notices = new NoticeLog();

beforeAll(async () => {
  db = await createThrowawayDatabase();
  t = await connectTestClient();
  worker = await startTestWorker(t.taskQueue, db.dataSource, notices);
});

afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await db?.drop();
});

interface Start {
  programmeCode?: string;
  services?: ServiceStep[] | null;
  clocks?: JourneyClocks;
  benefit?: BenefitClaim | null;
}

async function startJourney(o: Start = {}): Promise<WorkflowHandle> {
  const fiscalCode = randomFiscalCode();
  const programmeCode = o.programmeCode ?? 'TEST-SVC';
  const journeyId = journeyIdFor(fiscalCode, programmeCode);
  const input: JourneyWorkflowInput = {
    kind: 'start',
    start: {
      journeyId,
      programmeCode,
      officeId: 'CPI-TEST',
      didDate: '2026-11-02',
      beneficiary: { fiscalCode, givenName: 'Lucia', familyName: 'Prova', email: 'lucia@example.org' },
      catalogueVersion: 2,
      clocks: o.clocks ?? SECONDS,
      services: o.services === undefined ? null : o.services,
      workingDayClocks: [],
      benefit: o.benefit === undefined ? NASPI : o.benefit,
    },
  };
  return t.client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyId, taskQueue: t.taskQueue, args: [input] });
}

const send = (h: WorkflowHandle, command: GenericJourneyCommand): Promise<JourneyView> => h.executeUpdate(journeyCommandUpdate, { args: [command] });

async function takeInChargeAndSign(h: WorkflowHandle, actionDue = inSeconds(3600)): Promise<void> {
  await h.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: OP }] });
  await sign(h, actionDue);
}

function sign(h: WorkflowHandle, actionDue = inSeconds(3600)): Promise<JourneyView> {
  return h.executeUpdate(signPactUpdate, {
    args: [
      {
        responsibleOperatorId: OP,
        profilingClass: 'high',
        jobSearchProof: 'Elenco mensile delle candidature inviate',
        acceptance: { method: 'signed_in_person' },
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ kind: 'job_search_act', description: 'Inviare tre candidature', dueDate: actionDue }],
      },
    ],
  });
}

function until(h: WorkflowHandle, what: string, test: (v: JourneyView) => boolean): Promise<JourneyView> {
  return eventually(async () => {
    const v = await h.query(getJourneyStateQuery);
    return test(v) ? v : undefined;
  }, what);
}

/** Books an interview a few seconds ahead, waits for its time, and records the person did not come. */
async function noShow(h: WorkflowHandle, convocation: 'pec' | 'email' = 'pec'): Promise<JourneyView> {
  const at = inSeconds(2);
  const booked = await send(h, { type: 'ScheduleAppointment', service: 'tutoring', purpose: 'interview', at, channel: 'video', convocation, operatorId: OP });
  const appointmentId = booked.appointments.at(-1)!.appointmentId;
  await eventually(() => Date.now() > toMillis(at) + 250, 'the appointment time');
  return send(h, { type: 'RecordAppointmentOutcome', appointmentId, outcome: 'no_show', operatorId: OP });
}

describe('each GOL path from the DID to placement', () => {
  it.each(GOL_DEFAULT_CATALOGUES.map((c) => [c.code, c.services!] as const))('%s', async (code, services) => {
    const h = await startJourney({ programmeCode: code, services });
    await h.executeUpdate(recordIntakeUpdate, { args: [{ operatorId: OP }] });
    let signed = false;
    for (const { service } of services) {
      if (service === 'reception') continue; // completed by the presa in carico
      if (!signed && (service === 'tutoring' || service === 'job_search')) {
        await sign(h);
        signed = true;
      }
      const view = await send(h, { type: 'RecordServiceDelivery', service, operatorId: OP, hours: 2.5, outputs: OUTPUTS[service], completesService: true });
      expect(view.serviceProgress.find((p) => p.service === service)).toMatchObject({ status: 'completed', hours: 2.5, outputs: OUTPUTS[service] });
    }
    if (!signed) await sign(h);
    if (code === 'GOL-4') {
      await send(h, { type: 'MakeReferral', to: 'social_services', organisation: 'Servizi sociali Comune di Torino', reason: 'sostegno abitativo', operatorId: OP });
      await send(h, { type: 'RecordReferralOutcome', referralId: 'R1', outcome: 'taken_up', operatorId: OP });
    }
    if (code === 'GOL-2' || code === 'GOL-3') {
      await send(h, { type: 'MakeReferral', to: 'training_body', organisation: 'Ente Formativo Torino', reason: 'corso carrellista', operatorId: OP });
    }
    const beforePlacement = await send(h, { type: 'RecordJobOffer', employer: 'Logistica Srl', position: 'magazziniere', suitable: true, communicatedBy: 'pec', operatorId: OP });
    expect(beforePlacement.pendingServices).toEqual([]);
    await send(h, { type: 'RecordOfferResponse', offerId: 'O1', response: 'accepted', operatorId: OP });
    const placed = await send(h, { type: 'RecordPlacement', employer: 'Logistica Srl', contractType: 'fixed_term', startDate: '2026-12-01', hoursPerWeek: 38, offerId: 'O1', operatorId: OP });

    expect(placed.status).toBe('closed');
    expect(placed.closure).toMatchObject({ reason: 'placed' });
    expect(placed.placement).toMatchObject({ employer: 'Logistica Srl', contractType: 'fixed_term', startDate: '2026-12-01', offerId: 'O1' });
    expect(placed.totalServiceHours).toBe(2.5 * (services.length - 1));
    expect(placed.serviceProgress.filter((p) => services.some((s) => s.service === p.service)).every((p) => p.status === 'completed')).toBe(true);
    const result = await h.result();
    expect(result.closure?.reason).toBe('placed');
    const row = await eventually(
      () => db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId: h.workflowId }).then((r) => (r?.status === 'closed' ? r : undefined)),
      'the closed journey in the read model',
    );
    expect(row.closureReason).toBe('placed');
    if (code === 'GOL-4') await recordHistory('gol4-full-path-with-referral', h);
  });
});

describe('no-shows, justification and conditionality on a real timer', () => {
  it('a justified no-show produces no step', async () => {
    // The window runs from the appointment's time: long enough here to record the no-show and justify it on a busy machine.
    const h = await startJourney({ clocks: { ...SECONDS, justificationWindow: 'PT20S' } });
    await takeInChargeAndSign(h);
    const missed = await noShow(h);
    const lapse = missed.lapses[0];
    expect(lapse).toMatchObject({ lapseId: 'L1', status: 'awaiting_justification', convocationValid: true });
    const justified = await send(h, { type: 'JustifyLapse', lapseId: 'L1', reason: 'illness_or_injury', evidenceRef: 'cert. 991', operatorId: OP });
    expect(justified.lapses[0].status).toBe('justified');
    expect(justified.nextDeadline?.kind).not.toBe('justification_due');
    // Past the window, still nothing proposed.
    await eventually(() => Date.now() > toMillis(lapse.justificationDueAt!) + 1000, 'the end of the window');
    const later = await send(h, { type: 'RecordServiceDelivery', service: 'tutoring', operatorId: OP, hours: 1 });
    expect(later.conditionalitySteps).toEqual([]);
    await eventually(() => notices.of(h.workflowId).length >= 2 || undefined, 'the appointment notices');
    expect(notices.kinds(h.workflowId)).toEqual(['appointment_scheduled/beneficiary', 'appointment_missed/beneficiary']);
  });

  it('unjustified no-shows propose steps the operator confirms, up to decadenza, which ends the journey once its appeal window has run out', async () => {
    // Rules edition 2 (art. 21 c.12 D.lgs. 150/2015): the appeal window runs from the notification; seconds here.
    const h = await startJourney({ clocks: { ...SECONDS, appealWindow: 'PT5S' } });
    await takeInChargeAndSign(h);
    const effects: string[] = [];
    let last: JourneyView['conditionalitySteps'][number] | undefined;
    for (const n of [1, 2, 3]) {
      await noShow(h);
      const proposed = await until(h, `step S${n} proposed`, (v) => v.conditionalitySteps.length === n);
      expect(proposed.conditionalitySteps[n - 1]).toMatchObject({ stepId: `S${n}`, lapseId: `L${n}`, ladder: 'appointments', ordinal: n, status: 'proposed' });
      expect(proposed.lapses[n - 1].status).toBe('unjustified');
      const confirmed = await send(h, { type: 'ConfirmConditionalityStep', stepId: `S${n}`, operatorId: OP, note: 'nessuna giustificazione pervenuta' });
      const step = confirmed.conditionalitySteps[n - 1];
      expect(step.appealDueAt).toBeNull();
      effects.push(step.effect);
      last = step;
    }
    expect(effects).toEqual(['quarter_month_cut', 'one_month_cut', 'decadenza']);
    // Closed by decadenza, the journey waits for the notification and then for its appeal window to run out.
    const notified = await send(h, { type: 'RecordStepNotification', stepId: 'S3', method: 'pec_delivery_receipt', reference: 'PEC-991', notifiedAt: last!.decidedAt!, operatorId: OP });
    expect(notified.conditionalitySteps[2].appealDueAt).toBe(new Date(Date.parse(last!.decidedAt!) + 5000).toISOString());
    const result = await h.result();
    expect(result.status).toBe('closed');
    expect(result.closure).toMatchObject({ reason: 'decadenza', details: 'conditionality step S3 (appointments, 3)' });
    await eventually(() => notices.of(h.workflowId).filter((x) => x.kind === 'conditionality_step_confirmed').length === 3 || undefined, 'three sanction notices');
    const kinds = notices.kinds(h.workflowId);
    expect(kinds.filter((k) => k === 'conditionality_step_proposed/operator')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'conditionality_step_confirmed/beneficiary')).toHaveLength(3);
    expect(new Set(notices.of(h.workflowId).map((x) => x.key)).size).toBe(notices.of(h.workflowId).length);
    const row = await eventually(
      () => db.dataSource.getRepository(JourneyRecord).findOneBy({ journeyId: h.workflowId }).then((r) => (r?.status === 'closed' ? r : undefined)),
      'the closed journey in the read model',
    );
    expect(row.closureReason).toBe('decadenza');
    await recordHistory('no-shows-to-decadenza', h);
  });

  it('a no-show after an invalid convocation never produces a step', async () => {
    const h = await startJourney();
    await takeInChargeAndSign(h);
    const missed = await noShow(h, 'email');
    expect(missed.lapses[0].convocationValid).toBe(false);
    const closedWindow = await until(h, 'the window to close', (v) => v.lapses[0].status === 'unjustified');
    expect(closedWindow.conditionalitySteps).toEqual([]);
    expect(notices.kinds(h.workflowId)).not.toContain('conditionality_step_proposed/operator');
  });

  it('a person without a benefit gets no step either', async () => {
    const h = await startJourney({ benefit: null });
    await takeInChargeAndSign(h);
    await noShow(h);
    const closedWindow = await until(h, 'the window to close', (v) => v.lapses[0].status === 'unjustified');
    expect(closedWindow.conditionalitySteps).toEqual([]);
  });

  it('refusing a suitable offer without excuse proposes decadenza', async () => {
    const h = await startJourney();
    await takeInChargeAndSign(h);
    await send(h, { type: 'RecordJobOffer', employer: 'Magazzini Srl', position: 'addetto', suitable: true, communicatedBy: 'registered_letter', operatorId: OP });
    await send(h, { type: 'RecordOfferResponse', offerId: 'O1', response: 'refused', operatorId: OP });
    const proposed = await until(h, 'a step on the suitable-offer ladder', (v) => v.conditionalitySteps.length === 1);
    expect(proposed.conditionalitySteps[0]).toMatchObject({ ladder: 'suitable_offer', effect: 'decadenza', status: 'proposed' });
    const dismissed = await send(h, { type: 'DismissConditionalityStep', stepId: 'S1', operatorId: OP, reason: "l'offerta non era congrua per distanza" });
    expect(dismissed.status).toBe('open');
  });
});

describe('appointments and pact amendments on a real timer', () => {
  it('reminds the person before the appointment', async () => {
    const h = await startJourney({ clocks: { ...SECONDS, appointmentReminderBefore: 'PT25S' } });
    await takeInChargeAndSign(h);
    await send(h, { type: 'ScheduleAppointment', service: 'job_search', purpose: 'workshop', at: inSeconds(30), channel: 'in_person', location: 'CPI Torino', convocation: 'agreed_signed', operatorId: OP });
    const reminded = await until(h, 'the reminder', (v) => v.appointments[0].reminderSentAt !== null);
    expect(reminded.appointments[0].status).toBe('scheduled');
    await eventually(() => notices.kinds(h.workflowId).includes('appointment_reminder/beneficiary') || undefined, 'the reminder notice');
    await send(h, { type: 'CancelAppointment', appointmentId: 'AP1', operatorId: OP, reason: 'ufficio chiuso' });
    await eventually(() => notices.kinds(h.workflowId).includes('appointment_cancelled/beneficiary') || undefined, 'the cancellation notice');
  });

  it('an amendment moves the deadlines: a postponed action does not fall due, a brought-forward one does', async () => {
    const h = await startJourney();
    // Far enough ahead to sign and amend before it on a busy machine.
    const firstDue = inSeconds(15);
    await takeInChargeAndSign(h, firstDue);
    const postponed = await send(h, { type: 'AmendPact', operatorId: OP, reason: 'corso rinviato', acceptance: { method: 'otp' }, changeActions: [{ actionId: 'A1', dueDate: inSeconds(3600) }] });
    expect(postponed.pact?.version).toBe(2);
    expect(postponed.pactVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(postponed.pactVersions[0].actions[0].dueAt).toBe(new Date(firstDue).toISOString());
    await eventually(() => Date.now() > toMillis(firstDue) + 1500, 'the first due date to pass');
    const still = await h.query(getJourneyStateQuery);
    expect(still.actions[0].status).toBe('pending');
    const soon = inSeconds(2);
    await send(h, { type: 'AmendPact', operatorId: OP, reason: 'anticipato', acceptance: { method: 'otp' }, changeActions: [{ actionId: 'A1', dueDate: soon }] });
    const overdue = await until(h, 'the brought-forward action to fall due', (v) => v.actions[0].status === 'overdue');
    expect(overdue.actions[0].dueAt).toBe(new Date(soon).toISOString());
    expect(overdue.pactVersions).toHaveLength(3);
    await recordHistory('pact-amendments-move-deadlines', h);
  });
});
