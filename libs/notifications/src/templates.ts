import { APPEAL_BODY_DEFINITIONS, COMPETENT_APPEAL_BODY, romeDateOf, type AppointmentChannel, type JourneyNotice, type NoticeKind, type ProfilingClass, type ServiceCode } from '@sal/domain';
import { romeDeadline } from './rome-time';

/** A message ready to send: one-line subject, plain-text body. */
export interface RenderedMail {
  subject: string;
  text: string;
}

/** What a template may say about the notice, already worded: quoted action, deadlines in Rome time. */
interface Facts {
  /** The beneficiary's name, as a greeting or a reference: never the fiscal code (notices do not carry it). */
  person: string;
  /** «Job-search workshop», or the action id when the notice has no description. */
  action: string;
  /** The action id in brackets for staff (` (A1)`), or nothing. */
  actionRef: string;
  due: string;
  contactDue: string;
  pactDeadline: string;
  firstContactDue: string;
  /** The appointment: when (Rome time), where or how, and for which service, in Italian. */
  appointmentAt: string;
  appointmentPlace: string;
  service: string;
  justificationDue: string;
  /** The conditionality step: the ladder and the sanction, in Italian, and the appeal deadline. */
  ladder: string;
  sanction: string;
  /** «entro il 10/01/2027», or from the notification while the decision is not yet notified (rules edition 2). */
  appealDue: string;
  /** The appeal body by name, from the notice (the domain's `APPEAL_BODY_DEFINITIONS`). */
  appealBody: string;
  /** The benefit (`la NASpI`), the day its status changed (dd/mm/yyyy), why, and what waits for a decision, in Italian. */
  benefit: string;
  benefitDate: string;
  benefitReason: string;
  pendingSteps: string;
  /** The profiling concerned: its day (dd/mm/yyyy) and the class change in Italian (issue 14). */
  profiledOn: string;
  profilingClass: string;
}

interface Parts {
  subject: string;
  /** Paragraphs after the greeting; the first starts in lower case, as Italian letters do after «Gentile …,». */
  paragraphs: string[];
}

interface KindTemplates {
  beneficiary(f: Facts): Parts;
  staff(f: Facts): Parts;
}

/**
 * Every kind of notice, worded for the person (formal «Lei») and for staff. Records keep exhaustiveness: a new
 * `NoticeKind` does not compile until it has its words here.
 */
