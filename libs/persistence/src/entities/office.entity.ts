import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OfficeCalendar, OfficeKind } from '@sal/domain';

/**
 * The directory of offices: a public Centro per l'Impiego (`cpi`) or an operator accredited by the region
 * (`accredited`, D.lgs. 276/2003 art. 7), the CPI competent for the area it works in (a CPI is its own), where it is,
 * and its calendar (closures besides Sundays and the national holidays). Kept through `PUT /offices/{officeId}`; a
 * journey pins its office's profile when it starts.
 */
@Entity({ name: 'offices' })
@Index('offices_competent_cpi_idx', ['competentCpiId'])
@Check('offices_kind_check', "kind IN ('cpi', 'accredited')")
@Check('offices_cpi_competent_check', "kind <> 'cpi' OR competent_cpi_id = office_id")
export class OfficeRecord {
  @PrimaryColumn({ name: 'office_id', type: 'varchar', length: 64 })
  officeId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OfficeKind;

  /** The CPI that decides the sanctions of this office's journeys (art. 21 c.7, art. 23 D.lgs. 150/2015): itself for a CPI. */
  @Column({ name: 'competent_cpi_id', type: 'varchar', length: 64 })
  competentCpiId!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text' })
  comune!: string;

  /** `{ annual, afterEaster, dates, saturdaysClosed }` (see `OfficeCalendar` in @sal/domain). */
  @Column({ type: 'jsonb' })
  calendar!: OfficeCalendar;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
