import type { DataSource } from 'typeorm';
import { effectiveCatalogues, NATIONAL, resolveCatalogue, type CatalogueDefinition, type CatalogueScope, type ProgrammeCatalogue, type RegionKey } from '@sal/domain';
import { ProgrammeCatalogueRecord } from './entities/programme-catalogue.entity';

/**
 * Versioned programme catalogues, each of a scope (issue 15): `national` (the defaults, in every region) or a region's
 * own. Reads pick the latest version (of the scope, or the one `resolveCatalogue` picks for a region), a publish adds
 * the next version of its scope and code.
 */
export class ProgrammeCatalogues {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest national version of every programme, by code. */
  listLatest(): Promise<ProgrammeCatalogue[]> {
    return this.listEffective(null);
  }

  /** The catalogue every programme resolves to in `region` (a region's own version, else the national one), by code. */
  async listEffective(region: RegionKey | null): Promise<ProgrammeCatalogue[]> {
    return effectiveCatalogues(await this.latestPerScope(region), region);
  }

  /** The latest national version of a programme, or null. */
  latest(code: string): Promise<ProgrammeCatalogue | null> {
    return this.resolve(code, null);
  }

  /** The catalogue a journey of an office in `region` pins for `code` (`resolveCatalogue`), or null. */
  async resolve(code: string, region: RegionKey | null): Promise<ProgrammeCatalogue | null> {
    return resolveCatalogue(await this.latestPerScope(region, code), code, region);
  }

  /** Every version of a programme in one scope, oldest first. */
  async versions(code: string, scope: CatalogueScope = NATIONAL): Promise<ProgrammeCatalogue[]> {
    const rows = await this.dataSource.getRepository(ProgrammeCatalogueRecord).find({ where: { code, scope }, order: { version: 'ASC' } });
    return rows.map(toCatalogue);
  }

  /** The latest version of each code in the national scope and `region`'s (only `code`'s when given). */
  private async latestPerScope(region: RegionKey | null, code?: string): Promise<ProgrammeCatalogue[]> {
    const q = this.dataSource
      .getRepository(ProgrammeCatalogueRecord)
      .createQueryBuilder('c')
      .distinctOn(['c.scope', 'c.code'])
      .where('c.scope IN (:...scopes)', { scopes: region ? [NATIONAL, region] : [NATIONAL] })
      .orderBy('c.scope')
      .addOrderBy('c.code')
      .addOrderBy('c.version', 'DESC');
    if (code !== undefined) q.andWhere('c.code = :code', { code });
    return (await q.getMany()).map(toCatalogue);
  }

  /**
   * Stores a (validated) definition as the next version of its scope and code (`national` unless a region's);
   * running journeys keep the version they pinned.
   */
  publish(definition: CatalogueDefinition, scope: CatalogueScope = NATIONAL): Promise<ProgrammeCatalogue> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`programme:${scope}:${definition.code}`]);
      const [{ next }] = await m.query('SELECT coalesce(max(version), 0) + 1 AS next FROM programme_catalogues WHERE scope = $1 AND code = $2', [scope, definition.code]);
      const row = m.create(ProgrammeCatalogueRecord, {
        scope,
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
        presentation: definition.presentation ?? null,
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
    scope: r.scope,
    title: r.title,
    clocks: r.clocks,
    services: r.services ?? null,
    workingDayClocks: r.workingDayClocks ?? [],
    offerSuitability: r.offerSuitability ?? null,
    ...(r.rollForwardClocks ? { rollForwardClocks: r.rollForwardClocks } : {}),
    ...(r.absenceReasons ? { absenceReasons: r.absenceReasons } : {}),
    ...(r.assessmentAreas ? { assessmentAreas: r.assessmentAreas } : {}),
    ...(r.presentation ? { presentation: r.presentation } : {}),
    ...(r.personalDataRetention ? { personalDataRetention: r.personalDataRetention } : {}),
  };
}
