import { z } from 'zod';
import {
  ABSENCE_REASONS,
  APPEAL_BODIES,
  APPEAL_OUTCOMES,
  APPOINTMENT_CHANNELS,
  APPOINTMENT_PURPOSES,
  BENEFIT_END_REASONS,
  BENEFIT_KINDS,
  BENEFIT_SUSPENSION_REASONS,
  PRESENTATION_EXEMPTION_REASONS,
  ASSESSMENT_FINDING_LEVELS,
  GOL_PATHS,
  PROFILING_SCORE_RANGE,
  CLOSURE_REASONS,
  CONTACT_CHANNELS,
  CONTRACT_TYPES,
  CONVOCATION_METHODS,
  EXPERIENCE_MATCHES,
  HEARING_OUTCOMES,
  JUSTIFICATION_REASONS,
  OFFER_JUSTIFICATION_REASONS,
  NOTIFICATION_METHODS,
  PACT_ACCEPTANCE_METHODS,
  OFFICE_KINDS,
  PACT_ACTION_KINDS,
  PROFILING_CLASSES,
  REFERRAL_OUTCOMES,
  REFERRAL_TARGETS,
  SANCTION_EFFECTS,
  SERVICE_CODES,
  SEXES,
  type OperatorCommand,
} from '@sal/domain';
import { calendarDate, dueDate, duration, flag, instant, note, numberedId, OFFICE_ID_MESSAGE, OFFICE_ID_PATTERN, oneOf, PROGRAMME_CODE_MESSAGE, PROGRAMME_CODE_PATTERN, staffId, text } from './fields';

/**
 * Every operator command of a journey, defined once: its route under `/journeys/{journeyId}` (always `POST`), the
 * path ids it names, the body it takes, and the answer's status. The API derives its routes, their validation and the
 * OpenAPI schemas from this table; the journey's update validators check every command against the same schemas
 * (`commandSchema`), so a command sent straight to Temporal meets the limits an API client does.
 */

const CONVOCATION_DESCRIPTION =
  'How the person was convened: `pec`, `registered_letter` or `agreed_signed` (agreed with the operator and signed) make a valid convocation, ' +
  'the only kind a missed appointment can lead to a conditionality step from; `email`, `phone`, `ordinary_mail` are recorded but never sanction.';

const id = {
  action: numberedId('A', 'a pact action', 'A1', 3),
  appointment: numberedId('AP', 'an appointment', 'AP1'),
  offer: numberedId('O', 'a job offer', 'O1'),
  lapse: numberedId('L', 'a lapse', 'L1'),
  step: numberedId('S', 'a conditionality step', 'S1'),
  referral: numberedId('R', 'a referral', 'R1'),
  pause: numberedId('P', 'a pause of the clocks (an absence)', 'P1'),
  service: oneOf(SERVICE_CODES, { description: 'One of the six services', example: 'second_level_interview' }),
};

const availability = z
  .strictObject({
    workshops: flag({ description: 'Available for orientation workshops', example: true }),
    training: flag({ description: 'Available for training courses', example: true }),
    suitableOffers: flag({ description: 'Will accept suitable job offers (offerta congrua)', example: true }),
  }, { error: 'must be an object' })
  .meta({ description: "The person's availability clauses (art. 20 c.3 D.lgs. 150/2015)" });

const pactAction = z
  .strictObject({
    kind: oneOf(PACT_ACTION_KINDS, { description: 'What the action asks of the person', example: 'workshop' }),
    description: text(500, { description: 'What exactly is to be done', example: 'Attend the CV writing workshop at the office' }),
    dueDate: dueDate({
      description: 'When it falls due, after the signing: YYYY-MM-DD (due at the end of that day in Rome) or an ISO-8601 date-time with offset',
      example: '2026-03-31',
    }),
  }, { error: 'each action must be an object' })
  .meta({ description: 'One action the pact asks of the person. Actions are numbered A1, A2, … in the order given.' });

const actionChange = z
  .strictObject({
    actionId: id.action.meta({ description: 'The action: pending or overdue (completed and withdrawn ones stay as they are)', example: 'A1' }),
    dueDate: dueDate({ description: 'New due date, in the future: YYYY-MM-DD (end of that day in Rome) or an ISO-8601 date-time with offset', example: '2026-05-31' }).optional(),
    description: text(2000, { description: 'New description', example: 'Apply to eight vacancies' }).optional(),
  }, { error: 'each change must be an object' })
  .meta({ description: 'A change to a pending or overdue action: a new due date (its reminder, overdue and escalation clocks restart) or description' });

const amount = (min: number, max: number, description: string, example: number) =>
  z
    .number({ error: `must be a number from ${min} to ${max}` })
    .min(min, { error: `must be a number from ${min} to ${max}` })
    .max(max, { error: `must be a number from ${min} to ${max}` })
    .meta({ description, example });

/** The facts that make an offer congrua or not (art. 25 D.lgs. 150/2015; D.M. 10 aprile 2018 artt. 3–7). */
const offerSuitability = z
  .strictObject({
    distanceKm: amount(0, 20000, 'Distance from home to the workplace, km (art. 6)', 18),
    travelMinutes: amount(0, 6000, 'Travel time by public transport, minutes (art. 6)', 40),
    contractType: oneOf(CONTRACT_TYPES, { description: 'Contract type: `permanent` and `apprenticeship`, or `fixed_term` and `temporary_agency` of at least 3 months, make a congrua offer (art. 5 c.1 lett. a)', example: 'fixed_term' }),
    contractMonths: amount(0, 600, 'Length of a fixed-term or agency contract, months (required for them)', 6).optional(),
    weeklyHours: amount(0.5, 80, 'Weekly hours offered', 36),
    previousWeeklyHours: amount(0.5, 80, "Weekly hours of the person's last contract (art. 5 c.1 lett. b: at least 80% of them); leave out when there was none", 40).optional(),
    monthlyGrossPay: amount(0, 1_000_000, 'Monthly gross pay offered, euros', 1550),
    payMeetsCollectiveAgreement: flag({ description: "Whether the pay is not below the collective agreement's minimum (art. 5 c.1 lett. c)", example: true }),
    benefitMonthlyAmount: amount(0, 100_000, 'The benefit received in the last month, euros (art. 7: the pay must be at least 20% above it); required for a benefit recipient', 1100).optional(),
    monthsUnemployed: amount(0, 1200, 'Months of unemployment from the DID to the proposal, excluding suspensions (art. 3); defaults to the months since the DID', 4).optional(),
    experienceMatch: oneOf(EXPERIENCE_MATCHES, {
      description:
        "How the work matches the person's experience (art. 4, SEP classification): `pact_activity_area` (the areas agreed in the pact), `same_sector` (counts after 6 months of unemployment), `other_sector` (after 12), `none`",
      example: 'pact_activity_area',
    }),
  }, { error: 'must be an object' })
  .meta({ description: 'What makes the offer suitable (art. 25 D.lgs. 150/2015; D.M. 10 aprile 2018 artt. 3–7): the journey decides whether it is congrua from these facts and the thresholds of its catalogue (`offerSuitability`)' });

