/**
 * Sensitivity sweep: write each value into an input cell, recalculate, read the result cell —
 * and always put the input back. The original entry is read first and recorded in the workbook
 * (a pending-restore setting) before the first change, so that even a pane closed mid-way (its
 * JavaScript stopped, no `finally` run) can be repaired the next time the pane starts. That
 * record is stored state anyone can edit, so the next start only OFFERS the restore, after
 * checking the record is this pane's, for this workbook, and that the cell still holds what the
 * sweep wrote; the user confirms (issue 12: nothing the user has is changed). Pure logic over
 * the gateway: no React.
 */
import { isSingleCell, qualify, splitAddress } from './addresses';
import type { CellInput, CellValue, WorkbookGateway } from './gateway';

export const PENDING_RESTORE_KEY = 'cyberbi.sensitivity.pendingRestore';
/**
 * The record of the outer input of a two-way table (src/taskpane/twoWay.ts), held at each of its
 * values while the inner input is swept under PENDING_RESTORE_KEY: two cells can be changed at
 * once, each with its own signed record.
 */
export const OUTER_RESTORE_KEY = 'cyberbi.sensitivity.pendingRestore.outer';
/** Every restore record the pane checks at start, in this order. */
export const PENDING_RESTORE_KEYS: readonly string[] = [PENDING_RESTORE_KEY, OUTER_RESTORE_KEY];
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

/**
 * Where the pane keeps the secret that signs its restore records. Not in the workbook: a record
 * someone wrote into a file by hand (or copied from another workbook) cannot carry a valid
 * signature, so it is never applied. The browser's localStorage of the pane's own origin by
 * default; when there is none, a secret that lives as long as the page.
 */
export interface RestoreKeyStore {
  load(): string | null;
  save(key: string): void;
}

/** The workbook's own id (a random UUID in the workbook's settings, made by the first sweep). */
export const WORKBOOK_ID_KEY = 'cyberbi.workbookId';
const RESTORE_KEY_NAME = 'cyberbi.restoreKey';
/** A record longer than this is not read at all (a real one is well under 1 KB plus the entry). */
const MAX_RECORD_CHARS = 64 * 1024;
/** Excel's limit on the characters of one cell entry. */
const MAX_ENTRY_CHARS = 32767;

let pageKey: string | null = null;
const pageKeyStore: RestoreKeyStore = { load: () => pageKey, save: (k) => (pageKey = k) };

export function browserKeyStore(): RestoreKeyStore {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    if (!storage) return pageKeyStore;
    storage.getItem(RESTORE_KEY_NAME); // throws where storage is blocked
    return {
      load: () => storage.getItem(RESTORE_KEY_NAME),
      save: (k) => storage.setItem(RESTORE_KEY_NAME, k),
    };
  } catch {
    return pageKeyStore;
  }
}

