/**
 * The example workbooks (examples/) through the real `cyberbi` command (node bin/cyberbi.js, on
 * the compiled lib/):
 *
 * - every example, .csv and .xlsx, prints exactly its golden output (examples/expected/);
 * - the figures hand-checked in examples/README.md, asserted one by one, and the hourly sheet's
 *   payouts recomputed here from its printed hourly values;
 * - the array results of CYBER.ALLOCATE, CYBER.POOLSHARE and CYBER.RECOVERY spill identically
 *   from a CSV, from an .xlsx whose formulas are stored plainly (as openpyxl or ExcelJS write
 *   them, no array flag) and from an .xlsx that stores them as Excel 365 stores a spill (an array
 *   formula over the spill range, cm="1" pointing at dynamic-array metadata, cached values in the
 *   range), also over named ranges and ranges on other sheets;
 * - `--format json` messages of the new functions on a deliberately bad sheet.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseCsv } from '../src/cli/read-csv';
import { ensureLibBuilt } from './support/lib';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'cyberbi.js');
const examples = path.join(root, 'examples');
const NEW_EXAMPLES = ['samsung-limits-and-claims', 'samsung-hourly-bi-reputational', 'lmcit-member'];


let tmp: string;
beforeAll(() => {
  ensureLibBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-examples-'));
}, 180000);
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cyberbi(...args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonCell {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly type: 'number' | 'boolean' | 'text' | 'error';
  readonly value: number | boolean | string;
  readonly message?: string;
  readonly formula?: string;
}

/** The evaluated sheet (--format json) with lookups by address and by label. */
class Evaluated {
  private readonly byAddress = new Map<string, JsonCell>();
  constructor(readonly cells: readonly JsonCell[]) {
    for (const c of cells) this.byAddress.set(c.cell, c);
  }

  static of(file: string, ...options: string[]): Evaluated {
    const r = cyberbi('calc', file, '--format', 'json', ...options);
    if (r.status !== 0) throw new Error(`cyberbi failed on ${file}: ${r.stderr}`);
    return new Evaluated((JSON.parse(r.stdout) as { cells: JsonCell[] }).cells);
  }

  at(address: string): JsonCell['value'] | undefined {
    return this.byAddress.get(address)?.value;
  }

  value(row: number, col: number): JsonCell['value'] | undefined {
    return this.cells.find((c) => c.row === row && c.col === col)?.value;
  }

  /** Rows whose cells satisfy `test` (given the row's values by column, 1-based). */
  rows(test: (v: (col: number) => JsonCell['value'] | undefined) => boolean): number[] {
    const rows = [...new Set(this.cells.map((c) => c.row))];
    return rows.filter((row) => test((col) => this.value(row, col)));
  }

  /** Column C of the one row whose label (column A) is `label`, or starts with it. */
  item(label: string): JsonCell['value'] | undefined {
    const labelled = this.cells.filter((c) => c.col === 1 && typeof c.value === 'string');
    let found = labelled.filter((c) => c.value === label);
    if (found.length === 0) found = labelled.filter((c) => (c.value as string).startsWith(label));
    if (found.length !== 1) throw new Error(`${found.length} rows are labelled "${label}"`);
    return this.value(found[0].row, 3);
  }

  formulas(): string[] {
    return this.cells.filter((c) => c.formula).map((c) => c.formula as string);
  }
}

function goldenOf(name: string): string {
  return fs.readFileSync(path.join(examples, 'expected', `${name}.csv`), 'utf8');
}

// ---- every example prints its golden output -----------------------------------------------------

describe('every example workbook prints its golden output', () => {
  const names = [...new Set(fs.readdirSync(examples).filter((f) => /\.(csv|xlsx)$/.test(f)).map((f) => f.replace(/\.(csv|xlsx)$/, '')))].sort();

  it('covers the CPIC example and the three new ones, each as .csv and .xlsx, each with a golden file', () => {
    expect(names).toEqual(['cpic-network-interruption', 'lmcit-member', 'samsung-annual-loss', 'samsung-hourly-bi-reputational', 'samsung-limits-and-claims']);
    for (const name of names) {
      expect(fs.existsSync(path.join(examples, `${name}.csv`))).toBe(true);
      expect(fs.existsSync(path.join(examples, `${name}.xlsx`))).toBe(true);
      expect(fs.existsSync(path.join(examples, 'expected', `${name}.csv`))).toBe(true);
    }
  });

  it.each(names.flatMap((name) => [`${name}.csv`, `${name}.xlsx`]))('%s', (file) => {
    const r = cyberbi('calc', path.join('examples', file));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(goldenOf(file.replace(/\.(csv|xlsx)$/, '')));
  });
});

// ---- the hand-checked figures (examples/README.md) ---------------------------------------------

