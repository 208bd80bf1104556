import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One request to the API by an authenticated caller: who, in which role and offices, did what, when, with what outcome. */
@Entity({ name: 'audit_log' })
/* Its indexes as the migrations create them (TypeORM cannot say DESC: the migrations alone order those columns). */
@Index('audit_log_journey_idx', ['journeyId', 'at'], { where: 'journey_id IS NOT NULL' })
@Index('audit_log_subject_idx', ['subject', 'at'])
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_entry_id_idx', ['entryId'], { unique: true })
@Index('audit_log_person_idx', ['personRef', 'at'], { where: 'person_ref IS NOT NULL' })
@Check('audit_log_outcome_check', "outcome IN ('requested', 'ok', 'refused', 'failed')")
export class AuditEntryRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  subject!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  /** The caller's offices (`{*}` for every office). */
  @Column({ type: 'text', array: true })
  offices!: string[];

  @Column({ type: 'varchar', length: 8 })
  method!: string;

  /** The route pattern, e.g. `/journeys/:journeyId/pact`. */
  @Column({ type: 'text' })
  route!: string;

  @Column({ name: 'journey_id', type: 'varchar', length: 64, nullable: true })
  journeyId!: string | null;

  @Column({ name: 'office_id', type: 'varchar', length: 64, nullable: true })
  officeId!: string | null;

  @Column({ type: 'integer' })
  status!: number;

  /**
   * `requested` (a request that changes something, written before anything is done), then its outcome: `ok` (2xx),
   * `refused` (4xx: forbidden, invalid, conflict), `failed` (5xx).
   */
  @Column({ type: 'varchar', length: 16 })
  outcome!: 'requested' | 'ok' | 'refused' | 'failed';

  /** Names the entry: one buffered while the database was down is replayed exactly once. Null on entries before it. */
  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId!: string | null;

  /** The request the entry is about: a mutating request's `requested` entry and its outcome share it. */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  /** The person the request was about (`prs_…`, never a fiscal code): an export of their data, their episodes; else null. */
  @Column({ name: 'person_ref', type: 'varchar', length: 36, nullable: true })
  personRef!: string | null;
}
