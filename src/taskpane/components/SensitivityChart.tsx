import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SensitivityPoint } from '../sensitivity';

const compact = (n: number) => (Math.abs(n) >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : Math.abs(n) >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(+n.toFixed(4)));

/** The payout curve of a sweep (fixed size: the pane is narrow, and it renders without a DOM in tests). */
export function SensitivityChart({ points, xLabel, yLabel }: { readonly points: readonly SensitivityPoint[]; readonly xLabel: string; readonly yLabel: string }) {
  return (
    <LineChart width={300} height={200} data={[...points]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} aria-label={`${yLabel} / ${xLabel}`}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={compact} name={xLabel} />
      <YAxis tickFormatter={compact} name={yLabel} width={48} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v))} />
      <Line type="linear" dataKey="y" name={yLabel} dot={false} isAnimationActive={false} connectNulls={false} stroke="#0f6cbd" />
    </LineChart>
  );
}
