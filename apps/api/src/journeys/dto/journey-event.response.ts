import { ApiProperty } from '@nestjs/swagger';
import type { JourneyEvent, JourneyEventType } from '@sal/domain';

/** What each event of the timeline records (its `data`). */
export const EVENT_DESCRIPTIONS: Record<JourneyEventType, string> = {
  JourneyStarted:
    'the journey started from the DID: { journeyId, programmeCode, officeId, didDate, beneficiary, catalogueVersion, catalogueScope?, clocks, services, workingDayClocks, rollForwardClocks?, benefit, rules?, office? } ' +
    "(the catalogue version it pinned — national, or its office's region's own: `catalogueScope`, absent on journeys started before issue 15: national —, with its clocks, services, working-day and roll-forward clocks; the NASpI/DIS-COLL claim or null; the rules' edition; the office's profile from the directory of offices)",
  IntakeRecorded: 'the presa in carico: { operatorId, takenInChargeAt, notes }',
  PactSigned:
    'the pact was signed: { version, responsibleOperatorId, profilingClass, contactFrequency, jobSearchProof, availability, actions[{ actionId, kind, description, dueAt }], signedAt, ' +
    'acceptance: { acceptedAt, method } | null, referrals[{ referralId, to, organisation, reason }] } (`acceptance` and `referrals` in journeys of rules edition 2 only: ' +
    'with `acceptance` null the version waits for the person\'s acceptance)',
  PactVersionAccepted: 'the person accepted a version of the pact that waited for it; it is in force from `acceptance.acceptedAt`: { version, acceptance: { acceptedAt, method }, operatorId }',
  PactAcceptanceOverdue: "a version of the pact waited for the person's acceptance past the catalogue's `pactAcceptanceWindow` (the office's supervisors are told): { version, dueAt }",
  PactActionCompleted: 'a pact action was completed: { actionId, operatorId, completedAt, note }',
  PactActionReminderDue: "the catalogue's reminder period before an action's due date began (the person is reminded): { actionId, dueAt }",
  PactActionOverdue: 'a pact action fell due without being completed: { actionId, dueAt }',
  PactActionEscalated: "an action stayed overdue for the catalogue's escalation period (the office's supervisors are told): { actionId, dueAt }",
  ContactRecorded: 'a contact between the person and the operator: { operatorId, contactedAt, channel, note }',
  ContactMissed:
    'the contact agreed in the pact (its contact frequency) did not happen by its due instant: { dueAt, lapse? } (rules edition 2, benefit recipients: `lapse` ' +
    '{ lapseId, ladder: `appointments`, justificationDueAt, convocationValid }, opened as for a no-show, art. 21 c.7 lett. a D.lgs. 150/2015)',
  ContactMissedEscalated: "a missed contact lasted the catalogue's escalation period: { dueAt }",
  PactDeadlineMissed: "the pact was not signed within the catalogue's pact deadline after the presa in carico: { deadlineAt }",
  PactDeadlineEscalated: "the pact was still unsigned the catalogue's escalation period after its deadline: { deadlineAt }",
  NoProgressDetected: "nothing moved the journey on for the catalogue's stall period: { lastProgressAt }",
  JourneyClosed: 'the journey ended: { reason, operatorId, details, closedAt, nextJourneyId? } (`placed` after a placement, `decadenza` after a confirmed decadenza step, `transferred` with `nextJourneyId` after a transfer)',
  JourneyTransferred: 'the person moved to another path (a JourneyClosed with reason `transferred` follows): { toProgrammeCode, reason, operatorId, nextJourneyId, nextEpisode } (`nextEpisode`: the next episode\'s id, person reference and target catalogue, with its `scope` as the office\'s region resolved it, issue 15)',
  FirstContactMissed: 'the person did not contact the office within the legal period after the DID or the benefit claim: { dueAt }',
  ServiceDelivered: 'a session of a service: { deliveryId, service, operatorId, deliveredAt, hours, outputs, completesService }',
  AppointmentScheduled: 'an appointment was scheduled: { appointmentId, service, purpose, at, channel, location, convocation, operatorId }',
  AppointmentRescheduled: 'an appointment was moved: { appointmentId, previousAt, at, channel, location, convocation, operatorId, reason }',
  AppointmentCancelled: 'an appointment was cancelled: { appointmentId, operatorId, reason }',
  AppointmentReminderDue: "the catalogue's reminder period before an appointment began (the person is reminded): { appointmentId, at }",
  AppointmentHeld: 'the appointment took place: { appointmentId, operatorId }',
  AppointmentMissed: 'a no-show; it opens a lapse and its justification window: { appointmentId, operatorId, lapse: { lapseId, ladder, justificationDueAt, convocationValid } }',
  JobOfferRecorded:
    'a job offer was put to the person: { offerId, employer, position, suitable, communicatedBy, operatorId, proposedAt?, facts?, verdict?: { congrua, failed[{ criterion, source, message }] }, override?: { congrua, reason } } (the last four since issue 13)',
  OfferAccepted: 'the person accepted an offer: { offerId, operatorId }',
  OfferRefused: 'the person refused an offer; a suitable one opens a lapse: { offerId, operatorId, lapse: { lapseId, ladder, justificationDueAt, convocationValid } | null }',
  OfferHearingRecorded: "the person's hearing on a refused offer (D.M. 10 aprile 2018 art. 8 c.4): { offerId, lapseId, heldAt, outcome: heard | declined, summary, operatorId }",
  LapseJustified: 'a valid excuse closed a lapse: { lapseId, reason, evidenceRef, operatorId, impedimentEndedAt }',
  LapseUnjustified:
    'the justification window closed without an excuse: { lapseId, noStepBecause } (`not_benefit_recipient` or `invalid_convocation` when no step follows, else null and a step is proposed)',
  ConditionalityStepProposed: 'the journey proposes a conditionality step for the operator to decide: { stepId, lapseId, ladder, ordinal, effect }',
  ConditionalityStepConfirmed:
    'the operator confirmed the step and its sanction: { stepId, ladder, ordinal, effect, operatorId, decidedByOffice? (the competent CPI, rules edition 2), note, appealDueAt } (rules edition 2: appealDueAt is null, set by the notification)',
  ConditionalityStepNotified: 'the confirmed decision reached the person; the appeal window runs from it: { stepId, method, reference, notifiedAt, appealDueAt, operatorId }',
  AppealLodged: 'an appeal against a confirmed step was lodged: { stepId, lodgedOn, body, reference, operatorId }',
  AppealDecided: 'the appeal body decided: { stepId, outcome (`upheld`, `annulled`, `partly_annulled`), decidedOn, reducedEffect, note, operatorId }',
  AppealWindowClosed: 'the appeal window of a confirmed step ran out with no appeal lodged: { stepId }',
  JourneyReopened: 'an annulled decadenza reopened the journey at the stage it had; pending actions move by the time it was closed: { stepId, stage, closedAt, operatorId }',
  ConditionalityStepDismissed: 'the step was dismissed (by the operator, or withdrawn by a late justification): { stepId, operatorId, decidedByOffice? (the competent CPI, rules edition 2), reason }',
  PactAmended:
    'a new version of the pact: { version, operatorId, reason, responsibleOperatorId, profilingClass, contactFrequency, jobSearchProof, availability, changedActions[{ actionId, kind, description, dueAt }], withdrawnActionIds, amendedAt, acceptance, referrals } (`acceptance` and `referrals` as in `PactSigned`)',
  ReferralMade: 'a referral to another service: { referralId, to, organisation, reason, operatorId }',
  ReferralOutcomeRecorded: 'what came of a referral: { referralId, outcome, operatorId, note }',
  ProfilingRecorded: "the national model's profiling, as given (GOL): { score, profilingClass, profiledOn, operatorId, review } (`review`: not the first)",
  ProfilingClassChanged: 'a review changed the profiling class (the operator is told): { from, to, profiledOn, operatorId }',
  QualitativeAssessmentRecorded: "the operator's qualitative assessment: { findings[{ area, level, note }], summary, assessedOn, operatorId }",
  GolPathChosen:
    "the GOL path was chosen; from it the journey runs under the path's catalogue: { path, reason, operatorId, socialServices: { organisation, reference } | null, collectiveReallocation: { employer, agreementReference } | null, " +
    'catalogue: { code, version, scope?, clocks, services, workingDayClocks, offerSuitability?, rollForwardClocks? } } (`scope`: national, or the region whose own version the office resolved to; issue 15)',
  ProfilingReviewDue: "the catalogue's `profilingReview` period passed since the last profiling (the operator is told): { dueAt, profiledOn }",
  PlacementRecorded: 'the placement (a JourneyClosed with reason `placed` follows): { employer, contractType, startDate, hoursPerWeek, operatorId, offerId }',
  JourneySuspended:
    'a job of up to six months suspends the unemployed status (art. 19 c.3 D.lgs. 150/2015): stage `suspended`, every clock paused: ' +
    '{ pauseId, employer, contractType, startDate, expectedEndDate, hoursPerWeek, from, expectedEnd, limitAt, resumeStage, operatorId } (AppointmentCancelled for each appointment it covers comes before it)',
  SuspensionEnded: 'the job ended: the journey returns to `resumeStage`, its deadlines later by the pause: { pauseId, endDate, endedAt, resumeStage, operatorId }',
  SuspensionLimitReached: 'the suspension ran six months after the job started: the unemployed status is lost (a JourneyClosed with reason `status_lost` follows; the operator is told): { pauseId, limitAt }',
  AbsenceRecorded: "a justified long absence from the catalogue's list pauses every clock: { pauseId, reason, fromDate, toDate, from, expectedEnd, operatorId }",
  AbsenceEnded: 'the absence ended (early, by the operator; or after its last day, operatorId null): { pauseId, endedAt, operatorId }',
  BenefitClaimed: 'a claim (NASpI, DIS-COLL, ADI, SFL) recorded after the start; it runs from its application day: { kind, applicationDate, activationPactDate?, operatorId, note }',
  BenefitGranted: 'INPS granted the benefit: { on, operatorId, note }',
  BenefitRefused: 'INPS refused the claim; conditionality no longer applies from that day: { on, operatorId, note }',
  BenefitSuspended: 'the benefit is suspended from that day (it does not run): { on, reason (`short_employment`, `missed_presentation`, `pact_not_updated`, `other`), operatorId, note }',
  BenefitResumed: 'the suspended benefit runs again from that day: { on, operatorId, note }',
  BenefitEnded: 'the benefit ended on that day; conditionality no longer applies: { on, reason (`exhausted`, `decadenza`, `employment`, `renounced`, `other`), operatorId, note }',
  MonitoringDataRecorded: 'issue 15: the GOL monitoring data recorded: { birthDate, sex, disabled, longTermUnemployed, neet, socialServicesReferral, operatorId }',
  PresentationRecorded: 'issue 15 (ADI, SFL): a presentation to the services or a confirmation of participation; it restarts the clock and resumes a benefit suspended for a missed one: { presentedAt, operatorId, note, resumesBenefit }',
  PresentationMissed: "issue 15: the presentation's due instant passed; the benefit is suspended (reason `missed_presentation`, the operator is told) unless it was already: { dueAt, suspendsBenefit }",
  PresentationExemptionRecorded: 'issue 15: the member is exempt (art. 6 D.L. 48/2023): no presentation clock: { reason, operatorId, note, resumesBenefit }',
  PresentationExemptionWithdrawn: 'issue 15: the exemption withdrawn; the clock restarts: { operatorId, note }',
  ParticipationTermReached:
    "issue 15 (SFL): the benefit's months ended: `extended` (the pact updated in their last month, or while waiting), `awaiting_pact_update` (suspended, reason `pact_not_updated`), `ended` (reason `exhausted`): { outcome, dueAt }",
  BenefitForfeited: 'issue 15 (ADI, SFL): a convocation missed without an excuse ended the benefit (decadenza, art. 8 c.6 lett. a D.L. 48/2023): { lapseId }',
};
const EVENT_TYPES = Object.keys(EVENT_DESCRIPTIONS) as JourneyEventType[];

/** One event of a journey's timeline. */
export class JourneyEventDto {
  @ApiProperty({ description: "Position in the journey's history, from 1, without gaps", example: 1 })
  seq!: number;

  @ApiProperty({ description: 'Event type', enum: EVENT_TYPES, example: 'JourneyStarted' })
  type!: JourneyEventType;

  @ApiProperty({ description: 'When the engine recorded it (UTC instant)', example: '2026-01-15T08:00:00.000Z', format: 'date-time' })
  at!: string;

  @ApiProperty({
    description: `What happened; its shape depends on \`type\`:\n\n${EVENT_TYPES.map((t) => `- \`${t}\`: ${EVENT_DESCRIPTIONS[t]}`).join('\n')}`,
    type: 'object',
    additionalProperties: true,
    example: { operatorId: 'op-milano-017', takenInChargeAt: '2026-01-20T09:30:00.000Z', notes: null },
  })
  data!: JourneyEvent['data'];
}
