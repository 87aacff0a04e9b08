/**
 * The bad-input catalogue (cases.ts) through the real command: ONE CSV file holding every case
 * (arguments in cells, errors passed in from =1/0, =NA(), =SQRT(-1), a 1,000,000-value column
 * from =SEQUENCE(1000000)), evaluated by
 * `node bin/cyberbi.js calc FILE --format json` once per message language (--lang en, --lang zh;
 * the two runs side by side). Each formula cell shows the engine's value, or the engine's error
 * code with its message; an error passed in is the very error of the cell it came from.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATALOGUE } from '../../src/engine';
import { cellAddress } from '../../src/sheet/formula';
import { ensureLibBuilt } from '../support/lib';
import { CASES, runsOn } from './cases';
import { layOut, type Layout, type Placed, toCsv } from './layout';
import { allFinite, argumentInMessage, expectedShown, type Lang } from './outcome';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'cyberbi.js');

interface JsonCell {
  readonly cell: string;
  readonly type: 'number' | 'boolean' | 'text' | 'error';
  readonly value: number | boolean | string;
  readonly message?: string;
}

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const CLI_CASES = CASES.filter((c) => runsOn(c, 'cli'));
const RUNS: ReadonlyArray<{ lang: Lang; layout: Layout }> = [
  // The 1,000,000-cell column as =SEQUENCE(1000000): a real million-row range costs HyperFormula
  // ~4 s and is read the same way in sheet.test.ts (src/sheet/workbook.ts is the CLI's evaluator).
  { lang: 'en', layout: layOut(CLI_CASES, 'sequence') },
  { lang: 'zh', layout: layOut(CLI_CASES.filter((c) => !c.heavy), 'sequence') },
];
const cellsByLang = new Map<Lang, Map<string, JsonCell>>();
let tmp: string;

beforeAll(async () => {
  ensureLibBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-badinput-'));
  await Promise.all(
    RUNS.map(async ({ lang, layout }) => {
      const file = path.join(tmp, `badinput-${lang}.csv`);
      fs.writeFileSync(file, toCsv(layout));
      const r = await run(['calc', file, '--format', 'json', '--lang', lang]);
      if (r.status !== 0 || r.stderr !== '') throw new Error(`cyberbi exited ${r.status}: ${r.stderr}`);
      const cells = (JSON.parse(r.stdout) as { cells: JsonCell[] }).cells;
      cellsByLang.set(lang, new Map(cells.map((c) => [c.cell, c])));
    }),
  );
}, 240000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A cell of the JSON output as a value or an error (a blank cell is absent: null). */
function at(cells: Map<string, JsonCell>, row: number, col: number): unknown {
  const c = cells.get(cellAddress(row + 1, col + 1));
  if (!c) return null;
  return c.type === 'error' ? { error: c.value, message: c.message } : c.value;
}

function shown(cells: Map<string, JsonCell>, p: Placed, like: unknown): unknown {
  const v = at(cells, p.row, p.col);
  if (typeof v === 'object' && v !== null) return v;
  if (!Array.isArray(like)) return { value: v };
  // Empty text from a formula is a text cell "" in the JSON; a spilled "" is listed the same way.
  return { value: (like as unknown[][]).map((line, i) => line.map((_x, j) => at(cells, p.row + i, p.col + j))) };
}

describe.each(RUNS.map((r) => [r.lang, r.layout] as const))('cyberbi calc --format json --lang %s', (lang, layout) => {
  it.each(CATALOGUE.map((f) => f.name))('CYBER.%s: every case shows the engine’s outcome', (fn) => {
    const cells = cellsByLang.get(lang)!;
    const mine = layout.placed.filter((p) => p.c.fn === fn);
    expect(mine.length).toBeGreaterThanOrEqual(8);
    const got = mine.map((p) => {
      const e = expectedShown(p.c, lang);
      return { id: p.c.id, shown: shown(cells, p, e.kind === 'value' ? e.value : undefined) };
    });
    const want = mine.map((p) => {
      const e = expectedShown(p.c, lang);
      if (e.kind === 'value') return { id: p.c.id, shown: { value: e.value } };
      if (e.kind === 'error') return { id: p.c.id, shown: { error: e.code, message: e.message } };
      // Unchanged: the very error of the cell it came from.
      const src = at(cells, p.source!.row, p.source!.col) as { error?: string };
      return { id: p.c.id, shown: src?.error === e.code ? src : { error: e.code, fromCell: src } };
    });
    expect(got).toEqual(want);
    for (const p of mine) {
      const v = shown(cells, p, undefined) as { value?: unknown; message?: string };
      expect([p.c.id, allFinite(v.value)]).toEqual([p.c.id, true]);
      const e = p.c.expect;
      if (e.kind === 'error' && e.argument !== undefined) {
        expect([p.c.id, v.message?.includes(argumentInMessage(fn, e.argument, lang))]).toEqual([p.c.id, true]);
      }
    }
  });
});
