/**
 * Sensitivity sweep: write each value into an input cell, recalculate, read the result cell —
 * and always put the input back. The original entry is read first and recorded in the workbook
 * (a pending-restore setting) before the first change, so that even a pane closed mid-way (its
 * JavaScript stopped, no `finally` run) is repaired the next time the pane starts. Pure logic
 * over the gateway: no React.
 */
import { isSingleCell, qualify } from './addresses';
import type { CellInput, CellValue, WorkbookGateway } from './gateway';

export const PENDING_RESTORE_KEY = 'cyberbi.sensitivity.pendingRestore';
export const MAX_POINTS = 200;

export interface SensitivitySetup {
  /** Sheet-qualified single cell, e.g. "Claim!C7". */
  readonly input: string;
  readonly output: string;
  readonly from: number;
  readonly to: number;
  /** Number of points, including both ends (2..MAX_POINTS). */
  readonly steps: number;
}

export interface SensitivityPoint {
  readonly x: number;
  /** The result, or null when the result cell held an error or no number. */
  readonly y: number | null;
  readonly error?: string;
}

export type SetupProblem = 'needCell' | 'needNumber' | 'stepsRange' | 'sameCell';

/** What is wrong with a setup, field by field (empty when it can run). */
export function checkSetup(s: { input: string; output: string; from: number; to: number; steps: number }): Partial<Record<keyof SensitivitySetup, SetupProblem>> {
  const problems: Partial<Record<keyof SensitivitySetup, SetupProblem>> = {};
  if (!isSingleCell(s.input)) problems.input = 'needCell';
  if (!isSingleCell(s.output)) problems.output = 'needCell';
  if (!Number.isFinite(s.from)) problems.from = 'needNumber';
  if (!Number.isFinite(s.to)) problems.to = 'needNumber';
  if (!Number.isInteger(s.steps) || s.steps < 2 || s.steps > MAX_POINTS) problems.steps = 'stepsRange';
  if (!problems.input && !problems.output && s.input.replace(/\$/g, '').toUpperCase() === s.output.replace(/\$/g, '').toUpperCase()) problems.output = 'sameCell';
  return problems;
}

/** The values of a sweep: `steps` points evenly from `from` to `to` (both included). */
export function sweepValues(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => {
    const x = from + ((to - from) * i) / (steps - 1);
    // Keep 12 significant digits: 0.1 steps must not print as 0.30000000000000004.
    return Number(x.toPrecision(12));
  });
}

interface PendingRestore {
  readonly version: 1;
  readonly address: string;
  readonly original: CellInput;
  readonly startedAt: string;
}

function isCellInput(v: unknown): v is CellInput {
  return (
    v === null ||
    typeof v === 'number' ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'object' && v !== null && typeof (v as { formula?: unknown }).formula === 'string')
  );
}

function parsePending(text: string | null): PendingRestore | undefined {
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as Partial<PendingRestore>;
    if (p && p.version === 1 && typeof p.address === 'string' && isCellInput(p.original)) return p as PendingRestore;
  } catch {
    /* an unreadable record cannot be acted on */
  }
  return undefined;
}

/**
 * On pane start: if a sweep was interrupted, writes the recorded original entry back, clears the
 * record and returns the address restored (undefined when there was nothing to do).
 */
export async function restorePending(gateway: WorkbookGateway): Promise<string | undefined> {
  const pending = parsePending(await gateway.loadSetting(PENDING_RESTORE_KEY));
  if (!pending) return undefined;
  await gateway.writeInput(pending.address, pending.original);
  await gateway.recalculate();
  await gateway.saveSetting(PENDING_RESTORE_KEY, null);
  return pending.address;
}

function numberOf(v: CellValue | undefined): { y: number | null; error?: string } {
  if (typeof v === 'number') return { y: v };
  if (v && typeof v === 'object') return { y: null, error: v.error };
  return { y: null };
}

export class SweepCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SweepCancelled';
  }
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onPoint?: (point: SensitivityPoint, index: number, total: number) => void;
  /** The sheet an unqualified address refers to. */
  readonly sheet?: string;
}

/**
 * Runs the sweep. The input is restored whatever happens: after the last point, after a failing
 * step (the error is rethrown), and after a cancel (SweepCancelled is thrown).
 */
export async function runSensitivity(gateway: WorkbookGateway, setup: SensitivitySetup, options: RunOptions = {}): Promise<SensitivityPoint[]> {
  const input = options.sheet ? qualify(setup.input, options.sheet) : setup.input;
  const output = options.sheet ? qualify(setup.output, options.sheet) : setup.output;
  const original = await gateway.readInput(input);
  const record: PendingRestore = { version: 1, address: input, original, startedAt: new Date().toISOString() };
  await gateway.saveSetting(PENDING_RESTORE_KEY, JSON.stringify(record));
  const points: SensitivityPoint[] = [];
  const values = sweepValues(setup.from, setup.to, setup.steps);
  try {
    for (let i = 0; i < values.length; i++) {
      if (options.signal?.aborted) throw new SweepCancelled();
      await gateway.writeInput(input, values[i]);
      await gateway.recalculate();
      const [[v]] = await gateway.readRange(output);
      const point = { x: values[i], ...numberOf(v) };
      points.push(point);
      options.onPoint?.(point, i, values.length);
    }
    return points;
  } finally {
    await gateway.writeInput(input, original);
    await gateway.recalculate();
    await gateway.saveSetting(PENDING_RESTORE_KEY, null);
  }
}

/** The sweep as a worksheet: the table (values, not formulas: it records a run) and a line chart. */
export function sensitivitySheet(setup: SensitivitySetup, points: readonly SensitivityPoint[], labels: { title: string; input: string; output: string; sheet: string; chart: string }) {
  const cells = [
    { address: 'A1', input: labels.title, bold: true },
    { address: 'A2', input: `${labels.input}: ${setup.input}` },
    { address: 'A3', input: `${labels.output}: ${setup.output}` },
    // A5 stays blank so that Excel takes column A as the chart's categories, not a second series.
    { address: 'A4', input: labels.input, bold: true, fill: '#D9E1F2' },
    { address: 'B5', input: labels.output, bold: true, fill: '#D9E1F2' },
    ...points.flatMap((p, i) => [
      { address: `A${6 + i}`, input: p.x, numberFormat: '#,##0.####' },
      { address: `B${6 + i}`, input: p.y === null ? (p.error ?? null) : p.y, numberFormat: '#,##0.00' },
    ]),
  ];
  return {
    name: labels.sheet,
    cells,
    columnWidths: { A: 22, B: 22 },
    charts: [{ kind: 'line' as const, title: labels.chart, dataAddress: `A5:B${5 + points.length}`, anchor: 'D5' }],
  };
}
