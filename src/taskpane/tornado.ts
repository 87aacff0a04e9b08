/**
 * Tornado sensitivity (issue 15, 3): each input moved on its own to a low and a high value —
 * ± a percentage of its current value, or between a low and a high given for it — and the
 * result read at both; the inputs ranked by the swing of the result. Each input is moved by
 * {@link runSensitivity} (a two-point sweep), so it has the one-way sweep's guarantee: its
 * original entry is recorded (signed, in the workbook) before it is changed and written back
 * after its two points, after a failure and after a cancel, and a pane closed mid-way offers the
 * restore at the next start. Only one input is ever changed at a time. Pure logic over the
 * gateway: no React.
 */
import { isSingleCell, qualify } from './addresses';
import type { CellWrite, WorkbookGateway } from './gateway';
import { type RestoreKeyStore, runSensitivity, SweepCancelled } from './sensitivity';

export const MAX_TORNADO_INPUTS = 40;

export interface TornadoLine {
  /** Sheet-qualified single cell. */
  readonly input: string;
  /** Explicit low and high; absent: ± percent of the current value. */
  readonly low?: number;
  readonly high?: number;
}

export interface TornadoSetup {
  readonly output: string;
  readonly lines: readonly TornadoLine[];
  /** ± this fraction of each current value (0.1 = ±10%) for the lines without low and high. */
  readonly percent: number;
}

export interface TornadoRow {
  readonly input: string;
  /** The input's value before the run (restored after it). */
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly atLow: number | null;
  readonly atHigh: number | null;
  /** |result at high − result at low|; null when either is not a number. */
  readonly swing: number | null;
  /** Why the input could not be moved (its cell holds no number, or the run failed). */
  readonly error?: string;
}

export interface TornadoResult {
  readonly output: string;
  /** The result with every input as it is. */
  readonly base: number | null;
  /** Ranked by swing, largest first; inputs without a swing last, in their order. */
  readonly rows: readonly TornadoRow[];
}

export type TornadoProblem = 'needCell' | 'needNumber' | 'lowHigh' | 'tooMany' | 'sameCell' | 'percent' | 'none';

/**
 * Reads the lines typed in the pane: one input per line, "Claim!C6" or "Claim!C6; 5600000;
 * 11200000" (low; high). Unqualified cells are on `sheet`.
 */
export function parseTornadoLines(text: string, sheet: string): { lines: TornadoLine[] } | { problem: TornadoProblem; line: number } {
  const lines: TornadoLine[] = [];
  const rows = text.split(/\r?\n/).map((l) => l.trim());
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] === '') continue;
    const parts = rows[i].split(rows[i].includes('\t') ? '\t' : ';').map((p) => p.trim());
    if (!isSingleCell(parts[0])) return { problem: 'needCell', line: i + 1 };
    const input = qualify(parts[0], sheet);
    if (parts.length === 1) {
      lines.push({ input });
      continue;
    }
    const num = (t: string) => (t === '' ? NaN : Number(t.replace(/[\s,_]/g, '')));
    const low = num(parts[1] ?? '');
    const high = num(parts[2] ?? '');
    if (parts.length !== 3 || !Number.isFinite(low) || !Number.isFinite(high)) return { problem: 'needNumber', line: i + 1 };
    if (!(low < high)) return { problem: 'lowHigh', line: i + 1 };
    lines.push({ input, low, high });
  }
  if (lines.length === 0) return { problem: 'none', line: 0 };
  if (lines.length > MAX_TORNADO_INPUTS) return { problem: 'tooMany', line: MAX_TORNADO_INPUTS + 1 };
  return { lines };
}

const key = (a: string) => a.replace(/\$/g, '').toUpperCase();

export function checkTornado(setup: TornadoSetup): TornadoProblem | undefined {
  if (!isSingleCell(setup.output)) return 'needCell';
  if (!(setup.percent > 0 && setup.percent < 10)) return 'percent';
  if (setup.lines.some((l) => key(l.input) === key(setup.output))) return 'sameCell';
  return undefined;
}

export interface TornadoOptions {
  readonly signal?: AbortSignal;
  readonly onInput?: (done: number, total: number) => void;
  readonly keys?: RestoreKeyStore;
}