const suitabilityOverride = z
  .strictObject({
    congrua: flag({ description: 'The operator’s verdict: whether the offer is congrua', example: true }),
    reason: text(2000, { description: 'Why the verdict of the facts is overridden', example: 'The pay includes a monthly meal allowance of 150 euros' }),
  }, { error: 'must be an object' })
  .meta({ description: "The operator's verdict over the facts', with its reason (recorded): it decides whether refusing the offer counts on the suitable-offer ladder" });
const ACCEPTANCE_METHOD = oneOf(PACT_ACCEPTANCE_METHODS, {
  description:
    'How the person accepted: `signed_in_person` (signed on paper at the office), `graphometric` (graphometric signature on a tablet), `otp` (a one-time password sent to the person), ' +
    '`signed_copy` (the signed copy of the pact document uploaded back: recorded only by `POST /journeys/{journeyId}/pact/versions/{version}/signed`)',
  example: 'graphometric',
});

const acceptance = z
  .strictObject({
    method: ACCEPTANCE_METHOD,
    acceptedAt: instant({ description: 'When the person accepted: ISO-8601 date-time with offset, not in the future; defaults to now', example: '2026-03-04T10:15:00+01:00' }).optional(),
  }, { error: 'must be an object' })
  .meta({
    description:
      "The person's acceptance of this version of the pact, when given now (journeys of rules edition 2): the version is in force from `acceptedAt`. Left out, the version waits for it " +
      '(`POST /journeys/{journeyId}/pact/versions/{version}/acceptance`) and none of its deadlines start; journeys of edition 1 refuse it (their pact is in force at signing).',
  });

const pactReferral = z
  .strictObject({
    to: oneOf(REFERRAL_TARGETS, { description: 'Where the person is referred', example: 'training_body' }),
    organisation: text(200, { description: 'The organisation', example: 'Ente di formazione CIOFS Piemonte' }, 'line'),
    reason: text(2000, { description: 'Why', example: 'Forklift licence course' }),
  }, { error: 'each referral must be an object' })
  .meta({ description: 'A referral to another service the pact agrees; numbered R1, R2, … after the journey\'s other referrals' });

/**
 * The office the caller of a sanction's decision acts from: set by the API from the directory of offices (like
 * `operatorId`, never from a request body, whose schema leaves it out); the journey refuses the decision unless it is
 * its competent CPI (rules' edition 2).
 */
const actingOffice = z
  .strictObject({
    officeId: z.string({ error: 'must be a string' }).regex(OFFICE_ID_PATTERN, { error: OFFICE_ID_MESSAGE }),
    kind: oneOf(OFFICE_KINDS, { description: '`cpi` or `accredited`', example: 'cpi' }),
  }, { error: 'must be an object' })
  .meta({ description: 'The office the caller acts from (set by the API)' })
  .optional();

/**
 * Issue 14 (GOL assessment). The path's catalogue a `ChooseGolPath` runs under from the choice: the latest version of
 * `GOL-n`, attached by the API (like `actingOffice`, never from a request body, whose schema leaves it out); the
 * journey checks it names the chosen path.
 */
/**
 * Issue 15: the data GOL's monitoring counts, with the least data needed (the start's `monitoring` takes the same).
 * The person is 15-100 years old at the DID (else 400 `INVALID_VALUE` naming `birthDate`).
 */
export const monitoringFields = {
  birthDate: calendarDate({ description: "Birth date, YYYY-MM-DD (asked: the fiscal code's century is ambiguous); the read model keeps only the age at the DID", example: '1994-05-17' }),
  sex: oneOf(SEXES, { description: '`F` or `M`, as the monitoring counts it', example: 'F' }),
  disabled: flag({ description: 'A person with a disability under L. 68/1999', example: false }),
  longTermUnemployed: flag({ description: 'Unemployed for 12 months or more at the DID (asked)', example: true }),
  neet: flag({ description: 'Not in employment, education or training', example: false }),
  socialServicesReferral: flag({ description: 'Referred by (or followed by) the social services', example: false }),
};

const golPathCatalogue = z
  .looseObject({
    code: z.string({ error: 'must be a string' }).regex(/^GOL-[1-5]$/, { error: 'must be GOL-1 … GOL-5' }),
    version: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }),
  }, { error: 'must be an object' })
  .meta({ description: "The path's catalogue (set by the API)" })
  .optional();

const assessmentFinding = z
  .strictObject({
    area: z
      .string({ error: 'must be a string' })
      .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'must be an area name of the GOL catalogue (`assessmentAreas`), such as job_search_autonomy' })
      .meta({ description: "An area of the qualitative assessment, from the journey's GOL catalogue (`assessmentAreas`; default: education_and_training, work_experience_and_skills, job_search_autonomy, availability_and_expectations, personal_constraints, complex_needs)", example: 'job_search_autonomy' }),
    level: oneOf(ASSESSMENT_FINDING_LEVELS, { description: 'How the area stands: `adequate`, `to_strengthen` or `critical`', example: 'to_strengthen' }),
    note: text(500, { description: 'A short note: no documents, no health details', example: 'Has never written a CV' }).optional(),
  }, { error: 'each finding must be an object' })
  .meta({ description: 'The finding on one area (each area at most once)' });

const GOL_PATH_VALUES = GOL_PATHS.map(String).join(', ');

/**
 * The next episode of a transfer (`TransferJourney`): its id and the target catalogue, set by the API (like
 * `actingOffice`, never from a request body, whose schema leaves it out); the journey starts it when it closes.
 */
