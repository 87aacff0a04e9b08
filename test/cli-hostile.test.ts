/**
 * Hostile, malformed and oversized files thrown at the real `cyberbi calc` (issue 12): sheets
 * past Excel's size, sparse sheets, zip bombs, parts and packages past their caps, ISO date
 * cells, UTF-16 CSVs, 1e400, a 200 MB CSV, a 10 MB formula, a closed pipe, Ctrl+C and a bad path.
 * Every file is generated here, in a temporary directory. Each run's exit status, standard error
 * and output are asserted, and its peak memory and CPU time as the child itself reports them
 * (process.resourceUsage() at exit, written by a preloaded hook).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bomb, cell, part, row, sheetXml, workbook } from './support/hostile';
import { ensureLibBuilt } from './support/lib';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'cyberbi.js');
const MiB = 1024 * 1024;

let tmp: string;
let hook: string;

beforeAll(() => {
  ensureLibBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-hostile-'));
  hook = path.join(tmp, 'usage-hook.js');
  fs.writeFileSync(
    hook,
    `process.once('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.H4_USAGE_FILE, JSON.stringify({ maxRSS: u.maxRSS * 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); });\n`,
  );
}, 180000);
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the child, bytes. */
  readonly rss: number;
  /** CPU seconds of the child (user + system). */
  readonly cpu: number;
}

let runs = 0;
function cyberbi(args: string[], env: Record<string, string> = {}): Run {
  const usage = path.join(tmp, `usage-${runs++}.json`);
  const r = spawnSync(process.execPath, ['--require', hook, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * MiB,
    env: { ...process.env, ...env, H4_USAGE_FILE: usage },
  });
  const u = fs.existsSync(usage) ? (JSON.parse(fs.readFileSync(usage, 'utf8')) as { maxRSS: number; cpu: number }) : { maxRSS: NaN, cpu: NaN };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, rss: u.maxRSS, cpu: u.cpu };
}

