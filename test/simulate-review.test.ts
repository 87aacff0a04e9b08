/**
 * Review of CYBER.SIMULATE (issue 14) from the outside: every check goes through `cyberbi calc`
 * (src/cli/main.ts, the command the issue's author runs), on workbooks this project's own tests
 * do not use. Closed forms come from the catalogue's own section-10 cells (LAYERLOSS, OEPLOSS)
 * in the same sheet; the determinism rules are read off the year loss table (--year-table).
 * The reviewer's wider SciPy/NumPy run (10 frequency × severity cases, 20,000 years each) is in
 * the report; these are the cases worth keeping green.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli/main';
import { claimsOfYear, evaluate, prepareSimulation, simulateYear, yearLossTable } from '../src/engine';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-simreview-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Cell {
  cell: string;
  type: string;
  value: unknown;
  message?: string;
}

async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { status, stdout, stderr };
}

let fileNo = 0;
function write(lines: string[]): string {
  const file = path.join(tmp, `w${++fileNo}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Every non-blank cell of the evaluated sheet, by address. */
async function calc(lines: string[]): Promise<Map<string, Cell>> {
  const r = await cli('calc', write(lines), '--format', 'json');
  expect(r.status).toBe(0);
  const cells = (JSON.parse(r.stdout) as { cells: Cell[] }).cells;
  return new Map(cells.map((c) => [c.cell, c]));
}

/** The year loss table of the SIMULATE call in `cell`, as rows of fields (header first). */
async function yearTable(lines: string[], cell: string): Promise<string[][]> {
  const r = await cli('calc', write(lines), '--year-table', cell);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trimEnd().split('\n').map((l) => l.split(','));
}

const num = (cells: Map<string, Cell>, a: string): number => {
  const c = cells.get(a);
  if (!c || typeof c.value !== 'number') throw new Error(`${a} is not a number: ${JSON.stringify(c)}`);
  return c.value;
};

/** Type-7 quantile (NumPy's default), the reference the catalogue names. */
function type7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const RP = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

describe('output given by a cell reference (the shape fixed before the value is known)', () => {
  // The sheet hosts fix an array's size when the formula is entered; `output` in a cell is read
  // only later, so 14 rows (the most SIMULATE returns) are reserved. "aep" and "oep" then fill
  // 11 of them and leave the 3 below empty, as Excel's own spill would show 11 rows with
  // nothing under them — never a #VALUE! over the whole range.
  test('=SIMULATE(…, K1) with K1 "aep" equals =SIMULATE(…, "aep") and leaves 3 empty rows', async () => {
    const call = (out: string, cover = '') => q(`=CYBER.SIMULATE("poisson(2)",A1:C2,E1:I2,,,2000,7,${out}${cover})`);
    const cells = await calc([
      'cover,prob,sev,,id,parent,per,agg,ded,,aep',
      'A,1,"lognormal(10,1)",,A,,100000,,5000,,oep',
      `${call('K1')},,,${call('"aep"')},,,${call('K2', ',"A"')},,,${call('"oep"')},,,${call('Z1')}`,
    ]);
    for (let r = 3; r <= 13; r++) {
      for (const [ref, lit] of [['A', 'D'], ['G', 'J']]) {
        expect(cells.get(`${ref}${r}`)?.value).toBe(cells.get(`${lit}${r}`)?.value);
        expect(typeof cells.get(`${ref}${r}`)?.value).toBe('number');
      }
    }
    expect(cells.get('A3')?.value).toBe(2);
    expect(cells.get('A13')?.value).toBe(1000);
    for (let r = 14; r <= 16; r++) for (const c of ['A', 'B', 'G', 'H']) expect(cells.get(`${c}${r}`)).toBeUndefined();
    // A referenced blank output is the default "stats": all 14 rows.
    expect(cells.get('M3')?.value).toBe('Mean annual paid (AAL)');
    expect(cells.get('M16')?.value).toBe('Mean annual loss before terms (ground up)');
  });

  test('a referenced unknown output is one #VALUE! naming output, not a shape error', async () => {
    const cells = await calc([
      'cover,prob,sev,,id,parent,per,agg,ded,,pml',
      'A,1,"lognormal(10,1)",,A,,100000,,5000',
      q('=CYBER.SIMULATE("poisson(2)",A1:C2,E1:I2,,,100,7,K1)'),
    ]);
    expect(cells.get('A3')?.value).toBe('#VALUE!');
    expect(cells.get('A3')?.message).toMatch(/output/);
    expect(cells.get('A3')?.message).not.toMatch(/internal error/);
  });
});

