/**
 * What the API reads on every start but rarely changes (the directory's offices, the latest catalogue of a programme
 * in a region), kept for a short while per key. The service that changes the data clears the cache after the change is
 * committed, so this process never answers from before its own change; another API process's change is seen within
 * `ttlMs` at most. A failed load is not kept.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // The oldest entry goes first (a Map keeps insertion order).
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** How long the directory of offices and the latest catalogues are kept (see {@link TtlCache}). */
export const DIRECTORY_CACHE_MS = 5_000;
