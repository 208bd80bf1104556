import { legalDeadline } from '../clocks/legal-deadline';
import type { JourneyCommand } from '../journey/commands';
import { AT_TURIN_CPI, activeJourney, awaitingPactJourney, OP, refuse, run, signPact, signPactUnder, startJourney, tick, intake } from '../journey/journey.test-fixture';
import type { JourneyState } from '../journey/model';
import { validateCatalogue, GOL_DEFAULT_CATALOGUES } from '../programme/catalogue';
import type { OfferSuitabilityFacts, OfferSuitabilityInput } from './model';
import { assessSuitability, DM_10_APRILE_2018, monthsSinceDid } from './suitability';

/** Thursday 23 April 2026, 10:00 in Rome. */
const THURSDAY = '2026-04-23T08:00:00.000Z';
/** Two working days after it: Friday 24, Monday 27 April (end of day in Rome). */
const THURSDAY_PLUS_2_WORKING_DAYS = '2026-04-27T21:59:59.999Z';
const WEDNESDAY_AFTER = '2026-04-29T08:00:00.000Z';

/** A congrua offer for a NASpI recipient 2 months after the DID: near, permanent, full pay. */
const GOOD: OfferSuitabilityInput = {
  distanceKm: 12,
  travelMinutes: 35,
  contractType: 'permanent',
  weeklyHours: 40,
  previousWeeklyHours: 40,
  monthlyGrossPay: 1600,
  payMeetsCollectiveAgreement: true,
  benefitMonthlyAmount: 1000,
  experienceMatch: 'pact_activity_area',
};

const offer = (o: Partial<Extract<JourneyCommand, { type: 'RecordJobOffer' }>> = {}): JourneyCommand =>
  ({ type: 'RecordJobOffer', employer: 'Logistica Srl', position: 'magazziniere', communicatedBy: 'pec', operatorId: OP, suitability: GOOD, ...o }) as JourneyCommand;
const refuseO1: JourneyCommand = { type: 'RecordOfferResponse', offerId: 'O1', response: 'refused', operatorId: OP };
const hearing = (o: object = {}): JourneyCommand => ({ type: 'RecordOfferHearing', offerId: 'O1', outcome: 'heard', summary: 'says the shift clashes with childcare', operatorId: OP, ...o }) as JourneyCommand;
const justify = (reason: string): JourneyCommand => ({ type: 'JustifyLapse', lapseId: 'L1', reason, operatorId: OP }) as JourneyCommand;

function refusedOnWednesday(o: Parameters<typeof offer>[0] = {}, state = activeJourney()): JourneyState {
  return run(run(state, offer({ proposedAt: THURSDAY, ...o }), '2026-04-23T09:00:00.000Z'), refuseO1, WEDNESDAY_AFTER);
}

const facts = (f: Partial<OfferSuitabilityFacts> = {}): OfferSuitabilityFacts => ({
  distanceKm: 12,
  travelMinutes: 35,
  contractType: 'permanent',
  contractMonths: null,
  weeklyHours: 40,
  previousWeeklyHours: 40,
  monthlyGrossPay: 1600,
  payMeetsCollectiveAgreement: true,
  benefitMonthlyAmount: 1000,
  monthsUnemployed: 2,
  experienceMatch: 'pact_activity_area',
  ...f,
});
const failed = (f: Partial<OfferSuitabilityFacts>, benefit = true) => assessSuitability(facts(f), DM_10_APRILE_2018, benefit).failed.map((c) => c.criterion);

