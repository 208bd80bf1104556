import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A journey side effect (its projection, or its notices) that keeps failing: written by the activity when it fails,
 * deleted when the stream succeeds again. Holds no personal data: the PostgreSQL error code and its class only.
 */
@Entity({ name: 'side_effect_failures' })
@Index('side_effect_failures_office_idx', ['officeId', 'firstFailedAt'])
export class SideEffectFailureRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  /** `projection` or `notices`. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  stream!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  /** `SideEffectDataError` (needs a fix) or `SideEffectUnavailable`. */
  @Column({ type: 'varchar', length: 32 })
  type!: string;

  /** Why, without the data: e.g. `PostgreSQL 22P05: a character the database cannot store`. */
  @Column({ type: 'text' })
  error!: string;

  /** The first sequence number of the events the projection could not write (null for notices). */
  @Column({ name: 'first_seq', type: 'integer', nullable: true })
  firstSeq!: number | null;

  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz', default: () => 'now()' })
  firstFailedAt!: Date;

  @Column({ name: 'last_failed_at', type: 'timestamptz', default: () => 'now()' })
  lastFailedAt!: Date;
}
