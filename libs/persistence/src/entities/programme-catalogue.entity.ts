import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { CatalogueScope, JourneyClocks, LegalClockName, OfferSuitabilityThresholds, RollForwardClocks, ServiceStep, AbsenceReason, PresentationObligation } from '@sal/domain';

/**
 * One version of a programme catalogue. Versions are never changed: a new definition is a new version of its scope
 * (issue 15: `national` or a region's key) and code.
 */
@Entity({ name: 'programme_catalogues' })
@Check('programme_catalogues_version_check', 'version > 0')
export class ProgrammeCatalogueRecord {
  @PrimaryColumn({ type: 'varchar', length: 32, default: 'national' })
  scope!: CatalogueScope;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  clocks!: JourneyClocks;

  /** Null on versions published before services existed: any service, any order. */
  @Column({ type: 'jsonb', nullable: true })
  services!: ServiceStep[] | null;

  @Column({ name: 'working_day_clocks', type: 'jsonb', default: [] })
  workingDayClocks!: LegalClockName[];

  /** The thresholds of a congrua offer the version states (null: the D.M. 10 aprile 2018's). */
  @Column({ name: 'offer_suitability', type: 'jsonb', nullable: true })
  offerSuitability!: Partial<OfferSuitabilityThresholds> | null;

  /** The legal clocks that move off the office's closed days; null on versions published before (none moves). */
  @Column({ name: 'roll_forward_clocks', type: 'jsonb', nullable: true })
  rollForwardClocks!: RollForwardClocks | null;

  /** The justified absence reasons the programme accepts (issue 14); null: the GOL list (`GOL_ABSENCE_REASONS`). */
  @Column({ name: 'absence_reasons', type: 'jsonb', nullable: true })
  absenceReasons!: AbsenceReason[] | null;
  /** The areas of GOL's qualitative assessment (issue 14; null: the default list, or not an assessment catalogue). */
  @Column({ name: 'assessment_areas', type: 'jsonb', nullable: true })
  assessmentAreas!: string[] | null;
  /** How long a closed episode's personal data is kept (issue 15, ISO-8601 duration); null: `DEFAULT_PERSONAL_DATA_RETENTION`. */
  @Column({ name: 'personal_data_retention', type: 'varchar', length: 32, nullable: true })
  personalDataRetention!: string | null;

  /** The presentation obligation of the programme's benefit (issue 15: ADI, SFL); null: none. */
  @Column({ type: 'jsonb', nullable: true })
  presentation!: PresentationObligation | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
