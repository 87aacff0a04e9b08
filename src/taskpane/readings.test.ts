/**
 * The statement's readings are the README's "Readings · 解读" table: the same rows, in the same
 * order, word for word. A reading changed (or added) in one place and not the other fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { appliesToAll, plainText, READINGS, readingFunctions, readingsFor, readingTemplates } from './readings';

/** The README's Readings table, row by row, each cell as written (an escaped \| stays in its cell). */
function readmeReadings(): string[][] {
  const md = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = md.indexOf('\n## Readings');
  expect(start).toBeGreaterThan(0);
  const end = md.indexOf('\n## ', start + 5);
  const lines = md
    .slice(start, end)
    .split('\n')
    .filter((l) => l.startsWith('| '));
  expect(lines[0]).toBe('| where | the sentence it reads | the reading taken | functions |');
  return lines.slice(1).map((line) => {
    const body = line.slice(2, -2);
    const out: string[] = [];
    let cur = '';
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '\\' && body[i + 1] === '|') {
        cur += '\\|';
        i++;
      } else if (body.startsWith(' | ', i)) {
        out.push(cur);
        cur = '';
        i += 2;
      } else cur += body[i];
    }
    out.push(cur);
    return out;
  });
}

test('READINGS holds every row of the README table, in order, word for word', () => {
  const rows = readmeReadings();
  expect(rows.length).toBeGreaterThanOrEqual(27);
  expect(READINGS.map((r) => [r.where, r.sentence, r.reading, r.functions])).toEqual(rows);
});

test('each reading names what it applies to', () => {
  for (const r of READINGS) expect(readingFunctions(r).length + readingTemplates(r).length + (appliesToAll(r) ? 1 : 0)).toBeGreaterThan(0);
  const samsung = READINGS.find((r) => r.where.startsWith('Samsung template'))!;
  expect(readingTemplates(samsung)).toEqual(['samsung']);
  const allocate = READINGS.find((r) => r.where.startsWith('SAMSUNG 第二十五条'))!;
  expect(readingFunctions(allocate)).toEqual(['ALLOCATE', 'REMAINING']);
});

test('readingsFor: the readings of the functions used, then those for every function', () => {
  const bi = readingsFor(['CYBER.BIPAYOUT', 'LOSTPROFIT', 'PROFITRATE']);
  expect(bi.map((r) => r.where)).toEqual([
    'CPIC 第四十四条 20 maintenance costs',
    'CPIC 第十三条 (一) 2 (3) under-insurance',
    'Catalogue: blank and missing arguments',
    'Catalogue: types and dates',
    'Catalogue: limits of the engine',
  ]);
  // The CPIC template adds its overall-limit reading; FXRATE is FX's Excel name.
  expect(readingsFor([], ['cpic']).map((r) => r.where)[0]).toBe('CPIC template: the overall 责任限额');
  expect(readingsFor(['FXRATE']).map((r) => r.where)).toContain('Catalogue: `CYBER.FX` in Excel');
  expect(readingsFor(['NOSUCH']).every(appliesToAll)).toBe(true);
});

test('plainText drops the Markdown marks a printed page would show', () => {
  expect(plainText('`OTHERINSURANCE` "cpic"')).toBe('OTHERINSURANCE "cpic"');
  expect(plainText('Each rule gives **latest** — see [the reference](docs/FUNCTIONS.md), *Custom functions*')).toBe('Each rule gives latest — see the reference, Custom functions');
  expect(plainText('E[Y \\| Y > 0]')).toBe('E[Y | Y > 0]');
});