const nextEpisode = z
  .strictObject({
    journeyId: z.string({ error: 'must be a string' }).regex(/^jrn_[0-9a-f]{32}$/, { error: 'must be a journey id' }),
    programmeCode: z.string({ error: 'must be a string' }).regex(PROGRAMME_CODE_PATTERN, { error: PROGRAMME_CODE_MESSAGE }),
    personRef: z.string({ error: 'must be a string' }).regex(/^prs_[0-9a-f]{32}$/, { error: 'must be a person reference' }),
    catalogueVersion: z.number({ error: 'must be a number' }).int().min(1),
    scope: z.string({ error: 'must be a string' }).regex(/^[a-z]+(-[a-z]+)*$/, { error: 'must be national or a region key' }).optional(),
    clocks: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
    services: z.array(z.unknown(), { error: 'must be an array' }).nullable(),
    workingDayClocks: z.array(z.string(), { error: 'must be an array' }),
    rollForwardClocks: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional(),
    offerSuitability: z.record(z.string(), z.unknown(), { error: 'must be an object' }).nullable(),
  }, { error: 'must be an object' })
  .meta({ description: 'The next episode (set by the API)' })
  .optional();

const list = <T extends z.ZodType>(item: T, min: number, max: number, description: string) =>
  z
    .array(item, { error: 'must be an array' })
    .min(min, { error: min === 1 ? 'must list at least one' : `must list at least ${min}` })
    .max(max, { error: `must list at most ${max}` })
    .meta({ description });

/** One command's route and shapes. */
export interface CommandDefinition {
  /** The route under `/journeys/:journeyId`, with `:name` for each path id. */
  path: string;
  /** The path ids besides the journey's, each with its shape; they become fields of the command. */
  params: z.ZodRawShape;
  body: z.ZodObject;
  /** 201 for the commands that create something the journey numbers (an appointment, an offer, a referral). */
  status: 200 | 201;
}

/** The operator commands (every command but the journey's own `ProcessDeadlines`). */
export type OperatorCommandType = OperatorCommand['type'];

const define = <const P extends z.ZodRawShape, const B extends z.ZodRawShape>(path: string, params: P, body: B, status: 200 | 201 = 200) => ({
  path,
  params,
  body: z.strictObject(body),
  status,
});

/**
 * How each command's schema is made, called only when the command is first used: a journey's workflow loads this
 * module in its own sandbox, so building all the schemas up front cost every cached journey megabytes (issue 19).
 */
