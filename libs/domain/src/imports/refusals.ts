/**
 * Why an import's row was refused, as a stable code (issue 19): at the preview (the start command's validation, the
 * office, the programme, the same person twice, an open journey) or at the run (the start refused). The one list of
 * codes: the API stores and answers it (`reasonCode`, `outcomeReasonCode`, listed in the OpenAPI), the report CSV
 * carries it with its Italian phrase, and the console shows its own phrase per code (`imports.refusal.<code>`, Italian
 * and English). `{name}` placeholders are filled from the row's `params`.
 */
export const IMPORT_REFUSALS = {
  invalid_fiscal_code: { it: 'codice fiscale non valido', en: 'invalid fiscal code' },
  invalid_field: { it: 'dato non valido: {field}', en: 'invalid value: {field}' },
  duplicate_in_file: { it: 'stessa persona della riga {line}', en: 'the same person as line {line}' },
  open_journey: { it: 'la persona ha già un percorso aperto', en: 'the person already has an open journey' },
  episode_already_started: { it: 'percorso già avviato per la stessa persona e la stessa DID', en: 'a journey for the same person and DID was already started' },
  office_outside_scope: { it: 'l’ufficio {office} non è tra i tuoi uffici', en: 'office {office} is outside your offices' },
  office_not_listed: { it: 'l’ufficio {office} non è nell’elenco degli uffici', en: 'office {office} is not in the directory of offices' },
  unknown_programme: { it: 'programma {programme} sconosciuto', en: 'unknown programme {programme}' },
  start_refused: { it: 'avvio rifiutato ({code})', en: 'start refused ({code})' },
} as const satisfies Record<string, { it: string; en: string }>;

export type ImportRefusalCode = keyof typeof IMPORT_REFUSALS;
export const IMPORT_REFUSAL_CODES = Object.keys(IMPORT_REFUSALS) as ImportRefusalCode[];
export type ImportRefusalParams = Record<string, string | number>;

/** A refusal as the API understands it: its code, the values its phrase names, and the English detail (the rule's own words). */
export interface ImportRefusal {
  code: ImportRefusalCode | null;
  params: ImportRefusalParams;
  detail: string;
}

/** How a refusal is stored in the row's text column: JSON, so that its code and values come back as they were. */
export function encodeImportRefusal(code: ImportRefusalCode, params: ImportRefusalParams, detail: string): string {
  return JSON.stringify({ code, params, detail });
}

/**
 * The stored reason read back. Rows stored before the codes (plain English) and the run's `CODE: message` of a start
 * the API refused are recognised; any other text has no code (its detail is the text).
 */
export function decodeImportRefusal(stored: string): ImportRefusal {
  if (stored.startsWith('{"code"')) {
    try {
      const parsed = JSON.parse(stored) as { code?: unknown; params?: unknown; detail?: unknown };
      const code = typeof parsed.code === 'string' && parsed.code in IMPORT_REFUSALS ? (parsed.code as ImportRefusalCode) : null;
      const params = parsed.params && typeof parsed.params === 'object' ? (parsed.params as ImportRefusalParams) : {};
      return { code, params, detail: typeof parsed.detail === 'string' ? parsed.detail : stored };
    } catch {
      return { code: null, params: {}, detail: stored };
    }
  }
  const duplicate = /^the same person as line (\d+)$/.exec(stored);
  if (duplicate) return { code: 'duplicate_in_file', params: { line: Number(duplicate[1]) }, detail: stored };
  if (stored.startsWith('JOURNEY_ALREADY_EXISTS: this episode')) return { code: 'episode_already_started', params: {}, detail: stored };
  if (stored.startsWith('JOURNEY_ALREADY_EXISTS: the person')) return { code: 'open_journey', params: {}, detail: stored };
  const apiCode = /^([A-Z][A-Z0-9_]+): /.exec(stored);
  if (apiCode) return { code: 'start_refused', params: { code: apiCode[1] }, detail: stored };
  return { code: null, params: {}, detail: stored };
}

/** The refusal's phrase in Italian or English, its placeholders filled (the detail when it has no code). */
export function importRefusalPhrase(refusal: ImportRefusal, language: 'it' | 'en'): string {
  if (!refusal.code) return refusal.detail;
  return IMPORT_REFUSALS[refusal.code][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in refusal.params ? String(refusal.params[name]) : whole));
}
