import type { OperatorCommandType } from '@sal/contracts';
import { serviceOutputsDescription } from './service-outputs';

/** How a command reads in the OpenAPI document: what it does, what it answers, and the journey's own refusals. */
export interface CommandDoc {
  summary: string;
  description: string;
  /** The description of its 200 or 201 answer (the journey's new state). */
  answer: string;
  /** The refusal codes of this command beyond the ones every command can meet (`COMMAND_ERRORS`). */
  refusals: Record<string, string>;
}

const APPOINTMENT_GONE = {
  APPOINTMENT_NOT_FOUND: 'the journey has no such appointment',
  APPOINTMENT_NOT_SCHEDULED: 'the appointment is no longer scheduled (held, no-show or cancelled)',
};
const STEP_GONE = { STEP_NOT_FOUND: 'the journey has no such conditionality step', STEP_ALREADY_DECIDED: 'the step was already confirmed or dismissed' };
/** Sanctions are the competent CPI's act (art. 21 c.7, art. 23 D.lgs. 150/2015), on journeys of rules edition 2 that pinned their office. */
const CPI_ONLY = {
  SANCTION_NOT_CPI:
    "the caller does not act from the journey's competent CPI: staff of an accredited operator report (the journey proposes the step), only the competent CPI's staff decide (403)",
};
const CPI_AUTHORITY =
  " Only staff of the journey's competent CPI decide (art. 21 c.7, art. 23 D.lgs. 150/2015): the API finds the office the caller acts from in the directory " +
  "of offices (the competent CPI when the caller's offices include it; an administrator acts for it), records it as `decidedByOffice`, and a CPI's staff " +
  'reach the journeys of the accredited operators under it for this. A body cannot name the office.';
const SERVICE_REFUSALS = {
  SERVICE_NOT_IN_PROGRAMME: "the journey's catalogue does not include the service",
  SERVICE_ALREADY_COMPLETED: 'the service is completed',
  INTAKE_REQUIRED: 'every service but reception follows the presa in carico',
  PACT_NOT_SIGNED: '`tutoring` and `job_search` run under the signed pact',
};
/** What every change of a claimed benefit can meet. */
const BENEFIT_REFUSALS = (own: Record<string, string>) => ({
  BENEFIT_NOT_CLAIMED: 'the person claims no benefit: record the claim first',
  BENEFIT_CLOSED: 'the claim was refused or ended: nothing changes it any more (claim again)',
  ...own,
});
/** Issue 14: in GOL's assessment stage the pact and what runs under it wait for `ChooseGolPath`. */
const GOL_PATH_FIRST = 'the journey is in the GOL assessment: the path is not chosen yet (`POST /journeys/{journeyId}/assessment/path`)';
const CREATED = (what: string, list: string, id: string) =>
  `The journey after the command: the new ${what} is the last of \`${list}\` (its \`${id}\` is what later commands name in their path)`;