const COMMAND_DEFINITIONS = {
  RecordIntake: () => define('intake', {}, {
    operatorId: staffId('Operator who takes the person in charge'),
    takenInChargeAt: instant({ description: 'When it happened: ISO-8601 date-time with offset, not in the future, not before the DID date; defaults to now', example: '2026-01-20T10:00:00+01:00' }).optional(),
    notes: note(2000, { description: 'Notes of the reception interview', example: 'Interested in logistics; holds a forklift licence' }).optional(),
  }),
  SignPact: () => define('pact', {}, {
    responsibleOperatorId: staffId('Operator responsible for the pact'),
    profilingClass: oneOf(PROFILING_CLASSES, { description: "Profiling class: the person's distance from the labour market", example: 'medium' }),
    contactFrequency: duration({
      description:
        "How often the person must contact the operator: ISO-8601 duration. Defaults to the journey's catalogue `defaultContactFrequency`; without one it is required (400 `INVALID_DURATION` naming `contactFrequency`).",
      example: 'P30D',
    }).optional(),
    jobSearchProof: text(1000, { description: 'How the person proves active job search: required (art. 20 c.2 lett. e D.lgs. 150/2015)', example: 'Monthly report of applications sent' }),
    availability,
    actions: list(pactAction, 1, 50, 'The actions agreed, 1 to 50; numbered A1, A2, … in this order'),
    acceptance: acceptance.optional(),
    referrals: list(pactReferral, 0, 20, 'Referrals to other services the pact agrees, at most 20 (journeys of rules edition 2): made, and linked to this version, once it is in force').optional(),
  }),
  CompletePactAction: () => define('pact/actions/:actionId/complete', { actionId: id.action }, {
    operatorId: staffId('Operator who records the completion'),
    completedAt: instant({ description: 'When the person completed it: ISO-8601 date-time with offset, not in the future, not before the signing; defaults to now', example: '2026-02-10T15:00:00+01:00' }).optional(),
    note: note(2000, { description: 'Note', example: 'Certificate of attendance filed' }).optional(),
  }),
  RecordContact: () => define('contacts', {}, {
    operatorId: staffId('Operator who had the contact'),
    channel: oneOf(CONTACT_CHANNELS, { description: 'How it happened', example: 'phone' }),
    contactedAt: instant({
      description: 'When it happened: ISO-8601 date-time with offset, not in the future, not before the signing nor the last recorded contact; defaults to now',
      example: '2026-02-10T15:00:00+01:00',
    }).optional(),
    note: note(2000, { description: 'Note', example: 'Reviewed the applications sent this month' }).optional(),
  }),
  CloseJourney: () => define('close', {}, {
    reason: oneOf(CLOSURE_REASONS, {
      description:
        'Why the journey ends: `placed` (prefer `POST /journeys/{id}/placement`, which records the placement too), `path_completed` ' +
        "(every service of the journey's catalogue completed, else 409 `PATH_NOT_COMPLETED`), `withdrawn`, `transferred` (prefer `POST /journeys/{id}/transfer`, which opens the next episode too), `unreachable`, " +
        '`status_lost`, `other`. `decadenza` is refused (409 `CLOSURE_NOT_ALLOWED`): it follows only a confirmed conditionality step.',
      example: 'withdrawn',
    }),
    operatorId: staffId('Operator who closes the journey'),
    details: note(2000, { description: 'Details', example: 'Hired on a permanent contract by ACME S.p.A.' }).optional(),
  }),
  RecordServiceDelivery: () => define('services/:service/deliveries', { service: id.service }, {
    operatorId: staffId('Operator who delivered the session'),
    hours: z
      .number({ error: 'must be a number with at most two decimals' })
      .min(0.01, { error: 'must not be less than 0.01' })
      .max(12, { error: 'must not be greater than 12' })
      .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, { error: 'must be a number with at most two decimals' })
      .meta({ description: 'Hours delivered in this session: above 0, at most 12, at most two decimals', example: 1.5 }),
    outputs: z
      .record(z.string(), z.unknown(), { error: 'must be an object' })
      .meta({
        description:
          "What the session produced; the fields depend on the service (anything else is refused, 400 `INVALID_VALUE` naming `outputs.<field>`). Later deliveries add to or replace earlier outputs. Texts are short summaries or references to documents kept elsewhere (at most 2000 characters): the journey's history is immutable and holds no documents. Defaults to `{}`.",
        example: { developmentAreasSheet: 'Scheda SAP prot. 2026/1182', cv: 'CV Europass v2 (fascicolo 1182)' },
      })
      .optional(),
    deliveredAt: instant({ description: 'When the session took place: ISO-8601 date-time with offset, not in the future, not before the DID date; defaults to now', example: '2026-02-10T15:00:00+01:00' }).optional(),
    completesService: flag({
      description:
        'Whether this session completes the service (its required outputs must then be recorded); a completed service accepts no more deliveries and releases the services after it. Not for `reception` (the intake completes it). Defaults to false.',
      example: true,
    }).optional(),
  }),
  ScheduleAppointment: () => define('appointments', {}, {
    service: oneOf(SERVICE_CODES, { description: "The service it is for: one the journey's catalogue lists and not completed; booking ahead of its prerequisites is allowed", example: 'second_level_interview' }),
    purpose: oneOf(APPOINTMENT_PURPOSES, {
      description: 'What it is for; it decides the ladder a no-show counts on: `interview` and `workshop` on appointments, `training` and `activation` on training',
      example: 'interview',
    }),
    at: instant({ description: 'When: ISO-8601 date-time with offset, in the future', example: '2026-03-02T09:30:00+01:00' }),
    channel: oneOf(APPOINTMENT_CHANNELS, { description: 'How it takes place', example: 'in_person' }),
    location: text(300, { description: 'Where (required in person)', example: 'CPI Torino, via Bologna 153, sportello 4' }, 'line').optional(),
    convocation: oneOf(CONVOCATION_METHODS, { description: CONVOCATION_DESCRIPTION, example: 'pec' }),
    operatorId: staffId('Operator who schedules it'),
  }, 201),
  RescheduleAppointment: () => define('appointments/:appointmentId/reschedule', { appointmentId: id.appointment }, {
    at: instant({ description: 'The new time: ISO-8601 date-time with offset, in the future', example: '2026-03-04T11:00:00+01:00' }),
    channel: oneOf(APPOINTMENT_CHANNELS, { description: 'A new channel; defaults to the current one', example: 'video' }).optional(),
    location: text(300, { description: 'A new place; defaults to the current one when the channel stays, required when it becomes in person', example: 'CPI Torino, sala 2' }, 'line').optional(),
    convocation: oneOf(CONVOCATION_METHODS, { description: `How the new time was communicated; defaults to the original convocation's method. ${CONVOCATION_DESCRIPTION}`, example: 'registered_letter' }).optional(),
    operatorId: staffId('Operator who moves it'),
    reason: text(2000, { description: 'Why', example: 'Requested by the person: medical visit' }).optional(),
  }),
  CancelAppointment: () => define('appointments/:appointmentId/cancel', { appointmentId: id.appointment }, {
    operatorId: staffId('Operator who cancels it'),
    reason: text(2000, { description: 'Why', example: 'Office closed for a strike' }),
  }),
  RecordAppointmentOutcome: () => define('appointments/:appointmentId/outcome', { appointmentId: id.appointment }, {
    outcome: oneOf(['held', 'no_show'], {
      description: '`held`, or `no_show`: a no-show opens a lapse with its justification window (see `lapses` in the journey)',
      example: 'no_show',
    }),
    operatorId: staffId('Operator who records it'),
  }),
  RecordJobOffer: () => define('offers', {}, {
    employer: text(200, { description: 'Employer', example: 'Logistica Piemonte S.r.l.' }, 'line'),
    position: text(200, { description: 'Position offered', example: 'Magazziniere, carrellista' }, 'line'),
    proposedAt: instant({
      description: 'When the offer was proposed to the person (the excuse for refusing it is due within 2 working days of it, D.M. 10 aprile 2018 art. 8 c.3): ISO-8601 date-time with offset, not in the future, not before the DID date; defaults to now',
      example: '2026-04-23T10:00:00+02:00',
    }).optional(),
    suitability: offerSuitability.optional(),
    suitabilityOverride: suitabilityOverride.optional(),
    suitable: flag({
      description:
        'Deprecated (accepted for one release): whether it is an offerta congrua, stated without facts. On journeys started since issue 13 it is recorded as an override without facts, and refused together with `suitability`; give `suitability` (and `suitabilityOverride`) instead. Required on journeys started before (rules edition 1).',
      example: true,
    }).optional(),
    communicatedBy: oneOf(CONVOCATION_METHODS, {
      description: 'How the offer was communicated: `pec`, `registered_letter` or `agreed_signed` are valid for conditionality; the others never lead to a sanction',
      example: 'pec',
    }),
    operatorId: staffId('Operator who records it'),
  }, 201),
  RecordOfferResponse: () => define('offers/:offerId/response', { offerId: id.offer }, {
    response: oneOf(['accepted', 'refused'], {
      description: "`accepted`, or `refused`: refusing a suitable offer opens a lapse whose excuse is due within the catalogue's `offerExcuseWindow` from the offer's proposal",
      example: 'refused',
    }),
    operatorId: staffId('Operator who records it'),
  }),
  RecordOfferHearing: () => define('offers/:offerId/hearing', { offerId: id.offer }, {
    outcome: oneOf(HEARING_OUTCOMES, { description: '`heard`, or `declined` (the person declined, or did not ask to be heard within two days of being told the excuse was not accepted)', example: 'heard' }),
    summary: text(2000, { description: 'A short summary of the hearing (no documents)', example: 'Says the night shift clashes with caring for a parent; no document produced' }),
    heldAt: instant({ description: 'When: ISO-8601 date-time with offset, not in the future, not before the refusal; defaults to now', example: '2026-04-29T11:00:00+02:00' }).optional(),
    operatorId: staffId('Operator who records it'),
  }),
  JustifyLapse: () => define('lapses/:lapseId/justification', { lapseId: id.lapse }, {
    reason: oneOf(JUSTIFICATION_REASONS, {
      description:
        'The excuse, from the closed list: documented illness or injury, civil or military service, pregnancy leave, court summons, documented serious family reasons, legal limits on mobility, other proven force majeure. ' +
        `For a refused offer (journeys started since issue 13) the offers' own list (D.M. 10 aprile 2018 art. 8 c.2): ${OFFER_JUSTIFICATION_REASONS.join(', ')} (else 400 \`JUSTIFICATION_REASON_NOT_APPLICABLE\`)`,
      example: 'illness_or_injury',
    }),
    evidenceRef: text(100, { description: 'A reference to the evidence kept elsewhere (a protocol number), never the evidence itself: it is often health data', example: 'PROT-2026-0042' }, 'line').optional(),
    operatorId: staffId('Operator who records it'),
    impedimentEndedAt: instant({
      description:
        'For an excuse after the window closed: when the impediment ended (ISO-8601 date-time with offset, not in the future, not before the lapse). The excuse is then due within the window counted from it, and a proposed step is withdrawn; a confirmed sanction is contested by appeal instead.',
      example: '2026-03-05T18:00:00+01:00',
    }).optional(),
  }),
  ConfirmConditionalityStep: () => define('conditionality-steps/:stepId/confirm', { stepId: id.step }, {
    operatorId: staffId('Operator who decides'),
    note: text(2000, { description: 'Note on the decision', example: 'No justification received' }).optional(),
    actingOffice,
  }),
  DismissConditionalityStep: () => define('conditionality-steps/:stepId/dismiss', { stepId: id.step }, {
    operatorId: staffId('Operator who decides'),
    reason: text(2000, { description: 'Why no sanction follows', example: 'The convocation reached the person late' }),
    actingOffice,
  }),
  RecordStepNotification: () => define('conditionality-steps/:stepId/notification', { stepId: id.step }, {
    method: oneOf(NOTIFICATION_METHODS, {
      description:
        'How the decision reached the person (art. 21 c.12 D.lgs. 150/2015): `pec_delivery_receipt`, `registered_letter_receipt` or `hand_delivery_signed`. ' +
        '`email` is refused (400 `NOTIFICATION_METHOD_NOT_VALID`): an e-mail alone is not a notification.',
      example: 'pec_delivery_receipt',
    }),
    reference: text(100, { description: "The receipt's or the signed copy's reference (a protocol number), never the document", example: 'PEC-2026-0042' }, 'line'),
    notifiedAt: instant({ description: 'When the decision reached the person: ISO-8601 date-time with offset, not in the future, not before the confirmation', example: '2026-03-18T11:00:00+01:00' }),
    operatorId: staffId('Operator who records it'),
  }),
  RecordAppeal: () => define('conditionality-steps/:stepId/appeal', { stepId: id.step }, {
    lodgedOn: calendarDate({ description: 'The day the appeal was lodged, YYYY-MM-DD: not in the future, not before the confirmation, and within the appeal window once the step is notified', example: '2026-04-02' }),
    body: oneOf(APPEAL_BODIES, {
      description: 'Where it was lodged: `ministry_of_labour` (ANPAL\'s successor for art. 21 c.12 D.lgs. 150/2015, art. 3 D.L. 75/2023), or `region` where regional rules say so',
      example: 'ministry_of_labour',
    }),
    reference: text(100, { description: "The appeal's protocol number", example: 'RIC-2026-117' }, 'line').optional(),
    operatorId: staffId('Operator who records it'),
  }),
  RecordAppealOutcome: () => define('conditionality-steps/:stepId/appeal/outcome', { stepId: id.step }, {
    outcome: oneOf(APPEAL_OUTCOMES, {
      description:
        '`upheld` (the sanction stands), `annulled` (the step no longer counts on its ladder; an annulled decadenza reopens the journey), or `partly_annulled` ' +
        '(the step counts with `reducedEffect`; a decadenza so reduced reopens the journey)',
      example: 'annulled',
    }),
    decidedOn: calendarDate({ description: 'The day the appeal body decided, YYYY-MM-DD: not in the future, not before the appeal was lodged', example: '2026-05-05' }),
    reducedEffect: oneOf(SANCTION_EFFECTS, { description: 'For `partly_annulled` only: the lesser sanction that stands', example: 'quarter_month_cut' }).optional(),
    note: text(2000, { description: 'Note on the decision', example: 'Convocation not proven received' }).optional(),
    operatorId: staffId('Operator who records it'),
  }),
  AmendPact: () => define('pact/amendments', {}, {
    operatorId: staffId('Operator who amends the pact'),
    reason: text(2000, { description: 'Why the pact changes', example: 'The person starts a training course in April' }),
    responsibleOperatorId: staffId('A new responsible operator', 'op-milano-022').optional(),
    profilingClass: oneOf(PROFILING_CLASSES, { description: 'A new profiling class', example: 'high' }).optional(),
    contactFrequency: duration({ description: 'A new contact frequency: ISO-8601 duration (the next contact falls due from the last one with it)', example: 'P15D' }).optional(),
    jobSearchProof: text(1000, { description: 'A new way of proving job search', example: 'Fortnightly report of applications sent' }).optional(),
    availability: availability.meta({ description: 'New availability clauses (all three)' }).optional(),
    changeActions: list(actionChange, 0, 50, 'Actions changed, at most 50, each at most once').optional(),
    addActions: list(pactAction, 0, 50, 'Actions added, at most 50; numbered after the existing ones').optional(),
    withdrawActionIds: list(id.action, 0, 50, 'Pending or overdue actions withdrawn (they stay in the history and in the earlier versions); the pact keeps at least one action').optional(),
    acceptance: acceptance.optional(),
    referrals: list(pactReferral, 0, 20, 'Referrals the new version agrees, at most 20 (edition 2); referrals made outside the pact since the last version join it too').optional(),
  }),
  AcceptPactVersion: () => define('pact/versions/:version/acceptance', {
    version: z
      .string({ error: 'must be a pact version number: 1 to 4 digits, such as 1' })
      .regex(/^[1-9][0-9]{0,3}$/, { error: 'must be a pact version number: 1 to 4 digits, such as 1' })
      .meta({ description: 'The version of the pact waiting for acceptance (`pactVersionAwaitingAcceptance`)', example: '1' }),
  }, {
    method: ACCEPTANCE_METHOD,
    acceptedAt: instant({ description: 'When the person accepted: ISO-8601 date-time with offset, not in the future, not before the version was signed; defaults to now', example: '2026-03-05T11:00:00+01:00' }).optional(),
    operatorId: staffId('Operator who records the acceptance'),
    // Set by the API when it stores an uploaded signed copy (never a request body's): the journey keeps its id and hash only.
    signedCopy: z
      .strictObject({
        documentId: z.uuid({ error: 'must be a UUID' }),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in lower-case hex' }),
      })
      .optional(),
  }),
  MakeReferral: () => define('referrals', {}, {
    to: oneOf(REFERRAL_TARGETS, { description: 'Where the person is referred', example: 'training_body' }),
    organisation: text(200, { description: 'The organisation', example: 'Ente di formazione CIOFS Piemonte' }, 'line'),
    reason: text(2000, { description: 'Why', example: 'Forklift licence course' }),
    operatorId: staffId('Operator who refers'),
  }, 201),
  RecordReferralOutcome: () => define('referrals/:referralId/outcome', { referralId: id.referral }, {
    outcome: oneOf(REFERRAL_OUTCOMES, { description: '`taken_up` (the person started), `completed`, or `declined`', example: 'taken_up' }),
    operatorId: staffId('Operator who records it'),
    note: text(2000, { description: 'Note', example: 'Enrolled in the March course' }).optional(),
  }),
  RecordPlacement: () => define('placement', {}, {
    employer: text(200, { description: 'Employer', example: 'Logistica Piemonte S.r.l.' }, 'line'),
    contractType: oneOf(CONTRACT_TYPES, { description: 'Contract type', example: 'permanent' }),
    startDate: calendarDate({ description: 'First day of work, YYYY-MM-DD, not before the DID date (it may be in the future)', example: '2026-04-01' }),
    hoursPerWeek: z
      .number({ error: 'must be a number' })
      .gt(0, { error: 'must be above 0' })
      .max(60, { error: 'must not be greater than 60' })
      .meta({ description: 'Hours per week: above 0, at most 60', example: 40 })
      .optional(),
    offerId: id.offer.meta({ description: 'The recorded job offer it comes from (`offerId` of `offers`)', example: 'O1' }).optional(),
    operatorId: staffId('Operator who records it'),
  }),
  // Suspension by a job and justified absences (issue 14): every clock of the journey paused, then resumed later by the pause.
  SuspendForJob: () => define('suspension', {}, {
    employer: text(200, { description: 'Employer', example: 'Logistica Piemonte S.r.l.' }, 'line'),
    contractType: oneOf(CONTRACT_TYPES, { description: 'Contract type', example: 'fixed_term' }),
    startDate: calendarDate({ description: 'First day of work, YYYY-MM-DD: not in the future, not before the DID date', example: '2026-04-01' }),
    expectedEndDate: calendarDate({
      description:
        'Expected last day of work, YYYY-MM-DD: a job of up to six months suspends the unemployed status (art. 19 c.3 D.lgs. 150/2015); ' +
        'one ending six months after the start or later is refused (409 `JOB_TOO_LONG_FOR_SUSPENSION`: record the placement or close the journey)',
      example: '2026-06-30',
    }),
    hoursPerWeek: z
      .number({ error: 'must be a number' })
      .gt(0, { error: 'must be above 0' })
      .max(60, { error: 'must not be greater than 60' })
      .meta({ description: 'Hours per week: above 0, at most 60', example: 30 })
      .optional(),
    operatorId: staffId('Operator who records the suspension'),
  }, 201),
  EndSuspension: () => define('suspension/end', {}, {
    endDate: calendarDate({ description: "The job's last day, YYYY-MM-DD: not in the future, not before it started; the clocks run again from the day after", example: '2026-05-15' }),
    operatorId: staffId('Operator who records the end of the job'),
  }),
  RecordAbsence: () => define('absences', {}, {
    reason: oneOf(ABSENCE_REASONS, { description: "Why the person is away: one of the journey's catalogue's `absenceReasons` (else 400 `ABSENCE_REASON_NOT_APPLICABLE`); no evidence is kept", example: 'illness' }),
    fromDate: calendarDate({ description: 'First day of absence, YYYY-MM-DD, not in the future', example: '2026-04-01' }),
    toDate: calendarDate({ description: 'Expected last day of absence, YYYY-MM-DD, not in the past: the clocks run again the day after, by themselves', example: '2026-04-30' }),
    operatorId: staffId('Operator who records the absence'),
  }, 201),
  EndAbsence: () => define('absences/:pauseId/end', { pauseId: id.pause }, {
    endDate: calendarDate({ description: 'The actual last day of absence, YYYY-MM-DD, not in the future', example: '2026-04-20' }),
    operatorId: staffId('Operator who records the end of the absence'),
  }),
  // The benefit's lifecycle (issue 14): each change on its day, not in the future, not before the claim's last status.
  ClaimBenefit: () => define('benefit', {}, {
    kind: oneOf(BENEFIT_KINDS, {
      description:
        'The benefit claimed: `naspi` or `dis_coll` (subject to conditionality, art. 21 D.lgs. 150/2015), `adi` (Assegno di inclusione) or `sfl` (Supporto per la formazione e il lavoro, D.L. 48/2023: ' +
        "their own presentation obligation when the journey's catalogue sets one, no art. 21 conditionality)",
      example: 'naspi',
    }),
    applicationDate: calendarDate({
      description:
        'Day of the application to INPS, YYYY-MM-DD: not in the future, not before the DID (the application counts as the DID itself, art. 21 c.1 D.lgs. 150/2015) nor the end of a previous claim. ' +
        "While the person waits for the presa in carico, the catalogue's `firstContactAfterBenefitClaim` clock runs from a NASpI or DIS-COLL application",
      example: '2026-03-10',
    }),
    activationPactDate: calendarDate({
      description: "ADI, SFL: the day of the digital activation pact (patto di attivazione digitale), YYYY-MM-DD, not in the future: the presentation clocks count from it (absent: from the application's day)",
      example: '2026-03-12',
    }).optional(),
    operatorId: staffId('Operator who records the claim'),
    note: note(2000, { description: 'Note', example: 'Application protocol INPS 2026-118822' }).optional(),
  }),
  RecordBenefitGranted: () => define('benefit/grant', {}, {
    grantedOn: calendarDate({ description: "Day of INPS's grant, YYYY-MM-DD: not in the future, not before the claim's last status", example: '2026-03-25' }),
    operatorId: staffId('Operator who records it'),
    note: note(2000, { description: 'Note', example: 'Grant notified through the INPS portal' }).optional(),
  }),
  RecordBenefitRefused: () => define('benefit/refusal', {}, {
    refusedOn: calendarDate({ description: "Day of INPS's refusal, YYYY-MM-DD: not in the future, not before the claim's last status; from it conditionality no longer applies", example: '2026-03-25' }),
    operatorId: staffId('Operator who records it'),
    note: note(2000, { description: 'Note', example: 'Contribution requirement not met' }).optional(),
  }),
  SuspendBenefit: () => define('benefit/suspension', {}, {
    suspendedOn: calendarDate({ description: "First day of the suspension, YYYY-MM-DD: not in the future, not before the claim's last status", example: '2026-04-01' }),
    reason: oneOf(BENEFIT_SUSPENSION_REASONS, {
      description:
        '`short_employment` (a subordinate job of up to six months, art. 9 D.lgs. 22/2015), `missed_presentation` (ADI/SFL: a presentation missed, art. 4 and 12 D.L. 48/2023), ' +
        '`pact_not_updated` (SFL: its months ended without the pact updated), or `other`. The journey records the last two itself when its catalogue sets a presentation obligation',
      example: 'short_employment',
    }),
    operatorId: staffId('Operator who records it'),
    note: note(2000, { description: 'Note', example: 'Fixed-term contract until 30 June' }).optional(),
  }),
  ResumeBenefit: () => define('benefit/resumption', {}, {
    resumedOn: calendarDate({ description: 'Day the benefit runs again, YYYY-MM-DD: not in the future, not before the suspension', example: '2026-07-01' }),
    operatorId: staffId('Operator who records it'),
    note: note(2000, { description: 'Note', example: 'Contract ended on 30 June' }).optional(),
  }),
  EndBenefit: () => define('benefit/end', {}, {
    endedOn: calendarDate({ description: "Day the benefit ends, YYYY-MM-DD: not in the future, not before the claim's last status; from it conditionality no longer applies", example: '2026-09-30' }),
    reason: oneOf(BENEFIT_END_REASONS, {
      description: '`exhausted` (its months used up), `decadenza`, `employment` (a job that ends it), `renounced` (by the person), `other`',
      example: 'exhausted',
    }),
    operatorId: staffId('Operator who records it'),
    note: note(2000, { description: 'Note', example: 'Last monthly payment in September' }).optional(),
  }),
  // Issue 14: the GOL assessment (journeys started under the programme `GOL`).
  RecordProfiling: () => define('assessment/profiling', {}, {
    score: z
      .number({ error: `must be a number from ${PROFILING_SCORE_RANGE.min} to ${PROFILING_SCORE_RANGE.max}` })
      .min(PROFILING_SCORE_RANGE.min, { error: `must be a number from ${PROFILING_SCORE_RANGE.min} to ${PROFILING_SCORE_RANGE.max}` })
      .max(PROFILING_SCORE_RANGE.max, { error: `must be a number from ${PROFILING_SCORE_RANGE.min} to ${PROFILING_SCORE_RANGE.max}` })
      .meta({ description: "The national model's score as it gives it (the estimated probability of still being without a job in 12 months, 0 to 1), recorded as given", example: 0.42 }),
    profilingClass: oneOf(PROFILING_CLASSES, { description: "The national model's class, as it gives it", example: 'medium' }),
    profiledOn: calendarDate({ description: 'When the national model computed it: YYYY-MM-DD, not in the future, not before the DID nor the last profiling', example: '2026-03-04' }),
    operatorId: staffId('Operator who records it'),
  }),
  RecordQualitativeAssessment: () => define('assessment/qualitative', {}, {
    findings: list(assessmentFinding, 1, 30, "The findings, one per area assessed, on the areas of the journey's GOL catalogue"),
    summary: text(2000, { description: "The operator's summary of the assessment", example: 'Job-ready in logistics once the forklift licence is renewed' }),
    assessedOn: calendarDate({ description: 'The day of the interview: YYYY-MM-DD, not in the future, not before the DID; defaults to today', example: '2026-03-05' }).optional(),
    operatorId: staffId('Operator who assessed'),
  }),
  ChooseGolPath: () => define('assessment/path', {}, {
    path: z
      .number({ error: `must be one of ${GOL_PATH_VALUES}` })
      .int({ error: `must be one of ${GOL_PATH_VALUES}` })
      .min(1, { error: `must be one of ${GOL_PATH_VALUES}` })
      .max(5, { error: `must be one of ${GOL_PATH_VALUES}` })
      .meta({ description: 'The GOL path: 1 reinserimento lavorativo, 2 aggiornamento (upskilling), 3 riqualificazione (reskilling), 4 lavoro e inclusione, 5 ricollocazione collettiva', example: 3 }),
    reason: text(2000, { description: 'Why this path, from the profiling and the qualitative assessment', example: 'Skills far from what the local market asks: a longer retraining' }),
    socialServices: z
      .strictObject({
        organisation: text(200, { description: 'The social services', example: 'Servizi sociali Comune di Torino' }, 'line'),
        reference: text(100, { description: "Their reference for the case or the network agreement (no personal data)", example: 'PUA-2026-12' }, 'line').optional(),
      }, { error: 'must be an object' })
      .meta({ description: 'Path 4 only, and required for it (400 `GOL_PATH_PARTY_REQUIRED`): the social services the path runs with' })
      .optional(),
    collectiveReallocation: z
      .strictObject({
        employer: text(200, { description: 'The employer in crisis', example: 'Acme Logistica S.p.A.' }, 'line'),
        agreementReference: text(100, { description: 'The reference of the agreement the reallocation follows from', example: 'Accordo di ricollocazione 2026/44' }, 'line'),
      }, { error: 'must be an object' })
      .meta({ description: 'Path 5 only, and required for it (400 `GOL_PATH_PARTY_REQUIRED`): the employer in crisis and the agreement' })
      .optional(),
    operatorId: staffId('Operator who chooses'),
    catalogue: golPathCatalogue,
  }),
  TransferJourney: () => define('transfer', {}, {
    toProgrammeCode: z
      .string({ error: 'must be a string' })
      .regex(PROGRAMME_CODE_PATTERN, { error: PROGRAMME_CODE_MESSAGE })
      .meta({ description: "The programme (path) the person moves to: another than the journey's, with a published catalogue (`GET /programmes`)", example: 'GOL-2' }),
    reason: text(2000, { description: 'Why the person changes path', example: 'The assessment shows the person needs upskilling before job search' }),
    operatorId: staffId('Operator who transfers the person'),
    nextEpisode,
  }),
  // GOL monitoring (issue 15): once, for a journey started without `monitoring`; validated against the DID by the journey.
  RecordMonitoringData: () => define('monitoring', {}, {
    ...monitoringFields,
    operatorId: staffId('Operator who records the monitoring data'),
  }, 201),
  // ADI and SFL (issue 15): the periodic presentation and its exemptions (art. 6 c.4–5 D.L. 48/2023).
  RecordPresentation: () => define('presentations', {}, {
    presentedAt: instant({
      description: 'When the person presented to the services (ADI) or confirmed participation (SFL), an ISO-8601 date-time with offset: not in the future, not before the last one; absent: now',
      example: '2026-05-10T09:00:00+02:00',
    }).optional(),
    operatorId: staffId('Operator who records the presentation'),
    note: note(2000, { description: 'Note', example: 'Colloquio di aggiornamento presso i servizi sociali' }).optional(),
  }, 201),
  RecordPresentationExemption: () => define('presentation-exemption', {}, {
    reason: oneOf(PRESENTATION_EXEMPTION_REASONS, {
      description:
        'Why the member is exempt (art. 6 c.4–5 D.L. 48/2023): `pensioner`, `aged_60_or_over`, `disabled`, `oncological_illness`, `care_duties` (a child under 3, three or more minors, ' +
        'a member with severe disability or not self-sufficient), `gender_violence_protection`, `in_education`, `employed`, `other`',
      example: 'aged_60_or_over',
    }),
    operatorId: staffId('Operator who records the exemption'),
    note: note(2000, { description: 'Note (no health data)', example: 'Età pari a 61 anni' }).optional(),
  }, 201),
  WithdrawPresentationExemption: () => define('presentation-exemption/withdrawal', {}, {
    operatorId: staffId('Operator who withdraws the exemption'),
    note: note(2000, { description: 'Note', example: 'Cessato il carico di cura' }).optional(),
  }),
} as const satisfies Record<OperatorCommandType, () => CommandDefinition>;

