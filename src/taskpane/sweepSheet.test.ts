/**
 * Issue 15, 3: the one-way sweep's sheet had its two headers on different rows (A4 and B5) and
 * its chart's range began at the header row, so the chart drew the header as a point at 0 (the
 * workbench reads each row of the range as label + amount; the header row's amount is text).
 * Reproduced through the workbench gateway and model, and through the Excel gateway.
 */
import { WorkbenchModel } from '../workbench/model';
import { chartData } from '../workbench/SheetCharts';
import { createWorkbenchGateway } from '../workbench/workbenchGateway';
import { createExcelGateway } from './excelGateway';
import type { CellWrite, ChartSpec } from './gateway';
import { createStandaloneGateway } from './officeGateway';
import { sensitivitySheet, type SensitivityPoint } from './sensitivity';

const SETUP = { input: 'Claim!C6', output: 'Claim!C50', from: 5_600_000, to: 11_200_000, steps: 3 };
const POINTS: SensitivityPoint[] = [
  { x: 5_600_000, y: 375_000 },
  { x: 8_400_000, y: 562_500 },
  { x: 11_200_000, y: 750_000 },
];
const LABELS = { title: 'Result by input value', input: 'Input value', output: 'Result', sheet: 'Sensitivity', chart: 'Result by input value' };

test('the headers share one row, above the values', () => {
  const spec = sensitivitySheet(SETUP, POINTS, LABELS);
  const headers: CellWrite[] = spec.cells.filter((c) => c.input === 'Input value' || c.input === 'Result');
  expect(headers.map((c) => c.address).sort()).toEqual(['A5', 'B5']);
  expect(headers.every((c) => c.bold)).toBe(true);
  const rows = spec.cells.filter((c) => /^[AB](\d+)$/.test(c.address) && Number(c.address.slice(1)) >= 6);
  expect(rows.map((c) => [c.address, c.input])).toEqual([
    ['A6', 5_600_000],
    ['B6', 375_000],
    ['A7', 8_400_000],
    ['B7', 562_500],
    ['A8', 11_200_000],
    ['B8', 750_000],
  ]);
});

test('in the workbench, the chart’s points are the sweep’s points: no header point at 0', async () => {
  const model = WorkbenchModel.blank();
  const gateway = createWorkbenchGateway(model);
  const name = await gateway.addSheet(sensitivitySheet(SETUP, POINTS, LABELS));
  const [chart] = model.charts(name);
  // The points as the workbench draws them (src/workbench/SheetCharts.tsx): label + amount per row.
  expect(chartData(model, name, chart)).toEqual([
    { label: '5600000', value: 375_000 },
    { label: '8400000', value: 562_500 },
    { label: '11200000', value: 750_000 },
  ]);
});

test('an error point is the error value, not text: a gap in the chart, not a point at 0', async () => {
  const spec = sensitivitySheet(SETUP, [...POINTS.slice(0, 2), { x: 11_200_000, y: null, error: '#VALUE!' }], LABELS);
  expect(spec.cells.find((c) => c.address === 'B8')?.input).toEqual({ formula: '=#VALUE!' });
  const model = WorkbenchModel.blank();
  const name = await createWorkbenchGateway(model).addSheet(spec);
  expect(chartData(model, name, model.charts(name)[0]).map((p) => p.value)).toEqual([375_000, 562_500, null]);
});

test('in Excel, column A is the chart’s categories and column B its one series', async () => {
  const log: string[] = [];
  const range = (a: string) => ({ address: a, values: null, format: { font: {}, fill: {} }, set numberFormat(_v: unknown) {}, clear: () => undefined });
  const ws = {
    getRange: (a: string) => range(a),
    charts: {
      add: (type: string, data: { address: string }, by: string) => {
        log.push(`add ${type} ${data.address} ${by}`);
        return {
          title: {},
          legend: {},
          setPosition: (at: string) => log.push(`at ${at}`),
          series: { getItemAt: (i: number) => ({ setXAxisValues: (x: { address: string }) => log.push(`series ${i} x ${x.address}`) }) },
        };
      },
    },
    names: { add: () => undefined },
    activate: () => undefined,
  };
  const context = {
    workbook: {
      worksheets: { getItemOrNullObject: () => ({ isNullObject: true, load: () => undefined }), add: () => ws },
      names: { getItemOrNullObject: () => ({ isNullObject: true, load: () => undefined }) },
    },
    sync: async () => undefined,
  };
  const gateway = createExcelGateway({ run: (batch) => batch(context as unknown as Excel.RequestContext), office: createStandaloneGateway(), settings: () => ({}) as Office.Settings });
  const spec = sensitivitySheet(SETUP, POINTS, LABELS);
  await gateway.addSheet(spec);
  const chart = spec.charts[0] as ChartSpec;
  expect(chart).toMatchObject({ kind: 'line', dataAddress: 'A6:B8' });
  expect(log).toEqual(['add Line B6:B8 Columns', 'series 0 x A6:A8', 'at D5']);
});