const TEMPLATES: Record<NoticeKind, KindTemplates> = {
  action_due_reminder: {
    beneficiary: (f) => ({
      subject: `Promemoria: scadenza dell'azione ${f.action} il ${f.due}`,
      paragraphs: [
        `Le ricordiamo che l'azione ${f.action}, prevista dal Suo Patto di servizio personalizzato, scade il ${f.due}.`,
        "Se l'ha già svolta, La invitiamo a comunicarlo al Suo operatore di riferimento, che ne prenderà nota.",
      ],
    }),
    staff: (f) => ({
      subject: `Promemoria: l'azione ${f.action} di ${f.person} scade il ${f.due}`,
      paragraphs: [`l'azione ${f.action}${f.actionRef} del Patto di servizio personalizzato di ${f.person} scade il ${f.due} e non risulta ancora completata.`],
    }),
  },
  action_overdue: {
    beneficiary: (f) => ({
      subject: `Azione scaduta: ${f.action}`,
      paragraphs: [
        `Le comunichiamo che l'azione ${f.action}, prevista dal Suo Patto di servizio personalizzato con scadenza il ${f.due}, non risulta completata.`,
        "La invitiamo a contattare al più presto il Suo Centro per l'Impiego per concordare come procedere.",
      ],
    }),
    staff: (f) => ({
      subject: `Azione scaduta: ${f.action} di ${f.person}`,
      paragraphs: [
        `l'azione ${f.action}${f.actionRef} del Patto di servizio personalizzato di ${f.person} è scaduta il ${f.due} senza essere stata completata.`,
        "Si prega di verificare la situazione e, se l'azione è stata svolta, di registrarne il completamento.",
      ],
    }),
  },
  action_overdue_escalation: {
    beneficiary: (f) => ({
      subject: `Sollecito: azione ${f.action} non ancora completata`,
      paragraphs: [
        `Le comunichiamo che l'azione ${f.action}, prevista dal Suo Patto di servizio personalizzato con scadenza il ${f.due}, risulta ancora non completata.`,
        "La invitiamo a contattare senza ulteriore ritardo il Suo Centro per l'Impiego.",
      ],
    }),
    staff: (f) => ({
      subject: `Segnalazione: azione ${f.action} di ${f.person} ancora scaduta`,
      paragraphs: [
        `l'azione ${f.action}${f.actionRef} del Patto di servizio personalizzato di ${f.person}, con scadenza il ${f.due}, risulta ancora non completata.`,
        'Si richiede una verifica del percorso.',
      ],
    }),
  },
  contact_missed: {
    beneficiary: (f) => ({
      subject: "Contatto periodico con il Centro per l'Impiego non avvenuto",
      paragraphs: [
        `Le comunichiamo che il contatto periodico con il Centro per l'Impiego previsto dal Suo Patto di servizio personalizzato, atteso entro il ${f.contactDue}, non risulta avvenuto.`,
        'La invitiamo a contattare al più presto il Suo operatore di riferimento.',
      ],
    }),
    staff: (f) => ({
      subject: `Contatto periodico mancato: ${f.person}`,
      paragraphs: [`il contatto periodico previsto dal Patto di servizio personalizzato di ${f.person}, atteso entro il ${f.contactDue}, non risulta registrato.`],
    }),
  },
  contact_missed_escalation: {
    beneficiary: (f) => ({
      subject: "Sollecito: contatto periodico con il Centro per l'Impiego",
      paragraphs: [
        `Le comunichiamo che il contatto periodico previsto dal Suo Patto di servizio personalizzato, atteso entro il ${f.contactDue}, non risulta ancora avvenuto.`,
        "La invitiamo a contattare senza ulteriore ritardo il Suo Centro per l'Impiego.",
      ],
    }),
    staff: (f) => ({
      subject: `Segnalazione: contatto periodico ancora mancato: ${f.person}`,
      paragraphs: [
        `il contatto periodico previsto dal Patto di servizio personalizzato di ${f.person}, atteso entro il ${f.contactDue}, non risulta ancora registrato.`,
        'Si richiede una verifica del percorso.',
      ],
    }),
  },
  pact_deadline_missed: {
    beneficiary: (f) => ({
      subject: 'Patto di servizio personalizzato da sottoscrivere',
      paragraphs: [
        `Le comunichiamo che il Suo Patto di servizio personalizzato doveva essere sottoscritto entro il ${f.pactDeadline} e non risulta ancora firmato.`,
        "La invitiamo a contattare al più presto il Suo Centro per l'Impiego per fissare un appuntamento.",
      ],
    }),
    staff: (f) => ({
      subject: `Patto di servizio non sottoscritto nei termini: ${f.person}`,
      paragraphs: [`il Patto di servizio personalizzato di ${f.person} doveva essere sottoscritto entro il ${f.pactDeadline} e non risulta ancora firmato.`],
    }),
  },
  pact_deadline_escalation: {
    beneficiary: (f) => ({
      subject: 'Sollecito: Patto di servizio personalizzato non ancora sottoscritto',
      paragraphs: [
        `Le comunichiamo che il Suo Patto di servizio personalizzato, da sottoscrivere entro il ${f.pactDeadline}, non risulta ancora firmato.`,
        "La invitiamo a contattare senza ulteriore ritardo il Suo Centro per l'Impiego.",
      ],
    }),
    staff: (f) => ({
      subject: `Segnalazione: Patto di servizio ancora non sottoscritto: ${f.person}`,
      paragraphs: [
        `il Patto di servizio personalizzato di ${f.person}, da sottoscrivere entro il ${f.pactDeadline}, non risulta ancora firmato.`,
        'Si richiede una verifica del percorso.',
      ],
    }),
  },
  suspension_limit_reached: {
    // Sent to the operator only (issue 14): the journey closed by itself; the person is told by the office.
    beneficiary: (f) => ({
      subject: 'Chiusura del percorso per perdita dello stato di disoccupazione',
      paragraphs: [
        `Le comunichiamo che il Suo rapporto di lavoro ha superato i sei mesi il ${f.due}: lo stato di disoccupazione, sospeso, è venuto meno (art. 19 c.3 D.lgs. 150/2015) e il percorso è chiuso.`,
      ],
    }),
    staff: (f) => ({
      subject: `Percorso chiuso: sospensione oltre sei mesi: ${f.person}`,
      paragraphs: [
        `il rapporto di lavoro che sospendeva lo stato di disoccupazione di ${f.person} ha raggiunto i sei mesi il ${f.due}: lo stato di disoccupazione è perso (art. 19 c.3 D.lgs. 150/2015) e il percorso è stato chiuso come \`status_lost\`.`,
        'Verificare la registrazione del rapporto di lavoro; una nuova DID apre un nuovo percorso.',
      ],
    }),
  },
  pact_acceptance_overdue: {
    // Sent to supervisors only; the person's words are here for completeness of the record.
    beneficiary: (f) => ({
      subject: 'Patto di servizio personalizzato in attesa della Sua accettazione',
      paragraphs: [
        `Le comunichiamo che il Suo Patto di servizio personalizzato attende la Sua accettazione, prevista entro il ${f.due}.`,
        "La invitiamo a contattare il Suo Centro per l'Impiego per accettarlo.",
      ],
    }),
    staff: (f) => ({
      subject: `Segnalazione: Patto di servizio non ancora accettato: ${f.person}`,
      paragraphs: [
        `il Patto di servizio personalizzato di ${f.person}, sottoscritto dall'operatore, attende l'accettazione della persona, prevista entro il ${f.due}.`,
        'Finché non è accettato non è in vigore e le sue scadenze non decorrono. Si richiede una verifica del percorso.',
      ],
    }),
  },
  // Issue 14 (GOL assessment): sent to the operator only; the person's words are here for completeness of the record.
  profiling_class_changed: {
    beneficiary: (f) => ({
      subject: 'Aggiornamento della Sua profilazione',
      paragraphs: [`Le comunichiamo che la Sua profilazione del ${f.profiledOn} è stata aggiornata${f.profilingClass ? ` (classe ${f.profilingClass})` : ''}.`, "Per informazioni può contattare il Suo Centro per l'Impiego."],
    }),
    staff: (f) => ({
      subject: `Classe di profilazione cambiata: ${f.person}`,
      paragraphs: [
        `la profilazione quantitativa di ${f.person} del ${f.profiledOn} ha cambiato classe${f.profilingClass ? `: ${f.profilingClass}` : ''}.`,
        'Si valuti se il percorso e il Patto di servizio vanno rivisti.',
      ],
    }),
  },
  profiling_review_due: {
    beneficiary: (f) => ({
      subject: 'Revisione della Sua profilazione',
      paragraphs: [`Le comunichiamo che la Sua profilazione va rivista (prevista entro il ${f.due}).`, "Potrà essere convocato/a dal Suo Centro per l'Impiego."],
    }),
    staff: (f) => ({
      subject: `Revisione della profilazione da fare: ${f.person}`,
      paragraphs: [`la profilazione quantitativa di ${f.person} del ${f.profiledOn} andava rivista entro il ${f.due}.`, 'Si richiede di registrare la nuova profilazione del modello nazionale.'],
    }),
  },
  first_contact_missed: {
    beneficiary: (f) => ({
      subject: "Contatto con il Centro per l'Impiego non avvenuto",
      paragraphs: [
        `Le comunichiamo che il contatto con il Centro per l'Impiego, atteso entro il ${f.firstContactDue}, non risulta avvenuto.`,
        'Sarà convocato/a per un colloquio.',
      ],
    }),
    staff: (f) => ({
      subject: `Primo contatto non avvenuto nei termini: ${f.person}`,
      paragraphs: [
        `${f.person} non ha contattato l'ufficio entro il ${f.firstContactDue}, termine previsto dalla DID o dalla domanda di prestazione.`,
        "Si richiede di convocare la persona (art. 20 c.1 e art. 21 c.2 D.lgs. 150/2015).",
      ],
    }),
  },
  appointment_scheduled: {
    beneficiary: (f) => ({
      subject: `Appuntamento fissato il ${f.appointmentAt}`,
      paragraphs: [
        `Le comunichiamo che è stato fissato un appuntamento per ${f.service} il ${f.appointmentAt}, ${f.appointmentPlace}.`,
        "Se non potrà essere presente, La invitiamo ad avvisare il Suo operatore prima dell'appuntamento.",
      ],
    }),
    staff: (f) => ({
      subject: `Appuntamento fissato: ${f.person}, ${f.appointmentAt}`,
      paragraphs: [`è stato fissato un appuntamento per ${f.service} con ${f.person} il ${f.appointmentAt}, ${f.appointmentPlace}.`],
    }),
  },
  appointment_rescheduled: {
    beneficiary: (f) => ({
      subject: `Appuntamento spostato al ${f.appointmentAt}`,
      paragraphs: [`Le comunichiamo che il Suo appuntamento per ${f.service} è stato spostato al ${f.appointmentAt}, ${f.appointmentPlace}.`],
    }),
    staff: (f) => ({
      subject: `Appuntamento spostato: ${f.person}, ${f.appointmentAt}`,
      paragraphs: [`l'appuntamento per ${f.service} con ${f.person} è stato spostato al ${f.appointmentAt}, ${f.appointmentPlace}.`],
    }),
  },
  appointment_cancelled: {
    beneficiary: (f) => ({
      subject: `Appuntamento del ${f.appointmentAt} annullato`,
      paragraphs: [`Le comunichiamo che il Suo appuntamento per ${f.service} del ${f.appointmentAt} è stato annullato.`, 'Sarà ricontattato/a per fissarne uno nuovo, se necessario.'],
    }),
    staff: (f) => ({
      subject: `Appuntamento annullato: ${f.person}, ${f.appointmentAt}`,
      paragraphs: [`l'appuntamento per ${f.service} con ${f.person} del ${f.appointmentAt} è stato annullato.`],
    }),
  },
  appointment_reminder: {
    beneficiary: (f) => ({
      subject: `Promemoria: appuntamento il ${f.appointmentAt}`,
      paragraphs: [`Le ricordiamo l'appuntamento per ${f.service} il ${f.appointmentAt}, ${f.appointmentPlace}.`],
    }),
    staff: (f) => ({
      subject: `Promemoria: appuntamento con ${f.person} il ${f.appointmentAt}`,
      paragraphs: [`è previsto un appuntamento per ${f.service} con ${f.person} il ${f.appointmentAt}, ${f.appointmentPlace}.`],
    }),
  },
  appointment_missed: {
    beneficiary: (f) => ({
      subject: `Assenza all'appuntamento del ${f.appointmentAt}`,
      paragraphs: [
        `Le comunichiamo che non risulta presente all'appuntamento per ${f.service} del ${f.appointmentAt}.`,
        `Se l'assenza ha un giustificato motivo, La invitiamo a comunicarlo al Suo Centro per l'Impiego entro il ${f.justificationDue}.`,
      ],
    }),
    staff: (f) => ({
      subject: `Assenza all'appuntamento: ${f.person}, ${f.appointmentAt}`,
      paragraphs: [`${f.person} non si è presentato/a all'appuntamento per ${f.service} del ${f.appointmentAt}; la giustificazione è attesa entro il ${f.justificationDue}.`],
    }),
  },
  conditionality_step_proposed: {
    beneficiary: (f) => ({
      subject: 'Comunicazione sul Suo percorso',
      paragraphs: [`Le comunichiamo che il termine per giustificare l'inadempimento (${f.ladder}) è scaduto il ${f.justificationDue}: il Suo operatore valuterà la situazione.`],
    }),
    staff: (f) => ({
      subject: `Condizionalità da valutare: ${f.person}`,
      paragraphs: [
        `il termine per giustificare l'inadempimento di ${f.person} (${f.ladder}) è scaduto il ${f.justificationDue} senza un giustificato motivo.`,
        `La misura proposta è: ${f.sanction}. Si richiede di confermarla o di archiviarla.`,
      ],
    }),
  },
  conditionality_step_confirmed: {
    beneficiary: (f) => ({
      subject: 'Provvedimento di condizionalità',
      paragraphs: [
        `Le comunichiamo che, per l'inadempimento non giustificato (${f.ladder}), è stato adottato il seguente provvedimento: ${f.sanction}.`,
        `Contro il provvedimento può presentare ricorso ${f.appealDue}. Il ricorso si presenta a: ${f.appealBody}.`,
      ],
    }),
    staff: (f) => ({
      subject: `Provvedimento di condizionalità adottato: ${f.person}`,
      paragraphs: [`per ${f.person} è stato adottato il provvedimento: ${f.sanction} (${f.ladder}); il ricorso (${f.appealBody}) è possibile ${f.appealDue}.`],
    }),
  },
  // The benefit's lifecycle (issue 14): sent to the responsible operator only; the person hears from INPS.
  benefit_refused: {
    beneficiary: (f) => ({ subject: `Domanda di ${f.benefit} respinta`, paragraphs: [`Le comunichiamo che risulta respinta la Sua domanda di ${f.benefit} (${f.benefitDate}).`] }),
    staff: (f) => ({
      subject: `Domanda di ${f.benefit} respinta: ${f.person}`,
      paragraphs: [`la domanda di ${f.benefit} di ${f.person} risulta respinta dall'INPS il ${f.benefitDate}.`, 'Da questa data la persona non è soggetta alla condizionalità (art. 21 D.lgs. 150/2015).'],
    }),
  },
  benefit_suspended: {
    beneficiary: (f) => ({ subject: `${f.benefit} sospesa`, paragraphs: [`Le comunichiamo che la Sua ${f.benefit} risulta sospesa dal ${f.benefitDate} (${f.benefitReason}).`] }),
    staff: (f) => ({
      subject: `Prestazione sospesa: ${f.benefit} di ${f.person}`,
      paragraphs: [`la ${f.benefit} di ${f.person} risulta sospesa dal ${f.benefitDate} (${f.benefitReason}).`, 'Durante la sospensione gli inadempimenti non portano a misure di condizionalità.'],
    }),
  },
  benefit_ended: {
    beneficiary: (f) => ({ subject: `${f.benefit} cessata`, paragraphs: [`Le comunichiamo che la Sua ${f.benefit} risulta cessata dal ${f.benefitDate} (${f.benefitReason}).`] }),
    staff: (f) => ({
      subject: `Prestazione cessata: ${f.benefit} di ${f.person}`,
      paragraphs: [`la ${f.benefit} di ${f.person} risulta cessata dal ${f.benefitDate} (${f.benefitReason}).`, `Da questa data la persona non è soggetta alla condizionalità.${f.pendingSteps}`],
    }),
  },
};

