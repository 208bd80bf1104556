import type { JourneyNotice, NoticeKind } from '@sal/domain';
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
  const due = s.dueAt ?? s.overdueSince ?? notice.at;
  return {
    person,
    action,
    actionRef: description && s.actionId ? ` (${oneLine(s.actionId)})` : '',
    due: romeDeadline(due),
    contactDue: romeDeadline(s.contactDueAt ?? notice.at),
    pactDeadline: romeDeadline(s.pactDeadlineAt ?? notice.at),
  };
}

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
