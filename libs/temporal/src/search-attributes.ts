import { SearchAttributeType } from '@temporalio/common';
import { journeySearchAttributes } from '@sal/contracts';

/** How `temporal server start-dev --search-attribute` spells each type of the SDK's (one entry per type, checked). */
const CLI_TYPE_NAMES = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
} as const satisfies Record<SearchAttributeType, string>;

/** A search attribute type in the CLI's spelling. */
export type SearchAttributeTypeName = (typeof CLI_TYPE_NAMES)[SearchAttributeType];

/**
 * The journey's custom search attributes as `name → type`, in the spelling `temporal server start-dev --search-attribute`
 * takes: derived from the keys the workflow writes (`journeySearchAttributes` of the contracts), never listed again.
 */
export function journeySearchAttributeTypes(): Record<string, SearchAttributeTypeName> {
  return Object.fromEntries(Object.values(journeySearchAttributes).map((k) => [k.name, CLI_TYPE_NAMES[k.type]]));
}