describe('closed forms of section 10, one cover with a deductible and a per-event limit', () => {
  // AAL within 4 SE of E[N] × LAYERLOSS; P(year pays) = 1 − P_N(1 − S(d)) within 4 binomial σ;
  // OEP at T within the 4σ binomial band of the closed-form layer OEP (OEPLOSS − d, capped).
  const cases = [
    { freq: 'poisson(3)', sev: 'lomax(3,40000)', d: 5000, l: 100000, en: 3, pgf: (s: number) => Math.exp(3 * (s - 1)) },
    { freq: 'bernoulli(0.3)', sev: 'pert(1000,20000,200000)', d: 15000, l: 120000, en: 0.3, pgf: (s: number) => 0.7 + 0.3 * s },
    { freq: 'poisson(2.5)', sev: 'gamma(3,1000)', d: 500, l: 1e308, en: 2.5, pgf: (s: number) => Math.exp(2.5 * (s - 1)) },
  ];
  test.each(cases)('$freq × $sev, d=$d, l=$l', async ({ freq, sev, d, l, en, pgf }) => {
    const N = 20000;
    const lim = l >= 1e308 ? '' : String(l);
    const sim = (o: string) => q(`=CYBER.SIMULATE("${freq}",A1:C2,E1:I2,,,${N},11,"${o}")`);
    const lines = ['cover,prob,sev,,id,parent,per,agg,ded', `A,1,${q(sev)},,A,,${lim},,${d}`, sim('stats')];
    for (let i = 0; i < 13; i++) lines.push('');
    lines.push(sim('oep'));
    for (let i = 0; i < 10; i++) lines.push('');
    lines.push(q(`=CYBER.LAYERLOSS("${sev}",${d},${l})`), q(`=1-CYBER.CDF("${sev}",${d})`));
    for (const T of RP) lines.push(`${T},${q(`=CYBER.OEP("${freq}","${sev}",${d}+B17)`)}`.replace('B17', `B${17 + RP.indexOf(T)}`));
    const cells = await calc(lines);
    const aal = num(cells, 'B3');
    const se = num(cells, 'B5');
    const layer = num(cells, 'A28');
    expect(Math.abs(aal - en * layer)).toBeLessThanOrEqual(4 * se);
    const pays = 1 - pgf(1 - num(cells, 'A29'));
    expect(Math.abs(num(cells, 'B6') - pays)).toBeLessThanOrEqual(4 * Math.sqrt((pays * (1 - pays)) / N));
    RP.forEach((T, i) => {
      const simulated = num(cells, `B${17 + i}`);
      const p = 1 / T;
      const band = 4 * Math.sqrt((p * (1 - p)) / N);
      // P(largest event paid > the simulated OEP) from the closed form; 0 at the limit.
      const exceed = simulated >= l ? 0 : num(cells, `B${30 + i}`);
      expect(exceed).toBeLessThanOrEqual(p + band);
    });
  });
});