describe('samsung-limits-and-claims: the hand-checked figures', () => {
  let s: Evaluated;
  beforeAll(() => {
    s = Evaluated.of('examples/samsung-limits-and-claims.csv');
  });

  it('CYBER.ALLOCATE spills one payable amount beside each claim, "payable" beside the header', () => {
    const claimRows = s.rows((v) => /^E\d$/.test(String(v(1))) && typeof v(2) === 'string' && typeof v(3) === 'number');
    expect(claimRows).toHaveLength(15);
    const header = claimRows[0] - 1;
    expect(s.value(header, 1)).toBe('Event 事件');
    expect(s.value(header, 4)).toBe('payable');
    expect(claimRows.map((row) => [s.value(row, 1), s.value(row, 2), s.value(row, 4)])).toEqual([
      ['E1', 'IR', 80000], // the event's largest deductible, 100,000 (BI), taken from its first row
      ['E1', 'BI', 1200000],
      ['E1', 'EXT', 400000],
      ['E2', 'PRIV', 1850000],
      ['E2', 'REG', 350000],
      ['E3', 'CBI', 300000], // what is left of the BI aggregate
      ['E3', 'IR', 60000],
      ['E2', 'PCI', 250000], // the PCI sublimit, inside REG
      ['E2', 'IR', 50000], // the policy per-claim limit, 2,500,000, reached
      ['E4', 'RWD', 100000], // no deductible; its 100,000 sublimit
      ['E4', 'EXT', 100000],
      ['E5', 'SE', 155000],
      ['E5', 'SEP', 50000], // the personal-funds sublimit
      ['E6', 'SEC', 2000000], // the cover's per-claim limit
      ['E6', 'REG', 300000],
    ]);
    // Only the formula's cell holds a formula; the others are filled by its spill.
    expect(s.cells.find((c) => c.row === header && c.col === 4)?.formula).toMatch(/^=CYBER\.ALLOCATE\(A\d+:C\d+,A\d+:F\d+,C\d+,C\d+\)$/); // 6 columns: the nesting (catalogue v2)
    expect(s.cells.filter((c) => c.col === 4 && claimRows.includes(c.row) && c.formula)).toEqual([]);
  });

  it('CYBER.REMAINING per cover: the least of its own, its ancestors’ and the policy’s aggregate left', () => {
    // Columns: id, parent, per claim, aggregate, deductible, nesting, English, 中文, what is left.
    const coverRows = s.rows((v) => typeof v(1) === 'string' && /^[A-Z]+$/.test(v(1) as string) && typeof v(7) === 'string' && v(9) !== undefined);
    expect(Object.fromEntries(coverRows.map((row) => [s.value(row, 1), s.value(row, 9)]))).toEqual({
      SEC: 0,
      PRIV: 150000,
      REG: 100000,
      PCI: 0,
      IR: 255000, // own 310,000, but the policy aggregate has 255,000 left
      BI: 0,
      CBI: 0, // own 200,000, but BI is used up
      EXT: 200000,
      RWD: 0,
      SE: 45000,
      SEP: 0,
    });
  });

  it('totals and per-event figures', () => {
    expect(s.item('Claimed (loss + defence costs)')).toBe(8750000);
    expect(s.item('Payable')).toBe(7245000);
    expect(s.item('Not paid')).toBe(1505000);
    expect(s.item('Policy aggregate left')).toBe(255000);
    const events = s.rows((v) => /^E\d$/.test(String(v(1))) && typeof v(2) === 'number');
    expect(events.map((row) => [s.value(row, 1), s.value(row, 2), s.value(row, 3), s.value(row, 4)])).toEqual([
      ['E1', 1780000, 1680000, 100000],
      ['E2', 2790000, 2500000, 290000],
      ['E3', 760000, 360000, 400000],
      ['E4', 270000, 200000, 70000],
      ['E5', 250000, 205000, 45000],
      ['E6', 2900000, 2300000, 600000],
    ]);
  });

  it('hammer clause, recovery, other insurance', () => {
    expect(s.item('Insurer pays at most')).toBe(1846000); // 900,000 + 120,000 + 0.7 × 1,180,000
    expect(s.item('Borne by the insured')).toBe(354000);
    const [row] = s.rows((v) => v(1) === 'Net recovery, top down');
    expect([3, 4, 5, 6].map((col) => s.value(row, col))).toEqual([300000, 300000, 100000, 20000]);
    expect(s.cells.filter((c) => c.row === row && c.formula).map((c) => c.cell)).toEqual([`C${row}`]);
    expect(s.item('This policy as excess insurance')).toBe(80000);
    expect(s.item('This policy’s share pro rata by limits')).toBe(900000 / 7); // 180,000 × 250,000 ÷ 350,000
  });

  it('dates, notices, return premium, acquisitions', () => {
    expect(s.item('E2 is a claim made in the period')).toBe(true);
    expect(s.item('Covered? (act before the retroactive date)')).toBe(false);
    expect(s.item('Last day to notify a claim')).toBe(46112); // 2025-12-31 + 90 = 2026-03-31
    expect(s.item('Last day to notify E1')).toBe(45816); // 2025-03-10 + 90 = 2025-06-08
    expect(s.item('Last day to notify E4')).toBe(45964); // 2025-08-05 + 90 = 2025-11-03
    expect(s.item('Last day for E1’s proof of loss')).toBe(45910); // EDATE(2025-03-10, 6) = 2025-09-10
    expect(s.item('Return premium')).toBe(36800); // 146,000 × 92 ÷ 365
    const subsidiaries = s.rows((v) => /^Subsidiary [ABC]/.test(String(v(1))));
    expect(subsidiaries.map((row) => s.value(row, 5))).toEqual(['automatic', 'conditional', 'not covered']);
  });

  it('is live formulas over the section 5 and 7 functions', () => {
    const formulas = s.formulas();
    for (const fn of ['ALLOCATE', 'REMAINING', 'HAMMER', 'RECOVERY', 'OTHERINSURANCE', 'CLAIMSMADE', 'NOTICEBY', 'RETURNPREMIUM', 'ACQUISITION']) {
      expect(formulas.some((f) => f.includes(`CYBER.${fn}(`))).toBe(true);
    }
    expect(formulas.filter((f) => f.includes('CYBER.REMAINING('))).toHaveLength(11);
  });
});

