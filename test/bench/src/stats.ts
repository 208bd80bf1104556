/** Order statistics for benchmark figures: no averages, because a few slow outliers would hide in them. */

/** The q-quantile (0..1) of `values`, linearly interpolated between the two nearest ranks. NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** How many runs the figure has. */
  n: number;
}

/** Median and range of a figure over its runs (NaN entries, i.e. runs that could not measure it, are left out). */
export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  return { median: quantile(finite, 0.5), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

/** p50, p95 and p99 of a sample, in the sample's unit. */
export function latencyPercentiles(samples: readonly number[]): { p50: number; p95: number; p99: number } {
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), p99: quantile(samples, 0.99) };
}

/** Milliseconds elapsed since a `process.hrtime.bigint()` reading. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