describe('determinism rules (section 11), read off the year loss table', () => {
  const events = [
    'cover,prob,sev,,id,parent,per,agg,ded,nesting',
    'A,0.9,"lognormal(10,1.5)",,P,,500000,1000000,0,',
    'B,0.5,"gamma(2,20000)",,A,P,200000,400000,10000,aggregate',
    'A,0.4,"lomax(3,30000)",,B,P,,150000,25000,',
  ];
  const sim = (years: number | string, seed: number | string, rest = '') =>
    q(`=CYBER.SIMULATE("poisson(1.7)",A1:C4,E1:J4,800000,300000,${years},${seed}${rest})`);

  test('the first n years of a run of 2n years are the run of n years', async () => {
    const n = await yearTable([...events, sim(1500, 42)], 'A5');
    const twice = await yearTable([...events, sim(3000, 42)], 'A5');
    expect(n.length).toBe(1501);
    expect(twice.slice(0, 1501)).toEqual(n);
  });

  test('rows of another cover id, before and after, leave the other covers’ years unchanged', async () => {
    const covers = ['P,,500000,1000000,0,', 'A,P,200000,400000,10000,aggregate', 'B,P,,150000,25000,', 'C,,,,0,'];
    const head = 'cover,prob,sev,,id,parent,per,agg,ded,nesting';
    const base = [head, `A,0.9,"lognormal(10,1.5)",,${covers[0]}`, `B,0.5,"gamma(2,20000)",,${covers[1]}`, `A,0.4,"lomax(3,30000)",,${covers[2]}`, `,,,,${covers[3]}`];
    const withC = [head, `C,0.7,"lognormal(9,1)",,${covers[0]}`, `A,0.9,"lognormal(10,1.5)",,${covers[1]}`, `B,0.5,"gamma(2,20000)",,${covers[2]}`, `A,0.4,"lomax(3,30000)",,${covers[3]}`, 'C,0.2,constant(777)'];
    const a = await yearTable([...base, q('=CYBER.SIMULATE("poisson(1.7)",A2:C4,E1:J5,,,2000,42)')], 'A6');
    const b = await yearTable([...withC, q('=CYBER.SIMULATE("poisson(1.7)",A2:C6,E1:J5,,,2000,42)')], 'A7');
    const pick = (t: string[][], names: string[]) => t.map((r) => [r[0], r[1], ...names.map((n) => r[t[0].indexOf(n)])]);
    expect(pick(b, ['paid P', 'paid A', 'paid B'])).toEqual(pick(a, ['paid P', 'paid A', 'paid B']));
    // C did draw something (the rows were not ignored).
    expect(b.slice(1).some((r) => Number(r[b[0].indexOf('paid C')]) > 0)).toBe(true);
  });

  test('years = 1 has sd 0; seeds 0 and 4294967295 run; bad years, seeds and covers are the catalogue’s errors', async () => {
    const one = await calc([...events, sim(1, 42)]);
    expect(num(one, 'B6')).toBe(0);
    expect(num(one, 'B7')).toBe(0);
    for (const seed of [0, 4294967295]) {
      const c = await calc([...events, sim(50, seed)]);
      expect(typeof c.get('B5')?.value).toBe('number');
    }
    const errors: [string, string, RegExp][] = [
      [sim(50, 4294967296), '#VALUE!', /seed/],
      [sim(50, 1.5), '#VALUE!', /seed/],
      [sim(0, 1), '#VALUE!', /years/],
      [sim(1000001, 1), '#VALUE!', /years/],
      [sim(50, 1, ',"stats","ZZ"'), '#N/A', /ZZ/],
    ];
    for (const [formula, code, message] of errors) {
      const c = await calc([...events, formula]);
      expect(c.get('A5')?.value).toBe(code);
      expect(c.get('A5')?.message).toMatch(message);
    }
    const notInCovers = await calc([...events.slice(0, 3), 'X,0.4,"lomax(3,30000)",,B,P,,150000,25000,', sim(50, 1)]);
    expect(notInCovers.get('A5')?.value).toBe('#VALUE!');
    expect(notInCovers.get('A5')?.message).toMatch(/"X"/);
  });

  test('constant(1000.015) draws 1000.02 and constant(1000.025) draws 1000.02 (half to even)', async () => {
    for (const [x, cents] of [['1000.015', '1000.02'], ['1000.025', '1000.02'], ['0.005', '0'], ['0.015', '0.02']]) {
      const t = await yearTable(['cover,prob,sev,,id,parent,per,agg,ded', `A,1,constant(${x}),,A,,,,`, q('=CYBER.SIMULATE("bernoulli(1)",A1:C2,E1:I2,,,3,3)')], 'A3');
      for (const r of t.slice(1)) expect([r[1], r[2], r[4]]).toEqual(['1', cents, cents]);
    }
  });

  test('VaR, AEP and TVaR against type 7 and the ⌈(1 − p) × years⌉ largest of the exported years (20,000 years: 200)', async () => {
    const lines = [...events, sim(20000, 5)];
    for (let i = 0; i < 13; i++) lines.push('');
    lines.push(sim(20000, 5, ',"aep"'));
    const cells = await calc(lines);
    const t = await yearTable(lines, 'A5');
    const totals = t.slice(1).map((r) => Number(r[r.length - 1])).sort((x, y) => x - y);
    expect(totals.length).toBe(20000);
    [0.9, 0.95, 0.99, 0.995, 0.996].forEach((p, i) => expect(Math.abs(num(cells, `B${9 + i}`) - type7(totals, p))).toBeLessThan(0.005));
    RP.forEach((T, i) => expect(Math.abs(num(cells, `B${19 + i}`) - type7(totals, 1 - 1 / T))).toBeLessThan(0.005));
    const top = (k: number) => totals.slice(-k).reduce((s, x) => s + x, 0) / k;
    expect(Math.abs(num(cells, 'B14') - top(200))).toBeLessThan(0.005);
    expect(Math.abs(top(200) - top(201))).toBeGreaterThan(0.005);
    expect(Math.abs(num(cells, 'B15') - top(100))).toBeLessThan(0.005);
  });
});

