/**
 * Two-way table (issue 15, 3), as Excel's data table: a result for every pair of values of two
 * inputs, drawn as a heat map. The row input is swept by {@link runSensitivity} under its own
 * signed restore record (OUTER_RESTORE_KEY); at each of its values the column input is swept
 * under the usual record. So each input has the one-way sweep's guarantee: restored after the
 * run, a failure or a cancel, and offered back at the next start after a pane closed mid-way
 * (the pane checks both records, one after the other). Pure logic over the gateway: no React.
 */
import { isSingleCell, qualify } from './addresses';
import type { CellWrite, WorkbookGateway } from './gateway';
import { OUTER_RESTORE_KEY, type RestoreKeyStore, runSensitivity, sweepValues } from './sensitivity';

/** Values per input at most (50 × 50 = 2,500 recalculations). */
export const MAX_TWO_WAY_POINTS = 50;

export interface Axis {
  /** Sheet-qualified single cell. */
  readonly input: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

export interface TwoWaySetup {
  readonly output: string;
  /** Its values down column A. */
  readonly rows: Axis;
  /** Its values across the header row. */
  readonly columns: Axis;
}

export interface TwoWayResult {
  readonly setup: TwoWaySetup;
  readonly rowValues: readonly number[];
  readonly columnValues: readonly number[];
  /** cells[r][c]: the result with the row input at rowValues[r] and the column input at columnValues[c]; null when not a number. */
  readonly cells: ReadonlyArray<ReadonlyArray<number | null>>;
  /** The error code of a cell that held one, by "r,c". */
  readonly errors: Readonly<Record<string, string>>;
}

export type TwoWayProblem = 'needCell' | 'needNumber' | 'stepsRange' | 'sameCell';

const key = (a: string) => a.replace(/\$/g, '').toUpperCase();

/** What is wrong with a setup, or undefined when it can run. */
export function checkTwoWay(s: TwoWaySetup): { field: 'output' | 'rows' | 'columns'; problem: TwoWayProblem } | undefined {
  if (!isSingleCell(s.output)) return { field: 'output', problem: 'needCell' };
  for (const field of ['rows', 'columns'] as const) {
    const a = s[field];
    if (!isSingleCell(a.input)) return { field, problem: 'needCell' };
    if (!Number.isFinite(a.from) || !Number.isFinite(a.to)) return { field, problem: 'needNumber' };
    if (!Number.isInteger(a.steps) || a.steps < 2 || a.steps > MAX_TWO_WAY_POINTS) return { field, problem: 'stepsRange' };
  }
  if (new Set([key(s.output), key(s.rows.input), key(s.columns.input)]).size < 3) return { field: 'columns', problem: 'sameCell' };
  return undefined;
}

export interface TwoWayOptions {
  readonly signal?: AbortSignal;
  readonly onRow?: (done: number, total: number) => void;
  readonly keys?: RestoreKeyStore;
  /** The sheet unqualified addresses are on. */
  readonly sheet?: string;
}

/** Runs the table. Both inputs are back to their entries when this returns or throws. */
export async function runTwoWay(gateway: WorkbookGateway, setup: TwoWaySetup, options: TwoWayOptions = {}): Promise<TwoWayResult> {
  const q = (a: string) => (options.sheet ? qualify(a, options.sheet) : a);
  const s: TwoWaySetup = { output: q(setup.output), rows: { ...setup.rows, input: q(setup.rows.input) }, columns: { ...setup.columns, input: q(setup.columns.input) } };
  const cells: Array<Array<number | null>> = [];
  const errors: Record<string, string> = {};
  const rowValues = sweepValues(s.rows.from, s.rows.to, s.rows.steps);
  await runSensitivity(
    gateway,
    { input: s.rows.input, output: s.output, from: s.rows.from, to: s.rows.to, steps: s.rows.steps },
    {
      signal: options.signal,
      keys: options.keys,
      recordKey: OUTER_RESTORE_KEY,
      atEachValue: async (_x, r) => {
        const points = await runSensitivity(gateway, { input: s.columns.input, output: s.output, from: s.columns.from, to: s.columns.to, steps: s.columns.steps }, { signal: options.signal, keys: options.keys });
        points.forEach((p, c) => {
          if (p.error) errors[`${r},${c}`] = p.error;
        });
        cells.push(points.map((p) => p.y));
        options.onRow?.(r + 1, rowValues.length);
      },
    },
  );
  return { setup: s, rowValues, columnValues: sweepValues(s.columns.from, s.columns.to, s.columns.steps), cells, errors };
}

/** The heat map's colour of a value: white at the table's least, blue at its greatest. */
export function heatColour(v: number | null, min: number, max: number): string | undefined {
  if (v === null) return undefined;
  const t = max > min ? (v - min) / (max - min) : 0.5;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return `#${hex(mix(0xff, 0x5b))}${hex(mix(0xff, 0x9b))}${hex(mix(0xff, 0xd5))}`;
}

export function range(result: TwoWayResult): { min: number; max: number } {
  const all = result.cells.flat().filter((v): v is number => v !== null);
  return { min: all.length ? Math.min(...all) : 0, max: all.length ? Math.max(...all) : 0 };
}

/** The table as a sheet, laid out as Excel's data table (values: it records a run), each result shaded as a heat map. */
export function twoWaySheet(result: TwoWayResult, labels: { title: string; sheet: string; rows: string; columns: string; output: string }) {
  const { min, max } = range(result);
  const cells: CellWrite[] = [
    { address: 'A1', input: labels.title, bold: true },
    { address: 'A2', input: `${labels.output}: ${result.setup.output}` },
    { address: 'A3', input: `${labels.rows}: ${result.setup.rows.input}` },
    { address: 'A4', input: `${labels.columns}: ${result.setup.columns.input}` },
    { address: 'A6', input: `${labels.rows} ↓ · ${labels.columns} →`, bold: true, fill: '#D9E1F2' },
  ];
  const col = (c: number) => {
    let n = c + 2;
    let out = '';
    while (n > 0) {
      out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
      n = Math.floor((n - 1) / 26);
    }
    return out;
  };
  result.columnValues.forEach((v, c) => cells.push({ address: `${col(c)}6`, input: v, bold: true, fill: '#D9E1F2', numberFormat: '#,##0.####' }));
  result.rowValues.forEach((v, r) => {
    cells.push({ address: `A${7 + r}`, input: v, bold: true, fill: '#D9E1F2', numberFormat: '#,##0.####' });
    result.cells[r]?.forEach((y, c) => {
      const error = result.errors[`${r},${c}`];
      cells.push({ address: `${col(c)}${7 + r}`, input: y === null ? (error ? { formula: `=${error}` } : null) : y, numberFormat: '#,##0.00', fill: heatColour(y, min, max) });
    });
  });
  const widths: Record<string, number> = { A: 24 };
  result.columnValues.forEach((_, c) => (widths[col(c)] = 14));
  return { name: labels.sheet, cells, columnWidths: widths };
}