describe('the excuse window of a refused offer', () => {
  it('art. 8 c.3 D.M. 10 aprile 2018: the excuse is due within 2 working days of the offer’s proposal, not of the recorded refusal', () => {
    const s = refusedOnWednesday();
    expect(s.offers[0]).toMatchObject({ proposedAt: THURSDAY, response: 'refused', respondedAt: WEDNESDAY_AFTER });
    expect(s.lapses[0]).toMatchObject({ ladder: 'suitable_offer', offerId: 'O1', justificationDueAt: THURSDAY_PLUS_2_WORKING_DAYS });
    expect(s.lapses[0].justificationDueAt).toBe(legalDeadline(s, 'offerExcuseWindow', THURSDAY));
  });

  it('art. 8 c.3 D.M. 10 aprile 2018: the proposal is an instant not in the future and not before the DID, now by default', () => {
    expect(refuse(activeJourney(), offer({ proposedAt: '2026-04-24T08:00:00.000Z' }), THURSDAY)).toMatchObject({ code: 'INVALID_DATE', field: 'proposedAt' });
    expect(refuse(activeJourney(), offer({ proposedAt: '2026-02-27T08:00:00.000Z' }), THURSDAY)).toMatchObject({ code: 'INVALID_DATE', field: 'proposedAt' });
    expect(refuse(activeJourney(), offer({ proposedAt: 'Thursday' }), THURSDAY)).toMatchObject({ code: 'INVALID_DATE', field: 'proposedAt' });
    expect(run(activeJourney(), offer(), THURSDAY).offers[0].proposedAt).toBe(THURSDAY);
  });

  it('rules edition 1 (recorded journeys): the window still runs from the recorded refusal', () => {
    const s = run(run(activeJourney({ rules: 1 }), offer({ suitable: true, suitability: undefined }), THURSDAY), refuseO1, WEDNESDAY_AFTER);
    expect(s.lapses[0].justificationDueAt).toBe('2026-05-04T21:59:59.999Z'); // Thu 30 April, (Fri 1 May holiday), Mon 4 May
    expect(s.offers[0]).toMatchObject({ proposedAt: THURSDAY, facts: null, verdict: null, override: null });
  });

  it('art. 8 c.3 D.M. 10 aprile 2018: a window already past when the refusal is recorded closes at the next tick, and a step is proposed', () => {
    const s = tick(refusedOnWednesday(), '2026-04-29T08:00:01.000Z');
    expect(s.lapses[0].status).toBe('unjustified');
    expect(s.conditionalitySteps[0]).toMatchObject({ ladder: 'suitable_offer', effect: 'decadenza', status: 'proposed' });
  });
});

describe('the excuses for refusing an offer', () => {
  it('art. 8 c.2 D.M. 10 aprile 2018: a court summons (an appointments excuse) is not on the offers’ closed list', () => {
    const s = run(run(activeJourney(), offer(), THURSDAY), refuseO1, '2026-04-23T10:00:00.000Z');
    expect(refuse(s, justify('court_summons'), '2026-04-24T10:00:00.000Z')).toMatchObject({ code: 'JUSTIFICATION_REASON_NOT_APPLICABLE', field: 'reason' });
    for (const reason of ['illness_or_injury', 'civil_or_military_service', 'pregnancy_leave', 'serious_family_reasons', 'mobility_restriction', 'force_majeure']) {
      expect(run(s, justify(reason), '2026-04-24T10:00:00.000Z').lapses[0].status).toBe('justified');
    }
  });

  it('art. 8 c.2 D.M. 10 aprile 2018: the appointments keep their own list; edition 1 keeps the one list for all', () => {
    let s = run(activeJourney(), { type: 'ScheduleAppointment', service: 'second_level_interview', purpose: 'interview', at: '2026-03-10T09:00:00.000Z', channel: 'in_person', location: 'CPI', convocation: 'pec', operatorId: OP } as JourneyCommand, '2026-03-05T09:00:00.000Z');
    s = run(s, { type: 'RecordAppointmentOutcome', appointmentId: 'AP1', outcome: 'no_show', operatorId: OP } as JourneyCommand, '2026-03-10T10:00:00.000Z');
    expect(run(s, justify('court_summons'), '2026-03-10T11:00:00.000Z').lapses[0].status).toBe('justified');
    const old = run(run(activeJourney({ rules: 1 }), offer({ suitable: true, suitability: undefined }), THURSDAY), refuseO1, '2026-04-23T10:00:00.000Z');
    expect(run(old, justify('court_summons'), '2026-04-24T10:00:00.000Z').lapses[0].status).toBe('justified');
  });
});

