import { benefitRunning } from '../benefits/running';
import { APPEAL_BODY_DEFINITIONS, COMPETENT_APPEAL_BODY } from '../conditionality/appeals';
import { CONDITIONALITY_LADDER_EFFECTS } from '../conditionality/ladders';
import type { ConditionalityLadder, SanctionEffect } from '../conditionality/model';
import { romeDateOf } from '../dates';
import type { JourneyState } from '../journey/model';
import type { PactActionKind, PactVersion, ProfilingClass } from '../pact/model';
import type { ReferralTarget } from '../referrals/model';

/**
 * The Patto di servizio personalizzato as a document (issue 19): what each section of a version says, in Italian,
 * from the journey's state, so that rendering it (PDF) is layout only. The minimum content is art. 20 c.2–3 D.lgs.
 * 150/2015; the conditionality section states the ladder of art. 21 c.7 only to a NASpI / DIS-COLL recipient, and the
 * appeal of art. 21 c.12.
 */

/** A block of a section: a paragraph, a list, or label–value lines. */
export type PactDocumentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; fields: { label: string; value: string }[] };

export interface PactDocumentSection {
  heading: string;
  blocks: PactDocumentBlock[];
}

export interface PactDocumentContent {
  title: string;
  subtitle: string;
  /** Version, dates and the journey's reference, printed under the title and in every page's footer. */
  reference: string;
  sections: PactDocumentSection[];
  /** Who signs: the person and the responsible operator. */
  signatures: { role: string; name: string }[];
  /** The document's metadata (PDF info): no personal data in the title, subject or keywords. */
  metadata: { title: string; subject: string; keywords: string; createdAt: string };
}

/** Which conditionality rules apply to the person when the version was proposed. */
export type ConditionalityRegime = 'benefit_recipient' | 'not_recipient';

export const PROFILING_CLASS_LABELS: Record<ProfilingClass, string> = {
  low: 'bassa (vicino al mercato del lavoro)',
  medium: 'media',
  high: 'alta',
  very_high: 'molto alta (lontano dal mercato del lavoro)',
};

export const ACTION_KIND_LABELS: Record<PactActionKind, string> = {
  job_search_act: 'Atto di ricerca attiva di lavoro',
  workshop: 'Laboratorio di ricerca attiva',
  training: 'Formazione o riqualificazione',
  interview: 'Colloquio',
  skills_assessment: 'Bilancio delle competenze',
  tutoring: 'Tutoring e counselling orientativo',
  company_scouting: 'Scouting aziendale',
  other: 'Altra attività',
};

export const REFERRAL_TARGET_LABELS: Record<ReferralTarget, string> = {
  training_body: 'ente di formazione',
  social_services: 'servizi sociali',
  health_services: 'servizi sanitari',
  other_employment_service: 'altro servizio per il lavoro',
  other: 'altro servizio',
};

const BENEFIT_LABELS: Record<string, string> = { naspi: 'NASpI', dis_coll: 'DIS-COLL' };

const LADDER_LABELS: Record<ConditionalityLadder, string> = {
  appointments: 'Mancata presentazione, senza giustificato motivo, alle convocazioni, agli appuntamenti o ai contatti concordati e alle iniziative di orientamento (art. 21 c.7 lett. a e b)',
  training: 'Mancata partecipazione, senza giustificato motivo, alle iniziative di formazione, riqualificazione o altra politica attiva (art. 21 c.7 lett. c)',
  suitable_offer: "Rifiuto, senza giustificato motivo, di un'offerta di lavoro congrua (art. 21 c.7 lett. d; art. 25)",
};

const EFFECT_LABELS: Record<SanctionEffect, string> = {
  quarter_month_cut: "decurtazione di un quarto di una mensilità della prestazione",
  one_month_cut: 'decurtazione di una mensilità della prestazione',
  decadenza: 'decadenza dalla prestazione e dallo stato di disoccupazione',
};

const ORDINALS = ['la prima volta', 'la seconda volta', 'la terza volta'];

