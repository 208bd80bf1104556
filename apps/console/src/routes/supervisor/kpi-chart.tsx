import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

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
