/**
 * The charts the task pane placed on a sheet (ChartSpec: first column labels, second column
 * amounts), drawn under the grid with recharts (MIT). They are kept in the workbook model and
 * saved in the workbench's metadata sheet; Excel does not see them (ExcelJS writes no charts).
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSpec } from '../taskpane/gateway';
import { parseRange } from './address';
import type { WorkbenchModel } from './model';
import { MAX_CHART_CELLS } from './stateValidate';
import { displayText } from './cellText';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  chart: { width: '420px', height: '260px', display: 'flex', flexDirection: 'column' },
});

/**
 * The points of a chart, one per row of its range: the first column's text, the last column's
 * number. A cell without a number (an error of a failed sweep point) is a gap in a line chart,
 * never a point at 0; a bar or column chart draws it as 0.
 */
export function chartData(model: WorkbenchModel, sheet: string, chart: ChartSpec): Array<{ label: string; value: number | null }> {
  try {
    const range = parseRange(chart.dataAddress);
    const name = range.sheet ?? sheet;
    if (!model.hasSheet(name)) return [];
    // Only the sheet's used area, and a bounded number of points, is ever read: a stored range of
    // A1:XFD1048576 would be 17 billion cells (stored charts are checked on opening as well,
    // src/workbench/stateValidate.ts; this also covers charts added since).
    const used = model.usedSize(name);
    const end = { row: Math.min(range.end.row, used.rows - 1, range.start.row + MAX_CHART_CELLS - 1), col: Math.min(range.end.col, used.cols - 1) };
    if (end.row < range.start.row || end.col < range.start.col) return [];
    return model
      .getValues(name, range.start, end)
      .map((row) => ({ label: displayText(row[0] ?? null), value: typeof row[row.length - 1] === 'number' ? (row[row.length - 1] as number) : chart.kind === 'line' ? null : 0 }));
  } catch {
    return [];
  }
}

export function SheetCharts({ model, sheet }: { model: WorkbenchModel; sheet: string; version: number }) {
  const styles = useStyles();
  const charts = model.charts(sheet);
  if (charts.length === 0) return null;
  return (
    <div className={styles.root} aria-label="Charts">
      {charts.map((chart, k) => {
        const data = chartData(model, sheet, chart);
        return (
          <figure key={k} className={styles.chart} aria-label={String(chart.title)}>
            <Caption1 as="p">{String(chart.title)}</Caption1>
            <ResponsiveContainer width="100%" height="100%">
              {chart.kind === 'line' ? (
                <LineChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis />
                  <Tooltip />
                  <Line dataKey="value" stroke="#0f6cbd" isAnimationActive={false} />
                </LineChart>
              ) : (
                <BarChart data={data} layout={chart.kind === 'bar' ? 'vertical' : 'horizontal'}>
                  <CartesianGrid strokeDasharray="3 3" />
                  {chart.kind === 'bar' ? <XAxis type="number" /> : <XAxis dataKey="label" />}
                  {chart.kind === 'bar' ? <YAxis type="category" dataKey="label" width={120} /> : <YAxis />}
                  <Tooltip />
                  <Bar dataKey="value" fill="#0f6cbd" isAnimationActive={false} />
                </BarChart>
              )}
            </ResponsiveContainer>
          </figure>
        );
      })}
    </div>
  );
}
