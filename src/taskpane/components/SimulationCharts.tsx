import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

const compact = (n: number) => (Math.abs(n) >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : Math.abs(n) >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(+n.toFixed(2)));
const amount = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v));

export interface ExceedancePoint {
  readonly t: number;
  readonly aep: number;
  readonly oep: number;
  /** The closed-form OEP where it applies. */
  readonly closed?: number;
}

/**
 * AEP and OEP against the return period on a log axis, with the closed-form OEP dashed where it
 * applies (fixed size, as SensitivityChart: the pane is narrow and it renders in tests).
 */
export function ExceedanceChart({ points, labels }: { readonly points: readonly ExceedancePoint[]; readonly labels: { x: string; aep: string; oep: string; closed: string } }) {
  const hasClosed = points.some((p) => p.closed !== undefined);
  return (
    <LineChart width={320} height={230} data={[...points]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} aria-label={`${labels.aep} / ${labels.oep} / ${labels.x}`}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="t" type="number" scale="log" domain={[2, 1000]} ticks={[2, 5, 10, 20, 50, 100, 200, 500, 1000]} allowDataOverflow name={labels.x} />
      <YAxis tickFormatter={compact} width={52} />
      <Tooltip formatter={amount} labelFormatter={(t) => `T = ${String(t)}`} />
      <Legend />
      <Line type="linear" dataKey="aep" name={labels.aep} dot={false} isAnimationActive={false} stroke="#0f6cbd" />
      <Line type="linear" dataKey="oep" name={labels.oep} dot={false} isAnimationActive={false} stroke="#c50f1f" />
      {hasClosed && <Line type="linear" dataKey="closed" name={labels.closed} dot={false} isAnimationActive={false} stroke="#107c10" strokeDasharray="5 4" />}
    </LineChart>
  );
}

export interface ConvergencePoint {
  readonly years: number;
  readonly mean: number;
  readonly se: number;
}

/** The AAL as years grow, with the band of ± 2 standard errors (years on a log axis). */
export function ConvergenceChart({ points, labels }: { readonly points: readonly ConvergencePoint[]; readonly labels: { x: string; aal: string; band: string } }) {
  const data = points.map((p) => ({ years: p.years, mean: p.mean, lo: p.mean - 2 * p.se, hi: p.mean + 2 * p.se }));
  const last = points.length ? points[points.length - 1].years : 1;
  return (
    <LineChart width={320} height={200} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} aria-label={`${labels.aal} / ${labels.x}`}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="years" type="number" scale="log" domain={[Math.min(100, last), last]} tickFormatter={compact} allowDataOverflow name={labels.x} />
      <YAxis tickFormatter={compact} width={52} />
      <Tooltip formatter={amount} />
      <Legend />
      <Line type="linear" dataKey="mean" name={labels.aal} dot={false} isAnimationActive={false} stroke="#0f6cbd" />
      <Line type="linear" dataKey="hi" name={labels.band} dot={false} isAnimationActive={false} stroke="#8a8886" strokeDasharray="4 3" legendType="plainline" />
      <Line type="linear" dataKey="lo" name={labels.band} dot={false} isAnimationActive={false} stroke="#8a8886" strokeDasharray="4 3" legendType="none" />
    </LineChart>
  );
}