describe('samsung-hourly-bi-reputational: the hand-checked figures', () => {
  let s: Evaluated;
  beforeAll(() => {
    s = Evaluated.of('examples/samsung-hourly-bi-reputational.csv');
  });

  /** The hourly losses printed in a series' loss column (the column right of "Day 天" at `hourCol` + 3). */
  function series(hourCol: number): number[] {
    const rows = s.rows((v) => typeof v(hourCol) === 'number' && typeof v(hourCol + 3) === 'number').filter((row) => row > 4);
    rows.forEach((row, h) => expect(s.value(row, hourCol)).toBe(h));
    return rows.map((row) => s.value(row, hourCol + 3) as number);
  }

  it('the business-interruption figures, recomputed here from the printed hourly losses', () => {
    const losses = series(12);
    expect(losses).toHaveLength(240);
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(sum(losses)).toBe(13850000); // 2,770,000 a day × (100+100+90+70+50+35+25+15+10+5)%
    expect(sum(losses.slice(0, 8))).toBe(500000); // 02:00–09:00 of day 1
    expect(s.item('Losses of all hours recorded')).toBe(13850000);
    expect(s.item('Losses of the first 8 hours (SUM)')).toBe(500000);
    expect(s.item('Waiting-period deductible')).toBe(500000);
    expect(s.item('Deductible applied')).toBe(500000); // larger than the 250,000 deductible
    expect(s.item('Business-interruption payout')).toBe(Math.min(15000000, sum(losses) - 500000));
    expect(s.item('Business-interruption payout')).toBe(13350000);
    expect(s.item('Payout with that recovery period')).toBe(sum(losses.slice(0, 120)) - 500000);
    expect(s.item('Payout with that recovery period')).toBe(10857000);
    expect(s.item('Largest hourly loss')).toBe(200000);
    expect(s.item('Day totals add up to all hours')).toBe(true);
  });

  it('the reputational-harm figures, recomputed here in 24-hour blocks from the end of the waiting period', () => {
    const losses = series(17);
    expect(losses).toHaveLength(336);
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const capped = (from: number, to: number) => {
      let total = 0;
      for (let start = from; start < Math.min(to, losses.length); start += 24) total += Math.min(1000000, sum(losses.slice(start, Math.min(start + 24, to))));
      return total;
    };
    expect(sum(losses)).toBe(7451300); // 2,770,000 × 269%
    expect(s.item('Income lost in all hours recorded')).toBe(7451300);
    expect(s.item('Of which in the waiting period')).toBe(748000); // 1,870,000 (09:00–21:00) × 40%
    expect(s.item('After the waiting period, before the daily cap')).toBe(6703300);
    expect(s.item('After the waiting period, 24-hour blocks capped')).toBe(capped(12, Infinity));
    expect(s.item('After the waiting period, 24-hour blocks capped')).toBe(5918800);
    expect(s.item('The same by standard functions')).toBe(5918800);
    expect(s.item('Reputational-harm payout')).toBe(5000000);
    expect(s.item('Payout with that indemnity period')).toBe(capped(12, 12 + 168));
    expect(s.item('Payout with that indemnity period')).toBe(5164000);
    // Labelled as not payable: this sheet has no covers tree or policy aggregate (SAMSUNG 第二十四条).
    expect(s.item('Sum of the two payouts — NOT what is payable')).toBe(18350000);
    const blocks = s.rows((v) => typeof v(6) === 'number' && typeof v(9) === 'number' && typeof v(10) === 'number');
    expect(blocks.map((row) => s.value(row, 9))).toEqual([1388500, 1336500, 1059500, 782500, 599000, 460500, 322000, 239600, 184200, 128800, 92100, 64400, 36700, 9000]);
    expect(blocks.slice(0, 4).map((row) => s.value(row, 10))).toEqual([1000000, 1000000, 1000000, 782500]);
  });

  it('every hourly value is a formula', () => {
    const formulas = s.formulas();
    expect(formulas.filter((f) => /^=INDEX\(\$?G/.test(f) || f.startsWith('=INDEX(G'))).toHaveLength(240 + 336);
    for (const fn of ['WAITINGDEDUCTIBLE', 'HOURLYBI', 'REPUTATIONAL']) expect(formulas.some((f) => f.includes(`CYBER.${fn}(`))).toBe(true);
  });
});

describe('lmcit-member: the hand-checked figures', () => {
  let s: Evaluated;
  beforeAll(() => {
    s = Evaluated.of('examples/lmcit-member.csv');
  });

  it('first-party aggregate from the loss-control answers, and the breach costs', () => {
    const [row] = s.rows((v) => String(v(1)).startsWith('First-party aggregate per member'));
    expect([s.value(row, 3), s.value(row, 4)]).toEqual([500000, 250000]);
    expect(s.item('First-party costs')).toBe(375000);
    expect(s.item('Within the member’s aggregate')).toBe(375000);
  });

  it('the shared pool: 10,240,000 claimed for one cause, 10,000,000 shared pro rata', () => {
    const members = s.rows((v) => /^(City of North Meadow|Member city \d\d) /.test(String(v(1))));
    expect(members).toHaveLength(23);
    const claims = members.map((row) => s.value(row, 4) as number);
    expect(claims.reduce((a, b) => a + b, 0)).toBe(10240000);
    // 10,000,000 ÷ 10,240,000 = 0.9765625 and 6,000,000 ÷ 10,240,000 = 0.5859375: both exact.
    expect(members.map((row) => s.value(row, 5))).toEqual(claims.map((c) => c * 0.9765625));
    expect(members.map((row) => s.value(row, 6))).toEqual(claims.map((c) => c * 0.5859375));
    expect(s.value(members[0], 5)).toBe(366210.9375);
    expect(s.item('Members’ claims')).toBe(10240000);
    expect(s.item('Available for this cause')).toBe(10000000);
    expect(s.item('Pro-rata factor')).toBe(0.9765625);
    expect(s.item('Paid from the pool')).toBe(10000000);
    expect(s.item('North Meadow’s recovery for the breach')).toBe(366210.9375);
    expect(s.cells.some((c) => typeof c.value === 'string' && c.value.includes('this product’s stated assumption'))).toBe(true);
  });

  it('liability: the breach aggregate with the PCI/regulatory sublimit inside it, $2M per occurrence', () => {
    const claims = s.rows((v) => /^O\d$/.test(String(v(1))));
    expect(claims.map((row) => [s.value(row, 1), s.value(row, 2), s.value(row, 4)])).toEqual([
      ['O1', 'BREACH', 450000],
      ['O2', 'BREACH', 1500000],
      ['O2', 'PCIREG', 180000],
      ['O2', 'PCIREG', 70000], // the 250,000 sublimit
      ['O3', 'BREACH', 800000], // the 3,000,000 breach aggregate
      ['O3', 'PCIREG', 0],
      ['O4', 'OTHER', 350000], // the breach aggregate does not apply
      ['O5', 'OTHER', 2000000], // 2,000,000 per occurrence
    ]);
    const covers = s.rows((v) => ['LIAB', 'BREACH', 'PCIREG', 'OTHER'].includes(String(v(1))) && typeof v(6) === 'string');
    expect(covers.map((row) => s.value(row, 8))).toEqual(['unlimited', 0, 0, 'unlimited']);
    expect(s.item('Claimed')).toBe(6150000);
    expect(s.item('Payable')).toBe(5350000);
    expect(s.item('Of which under the data-security breach aggregate')).toBe(3000000);
  });

  it('crime: special limit, legal expenses, loss sustained, prior limit', () => {
    // Catalogue v2, ISO: the deductible comes off the whole loss and "$5,000 is the most paid … for loss
    // of" special property: min(50,000 − 1,000, 27,000 + min(23,000, 5,000)) = 32,000 (v1: 31,000).
    expect(s.item('Burglary payout')).toBe(32000);
    expect(s.item('Forgery payout')).toBe(262000); // min(250,000, 279,000) + 12,000
    expect(s.item('Covered as a loss sustained')).toBe(true);
    expect(s.item('The same if the policy had been replaced')).toBe(false);
    expect(s.item('Covered by the prior policy?')).toBe(false);
    expect(s.item('Covered by this policy as its own loss?')).toBe(false);
    expect(s.item('Limit for it: continuous cover with LMCIT')).toBe(250000);
    expect(s.item('Limit for it: this policy replaced another insurer’s')).toBe(100000);
  });
});

// ---- the shipped .xlsx files ------------------------------------------------------------------

/** Array formulas of a worksheet: address → ref. */
function arrayFormulasOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { shareType?: string; ref?: string } | null;
      if (cell.type === ExcelJS.ValueType.Formula && v?.shareType === 'array' && v.ref) out.set(cell.address, v.ref);
    }),
  );
  return out;
}