/** DD/MM/YYYY of an instant, in Rome. */
export function italianDate(instant: string): string {
  const [y, m, d] = romeDateOf(instant).split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO-8601 duration in Italian words ("ogni 30 giorni"); a duration of several parts is given as it is. */
export function italianFrequency(duration: string): string {
  const match = /^P(\d+)([DWMY])$/.exec(duration);
  if (!match) return `secondo la durata ${duration}`;
  const n = Number(match[1]);
  const unit = { D: ['giorno', 'giorni'], W: ['settimana', 'settimane'], M: ['mese', 'mesi'], Y: ['anno', 'anni'] }[match[2] as 'D' | 'W' | 'M' | 'Y'];
  if (n === 1) return match[2] === 'W' ? 'ogni settimana' : `ogni ${unit[0]}`;
  return `ogni ${n} ${unit[1]}`;
}

const yesNo = (b: boolean) => (b ? 'Sì, dichiara la propria disponibilità' : 'No');

/** The regime of art. 21: the ladder applies to a NASpI / DIS-COLL recipient (the benefit running when the version was proposed). */
export function conditionalityRegime(state: JourneyState, version: PactVersion): ConditionalityRegime {
  return benefitRunning(state, version.proposedAt ?? version.signedAt) ? 'benefit_recipient' : 'not_recipient';
}

/** The steps of a ladder in words: "la prima volta: …; la seconda volta: …". */
function ladderText(ladder: ConditionalityLadder): string {
  const effects = CONDITIONALITY_LADDER_EFFECTS[ladder];
  const steps = effects.length === 1 ? [`${EFFECT_LABELS[effects[0]]}`] : effects.map((e, i) => `${ORDINALS[i]}: ${EFFECT_LABELS[e]}`);
  return `${LADDER_LABELS[ladder]}: ${steps.join('; ')}.`;
}

function appealDays(state: JourneyState): number {
  const match = /^P(\d+)D$/.exec(state.clocks.appealWindow ?? '');
  return match ? Number(match[1]) : 30;
}

/** The conditionality rules that apply to the person, and how to appeal a sanction. */
export function conditionalitySection(state: JourneyState, version: PactVersion): PactDocumentSection {
  const body = APPEAL_BODY_DEFINITIONS[COMPETENT_APPEAL_BODY].name;
  const appeal =
    `Contro il provvedimento di sanzione è ammesso ricorso entro ${appealDays(state)} giorni dalla sua notifica (a mezzo PEC, raccomandata o a mani), ` +
    `al ${body} (art. 21 c.12 D.lgs. 150/2015). Un provvedimento annullato non conta ai fini delle sanzioni successive.`;
  const excuse =
    "Il giustificato motivo (malattia o infortunio documentati, servizio civile o militare, gravidanza, convocazione davanti all'autorità giudiziaria, " +
    'gravi e documentati motivi familiari, limiti legali alla mobilità, altri casi di forza maggiore comprovati) va comunicato entro la data ' +
    "dell'appuntamento e al più tardi il giorno successivo; il giustificato motivo del rifiuto di un'offerta congrua entro due giorni lavorativi dalla proposta.";
  if (conditionalityRegime(state, version) === 'benefit_recipient') {
    const kind = BENEFIT_LABELS[state.benefit?.kind ?? ''] ?? 'NASpI o DIS-COLL';
    return {
      heading: 'Condizionalità e ricorso (art. 21 D.lgs. 150/2015)',
      blocks: [
        {
          kind: 'paragraph',
          text: `Il beneficiario percepisce la prestazione ${kind}: la prestazione è condizionata alla partecipazione alle attività del presente patto. Ogni categoria di inadempimento è conteggiata separatamente; la sanzione è decisa dal centro per l'impiego competente, mai in modo automatico.`,
        },
        { kind: 'list', items: (Object.keys(CONDITIONALITY_LADDER_EFFECTS) as ConditionalityLadder[]).map(ladderText) },
        { kind: 'paragraph', text: excuse },
        { kind: 'paragraph', text: appeal },
      ],
    };
  }
  return {
    heading: 'Condizionalità e ricorso (art. 21 D.lgs. 150/2015)',
    blocks: [
      {
        kind: 'paragraph',
        text:
          'Il beneficiario non risulta percettore di NASpI o DIS-COLL: le sanzioni di decurtazione e decadenza previste dall’art. 21 c.7 D.lgs. 150/2015 non si applicano. ' +
          'Se durante il percorso ottiene una di queste prestazioni, la sua partecipazione alle attività del patto ne diventa condizione.',
      },
      { kind: 'paragraph', text: excuse },
      { kind: 'paragraph', text: appeal },
    ],
  };
}

/**
 * The content of version `versionNumber` of the journey's pact, as the person signs it. Throws when the pact has no such
 * version (callers check first).
 */
export function pactDocumentContent(state: JourneyState, versionNumber: number): PactDocumentContent {
  const version = state.pactVersions.find((v) => v.version === versionNumber);
  if (!version) throw new Error(`the pact has no version ${versionNumber}`);
  const proposedAt = version.proposedAt ?? version.signedAt;
  const person = `${state.beneficiary.givenName} ${state.beneficiary.familyName}`;
  const office = state.office;
  const officeKind = office ? (office.kind === 'cpi' ? 'Centro per l’impiego' : 'Operatore accreditato') : 'Ufficio';
  const reference = `Versione ${version.version} del ${italianDate(proposedAt)} · percorso ${state.journeyId}`;
  const referrals = version.referrals ?? [];
  const sections: PactDocumentSection[] = [
    {
      heading: 'Le parti',
      blocks: [
        {
          kind: 'fields',
          fields: [
            { label: 'Beneficiario', value: person },
            { label: 'Codice fiscale', value: state.beneficiary.fiscalCode },
            { label: officeKind, value: state.officeId },
            ...(office && office.competentCpiId !== office.officeId ? [{ label: 'Centro per l’impiego competente', value: office.competentCpiId }] : []),
            { label: 'Programma', value: state.programmeCode },
            { label: 'Data della DID', value: italianDate(`${state.didDate}T12:00:00.000Z`) },
          ],
        },
        ...(version.version > 1 && version.reason
          ? [{ kind: 'paragraph' as const, text: `Questa versione modifica la precedente. Motivo della modifica: ${version.reason}` }]
          : []),
      ],
    },
    {
      heading: 'Contenuto minimo del patto (art. 20 c.2 D.lgs. 150/2015)',
      blocks: [
        {
          kind: 'fields',
          fields: [
            { label: 'a) Responsabile delle attività', value: version.responsibleOperatorId },
            { label: 'b) Classe di profilazione', value: PROFILING_CLASS_LABELS[version.profilingClass] },
            { label: 'd) Frequenza dei contatti', value: `Contatto con il responsabile delle attività ${italianFrequency(version.contactFrequency)}` },
            { label: 'e) Come si dimostra la ricerca attiva', value: version.jobSearchProof ?? 'Secondo le indicazioni del responsabile delle attività' },
          ],
        },
      ],
    },
    {
      heading: 'c) Atti di ricerca attiva e attività concordate, con i tempi',
      blocks: [
        {
          kind: 'list',
          items: version.actions.map((a) => `${a.actionId} · ${ACTION_KIND_LABELS[a.kind]}: ${a.description} — entro il ${italianDate(a.dueAt)}`),
        },
      ],
    },
    {
      heading: 'Disponibilità del beneficiario (art. 20 c.3 D.lgs. 150/2015)',
      blocks: [
        {
          kind: 'fields',
          fields: [
            { label: 'a) Laboratori e iniziative di ricerca attiva e orientamento', value: yesNo(version.availability.workshops) },
            { label: 'b) Formazione, riqualificazione o altra politica attiva', value: yesNo(version.availability.training) },
            { label: 'c) Accettazione di offerte di lavoro congrue (art. 25)', value: yesNo(version.availability.suitableOffers) },
          ],
        },
      ],
    },
    {
      heading: 'Invii ad altri servizi',
      blocks: [
        referrals.length === 0
          ? { kind: 'paragraph', text: 'Nessun invio ad altri servizi.' }
          : { kind: 'list', items: referrals.map((r) => `${r.referralId} · ${REFERRAL_TARGET_LABELS[r.to]}: ${r.organisation} — ${r.reason}`) },
      ],
    },
    conditionalitySection(state, version),
    {
      heading: 'Sottoscrizione',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'Il beneficiario dichiara di aver ricevuto copia del presente patto e di accettarne i contenuti; il patto è in vigore dalla sua accettazione. ' +
            'I dati personali sono trattati per la gestione del percorso ai sensi del Regolamento (UE) 2016/679.',
        },
      ],
    },
  ];
  return {
    title: 'Patto di servizio personalizzato',
    subtitle: 'ai sensi dell’art. 20 del D.lgs. 14 settembre 2015, n. 150',
    reference,
    sections,
    signatures: [
      { role: 'Il beneficiario', name: person },
      { role: 'Il responsabile delle attività', name: version.responsibleOperatorId },
    ],
    metadata: {
      title: `Patto di servizio personalizzato, versione ${version.version}`,
      subject: 'Patto di servizio personalizzato (art. 20 D.lgs. 150/2015)',
      keywords: `patto di servizio; ${state.programmeCode}; versione ${version.version}`,
      createdAt: proposedAt,
    },
  };
}

/** Every text of the document, in order, for checks and search (what a reader of the PDF sees). */
export function pactDocumentText(content: PactDocumentContent): string[] {
  const blockText = (b: PactDocumentBlock): string[] =>
    b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : b.fields.map((f) => `${f.label}: ${f.value}`);
  return [content.title, content.subtitle, content.reference, ...content.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockText)]), ...content.signatures.map((s) => `${s.role}: ${s.name}`)];
}