type CommandTable = { readonly [K in keyof typeof COMMAND_DEFINITIONS]: ReturnType<(typeof COMMAND_DEFINITIONS)[K]> };

/** Every command's route, path ids, body and status, each built on first reading and kept (one table per process or workflow). */
export const JOURNEY_COMMANDS: CommandTable = lazyTable(COMMAND_DEFINITIONS);

function lazyTable<T extends Record<string, () => unknown>>(definitions: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const table = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(definitions) as (keyof T)[]) {
    let built: ReturnType<T[typeof key]> | undefined;
    Object.defineProperty(table, key, { enumerable: true, get: () => (built ??= definitions[key]() as ReturnType<T[typeof key]>) });
  }
  return table;
}

/** Whether `type` names an operator command. */
export function isOperatorCommandType(type: unknown): type is OperatorCommandType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(JOURNEY_COMMANDS, type);
}

/** A command as the journey receives it: its `type`, its path ids and its body's fields, nothing else. */
export function commandSchema(type: OperatorCommandType): z.ZodObject {
  const { params, body } = JOURNEY_COMMANDS[type];
  return body.extend({ ...params, type: z.literal(type) });
}

/** The command an API request makes: the path ids and the body's given fields (absent and null ones left out). */
export function toJourneyCommand(type: OperatorCommandType, params: Record<string, string>, body: Record<string, unknown>): OperatorCommand {
  const given = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null));
  return { ...given, ...params, type } as OperatorCommand;
}

