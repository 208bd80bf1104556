/** Rules of the journey inputs: the identifiers every feature shares (from common) and the person's contacts. */
export {
  NOT_BLANK,
  OFFICE_ID_MESSAGE,
  OFFICE_ID_PATTERN,
  OPERATOR_ID_EXAMPLE,
  OPERATOR_ID_MESSAGE,
  OPERATOR_ID_PATTERN,
  PROGRAMME_CODE_MESSAGE,
  PROGRAMME_CODE_PATTERN,
  Trim,
} from '../../common/input-rules';

/** E.164-ish: an optional +, then 6 to 20 digits or spaces. */
export const PHONE_PATTERN = /^\+?[0-9 ]{6,20}$/;