const SPILLING = /^=CYBER\.(ALLOCATE|POOLSHARE|RECOVERY)\(/;

/** The cells of the CSV example that hold a spilling formula: address → formula. */
function spillingFormulasOf(name: string): Map<string, string> {
  const cells = parseCsv(fs.readFileSync(path.join(examples, `${name}.csv`), 'utf8'));
  const out = new Map<string, string>();
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && SPILLING.test(v)) out.set(`${columnLetters(c + 1)}${r + 1}`, v);
    }),
  );
  return out;
}

function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function rangeSize(ref: string): { rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { rows: Number(m[4]) - Number(m[2]) + 1, cols: col(m[3]) - col(m[1]) + 1 };
}

/** The size the catalogue promises for a spilling formula, from its first range argument. */
function promisedSize(formula: string): { rows: number; cols: number } {
  if (formula.startsWith('=CYBER.RECOVERY(')) return { rows: 1, cols: 4 };
  const m = /\(([A-Z]+\d+:[A-Z]+\d+)/.exec(formula);
  if (!m) throw new Error(`no range in ${formula}`);
  const first = rangeSize(m[1]);
  return formula.startsWith('=CYBER.ALLOCATE(') ? { rows: first.rows, cols: 1 } : { rows: first.rows * first.cols, cols: 1 };
}

/** A golden CSV's fields as the values Excel would cache (numbers, booleans, text). */
function goldenValues(name: string): string[][] {
  return parse(goldenOf(name), { relax_column_count: true }) as string[][];
}

function cachedOf(field: string | undefined): ExcelJS.CellValue | undefined {
  if (field === undefined || field === '') return undefined;
  if (field === 'TRUE' || field === 'FALSE') return field === 'TRUE';
  if (/^#/.test(field)) return { error: field } as ExcelJS.CellErrorValue;
  const n = Number(field);
  return Number.isFinite(n) && /^-?[\d.]+(e[-+]?\d+)?$/i.test(field) ? n : field;
}

/**
 * The cached results of a worksheet's formula cells as stored in the file (what Excel shows
 * before it recalculates), read from the XML: ExcelJS reads a cached 0 back as no result.
 */
async function cachedResultsOf(file: string): Promise<Map<string, ExcelJS.CellValue>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const out = new Map<string, ExcelJS.CellValue>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
    const [, address, attributes, v] = m;
    const type = /\bt="([a-z]+)"/.exec(attributes)?.[1];
    if (v === undefined) continue;
    const text = v.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    out.set(address, type === 'str' ? text : type === 'b' ? text === '1' : type === 'e' ? ({ error: text } as ExcelJS.CellErrorValue) : Number(text));
  }
  return out;
}