/** How a schema's issues read as fields: `actions[0].dueDate` (a key of digits reads as an index, as the API writes every path), each unknown field on its own. */
export interface InputProblem {
  field: string;
  message: string;
  /** The schema's issue code (`invalid_type`, `too_small`, `too_big`, `invalid_format`, `invalid_value`), `unknown_field`, or a refinement's own `params.code` (else `invalid`). */
  code: string;
  /** The rule's parameters a message names: `minimum`, `maximum`, `origin` (number, string, array), `expected`, `format`, `values`, `name`. */
  params?: Record<string, string | number>;
}

/** The problems of a schema's failure, one per field (its first), in the order the schema found them. */
export function inputProblems(error: z.ZodError, prefix = ''): InputProblem[] {
  const name = (path: readonly PropertyKey[]) =>
    path.reduce<string>((acc, s) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `${acc}[${String(s)}]` : acc ? `${acc}.${String(s)}` : String(s)), prefix);
  const all = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: name([...issue.path, key]), message: `property ${key} should not exist`, code: 'unknown_field', params: { name: key } }))
      : [{ field: name(issue.path) || '(body)', message: issue.message, ...issueCode(issue) }],
  );
  return all.filter((p, i) => all.findIndex((q) => q.field === p.field) === i);
}

/** The stable code and parameters of one schema issue (see {@link InputProblem}). */
function issueCode(issue: z.core.$ZodIssue): Pick<InputProblem, 'code' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.code, params: { expected: issue.expected } };
    case 'too_small':
      return { code: issue.code, params: { minimum: Number(issue.minimum), origin: issue.origin } };
    case 'too_big':
      return { code: issue.code, params: { maximum: Number(issue.maximum), origin: issue.origin } };
    case 'invalid_format':
      return { code: issue.code, params: { format: issue.format } };
    case 'invalid_value':
      return { code: issue.code, params: { values: issue.values.map(String).join(', ') } };
    case 'custom': {
      const own = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: typeof own === 'string' ? own : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}
