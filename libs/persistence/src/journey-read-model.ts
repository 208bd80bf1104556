import type { DataSource } from 'typeorm';
import type { BenefitStatus, JourneyEvent, JourneyStage, JourneyStatus } from '@sal/domain';
import { JourneyEventRecord } from './entities/journey-event.entity';
import { JourneyRecord } from './entities/journey.entity';
import { toDomainEvent } from './journey-projector';
import { journeyOverdueAt, overdueActionCountAt, stalledAt, stalledSinceAt, stallReasonsAt } from './at-instant';
import { either, equals, PagedQuery, type Page, type RequestOf } from './paged-query';

// The lists' skeleton, for the read model's other lists (its filter constructors stay inside the package).
export { PagedQuery, applyFilters } from './paged-query';
export type { AsOf, Filter, Filters, FilterValues, ListRequest, ListSpec, Order, OfficeScope, Page, PageRequest, RequestOf } from './paged-query';

/** Journeys, newest first (the indexes `journeys_office_stage_status_idx` and, for `overdue`, `journeys_overdue_idx` and `journeys_next_action_due_idx`). */
const JOURNEYS = new PagedQuery({
  // Issue 17: the overdue count and the stall as of the request's instant, over the columns the projection wrote.
  rows: (q) =>
    q
      .select('j')
      .addSelect(overdueActionCountAt(), 'at_overdue_action_count')
      .addSelect(`CASE WHEN ${stalledAt()} THEN ${stalledSinceAt()} END`, 'at_stalled_since')
      .addSelect(`CASE WHEN ${stalledAt()} THEN ${stallReasonsAt()} ELSE '{}'::text[] END`, 'at_stall_reasons')
      .from(JourneyRecord, 'j'),
  office: 'j.office_id',
  filters: {
    programmeCode: equals<string>('j.programme_code'),
    stage: equals<JourneyStage>('j.stage'),
    status: equals<JourneyStatus>('j.status'),
    /** true: only journeys with an overdue action; false: only journeys without. */
    overdue: either(journeyOverdueAt(), `NOT ${journeyOverdueAt()}`),
    /** true: only stalled journeys (overdue action, missed contact, pact not signed in time, no progress); false: only journeys that are not. */
    stalled: either(stalledAt(), `NOT ${stalledAt()}`),
    /** The status of the benefit claimed last (issue 14; `journeys_office_benefit_status_idx`). */
    benefitStatus: equals<BenefitStatus>('j.benefit_status'),
    /** The operator a journey is assigned to: responsible for its pact, or before one, who took the person in charge. */
    assignedTo: equals<string>('COALESCE(j.responsible_operator_id, j.intake_operator_id)'),
  },
  sorts: {
    newest: { 'j.started_at': 'DESC', 'j.journey_id': 'ASC' },
    oldest: { 'j.started_at': 'ASC', 'j.journey_id': 'ASC' },
    /** The earliest pending deadline first; journeys with none last. */
    next_deadline: { 'j.next_deadline_at': { order: 'ASC', nulls: 'NULLS LAST' }, 'j.journey_id': 'ASC' },
    /** The most recently changed first ("recently assigned" among a responsible operator's journeys). */
    recently_updated: { 'j.updated_at': 'DESC', 'j.journey_id': 'ASC' },
  },
  entities: true,
  item: (row, entity) => ({
    ...(entity as JourneyRecord),
    overdueActionCount: row.at_overdue_action_count as number,
    stalledSince: (row.at_stalled_since as Date | null) ?? null,
    stallReasons: row.at_stall_reasons as JourneyRecord['stallReasons'],
  }),
});

/** A search of the journeys: office scope (every office when absent), filters, order and page. */
export type JourneySearch = RequestOf<typeof JOURNEYS>;

/** The orders of `GET /journeys`, the default (newest first) first. */
export const JOURNEY_SORTS = JOURNEYS.sorts;
export type JourneySort = (typeof JOURNEY_SORTS)[number];

/** Read-side questions answered from PostgreSQL (lists and timelines; a single journey's live state comes from Temporal). */
export class JourneyReadModel {
  constructor(private readonly dataSource: DataSource) {}

  search(s: JourneySearch): Promise<Page<JourneyRecord>> {
    return JOURNEYS.page(this.dataSource.manager, s);
  }

  find(journeyId: string): Promise<JourneyRecord | null> {
    return this.dataSource.getRepository(JourneyRecord).findOne({ where: { journeyId } });
  }

  /** The journey's timeline, oldest first. */
  async events(journeyId: string): Promise<JourneyEvent[]> {
    const records = await this.dataSource.getRepository(JourneyEventRecord).find({ where: { journeyId }, order: { seq: 'ASC' } });
    return records.map(toDomainEvent);
  }
}
