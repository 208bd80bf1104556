import type { JourneyCommand } from '../journey/commands';
import { decide } from '../journey/decide';
import { applyEvents, journeyStarted, replay } from '../journey/evolve';
import { accept, DID, intake, LEGAL_CLOCKS, OP, refuse, run, schedule, signPact, STARTED, tick, TURIN_CPI } from '../journey/journey.test-fixture';
import type { BenefitClaim, JourneyState } from '../journey/model';
import { noticesFor } from '../journey/notices';
import { CURRENT_RULES_EDITION } from '../journey/rules-edition';
import { toView } from '../journey/view';
import { BENEFIT_DEFAULT_CATALOGUES, GOL_DEFAULT_CATALOGUES, validateCatalogue } from '../programme/catalogue';
import type { PresentationObligation } from './model';
import { ADI_PRESENTATION, SFL_PRESENTATION } from './rule';

/**
 * Issue 15, ADI and SFL: the periodic presentation and the SFL's months, as catalogue data. The fixture: DID and
 * digital activation pact on Monday 2 March 2026, the journey started at 08:00Z under the ADI (or SFL) catalogue.
 */

const ADI: BenefitClaim = { kind: 'adi', applicationDate: '2026-02-20', activationPactDate: DID };
const SFL: BenefitClaim = { kind: 'sfl', applicationDate: '2026-02-20', activationPactDate: DID };

/** The legal clocks without the first contact's (tests look at the presentation's), unless `withFirstContact`. */
const CLOCKS = { ...LEGAL_CLOCKS, firstContactAfterDid: null, firstContactAfterBenefitClaim: null };

function start(benefit: BenefitClaim = ADI, presentation: PresentationObligation | null = benefit.kind === 'sfl' ? SFL_PRESENTATION : ADI_PRESENTATION, withFirstContact = false): JourneyState {
  return replay([
    journeyStarted(
      {
        journeyId: 'jrn_adi',
        programmeCode: benefit.kind.toUpperCase(),
        officeId: 'CPI-TO-01',
        didDate: DID,
        beneficiary: { fiscalCode: 'RSSMRA80A01H501U', givenName: 'Mario', familyName: 'Rossi' },
        catalogueVersion: 1,
        clocks: withFirstContact ? LEGAL_CLOCKS : CLOCKS,
        services: null,
        workingDayClocks: ['offerExcuseWindow'],
        benefit,
        rules: CURRENT_RULES_EDITION,
        office: TURIN_CPI,
        presentation,
      },
      STARTED,
    ),
  ]);
}

const present = (presentedAt?: string): JourneyCommand => ({ type: 'RecordPresentation', operatorId: OP, ...(presentedAt ? { presentedAt } : {}) });
const exempt = (reason = 'aged_60_or_over'): JourneyCommand => ({ type: 'RecordPresentationExemption', reason, operatorId: OP }) as JourneyCommand;
const events = (s: JourneyState, at: string) => accept(s, { type: 'ProcessDeadlines' }, at);

/** End of a day in Rome (summer time from 29 March 2026 to 25 October 2026). */
const FIRST_DUE = '2026-06-30T21:59:59.999Z'; // 120 days from 2 March

