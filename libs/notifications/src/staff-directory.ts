import type { DataSource, EntityManager } from 'typeorm';
import { StaffMemberRecord, type StaffRole } from '@sal/persistence';

/** A staff member as `PUT /staff/{staffId}` writes it. */
export interface StaffMemberInput {
  staffId: string;
  officeId: string;
  role: StaffRole;
  email: string;
  displayName: string;
  active: boolean;
}

export interface StaffSearch {
  officeId?: string;
  role?: StaffRole;
}

/** Operators' and supervisors' addresses, by staff id and by office. */
export class StaffDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates or replaces the member; returns the row as stored. */
  async upsert(input: StaffMemberInput): Promise<StaffMemberRecord> {
    return this.dataSource.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(StaffMemberRecord)
        .values({ ...input, updatedAt: () => 'now()' })
        .orUpdate(['office_id', 'role', 'email', 'display_name', 'active', 'updated_at'], ['staff_id'])
        .execute();
      return m.findOneByOrFail(StaffMemberRecord, { staffId: input.staffId });
    });
  }

  /** Members of an office and/or a role (active or not), by office then staff id. */
  list(filter: StaffSearch = {}): Promise<StaffMemberRecord[]> {
    return this.dataSource.getRepository(StaffMemberRecord).find({
      where: { ...(filter.officeId !== undefined ? { officeId: filter.officeId } : {}), ...(filter.role !== undefined ? { role: filter.role } : {}) },
      order: { officeId: 'ASC', staffId: 'ASC' },
    });
  }

  find(staffId: string, m: EntityManager = this.dataSource.manager): Promise<StaffMemberRecord | null> {
    return m.findOneBy(StaffMemberRecord, { staffId });
  }

  /** Who receives an office's escalations. */
  activeSupervisors(officeId: string, m: EntityManager = this.dataSource.manager): Promise<StaffMemberRecord[]> {
    return m.find(StaffMemberRecord, { where: { officeId, role: 'supervisor', active: true }, order: { staffId: 'ASC' } });
  }
}
