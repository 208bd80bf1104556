import { Transform } from 'class-transformer';

/**
 * Identifiers every feature accepts, with the messages that explain them. One place, so a journey, a catalogue and a
 * supervisor's filter agree on what an office or a programme code looks like.
 */

/** Operators are identified by the ids of the regional systems: letters, digits and `._@-`, at most 64 (the read model's column). */
export const OPERATOR_ID_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
export const OPERATOR_ID_MESSAGE = 'must be 1-64 characters: letters, digits, . _ @ -';
export const OPERATOR_ID_EXAMPLE = 'op-milano-017';

/** A programme code as the regions publish them, e.g. GOL-1 (the catalogue's own rule, `validateCatalogue`, agrees). */
export const PROGRAMME_CODE_PATTERN = /^[A-Z0-9_-]{2,32}$/;
export const PROGRAMME_CODE_MESSAGE = 'must be 2-32 characters: upper-case letters, digits, _ or -';

/** An employment office (Centro per l'Impiego) id. */
export const OFFICE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const OFFICE_ID_MESSAGE = 'must be 1-64 characters: letters, digits, _ or -';

/** At least one character that is not white space. */
export const NOT_BLANK = /\S/;

/** Trims surrounding white space of a string (anything else is left for the validators to refuse). */
export const Trim = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
