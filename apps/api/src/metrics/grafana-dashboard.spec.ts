import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPORAL_SDK_METRIC_NAMES, WORKER_PRODUCT_METRIC_NAMES } from '@sal/temporal';
import { apiMetricNames } from './api-metrics';

/** The Grafana dashboard (infra/grafana) is built on the names the code registers: a renamed metric fails here. */
const dashboard = JSON.parse(readFileSync(join(__dirname, '../../../../infra/grafana/sal-journeys-dashboard.json'), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};

/** Every series a known metric shows: a histogram's `_bucket`, `_sum`, `_count` too. */
function knownSeries(): Set<string> {
  const names = [...apiMetricNames(), ...WORKER_PRODUCT_METRIC_NAMES, ...TEMPORAL_SDK_METRIC_NAMES];
  return new Set(names.flatMap((n) => [n, `${n}_bucket`, `${n}_sum`, `${n}_count`]));
}

const PROMQL_WORDS = new Set(['sum', 'by', 'rate', 'histogram_quantile', 'clamp_min', 'min', 'max', 'le', 'without', 'irate', 'increase', 'avg']);

/** The metric names in a PromQL expression: identifiers that are not functions, keywords, label names or strings. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr.replace(/"[^"]*"/g, '""').replace(/\{[^}]*\}/g, '').replace(/\b(by|without)\s*\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '');
  return [...stripped.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((m) => m[1]).filter((w) => !PROMQL_WORDS.has(w) && !/^\d/.test(w) && !/^e\d+$/.test(w));
}

describe('the Grafana dashboard', () => {
  it('has panels, each with a query', () => {
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of dashboard.panels) expect(panel.targets.length).toBeGreaterThan(0);
  });

  it('uses only metric names the API and the worker register', () => {
    const known = knownSeries();
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNamesIn(t.expr).map((name) => ({ panel: p.title, name }))));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((u) => !known.has(u.name))).toEqual([]);
  });

  it('shows every metric the product registers itself', () => {
    const used = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNamesIn(t.expr))));
    const shown = (name: string) => [name, `${name}_bucket`].some((n) => used.has(n));
    expect([...apiMetricNames(), ...WORKER_PRODUCT_METRIC_NAMES].filter((n) => !shown(n))).toEqual([]);
  });

  it('reads a made-up name as unknown (the check can fail)', () => {
    expect(metricNamesIn('sum by (route) (rate(sal_no_such_metric_total{route="/x"}[5m]))')).toEqual(['sal_no_such_metric_total']);
    expect(knownSeries().has('sal_no_such_metric_total')).toBe(false);
  });
});