describe('each year re-settled with =CYBER.ALLOCATE equals the year table', () => {
  // Draws depend on the seed, the year, the event, the cover id and its position — not on the
  // covers tree — so a flat, unlimited tree over the same events shows every row's drawn amount
  // (one row per cover id, years with one event). Those amounts, as ALLOCATE claims against the
  // real tree, must give the paid of the real run's year table, cover by cover.
  const events = [
    'S1,0.8,"lognormal(11,1)"',
    'S2,0.7,"gamma(2,40000)"',
    'R,0.5,"lomax(3,100000)"',
    'T,0.6,"lognormal(10.5,1)"',
  ];
  // R: per 300,000, aggregate 500,000; S1 inside R's aggregate only; S2 sub-aggregate under R
  // with nesting all; T its own top-level cover with the largest deductible.
  const tree = ['R,,300000,500000,0,all', 'S1,R,100000,150000,20000,aggregate', 'S2,R,,80000,5000,', 'T,,50000,,30000,'];
  const flat = ['R,,,,,', 'S1,,,,,', 'S2,,,,,', 'T,,,,,'];
  const sheet = (covers: string[], terms: string) => [...events.map((e, i) => `${e},,${covers[i]}`), q(`=CYBER.SIMULATE("poisson(1.2)",A1:C4,E1:J4,${terms},400,9)`)];

  test('one-event years: per cover and in total, to the cent', async () => {
    const drawn = await yearTable(sheet(flat, ','), 'A5');
    const paid = await yearTable(sheet(tree, '400000,250000'), 'A5');
    const ids = ['R', 'S1', 'S2', 'T'];
    const years = drawn.slice(1).filter((r) => r[1] === '1').slice(0, 12);
    expect(years.length).toBe(12);
    const at = (t: string[][], row: string[], name: string) => row[t[0].indexOf(name)];
    // One ALLOCATE per year, side by side: claims in A..C (header + 4 rows), covers in E..J.
    const lines: string[] = ['event,cover,amount,,id,parent,per,agg,ded,nesting'];
    for (let i = 0; i < 4; i++) lines.push(`,,,,${tree[i]}`);
    const blocks: { year: string; hits: string[] }[] = [];
    for (const r of years) {
      const hits = ids.filter((id) => Number(at(drawn, r, `paid ${id}`)) > 0);
      blocks.push({ year: r[0], hits });
    }
    // Each year's claims in its own column block, starting at column L (3 columns + a spill column).
    const col = (n: number) => String.fromCharCode(65 + n);
    const grid: string[][] = Array.from({ length: 6 }, () => []);
    blocks.forEach((b, k) => {
      const c0 = 11 + k * 5; // L, Q, V, …
      if (c0 + 3 > 25) return;
      grid[0][c0] = 'event'; grid[0][c0 + 1] = 'cover'; grid[0][c0 + 2] = 'amount';
      const r = years[k];
      b.hits.forEach((id, j) => {
        grid[1 + j][c0] = 'E1'; grid[1 + j][c0 + 1] = id; grid[1 + j][c0 + 2] = at(drawn, r, `paid ${id}`);
      });
      grid[0][c0 + 3] = q(`=CYBER.ALLOCATE(${col(c0)}1:${col(c0 + 2)}${1 + b.hits.length},E1:J5,400000,250000)`);
    });
    const merged = lines.map((l, i) => {
      const f = l.split(',');
      const row = grid[i] ?? [];
      const width = Math.max(f.length, row.length);
      return Array.from({ length: width }, (_, c) => (c < 10 ? (f[c] ?? '') : (row[c] ?? ''))).join(',');
    });
    merged.push(...grid.slice(merged.length).map((row) => row.map((x) => x ?? '').join(',')));
    const cells = await calc(merged);
    let checked = 0;
    blocks.forEach((b, k) => {
      const c0 = 11 + k * 5;
      if (c0 + 3 > 25) return;
      const r = paid.find((p) => p[0] === b.year)!;
      let total = 0;
      b.hits.forEach((id, j) => {
        const v = num(cells, `${col(c0 + 3)}${2 + j}`);
        total += Math.round(v * 100);
        expect(Math.round(v * 100)).toBe(Math.round(Number(at(paid, r, `paid ${id}`)) * 100));
      });
      expect(total).toBe(Math.round(Number(r[r.length - 1]) * 100));
      checked++;
    });
    expect(checked).toBe(3);
  });
});

