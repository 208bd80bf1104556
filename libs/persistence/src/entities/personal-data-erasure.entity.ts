import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A journey whose personal data the retention sweep erased (issue 15): when, and under which retention. No personal data. */
@Entity({ name: 'personal_data_erasures' })
export class PersonalDataErasureRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  /** When the episode closed: the retention counts from it. */
  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;

  /** The retention applied (the pinned catalogue's `personalDataRetention`, or the default), an ISO-8601 duration. */
  @Column({ type: 'varchar', length: 32 })
  retention!: string;

  @Column({ name: 'erased_at', type: 'timestamptz', default: () => 'now()' })
  erasedAt!: Date;

  /** The sweep that erased it (its workflow id). */
  @Column({ name: 'sweep_id', type: 'varchar', length: 128 })
  sweepId!: string;
}
