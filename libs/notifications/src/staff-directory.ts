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
  /** Only members of these offices (the caller's scope); undefined for every office. */
  officeIds?: string[];
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
    const q = this.dataSource.getRepository(StaffMemberRecord).createQueryBuilder('s');
    if (filter.officeId !== undefined) q.andWhere('s.office_id = :officeId', { officeId: filter.officeId });
    if (filter.officeIds !== undefined) q.andWhere('s.office_id = ANY(:officeIds)', { officeIds: filter.officeIds });
    if (filter.role !== undefined) q.andWhere('s.role = :role', { role: filter.role });
    return q.orderBy('s.office_id', 'ASC').addOrderBy('s.staff_id', 'ASC').getMany();
  }

  find(staffId: string, m: EntityManager = this.dataSource.manager): Promise<StaffMemberRecord | null> {
    return m.findOneBy(StaffMemberRecord, { staffId });
  }

  /** Who receives an office's escalations. */
  activeSupervisors(officeId: string, m: EntityManager = this.dataSource.manager): Promise<StaffMemberRecord[]> {
    return m.find(StaffMemberRecord, { where: { officeId, role: 'supervisor', active: true }, order: { staffId: 'ASC' } });
  }
}
