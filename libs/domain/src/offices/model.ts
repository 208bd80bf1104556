import type { OfficeCalendar } from '../calendar/office-calendar';

/**
 * The offices that deliver the Servizi al Lavoro: a public Centro per l'Impiego (`cpi`) or an operator accredited by
 * the region (`accredited`, D.lgs. 276/2003 art. 7; D.lgs. 150/2015 art. 12). Only a CPI decides a sanction
 * (art. 21 c.7 and art. 23 D.lgs. 150/2015): an accredited operator reports the non-compliance.
 */
export const OFFICE_KINDS = ['cpi', 'accredited'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/**
 * What a journey knows of the office that follows it, pinned at start from the directory of offices like the
 * catalogue: its kind, the CPI competent for the person (the office itself when it is a CPI), and its calendar.
 */
export interface OfficeProfile {
  officeId: string;
  kind: OfficeKind;
  /** The CPI competent for the journey's person: decides sanctions, receives appeals' first instance. */
  competentCpiId: string;
  /** When the office is closed besides Sundays and the national holidays. */
  calendar: OfficeCalendar;
}

/** The office a member of staff acts from when a command needs it (a sanction's decision): set by the API from the directory. */
export interface ActingOffice {
  officeId: string;
  kind: OfficeKind;
}
