import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JourneyClocks } from '@sal/domain';

/** One version of a programme catalogue. Versions are never changed: a new definition is a new version. */
@Entity({ name: 'programme_catalogues' })
export class ProgrammeCatalogueRecord {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  clocks!: JourneyClocks;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