describe('samsung-annual-loss: what the simulated figures must satisfy whatever the draws', () => {
  let s: Evaluated;
  const RETURN_PERIODS = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  /** The statistics block under a section title: label (column A) → value (column B). */
  const stats = (section: RegExp) => {
    const [title] = s.rows((v) => section.test(String(v(1))));
    const out = new Map<string, number>();
    for (let row = title + 2; row < title + 16; row++) out.set(String(s.value(row, 1)), s.value(row, 2) as number);
    return { out, top: title + 2 };
  };
  beforeAll(() => {
    s = Evaluated.of('examples/samsung-annual-loss.csv');
  });

  it('the whole policy: 14 statistics, AEP and OEP at the market return periods, within the policy’s limits', () => {
    const { out, top } = stats(/^4\. The whole policy/);
    expect([...out.keys()]).toEqual([
      'Mean annual paid (AAL)',
      'Standard deviation',
      'Standard error of the mean',
      'Probability a year pays anything',
      'VaR 90%',
      'VaR 95%',
      'VaR 99%',
      'VaR 99.5%',
      'VaR 99.6%',
      'TVaR 99%',
      'TVaR 99.5%',
      'Largest annual paid',
      'Mean number of events per year',
      'Mean annual loss before terms (ground up)',
    ]);
    const v = (label: string) => out.get(label)!;
    // 10,000 years: sd / √10,000 (catalogue §11).
    expect(v('Standard error of the mean')).toBeCloseTo(v('Standard deviation') / 100, 9);
    // poisson(1.5): the mean count within 4 standard errors (√(1.5 / 10,000)) of 1.5; a paying year
    // needs at least one event, 1 − e^−1.5 = 0.7769.
    expect(Math.abs(v('Mean number of events per year') - 1.5)).toBeLessThan(4 * Math.sqrt(1.5 / 10000));
    expect(v('Probability a year pays anything')).toBeLessThanOrEqual(1 - Math.exp(-1.5));
    // Terms never pay more than the loss; the policy aggregate caps every year (SAMSUNG 第二十四条).
    expect(v('Mean annual paid (AAL)')).toBeLessThan(v('Mean annual loss before terms (ground up)'));
    expect(v('Largest annual paid')).toBeLessThanOrEqual(7500000);
    expect(v('VaR 99%')).toBeLessThanOrEqual(v('TVaR 99%'));
    expect(v('VaR 99.5%')).toBeLessThanOrEqual(v('TVaR 99.5%'));
    RETURN_PERIODS.forEach((T, k) => {
      expect(s.value(top + k, 4)).toBe(T);
      expect(s.value(top + k, 7)).toBe(T);
      // The largest event of a year never pays more than the year, nor than the policy
      // per-claim limit of 2,500,000 (SAMSUNG 第二十四条).
      expect(s.value(top + k, 8) as number).toBeLessThanOrEqual(s.value(top + k, 5) as number);
      expect(s.value(top + k, 8) as number).toBeLessThanOrEqual(2500000);
    });
    // The AEP at T = 100 is the VaR 99% (catalogue §11: the amount at T is VaR at 1 − 1/T).
    expect(s.value(top + 6, 5)).toBe(v('VaR 99%'));
  });

  it('business interruption with its contingent sub-limit: within the BI aggregate of 1,500,000, part of the policy’s', () => {
    const bi = stats(/^5\. Business interruption/);
    const all = stats(/^4\. The whole policy/);
    // CBI is part of BI's aggregate (nesting "aggregate", SAMSUNG 第二十六条 (三)): BI and CBI together
    // never pay more than 1,500,000 a year.
    expect(bi.out.get('Largest annual paid')).toBeLessThanOrEqual(1500000);
    expect(bi.out.get('Mean annual paid (AAL)')!).toBeLessThan(all.out.get('Mean annual paid (AAL)')!);
    // The same events: the count of events per year is the policy's.
    expect(bi.out.get('Mean number of events per year')).toBe(all.out.get('Mean number of events per year'));
  });
});

