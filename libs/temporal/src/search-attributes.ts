import { journeySearchAttributes } from '@sal/contracts';

type CliTypeName = 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

const CLI_TYPE_NAMES: Record<string, CliTypeName> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** The journey's custom search attributes as `name → type`, in the spelling `temporal server start-dev --search-attribute` takes. */
export function journeySearchAttributeTypes(): Record<string, CliTypeName> {
  return Object.fromEntries(Object.values(journeySearchAttributes).map((k) => [k.name, CLI_TYPE_NAMES[k.type]]));
}
