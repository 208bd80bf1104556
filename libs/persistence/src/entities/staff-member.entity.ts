import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const STAFF_ROLES = ['operator', 'supervisor'] as const;
/** An operator follows beneficiaries; a supervisor oversees an office (Centro per l'Impiego) and gets its escalations. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The staff directory: where notices for operators and supervisors are sent. Kept through `PUT /staff/{staffId}`. */
@Entity({ name: 'staff_members' })
@Index('staff_members_office_role_idx', ['officeId', 'role'])
@Check('staff_members_role_check', "role IN ('operator', 'supervisor')")
export class StaffMemberRecord {
  /** The id the regional systems use, the same as a journey's operator ids. */
  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 64 })
  staffId!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: StaffRole;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** Inactive members (left the office, on leave) keep their row but get no notices. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
