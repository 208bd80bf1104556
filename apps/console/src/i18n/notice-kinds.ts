/**
 * What each e-mail of a journey is about and whom it is for, Italian then English, for the administrators' list of
 * notifications (`notice.<kind>`, `audience.<audience>`). Spread into the catalogue (catalogue.ts).
 */
const NOTICE_MESSAGES = [
  ['notice.action_due_reminder', 'promemoria di un’azione del patto in scadenza', 'reminder of a pact action falling due'],
  ['notice.action_overdue', 'azione del patto scaduta', 'pact action overdue'],
  ['notice.action_overdue_escalation', 'azione del patto ancora scaduta (segnalazione al responsabile)', 'pact action still overdue (escalation)'],
  ['notice.contact_missed', 'contatto periodico mancato', 'periodic contact missed'],
  ['notice.contact_missed_escalation', 'contatto periodico ancora mancato (segnalazione al responsabile)', 'periodic contact still missed (escalation)'],
  ['notice.pact_deadline_missed', 'patto non firmato entro il termine', 'pact not signed by its deadline'],
  ['notice.pact_deadline_escalation', 'patto ancora non firmato (segnalazione al responsabile)', 'pact still not signed (escalation)'],
  ['notice.first_contact_missed', 'primo contatto mancato', 'first contact missed'],
  ['notice.appointment_scheduled', 'appuntamento fissato', 'appointment booked'],
  ['notice.appointment_rescheduled', 'appuntamento spostato', 'appointment rescheduled'],
  ['notice.appointment_cancelled', 'appuntamento annullato', 'appointment cancelled'],
  ['notice.appointment_reminder', 'promemoria di un appuntamento', 'appointment reminder'],
  ['notice.appointment_missed', 'appuntamento mancato', 'appointment missed'],
  ['notice.conditionality_step_proposed', 'provvedimento di condizionalità proposto', 'conditionality step proposed'],
  ['notice.conditionality_step_confirmed', 'provvedimento di condizionalità confermato', 'conditionality step confirmed'],
  ['notice.pact_acceptance_overdue', 'versione del patto non ancora accettata', 'pact version not yet accepted'],
  ['notice.suspension_limit_reached', 'limite della sospensione raggiunto', 'suspension limit reached'],
  ['notice.benefit_refused', 'prestazione respinta', 'benefit refused'],
  ['notice.benefit_suspended', 'prestazione sospesa', 'benefit suspended'],
  ['notice.benefit_ended', 'prestazione cessata', 'benefit ended'],
  ['notice.profiling_class_changed', 'classe di profilazione cambiata', 'profiling class changed'],
  ['notice.profiling_review_due', 'revisione della profilazione da fare', 'profiling review due'],
  ['audience.beneficiary', 'la persona', 'the person'],
  ['audience.operator', 'l’operatore', 'the operator'],
  ['audience.supervisor', 'il responsabile dell’ufficio', 'the office head'],
] as const;

type Entry = (typeof NOTICE_MESSAGES)[number];
type Messages = { [E in Entry as E[0]]: string };

export const noticeMessagesIt = Object.fromEntries(NOTICE_MESSAGES.map(([key, it]) => [key, it])) as Messages;
export const noticeMessagesEn = Object.fromEntries(NOTICE_MESSAGES.map(([key, , en]) => [key, en])) as Messages;
