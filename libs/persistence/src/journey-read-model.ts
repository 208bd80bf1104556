import type { DataSource } from 'typeorm';
import type { JourneyEvent, JourneyStage, JourneyStatus } from '@sal/domain';
import { JourneyEventRecord } from './entities/journey-event.entity';
import { JourneyRecord } from './entities/journey.entity';
import { toDomainEvent } from './journey-projector';

export interface JourneySearch {
  /** Only journeys of these offices (the caller's scope); every office when absent. */
  officeIds?: string[];
  programmeCode?: string;
  stage?: JourneyStage;
  status?: JourneyStatus;
  /** true: only journeys with an overdue action; false: only journeys without. */
  overdue?: boolean;
  /** true: only stalled journeys (overdue action, missed contact, pact not signed in time, no progress); false: only journeys that are not. */
  stalled?: boolean;
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Read-side questions answered from PostgreSQL (lists and timelines; a single journey's live state comes from Temporal). */
export class JourneyReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async search(s: JourneySearch): Promise<Page<JourneyRecord>> {
    const q = this.dataSource.getRepository(JourneyRecord).createQueryBuilder('j');
    if (s.officeIds !== undefined) q.andWhere('j.office_id IN (:...officeIds)', { officeIds: s.officeIds });
    if (s.programmeCode !== undefined) q.andWhere('j.programme_code = :programmeCode', { programmeCode: s.programmeCode });
    if (s.stage !== undefined) q.andWhere('j.stage = :stage', { stage: s.stage });
    if (s.status !== undefined) q.andWhere('j.status = :status', { status: s.status });
    if (s.overdue !== undefined) q.andWhere(s.overdue ? 'j.overdue_action_count > 0' : 'j.overdue_action_count = 0');
    if (s.stalled !== undefined) q.andWhere(s.stalled ? 'j.stalled_since IS NOT NULL' : 'j.stalled_since IS NULL');
    const [items, total] = await q
      .orderBy('j.started_at', 'DESC')
      .addOrderBy('j.journey_id', 'ASC')
      .skip((s.page - 1) * s.pageSize)
      .take(s.pageSize)
      .getManyAndCount();
    return { items, page: s.page, pageSize: s.pageSize, total };
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
