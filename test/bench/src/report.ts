import fs from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine';
import type { FigureSummary } from './results';
import type { Sizes } from './scenarios/scenario';
import type { Spread } from './stats';
import type { Variant } from './variants';

/** Everything one variant's runs produced. */
export interface VariantReport {
  variant: Variant;
  temporal: string;
  postgres: string;
  figures: FigureSummary[];
  notes: Record<string, string[]>;
  /** CPU seconds per process, per scenario (all runs). */
  cpu: Record<string, Record<string, number>>;
  loadAverage: { start: number[]; end: number[] };
  seconds: number;
  error?: string;
}

export interface BenchReport {
  command: string;
  startedAt: string;
  finishedAt: string;
  size: 'default' | 'full' | 'custom';
  /** Wall-clock time of the whole command. */
  seconds: number;
  runs: number;
  concurrency: number;
  sizes: Sizes;
  machine: MachineInfo;
  variants: VariantReport[];
}

export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cell(s: Spread): string {
  if (s.n === 0) return '–';
  return s.n === 1 ? fmt(s.median) : `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]`;
}

function ratioCell(s: Spread): string {
  if (s.n === 0) return '–';
  return s.n === 1 ? `${fmt(s.median)}×` : `${fmt(s.median)}× [${fmt(s.min)}–${fmt(s.max)}]`;
}

const HEADER = ['scenario', 'figure', 'unit', 'product median [min–max]', 'baseline median [min–max]', 'product/baseline', 'better', 'runs'];

function rows(figures: FigureSummary[]): string[][] {
  return figures.map((f) => [
    f.scenario,
    f.figure,
    f.unit,
    cell(f.product),
    cell(f.baseline),
    ratioCell(f.ratio),
    f.better,
    String(Math.max(f.product.n, f.baseline.n)),
  ]);
}

/** A plain-text table with aligned columns, for the terminal. */
export function textTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function markdownTable(header: string[], body: string[][]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export function figuresTable(v: VariantReport): string {
  return textTable(HEADER, rows(v.figures));
}

function machineLines(r: BenchReport): string[] {
  const m = r.machine;
  return [
    `machine: ${m.cpus} cores (${m.cpuModel}), ${m.totalMemoryGiB} GiB, ${m.platform}, Node ${m.node}`,
    `temporal: SDK ${m.temporalSdk}; server ${m.temporalServer ?? 'unknown'}${m.temporalCli ? `; CLI: ${m.temporalCli.replace(/\s+/g, ' ')}` : ''}`,
    `postgresql: ${m.postgres ?? 'unknown'}${m.dataFilesystem ? `; data on ${m.dataFilesystem}` : ''}`,
    `load average (1/5/15 min): ${m.loadAverageAtStart.join(' / ')} at start, ${(m.loadAverageAtEnd ?? []).join(' / ')} at end (shared machine)`,
    `size: ${r.size}, ${r.runs} runs per figure, concurrency ${r.concurrency}; median and [min–max] over the runs; product/baseline is per run, paired; it took ${Math.round(r.seconds / 60)} min (stacks included, build not)`,
  ];
}

/** The headroom comparison: each figure's median per variant, and its change against `defaults`. */
export function headroomRows(r: BenchReport): { header: string[]; body: string[][] } {
  const variants = r.variants.filter((v) => !v.error);
  const header = ['figure', 'side', ...variants.map((v) => v.variant.name)];
  const reference = variants.find((v) => v.variant.name === 'defaults') ?? variants[0];
  const body: string[][] = [];
  for (const f of reference?.figures ?? []) {
    for (const side of ['product', 'baseline'] as const) {
      const base = f[side].median;
      if (!Number.isFinite(base)) continue;
      const cells = variants.map((v) => {
        const other = v.figures.find((g) => g.scenario === f.scenario && g.figure === f.figure)?.[side].median ?? Number.NaN;
        if (v === reference || !Number.isFinite(other)) return fmt(other);
        const change = ((other - base) / base) * 100;
        return `${fmt(other)} (${change >= 0 ? '+' : ''}${change.toFixed(0)}%)`;
      });
      body.push([`${f.scenario}: ${f.figure} (${f.unit}, ${f.better} is better)`, side, ...cells]);
    }
  }
  return { header, body };
}

export function printReport(r: BenchReport, log: (line: string) => void): void {
  log('');
  for (const line of machineLines(r)) log(line);
  for (const v of r.variants) {
    log('');
    log(`== variant ${v.variant.name}: ${v.variant.description}`);
    log(`   temporal: ${v.temporal}; postgresql: ${v.postgres}; load ${v.loadAverage.start.join('/')} → ${v.loadAverage.end.join('/')}; ${Math.round(v.seconds)} s`);
    if (v.error) log(`   FAILED: ${v.error}`);
    if (v.figures.length > 0) log(figuresTable(v));
    for (const [scenario, notes] of Object.entries(v.notes)) for (const note of notes) log(`   [${scenario}] ${note}`);
  }
  if (r.variants.length > 1) {
    const { header, body } = headroomRows(r);
    log('');
    log('== headroom: medians per variant (change against defaults)');
    log(textTable(header, body));
  }
}

export function writeReport(r: BenchReport, outDir: string, stamp: string): { json: string; markdown: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, `bench-${stamp}.json`);
  const markdown = path.join(outDir, `bench-${stamp}.md`);
  fs.writeFileSync(json, JSON.stringify(r, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2));
  fs.writeFileSync(markdown, toMarkdown(r));
  return { json, markdown };
}

function toMarkdown(r: BenchReport): string {
  const out: string[] = [`# Benchmark ${r.startedAt}`, '', `Command: \`${r.command}\``, '', ...machineLines(r).map((l) => `- ${l}`), ''];
  out.push('Sizes: ' + Object.entries(r.sizes).map(([k, v]) => `${k} ${v}`).join(', '), '');
  for (const v of r.variants) {
    out.push(`## Variant \`${v.variant.name}\``, '', v.variant.description, '');
    out.push(`- Temporal: ${v.temporal}`, `- PostgreSQL: ${v.postgres}`, `- load average ${v.loadAverage.start.join(' / ')} → ${v.loadAverage.end.join(' / ')}, ${Math.round(v.seconds)} s`, '');
    if (v.error) out.push(`**Failed:** ${v.error}`, '');
    if (v.figures.length > 0) out.push(markdownTable(HEADER, rows(v.figures)), '');
    for (const [scenario, notes] of Object.entries(v.notes)) {
      out.push(`**${scenario}**`, '', ...notes.map((n) => `- ${n}`), '');
    }
    const processes = [...new Set(Object.values(v.cpu).flatMap((c) => Object.keys(c)))];
    if (processes.length > 0) {
      out.push('CPU seconds per process (all runs of the scenario, set-up included):', '');
      out.push(markdownTable(['scenario', ...processes], Object.entries(v.cpu).map(([s, c]) => [s, ...processes.map((p) => fmt(c[p] ?? Number.NaN))])), '');
    }
  }
  if (r.variants.length > 1) {
    const { header, body } = headroomRows(r);
    out.push('## Headroom: medians per variant (change against `defaults`)', '', markdownTable(header, body), '');
  }
  return out.join('\n');
}