describe('multi-event years re-settled with the decimal ALLOCATE (engine API: the claims of a year are not in the CLI table)', () => {
  // Six covers: sub-aggregates, nesting "aggregate" and "all", a sub-sub-limit with the largest
  // deductible, a cover without deductible, two rows of the same cover, constant(45000.005)
  // drawn as 45000.00 (half to even), policy per-claim and aggregate limits; negbin frequency.
  test('3,000 years: every cover and the total to the cent, ground up too', () => {
    const covers = [
      ['id', 'parent', 'per', 'agg', 'ded', 'nesting'],
      ['R', '', 300000, 500000, 0, 'all'],
      ['S1', 'R', 100000, 150000, 20000, 'aggregate'],
      ['S2', 'R', '', 80000, 5000, ''],
      ['S3', 'S2', 30000, 50000, 40000, 'all'],
      ['T', '', 50000, '', 30000, ''],
      ['Z', '', 20000, 60000, 0, ''],
    ];
    const events = [
      ['cover', 'prob', 'sev'],
      ['S1', 0.8, 'lognormal(11,1)'],
      ['S2', 0.7, 'gamma(2,40000)'],
      ['R', 0.5, 'lomax(3,100000)'],
      ['T', 0.6, 'lognormal(10.5,1)'],
      ['S1', 0.5, 'pert(1000,30000,300000)'],
      ['S3', 0.4, 'constant(45000.005)'],
      ['Z', 0.3, 'lognormal(9,1)'],
      ['S2', 0.2, 'pareto1(2,5000)'],
    ];
    const [PA, PPC, SEED, YEARS] = [700000, 250000, 99, 3000];
    const prepared = prepareSimulation(['negbin(2.5,1.3)', events, covers, PA, PPC, YEARS, SEED]);
    if (!prepared.ok) throw new Error(prepared.error.message.en);
    const { model } = prepared.value;
    const ids = model.covers.map((c) => c.id);
    let multi = 0;
    let mismatches = 0;
    for (const row of yearLossTable(model, SEED, 1, YEARS)) {
      const year = simulateYear(model, SEED, row.year);
      if (year.events.length > 1) multi++;
      const claims = claimsOfYear(model, year);
      if (claims.length === 0) {
        if (row.total !== 0) mismatches++;
        continue;
      }
      for (const c of claims) if (c[1] === 'S3' && c[2] !== '45000') mismatches++;
      const out = evaluate('ALLOCATE', [[['event', 'cover', 'amount'], ...claims.map((c) => [c[0], c[1], Number(c[2])])], covers, PA, PPC]);
      if (!out.ok) throw new Error(out.error.message.en);
      const pay = (out.value as unknown[][]).slice(1).map((r) => Math.round(Number(r[0]) * 100));
      const per = new Map(ids.map((id) => [id, 0]));
      claims.forEach((c, i) => per.set(c[1], (per.get(c[1]) ?? 0) + pay[i]));
      const groundUp = claims.reduce((s, c) => s + Math.round(Number(c[2]) * 100), 0);
      if (groundUp !== Math.round(row.groundUp * 100)) mismatches++;
      ids.forEach((id, k) => {
        if (per.get(id) !== Math.round(row.paid[k] * 100)) mismatches++;
      });
      if (pay.reduce((a, b) => a + b, 0) !== Math.round(row.total * 100)) mismatches++;
    }
    expect(multi).toBeGreaterThan(1000);
    expect(mismatches).toBe(0);
  });
});
