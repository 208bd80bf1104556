import type { DataSource } from 'typeorm';
import type { CatalogueDefinition, ProgrammeCatalogue } from '@sal/domain';
import { ProgrammeCatalogueRecord } from './entities/programme-catalogue.entity';

/** Versioned programme catalogues: reads pick the latest version, a publish adds the next one. */
export class ProgrammeCatalogues {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of every programme, by code. */
  async listLatest(): Promise<ProgrammeCatalogue[]> {
    const rows = await this.dataSource
      .getRepository(ProgrammeCatalogueRecord)
      .createQueryBuilder('c')
      .distinctOn(['c.code'])
      .orderBy('c.code')
      .addOrderBy('c.version', 'DESC')
      .getMany();
    return rows.map(toCatalogue);
  }

  /** The latest version of a programme, or null. */
  async latest(code: string): Promise<ProgrammeCatalogue | null> {
    const row = await this.dataSource.getRepository(ProgrammeCatalogueRecord).findOne({ where: { code }, order: { version: 'DESC' } });
    return row ? toCatalogue(row) : null;
  }

  async versions(code: string): Promise<ProgrammeCatalogue[]> {
    const rows = await this.dataSource.getRepository(ProgrammeCatalogueRecord).find({ where: { code }, order: { version: 'ASC' } });
    return rows.map(toCatalogue);
  }

  /** Stores a (validated) definition as the programme's next version; running journeys keep the version they pinned. */
  publish(definition: CatalogueDefinition): Promise<ProgrammeCatalogue> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`programme:${definition.code}`]);
      const [{ next }] = await m.query('SELECT coalesce(max(version), 0) + 1 AS next FROM programme_catalogues WHERE code = $1', [definition.code]);
      const row = m.create(ProgrammeCatalogueRecord, {
        code: definition.code,
        version: next,
        title: definition.title,
        clocks: definition.clocks,
        services: definition.services,
        workingDayClocks: definition.workingDayClocks,
        offerSuitability: definition.offerSuitability ?? null,
        rollForwardClocks: definition.rollForwardClocks ?? null,
        absenceReasons: definition.absenceReasons ?? null,
        assessmentAreas: definition.assessmentAreas ?? null,
        personalDataRetention: definition.personalDataRetention ?? null,
      });
      return toCatalogue(await m.save(row));
    });
  }
}

function toCatalogue(r: ProgrammeCatalogueRecord): ProgrammeCatalogue {
  return {
    code: r.code,
    version: r.version,
    title: r.title,
    clocks: r.clocks,
    services: r.services ?? null,
    workingDayClocks: r.workingDayClocks ?? [],
    offerSuitability: r.offerSuitability ?? null,
    ...(r.rollForwardClocks ? { rollForwardClocks: r.rollForwardClocks } : {}),
    ...(r.absenceReasons ? { absenceReasons: r.absenceReasons } : {}),
    ...(r.assessmentAreas ? { assessmentAreas: r.assessmentAreas } : {}),
    ...(r.personalDataRetention ? { personalDataRetention: r.personalDataRetention } : {}),
  };
}