describe('the shipped .xlsx examples', () => {
  it.each([
    ['samsung-limits-and-claims', 2],
    ['samsung-hourly-bi-reputational', 0],
    ['lmcit-member', 3],
  ] as const)('%s stores its %i spilling formulas as array formulas of the promised size, and every cached result equals the golden output', async (name, count) => {
    const file = path.join(examples, `${name}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const arrays = arrayFormulasOf(ws);
    const spilling = spillingFormulasOf(name);
    expect([...arrays.keys()].sort()).toEqual([...spilling.keys()].sort());
    expect(arrays.size).toBe(count);
    for (const [address, ref] of arrays) {
      expect(ref.startsWith(`${address}:`)).toBe(true);
      expect(rangeSize(ref)).toEqual(promisedSize(spilling.get(address) as string));
    }
    const golden = goldenValues(name);
    const cached = await cachedResultsOf(file);
    let formulas = 0;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        formulas++;
        expect({ cell: cell.address, value: cached.get(cell.address) }).toEqual({ cell: cell.address, value: cachedOf(golden[r - 1]?.[c - 1]) });
      }),
    );
    expect(formulas).toBeGreaterThan(20);
  });
});

// ---- the same results from every form a spill can be stored in --------------------------------

/** Excel 365's dynamic-array metadata: cells with cm="1" hold a formula that spills. */
const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/**
 * Turns an ExcelJS-written workbook into what Excel 365 saves for spilled formulas: every array
 * formula's cell gets cm="1", and the workbook gets the dynamic-array metadata part. Returns how
 * many cells were marked.
 */
async function markAsDynamicArrays(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let marked = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace(/<c r="([A-Z]+\d+)"([^>]*)><f t="array"/g, (_m, address: string, rest: string) => {
        marked++;
        return `<c r="${address}"${rest} cm="1"><f t="array"`;
      }),
    );
  }
  zip.file('xl/metadata.xml', DYNAMIC_ARRAY_METADATA);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'));
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdCyberbiMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>'));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return marked;
}

type Form = 'plain' | 'excel365';

/**
 * An example's CSV cells written as an .xlsx: every formula stored plainly (`plain`), or the
 * spilling ones stored as Excel 365 stores a spill (`excel365`: an array formula over its range,
 * the range holding Excel's cached values, cm="1").
 */
async function xlsxFromExample(name: string, form: Form): Promise<string> {
  const cells = parseCsv(fs.readFileSync(path.join(examples, `${name}.csv`), 'utf8'));
  const golden = goldenValues(name);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Example');
  const covered = new Set<string>();
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || typeof v === 'object') return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof v === 'string' && v.startsWith('=')) {
        if (form === 'excel365' && SPILLING.test(v)) {
          const size = promisedSize(v);
          const ref = `${cell.address}:${columnLetters(c + size.cols)}${r + size.rows}`;
          cell.value = { formula: v.slice(1), shareType: 'array', ref, result: cachedOf(golden[r][c]) } as unknown as ExcelJS.CellValue;
          for (let i = 0; i < size.rows; i++) {
            for (let k = 0; k < size.cols; k++) {
              if (i === 0 && k === 0) continue;
              covered.add(`${r + i},${c + k}`);
              const cached = cachedOf(golden[r + i]?.[c + k]);
              if (cached !== undefined) ws.getCell(r + 1 + i, c + 1 + k).value = cached;
            }
          }
        } else {
          cell.value = { formula: v.slice(1) } as ExcelJS.CellValue;
        }
      } else if (!covered.has(`${r},${c}`)) {
        cell.value = v;
      }
    }),
  );
  const file = path.join(tmp, `${name}.${form}.xlsx`);
  await wb.xlsx.writeFile(file);
  if (form === 'excel365') expect(await markAsDynamicArrays(file)).toBe(spillingFormulasOf(name).size);
  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(file);
  expect(arrayFormulasOf(check.worksheets[0]).size).toBe(form === 'plain' ? 0 : spillingFormulasOf(name).size);
  return file;
}

describe('spilled arrays are the same from CSV, a plain xlsx formula and an Excel 365 spill', () => {
  it.each(NEW_EXAMPLES.flatMap((name) => (['plain', 'excel365'] as Form[]).map((form) => [name, form] as const)))('%s stored %s prints the golden output', async (name, form) => {
    const file = await xlsxFromExample(name, form);
    const r = cyberbi('calc', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(goldenOf(name));
  });

  describe('over direct, named and other-sheet ranges, a row of claims, and inline arrays', () => {
    const DATA: (string | number | null)[][] = [
      ['Event', 'Cover', 'Amount', null, 'Cover', 'Parent', 'Per event', 'Aggregate', 'Deductible'],
      ['E1', 'BI', 500, null, 'BI', null, 600, 1000, 100],
      ['E1', 'CBI', 300, null, 'CBI', 'BI', null, 400, 50],
      ['E2', 'BI', 450, null, null, null, null, null, null],
      [6000000, 9000000, 1000000, null, null, null, null, null, null],
    ];
    // The model sheet: formulas in row 1, each spilling down (or right) from there.
    const FORMULAS = {
      direct: '=CYBER.ALLOCATE(Data!A1:C4,Data!E1:I3)',
      named: '=CYBER.ALLOCATE(Claims,Covers)',
      pooledRow: '=CYBER.POOLSHARE(Data!A5:C5)',
      pooledNamed: '=CYBER.POOLSHARE(Members,10000000,8000000)',
      inline: '=CYBER.POOLSHARE({6000000;9000000})',
      recovery: '=CYBER.RECOVERY(130000,0,160000,25000,100000)',
    };
    const LAYOUT: Array<[keyof typeof FORMULAS, string, string]> = [
      ['direct', 'A1', 'A1:A4'],
      ['named', 'B1', 'B1:B4'],
      ['pooledRow', 'C1', 'C1:C3'],
      ['pooledNamed', 'D1', 'D1:D3'],
      ['inline', 'E1', 'E1:E2'],
      ['recovery', 'F1', 'F1:I1'],
    ];
    const EXPECTED = [
      // ALLOCATE: E1 pays 400 + 200 (BI per event 600; CBI bears no second deductible), E2 450 − 100,
      // capped by what is left of BI's aggregate (1,000 − 600 = 400) → 350.
      'payable,payable,3750000,3000000,4000000,35000,95000,0,0',
      '400,400,5625000,4500000,6000000,,,,',
      '200,200,625000,500000,,,,,',
      '350,350,,,,,,,',
      '',
    ].join('\n');

    async function workbook(form: Form): Promise<string> {
      const wb = new ExcelJS.Workbook();
      const model = wb.addWorksheet('Model');
      const data = wb.addWorksheet('Data');
      DATA.forEach((row, r) => row.forEach((v, c) => v !== null && (data.getCell(r + 1, c + 1).value = v)));
      wb.definedNames.add('Data!$A$1:$C$4', 'Claims');
      wb.definedNames.add('Data!$E$1:$I$3', 'Covers');
      wb.definedNames.add('Data!$A$5:$C$5', 'Members');
      for (const [key, address, ref] of LAYOUT) {
        const formula = FORMULAS[key].slice(1);
        model.getCell(address).value = (form === 'plain' ? { formula } : { formula, shareType: 'array', ref, result: 0 }) as unknown as ExcelJS.CellValue;
      }
      const file = path.join(tmp, `forms.${form}.xlsx`);
      await wb.xlsx.writeFile(file);
      if (form === 'excel365') expect(await markAsDynamicArrays(file)).toBe(LAYOUT.length);
      return file;
    }

    it.each(['plain', 'excel365'] as Form[])('an xlsx stored %s', async (form) => {
      const r = cyberbi('calc', await workbook(form));
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(EXPECTED);
    });

    it('a CSV (no names or other sheets: the same ranges written out on one sheet)', () => {
      // The data sits in rows 11–15 of the one sheet; names become their ranges.
      const shift = (f: string) =>
        f
          .replace('Data!A1:C4', 'A11:C14')
          .replace('Data!E1:I3', 'E11:I13')
          .replace('Data!A5:C5', 'A15:C15')
          .replace('Claims', 'A11:C14')
          .replace('Covers', 'E11:I13')
          .replace('Members', 'A15:C15');
      const lines = [LAYOUT.map(([key]) => `"${shift(FORMULAS[key]).replace(/"/g, '""')}"`).join(',')];
      // F1's row spills into G1:I1, so the formulas take columns A–F with nothing after F.
      const csv = [...lines, ...Array.from({ length: 9 }, () => ''), ...DATA.map((row) => row.map((v) => (v === null ? '' : String(v))).join(','))].join('\n');
      const file = path.join(tmp, 'forms.csv');
      fs.writeFileSync(file, csv);
      const r = cyberbi('calc', file);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n').slice(0, 4).join('\n') + '\n').toBe(EXPECTED.split('\n').slice(0, 4).join('\n') + '\n');
    });
  });
});