/** One entry per command of the table: the compiler names a command added without its documentation. */
export const COMMAND_DOCS: Record<OperatorCommandType, CommandDoc> = {
  RecordIntake: {
    summary: 'Record the presa in carico',
    description: 'An operator takes the person in charge; the journey moves to `awaiting_pact`.',
    answer: 'The journey after the intake',
    refusals: { INTAKE_ALREADY_RECORDED: 'the person was already taken in charge', INVALID_DATE: '`takenInChargeAt` is in the future or before the DID date' },
  },
  SignPact: {
    summary: 'Sign the Patto di servizio personalizzato',
    description:
      "Records the pact (version 1) and its actions (numbered A1, A2, …). `contactFrequency` defaults to the catalogue's `defaultContactFrequency`; `jobSearchProof` is required " +
      '(art. 20 c.2 lett. e D.lgs. 150/2015). Journeys of rules edition 2: the pact is in force from the person\'s acceptance — given now in `acceptance`, the journey moves to ' +
      '`pact_active` and watches the due dates and the agreed contacts from `acceptance.acceptedAt`; left out, version 1 waits for it (`pactVersionAwaitingAcceptance`), the journey ' +
      'stays `awaiting_pact` (nothing runs under a pact not in force) until `POST /journeys/{journeyId}/pact/versions/1/acceptance`, and the catalogue\'s `pactAcceptanceWindow` ' +
      'tells the supervisors when it waits too long. `referrals` lists the referrals to other services the pact agrees (made and linked to the version once it is in force). ' +
      'Journeys of edition 1 sign as before: in force at signing, `acceptance` and `referrals` refused. Amend it later with `POST /journeys/{journeyId}/pact/amendments`.',
    answer: 'The journey after the signing',
    refusals: {
      GOL_PATH_NOT_CHOSEN: GOL_PATH_FIRST,
      INTAKE_REQUIRED: 'the intake must be recorded first',
      PACT_ALREADY_SIGNED: 'the pact is already signed',
      PACT_AWAITING_ACCEPTANCE: "version 1 is signed and awaits the person's acceptance",
      INVALID_DATE: 'a due date is not after the signing (`fields` names it)',
      INVALID_DURATION: "`contactFrequency` is not a positive ISO-8601 duration, or is missing and the journey's catalogue has no `defaultContactFrequency`",
      SUITABLE_OFFERS_AVAILABILITY_REQUIRED: 'a benefit recipient declares `availability.suitableOffers: false` (art. 20 c.3, art. 21 D.lgs. 150/2015; journeys started since issue 13)',
    },
  },
  CompletePactAction: {
    summary: 'Complete a pact action',
    description: 'Records that the person completed the action (also when it is overdue).',
    answer: 'The journey after the completion',
    refusals: {
      GOL_PATH_NOT_CHOSEN: GOL_PATH_FIRST,
      PACT_NOT_SIGNED: 'the pact is not signed yet',
      PACT_ACTION_NOT_FOUND: 'the pact has no such action',
      PACT_ACTION_ALREADY_COMPLETED: 'the action is already completed',
      PACT_ACTION_WITHDRAWN: 'the action was withdrawn by a pact amendment',
      INVALID_DATE: '`completedAt` is in the future or before the signing',
    },
  },
  RecordContact: {
    summary: 'Record a contact',
    description:
      "Records a contact between the person and the operator, as the pact's contact frequency asks: the next contact falls due that frequency after it " +
      '(`nextContactDueAt`), and a missed contact is cleared (the journey is no longer stalled for it).',
    answer: 'The journey after the contact',
    refusals: {
      GOL_PATH_NOT_CHOSEN: GOL_PATH_FIRST, PACT_NOT_SIGNED: 'agreed contacts start with the signed pact', INVALID_DATE: '`contactedAt` is in the future, before the signing or before the last recorded contact' },
  },
  CloseJourney: {
    summary: 'Close the journey',
    description:
      'Ends the journey for a reason of its own; it accepts no more commands afterwards (409 JOURNEY_CLOSED). A placement is better recorded with ' +
      '`POST /journeys/{journeyId}/placement`, which keeps its details and closes the journey as `placed`. `decadenza` only follows a confirmed conditionality step.',
    answer: 'The closed journey',
    refusals: {
      CLOSURE_NOT_ALLOWED: '`decadenza` is not closed by hand: it follows a confirmed conditionality step',
      PATH_NOT_COMPLETED: "`path_completed` while services of the journey's catalogue are not completed (the message lists them)",
    },
  },
  RecordServiceDelivery: {
    summary: 'Record a session of a service',
    description:
      "Records the hours delivered and what the session produced (`outputs`, fields per service). Only services the journey's catalogue lists are accepted, " +
      'each once its prerequisites are completed; the interview, the plan and the assessment after the presa in carico, tutoring and job search under the signed pact. ' +
      '`completesService: true` completes the service (its required outputs must be recorded by then).\n\n' +
      serviceOutputsDescription() +
      '\n\n',
    answer: 'The journey after the delivery (`serviceProgress`, `pendingServices`, `totalServiceHours`)',
    refusals: {
      INVALID_VALUE: 'an output is not a field of the service or breaks its rule, hours are out of range, or `completesService` on reception (`fields` names it, e.g. `outputs.cv`)',
      ...SERVICE_REFUSALS,
      SERVICE_PREREQUISITE_PENDING: 'a service the catalogue puts before this one is not completed',
      SERVICE_OUTPUTS_MISSING: 'completing the service needs outputs not recorded yet (`fields` names the first, e.g. `outputs.cv`)',
      INVALID_DATE: '`deliveredAt` is in the future or before the DID date',
    },
  },
  ScheduleAppointment: {
    summary: 'Schedule an appointment',
    description:
      "Books an appointment for a service the journey's catalogue lists (ahead of its prerequisites if need be), with how the person was convened. " +
      "The person is reminded the catalogue's `appointmentReminderBefore` ahead. Only a convocation by PEC, registered letter or agreed and signed can lead " +
      'to a sanction if the person does not come. Answers 201 with the journey.',
    answer: CREATED('appointment', 'appointments', 'appointmentId'),
    refusals: { INVALID_VALUE: 'an appointment in person has no `location` (`fields` names it)', ...SERVICE_REFUSALS, INVALID_DATE: '`at` is not in the future' },
  },
  RescheduleAppointment: {
    summary: 'Move an appointment',
    description: 'Moves a scheduled appointment to a new time (and channel, place, convocation); its reminder is due again before the new time.',
    answer: 'The journey after the move',
    refusals: { INVALID_VALUE: 'the appointment becomes in person without a `location`', ...APPOINTMENT_GONE, INVALID_DATE: '`at` is not in the future' },
  },
  CancelAppointment: {
    summary: 'Cancel an appointment',
    description: 'Cancels a scheduled appointment; nothing follows from it.',
    answer: 'The journey after the cancellation',
    refusals: { ...APPOINTMENT_GONE },
  },
  RecordAppointmentOutcome: {
    summary: 'Record what happened at an appointment',
    description:
      "Once its time has come: `held`, or `no_show`. A no-show opens a lapse (`lapses`) on the ladder of the appointment's purpose, with the catalogue's " +
      '`justificationWindow` from the appointment. Justified in time (`POST …/lapses/{lapseId}/justification`), nothing follows; when the window closes without ' +
      'an excuse, the journey proposes a conditionality step (`conditionalitySteps`) for the operator to confirm or dismiss — only for benefit recipients and ' +
      'only when the convocation was valid.',
    answer: 'The journey after the outcome (a no-show: the new lapse is the last of `lapses`)',
    refusals: { ...APPOINTMENT_GONE, APPOINTMENT_NOT_YET_HELD: "the appointment's time has not come yet" },
  },
  RecordJobOffer: {
    summary: 'Record a job offer',
    description:
      'Records an offer put to the person under the signed pact: when it was proposed (`proposedAt`), how it was communicated, and what makes it suitable (`suitability`: ' +
      'distance and travel time, contract type and length, hours against the last contract, pay against the collective agreement and the benefit, months of unemployment, ' +
      'match with experience — art. 25 D.lgs. 150/2015, D.M. 10 aprile 2018 artt. 3–7). The journey decides whether it is congrua from those facts and the thresholds of its ' +
      "catalogue (`offerSuitability`, the D.M.'s by default): `verdict` lists each failed criterion with its source. An operator may override the verdict with a reason " +
      '(`suitabilityOverride`); `suitable` is then the override\'s verdict, else the facts\'. The deprecated `suitable` flag alone (one release) is recorded as an override ' +
      'without facts. Journeys started before issue 13 (rules edition 1) take `suitable` as before. Answers 201 with the journey.',
    answer: CREATED('offer', 'offers', 'offerId'),
    refusals: {
      GOL_PATH_NOT_CHOSEN: GOL_PATH_FIRST,
      PACT_NOT_SIGNED: 'job offers are recorded under the signed pact',
      INVALID_VALUE: 'neither `suitability` nor `suitable` given, both given, or a fact missing for this offer (`suitability.contractMonths` of a fixed-term contract, `suitability.benefitMonthlyAmount` of a benefit recipient; `fields` names it)',
      INVALID_DATE: '`proposedAt` is in the future or before the DID date',
    },
  },
  RecordOfferResponse: {
    summary: "Record the person's answer to a job offer",
    description:
      "`accepted`, or `refused`. Refusing a suitable offer (congrua by its facts, or by the operator's override) opens a lapse on the suitable-offer ladder whose excuse is " +
      "due within the catalogue's `offerExcuseWindow` (2 working days) of the offer's proposal (D.M. 10 aprile 2018 art. 8 c.3; from the refusal on journeys started " +
      'before issue 13); refusing another offer has no consequence.',
    answer: 'The journey after the answer',
    refusals: { OFFER_NOT_FOUND: 'the journey has no such offer', OFFER_ALREADY_ANSWERED: 'the answer to the offer is already recorded' },
  },
  RecordOfferHearing: {
    summary: "Record the person's hearing on a refused offer",
    description:
      'The right to be heard (D.M. 10 aprile 2018 art. 8 c.4): told that the excuse is not accepted, the person may ask to be heard within two days. Records, once and ' +
      'before the step is decided, when and how it went: `heard` with a summary, or `declined` (also when the person did not ask in time). On journeys started since ' +
      'issue 13 the decadenza for refusing a suitable offer cannot be confirmed before it (409 `HEARING_NOT_RECORDED`); it can always be dismissed.',
    answer: 'The journey after the hearing (`offers[].hearing`)',
    refusals: {
      OFFER_NOT_FOUND: 'the journey has no such offer',
      OFFER_HAS_NO_LAPSE: 'the offer was not refused, or was not a suitable one: there is nothing to be heard on',
      HEARING_ALREADY_RECORDED: 'the hearing on the offer is already recorded',
      LAPSE_NOT_OPEN: "the offer's lapse was justified",
      STEP_ALREADY_DECIDED: "the offer's conditionality step was already confirmed or dismissed",
      INVALID_DATE: '`heldAt` is in the future or before the refusal',
    },
  },
  JustifyLapse: {
    summary: 'Justify a lapse (giustificato motivo)',
    description:
      'Records a valid excuse from the closed list for a no-show or a refused suitable offer. Accepted while the window is open: nothing follows. After it, only ' +
      'with `impedimentEndedAt` and within the window counted from it, while no sanction is confirmed: a proposed step is then withdrawn. Keep evidence out: ' +
      'give only a reference to it.',
    answer: 'The journey after the justification',
    refusals: {
      LAPSE_NOT_FOUND: 'the journey has no such lapse',
      LAPSE_NOT_OPEN: 'the lapse is already justified, or its sanction was confirmed (contested by appeal)',
      JUSTIFICATION_WINDOW_CLOSED: 'the window closed and no `impedimentEndedAt` was given, or the excuse comes too late after it',
      JUSTIFICATION_REASON_NOT_APPLICABLE: "the excuse is not on the offers' own list (D.M. 10 aprile 2018 art. 8 c.2) for a refused offer's lapse: a court summons, say",
      INVALID_DATE: '`impedimentEndedAt` is in the future or before the lapse',
    },
  },
  ConfirmConditionalityStep: {
    summary: 'Confirm a proposed conditionality step',
    description:
      "The operator decides the sanction: the ladder's next one now (appointments: a quarter of a monthly payment, one month, decadenza; training: one month, " +
      'decadenza; suitable offer: decadenza). The appeal window (the catalogue\'s `appealWindow`, 30 days, art. 21 c.12 D.lgs. 150/2015) runs from the ' +
      'notification: `appealDueAt` is set by `POST …/conditionality-steps/{stepId}/notification` (journeys of rules edition 1 count it from the confirmation). ' +
      'Decadenza closes the journey (reason `decadenza`); while an appeal is possible the journey still takes the notification and appeal commands.' + CPI_AUTHORITY,
    answer: 'The journey after the decision',
    refusals: { ...STEP_GONE, ...CPI_ONLY, HEARING_NOT_RECORDED: "a suitable offer's refusal: the person's hearing (heard or declined) is not recorded yet (D.M. 10 aprile 2018 art. 8 c.4)" },
  },
  DismissConditionalityStep: {
    summary: 'Dismiss a proposed conditionality step',
    description: 'The operator decides that no sanction follows, and says why.' + CPI_AUTHORITY,
    answer: 'The journey after the decision',
    refusals: { ...STEP_GONE, ...CPI_ONLY },
  },
  RecordStepNotification: {
    summary: 'Record how the decision reached the person',
    description:
      'Art. 21 c.12 D.lgs. 150/2015: the 30 days to appeal run from the notification. A PEC delivery receipt, a registered letter receipt or a copy signed on hand ' +
      "delivery, with its reference; `appealDueAt` becomes the catalogue's `appealWindow` from `notifiedAt`, and the journey keeps that deadline. An e-mail alone is " +
      'not a notification. Accepted on a journey closed by decadenza while an appeal is possible.',
    answer: 'The journey after the notification (the step has its `appealDueAt`)',
    refusals: {
      STEP_NOT_FOUND: 'the journey has no such conditionality step',
      STEP_NOT_CONFIRMED: 'the step is proposed or dismissed: only a confirmed sanction is notified',
      STEP_ALREADY_NOTIFIED: 'the notification is already recorded',
      NOTIFICATION_METHOD_NOT_VALID: '`method` is `email`: an e-mail alone is not a notification',
      INVALID_DATE: '`notifiedAt` is in the future or before the confirmation',
    },
  },
  RecordAppeal: {
    summary: 'Record an appeal against a confirmed sanction',
    description:
      'The day it was lodged and the body (the Ministry of Labour, which took over ANPAL\'s functions under art. 3 D.L. 75/2023, or the region). Within the appeal ' +
      'window once the step is notified. A journey closed by decadenza stays open to the outcome.',
    answer: 'The journey after the appeal',
    refusals: {
      STEP_NOT_FOUND: 'the journey has no such conditionality step',
      STEP_NOT_CONFIRMED: 'the step is proposed or dismissed',
      APPEAL_ALREADY_LODGED: 'an appeal against the step is already recorded',
      APPEAL_WINDOW_CLOSED: '`lodgedOn` is after `appealDueAt`',
      INVALID_DATE: '`lodgedOn` is in the future or before the confirmation',
    },
  },
  RecordAppealOutcome: {
    summary: "Record the appeal body's decision",
    description:
      '`upheld`: the sanction stands. `annulled`: the step becomes `annulled` and no longer counts on its ladder (the next step on it is numbered as if it never ' +
      'was). `partly_annulled`: the step counts with `reducedEffect`, a lesser sanction. An annulled or reduced decadenza reopens the journey at the stage it had ' +
      '(`JourneyReopened`): pending actions move by the time it was closed, and the next agreed contact falls due a contact period after the reopening.',
    answer: 'The journey after the outcome',
    refusals: {
      STEP_NOT_FOUND: 'the journey has no such conditionality step',
      STEP_NOT_CONFIRMED: 'the step is proposed or dismissed',
      APPEAL_NOT_LODGED: 'no appeal against the step is recorded',
      APPEAL_ALREADY_DECIDED: 'the outcome is already recorded',
      INVALID_DATE: '`decidedOn` is in the future or before the appeal',
      INVALID_VALUE: '`reducedEffect` is missing or not lesser for `partly_annulled`, or given for another outcome',
    },
  },
  AmendPact: {
    summary: 'Amend the pact',
    description:
      'Makes a new version of the signed pact: changed fields, changed due dates or descriptions of pending and overdue actions, added actions (numbered after the ' +
      'existing ones), withdrawn actions, referrals agreed (`referrals`; referrals made outside the pact since the last version join it too). The journey keeps every version ' +
      '(`pactVersions`) and recomputes every deadline from the new one once it is in force. An amendment changes at least one thing. Journeys of rules edition 2: the new version is ' +
      "in force from the person's acceptance — given now in `acceptance`, or later with `POST /journeys/{journeyId}/pact/versions/{version}/acceptance`; until then the version before " +
      'it stays in force (`pact`, the actions and their deadlines unchanged).',
    answer: 'The journey after the amendment (`pact.version` is the new version once it is in force)',
    refusals: {
      GOL_PATH_NOT_CHOSEN: GOL_PATH_FIRST,
      PACT_AWAITING_ACCEPTANCE: "a version of the pact awaits the person's acceptance: amend it once accepted",
      INVALID_VALUE: 'the amendment changes nothing, names an action twice, or withdraws the last action (`fields` names it when it can)',
      PACT_NOT_SIGNED: 'only a signed pact can be amended',
      PACT_ACTION_NOT_FOUND: 'a changed or withdrawn action does not exist',
      PACT_ACTION_ALREADY_COMPLETED: 'a changed or withdrawn action is completed (it stays as it is)',
      PACT_ACTION_WITHDRAWN: 'a changed or withdrawn action was withdrawn by an earlier amendment',
      INVALID_DATE: 'a new or added due date is not in the future (`fields` names it)',
      INVALID_DURATION: '`contactFrequency` is not a positive ISO-8601 duration',
      SUITABLE_OFFERS_AVAILABILITY_REQUIRED: 'a benefit recipient would declare `availability.suitableOffers: false` (art. 20 c.3, art. 21 D.lgs. 150/2015)',
    },
  },
  AcceptPactVersion: {
    summary: "Record the person's acceptance of a pact version",
    description:
      'Journeys of rules edition 2: the person accepted the version of the pact that waits for it (`pactVersionAwaitingAcceptance`), signed in person, with a graphometric signature ' +
      'or an OTP. The version is in force from `acceptedAt` (default now): version 1 moves the journey to `pact_active` and starts its actions\' deadlines and the agreed-contact ' +
      'clock; an amendment replaces the version in force (its changed, added and withdrawn actions apply now). The referrals it agrees are made, linked to the version.',
    answer: 'The journey with the version in force (`pact.version`, `pactVersions[n].acceptance`, `inForce`, `inForceSince`)',
    refusals: {
      GOL_PATH_NOT_CHOSEN: GOL_PATH_FIRST,
      PACT_VERSION_NOT_FOUND: 'the pact has no such version',
      PACT_VERSION_ALREADY_ACCEPTED: 'the version is in force already, or was superseded (edition 1 pacts are in force at signing)',
      INVALID_DATE: '`acceptedAt` is in the future or before the version was signed',
    },
  },
  MakeReferral: {
    summary: 'Refer the person to another service',
    description:
      'A training body, the social services (GOL path 4), health services, another employment service. Answers 201 with the journey. Journeys of rules edition 2: a referral made ' +
      'outside the pact joins the next version of the pact to come into force (`referrals[n].pactVersion`, null until then); referrals agreed in the pact are listed in `SignPact`/`AmendPact`.',
    answer: CREATED('referral', 'referrals', 'referralId'),
    refusals: { INTAKE_REQUIRED: 'referrals follow the presa in carico' },
  },
  RecordReferralOutcome: {
    summary: 'Record what came of a referral',
    description: 'Taken up, completed or declined; recorded once.',
    answer: 'The journey after the outcome',
    refusals: { REFERRAL_NOT_FOUND: 'the journey has no such referral', REFERRAL_OUTCOME_RECORDED: "the referral's outcome is already recorded" },
  },
  RecordPlacement: {
    summary: 'Record the placement',
    description: 'Records the employer, contract type and start date (and the offer it comes from, if recorded), and closes the journey as `placed`.',
    answer: 'The closed journey, with `placement` and `closure.reason` `placed`',
    refusals: {
      INTAKE_REQUIRED: 'a placement is recorded for a person taken in charge',
      INVALID_DATE: '`startDate` is before the DID date',
      OFFER_NOT_FOUND: '`offerId` names no offer of the journey',
    },
  },
  SuspendForJob: {
    summary: 'Suspend the journey for a job of up to six months',
    description:
      'A job of up to six months suspends the unemployed status (art. 19 c.3 D.lgs. 150/2015): the journey goes to stage `suspended` and every clock stops ' +
      "from the job's first day (reminders, overdue actions, agreed contacts, the pact's and the first contact's deadlines, no progress, excuse windows). The " +
      'appointments scheduled within the job are cancelled. While suspended the journey takes only `EndSuspension`, a closure, a placement, changes to the benefit and the notification and appeal of a sanction (409 `JOURNEY_SUSPENDED`); ' +
      "it is not stalled. Still suspended six months after the job started, it closes as `status_lost` and the operator is told. A job expected to last longer is " +
      'not a suspension: record the placement or close the journey.',
    answer: 'The suspended journey, with `pause` and the new entry of `pauses`',
    refusals: {
      JOB_TOO_LONG_FOR_SUSPENSION: '`expectedEndDate` is six months or more after `startDate`: record the placement (`RecordPlacement`) or close the journey',
      JOURNEY_SUSPENDED: 'the journey is suspended already',
      INVALID_DATE: '`startDate` is in the future, before the DID date or before the end of the last pause, or `expectedEndDate` precedes it',
    },
  },
  EndSuspension: {
    summary: 'End the suspension: the job ended',
    description:
      "The journey returns to the stage it was suspended in and its clocks run again from the day after the job's last day: every pending deadline falls due " +
      'later by the length of the pause (see `nextDeadline`, `nextContactDueAt`, `pactDeadlineAt`, `actionsDueAt`).',
    answer: 'The journey back in its stage, its deadlines moved',
    refusals: {
      JOURNEY_NOT_SUSPENDED: 'the journey is not suspended',
      INVALID_DATE: "`endDate` is in the future or before the job's start",
    },
  },
  RecordAbsence: {
    summary: 'Record a justified long absence',
    description:
      "A justified long absence from the catalogue's closed list (`absenceReasons` of the version the journey pinned: in GOL illness, maternity, paternity, a " +
      'course abroad, civil service) pauses every clock from `fromDate` to the end of `toDate` without changing the stage; the clocks run again by themselves ' +
      'the day after, or earlier with `EndAbsence`. Overlapping a suspension, the time counts once. Only the reason is kept, never the evidence (health data).',
    answer: 'The journey, with `pause` and the new entry of `pauses`',
    refusals: {
      ABSENCE_REASON_NOT_APPLICABLE: "`reason` is not on the journey's catalogue's list",
      ABSENCE_ALREADY_RUNNING: 'an absence runs already: end it first',
      INVALID_DATE: '`fromDate` is in the future or before the DID date, or `toDate` is in the past or before `fromDate`',
    },
  },
  EndAbsence: {
    summary: 'End an absence early, or on its actual last day',
    description: 'The clocks run again from the day after `endDate`; the pending deadlines are later by the absence as it really lasted.',
    answer: 'The journey, its deadlines moved',
    refusals: {
      ABSENCE_NOT_FOUND: '`pauseId` names no absence of the journey',
      ABSENCE_ALREADY_ENDED: 'the absence has ended already',
      INVALID_DATE: '`endDate` is in the future or before the absence began',
    },
  },
  ClaimBenefit: {
    summary: 'Record a benefit claim (NASpI, DIS-COLL) made after the start',
    description:
      'The person applied to INPS for NASpI or DIS-COLL after the DID (a claim given at the start is `benefit` of the start). From its `applicationDate` the benefit runs ' +
      '(`benefit.status` `claimed`, `benefitRunning` true): a lapse whose failure happened while it runs leads to a proposed conditionality step, a missed agreed contact counts on ' +
      "the appointments ladder (rules edition 2), and while the person waits for the presa in carico the first contact is due within the catalogue's " +
      "`firstContactAfterBenefitClaim` from the application (art. 21 c.2 D.lgs. 150/2015) instead of the DID's 30 days. A claim refused or ended before moves to `earlierBenefits`.",
    answer: 'The journey with its `benefit` claimed',
    refusals: {
      BENEFIT_ALREADY_CLAIMED: 'a claim is recorded and not refused or ended: one benefit at a time',
      INVALID_DATE: '`applicationDate` is in the future, before the DID, or before the end of the previous claim',
    },
  },
  RecordBenefitGranted: {
    summary: "Record INPS's grant of the benefit",
    description: 'The claim was granted (`benefit.status` `granted`); it keeps running. Optional: a claim runs from its application whether or not the grant is recorded.',
    answer: 'The journey with its `benefit` granted',
    refusals: BENEFIT_REFUSALS({
      BENEFIT_ALREADY_GRANTED: 'the grant is already recorded',
      BENEFIT_ALREADY_SUSPENDED: 'the benefit is suspended: record the grant once it is resumed',
      INVALID_DATE: "`grantedOn` is in the future or before the claim's last status",
    }),
  },
  RecordBenefitRefused: {
    summary: "Record INPS's refusal of the claim",
    description:
      'The claim was refused (`benefit.status` `refused`): from `refusedOn` conditionality no longer applies and, while the person waits for the presa in carico, the first contact is due ' +
      "30 days from the DID again. Conditionality steps already proposed stay for the operator's decision.",
    answer: 'The journey with its `benefit` refused',
    refusals: BENEFIT_REFUSALS({ BENEFIT_ALREADY_GRANTED: 'the benefit was granted: end it instead', INVALID_DATE: "`refusedOn` is in the future or before the claim's last status" }),
  },
  SuspendBenefit: {
    summary: 'Record the suspension of the benefit',
    description:
      'INPS suspended the benefit (a job of up to six months, art. 9 D.lgs. 22/2015, or another cause; an ADI/SFL journey records a missed presentation itself): from `suspendedOn` it does not run and lapses lead to no conditionality step ' +
      "until it is resumed. This is the benefit's suspension, not the person's unemployed status. The responsible operator is told (`benefit_suspended`).",
    answer: 'The journey with its `benefit` suspended',
    refusals: BENEFIT_REFUSALS({ BENEFIT_ALREADY_SUSPENDED: 'the benefit is already suspended', INVALID_DATE: "`suspendedOn` is in the future or before the claim's last status" }),
  },
  ResumeBenefit: {
    summary: 'Record that the suspended benefit runs again',
    description: 'The benefit runs again from `resumedOn`, as `granted` when its grant was recorded, else `claimed`.',
    answer: 'The journey with its `benefit` running again',
    refusals: BENEFIT_REFUSALS({ BENEFIT_NOT_SUSPENDED: 'the benefit is not suspended', INVALID_DATE: '`resumedOn` is in the future or before the suspension' }),
  },
  EndBenefit: {
    summary: 'Record the end of the benefit',
    description:
      'The benefit ended (`exhausted`, `decadenza`, `employment`, `renounced`, `other`): from `endedOn` conditionality no longer applies; a new claim may follow (`POST /journeys/{journeyId}/benefit`). ' +
      "Conditionality steps proposed while it ran stay for the operator to confirm or dismiss: the responsible operator is told (`benefit_ended`, with how many wait) and the view shows `benefitRunning` false.",
    answer: 'The journey with its `benefit` ended',
    refusals: BENEFIT_REFUSALS({ INVALID_DATE: "`endedOn` is in the future or before the claim's last status" }),
  },
  // Issue 14: the GOL assessment.
  RecordProfiling: {
    summary: "Record the national model's profiling (GOL)",
    description:
      "The quantitative profiling as the national model gives it: its score (0 to 1) and class, with the day it was computed; nothing is recomputed. On a journey with a GOL assessment " +
      "(started under `GOL`). Recorded again later it is a review: a change of class is its own event (`ProfilingClassChanged`) and tells the operator. The catalogue's `profilingReview` " +
      '(GOL: P90D) from the day of the last profiling is a deadline: past it the operator is told (`profiling_review_due`); the next profiling clears it and starts it again.',
    answer: 'The journey with `assessment.profiling`',
    refusals: { NOT_IN_ASSESSMENT: 'the journey has no GOL assessment (started under a path directly)', INVALID_DATE: '`profiledOn` is in the future, before the DID or before the last profiling' },
  },
  RecordQualitativeAssessment: {
    summary: 'Record the qualitative assessment (GOL)',
    description:
      "The operator's findings (`adequate`, `to_strengthen`, `critical`, with a short note) on the areas of the journey's GOL catalogue (`assessment.areas`, from the catalogue's " +
      '`assessmentAreas`), each at most once, and a summary. Recorded again, it replaces the one before (the timeline keeps both).',
    answer: 'The journey with `assessment.qualitative`',
    refusals: { NOT_IN_ASSESSMENT: 'the journey has no GOL assessment', INVALID_VALUE: 'an area is not of the catalogue, or is assessed twice (`fields` names it)', INVALID_DATE: '`assessedOn` is in the future or before the DID' },
  },
  ChooseGolPath: {
    summary: 'Choose the GOL path at the end of the assessment',
    description:
      'The path (1–5) and its reason, once the profiling and the qualitative assessment are recorded. Path 4 (lavoro e inclusione) names its `socialServices`, path 5 (ricollocazione ' +
      "collettiva) its `collectiveReallocation` (employer and agreement). The API attaches the latest version of the path's catalogue (`GOL-n`): from now the journey runs under it — " +
      "`programmeCode`, `catalogueVersion`, clocks, services, working-day and roll-forward clocks, offer thresholds — and moves to `awaiting_intake`, or to `awaiting_pact` when the presa " +
      "in carico was recorded during the assessment (the pact's deadline then counts from the choice). Moving to another path later is a transfer, not this command.",
    answer: 'The journey under its path: `programmeCode` `GOL-n`, `assessment.path`',
    refusals: {
      NOT_IN_ASSESSMENT: 'the journey has no GOL assessment (started under a path directly)',
      GOL_PATH_ALREADY_CHOSEN: 'the path was chosen already',
      PROFILING_REQUIRED: 'the profiling is not recorded yet',
      QUALITATIVE_ASSESSMENT_REQUIRED: 'the qualitative assessment is not recorded yet',
      GOL_PATH_PARTY_REQUIRED: 'path 4 without `socialServices`, or path 5 without `collectiveReallocation` (400, `fields` names it)',
    },
  },
  TransferJourney: {
    summary: 'Transfer the person to another path',
    description:
      'Moves the person to another programme (e.g. GOL-1 → GOL-2) in one command: this journey closes as `transferred` (`closure.nextJourneyId` names the next ' +
      'episode) and the next episode starts in `toProgrammeCode`, pinned to the latest version of its catalogue, for the same person, office, DID, beneficiary ' +
      "and benefit, with `previousJourneyId` naming this one; a GOL assessment is carried with its path set to the target's. The next episode's intake and " +
      'pact start afresh (stage `awaiting_intake`). The person keeps one open journey: the next episode takes it over. The next episode is started by the ' +
      'journey right after the answer (usually within a second; `GET /people/{personRef}/journeys` lists both).',
    answer: 'The closed journey: `closure.reason` `transferred`, `closure.nextJourneyId` and `transfer.nextJourneyId` the next episode',
    refusals: {
      TRANSFER_SAME_PROGRAMME: "`toProgrammeCode` is the journey's own programme",
      GOL_PATH_NOT_CHOSEN: 'the journey is in the GOL assessment: its first path is chosen (`POST /journeys/{journeyId}/assessment/path`), not transferred to',
      JOURNEY_SUSPENDED: 'the journey is suspended by a job: end the suspension first',
      CONDITIONALITY_STEP_PENDING: "a conditionality step waits for the competent CPI's decision: confirm or dismiss it first",
      VALIDATION_FAILED: '`toProgrammeCode` has no catalogue (see `GET /programmes`), or the body is malformed',
    },
  },
  RecordMonitoringData: {
    summary: 'Record the GOL monitoring data',
    description:
      "Issue 15: what GOL's monitoring counts of the person, for a journey started without `monitoring`: the birth date (asked: the fiscal code's century " +
      'is ambiguous; the person 15-100 years old at the DID), sex, disability under L. 68/1999, long-term unemployment (12 months or more, asked), NEET and ' +
      "a social-services referral. Recorded once. The read model keeps only the age at the DID and the answers, and whether GOL counts the person as " +
      'vulnerable (a woman, long-term unemployed, disabled, under 30 or 55 and over): `GET /supervisor/kpis` counts them in `gol`. Accepted in any open stage, a suspension included.',
    answer: 'The journey, with `monitoring`',
    refusals: {
      MONITORING_DATA_ALREADY_RECORDED: 'the journey has its monitoring data already (given at the start or recorded before)',
      INVALID_VALUE: '`birthDate` makes the person younger than 15 or older than 100 at the DID',
    },
  },
  // Issue 15: ADI and SFL.
  RecordPresentation: {
    summary: 'Record a presentation (ADI meeting, SFL confirmation of participation)',
    description:
      "Issue 15: the person presented to the services (ADI, art. 4 D.L. 48/2023) or confirmed their participation (SFL, art. 12 c.8), on a journey whose catalogue sets a presentation obligation " +
      "(`presentation`, the programmes `ADI` and `SFL`) and whose benefit is of its kind. The next one is due the catalogue's `presentation.every` (P90D) after it (`nextPresentationDueAt`); " +
      "the first one `presentation.first` (ADI: P120D) after the digital activation pact. Past it the journey suspends the benefit itself (reason `missed_presentation`, the operator is told); " +
      'this presentation then resumes it. Justified absences pause the clock.',
    answer: 'The journey with its `presentation`',
    refusals: {
      PRESENTATION_NOT_REQUIRED: "no presentation obligation binds the journey's benefit (another catalogue, no ADI/SFL claim, or the claim refused or ended)",
      INVALID_DATE: '`presentedAt` is in the future, before the last presentation or before the activation pact',
    },
  },
  RecordPresentationExemption: {
    summary: 'Record that the person is exempt from the presentation obligation (art. 6 D.L. 48/2023)',
    description:
      'Issue 15: a member exempt from the obligations (art. 6 c.4–5: pensioner, 60 or over, disabled, oncological illness, care duties, protection from gender violence, in education, employed) ' +
      'carries no presentation clock (`nextPresentationDueAt` null) and forfeits nothing for a missed convocation. Recorded after a missed presentation, it resumes the benefit it suspended.',
    answer: 'The journey with its `presentation.exemption`',
    refusals: {
      PRESENTATION_NOT_REQUIRED: "no presentation obligation binds the journey's benefit",
      PRESENTATION_EXEMPTION_ALREADY_RECORDED: 'the person is exempt already: withdraw it first',
    },
  },
  WithdrawPresentationExemption: {
    summary: 'Withdraw the exemption from the presentation obligation',
    description: "Issue 15: the exemption no longer applies; the presentation clock restarts from now (the catalogue's `presentation.every`).",
    answer: 'The journey with no exemption',
    refusals: {
      PRESENTATION_NOT_REQUIRED: "no presentation obligation binds the journey's benefit",
      PRESENTATION_EXEMPTION_NOT_RECORDED: 'the person is not exempt',
    },
  },
};
