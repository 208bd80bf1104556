import { spread, type Spread } from './stats';

export type Better = 'higher' | 'lower';

/** One figure measured in one run: the product's value and, in the same run on the same server, the baseline's. */
export interface Measurement {
  scenario: string;
  figure: string;
  unit: string;
  better: Better;
  product?: number;
  baseline?: number;
}

export interface FigureSummary {
  scenario: string;
  figure: string;
  unit: string;
  better: Better;
  /** Per run, in run order (NaN where a run could not measure it). */
  productRuns: number[];
  baselineRuns: number[];
  /** product / baseline per run: paired, since both ran back to back on the same server. */
  ratioRuns: number[];
  product: Spread;
  baseline: Spread;
  ratio: Spread;
}

/** Collects measurements over runs and summarises each figure as median and range. */
export class Results {
  private readonly figures = new Map<string, { m: Omit<Measurement, 'product' | 'baseline'>; product: number[]; baseline: number[] }>();
  /** Free-text facts per scenario: what exactly was measured, sizes, caveats. */
  readonly notes = new Map<string, string[]>();
  /** CPU seconds per process per scenario (all runs together). */
  readonly cpu = new Map<string, Record<string, number>>();

  add(run: number, measurements: Measurement[]): void {
    for (const m of measurements) {
      const key = `${m.scenario}\u0000${m.figure}`;
      let entry = this.figures.get(key);
      if (!entry) {
        entry = { m: { scenario: m.scenario, figure: m.figure, unit: m.unit, better: m.better }, product: [], baseline: [] };
        this.figures.set(key, entry);
      }
      entry.product[run] = m.product ?? Number.NaN;
      entry.baseline[run] = m.baseline ?? Number.NaN;
    }
  }

  note(scenario: string, text: string): void {
    const list = this.notes.get(scenario) ?? [];
    if (!list.includes(text)) list.push(text);
    this.notes.set(scenario, list);
  }

  summaries(): FigureSummary[] {
    return [...this.figures.values()].map(({ m, product, baseline }) => {
      const runs = Math.max(product.length, baseline.length);
      const p = Array.from({ length: runs }, (_, i) => product[i] ?? Number.NaN);
      const b = Array.from({ length: runs }, (_, i) => baseline[i] ?? Number.NaN);
      const ratio = p.map((v, i) => v / b[i]);
      return { ...m, productRuns: p, baselineRuns: b, ratioRuns: ratio, product: spread(p), baseline: spread(b), ratio: spread(ratio) };
    });
  }
}
