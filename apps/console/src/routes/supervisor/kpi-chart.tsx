import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartDatum {
  label: string;
  value: number;
}

/**
 * A bar chart of one figure (recharts, loaded lazily with the KPI page's charts so the first visit does not pay for
 * it). Hidden from screen readers: the table under it holds the same numbers.
 */
export default function KpiBarChart({ data }: { data: ChartDatum[] }) {
  // Horizontal bars: the labels (stages, services) are long, and read on their own line at any width.
  const height = 40 + data.length * 36;
  return (
    <div className="sal-chart" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={150} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="value" fill="#0066cc" isAnimationActive={false} barSize={20} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * A share per row (0–100, percent) with the target drawn as a vertical reference line (GOL's vulnerable share against
 * its 75% target). Hidden from screen readers like the other charts: the table under it says met / not met in words.
 */
export function ShareChart({ data, target, targetLabel }: { data: ChartDatum[]; target: number; targetLabel: string }) {
  const height = 56 + data.length * 36;
  return (
    <div className="sal-chart" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 20, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={150} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Bar dataKey="value" fill="#0066cc" isAnimationActive={false} barSize={20} />
          <ReferenceLine x={target} stroke="#a61919" strokeWidth={2} strokeDasharray="6 3" label={{ value: targetLabel, position: 'top', fill: '#a61919', fontSize: 12 }} ifOverflow="extendDomain" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
