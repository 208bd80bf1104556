/**
 * Why the journey refuses a command. Each code has a kind that says whose fault it is, so every layer above maps
 * refusals the same way (the API: conflict 409, invalid 400, not_found 404, forbidden 403).
 */
export const REFUSAL_KINDS = {
  JOURNEY_CLOSED: 'conflict',
  INTAKE_ALREADY_RECORDED: 'conflict',
  INTAKE_REQUIRED: 'conflict',
  PACT_ALREADY_SIGNED: 'conflict',
  PACT_NOT_SIGNED: 'conflict',
  PACT_ACTION_ALREADY_COMPLETED: 'conflict',
  PACT_ACTION_NOT_FOUND: 'not_found',
  PACT_ACTION_WITHDRAWN: 'conflict',
  /** A version of the pact awaits the person's acceptance: no new signing or amendment before it (edition 2). */
  PACT_AWAITING_ACCEPTANCE: 'conflict',
  PACT_VERSION_NOT_FOUND: 'not_found',
  PACT_VERSION_ALREADY_ACCEPTED: 'conflict',
  SERVICE_NOT_IN_PROGRAMME: 'conflict',
  SERVICE_PREREQUISITE_PENDING: 'conflict',
  SERVICE_ALREADY_COMPLETED: 'conflict',
  SERVICE_OUTPUTS_MISSING: 'invalid',
  APPOINTMENT_NOT_FOUND: 'not_found',
  APPOINTMENT_NOT_SCHEDULED: 'conflict',
  APPOINTMENT_NOT_YET_HELD: 'conflict',
  OFFER_NOT_FOUND: 'not_found',
  OFFER_ALREADY_ANSWERED: 'conflict',
  /** Issue 13 (offers): a hearing needs a refused suitable offer's lapse, once; a sanction for refusing needs the hearing offered. */
  OFFER_HAS_NO_LAPSE: 'conflict',
  HEARING_ALREADY_RECORDED: 'conflict',
  HEARING_NOT_RECORDED: 'conflict',
  /** The excuse is not on the closed list of the lapse's ladder (an offer's: D.M. 10 aprile 2018 art. 8 c.2). */
  JUSTIFICATION_REASON_NOT_APPLICABLE: 'invalid',
  /** A benefit recipient's pact must declare availability for suitable offers (art. 20 c.3, art. 21 D.lgs. 150/2015). */
  SUITABLE_OFFERS_AVAILABILITY_REQUIRED: 'conflict',
  LAPSE_NOT_FOUND: 'not_found',
  LAPSE_NOT_OPEN: 'conflict',
  JUSTIFICATION_WINDOW_CLOSED: 'conflict',
  STEP_NOT_FOUND: 'not_found',
  STEP_ALREADY_DECIDED: 'conflict',
  /** Appeals (art. 21 c.12 D.lgs. 150/2015): the notification, the appeal and its outcome concern a confirmed step. */
  STEP_NOT_CONFIRMED: 'conflict',
  STEP_ALREADY_NOTIFIED: 'conflict',
  NOTIFICATION_METHOD_NOT_VALID: 'invalid',
  APPEAL_ALREADY_LODGED: 'conflict',
  APPEAL_WINDOW_CLOSED: 'conflict',
  APPEAL_NOT_LODGED: 'conflict',
  APPEAL_ALREADY_DECIDED: 'conflict',
  /** A sanction's confirmation or dismissal by anyone but staff of the journey's competent CPI (art. 21 c.7, art. 23 D.lgs. 150/2015). */
  SANCTION_NOT_CPI: 'forbidden',
  REFERRAL_NOT_FOUND: 'not_found',
  REFERRAL_OUTCOME_RECORDED: 'conflict',
  PATH_NOT_COMPLETED: 'conflict',
  /** The benefit's lifecycle (issue 14): a change needs a claim that may still change; one claim runs at a time. */
  BENEFIT_NOT_CLAIMED: 'conflict',
  BENEFIT_ALREADY_CLAIMED: 'conflict',
  BENEFIT_CLOSED: 'conflict',
  BENEFIT_ALREADY_GRANTED: 'conflict',
  BENEFIT_ALREADY_SUSPENDED: 'conflict',
  BENEFIT_NOT_SUSPENDED: 'conflict',
  /** Episodes (issue 14): a transfer goes to another programme than the journey's own. */
  TRANSFER_SAME_PROGRAMME: 'conflict',
  /** A transfer waits for the decision on a proposed conditionality step. */
  CONDITIONALITY_STEP_PENDING: 'conflict',
  CLOSURE_NOT_ALLOWED: 'conflict',
  /** Issue 14 (GOL assessment): the pact and what runs under it follow the choice of the path (`ChooseGolPath`). */
  GOL_PATH_NOT_CHOSEN: 'conflict',
  GOL_PATH_ALREADY_CHOSEN: 'conflict',
  /** `ChooseGolPath` on a journey not in GOL's assessment stage (started under a path, or outside GOL). */
  NOT_IN_ASSESSMENT: 'conflict',
  PROFILING_REQUIRED: 'conflict',
  QUALITATIVE_ASSESSMENT_REQUIRED: 'conflict',
  /** Path 4 names its social services, path 5 its employer in crisis and the agreement (the field is named). */
  GOL_PATH_PARTY_REQUIRED: 'invalid',
  INVALID_DATE: 'invalid',
  INVALID_DURATION: 'invalid',
  INVALID_VALUE: 'invalid',
  /** Suspension and absences (issue 14, `pauses/`): a suspended journey takes only what `COMMANDS_WHILE_SUSPENDED` lists. */
  JOURNEY_SUSPENDED: 'conflict',
  JOURNEY_NOT_SUSPENDED: 'conflict',
  /** A job beyond six months does not suspend the status (art. 19 c.3 D.lgs. 150/2015): record the placement or close the journey. */
  JOB_TOO_LONG_FOR_SUSPENSION: 'conflict',
  ABSENCE_REASON_NOT_APPLICABLE: 'invalid',
  ABSENCE_NOT_FOUND: 'not_found',
  ABSENCE_ALREADY_ENDED: 'conflict',
  ABSENCE_ALREADY_RUNNING: 'conflict',
  /** GOL monitoring (issue 15): recorded once, at the start or by `RecordMonitoringData`. */
  MONITORING_DATA_ALREADY_RECORDED: 'conflict',
  /** ADI and SFL (issue 15): no presentation obligation binds the journey's benefit; an exemption recorded twice or withdrawn without one. */
  PRESENTATION_NOT_REQUIRED: 'conflict',
  PRESENTATION_EXEMPTION_ALREADY_RECORDED: 'conflict',
  PRESENTATION_EXEMPTION_NOT_RECORDED: 'conflict',
  /** A command reached Temporal without the product's encryption (not through the API or a worker). */
  UNENCRYPTED_PAYLOAD: 'invalid',
} as const;

export type RefusalCode = keyof typeof REFUSAL_KINDS;
export type RefusalKind = (typeof REFUSAL_KINDS)[RefusalCode];

export interface Refusal {
  code: RefusalCode;
  message: string;
  /** The offending input field, for refusals of kind `invalid`. */
  field?: string;
}

export function refusalKind(code: RefusalCode): RefusalKind {
  return REFUSAL_KINDS[code];
}
