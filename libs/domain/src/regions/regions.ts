/**
 * Issue 15: the regions that run employment services. Labour policy is a regional matter (art. 117 Cost.; D.lgs.
 * 150/2015 art. 11): the 19 regions and the two autonomous provinces of Trento and Bolzano, which run their own
 * employment services in place of the region Trentino-Alto Adige. Each has a canonical key — the region's name in
 * lower case, ASCII, words joined by `-` — used by the directory of offices, the catalogues and the API; and its
 * ISTAT code (the province's for Trento and Bolzano).
 */
export const REGIONS = [
  { key: 'piemonte', name: 'Piemonte', istat: '01' },
  { key: 'valle-d-aosta', name: "Valle d'Aosta/Vallée d'Aoste", istat: '02', aliases: ["Valle d'Aosta", "Vallée d'Aoste"] },
  { key: 'lombardia', name: 'Lombardia', istat: '03' },
  { key: 'bolzano', name: 'Provincia autonoma di Bolzano/Bozen', istat: '021', aliases: ['Bolzano', 'Bozen', 'Alto Adige', 'Südtirol', 'Provincia autonoma di Bolzano'] },
  { key: 'trento', name: 'Provincia autonoma di Trento', istat: '022', aliases: ['Trento', 'Trentino'] },
  { key: 'veneto', name: 'Veneto', istat: '05' },
  { key: 'friuli-venezia-giulia', name: 'Friuli-Venezia Giulia', istat: '06', aliases: ['Friuli Venezia Giulia'] },
  { key: 'liguria', name: 'Liguria', istat: '07' },
  { key: 'emilia-romagna', name: 'Emilia-Romagna', istat: '08' },
  { key: 'toscana', name: 'Toscana', istat: '09' },
  { key: 'umbria', name: 'Umbria', istat: '10' },
  { key: 'marche', name: 'Marche', istat: '11' },
  { key: 'lazio', name: 'Lazio', istat: '12' },
  { key: 'abruzzo', name: 'Abruzzo', istat: '13' },
  { key: 'molise', name: 'Molise', istat: '14' },
  { key: 'campania', name: 'Campania', istat: '15' },
  { key: 'puglia', name: 'Puglia', istat: '16' },
  { key: 'basilicata', name: 'Basilicata', istat: '17' },
  { key: 'calabria', name: 'Calabria', istat: '18' },
  { key: 'sicilia', name: 'Sicilia', istat: '19' },
  { key: 'sardegna', name: 'Sardegna', istat: '20' },
] as const satisfies readonly { key: string; name: string; istat: string; aliases?: readonly string[] }[];

export type RegionKey = (typeof REGIONS)[number]['key'];
export type Region = (typeof REGIONS)[number];

export const REGION_KEYS: readonly RegionKey[] = REGIONS.map((r) => r.key);

/** The scope of a catalogue: `national` (the defaults, in every region) or the region that published it. */
export const NATIONAL = 'national';
export type CatalogueScope = typeof NATIONAL | RegionKey;

export function isRegionKey(value: unknown): value is RegionKey {
  return typeof value === 'string' && (REGION_KEYS as readonly string[]).includes(value);
}

export function isCatalogueScope(value: unknown): value is CatalogueScope {
  return value === NATIONAL || isRegionKey(value);
}

/** A region by key. */
export function regionOf(key: RegionKey): Region {
  return REGIONS.find((r) => r.key === key)!;
}

/** Lower case, no accents, every run of other characters one `-`: `Valle d'Aosta` → `valle-d-aosta`. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const BY_SLUG = new Map<string, RegionKey>(
  REGIONS.flatMap((r) => [r.key, r.name, ...('aliases' in r ? r.aliases : [])].map((text) => [slug(text), r.key] as const)),
);

/** The region Trentino-Alto Adige runs no employment services: its two autonomous provinces do. */
const TRENTINO_ALTO_ADIGE = new Set(['trentino-alto-adige', 'trentino-alto-adige-sudtirol', 'trentino-sudtirol']);

export interface RegionProblem {
  message: string;
  /** The keys that would be accepted in its place (every region's, or the two provinces' for Trentino-Alto Adige). */
  values: readonly string[];
}

/**
 * The region a text names — its key, its name or a usual variant, in any case, with or without accents — or why it
 * names none. `Trentino-Alto Adige` is refused: the autonomous provinces (`trento`, `bolzano`) run the services.
 * @example regionKeyOf('Emilia Romagna') // 'emilia-romagna'
 */
export function regionKeyOf(text: unknown): RegionKey | RegionProblem {
  if (typeof text !== 'string' || text.length > 100) return { message: `must be a region: one of ${REGION_KEYS.join(', ')}`, values: REGION_KEYS };
  const s = slug(text);
  if (TRENTINO_ALTO_ADIGE.has(s)) return { message: 'Trentino-Alto Adige runs its employment services by autonomous province: trento or bolzano', values: ['trento', 'bolzano'] };
  return BY_SLUG.get(s) ?? { message: `must be a region: one of ${REGION_KEYS.join(', ')}`, values: REGION_KEYS };
}

/** The region a stored office region names, or null (an office kept from before issue 15 whose text names none). */
export function regionOfOffice(region: string | null | undefined): RegionKey | null {
  if (region === null || region === undefined) return null;
  const key = regionKeyOf(region);
  return typeof key === 'string' ? key : null;
}