describe('the right to be heard', () => {
  const proposed = () => tick(refusedOnWednesday(), '2026-04-29T08:00:01.000Z');
  const confirm: JourneyCommand = { type: 'ConfirmConditionalityStep', stepId: 'S1', operatorId: OP, actingOffice: AT_TURIN_CPI };

  it('art. 8 c.4 D.M. 10 aprile 2018: no decadenza for refusing an offer before the person was offered a hearing', () => {
    expect(refuse(proposed(), confirm, '2026-04-30T08:00:00.000Z').code).toBe('HEARING_NOT_RECORDED');
    const declined = run(proposed(), hearing({ outcome: 'declined', summary: 'told on 29 April; did not ask to be heard within two days' }), '2026-05-04T08:00:00.000Z');
    expect(declined.offers[0].hearing).toMatchObject({ lapseId: 'L1', outcome: 'declined', heldAt: '2026-05-04T08:00:00.000Z', operatorId: OP });
    const confirmed = run(declined, confirm, '2026-05-04T09:00:00.000Z');
    expect(confirmed.conditionalitySteps[0].status).toBe('confirmed');
    expect(confirmed.status).toBe('closed');
  });

  it('art. 8 c.4 D.M. 10 aprile 2018: the hearing is recorded once, on a refused suitable offer, before its step is decided', () => {
    expect(refuse(run(activeJourney(), offer(), THURSDAY), hearing(), THURSDAY).code).toBe('OFFER_HAS_NO_LAPSE');
    const heard = run(proposed(), hearing({ heldAt: '2026-04-30T08:00:00.000Z' }), '2026-04-30T09:00:00.000Z');
    expect(heard.offers[0].hearing).toMatchObject({ outcome: 'heard', summary: 'says the shift clashes with childcare', heldAt: '2026-04-30T08:00:00.000Z' });
    expect(refuse(heard, hearing(), '2026-04-30T10:00:00.000Z').code).toBe('HEARING_ALREADY_RECORDED');
    const dismissed = run(proposed(), { type: 'DismissConditionalityStep', stepId: 'S1', operatorId: OP, actingOffice: AT_TURIN_CPI, reason: 'shift incompatible' }, '2026-04-30T08:00:00.000Z');
    expect(refuse(dismissed, hearing(), '2026-04-30T09:00:00.000Z').code).toBe('STEP_ALREADY_DECIDED');
    expect(refuse(proposed(), hearing({ heldAt: '2026-04-28T08:00:00.000Z' }), '2026-04-30T09:00:00.000Z')).toMatchObject({ code: 'INVALID_DATE', field: 'heldAt' });
    expect(refuse(proposed(), hearing({ outcome: 'maybe' }), '2026-04-30T09:00:00.000Z')).toMatchObject({ code: 'INVALID_VALUE', field: 'outcome' });
  });

  it('rules edition 1: a step is confirmed as before, without a hearing', () => {
    let s = run(run(activeJourney({ rules: 1 }), offer({ suitable: true, suitability: undefined }), THURSDAY), refuseO1, THURSDAY);
    s = tick(s, '2026-04-27T22:00:00.000Z');
    expect(run(s, confirm, '2026-04-28T08:00:00.000Z').conditionalitySteps[0].status).toBe('confirmed');
  });
});

