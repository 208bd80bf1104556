import { Injectable, Logger } from '@nestjs/common';
import { AuditEntryRecord } from '@sal/persistence';
import { ReadModelService } from '../database/read-model.service';

export type AuditEntry = Omit<AuditEntryRecord, 'id' | 'at'>;

export interface AuditQuery {
  journeyId?: string;
  subject?: string;
  page: number;
  pageSize: number;
}

/** Writes and lists the append-only audit log. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly readModel: ReadModelService) {}

  /**
   * Records one request. The answer has already gone out: a database outage must not turn reads the workflow can
   * still serve into errors, so a failed write is logged loudly (with the entry) instead of failing the request.
   */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.readModel.use(({ dataSource }) => dataSource.getRepository(AuditEntryRecord).insert(entry));
    } catch (error) {
      this.logger.error(`audit entry not stored (${(error as Error).message}): ${JSON.stringify(entry)}`);
    }
  }

  list(q: AuditQuery): Promise<{ items: AuditEntryRecord[]; page: number; pageSize: number; total: number }> {
    return this.readModel.use(async ({ dataSource }) => {
      const where = { ...(q.journeyId ? { journeyId: q.journeyId } : {}), ...(q.subject ? { subject: q.subject } : {}) };
      const [items, total] = await dataSource
        .getRepository(AuditEntryRecord)
        .findAndCount({ where, order: { at: 'DESC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
      return { items, page: q.page, pageSize: q.pageSize, total };
    });
  }
}
