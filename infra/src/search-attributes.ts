/** Search attribute types understood by `temporal server start-dev --search-attribute`. */
export type SearchAttributeTypeName =
  | 'Keyword'
  | 'Text'
  | 'Int'
  | 'Double'
  | 'Bool'
  | 'Datetime'
  | 'KeywordList';

/**
 * Custom search attributes the journey workflow upserts. Must stay in sync
 * with the workflow: Temporal rejects upserts of unregistered attributes.
 */
export const JOURNEY_SEARCH_ATTRIBUTE_TYPES = {
  JourneyStage: 'Keyword',
  OfficeId: 'Keyword',
  ProgrammeCode: 'Keyword',
  JourneyStatus: 'Keyword',
  NextDeadline: 'Datetime',
  OverdueActions: 'Int',
} as const satisfies Record<string, SearchAttributeTypeName>;