// ---- error messages of the new functions (--format json) -------------------------------------

describe('--format json error messages on a bad sheet', () => {
  // Each formula has room for its whole array; a failed call shows its error in its own cell.
  const BAD = [
    // A covers table whose parents form a cycle (A → C → B → A), and claims against it.
    ['Cover', 'Parent', 'Per', 'Agg', 'Ded', '', 'Event', 'Cover', 'Amount', '"=CYBER.ALLOCATE(G1:I3,A1:E4)"'],
    ['A', 'C', '100', '', '', '', 'E1', 'A', '50'],
    ['B', 'A', '', '200', '10', '', 'E1', 'B', '70'],
    ['C', 'B'],
    // A covers table with a repeated id.
    ['Cover', 'Parent', 'Per', 'Agg', 'Ded', '', 'Event', 'Cover', 'Amount', '"=CYBER.ALLOCATE(G5:I6,A5:E7)"'],
    ['A', '', '100', '', '', '', 'E1', 'X', '50'],
    ['A', '', '', '200', '10'],
    ['"=CYBER.REMAINING(G1:I3,A1:E4,""A"")"', '"=CYBER.ALLOCATE(G6:I6,A9:E10)"', '"=CYBER.REMAINING(G9:I9,A9:E10,""Z"")"'],
    // A good covers table; a negative claim amount.
    ['Cover', 'Parent', 'Per', 'Agg', 'Ded', '', 'Event', 'Cover', 'Amount', '"=CYBER.ALLOCATE(G9:I10,A9:E10)"'],
    ['A', '', '100', '', '', '', 'E1', 'A', '-5'],
    ['1', 'two', '3'],
    ['"=CYBER.RECOVERY(100,0,50,10,45)"', '', '', '', '"=CYBER.POOLSHARE(A11:C11)"'],
    ['"=CYBER.HOURLYBI(A11:A11,1.5,0,100)"', '"=CYBER.LMCITLIMIT(A11:C11)"', '"=CYBER.NOTICEBY(""letter"",45700,46022)"', '"=CYBER.RETURNPREMIUM(100,45658,46022,46100)"'],
    ['"=CYBER.CRIMEPAYOUT(100,0,1000,200)"', '"=CYBER.OTHERINSURANCE(100,0,0,""contribution"")"'],
  ];
  let cells: Map<string, JsonCell>;
  beforeAll(() => {
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(file, BAD.map((row) => row.join(',')).join('\n'));
    const r = cyberbi('calc', file, '--format', 'json');
    expect(r.status).toBe(0);
    cells = new Map((JSON.parse(r.stdout) as { cells: JsonCell[] }).cells.map((c) => [c.cell, c]));
  });

  const error = (address: string) => {
    const c = cells.get(address);
    return { value: c?.value, message: c?.message };
  };

  // A failed array call is one error in its formula's cell, the rest of its area blank, as Excel
  // shows the add-in's single error value (nothing spills).
  const blank = { value: undefined, message: undefined };
  it('a cycle in the covers tree: #VALUE! naming covers, in the formula cell only', () => {
    const expected = { value: '#VALUE!', message: 'CYBER.ALLOCATE: covers has a cycle of parents through the cover "A"; a cover cannot be its own ancestor.' };
    expect([error('J1'), error('J2'), error('J3')]).toEqual([expected, blank, blank]);
    expect(cells.get('J1')?.formula).toBe('=CYBER.ALLOCATE(G1:I3,A1:E4)');
    expect(cells.get('J2')?.formula).toBeUndefined();
    expect(error('A8')).toEqual({ value: '#VALUE!', message: 'CYBER.REMAINING: covers has a cycle of parents through the cover "A"; a cover cannot be its own ancestor.' });
  });

  it('a repeated cover id, unknown covers, a negative amount', () => {
    expect(error('J5')).toEqual({ value: '#VALUE!', message: 'CYBER.ALLOCATE: covers row 3 repeats the cover id "A"; ids must be unique.' });
    expect(error('B8')).toEqual({ value: '#N/A', message: 'CYBER.ALLOCATE: claims row 1 claims under the cover "X", which is not in covers.' });
    expect(error('C8')).toEqual({ value: '#N/A', message: 'CYBER.REMAINING: cover "Z" is not a cover id of covers.' });
    expect(error('J9')).toEqual({ value: '#VALUE!', message: 'CYBER.ALLOCATE: claims row 2, column "amount" must be 0 or more, but it is -5.' });
  });

  it('series, recovery, hours, answers, options, dates, special limit, contribution', () => {
    const recovery = { value: '#VALUE!', message: 'CYBER.RECOVERY: insurer_paid (45) cannot exceed loss − deductible (40).' };
    expect(['A12', 'B12', 'C12', 'D12'].map(error)).toEqual([recovery, blank, blank, blank]);
    expect(error('E12')).toEqual({ value: '#VALUE!', message: 'CYBER.POOLSHARE: member_claims must hold only numbers or blanks, but item 2 is the text "two".' });
    expect(error('A13')).toEqual({ value: '#VALUE!', message: 'CYBER.HOURLYBI: waiting_hours must be a whole number, but it is 1.5.' });
    expect(error('B13')).toEqual({ value: '#VALUE!', message: 'CYBER.LMCITLIMIT: answers must hold exactly 5 values, but it has 3.' });
    expect(error('C13')).toEqual({ value: '#VALUE!', message: 'CYBER.NOTICEBY: kind must be one of "claim", "incident", "extortion", "proof", but it is the text "letter".' });
    expect(error('D13')).toEqual({ value: '#VALUE!', message: 'CYBER.RETURNPREMIUM: cancel_date (2026-03-19) is the first day no longer covered, so it must lie from policy_start (2025-01-01) to the day after policy_end (2026-01-01).' });
    expect(error('A14')).toEqual({ value: '#VALUE!', message: 'CYBER.CRIMEPAYOUT: special_loss (200) is part of the loss and cannot exceed it (100).' });
    expect(error('B14')).toEqual({ value: '#DIV/0!', message: 'CYBER.OTHERINSURANCE: own_limit: contribution by limits divides by own_limit + other_limit, which is 0.' });
  });

  it('gives the cycle message in Chinese with --lang zh', () => {
    const file = path.join(tmp, 'bad.csv');
    const r = cyberbi('calc', file, '--format', 'json', '--lang', 'zh');
    const j1 = (JSON.parse(r.stdout) as { cells: JsonCell[] }).cells.find((c) => c.cell === 'J1');
    expect(j1?.value).toBe('#VALUE!');
    expect(j1?.message).toBe('CYBER.ALLOCATE：参数 covers（保障项目） 中保障“A”的上级关系形成循环；保障不能是自己的上级。');
  });
});
