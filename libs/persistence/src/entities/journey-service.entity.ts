import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceCode, ServiceStatus } from '@sal/domain';
import { NUMERIC } from './numeric';

/**
 * One row per service of a journey that its catalogue requires or that has started: status, hours and sessions
 * delivered so far (services neither required nor started have no row).
 */
@Entity({ name: 'journey_services' })
export class JourneyServiceRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  journeyId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  service!: ServiceCode;

  @Column({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ name: 'programme_code', type: 'varchar', length: 32 })
  programmeCode!: string;

  /** Whether the journey's catalogue lists the service (false: any service, or one delivered beyond the path). */
  @Column({ type: 'boolean' })
  required!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: ServiceStatus;

  @Column({ type: 'numeric', precision: 8, scale: 2, default: 0, transformer: NUMERIC })
  hours!: number;

  @Column({ type: 'integer', default: 0 })
  sessions!: number;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