const BENEFIT_NAMES: Record<string, string> = { naspi: 'NASpI', dis_coll: 'DIS-COLL', adi: 'prestazione ADI (Assegno di inclusione)', sfl: 'prestazione SFL (Supporto per la formazione e il lavoro)' };

const BENEFIT_REASON_NAMES: Record<string, string> = {
  short_employment: 'rapporto di lavoro subordinato fino a sei mesi',
  missed_presentation: 'mancata presentazione ai servizi nei termini',
  pact_not_updated: 'patto di servizio non aggiornato alla scadenza dei dodici mesi',
  exhausted: 'esaurimento della durata',
  decadenza: 'decadenza',
  employment: 'nuova occupazione',
  renounced: 'rinuncia',
  other: 'altro motivo',
};

/** 2026-03-05 → 05/03/2026. */
function italianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return d && m && y ? `${d}/${m}/${y}` : date;
}

/** Every service by its Italian name: a service added to the domain's table is named here too (the compiler says so). */
const SERVICE_NAMES: Record<ServiceCode, string> = {
  reception: "l'accoglienza e il primo colloquio",
  second_level_interview: 'il colloquio individuale di secondo livello',
  path_definition: 'la definizione del percorso',
  skills_assessment: 'il bilancio delle competenze',
  tutoring: 'il tutoring e counselling orientativo',
  job_search: 'lo scouting aziendale e la ricerca attiva del lavoro',
};

