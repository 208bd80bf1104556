import { Transform } from 'class-transformer';

/**
 * Identifiers every feature accepts, with the messages that explain them. One place, so a journey, a catalogue and a
 * supervisor's filter agree on what an office or a programme code looks like.
 */

/** Staff (operators, supervisors) are identified by the ids of the regional systems; defined once with the commands. */
export {
  OFFICE_ID_MESSAGE,
  OFFICE_ID_PATTERN,
  PROGRAMME_CODE_MESSAGE,
  PROGRAMME_CODE_PATTERN,
  STAFF_ID_EXAMPLE as OPERATOR_ID_EXAMPLE,
  STAFF_ID_MESSAGE as OPERATOR_ID_MESSAGE,
  STAFF_ID_PATTERN as OPERATOR_ID_PATTERN,
} from '@sal/contracts';

/** At least one character that is not white space. */
export const NOT_BLANK = /\S/;

/** Trims surrounding white space of a string (anything else is left for the validators to refuse). */
export const Trim = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
