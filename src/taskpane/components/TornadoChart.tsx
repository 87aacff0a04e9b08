import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { type Language, UI_TEXT } from '../i18n';
import { figureText } from '../statement';
import type { TornadoResult } from '../tornado';

// Its own module so that recharts is fetched with the chart (src/taskpane/components/lazyCharts.tsx).
const compact = (n: number) => (Math.abs(n) >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : Math.abs(n) >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(+n.toFixed(2)));

/** The tornado chart: for each input (largest swing on top) the result at its low and at its high, from the result as it is. */
export function TornadoChart({ result, language }: { readonly result: TornadoResult; readonly language: Language }) {
  const t = UI_TEXT[language].tornado;
  const base = result.base ?? 0;
  const data = result.rows
    .filter((r) => r.swing !== null)
    .map((r) => ({ name: r.input.split('!').pop() ?? r.input, full: r.input, low: (r.atLow ?? base) - base, high: (r.atHigh ?? base) - base }));
  return (
    <BarChart width={300} height={48 + 28 * data.length} data={data} layout="vertical" stackOffset="sign" margin={{ top: 8, right: 12, bottom: 8, left: 8 }} aria-label={t.sheetTitle}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" tickFormatter={compact} />
      <YAxis type="category" dataKey="name" width={64} />
      <ReferenceLine x={0} stroke="#333" />
      <Tooltip formatter={(v) => (typeof v === 'number' ? figureText(v + base, 'money') : String(v))} labelFormatter={(_, p) => String((p?.[0]?.payload as { full?: string } | undefined)?.full ?? '')} />
      <Bar dataKey="low" name={t.atLow} stackId="t" fill="#e3008c" isAnimationActive={false} />
      <Bar dataKey="high" name={t.atHigh} stackId="t" fill="#0f6cbd" isAnimationActive={false} />
    </BarChart>
  );
}
