/**
 * The real `cyberbi calc` on files generated at test time (issue 12, item 2): a formula nested 140
 * levels or of 2,000 `+` terms printed "internal error: RangeError: Maximum call stack size
 * exceeded" and nothing else (exit 1); a 200-deep formula saved in an .xlsx was refused; and
 * CYBER.POOLSHARE(A:A) / CYBER.ALLOCATE(D:F, H:L) were "#VALUE! internal error (… Infinity×1 were
 * reserved)". Now: exit 0, that cell #VALUE! naming Excel's limit (English and Chinese), every
 * other cell evaluated; whole columns read as their used part.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ensureLibBuilt } from './support/lib';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'cyberbi.js');

let tmp: string;
beforeAll(() => {
  ensureLibBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-limits-'));
}, 180_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function calc(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'calc', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonCell {
  cell: string;
  type: string;
  value: unknown;
  message?: string;
  formula?: string;
}
const cells = (stdout: string): Map<string, JsonCell> => new Map((JSON.parse(stdout).cells as JsonCell[]).map((c) => [c.cell, c]));

const nested = (n: number) => `=${'('.repeat(n)}A1${')'.repeat(n)}`;
const plus = (n: number) => `=${Array.from({ length: n }, () => 'A1').join('+')}`;

describe('formulas beyond Excel\u2019s limits', () => {
  const csv = () => {
    const file = path.join(tmp, 'deep.csv');
    fs.writeFileSync(file, `2,"${nested(140)}","${plus(2000)}",=A1*3\n"=SUM(${'SUM('.repeat(63)}A1${')'.repeat(63)})",=B1,=C1+1\n`);
    return file;
  };

  it('CSV: exit 0, the two cells #VALUE! with the limit, the rest evaluated (json)', () => {
    const r = calc(csv(), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const c = cells(r.stdout);
    expect(c.get('B1')).toMatchObject({ type: 'error', value: '#VALUE!', message: 'This formula nests more than 64 levels of functions and parentheses; Excel allows at most 64 nested levels (Excel specifications and limits).', formula: nested(140) });
    expect(c.get('C1')).toMatchObject({ type: 'error', value: '#VALUE!', message: expect.stringMatching(/^This formula chains 1,999 operators, more than the 256/), formula: plus(2000) });
    expect(c.get('D1')?.value).toBe(6);
    expect(c.get('A2')?.value).toBe(2); // 64 levels: evaluated
    expect(c.get('B2')).toMatchObject({ value: '#VALUE!', message: expect.stringMatching(/more than 64 levels/) });
    expect(c.get('C2')?.message).toMatch(/chains 1,999 operators/);
  });

  it('CSV, --lang zh: the message in Chinese; csv output prints the row', () => {
    const zh = calc(csv(), '--format', 'json', '--lang', 'zh');
    expect(cells(zh.stdout).get('B1')?.message).toBe('此公式嵌套的函数和括号超过 64 层；Excel 最多允许 64 层嵌套（Excel 规范与限制）。');
    const text = calc(csv());
    expect(text.status).toBe(0);
    expect(text.stdout.split(/\r?\n/)[0]).toBe('2,#VALUE!,#VALUE!,6');
  });

  it('an .xlsx holding a 200-deep formula (as a workbench save wrote it before): read, that cell #VALUE!', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Model');
    ws.getCell('A1').value = 5;
    ws.getCell('B1').value = { formula: nested(200).slice(1) } as ExcelJS.CellFormulaValue;
    ws.getCell('C1').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    const file = path.join(tmp, 'deep.xlsx');
    await wb.xlsx.writeFile(file);
    const r = calc(file, '--format', 'json');
    expect(r.status).toBe(0);
    const c = cells(r.stdout);
    expect(c.get('B1')).toMatchObject({ value: '#VALUE!', message: expect.stringMatching(/more than 64 levels/) });
    expect(c.get('C1')?.value).toBe(10);
  });
});

describe('whole columns and rows', () => {
  it('POOLSHARE(A:A) and ALLOCATE(D:F, H:L): one value per used row, equal to the explicit ranges', () => {
    const file = path.join(tmp, 'whole.csv');
    const rows = [
      ['4000000', '=CYBER.POOLSHARE(A:A,10000000,25000000)', '=CYBER.POOLSHARE(A1:A3,10000000,25000000)', 'E1', 'BI', '500', '', 'BI', '', '600', '1000', '100', '=CYBER.ALLOCATE(D:F, H:L)'],
      ['5000000', '', '', 'E1', 'CBI', '300', '', 'CBI', 'BI', '', '400', '50'],
      ['3000000'],
      [],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', 'note'],
    ];
    const field = (f: string) => (f.includes(',') ? `"${f}"` : f);
    fs.writeFileSync(file, rows.map((r) => r.map(field).join(',')).join('\n') + '\n');
    const r = calc(file, '--format', 'json');
    expect(r.status).toBe(0);
    const c = cells(r.stdout);
    const v = (a: string) => c.get(a)?.value;
    expect([v('B1'), v('B2'), v('B3')]).toEqual([v('C1'), v('C2'), v('C3')]);
    expect([v('B1'), v('B2'), v('B3')]).toEqual([(4000000 * 10) / 12, (5000000 * 10) / 12, 2500000]);
    expect([v('B4'), v('B5')]).toEqual([undefined, undefined]);
    expect([v('M1'), v('M2'), v('M3')]).toEqual([400, 200, undefined]);
  });
});