describe('suitability from facts', () => {
  it('art. 25 D.lgs. 150/2015, D.M. 10 aprile 2018 artt. 3–7: a near, permanent, full-time offer paying 20% over the benefit is congrua', () => {
    expect(assessSuitability(facts(), DM_10_APRILE_2018, true)).toEqual({ congrua: true, failed: [] });
  });

  it('art. 6 D.M. 10 aprile 2018: within 50 km or 80 minutes by public transport; after 12 months of unemployment 80 km or 100 minutes', () => {
    expect(failed({ distanceKm: 70, travelMinutes: 75 })).toEqual([]);
    expect(failed({ distanceKm: 45, travelMinutes: 120 })).toEqual([]);
    expect(failed({ distanceKm: 70, travelMinutes: 90 })).toEqual(['distance']);
    expect(failed({ distanceKm: 70, travelMinutes: 90, monthsUnemployed: 13, experienceMatch: 'pact_activity_area' })).toEqual([]);
    expect(failed({ distanceKm: 85, travelMinutes: 110, monthsUnemployed: 13 })).toEqual(['distance']);
  });

  it('art. 5 c.1 lett. a D.M. 10 aprile 2018: permanent, or fixed-term and agency contracts of at least 3 months', () => {
    expect(failed({ contractType: 'fixed_term', contractMonths: 3 })).toEqual([]);
    expect(failed({ contractType: 'temporary_agency', contractMonths: 2 })).toEqual(['contract']);
    expect(failed({ contractType: 'apprenticeship' })).toEqual([]);
    expect(failed({ contractType: 'self_employment' })).toEqual(['contract']);
  });

  it('art. 5 c.1 lett. b–c D.M. 10 aprile 2018: at least 80% of the last contract’s hours; pay not below the collective agreement', () => {
    expect(failed({ weeklyHours: 32, previousWeeklyHours: 40 })).toEqual([]);
    expect(failed({ weeklyHours: 30, previousWeeklyHours: 40 })).toEqual(['hours']);
    expect(failed({ weeklyHours: 20, previousWeeklyHours: null })).toEqual([]);
    expect(failed({ payMeetsCollectiveAgreement: false })).toEqual(['collective_pay']);
  });

  it('art. 7 D.M. 10 aprile 2018, art. 25 c.1 lett. d D.lgs. 150/2015: a benefit recipient’s pay is at least 20% above the benefit', () => {
    expect(failed({ monthlyGrossPay: 1200 })).toEqual([]);
    expect(failed({ monthlyGrossPay: 1199.99 })).toEqual(['pay_above_benefit']);
    expect(failed({ monthlyGrossPay: 900 }, false)).toEqual([]);
  });

  it('art. 4 D.M. 10 aprile 2018: up to 6 months the pact’s activity areas, then the same sector, after 12 months other sectors', () => {
    expect(failed({ experienceMatch: 'same_sector', monthsUnemployed: 6 })).toEqual(['experience']);
    expect(failed({ experienceMatch: 'same_sector', monthsUnemployed: 7 })).toEqual([]);
    expect(failed({ experienceMatch: 'other_sector', monthsUnemployed: 12 })).toEqual(['experience']);
    expect(failed({ experienceMatch: 'other_sector', monthsUnemployed: 13 })).toEqual([]);
    expect(failed({ experienceMatch: 'none', monthsUnemployed: 30 })).toEqual(['experience']);
  });

  it('art. 3 D.M. 10 aprile 2018: unemployment counts from the DID to the day of the proposal', () => {
    expect(monthsSinceDid('2026-03-02', '2026-09-01T10:00:00.000Z')).toBe(5);
    expect(monthsSinceDid('2026-03-02', '2026-09-02T10:00:00.000Z')).toBe(6);
    const s = run(activeJourney(), offer({ suitability: { ...GOOD, experienceMatch: 'same_sector' } }), THURSDAY);
    expect(s.offers[0].facts?.monthsUnemployed).toBe(1);
    expect(s.offers[0].verdict).toMatchObject({ congrua: false, failed: [{ criterion: 'experience', source: 'D.M. 10 aprile 2018 art. 4' }] });
    expect(run(activeJourney(), offer({ suitability: { ...GOOD, experienceMatch: 'same_sector', monthsUnemployed: 8 } }), THURSDAY).offers[0].suitable).toBe(true);
  });

  it('art. 25 D.lgs. 150/2015: the facts are checked field by field', () => {
    const s = activeJourney();
    expect(refuse(s, offer({ suitability: undefined }), THURSDAY)).toMatchObject({ code: 'INVALID_VALUE', field: 'suitability' });
    expect(refuse(s, offer({ suitability: { ...GOOD, distanceKm: -1 } }), THURSDAY)).toMatchObject({ code: 'INVALID_VALUE', field: 'suitability.distanceKm' });
    expect(refuse(s, offer({ suitability: { ...GOOD, contractType: 'fixed_term' } }), THURSDAY)).toMatchObject({ field: 'suitability.contractMonths' });
    const noBenefit = { ...GOOD, benefitMonthlyAmount: undefined };
    expect(refuse(s, offer({ suitability: noBenefit }), THURSDAY)).toMatchObject({ field: 'suitability.benefitMonthlyAmount' });
    expect(run(activeJourney({ benefit: null }), offer({ suitability: noBenefit }), THURSDAY).offers[0].suitable).toBe(true);
    expect(refuse(s, offer({ suitable: true }), THURSDAY)).toMatchObject({ code: 'INVALID_VALUE', field: 'suitable' });
    expect(refuse(s, offer({ suitabilityOverride: { congrua: true, reason: '' } }), THURSDAY)).toMatchObject({ field: 'suitabilityOverride.reason' });
  });

  it('the catalogue’s offerSuitability sets the thresholds (absent: the D.M.’s)', () => {
    const far = { ...GOOD, distanceKm: 60, travelMinutes: 85 };
    expect(run(activeJourney(), offer({ suitability: far }), THURSDAY).offers[0].verdict?.congrua).toBe(false);
    const generous = { ...activeJourney(), offerSuitability: { maxDistanceKm: 70 } };
    expect(run(generous, offer({ suitability: far }), THURSDAY).offers[0].verdict?.congrua).toBe(true);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], offerSuitability: DM_10_APRILE_2018 })).toEqual([]);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], offerSuitability: null })).toEqual([]);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], offerSuitability: { maxDistanceKm: '50', radius: 3 } })).toEqual([
      { field: 'offerSuitability.maxDistanceKm', message: 'must be a number from 0 to 100000', code: 'invalid_type', params: { expected: 'number' } },
      { field: 'offerSuitability.radius', message: 'is not a threshold of a congrua offer', code: 'unknown_field', params: { name: 'radius' } },
    ]);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], offerSuitability: { maxDistanceKm: -1, maxTravelMinutes: 100_001 } })).toEqual([
      { field: 'offerSuitability.maxDistanceKm', message: 'must be a number from 0 to 100000', code: 'too_small', params: { minimum: 0, origin: 'number' } },
      { field: 'offerSuitability.maxTravelMinutes', message: 'must be a number from 0 to 100000', code: 'too_big', params: { maximum: 100000, origin: 'number' } },
    ]);
    expect(validateCatalogue({ ...GOL_DEFAULT_CATALOGUES[0], offerSuitability: [] }).map((p) => [p.field, p.code])).toEqual([['offerSuitability', 'invalid_type']]);
  });
});

