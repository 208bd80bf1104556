import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ServiceCode, ServiceStatus } from '@sal/domain';
import { NUMERIC } from './numeric';
import { JourneyRecord } from './journey.entity';

/**
 * One row per service of a journey that its catalogue requires or that has started: status, hours and sessions
 * delivered so far (services neither required nor started have no row).
 */
@Entity({ name: 'journey_services' })
// National scale (issue 17): the services' figures of an office summed index-only (INCLUDE columns, which TypeORM
// cannot describe: the migration owns it).
@Index('journey_services_office_figures_idx', { synchronize: false })
@Index('journey_services_office_service_idx', ['officeId', 'service', 'programmeCode', 'status'])
@Check('journey_services_status_check', "status IN ('not_started', 'in_progress', 'completed')")
@Check('journey_services_hours_check', 'hours >= 0')
@Check('journey_services_sessions_check', 'sessions >= 0')
export class JourneyServiceRecord {
  @PrimaryColumn({ name: 'journey_id', type: 'varchar', length: 64 })
  @ForeignKey(() => JourneyRecord, { name: 'journey_services_journey_id_fkey', onDelete: 'CASCADE' })
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
