import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { JourneyEvent } from '@sal/domain';

/** The append-only log of every journey's domain events: the source any read model can be rebuilt from. */
@Entity({ name: 'journey_events' })
@Check('journey_events_seq_check', 'seq > 0')
export class JourneyEventRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: JourneyEvent['type'];

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'jsonb' })
  data!: JourneyEvent['data'];

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