function number(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Runs the tornado. Every input is back to its original entry when this returns or throws
 * (SweepCancelled on a cancel: the inputs not yet moved were never touched).
 */
export async function runTornado(gateway: WorkbookGateway, setup: TornadoSetup, options: TornadoOptions = {}): Promise<TornadoResult> {
  await gateway.recalculate();
  const base = number((await gateway.readRange(setup.output))[0]?.[0]);
  const rows: TornadoRow[] = [];
  for (let i = 0; i < setup.lines.length; i++) {
    if (options.signal?.aborted) throw new SweepCancelled();
    const line = setup.lines[i];
    const value = number((await gateway.readRange(line.input))[0]?.[0]);
    const low = line.low ?? (value === null ? null : Number((value * (1 - setup.percent)).toPrecision(12)));
    const high = line.high ?? (value === null ? null : Number((value * (1 + setup.percent)).toPrecision(12)));
    if (low === null || high === null || low === high) {
      rows.push({ input: line.input, value, low, high, atLow: null, atHigh: null, swing: null, error: value === null ? 'notNumber' : 'zero' });
      options.onInput?.(i + 1, setup.lines.length);
      continue;
    }
    try {
      const [p, q] = await runSensitivity(gateway, { input: line.input, output: setup.output, from: Math.min(low, high), to: Math.max(low, high), steps: 2 }, { signal: options.signal, keys: options.keys });
      const swing = p.y !== null && q.y !== null ? Math.abs(q.y - p.y) : null;
      rows.push({ input: line.input, value, low: Math.min(low, high), high: Math.max(low, high), atLow: p.y, atHigh: q.y, swing, error: p.error ?? q.error });
    } catch (e) {
      if (e instanceof SweepCancelled) throw e;
      rows.push({ input: line.input, value, low, high, atLow: null, atHigh: null, swing: null, error: e instanceof Error ? e.message : String(e) });
    }
    options.onInput?.(i + 1, setup.lines.length);
  }
  const ranked = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.swing ?? -1) - (a.r.swing ?? -1) || a.i - b.i)
    .map((x) => x.r);
  return { output: setup.output, base, rows: ranked };
}

/** The tornado as a sheet: the ranked table (values: it records a run) and a bar chart of the swings. */
export function tornadoSheet(result: TornadoResult, labels: { title: string; sheet: string; input: string; value: string; low: string; high: string; atLow: string; atHigh: string; swing: string; base: string }) {
  const header = [labels.input, labels.value, labels.low, labels.high, labels.atLow, labels.atHigh, labels.swing];
  const cells: CellWrite[] = [
    { address: 'A1', input: labels.title, bold: true },
    { address: 'A2', input: `${labels.base}: ${result.output}` },
    { address: 'B2', input: result.base, numberFormat: '#,##0.00' },
    ...header.map((h, k) => ({ address: `${String.fromCharCode(65 + k)}4`, input: h, bold: true, fill: '#D9E1F2' })),
  ];
  result.rows.forEach((r, i) => {
    const row = 5 + i;
    const vals = [r.input, r.value, r.low, r.high, r.atLow, r.atHigh, r.swing];
    vals.forEach((v, k) => {
      if (v === null) return;
      cells.push({ address: `${String.fromCharCode(65 + k)}${row}`, input: v, numberFormat: k === 0 ? undefined : '#,##0.00' });
    });
  });
  const withSwing = result.rows.filter((r) => r.swing !== null);
  // The chart's own two columns (ChartSpec: labels, then amounts): the input as text, so that
  // Excel takes it as the categories, and its swing; ranked, largest first.
  withSwing.forEach((r, i) => {
    cells.push({ address: `I${5 + i}`, input: r.input });
    cells.push({ address: `J${5 + i}`, input: r.swing, numberFormat: '#,##0.00' });
  });
  return {
    name: labels.sheet,
    cells,
    columnWidths: { A: 26, B: 16, C: 16, D: 16, E: 18, F: 18, G: 16, I: 26, J: 16 },
    charts: withSwing.length ? [{ kind: 'bar' as const, title: labels.title, dataAddress: `I5:J${4 + withSwing.length}`, anchor: 'L4' }] : [],
  };
}