function file(name: string, bytes: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const LIMIT = 'a worksheet has at most 1,048,576 rows and 16,384 columns (A1 to XFD1048576)';

/** The peak memory of a run evaluating a one-cell file: the ceiling of the sparse cases is measured above it. */
let baseline: Run;
beforeAll(() => {
  baseline = cyberbi(['calc', file('one.xlsx', workbook([['S', sheetXml(row(1, cell('A1', 1)))]]))]);
  expect(baseline.status).toBe(0);
  expect(baseline.stdout).toBe('1\n');
});

describe('sheets past Excel size: exit 2, the limit named', () => {
  test.each([
    ['a cell in row 1,048,577', workbook([['S', sheetXml(row(1048577, cell('A1048577', 2)))]]), 'sheet "S" has a cell in row 1,048,577'],
    ['a cell in column XFE', workbook([['S', sheetXml(row(1, cell('A1', 1) + cell('XFE1', 2)))]]), 'a cell in column XFE is past the last column'],
  ])('.xlsx with %s', (_, bytes, what) => {
    const r = cyberbi(['calc', file('beyond.xlsx', bytes)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(what);
    expect(r.stderr).toContain(LIMIT);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a CSV of 1,048,577 rows', () => {
    const r = cyberbi(['calc', file('rows.csv', '1\n'.repeat(1048577))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has 1,048,577 rows');
    expect(r.stderr).toContain(LIMIT);
    expect(r.stderr).not.toContain('internal error');
  });

  test('a CSV line of 16,385 fields', () => {
    const r = cyberbi(['calc', file('cols.csv', `${new Array(16385).fill('1').join(',')}\n`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 1 has 16,385 fields');
    expect(r.stderr).toContain(LIMIT);
  });

  test('exactly 1,048,576 rows × 16,384 columns reach is fine: A1048576 and XFD1 in a CSV', () => {
    const lines = new Array<string>(1048576).fill('');
    lines[0] = `${new Array(16383).fill('').join(',')},5`;
    lines[1048575] = '6';
    const r = cyberbi(['calc', file('edge.csv', `${lines.join('\n')}\n`), '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; cols: number; cells: Array<{ cell: string; value: number }> };
    expect(out).toMatchObject({ rows: 1048576, cols: 16384 });
    expect(out.cells.map((c) => [c.cell, c.value])).toEqual([
      ['XFD1', 5],
      ['A1048576', 6],
    ]);
  });
});

describe('sparse sheets cost what their cells cost', () => {
  const corner = () => file('corner.xlsx', workbook([['S', sheetXml(row(1, cell('A1', 1)) + row(1048576, cell('XFD1048576', 7)))]]));

  test('one value at XFD1048576 (a 2 KB .xlsx), CSV: 1,048,576 lines, the last one 16,384 fields; the rest unpadded', () => {
    const f = corner();
    expect(fs.statSync(f).size).toBeLessThan(4096);
    const r = cyberbi(['calc', f]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(1048577); // the last \n ends the last line
    expect(lines[0]).toBe('1');
    expect(lines[1]).toBe('');
    expect(lines[1048575]).toBe(`${','.repeat(16383)}7`);
    expect(lines[1048576]).toBe('');
    // Before: 30 s and 4.2 GB, then the heap ran out. The ceiling: 120 MB above a one-cell file's run, 3 CPU seconds.
    expect(r.rss - baseline.rss).toBeLessThan(120 * MiB);
    expect(r.cpu).toBeLessThan(3);
  });

  test('one value at XFD1048576, JSON: two cells, the used range 1,048,576 × 16,384', () => {
    const r = cyberbi(['calc', corner(), '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; cols: number; cells: Array<{ cell: string; value: number }> };
    expect(out).toMatchObject({ sheet: 'S', rows: 1048576, cols: 16384 });
    expect(out.cells.map((c) => [c.cell, c.value])).toEqual([
      ['A1', 1],
      ['XFD1048576', 7],
    ]);
    expect(r.rss - baseline.rss).toBeLessThan(100 * MiB);
    expect(r.cpu).toBeLessThan(3);
  });

  test('a 20,000-row sheet with one stray value in column XFD: formulas still evaluate, lines unpadded', () => {
    let rows = '';
    for (let i = 1; i <= 20000; i++) rows += row(i, cell(`A${i}`, i) + (i === 7 ? cell('XFD7', 5) : ''));
    rows = rows.replace('<row r="1"><c r="A1"><v>1</v></c></row>', '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>SUM(A:A)+XFD7</f></c></row>');
    const r = cyberbi(['calc', file('stray.xlsx', workbook([['S', sheetXml(rows)]]))]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(20001);
    expect(lines[0]).toBe(`1,${20000 * 20001 / 2 + 5}`);
    expect(lines[6]).toBe(`7${','.repeat(16383)}5`);
    expect(lines[19999]).toBe('20000');
    expect(r.rss - baseline.rss).toBeLessThan(150 * MiB);
    expect(r.cpu).toBeLessThan(5);
  });

  test('the same stray value in a CSV', () => {
    const lines: string[] = [];
    for (let i = 1; i <= 20000; i++) lines.push(i === 7 ? `7${','.repeat(16383)}5` : String(i));
    const r = cyberbi(['calc', file('stray.csv', `${lines.join('\n')}\n`)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${lines.join('\n')}\n`);
    expect(r.rss - baseline.rss).toBeLessThan(150 * MiB);
  });

  test('a compact sheet keeps the padding: every line as wide as the used range', () => {
    const r = cyberbi(['calc', file('compact.csv', '1\n2,3,4\n\n5\n')]);
    expect(r.stdout).toBe('1,,\n2,3,4\n,,\n5,,\n');
  });
});

describe('archives: only the needed parts, counted while inflating', () => {
  test('a 1.9 MB .xlsx whose picture inflates to 1.9 GB is read without inflating it', () => {
    const f = file('bomb.xlsx', workbook([['S', sheetXml(row(1, cell('A1', 1) + cell('B1', '', undefined).replace('<v></v>', '<f>A1*2</f>')))]], [bomb('xl/media/image1.png', 1900)]));
    expect(fs.statSync(f).size).toBeLessThan(2.1 * MiB);
    const r = cyberbi(['calc', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('1,2\n');
    // Before: 4.0 GB. Inflating the picture alone would take 1.9 GB.
    expect(r.rss - baseline.rss).toBeLessThan(60 * MiB);
    expect(r.cpu).toBeLessThan(3);
  });

  test('four such pictures and an embedded object: the same', () => {
    const extra = [1, 2, 3, 4].map((i) => bomb(`xl/media/image${i}.png`, 1900));
    const f = file('bomb4.xlsx', workbook([['S', sheetXml(row(1, cell('A1', 3)))]], [...extra, bomb('xl/embeddings/oleObject1.bin', 1900)]));
    const r = cyberbi(['calc', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('3\n');
    expect(r.rss - baseline.rss).toBeLessThan(60 * MiB);
  });

  test('a sheet part declaring 1.9 GB is refused before inflating, with the figures', () => {
    const f = file('sheetbomb.xlsx', workbook([['S', sheetXml(row(1, cell('A1', 1)))]], [bomb('xl/worksheets/sheet2.xml', 1900)]));
    const r = cyberbi(['calc', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`cyberbi: ${f}: part xl/worksheets/sheet2.xml declares 1.9 GiB inflated, more than 256 MB (the limit for one part); --max-size MB sets the limit for one part to MB and for the package to 4 × MB\n`);
    expect(r.rss - baseline.rss).toBeLessThan(30 * MiB);
  });

  test('a sheet part hiding 400 MB behind a declared 1,000 bytes is stopped at 256 MB while inflating', () => {
    const lying = { ...bomb('xl/worksheets/sheet2.xml', 400), size: 1000 };
    const r = cyberbi(['calc', file('lying.xlsx', workbook([['S', sheetXml(row(1, cell('A1', 1)))]], [lying]))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('part xl/worksheets/sheet2.xml inflates to more than 256 MB (the limit for one part; stopped after');
    // Chunks are counted and dropped: never the part in memory.
    expect(r.rss - baseline.rss).toBeLessThan(100 * MiB);
  });

  test('--max-size sets the cap of a part (MB) and of the package (4 × MB)', () => {
    const padded = sheetXml(`${row(1, cell('A1', 9))}<!--${' '.repeat(3 * MiB)}-->`);
    const f = file('bigpart.xlsx', workbook([['S', padded]]));
    const refused = cyberbi(['calc', f, '--max-size', '1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('part xl/worksheets/sheet1.xml declares 3.0 MB inflated, more than 1 MB (the limit for one part)');
    expect(cyberbi(['calc', f, '--max-size=4']).stdout).toBe('9\n');
    expect(cyberbi(['calc', f]).stdout).toBe('9\n');
    // Five parts of 0.9 MB: each under 1 MB, together past 4 MB.
    const sheets: Array<[string, string]> = [1, 2, 3, 4, 5].map((k) => [`S${k}`, sheetXml(`${row(1, cell('A1', k))}<!--${' '.repeat(0.9 * MiB)}-->`)]);
    const pkg = cyberbi(['calc', file('package.xlsx', workbook(sheets)), '--max-size', '1']);
    expect(pkg.status).toBe(2);
    expect(pkg.stderr).toContain('more than 4 MB (the limit for a package');
  });

  test.each([['0'], ['-1'], ['abc'], ['2000000']])('--max-size %s is a usage error', (v) => {
    const r = cyberbi(['calc', 'x.xlsx', '--max-size', v]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--max-size must be a number of MB from 1 to 1048576');
  });

  test('a merge of B2:XFD1048576 (17 billion cells to ExcelJS) is left out; a small merge still blanks what it covers', () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${row(1, cell('A1', 1) + cell('B1', 2) + cell('C1', 3))}${row(2, cell('A2', 4))}</sheetData><mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="B2:XFD1048576"/></mergeCells></worksheet>`;
    const r = cyberbi(['calc', file('merge.xlsx', workbook([['S', xml]]))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('1,2\n4,\n'); // C1 is covered by B1:C1
    // Before: 4 GB and a V8 heap abort after 2 minutes.
    expect(r.rss - baseline.rss).toBeLessThan(60 * MiB);
    expect(r.cpu).toBeLessThan(3);
  });

  test('a data validation over A2:XFD1048576 (ExcelJS lists every cell it covers) is left out of what is read', () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${row(1, cell('A1', 5))}</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A2:XFD1048576 B1"><formula1>0</formula1></dataValidation></dataValidations></worksheet>`;
    const r = cyberbi(['calc', file('validation.xlsx', workbook([['S', xml]]))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('5\n');
    // Before: more than 1.2 GB and still going after 30 s.
    expect(r.rss - baseline.rss).toBeLessThan(60 * MiB);
    expect(r.cpu).toBeLessThan(3);
  });

  test('a file that is not a zip at all is one line, exit 2', () => {
    const r = cyberbi(['calc', file('text.xlsx', 'hello')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cyberbi: .*text\.xlsx is not a readable \.xlsx workbook \(.*\)\n$/);
  });
});

describe('values as files store them', () => {
  test('ISO date cells (t="d") become Excel serials, and formulas use them as dates', () => {
    const cells = cell('A1', '2025-01-01', 'd') + cell('B1', '2025-01-01T12:00:00', 'd') + cell('C1', '1900-01-01', 'd') + cell('D1', 'not a date', 'd') + '<c r="E1"><f>A1+1</f></c><c r="F1"><f>YEAR(A1)</f></c>';
    const r = cyberbi(['calc', file('dates.xlsx', workbook([['S', sheetXml(row(1, cells))]]))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('45658,45658.5,1,not a date,45659,2025\n');
  });

  const utf8 = 'name 名称,amount\r\nCPIC 企业网络安全保险,1000000\r\n"=CYBER.LOSTPROFIT(B2,0.3)",=B2*2\r\n';
  test.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, 'utf16le').swap16()])],
  ])('a %s CSV with BOM gives the output of the UTF-8 file', (_, bytes) => {
    const expected = cyberbi(['calc', file('utf8.csv', utf8)]);
    expect(expected.stdout).toBe('name 名称,amount\nCPIC 企业网络安全保险,1000000\n300000,2000000\n');
    const r = cyberbi(['calc', file('utf16.csv', bytes)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
    expect(cyberbi(['calc', path.join(tmp, 'utf16.csv'), '--format', 'json']).stdout).toBe(cyberbi(['calc', path.join(tmp, 'utf8.csv'), '--format', 'json']).stdout.replace(/utf8/g, 'utf16'));
  });

  test('a UTF-16 byte-order mark before bytes that are not UTF-16 is unreadable input', () => {
    const r = cyberbi(['calc', file('bad16.csv', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('UTF-16LE byte-order mark but is not valid UTF-16LE text');
  });

  test('1e400 in a CSV is #NUM! in its cell, never Infinity', () => {
    const r = cyberbi(['calc', file('huge.csv', '1e400,-1E400,=A1,1e308\n')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('#NUM!,#NUM!,#NUM!,1e+308\n');
    const json = cyberbi(['calc', path.join(tmp, 'huge.csv'), '--format', 'json']);
    expect(json.stdout).not.toContain('Infinity');
    expect((JSON.parse(json.stdout) as { cells: Array<{ type: string }> }).cells.map((c) => c.type)).toEqual(['error', 'error', 'error', 'number']);
  });
});

describe('big honest files end cleanly', () => {
  test('a 200 MB CSV of numbers is refused at once past the memory budget: exit 2, the figures, no heap dump', () => {
    const line = `${Array.from({ length: 20 }, (_, k) => (k * 7919.125).toFixed(3)).join(',')}\n`;
    const f = path.join(tmp, 'numbers-200mb.csv');
    const fd = fs.openSync(f, 'w');
    const block = line.repeat(Math.ceil(MiB / line.length));
    for (let written = 0; written < 200 * MiB; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    const r = cyberbi(['calc', f]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cyberbi: .*numbers-200mb\.csv is too large to evaluate in memory: about [\d,]+ cells in 200\.\d MB of CSV need about [\d.]+ GiB, more than the memory budget of [\d.]+ (GiB|MB)/);
    expect(r.stderr).not.toMatch(/out of memory|FATAL|\n\s+at /);
    // Before: 120 s and 4.4 GB. The file is read and scanned once.
    expect(r.rss).toBeLessThan(baseline.rss + 700 * MiB);
    fs.rmSync(f);
  }, 120000);

  test('a budget lowered by the heap limit refuses a smaller file the same way', () => {
    const rows = Array.from({ length: 40000 }, (_, i) => `${i},${i * 2},${i * 3},text ${i}`).join('\n');
    const r = cyberbi(['calc', file('medium.csv', rows)], { NODE_OPTIONS: '--max-old-space-size=300' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is too large to evaluate in memory: about 160,000 cells');
    expect(r.stderr).toMatch(/more than the memory budget of [\d.]+ MB/);
  });

  test('a CSV field holding a 10 MB formula: that cell is an error, the others evaluate', () => {
    const formula = `=${'1+'.repeat(5 * MiB)}1`;
    const r = cyberbi(['calc', file('long-formula.csv', `2,"${formula}",=A1*3\n`), '--format', 'json']);
    expect(r.status).toBe(0);
    const cells = (JSON.parse(r.stdout) as { cells: Array<{ cell: string; type: string; value: unknown }> }).cells;
    expect(cells.find((c) => c.cell === 'A1')).toMatchObject({ type: 'number', value: 2 });
    expect(cells.find((c) => c.cell === 'B1')).toMatchObject({ type: 'error' });
    expect(cells.find((c) => c.cell === 'C1')).toMatchObject({ type: 'number', value: 6 });
    // Before: 21 s and 3.4 GB, then an internal error.
    expect(r.rss - baseline.rss).toBeLessThan(400 * MiB);
  }, 60000);
});

describe('pipes, signals, paths', () => {
  let big: string;
  beforeAll(() => {
    big = file('rows.csv', `${Array.from({ length: 200000 }, (_, i) => `${i},=A${i + 1}*2`).join('\n')}\n`);
  });

  test('cyberbi calc … | head -1 ends quietly: status 0, no trace', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" calc "${big}" | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('0,0\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60000);

  test('Ctrl+C (SIGINT) ends the run at once without a trace', async () => {
    const child = spawn(process.execPath, [bin, 'calc', big], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const started = Date.now();
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(stderr).toBe('');
  }, 60000);

  test.each([['missing.csv'], ['missing.xlsx'], ['no/such/dir/file.csv']])('a bad path (%s) is one line, exit 2', (name) => {
    const r = cyberbi(['calc', path.join(tmp, name)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`cyberbi: ${path.join(tmp, name)}: no such file\n`);
  });

  test('a directory is one line, exit 2', () => {
    fs.mkdirSync(path.join(tmp, 'dir.csv'), { recursive: true });
    const r = cyberbi(['calc', path.join(tmp, 'dir.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// Kept parts are what ExcelJS needs: a workbook with a drawing and comments still reads.
test('a sheet with a picture (its media dropped unread) and shared strings reads', () => {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${row(1, cell('A1', 0, 's') + cell('B1', 4))}</sheetData><drawing r:id="rId1"/></worksheet>`;
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>';
  const drawing =
    '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><xdr:oneCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="100" cy="100"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="p"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>';
  const drawingRels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>';
  const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>picture 图</t></si></sst>`;
  const f = file(
    'picture.xlsx',
    workbook(
      [['S', sheet]],
      [part('xl/worksheets/_rels/sheet1.xml.rels', rels), part('xl/drawings/drawing1.xml', drawing), part('xl/drawings/_rels/drawing1.xml.rels', drawingRels), part('xl/sharedStrings.xml', strings), bomb('xl/media/image1.png', 500)],
    ),
  );
  const r = cyberbi(['calc', f]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('picture 图,4\n');
});
