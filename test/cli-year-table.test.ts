/**
 * `cyberbi calc FILE --year-table CELL [--out FILE]` (issue 14: the year loss table "also from the
 * CLI (a documented option)"): one line per simulated year of the CYBER.SIMULATE call in CELL,
 * whose totals are the years the cell's statistics were computed from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, USAGE } from '../src/cli/main';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const SIM = '=CYBER.SIMULATE("poisson(1.5)",A5:C7,A1:E3,2000,,400,7)';
const CSV = [
  'id,parent,per event,aggregate,deductible,,' + q(SIM),
  'BI,,400,1000,100',
  'CBI,BI,,300,50',
  '',
  'cover,probability,severity',
  'BI,1,constant(500.015)',
  'CBI,0.5,"lognormal(5,1)"',
].join('\n');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-ylt-'));
  fs.writeFileSync(path.join(tmp, 'model.csv'), CSV);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { status, stdout, stderr };
}

describe('cyberbi calc --year-table', () => {
  test('prints one line per year; the totals average to the cell’s AAL and their largest is its largest year', async () => {
    const file = path.join(tmp, 'model.csv');
    const table = await cli('calc', file, '--year-table', 'G1');
    expect(table.stderr).toBe('');
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('year,events,loss before terms,paid BI,paid CBI,total paid');
    expect(lines.length).toBe(401);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    // Each year: total = paid BI + paid CBI, exact decimals (cents).
    for (const r of rows) {
      expect(Math.round(Number(r[5]) * 100)).toBe(Math.round(Number(r[3]) * 100) + Math.round(Number(r[4]) * 100));
      expect(r[5]).toMatch(/^\d+(\.\d{1,2})?$/);
    }
    const sheet = await cli('calc', file);
    const cells = sheet.stdout.split('\n').map((l) => l.split(','));
    const aal = Number(cells[0][7]);
    const largest = Number(cells[11][7]);
    const cents = rows.map((r) => Math.round(Number(r[5]) * 100));
    expect(aal).toBe(cents.reduce((s, x) => s + x, 0) / (400 * 100));
    expect(largest).toBe(Math.max(...cents) / 100);
    // The policy aggregate (2,000) caps every year; constant(500.015) is drawn as 500.02.
    expect(Math.max(...cents)).toBeLessThanOrEqual(200000);
    expect(rows.some((r) => r[2].endsWith('.02') || r[2].includes('.'))).toBe(true);
  });

  test('--out writes the same table to a file; --lang zh writes the header in Chinese', async () => {
    const file = path.join(tmp, 'model.csv');
    const out = path.join(tmp, 'ylt.csv');
    const r = await cli('calc', file, '--year-table', 'G1', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const printed = await cli('calc', file, '--year-table', 'G1');
    expect(fs.readFileSync(out, 'utf8')).toBe(printed.stdout);
    const zh = await cli('calc', file, '--year-table', 'g1', '--lang', 'zh');
    expect(zh.stdout.split('\n')[0]).toBe('年度,事件数,适用条款前损失,赔付 BI,赔付 CBI,赔付合计');
  });

  test('a cell without a SIMULATE call, --out alone and --year-table with --format are refused (exit 2)', async () => {
    const file = path.join(tmp, 'model.csv');
    const notSim = await cli('calc', file, '--year-table', 'A1');
    expect(notSim.status).toBe(2);
    expect(notSim.stderr).toContain('not a CYBER.SIMULATE call');
    expect((await cli('calc', file, '--out', path.join(tmp, 'x.csv'))).status).toBe(2);
    expect((await cli('calc', file, '--year-table', 'G1', '--format', 'json')).status).toBe(2);
    expect((await cli('calc', file, '--year-table', 'G1:H2')).status).toBe(2);
  });

  test('the option is documented in the usage text', () => {
    expect(USAGE).toContain('--year-table CELL');
    expect(USAGE).toContain('--out FILE');
  });
});
