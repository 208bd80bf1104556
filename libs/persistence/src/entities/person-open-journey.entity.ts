import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * At most one open journey per person (issue 14), across programmes: the lock a start takes before it starts the
 * journey's workflow (`INSERT … ON CONFLICT`), released by the projection of the closure in the same transaction as its
 * events, moved by a transfer to the next episode, taken again by `JourneyReopened` when free.
 */
@Entity({ name: 'person_open_journeys' })
@Index('person_open_journeys_journey_idx', ['journeyId'])
export class PersonOpenJourneyRecord {
  @PrimaryColumn({ name: 'person_ref', type: 'varchar', length: 36 })
  personRef!: string;

  @Column({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  /** When the start reserved it (or the projection or backfill took it): a reservation whose journey never started is stale. */
  @Column({ name: 'reserved_at', type: 'timestamptz' })
  reservedAt!: Date;
}