describe('a sanction for refusing needs a suitable offer', () => {
  it('art. 25 D.lgs. 150/2015, art. 8 c.1 D.M. 10 aprile 2018: refusing an offer that is not congrua by its facts opens no lapse', () => {
    const s = refusedOnWednesday({ suitability: { ...GOOD, monthlyGrossPay: 1100 } });
    expect(s.offers[0]).toMatchObject({ suitable: false, verdict: { congrua: false, failed: [{ criterion: 'pay_above_benefit' }] }, override: null });
    expect(s.lapses).toEqual([]);
  });

  it('art. 25 D.lgs. 150/2015: an operator’s override, with its reason, decides either way', () => {
    const overridden = refusedOnWednesday({ suitability: { ...GOOD, monthlyGrossPay: 1100 }, suitabilityOverride: { congrua: true, reason: 'pay includes a monthly meal allowance of 150' } });
    expect(overridden.offers[0]).toMatchObject({ suitable: true, verdict: { congrua: false }, override: { congrua: true, reason: 'pay includes a monthly meal allowance of 150' } });
    expect(overridden.lapses).toHaveLength(1);
    const notCongrua = refusedOnWednesday({ suitabilityOverride: { congrua: false, reason: 'the workplace has no public transport at shift times' } });
    expect(notCongrua.offers[0]).toMatchObject({ suitable: false, verdict: { congrua: true } });
    expect(notCongrua.lapses).toEqual([]);
  });

  it('the deprecated suitable flag (one release) is an override without facts', () => {
    const s = refusedOnWednesday({ suitability: undefined, suitable: true });
    expect(s.offers[0]).toMatchObject({ suitable: true, facts: null, verdict: null, override: { congrua: true } });
    expect(s.lapses).toHaveLength(1);
    expect(refusedOnWednesday({ suitability: undefined, suitable: false }).lapses).toEqual([]);
  });
});

describe('availability for suitable offers', () => {
  const pactWithout = (): JourneyCommand => ({ ...signPact(), availability: { workshops: true, training: true, suitableOffers: false } }) as JourneyCommand;

  it('art. 20 c.3 and art. 21 D.lgs. 150/2015: a benefit recipient cannot sign a pact without availability for suitable offers', () => {
    expect(refuse(awaitingPactJourney(), pactWithout(), '2026-03-04T09:00:00.000Z')).toMatchObject({ code: 'SUITABLE_OFFERS_AVAILABILITY_REQUIRED', field: 'availability.suitableOffers' });
    expect(run(awaitingPactJourney({ benefit: null }), pactWithout(), '2026-03-04T09:00:00.000Z').pact?.availability.suitableOffers).toBe(false);
    const edition1 = { ...signPactUnder(1), availability: { workshops: true, training: true, suitableOffers: false } } as JourneyCommand;
    expect(run(awaitingPactJourney({ rules: 1 }), edition1, '2026-03-04T09:00:00.000Z').stage).toBe('pact_active');
  });

  it('art. 20 c.3 and art. 21 D.lgs. 150/2015: nor amend it away', () => {
    const amend = { type: 'AmendPact', operatorId: OP, reason: 'r', availability: { workshops: true, training: true, suitableOffers: false } } as JourneyCommand;
    expect(refuse(activeJourney(), amend, '2026-03-05T09:00:00.000Z')).toMatchObject({ code: 'SUITABLE_OFFERS_AVAILABILITY_REQUIRED', field: 'availability.suitableOffers' });
    expect(run(startJourney({ benefit: null }), intake(), '2026-03-03T09:00:00.000Z').stage).toBe('awaiting_pact');
  });
});
