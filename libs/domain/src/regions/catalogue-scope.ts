import { NATIONAL, regionOf, type CatalogueScope, type RegionKey } from './regions';

/**
 * Issue 15: which catalogue a journey pins. A catalogue belongs to a scope and a programme code: the national
 * defaults (`national`) apply in every region that has not published its own version of that code; a region's
 * versions (numbered 1, 2, … per region and code) apply only to journeys of that region's offices — started there,
 * choosing a GOL path there or transferred there. A journey keeps the scope and version it pinned.
 */
export interface ScopedVersion {
  code: string;
  version: number;
  /** Absent: national (catalogues published before regions). */
  scope?: CatalogueScope;
}

/** A catalogue's scope, `national` when it states none. */
export function scopeOf(catalogue: Pick<ScopedVersion, 'scope'>): CatalogueScope {
  return catalogue.scope ?? NATIONAL;
}

/**
 * The catalogue to pin for programme `code` in an office of `region` (null: an office with no known region, which
 * only the national catalogues serve), among the `available` versions of any scope and code: the latest version the
 * region published of that code, else the latest national one, else null (no such programme there).
 */
export function resolveCatalogue<C extends ScopedVersion>(available: readonly C[], code: string, region: RegionKey | null): C | null {
  const latestOf = (scope: CatalogueScope) =>
    available.filter((c) => c.code === code && scopeOf(c) === scope).reduce<C | null>((best, c) => (best === null || c.version > best.version ? c : best), null);
  return (region !== null ? latestOf(region) : null) ?? latestOf(NATIONAL);
}

/** The catalogue every programme code resolves to in `region` (see {@link resolveCatalogue}), by code. */
export function effectiveCatalogues<C extends ScopedVersion>(available: readonly C[], region: RegionKey | null): C[] {
  const codes = [...new Set(available.map((c) => c.code))].sort();
  return codes.map((code) => resolveCatalogue(available, code, region)).filter((c): c is C => c !== null);
}

/**
 * What a reader sees of a pinned catalogue: `GOL-1 v2 (Piemonte)`, `GOL-1 v4 (nazionale)`; without a version
 * (journeys started before catalogues were versioned) the code alone.
 */
export function catalogueLabel(code: string, version: number | null, scope: CatalogueScope): string {
  if (version === null) return code;
  return `${code} v${version} (${scope === NATIONAL ? 'nazionale' : regionOf(scope).name})`;
}
