import type { components } from '../api/schema';

/** Every code the API's errors may carry (`ErrorDetailDto.code` in the OpenAPI): its own codes and the journey's refusal codes. */
export type ErrorCode = components['schemas']['ErrorDetailDto']['code'];

/**
 * What each code of an API error means, Italian then English (`error.<CODE>`): generic to the code, saying what is
 * wrong and, where it is plain, what to do. The API's own message (English, with the case's ids and dates) stays
 * available to support beside it (components/api-error.tsx). Spread into the catalogue (catalogue.ts).
 */
const ERROR_MESSAGES = [
  // The API's own codes (apps/api/src/common/api-errors.ts).
  ['error.VALIDATION_FAILED', 'Alcuni dati non sono corretti: controlla i campi indicati.', 'Some data are not valid: check the fields shown.'],
  ['error.MALFORMED_JSON', 'La richiesta non è leggibile (dati in un formato non valido): riprova; se il problema persiste, rivolgiti all’assistenza.', 'The request could not be read (data in an invalid format): try again; if it persists, contact support.'],
  ['error.UNAUTHENTICATED', 'La sessione non è valida o è scaduta: accedi di nuovo.', 'Your session is not valid or has expired: sign in again.'],
  ['error.FORBIDDEN', 'Non sei autorizzato a eseguire questa operazione, oppure riguarda un ufficio che non è tra i tuoi.', 'You are not allowed this operation, or it concerns an office that is not one of yours.'],
  ['error.RATE_LIMITED', 'Troppe richieste in poco tempo: attendi qualche istante e riprova.', 'Too many requests in a short time: wait a moment and try again.'],
  ['error.NOT_FOUND', 'La risorsa richiesta non esiste.', 'The requested resource does not exist.'],
  ['error.JOURNEY_NOT_FOUND', 'Il percorso non è stato trovato.', 'The journey was not found.'],
  ['error.PROGRAMME_NOT_FOUND', 'Il programma, o la versione del suo catalogo, non è stato trovato.', 'The programme, or that version of its catalogue, was not found.'],
  ['error.OFFICE_NOT_FOUND', 'L’ufficio non è presente nell’elenco degli uffici.', 'The office is not in the directory of offices.'],
  ['error.NOTIFICATION_NOT_FOUND', 'La notifica non è stata trovata.', 'The notification was not found.'],
  ['error.PERSON_NOT_FOUND', 'Non risulta alcun percorso di questa persona: non c’è nulla da esportare.', 'No journey of this person is held: there is nothing to export.'],
  ['error.RETENTION_SWEEP_NOT_FOUND', 'La cancellazione periodica dei dati scaduti non è stata trovata.', 'The retention sweep was not found.'],
  ['error.PERSONAL_DATA_ERASED', 'I dati personali di questo percorso sono stati cancellati alla scadenza del periodo di conservazione; restano solo i dati statistici.', 'The personal data of this journey were erased at the end of their retention period; only its statistics remain.'],
  ['error.JOURNEY_ALREADY_EXISTS', 'La persona ha già un percorso aperto, oppure questo percorso (stessa persona e stessa data della DID) è già stato avviato: apri quello esistente.', 'The person already has an open journey, or this one (same person and DID date) was already started: open the existing one.'],
  ['error.PERSON_FOLLOWED_ELSEWHERE', 'La persona ha già un percorso aperto presso un altro ufficio: per seguirla dal tuo ufficio, chiedi il trasferimento a un amministratore o all’ufficio che la segue.', 'The person already has an open journey followed by another office: to follow them from your office, ask an administrator or that office for a transfer.'],
  ['error.NOTIFICATION_NOT_RETRYABLE', 'Si può ritentare solo l’invio di una notifica non riuscita: questa è già in coda, in invio, inviata o senza indirizzo.', 'Only a failed notification can be sent again: this one is already queued, being sent, sent, or has no address.'],
  ['error.JOURNEY_CLOSED', 'Il percorso è chiuso: non accetta altre operazioni.', 'The journey is closed: it accepts no more operations.'],
  ['error.PAYLOAD_TOO_LARGE', 'I dati inviati superano la dimensione massima consentita.', 'What was sent exceeds the maximum size allowed.'],
  ['error.PACT_DOCUMENT_NOT_FOUND', 'La copia firmata del patto non è stata trovata.', 'The signed copy of the pact was not found.'],
  ['error.UNSUPPORTED_DOCUMENT_TYPE', 'La copia firmata deve essere un file PDF, JPEG o PNG.', 'The signed copy must be a PDF, JPEG or PNG file.'],
  ['error.UNSUPPORTED_IMPORT_FILE', 'Il file deve essere un CSV (separato da punto e virgola o da virgola, in UTF-8 o Windows-1252) o una cartella di lavoro XLSX.', 'The file must be a CSV (semicolon or comma separated, UTF-8 or Windows-1252) or an XLSX workbook.'],
  ['error.IMPORT_NOT_FOUND', 'L’importazione non è stata trovata.', 'The import was not found.'],
  ['error.IDEMPOTENCY_KEY_REUSED', 'La richiesta riusa l’identificativo di un’altra operazione già inviata: ricarica la pagina e invia di nuovo l’operazione.', 'The request reuses the key of another operation already sent: reload the page and send the operation again.'],
  ['error.INTERNAL', 'Si è verificato un errore imprevisto: riprova più tardi; se il problema persiste, rivolgiti all’assistenza.', 'An unexpected error occurred: try again later; if it persists, contact support.'],
  ['error.TEMPORAL_UNAVAILABLE', 'Il servizio che gestisce i percorsi non è al momento disponibile: riprova più tardi.', 'The service that runs the journeys is unavailable at the moment: try again later.'],
  ['error.WORKER_UNAVAILABLE', 'Il percorso non ha risposto in tempo e l’operazione potrebbe essere stata comunque registrata: ricarica la pagina prima di riprovare.', 'The journey did not answer in time and the operation may have been recorded anyway: reload the page before trying again.'],
  ['error.READ_MODEL_UNAVAILABLE', 'L’archivio degli elenchi non è al momento disponibile: riprova più tardi.', 'The lists’ database is unavailable at the moment: try again later.'],
  // The journey's refusal codes (libs/domain/src/journey/refusals.ts).
  ['error.INTAKE_ALREADY_RECORDED', 'La presa in carico della persona è già registrata.', 'The person’s intake is already recorded.'],
  ['error.INTAKE_REQUIRED', 'La persona non è ancora stata presa in carico: registra prima la presa in carico.', 'The person is not taken in charge yet: record the intake first.'],
  ['error.PACT_ALREADY_SIGNED', 'Il patto di servizio è già firmato: per cambiarlo, modificalo.', 'The service pact is already signed: to change it, amend it.'],
  ['error.PACT_NOT_SIGNED', 'Il patto di servizio non è ancora firmato: firmalo prima di questa operazione.', 'The service pact is not signed yet: sign it before this operation.'],
  ['error.PACT_ACTION_ALREADY_COMPLETED', 'Questa azione del patto è già completata.', 'This pact action is already completed.'],
  ['error.PACT_ACTION_NOT_FOUND', 'Il patto non contiene questa azione.', 'The pact has no such action.'],
  ['error.PACT_ACTION_WITHDRAWN', 'Questa azione è stata ritirata con una modifica del patto.', 'This action was withdrawn by an amendment of the pact.'],
  ['error.PACT_AWAITING_ACCEPTANCE', 'Una versione del patto attende l’accettazione della persona: registrala prima di firmare o modificare il patto.', 'A version of the pact awaits the person’s acceptance: record it before signing or amending the pact.'],
  ['error.PACT_VERSION_NOT_FOUND', 'Il patto non ha questa versione.', 'The pact has no such version.'],
  ['error.PACT_VERSION_ALREADY_ACCEPTED', 'Questa versione del patto è già accettata, o è in vigore dalla firma.', 'This version of the pact is already accepted, or in force since signing.'],
  ['error.SERVICE_NOT_IN_PROGRAMME', 'Il servizio non fa parte del programma del percorso.', 'The service is not part of the journey’s programme.'],
  ['error.SERVICE_PREREQUISITE_PENDING', 'Il servizio segue altri servizi del percorso non ancora completati: completali prima.', 'The service follows other services of the journey not completed yet: complete them first.'],
  ['error.SERVICE_ALREADY_COMPLETED', 'Il servizio è già completato.', 'The service is already completed.'],
  ['error.SERVICE_OUTPUTS_MISSING', 'Per completare il servizio mancano alcuni dei risultati previsti: indicali.', 'Completing the service needs some expected outputs that are missing: give them.'],
  ['error.APPOINTMENT_NOT_FOUND', 'Il percorso non ha questo appuntamento.', 'The journey has no such appointment.'],
  ['error.APPOINTMENT_NOT_SCHEDULED', 'L’appuntamento non è più fissato: è stato annullato o ne è già registrato l’esito.', 'The appointment is no longer scheduled: it was cancelled or its outcome is already recorded.'],
  ['error.APPOINTMENT_NOT_YET_HELD', 'L’appuntamento non si è ancora svolto: l’esito si registra dopo l’orario fissato.', 'The appointment has not taken place yet: its outcome is recorded after its time.'],
  ['error.OFFER_NOT_FOUND', 'Il percorso non ha questa offerta di lavoro.', 'The journey has no such job offer.'],
  ['error.OFFER_ALREADY_ANSWERED', 'La risposta della persona a questa offerta è già registrata.', 'The person’s answer to this offer is already recorded.'],
  ['error.OFFER_HAS_NO_LAPSE', 'Su questa offerta non c’è un’inadempienza su cui sentire la persona: non è stata rifiutata, o non era un’offerta congrua.', 'There is no lapse to hear the person on for this offer: it was not refused, or it was not a suitable offer.'],
  ['error.HEARING_ALREADY_RECORDED', 'L’audizione su questa offerta è già registrata.', 'The hearing on this offer is already recorded.'],
  ['error.HEARING_NOT_RECORDED', 'Prima di confermare la sanzione per il rifiuto di un’offerta congrua, registra l’audizione della persona (svolta o rinunciata).', 'Before confirming the sanction for refusing a suitable offer, record the person’s hearing (held or declined).'],
  ['error.JUSTIFICATION_REASON_NOT_APPLICABLE', 'Il motivo indicato non è tra i giustificati motivi ammessi per questa inadempienza.', 'The reason given is not one of the valid excuses for this lapse.'],
  ['error.SUITABLE_OFFERS_AVAILABILITY_REQUIRED', 'Chi percepisce una prestazione deve dichiarare nel patto la disponibilità ad accettare offerte congrue.', 'A benefit recipient must declare in the pact their availability for suitable offers.'],
  ['error.LAPSE_NOT_FOUND', 'Il percorso non ha questa inadempienza.', 'The journey has no such lapse.'],
  ['error.LAPSE_NOT_OPEN', 'L’inadempienza non è più aperta: è già stata giustificata, o la sanzione è già confermata.', 'The lapse is no longer open: it was already justified, or its sanction is already confirmed.'],
  ['error.JUSTIFICATION_WINDOW_CLOSED', 'Il termine per giustificare l’inadempienza è scaduto.', 'The time to justify the lapse has run out.'],
  ['error.STEP_NOT_FOUND', 'Il percorso non ha questo provvedimento di condizionalità.', 'The journey has no such conditionality step.'],
  ['error.STEP_ALREADY_DECIDED', 'Il provvedimento di condizionalità è già stato deciso.', 'The conditionality step is already decided.'],
  ['error.STEP_NOT_CONFIRMED', 'Il provvedimento non è una sanzione confermata: solo una sanzione confermata si notifica e si impugna con ricorso.', 'The step is not a confirmed sanction: only a confirmed sanction is notified and appealed.'],
  ['error.STEP_ALREADY_NOTIFIED', 'Il provvedimento è già stato notificato.', 'The step is already notified.'],
  ['error.NOTIFICATION_METHOD_NOT_VALID', 'Una semplice e-mail non vale come notifica: registra la ricevuta di consegna della PEC, la ricevuta della raccomandata o la consegna a mano firmata.', 'An e-mail alone is not a notification: record a PEC delivery receipt, a registered letter receipt or a signed hand delivery.'],
  ['error.APPEAL_ALREADY_LODGED', 'Il ricorso contro questo provvedimento è già registrato.', 'An appeal against this step is already recorded.'],
  ['error.APPEAL_WINDOW_CLOSED', 'Il termine per presentare ricorso (30 giorni dalla notifica) è scaduto.', 'The time to appeal (30 days from the notification) has run out.'],
  ['error.APPEAL_NOT_LODGED', 'Contro questo provvedimento non risulta alcun ricorso: registra prima il ricorso.', 'No appeal against this step is recorded: record the appeal first.'],
  ['error.APPEAL_ALREADY_DECIDED', 'L’esito del ricorso è già registrato.', 'The appeal’s outcome is already recorded.'],
  ['error.SANCTION_NOT_CPI', 'La sanzione è decisa solo dal personale del Centro per l’impiego competente per il percorso.', 'Only staff of the journey’s competent employment centre (CPI) decide the sanction.'],
  ['error.REFERRAL_NOT_FOUND', 'Il percorso non ha questo invio ad altro servizio.', 'The journey has no such referral.'],
  ['error.REFERRAL_OUTCOME_RECORDED', 'L’esito di questo invio è già registrato.', 'This referral’s outcome is already recorded.'],
  ['error.PATH_NOT_COMPLETED', 'Il percorso non è ancora completo: restano da svolgere alcuni servizi previsti.', 'The path is not complete yet: some of its services are still to be delivered.'],
  ['error.BENEFIT_NOT_CLAIMED', 'La persona non ha presentato domanda di prestazione: registra prima la domanda.', 'The person has not claimed a benefit: record the claim first.'],
  ['error.BENEFIT_ALREADY_CLAIMED', 'È già in corso una domanda di prestazione: terminala, o registrane il rigetto, prima di registrarne un’altra.', 'A benefit claim is already running: end it, or record its refusal, before recording another.'],
  ['error.BENEFIT_CLOSED', 'La domanda di prestazione è stata respinta o è terminata: per una nuova prestazione registra una nuova domanda.', 'The benefit claim was refused or has ended: for a new benefit, record a new claim.'],
  ['error.BENEFIT_ALREADY_GRANTED', 'La prestazione è già stata accolta: una prestazione accolta non si respinge, si termina.', 'The benefit is already granted: a granted benefit is not refused, it is ended.'],
  ['error.BENEFIT_ALREADY_SUSPENDED', 'La prestazione è già sospesa.', 'The benefit is already suspended.'],
  ['error.BENEFIT_NOT_SUSPENDED', 'La prestazione non è sospesa.', 'The benefit is not suspended.'],
  ['error.TRANSFER_SAME_PROGRAMME', 'Il percorso segue già questo programma: il trasferimento è verso un programma diverso.', 'The journey already follows this programme: a transfer goes to a different one.'],
  ['error.CONDITIONALITY_STEP_PENDING', 'Un provvedimento di condizionalità attende la decisione del Centro per l’impiego competente: confermalo o archivialo prima del trasferimento.', 'A conditionality step awaits the competent CPI’s decision: confirm or dismiss it before the transfer.'],
  ['error.CLOSURE_NOT_ALLOWED', 'Il percorso non può essere chiuso con questo motivo: la decadenza segue solo a un provvedimento di condizionalità confermato.', 'The journey cannot be closed with this reason: decadenza only follows a confirmed conditionality step.'],
  ['error.GOL_PATH_NOT_CHOSEN', 'Il percorso GOL non è ancora scelto: completa prima l’assessment (profilazione, assessment qualitativo, scelta del percorso).', 'The GOL path is not chosen yet: complete the assessment first (profiling, qualitative assessment, choice of the path).'],
  ['error.GOL_PATH_ALREADY_CHOSEN', 'Il percorso GOL è già scelto: per passare a un altro percorso serve un trasferimento.', 'The GOL path is already chosen: moving to another path is a transfer.'],
  ['error.NOT_IN_ASSESSMENT', 'Il percorso non è nella fase di assessment GOL: non si può scegliere un percorso GOL.', 'The journey is not in the GOL assessment stage: a GOL path cannot be chosen.'],
  ['error.PROFILING_REQUIRED', 'Manca la profilazione quantitativa: registrala prima di scegliere il percorso.', 'The quantitative profiling is missing: record it before choosing the path.'],
  ['error.QUALITATIVE_ASSESSMENT_REQUIRED', 'Manca l’assessment qualitativo: registralo prima di scegliere il percorso.', 'The qualitative assessment is missing: record it before choosing the path.'],
  ['error.GOL_PATH_PARTY_REQUIRED', 'Il percorso scelto richiede i servizi sociali coinvolti (percorso 4) oppure il datore di lavoro in crisi e l’accordo (percorso 5): indicali.', 'The chosen path needs the social services involved (path 4), or the employer in crisis and the agreement (path 5): give them.'],
  ['error.INVALID_DATE', 'Una data o un orario non è valido per questa operazione: controlla il campo indicato.', 'A date or time is not valid for this operation: check the field shown.'],
  ['error.INVALID_DURATION', 'Una durata non è valida: controlla il campo indicato.', 'A duration is not valid: check the field shown.'],
  ['error.INVALID_VALUE', 'Un valore non è valido per questa operazione: controlla il campo indicato.', 'A value is not valid for this operation: check the field shown.'],
  ['error.JOURNEY_SUSPENDED', 'Il percorso è sospeso per un rapporto di lavoro: termina prima la sospensione, oppure registra l’inserimento lavorativo o chiudi il percorso.', 'The journey is suspended for a job: end the suspension first, or record the placement or close the journey.'],
  ['error.JOURNEY_NOT_SUSPENDED', 'Il percorso non è sospeso.', 'The journey is not suspended.'],
  ['error.JOB_TOO_LONG_FOR_SUSPENSION', 'Un lavoro di durata prevista superiore a sei mesi non sospende lo stato di disoccupazione: registra l’inserimento lavorativo o chiudi il percorso.', 'A job expected to last more than six months does not suspend the unemployed status: record the placement or close the journey.'],
  ['error.ABSENCE_REASON_NOT_APPLICABLE', 'Il motivo indicato non è tra i motivi di assenza previsti dal programma.', 'The reason given is not one of the programme’s absence reasons.'],
  ['error.ABSENCE_NOT_FOUND', 'Il percorso non ha questa assenza.', 'The journey has no such absence.'],
  ['error.ABSENCE_ALREADY_ENDED', 'L’assenza è già terminata.', 'The absence has already ended.'],
  ['error.ABSENCE_ALREADY_RUNNING', 'È già in corso un’assenza: terminala prima di registrarne un’altra.', 'An absence is already running: end it before recording another.'],
  ['error.MONITORING_DATA_ALREADY_RECORDED', 'I dati di monitoraggio del percorso sono già registrati.', 'The journey’s monitoring data are already recorded.'],
  ['error.PRESENTATION_NOT_REQUIRED', 'Per questo percorso non vale l’obbligo di presentazione (ADI, SFL), oppure manca la domanda della prestazione a cui è legato.', 'No presentation obligation applies to this journey (ADI, SFL), or the benefit claim it depends on is missing.'],
  ['error.PRESENTATION_EXEMPTION_ALREADY_RECORDED', 'L’esonero dall’obbligo di presentazione è già registrato: revocalo prima di registrarne un altro.', 'The exemption from the presentation obligation is already recorded: withdraw it before recording another.'],
  ['error.PRESENTATION_EXEMPTION_NOT_RECORDED', 'La persona non risulta esonerata dall’obbligo di presentazione.', 'The person is not exempt from the presentation obligation.'],
  ['error.UNENCRYPTED_PAYLOAD', 'L’operazione non è arrivata attraverso i canali previsti (dati non cifrati) e non è stata registrata.', 'The operation did not come through the expected channels (unencrypted data) and was not recorded.'],
  // How the console shows an error (components/api-error.tsx).
  ['error.details', 'Dettagli tecnici', 'Technical details'],
  ['error.apiMessage', 'Messaggio del servizio (in inglese)', 'The service’s message'],
] as const;

type Entry = (typeof ERROR_MESSAGES)[number];
type Messages = { [E in Entry as E[0]]: string };

export const errorMessagesIt = Object.fromEntries(ERROR_MESSAGES.map(([key, it]) => [key, it])) as Messages;
export const errorMessagesEn = Object.fromEntries(ERROR_MESSAGES.map(([key, , en]) => [key, en])) as Messages;

/**
 * Every code of the API's list (`ErrorDetailDto.code` in the OpenAPI, hence of the typed client) has its phrase: a code
 * added to the API without one is a type error here. A phrase for a code the API no longer has is one too.
 */
const EVERY_CODE_PHRASED: Record<`error.${ErrorCode}`, string> = errorMessagesIt;
void EVERY_CODE_PHRASED;
const NO_STRAY_CODE: Exclude<Entry[0], `error.${ErrorCode}` | 'error.details' | 'error.apiMessage'> extends never ? true : never = true;
void NO_STRAY_CODE;