describe('ADI: the first meeting within 120 days of the activation pact, then every 90 days', () => {
  it('the first is due at the end of the 120th day after the pact; ADI is no art. 21 benefit (the DID\'s 30 days, not 15)', () => {
    const s = start(ADI, ADI_PRESENTATION, true);
    expect(toView(s)).toMatchObject({ nextPresentationDueAt: FIRST_DUE, participationEndsAt: null, benefitRunning: true, firstContactDueAt: '2026-04-01T21:59:59.999Z' });
    expect(s.presentation).toMatchObject({ rule: ADI_PRESENTATION, lastPresentedAt: null, missedDueAt: null, exemption: null });
  });

  it('the pact\'s day is the application\'s when not given', () => {
    const s = start({ kind: 'adi', applicationDate: DID });
    expect(toView(s).nextPresentationDueAt).toBe(FIRST_DUE);
  });

  it('a meeting held restarts the clock: the next is due 90 days after it', () => {
    const s = run(start(), present('2026-05-10T09:00:00.000Z'), '2026-05-10T10:00:00.000Z');
    expect(s.presentation!.lastPresentedAt).toBe('2026-05-10T09:00:00.000Z');
    expect(toView(s).nextPresentationDueAt).toBe('2026-08-08T21:59:59.999Z');
    const again = run(s, present(), '2026-08-01T08:00:00.000Z');
    expect(toView(again).nextPresentationDueAt).toBe('2026-10-30T22:59:59.999Z');
    expect(events(again, '2026-08-09T00:00:00.000Z')).toEqual([]);
  });

  it('a presentation is not in the future, not before the last one, needs an operator', () => {
    const s = run(start(), present('2026-05-10T09:00:00.000Z'), '2026-05-10T10:00:00.000Z');
    expect(refuse(s, present('2026-05-11T09:00:00.000Z'), '2026-05-10T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'presentedAt', message: 'cannot be in the future' });
    expect(refuse(s, present('2026-05-09T09:00:00.000Z'), '2026-05-10T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'presentedAt' });
    expect(refuse(s, { type: 'RecordPresentation', operatorId: '' } as JourneyCommand, '2026-05-10T10:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'operatorId' });
  });

  it('a journey without the obligation (a GOL path, NASpI) refuses a presentation', () => {
    expect(refuse(start({ kind: 'naspi', applicationDate: DID }, null), present(), '2026-03-05T10:00:00.000Z').code).toBe('PRESENTATION_NOT_REQUIRED');
    // The ADI catalogue, a NASpI claim: the obligation binds the ADI only.
    expect(refuse(start({ kind: 'naspi', applicationDate: DID }, ADI_PRESENTATION), present(), '2026-03-05T10:00:00.000Z').code).toBe('PRESENTATION_NOT_REQUIRED');
    expect(toView(start({ kind: 'naspi', applicationDate: DID }, ADI_PRESENTATION)).nextPresentationDueAt).toBeNull();
  });
});

describe('ADI: a missed meeting suspends the benefit until the person presents', () => {
  const missed = () => tick(start(), '2026-07-01T00:00:00.000Z');

  it('the day after the 120 days the benefit is suspended (missed_presentation) and the operator told', () => {
    const s = start();
    const produced = events(s, '2026-07-01T00:00:00.000Z');
    expect(produced).toEqual([expect.objectContaining({ type: 'PresentationMissed', data: { dueAt: FIRST_DUE, suspendsBenefit: true } })]);
    const after = applyEvents(s, produced);
    expect(after.benefit).toMatchObject({ status: 'suspended', suspendedOn: '2026-06-30' });
    expect(after.benefit!.history.at(-1)).toMatchObject({ status: 'suspended', reason: 'missed_presentation', operatorId: null, from: FIRST_DUE });
    expect(noticesFor(produced, after)).toEqual([
      expect.objectContaining({ kind: 'benefit_suspended', audience: 'operator', subject: { benefitKind: 'adi', benefitDate: '2026-06-30', benefitReason: 'missed_presentation' } }),
    ]);
    // The view keeps the due instant missed; no clock runs on until the person presents.
    expect(toView(after).nextPresentationDueAt).toBe(FIRST_DUE);
    expect(events(after, '2026-12-31T00:00:00.000Z')).toEqual([]);
  });

  it('not before the last day is over', () => {
    expect(events(start(), '2026-06-30T21:59:59.998Z')).toEqual([]);
  });

  it('the presentation after it resumes the benefit (as it was) and restarts the 90 days', () => {
    const s = run(missed(), present('2026-07-10T09:00:00.000Z'), '2026-07-10T10:00:00.000Z');
    expect(s.benefit!.status).toBe('claimed');
    expect(s.benefit!.history.map((h) => h.status)).toEqual(['claimed', 'suspended', 'claimed']);
    expect(s.presentation!.missedDueAt).toBeNull();
    expect(toView(s).nextPresentationDueAt).toBe('2026-10-08T21:59:59.999Z');
  });

  it('every 90 days: a granted ADI missing its 90-day meeting is suspended and resumes as granted', () => {
    const granted = run(start(), { type: 'RecordBenefitGranted', grantedOn: '2026-03-02', operatorId: OP }, '2026-03-03T09:00:00.000Z');
    const met = run(granted, present('2026-05-10T09:00:00.000Z'), '2026-05-10T10:00:00.000Z');
    const s = tick(met, '2026-08-09T00:00:00.000Z');
    expect(s.benefit).toMatchObject({ status: 'suspended', suspendedOn: '2026-08-08' });
    expect(run(s, present(), '2026-08-12T09:00:00.000Z').benefit!.status).toBe('granted');
  });

  it('a benefit already suspended by INPS for another reason stays so: the miss is kept, a presentation does not resume it', () => {
    const other = run(start(), { type: 'SuspendBenefit', suspendedOn: '2026-06-01', reason: 'other', operatorId: OP }, '2026-06-01T09:00:00.000Z');
    const produced = events(other, '2026-07-01T00:00:00.000Z');
    expect(produced).toEqual([expect.objectContaining({ type: 'PresentationMissed', data: { dueAt: FIRST_DUE, suspendsBenefit: false } })]);
    const after = run(applyEvents(other, produced), present(), '2026-07-02T09:00:00.000Z');
    expect(after.benefit).toMatchObject({ status: 'suspended', suspendedOn: '2026-06-01' });
  });

  it('a justified absence pauses the clock: no miss while it runs, the due moves on by its length', () => {
    const away = run(start(), { type: 'RecordAbsence', reason: 'illness', fromDate: '2026-06-20', toDate: '2026-07-09', operatorId: OP }, '2026-06-20T09:00:00.000Z');
    expect(events(away, '2026-07-01T00:00:00.000Z')).toEqual([]);
    expect(toView(away).nextPresentationDueAt).toBeNull(); // held while the absence runs
    const back = run(away, { type: 'EndAbsence', pauseId: 'P1', endDate: '2026-07-09', operatorId: OP } as JourneyCommand, '2026-07-10T09:00:00.000Z');
    // 20 days of absence (20 June – 9 July): due 20 days later than the 120 days.
    expect(toView(back).nextPresentationDueAt).toBe('2026-07-20T21:59:59.999Z');
    expect(events(back, '2026-07-20T21:59:59.998Z')).toEqual([]);
  });
});

describe('ADI: a convocation missed without an excuse ends the benefit (decadenza, art. 8 c.6 lett. a); with one it does not', () => {
  /** Taken in charge, convened by PEC for 10 March, no-show; the justification window closes at the end of the 11th. */
  function noShow(s: JourneyState = start()): JourneyState {
    const active = run(run(s, intake(), '2026-03-03T09:00:00.000Z'), signPact(), '2026-03-04T09:00:00.000Z');
    const booked = run(active, schedule('2026-03-10T09:00:00.000Z', 'pec'), '2026-03-05T09:00:00.000Z');
    return run(booked, { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: OP } as JourneyCommand, '2026-03-10T11:00:00.000Z');
  }

  it('unjustified: the benefit ends (decadenza), no art. 21 step is proposed', () => {
    const s = noShow();
    const produced = events(s, '2026-03-12T00:00:00.000Z');
    expect(produced.map((e) => e.type)).toEqual(['LapseUnjustified', 'BenefitForfeited']);
    expect(produced[0]).toMatchObject({ data: { noStepBecause: 'not_benefit_recipient' } });
    const after = applyEvents(s, produced);
    expect(after.benefit).toMatchObject({ status: 'ended', endReason: 'decadenza', endedOn: '2026-03-12' });
    expect(after.conditionalitySteps).toEqual([]);
    expect(toView(after).nextPresentationDueAt).toBeNull();
    expect(noticesFor(produced, after)).toEqual([expect.objectContaining({ kind: 'benefit_ended', subject: expect.objectContaining({ benefitKind: 'adi', benefitReason: 'decadenza' }) })]);
  });

  it('justified within the window: nothing ends', () => {
    const justified = run(noShow(), { type: 'JustifyLapse', lapseId: 'L1', reason: 'illness_or_injury', operatorId: OP } as JourneyCommand, '2026-03-11T09:00:00.000Z');
    expect(events(justified, '2026-03-12T00:00:00.000Z')).toEqual([]);
    expect(justified.benefit!.status).toBe('claimed');
  });

  it('an exempt member forfeits nothing; a NASpI recipient gets the art. 21 step as before', () => {
    const exemptMember = run(start(), exempt(), '2026-03-02T09:00:00.000Z');
    expect(events(noShow(exemptMember), '2026-03-12T00:00:00.000Z').map((e) => e.type)).toEqual(['LapseUnjustified']);
    const naspi = noShow(start({ kind: 'naspi', applicationDate: '2026-03-02' }, null));
    expect(events(naspi, '2026-03-12T00:00:00.000Z').map((e) => e.type)).toEqual(['LapseUnjustified', 'ConditionalityStepProposed']);
  });
});

describe('exempt members (art. 6 c.4–5) carry no clock', () => {
  it('an exemption stops the clock; withdrawn, it restarts from the withdrawal (90 days)', () => {
    const s = run(start(), exempt('care_duties'), '2026-03-02T09:00:00.000Z');
    expect(s.presentation!.exemption).toEqual({ reason: 'care_duties', note: null, operatorId: OP, since: '2026-03-02T09:00:00.000Z' });
    expect(toView(s).nextPresentationDueAt).toBeNull();
    expect(events(s, '2027-03-01T00:00:00.000Z')).toEqual([]);
    const withdrawn = run(s, { type: 'WithdrawPresentationExemption', operatorId: OP }, '2026-09-01T09:00:00.000Z');
    expect(toView(withdrawn).nextPresentationDueAt).toBe('2026-11-30T22:59:59.999Z');
  });

  it('an exemption recorded after a miss resumes the benefit; twice, or a withdrawal without one, is refused; reasons are a closed list', () => {
    const missed = tick(start(), '2026-07-01T00:00:00.000Z');
    const s = run(missed, exempt('disabled'), '2026-07-02T09:00:00.000Z');
    expect(s.benefit!.status).toBe('claimed');
    expect(refuse(s, exempt(), '2026-07-02T09:00:00.000Z').code).toBe('PRESENTATION_EXEMPTION_ALREADY_RECORDED');
    expect(refuse(start(), { type: 'WithdrawPresentationExemption', operatorId: OP }, '2026-03-05T09:00:00.000Z').code).toBe('PRESENTATION_EXEMPTION_NOT_RECORDED');
    expect(refuse(start(), exempt('tired'), '2026-03-05T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'reason' });
  });
});

describe('SFL: participation confirmed every 90 days; 12 months, extended by 12 with the pact updated', () => {
  const END = '2027-03-01T23:00:00.000Z'; // 12 months from the start of 2 March 2026 in Rome
  /** The SFL's months alone: a confirmation clock too long to fire in these tests. */
  const monthsOnly: PresentationObligation = { ...SFL_PRESENTATION, every: 'P800D' };
  const sfl = () => start(SFL, monthsOnly);

  it('the first confirmation is due 90 days after the pact, then 90 days after the last; a miss suspends', () => {
    const s = start(SFL);
    expect(toView(s)).toMatchObject({ nextPresentationDueAt: '2026-05-31T21:59:59.999Z', participationEndsAt: END });
    const confirmed = run(s, present('2026-05-20T09:00:00.000Z'), '2026-05-20T10:00:00.000Z');
    expect(toView(confirmed).nextPresentationDueAt).toBe('2026-08-18T21:59:59.999Z');
    const missed = tick(confirmed, '2026-08-19T00:00:00.000Z');
    expect(missed.benefit!.history.at(-1)).toMatchObject({ status: 'suspended', reason: 'missed_presentation' });
  });

  it('the 12 months end without the pact updated: suspended (pact_not_updated), then ended after 90 days more', () => {
    const produced = events(sfl(), END);
    expect(produced).toEqual([expect.objectContaining({ type: 'ParticipationTermReached', data: { outcome: 'awaiting_pact_update', dueAt: END } })]);
    const waiting = applyEvents(sfl(), produced);
    expect(waiting.benefit!.history.at(-1)).toMatchObject({ status: 'suspended', reason: 'pact_not_updated', on: '2027-03-02' });
    expect(noticesFor(produced, waiting)).toEqual([expect.objectContaining({ kind: 'benefit_suspended', subject: expect.objectContaining({ benefitReason: 'pact_not_updated' }) })]);
    const ended = tick(waiting, '2027-06-01T00:00:00.000Z');
    expect(ended.benefit).toMatchObject({ status: 'ended', endReason: 'exhausted', endedOn: '2027-05-31' });
    expect(toView(ended).participationEndsAt).toBeNull();
  });

  it('the pact updated in the last month extends it by 12 months; the extended end ends it', () => {
    const active = run(run(sfl(), intake(), '2026-03-03T09:00:00.000Z'), signPact('2027-06-30'), '2026-03-04T09:00:00.000Z');
    const amended = run(active, { type: 'AmendPact', operatorId: OP, reason: 'corso di formazione in corso', jobSearchProof: 'Attestato di frequenza del corso', acceptance: { method: 'signed_in_person' } } as JourneyCommand, '2027-02-15T09:00:00.000Z');
    const extended = tick(amended, END);
    expect(extended.presentation!.extendedAt).toBe(END);
    expect(extended.benefit!.status).toBe('claimed');
    expect(toView(extended).participationEndsAt).toBe('2028-03-01T23:00:00.000Z');
    expect(tick(extended, '2028-03-02T00:00:00.000Z').benefit).toMatchObject({ status: 'ended', endReason: 'exhausted' });
  });

  it('a pact amended earlier than the last month does not count; updated while waiting, it resumes and extends', () => {
    const active = run(run(sfl(), intake(), '2026-03-03T09:00:00.000Z'), signPact('2027-06-30'), '2026-03-04T09:00:00.000Z');
    const waiting = tick(active, END);
    expect(waiting.benefit!.status).toBe('suspended');
    const amended = run(waiting, { type: 'AmendPact', operatorId: OP, reason: 'aggiornamento del patto', jobSearchProof: 'Attestato di frequenza del corso', acceptance: { method: 'signed_in_person' } } as JourneyCommand, '2027-03-20T09:00:00.000Z');
    const resumed = tick(amended, '2027-03-20T09:00:01.000Z');
    expect(resumed.benefit!.history.map((h) => `${h.status}:${h.reason ?? ''}`).slice(-2)).toEqual(['suspended:pact_not_updated', 'claimed:']);
    expect(toView(resumed).participationEndsAt).toBe('2028-03-01T23:00:00.000Z');
  });
});

describe('the catalogue: ADI and SFL ship as defaults; the validator names every wrong field', () => {
  it('ADI and SFL validate, next to the GOL paths, with the decree\'s periods', () => {
    expect(BENEFIT_DEFAULT_CATALOGUES.map((c) => c.code)).toEqual(['ADI', 'SFL']);
    for (const c of BENEFIT_DEFAULT_CATALOGUES) expect(validateCatalogue(c)).toEqual([]);
    expect(BENEFIT_DEFAULT_CATALOGUES[0].presentation).toMatchObject({ benefit: 'adi', first: 'P120D', every: 'P90D' });
    expect(BENEFIT_DEFAULT_CATALOGUES[1].presentation).toMatchObject({ benefit: 'sfl', every: 'P90D', duration: { length: 'P12M', extension: 'P12M', updateGrace: 'P90D' } });
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], presentation: null })).toEqual([]);
  });

  it('encodes exactly the values checked in docs/adi-sfl-legal-check.md (a change of any is a change of that check)', () => {
    // ADI: 120 days from the PAD (D.M. ADI art. 7 c.1 lett. d; art. 4 c.4), then 90 (art. 4), decadenza (art. 8 c.6 lett. a); no duration kept.
    expect(BENEFIT_DEFAULT_CATALOGUES[0].presentation).toEqual({ benefit: 'adi', kind: 'meeting', first: 'P120D', every: 'P90D', decadenzaOnMissedConvocation: true, duration: null });
    // SFL: 90-day confirmation; 12 months, at most 12 more with the pact updated in the last month, else 90 days suspended (INPS 765/2025).
    expect(BENEFIT_DEFAULT_CATALOGUES[1].presentation).toEqual({
      benefit: 'sfl',
      kind: 'confirmation',
      first: null,
      every: 'P90D',
      decadenzaOnMissedConvocation: true,
      duration: { length: 'P12M', extension: 'P12M', updateWindow: 'P1M', updateGrace: 'P90D' },
    });
  });

  it('messages for a wrong obligation', () => {
    const bad = { benefit: 'naspi', kind: 'visit', first: 'P0D', every: '90 days', decadenzaOnMissedConvocation: 'yes', duration: { length: 'P12M', extension: 'x', updateWindow: 'P1M', updateGrace: 'P90D', more: 1 }, extra: true };
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], presentation: bad })).toEqual([
      { field: 'presentation.benefit', message: 'must be one of adi, sfl', code: 'invalid_value', params: { values: 'adi, sfl' } },
      { field: 'presentation.kind', message: 'must be one of meeting, confirmation', code: 'invalid_value', params: { values: 'meeting, confirmation' } },
      { field: 'presentation.first', message: 'must be a positive ISO-8601 duration such as P90D, P12M or PT30S, or null (the first falls `every` after the pact)', code: 'invalid_duration' },
      { field: 'presentation.every', message: 'must be a positive ISO-8601 duration such as P90D, P12M or PT30S', code: 'invalid_duration' },
      { field: 'presentation.decadenzaOnMissedConvocation', message: 'must be true or false', code: 'invalid_type', params: { expected: 'boolean' } },
      { field: 'presentation.duration.extension', message: 'must be a positive ISO-8601 duration such as P90D, P12M or PT30S', code: 'invalid_duration' },
      { field: 'presentation.duration.more', message: 'is not a field of a duration', code: 'unknown_field', params: { name: 'more' } },
      { field: 'presentation.extra', message: 'is not a field of a presentation obligation', code: 'unknown_field', params: { name: 'extra' } },
    ]);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], presentation: [] })).toEqual([
      { field: 'presentation', message: 'must be an object { benefit, kind, first, every, decadenzaOnMissedConvocation, duration }, or null', code: 'invalid_type', params: { expected: 'object' } },
    ]);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], presentation: { ...ADI_PRESENTATION, duration: undefined } })).toEqual([
      { field: 'presentation.duration', message: 'must be an object { length, extension, updateWindow, updateGrace }, or null', code: 'invalid_type', params: { expected: 'object' } },
    ]);
  });
});

