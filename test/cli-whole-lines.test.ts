/**
 * The CLI's memory budget counts the cells whole-column and whole-row references cover (issue 12,
 * item 6: "beyond a stated memory budget the CLI stops with exit 2 and a message, never a V8 heap
 * dump"). HyperFormula holds a cell for each of them down to the sheet's last row: one `=SUM(A:A)`
 * beside a value at XFD1048576 (a 1.6 KB file) costs about 680 MB in `cyberbi calc`, and about six
 * such columns exhausted the default heap (exit 134). Now eight are refused before anything is
 * evaluated: exit 2 with the figures and how to raise the limit; A:A on a 500-row sheet and
 * CYBER.POOLSHARE(A:A) still evaluate. The command runs in this process (src/cli/main.ts), so no
 * build of lib/ is needed; files are generated here (test/support/hostile.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BYTES_PER_COVERED_CELL, checkWholeLineBudget } from '../src/cli/budget';
import { main } from '../src/cli/main';
import { cell, row, sheetXml, workbook } from './support/hostile';

const MiB = 1024 * 1024;
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-whole-lines-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function calc(file: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(['calc', file, ...args], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { status, stdout, stderr };
}

/** A1 = 1, then in row 1 one formula a cell from B1 on; XFD1048576 = 7 on sheet "S". */
function farSheet(formulas: readonly string[]): string {
  const f = formulas.map((t, k) => `<c r="${String.fromCharCode(66 + k)}1"><f>${t}</f></c>`).join('');
  const p = path.join(tmp, `far-${formulas.length}.xlsx`);
  fs.writeFileSync(p, workbook([['S', sheetXml(row(1, cell('A1', 1) + f) + row(1048576, cell('XFD1048576', 7)))]]));
  return p;
}

describe('whole-column references beside a value at XFD1048576', () => {
  test('eight columns (=SUM(A:A) … =SUM(H:H)): exit 2 at once, the figures and NODE_OPTIONS named, nothing printed', async () => {
    const file = farSheet(['SUM(A:A)', 'SUM(B:B)', 'SUM(C:C)', 'SUM(D:D)', 'SUM(E:E)', 'SUM(F:F)', 'SUM(G:G)', 'SUM(H:H)']);
    const before = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const r = await calc(file, '--format', 'json');
    const used = process.cpuUsage(cpu);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // Columns A..H less the cells the file has there (A1..H1): 8 × 1,048,576 − 8.
    expect(r.stderr).toMatch(
      /^cyberbi: .*far-8\.xlsx is too large to evaluate in memory: its whole-column and whole-row references \(A:A on sheet "S", which reaches row 1,048,576 and column XFD\) cover about 8,388,600 empty cells, each of which the evaluator holds; with the file's 10 cells they need about [\d.]+ GiB, more than the memory budget of [\d.]+ (GiB|MB) \(Node's heap limit less 256 MB\); refer to the rows in use \(A1:A1000 rather than A:A\), or raise the heap limit with NODE_OPTIONS=--max-old-space-size=MB\n$/,
    );
    expect(r.stderr).not.toMatch(/out of memory|FATAL|\n\s+at /);
    // Before: the heap ran out (exit 134). Now the refusal costs the reading of a 1.6 KB file.
    expect((used.user + used.system) / 1e6).toBeLessThan(10);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
  }, 60_000);

  test('the figures: each covered cell counts BYTES_PER_COVERED_CELL against the budget; one column fits a 1 GiB budget, two do not', () => {
    const sheets = (formulas: string[]) => {
      const cells: string[][] = [];
      cells[0] = ['1' as string, ...formulas.map((f) => `=${f}`)];
      cells[1048575] = [];
      cells[1048575][16383] = '7';
      return [{ name: 'S', cells }];
    };
    expect(BYTES_PER_COVERED_CELL).toBe(768);
    // One column: 1,048,575 cells × 768 ≈ 768 MB.
    expect(() => checkWholeLineBudget('f.xlsx', 'xlsx', sheets(['SUM(A:A)', 'SUM(A:A)*2']), [], 1024 * MiB)).not.toThrow();
    // Two: columns A and C less A1 and C1 (the second formula's own cell).
    expect(() => checkWholeLineBudget('f.xlsx', 'xlsx', sheets(['SUM(A:A)', "SUM('S'!$C:$C)"]), [], 1024 * MiB)).toThrow(
      'f.xlsx is too large to evaluate in memory: its whole-column and whole-row references (A:A on sheet "S", which reaches row 1,048,576 and column XFD) cover about 2,097,150 empty cells, each of which the evaluator holds; with the file\'s 4 cells they need about 1.5 GiB, more than the memory budget of 1 GiB',
    );
    // A name counts too; a whole row counts the sheet's columns (49 rows × 16,384 ≈ 617 MB fit).
    expect(() => checkWholeLineBudget('f.xlsx', 'xlsx', sheets(['1']), [{ expression: 'S!$A:$B' }], 1024 * MiB)).toThrow(/cover about 2,097,150 empty cells/);
    expect(() => checkWholeLineBudget('f.xlsx', 'xlsx', sheets(['SUM(2:50)']), [], 1024 * MiB)).not.toThrow();
    // Text in quotes is not a reference.
    expect(() => checkWholeLineBudget('f.xlsx', 'xlsx', sheets(['"A:A"&"B:B"']), [], 64 * MiB)).not.toThrow();
  });

  test('=SUM(A:A) and CYBER.POOLSHARE(A:A) on a 500-row sheet evaluate', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => (i === 0 ? '2,=SUM(A:A),=CYBER.POOLSHARE(A:A)' : '2'));
    const file = path.join(tmp, 'small.csv');
    fs.writeFileSync(file, lines.join('\n'));
    const r = await calc(file, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cells = new Map((JSON.parse(r.stdout).cells as Array<{ cell: string; value: unknown }>).map((c) => [c.cell, c.value]));
    expect(cells.get('B1')).toBe(1000);
    // The claims (2 each, 1,000 in all) are within the pool: each paid in full.
    expect(cells.get('C1')).toBe(2);
    expect(cells.get('C500')).toBe(2);
  }, 60_000);

  test('=SUM(A:A) on a 500-row .xlsx sheet evaluates', async () => {
    let rows = row(1, cell('A1', 3) + '<c r="B1"><f>SUM(A:A)</f></c>');
    for (let i = 2; i <= 500; i++) rows += row(i, cell(`A${i}`, 3));
    const file = path.join(tmp, 'small.xlsx');
    fs.writeFileSync(file, workbook([['S', sheetXml(rows)]]));
    const r = await calc(file, '--format', 'json');
    expect(r.status).toBe(0);
    const cells = new Map((JSON.parse(r.stdout).cells as Array<{ cell: string; value: unknown }>).map((c) => [c.cell, c.value]));
    expect(cells.get('B1')).toBe(1500);
  }, 60_000);
});