const CHANNEL_NAMES: Record<AppointmentChannel, string> = { in_person: 'in presenza', phone: 'per telefono', video: 'in videochiamata' };

const LADDER_NAMES: Record<string, string> = {
  appointments: 'appuntamenti e laboratori',
  training: 'formazione e altre misure di attivazione',
  suitable_offer: 'rifiuto di offerta congrua',
};

const SANCTION_NAMES: Record<string, string> = {
  quarter_month_cut: "decurtazione di un quarto di una mensilità della prestazione",
  one_month_cut: 'decurtazione di una mensilità della prestazione',
  decadenza: 'decadenza dalla prestazione e dallo stato di disoccupazione',
};

const SUBJECT_MAX = 160;
const ACTION_IN_SUBJECT_MAX = 80;

/**
 * Words a notice for one recipient: the person (greeted by name) or a member of staff (`recipientName` from the staff
 * directory; null when none was found, for a message kept as undeliverable).
 * @example renderNotice(notice, 'Anna Verdi').subject // "Azione scaduta: «Job-search workshop» di Mario Rossi"
 */
export function renderNotice(notice: JourneyNotice, recipientName: string | null): RenderedMail {
  const person = oneLine(`${notice.beneficiary.givenName} ${notice.beneficiary.familyName}`);
  const template = notice.audience === 'beneficiary' ? TEMPLATES[notice.kind].beneficiary : TEMPLATES[notice.kind].staff;
  // The subject quotes a shortened description; the body quotes it whole.
  const subject = clip(template(facts(notice, person, ACTION_IN_SUBJECT_MAX)).subject, SUBJECT_MAX);
  const { paragraphs } = template(facts(notice, person));
  if (notice.audience === 'beneficiary') {
    return {
      subject,
      text: letter(`Gentile ${person},`, paragraphs, [
        'Cordiali saluti,',
        `Servizi al Lavoro – Centro per l'Impiego ${notice.officeId}`,
        '',
        'Questo messaggio è stato inviato automaticamente: La preghiamo di non rispondere a questo indirizzo.',
      ]),
    };
  }
  const context = [
    `Percorso: ${notice.journeyId}`,
    `Beneficiario: ${person}`,
    `Programma: ${notice.programmeCode}`,
    `Ufficio: ${notice.officeId}`,
    ...(notice.operatorId ? [`Operatore responsabile: ${notice.operatorId}`] : []),
  ].join('\n');
  const forSupervisors = notice.audience === 'supervisor' ? [`Questa segnalazione è inviata ai responsabili dell'ufficio ${notice.officeId}.`] : [];
  return {
    subject,
    text: letter(recipientName ? `Gentile ${oneLine(recipientName)},` : 'Buongiorno,', [...paragraphs, ...forSupervisors, context], [
      'Messaggio automatico del sistema Servizi al Lavoro: non rispondere a questo indirizzo.',
    ]),
  };
}