describe('ClaimBenefit of an ADI later: its activation pact day', () => {
  it('is recorded and starts the clock; not in the future', () => {
    const s = start({ kind: 'naspi', applicationDate: DID }, ADI_PRESENTATION);
    const ended = run(s, { type: 'EndBenefit', endedOn: '2026-03-05', reason: 'exhausted', operatorId: OP }, '2026-03-05T10:00:00.000Z');
    const claimAdi = (activationPactDate: string): JourneyCommand => ({ type: 'ClaimBenefit', kind: 'adi', applicationDate: '2026-03-06', activationPactDate, operatorId: OP });
    const adi = run(ended, claimAdi('2026-03-09'), '2026-03-10T10:00:00.000Z');
    expect(adi.benefit).toMatchObject({ kind: 'adi', activationPactDate: '2026-03-09' });
    expect(toView(adi).nextPresentationDueAt).toBe('2026-07-07T21:59:59.999Z');
    expect(refuse(ended, claimAdi('2026-03-11'), '2026-03-10T10:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'activationPactDate' });
  });
});

describe('the presentation commands in every stage of an ADI journey', () => {
  const at = '2026-03-05T10:00:00.000Z';
  const awaitingPact = () => run(start(), intake(), '2026-03-03T09:00:00.000Z');
  const active = () => run(awaitingPact(), signPact(), '2026-03-04T09:00:00.000Z');
  const stages: [string, () => JourneyState][] = [
    ['awaiting_intake', start],
    ['awaiting_pact', awaitingPact],
    ['pact_active', active],
    ['suspended', () => run(active(), { type: 'SuspendForJob', employer: 'E', contractType: 'fixed_term', startDate: '2026-03-05', expectedEndDate: '2026-06-30', operatorId: OP }, at)],
    ['closed', () => run(active(), { type: 'CloseJourney', reason: 'transferred', operatorId: OP }, at)],
  ];
  const expected: Record<string, string[]> = {
    RecordPresentation: ['ok', 'ok', 'ok', 'JOURNEY_SUSPENDED', 'JOURNEY_CLOSED'],
    RecordPresentationExemption: ['ok', 'ok', 'ok', 'JOURNEY_SUSPENDED', 'JOURNEY_CLOSED'],
    WithdrawPresentationExemption: ['PRESENTATION_EXEMPTION_NOT_RECORDED', 'PRESENTATION_EXEMPTION_NOT_RECORDED', 'PRESENTATION_EXEMPTION_NOT_RECORDED', 'JOURNEY_SUSPENDED', 'JOURNEY_CLOSED'],
  };
  const commands: Record<string, JourneyCommand> = { RecordPresentation: present(), RecordPresentationExemption: exempt(), WithdrawPresentationExemption: { type: 'WithdrawPresentationExemption', operatorId: OP } };
  it.each(Object.entries(expected).flatMap(([name, row]) => stages.map(([stage, build], i) => [name, stage, row[i], build] as const)))('%s in %s → %s', (name, stage, outcome, build) => {
    const state = build();
    expect(state.stage).toBe(stage);
    const decision = decide(state, commands[name], at);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(outcome);
  });
});