function randomHex(bytes: number): string {
  const a = new Uint8Array(bytes);
  if (typeof globalThis.crypto?.getRandomValues === 'function') globalThis.crypto.getRandomValues(a);
  // No Web Crypto: no signature can be made either (hmac gives null), so this key never verifies anything.
  else for (let i = 0; i < bytes; i++) a[i] = Math.floor(Math.random() * 256);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The workbook's id, made and saved when `create` and there is none yet. */
async function workbookId(gateway: WorkbookGateway, create: boolean): Promise<string | null> {
  const id = await gateway.loadSetting(WORKBOOK_ID_KEY);
  if (id && /^[0-9a-f]{32}$/.test(id)) return id;
  if (!create) return null;
  const made = randomHex(16);
  await gateway.saveSetting(WORKBOOK_ID_KEY, made);
  return made;
}

interface PendingRestore {
  readonly version: 2;
  /** The workbook the sweep ran in (its WORKBOOK_ID_KEY setting). */
  readonly workbookId: string;
  /** The swept cell, sheet-qualified. */
  readonly address: string;
  /** What the cell held before the sweep: what a restore writes back. */
  readonly original: CellInput;
  /** Every value the sweep writes into the cell: the cell must still hold one of them. */
  readonly values: readonly number[];
  readonly startedAt: string;
  /** HMAC-SHA-256 (hex) of all of the above, under the pane's secret key. */
  readonly signature: string;
}

type Unsigned = Omit<PendingRestore, 'signature'>;

/** The signed text: the fields in a fixed order, so that parsing and re-serialising cannot change it. */
function signedText(r: Unsigned): string {
  return JSON.stringify([r.version, r.workbookId, r.address, r.original, r.values, r.startedAt]);
}

async function hmac(keyHex: string, text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const keyBytes = new Uint8Array(keyHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const key = await subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

function signingKey(store: RestoreKeyStore, create: boolean): string | null {
  let key: string | null = null;
  try {
    key = store.load();
  } catch {
    key = null;
  }
  if (key && /^[0-9a-f]{64}$/.test(key)) return key;
  if (!create) return null;
  const made = randomHex(32);
  try {
    store.save(made);
  } catch {
    pageKeyStore.save(made);
    return made;
  }
  return made;
}

function isCellInput(v: unknown): v is CellInput {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.length <= MAX_ENTRY_CHARS;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const formula = (v as { formula?: unknown }).formula;
  return keys.length === 1 && keys[0] === 'formula' && typeof formula === 'string' && formula.startsWith('=') && formula.length <= MAX_ENTRY_CHARS;
}

/** Why a stored record was not applied. */
export type DiscardReason =
  /** Not JSON, a field of the wrong type or size, or an older record without the checks. */
  | 'unreadable'
  /** Made in another workbook (or this workbook has no id). */
  | 'otherWorkbook'
  /** The signature does not match: edited by hand, or made on another computer. */
  | 'notSigned'
  /** The cell no longer holds a value the sweep wrote (changed since), or is gone. */
  | 'changed';

/** What the pane found at start: a restore to offer (the user confirms), or a record it dropped. */
export type PendingCheck =
  | { readonly kind: 'offer'; readonly address: string; readonly original: CellInput; readonly current: CellInput; readonly record: string; readonly key?: string }
  | { readonly kind: 'discarded'; readonly reason: DiscardReason; readonly address?: string; readonly original?: CellInput };

function parsePending(text: string): PendingRestore | undefined {
  if (text.length > MAX_RECORD_CHARS) return undefined;
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!p || typeof p !== 'object' || Array.isArray(p)) return undefined;
  const r = p as Record<string, unknown>;
  if (r.version !== 2) return undefined;
  if (typeof r.workbookId !== 'string' || typeof r.address !== 'string' || typeof r.startedAt !== 'string' || typeof r.signature !== 'string') return undefined;
  if (r.startedAt.length > 64 || !/^[0-9a-f]{64}$/.test(r.signature)) return undefined;
  if (r.address.length > 300 || !isSingleCell(r.address) || splitAddress(r.address).sheet === undefined) return undefined;
  if (!isCellInput(r.original)) return undefined;
  if (!Array.isArray(r.values) || r.values.length < 1 || r.values.length > MAX_POINTS || !r.values.every((x) => typeof x === 'number' && Number.isFinite(x))) return undefined;
  return { version: 2, workbookId: r.workbookId, address: r.address, original: r.original, values: r.values as number[], startedAt: r.startedAt, signature: r.signature };
}

/** The address and original of a record too damaged to verify, when they can be read (to show). */
function salvage(text: string): { address?: string; original?: CellInput } {
  try {
    const p = JSON.parse(text.slice(0, MAX_RECORD_CHARS)) as Record<string, unknown>;
    return {
      address: typeof p?.address === 'string' && p.address.length <= 300 ? p.address : undefined,
      original: isCellInput(p?.original) ? p.original : undefined,
    };
  } catch {
    return {};
  }
}

function sameInput(a: CellInput, b: CellInput): boolean {
  if (a !== null && typeof a === 'object') return b !== null && typeof b === 'object' && a.formula === b.formula;
  return a === b;
}

/**
 * On pane start: is there a record of an interrupted sweep, and may it be applied? Changes
 * nothing in any cell. A record is offered only when it is well-formed, was made in this
 * workbook (its id), carries the signature this pane makes (so it was not written or edited by
 * hand), and its cell still holds one of the values the sweep wrote (so the user has not changed
 * it since). Anything else is returned as discarded — and its record removed — so the pane can
 * say what it found. When the cell already holds its original entry the record is simply
 * removed (undefined: nothing to say).
 */
export async function checkPending(gateway: WorkbookGateway, keys: RestoreKeyStore = browserKeyStore(), recordKey: string = PENDING_RESTORE_KEY): Promise<PendingCheck | undefined> {
  const text = await gateway.loadSetting(recordKey);
  if (text === null || text === '') return undefined;
  const discard = async (reason: DiscardReason, shown: { address?: string; original?: CellInput }): Promise<PendingCheck> => {
    await gateway.saveSetting(recordKey, null);
    return { kind: 'discarded', reason, ...shown };
  };
  const record = parsePending(text);
  if (!record) return discard('unreadable', salvage(text));
  const shown = { address: record.address, original: record.original };
  const id = await workbookId(gateway, false);
  if (id === null || id !== record.workbookId) return discard('otherWorkbook', shown);
  const key = signingKey(keys, false);
  const expected = key === null ? null : await hmac(key, signedText(record));
  if (expected === null || expected !== record.signature) return discard('notSigned', shown);
  let current: CellInput;
  try {
    current = await gateway.readInput(record.address);
  } catch {
    return discard('changed', shown);
  }
  if (sameInput(current, record.original)) {
    await gateway.saveSetting(recordKey, null);
    return undefined;
  }
  if (typeof current !== 'number' || !record.values.includes(current)) return discard('changed', shown);
  return { kind: 'offer', address: record.address, original: record.original, current, record: text, ...(recordKey === PENDING_RESTORE_KEY ? {} : { key: recordKey }) };
}

/**
 * The user confirmed an offer: writes the original entry back — only if the record and the cell
 * are still exactly as they were when offered — then removes the record. Returns whether it wrote.
 */
export async function applyPending(gateway: WorkbookGateway, offer: Extract<PendingCheck, { kind: 'offer' }>): Promise<boolean> {
  const recordKey = offer.key ?? PENDING_RESTORE_KEY;
  const text = await gateway.loadSetting(recordKey);
  let current: CellInput;
  try {
    current = await gateway.readInput(offer.address);
  } catch {
    current = null;
  }
  const unchanged = text === offer.record && sameInput(current, offer.current);
  if (unchanged) {
    await gateway.writeInput(offer.address, offer.original);
    await gateway.recalculate();
  }
  await gateway.saveSetting(recordKey, null);
  return unchanged;
}

/** The user declined an offer: the record is removed, no cell is touched. */
export async function discardPending(gateway: WorkbookGateway, recordKey: string = PENDING_RESTORE_KEY): Promise<void> {
  await gateway.saveSetting(recordKey, null);
}

/** {@link checkPending} over every record key: the first record found (each is checked at most once). */
export async function checkAllPending(gateway: WorkbookGateway, keys: RestoreKeyStore = browserKeyStore()): Promise<PendingCheck | undefined> {
  for (const k of PENDING_RESTORE_KEYS) {
    const found = await checkPending(gateway, keys, k);
    if (found) return found;
  }
  return undefined;
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
  /** Where the restore record's signing secret lives (default: browserKeyStore()). */
  readonly keys?: RestoreKeyStore;
  /** The setting the restore record is kept under (default PENDING_RESTORE_KEY). */
  readonly recordKey?: string;
  /** Awaited at each value once it is written and recalculated, before the result is read (a two-way table's inner sweep). */
  readonly atEachValue?: (x: number, index: number) => Promise<void>;
}

/**
 * Runs the sweep. The input is restored whatever happens: after the last point, after a failing
 * step (the error is rethrown), and after a cancel (SweepCancelled is thrown).
 */
export async function runSensitivity(gateway: WorkbookGateway, setup: SensitivitySetup, options: RunOptions = {}): Promise<SensitivityPoint[]> {
  const input = options.sheet ? qualify(setup.input, options.sheet) : setup.input;
  const output = options.sheet ? qualify(setup.output, options.sheet) : setup.output;
  const original = await gateway.readInput(input);
  const values = sweepValues(setup.from, setup.to, setup.steps);
  const unsigned: Unsigned = { version: 2, workbookId: (await workbookId(gateway, true))!, address: input, original, values, startedAt: new Date().toISOString() };
  const key = signingKey(options.keys ?? browserKeyStore(), true)!;
  // Without Web Crypto the record cannot be signed; it is still written (so the pane can say a run
  // was interrupted) but will never be applied.
  const signature = (await hmac(key, signedText(unsigned))) ?? '0'.repeat(64);
  const recordKey = options.recordKey ?? PENDING_RESTORE_KEY;
  await gateway.saveSetting(recordKey, JSON.stringify({ ...unsigned, signature }));
  const points: SensitivityPoint[] = [];
  try {
    for (let i = 0; i < values.length; i++) {
      if (options.signal?.aborted) throw new SweepCancelled();
      await gateway.writeInput(input, values[i]);
      await gateway.recalculate();
      await options.atEachValue?.(values[i], i);
      const [[v]] = await gateway.readRange(output);
      const point = { x: values[i], ...numberOf(v) };
      points.push(point);
      options.onPoint?.(point, i, values.length);
    }
    return points;
  } finally {
    await gateway.writeInput(input, original);
    await gateway.recalculate();
    await gateway.saveSetting(recordKey, null);
  }
}

/** The sweep as a worksheet: the table (values, not formulas: it records a run) and a line chart. */
export function sensitivitySheet(setup: SensitivitySetup, points: readonly SensitivityPoint[], labels: { title: string; input: string; output: string; sheet: string; chart: string }) {
  const cells = [
    { address: 'A1', input: labels.title, bold: true },
    { address: 'A2', input: `${labels.input}: ${setup.input}` },
    { address: 'A3', input: `${labels.output}: ${setup.output}` },
    // Both headers on one row (issue 15: they sat on A4 and B5), the values under them.
    { address: 'A5', input: labels.input, bold: true, fill: '#D9E1F2' },
    { address: 'B5', input: labels.output, bold: true, fill: '#D9E1F2' },
    ...points.flatMap((p, i) => [
      { address: `A${6 + i}`, input: p.x, numberFormat: '#,##0.####' },
      // A failed point holds its error value (a gap in a chart), not the error's text.
      { address: `B${6 + i}`, input: p.y === null ? (p.error ? { formula: `=${p.error}` } : null) : p.y, numberFormat: '#,##0.00' },
    ]),
  ];
  return {
    name: labels.sheet,
    cells,
    columnWidths: { A: 22, B: 22 },
    // The values only, no header row (which a chart would draw as a point at 0); column A is the
    // categories (the Excel gateway sets them as the series' x values).
    charts: [{ kind: 'line' as const, title: labels.chart, dataAddress: `A6:B${5 + points.length}`, anchor: 'D5' }],
  };
}