function facts(notice: JourneyNotice, person: string, actionMax = Infinity): Facts {
  const s = notice.subject;
  const description = s.actionDescription ? oneLine(s.actionDescription) : '';
  const action = description ? `«${clip(description, actionMax)}»` : oneLine(s.actionId ?? '(non specificata)');
  const due = s.dueAt ?? s.overdueSince ?? s.suspensionLimitAt ?? notice.at;
  return {
    person,
    action,
    actionRef: description && s.actionId ? ` (${oneLine(s.actionId)})` : '',
    due: romeDeadline(due),
    contactDue: romeDeadline(s.contactDueAt ?? notice.at),
    pactDeadline: romeDeadline(s.pactDeadlineAt ?? notice.at),
    firstContactDue: romeDeadline(s.firstContactDueAt ?? notice.at),
    appointmentAt: romeDeadline(s.appointmentAt ?? notice.at),
    appointmentPlace: s.channel === 'in_person' && s.location ? `presso ${oneLine(s.location)}` : (s.channel ? CHANNEL_NAMES[s.channel] : undefined) ?? '',
    service: (s.service ? SERVICE_NAMES[s.service] : undefined) ?? 'il servizio',
    justificationDue: romeDeadline(s.justificationDueAt ?? notice.at),
    ladder: LADDER_NAMES[s.ladder ?? ''] ?? '',
    sanction: SANCTION_NAMES[s.effect ?? ''] ?? '',
    appealDue: s.appealDueAt ? `entro il ${romeDeadline(s.appealDueAt)}` : 'entro i termini di legge, che decorrono dalla notifica del provvedimento (PEC, raccomandata con ricevuta di ritorno o consegna a mano)',
    appealBody: oneLine(s.appealBody ?? APPEAL_BODY_DEFINITIONS[COMPETENT_APPEAL_BODY].name),
    benefit: BENEFIT_NAMES[s.benefitKind ?? ''] ?? 'prestazione',
    benefitDate: s.benefitDate ? italianDate(s.benefitDate) : romeDeadline(notice.at),
    benefitReason: BENEFIT_REASON_NAMES[s.benefitReason ?? ''] ?? 'motivo non indicato',
    pendingSteps: s.proposedStepCount ? ` Restano da decidere ${s.proposedStepCount === 1 ? 'una misura proposta' : `${s.proposedStepCount} misure proposte`} prima della cessazione: confermarle o archiviarle.` : '',
    profiledOn: (s.profiledOn ?? romeDateOf(notice.at)).split('-').reverse().join('/'),
    profilingClass: s.profilingClassTo
      ? s.profilingClassFrom
        ? `da «${PROFILING_CLASS_NAMES[s.profilingClassFrom]}» a «${PROFILING_CLASS_NAMES[s.profilingClassTo]}»`
        : `«${PROFILING_CLASS_NAMES[s.profilingClassTo]}»`
      : '',
  };
}

const PROFILING_CLASS_NAMES: Record<ProfilingClass, string> = { low: 'bassa', medium: 'media', high: 'alta', very_high: 'molto alta' };

function letter(greeting: string, paragraphs: string[], closing: string[]): string {
  return [greeting, ...paragraphs, closing.join('\n')].join('\n\n') + '\n';
}

/** Free text from operators (descriptions, names) on one line: no line breaks or runs of spaces in a subject. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}
