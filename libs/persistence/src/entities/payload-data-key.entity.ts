import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A journey's payload data key (issue 15): random 32 bytes, wrapped (AES-256-GCM) under the master key named, with which
 * the codec seals the journey's Temporal payloads. Shredded: `wrapped_key` null and `shredded_at` set — the journey's
 * history can no longer be decoded by anyone.
 */
@Entity({ name: 'payload_data_keys' })
export class PayloadDataKeyRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  /** The master key (`PAYLOAD_ENCRYPTION_KEYS` id) the data key is wrapped under now. */
  @Column({ name: 'master_key_id', type: 'varchar', length: 64 })
  masterKeyId!: string;

  /** IV ‖ wrapped key ‖ tag; null once shredded. */
  @Column({ name: 'wrapped_key', type: 'bytea', nullable: true })
  wrappedKey!: Buffer | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'shredded_at', type: 'timestamptz', nullable: true })
  shreddedAt!: Date | null;
}
