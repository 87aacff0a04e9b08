/**
 * The real `cyberbi` command (node bin/cyberbi.js, running the compiled lib/), on the examples
 * and on temporary CSV and XLSX files: exact standard output, the JSON shape, error messages,
 * spills, exit statuses, and the golden example.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ensureLibBuilt } from './support/lib';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'cyberbi.js');
const examples = path.join(root, 'examples');


beforeAll(() => {
  ensureLibBuilt();
}, 180000);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cyberbi(...args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-cli-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('help, version and usage', () => {
  it('--help prints the usage on stdout and exits 0', () => {
    const r = cyberbi('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:\n {2}cyberbi calc FILE \[--sheet NAME\]\.\.\. \[--all-sheets\] \[--format csv\|json\]/);
    expect(r.stderr).toBe('');
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cyberbi('--version')).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([
    [[], 'cyberbi: no command given'],
    [['eval', 'x.csv'], 'cyberbi: unknown command "eval"'],
    [['calc'], 'cyberbi: calc needs a FILE (.csv or .xlsx)'],
    [['calc', 'a.csv', 'b.csv'], 'cyberbi: calc takes one FILE, but 2 were given: a.csv b.csv'],
    [['calc', 'a.csv', '--format', 'xml'], 'cyberbi: --format must be csv or json, not "xml"'],
    [['calc', 'a.csv', '--format'], 'cyberbi: --format needs a value'],
    [['calc', 'a.csv', '--verbose'], 'cyberbi: unknown option "--verbose"'],
  ])('%j is a usage error: exit 2, message and usage on stderr', (args, message) => {
    const r = cyberbi(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`${message}\n\nUsage:\n`)).toBe(true);
  });
});

describe('unreadable input: exit 2 with a message on stderr', () => {
  it('a missing file', () => {
    const r = cyberbi('calc', 'no/such/file.csv');
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'cyberbi: no/such/file.csv: no such file\n' });
  });

  it('an unknown extension', () => {
    const file = writeTemp('model.ods', 'whatever');
    const r = cyberbi('calc', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`cyberbi: ${file}: unsupported file type ".ods"; cyberbi reads .csv and .xlsx files\n`);
  });

  it('a corrupt xlsx', () => {
    const file = writeTemp('corrupt.xlsx', 'this is not a zip archive');
    const r = cyberbi('calc', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`cyberbi: ${file} is not a readable .xlsx workbook (`)).toBe(true);
  });

  it('an unknown sheet', () => {
    const r = cyberbi('calc', 'examples/cpic-network-interruption.xlsx', '--sheet', 'Summary');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cyberbi: examples/cpic-network-interruption.xlsx has no sheet "Summary"; its sheets are: "Claim 理赔测算"\n');
  });

  it('a CSV file with an unclosed quote', () => {
    const file = writeTemp('broken.csv', 'a,"b\n1,2\n');
    const r = cyberbi('calc', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cyberbi: .*broken\.csv is not valid CSV: Quote Not Closed/);
  });

  it('--sheet with a CSV file', () => {
    const file = writeTemp('one.csv', '1\n');
    const r = cyberbi('calc', file, '--sheet', 'Sheet1');
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith('cyberbi: --sheet applies to .xlsx files only')).toBe(true);
  });
});

describe('CSV in, CSV out', () => {
  it('prints the evaluated sheet exactly', () => {
    const file = writeTemp(
      'basic.csv',
      [
        'label,amount,flag,formula',
        'revenue,12000000,TRUE,=B2-B3',
        'expenses,10500000,false,"=CYBER.PROFITRATE(B2,B3,3000000,2400000)"',
        '"text, with comma",0.1,yes,"=CYBER.LOSTPROFIT(0.3,B4)"',
        '12%,1e-7,,"=CYBER.LOSTPROFIT(1/0,0.3)"',
        ',,,"=CYBER.LOSTPROFIT(-1,0.3)"',
        ',,,,',
        '',
      ].join('\n'),
    );
    const r = cyberbi('calc', file);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'label,amount,flag,formula',
        'revenue,12000000,TRUE,1500000',
        'expenses,10500000,FALSE,0.325',
        '"text, with comma",0.1,yes,0.03',
        '12%,1e-7,,#DIV/0!',
        ',,,#VALUE!',
        '',
      ].join('\n'),
    );
  });

  it('spills arrays of standard functions into the cells they fill', () => {
    const file = writeTemp('spill.csv', ['"=SEQUENCE(2,3)",,,x', ',,,', '1,"=A3:A4*10"', '2'].join('\n'));
    const r = cyberbi('calc', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(['1,2,3,x', '4,5,6,', '1,10,,', '2,20,,', ''].join('\n'));
  });

  it('prints blank output for an empty sheet, and full doubles (no rounding)', () => {
    expect(cyberbi('calc', writeTemp('empty.csv', '\n,,\n')).stdout).toBe('');
    const r = cyberbi('calc', writeTemp('digits.csv', '"=CYBER.INSUREDRATIO(12000000,10500000,3000000,2400000)",=1/3,"=CYBER.LOSTPROFIT(0.1,0.2)"\n'));
    expect(r.stdout).toBe('0.8666666666666667,0.3333333333333333,0.02\n');
  });

  it('reads a UTF-8 BOM and GB18030 files', () => {
    const bom = cyberbi('calc', writeTemp('bom.csv', '\uFEFF利润率,=0.5\n'));
    expect(bom.stdout).toBe('利润率,0.5\n');
    const gb = Buffer.from([0xc0, 0xfb, 0xc8, 0xf3, 0xc2, 0xca, 0x2c, 0x31, 0x0a]); // 利润率,1 in GB18030
    expect(cyberbi('calc', writeTemp('gb.csv', gb)).stdout).toBe('利润率,1\n');
  });

  it('gives messages in Chinese with --lang zh', () => {
    const file = writeTemp('zh.csv', '"=CYBER.LOSTPROFIT(-1,0.3)"\n');
    const r = cyberbi('calc', file, '--format', 'json', '--lang', 'zh');
    const cell = (JSON.parse(r.stdout) as { cells: Array<{ message: string }> }).cells[0];
    expect(cell.message).toBe('CYBER.LOSTPROFIT：参数 revenue_reduction（收益减少金额） 不得为负数，但输入的是 -1。');
  });
});

describe('CSV output guards text that a spreadsheet would run as a formula (catalogue §8, v2)', () => {
  // Text beginning with =, +, -, @, a tab or a carriage return gets a leading ' unless --raw is
  // given; numbers (negative ones included), booleans and errors are not text and print as they are.
  const input = [
    '"=""=1+1""",-abc,@SUM,"=CHAR(9)&""x""",+x,"=CHAR(13)&""y"""',
    '-5,=-5,"=""-""&""5""",a=b,=1/0,TRUE',
    '"\tliteral tab",ok,=1+1,-,"=""@""",x@y',
  ].join('\n');

  it('prints such text with a leading apostrophe, and nothing else changes', () => {
    const r = cyberbi('calc', writeTemp('guard.csv', input));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `'=1+1,'-abc,'@SUM,'\tx,'+x,"'\ry"`,
        `-5,-5,'-5,a=b,#DIV/0!,TRUE`,
        `'\tliteral tab,ok,2,'-,'@,x@y`,
        '',
      ].join('\n'),
    );
  });

  it('--raw prints the text exactly', () => {
    const r = cyberbi('calc', writeTemp('guard-raw.csv', input), '--raw');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        `=1+1,-abc,@SUM,\tx,+x,"\ry"`,
        `-5,-5,-5,a=b,#DIV/0!,TRUE`,
        `\tliteral tab,ok,2,-,@,x@y`,
        '',
      ].join('\n'),
    );
  });

  it('leaves JSON output unchanged, with or without --raw', () => {
    const file = writeTemp('guard-json.csv', input);
    const cells = (args: string[]) =>
      (JSON.parse(cyberbi('calc', file, '--format', 'json', ...args).stdout) as { cells: Array<{ cell: string; type: string; value: unknown }> }).cells
        .filter((c) => ['A1', 'B1', 'C1', 'D1', 'A2', 'B2', 'C2'].includes(c.cell))
        .map((c) => [c.cell, c.type, c.value]);
    const expected = [
      ['A1', 'text', '=1+1'],
      ['B1', 'text', '-abc'],
      ['C1', 'text', '@SUM'],
      ['D1', 'text', '\tx'],
      ['A2', 'number', -5],
      ['B2', 'number', -5],
      ['C2', 'text', '-5'],
    ];
    expect(cells([])).toEqual(expected);
    expect(cells(['--raw'])).toEqual(expected);
  });

  it('--help documents --raw; giving it twice is a usage error', () => {
    expect(cyberbi('--help').stdout).toMatch(/\[--raw\][\s\S]*--raw {2,}print text exactly in CSV output/);
    const r = cyberbi('calc', 'a.csv', '--raw', '--raw');
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith('cyberbi: --raw is given twice\n\nUsage:\n')).toBe(true);
  });
});

describe('--format json', () => {
  it('lists every non-blank cell with address, type, value, formula and error message', () => {
    const file = writeTemp('shape.csv', ['Rate,0.3,,"=CYBER.LOSTPROFIT(100,B1)"', 'ok,TRUE,,"=CYBER.LOSTPROFIT(100,2)"', ',,,=1/0'].join('\n'));
    const r = cyberbi('calc', file, '--format=json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file,
      sheet: 'shape',
      rows: 3,
      cols: 4,
      cells: [
        { cell: 'A1', row: 1, col: 1, type: 'text', value: 'Rate' },
        { cell: 'B1', row: 1, col: 2, type: 'number', value: 0.3 },
        { cell: 'D1', row: 1, col: 4, type: 'number', value: 30, formula: '=CYBER.LOSTPROFIT(100,B1)' },
        { cell: 'A2', row: 2, col: 1, type: 'text', value: 'ok' },
        { cell: 'B2', row: 2, col: 2, type: 'boolean', value: true },
        {
          cell: 'D2',
          row: 2,
          col: 4,
          type: 'error',
          value: '#VALUE!',
          message: 'CYBER.LOSTPROFIT: profit_rate is a fraction and must lie between 0 and 1 (25% is 0.25), but it is 2.',
          formula: '=CYBER.LOSTPROFIT(100,2)',
        },
        { cell: 'D3', row: 3, col: 4, type: 'error', value: '#DIV/0!', message: 'Division by zero.', formula: '=1/0' },
      ],
    });
  });

  it('marks spilled cells as values without a formula', () => {
    const r = cyberbi('calc', writeTemp('spill.csv', '"=SEQUENCE(2)"\n'), '--format', 'json');
    expect((JSON.parse(r.stdout) as { cells: unknown[] }).cells).toEqual([
      { cell: 'A1', row: 1, col: 1, type: 'number', value: 1, formula: '=SEQUENCE(2)' },
      { cell: 'A2', row: 2, col: 1, type: 'number', value: 2 },
    ]);
  });
});

describe('XLSX in', () => {
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Main');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = 3;
    // Cached results are wrong on purpose: the CLI must recompute.
    ws.getCell('B1').value = { formula: 'A1*10', result: 999 };
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 999 };
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 999 };
    // An array formula as Excel stores one: the master holds it with its range, the rest cached values.
    ws.getCell('C1').value = { formula: 'A1:A3*2', result: 7, shareType: 'array', ref: 'C1:C3' } as unknown as ExcelJS.CellValue;
    ws.getCell('C2').value = 7;
    ws.getCell('C3').value = 7;
    ws.getCell('D1').value = new Date(Date.UTC(2024, 11, 1, 12, 0, 0));
    ws.getCell('D1').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('D2').value = { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] };
    ws.getCell('D3').value = { text: 'a link', hyperlink: 'https://example.com' };
    ws.getCell('E1').value = { error: '#N/A' };
    ws.getCell('E2').value = '=not a formula';
    ws.getCell('E3').value = { formula: '_xludf.CYBER.WAITINGMET(D1-45627,0)', result: false };
    ws.mergeCells('F1:G1');
    ws.getCell('F1').value = 'merged';
    ws.getCell('F2').value = { formula: '_xldudf_CYBER_LOSTPROFIT(A2,0.25)', result: 0 };
    ws.getCell('F3').value = { formula: 'CYBER.CRISISWINDOW(D1,D1+1,IF(TRUE,180,1))', result: 0 };
    const other = wb.addWorksheet('Other 其他');
    other.getCell('A1').value = { formula: "Main!A3+CYBER.LOSTPROFIT(100,Rate)", result: 0 };
    other.getCell('B1').value = 0.25;
    wb.definedNames.add("'Other 其他'!$B$1", 'Rate');
    file = path.join(tmp, 'features.xlsx');
    await wb.xlsx.writeFile(file);
  });

  it('reads the first sheet: recomputed formulas, shared and array formulas, dates, rich text, errors', () => {
    const r = cyberbi('calc', file);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // The text cell "=not a formula" stays text and, in CSV output, is guarded with a leading '
    // (catalogue §8, v2) so that a spreadsheet opening the output does not run it.
    expect(r.stdout).toBe(['1,10,2,45627.5,#N/A,merged', "2,20,4,rich text,'=not a formula,0.5", '3,30,6,a link,TRUE,TRUE', ''].join('\n'));
  });

  it('reads another sheet with --sheet (case-insensitive), with cross-sheet references and defined names', () => {
    expect(cyberbi('calc', file, '--sheet', 'Other 其他').stdout).toBe('28,0.25\n');
    expect(cyberbi('calc', file, '--sheet=other 其他').stdout).toBe('28,0.25\n');
  });
});

describe('several sheets from one evaluation (--sheet repeated, --all-sheets)', () => {
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const main = wb.addWorksheet('Main');
    // RAND() is drawn anew by every evaluation: Other!A1 repeats it, so equal values in two
    // printed sheets show that one evaluation served both (two would differ).
    main.getCell('A1').value = { formula: 'RAND()', result: 0 };
    main.getCell('B1').value = '=text';
    main.getCell('A2').value = { formula: 'CYBER.LOSTPROFIT(100,0.25)', result: 0 };
    const other = wb.addWorksheet('Other, 其他');
    other.getCell('A1').value = { formula: 'Main!A1', result: 0 };
    other.getCell('C2').value = { formula: 'Main!A2*2', result: 0 };
    wb.addWorksheet('Empty');
    const hidden = wb.addWorksheet('Hidden', { state: 'hidden' });
    hidden.getCell('A1').value = 'h';
    file = path.join(tmp, 'sheets.xlsx');
    await wb.xlsx.writeFile(file);
  });

  function traced(...args: string[]): Run {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CYBERBI_TRACE: '1' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const csvRecords = (text: string) => text.split('\n').slice(0, -1);

  it('--all-sheets prints every sheet as CSV records led by the sheet name, one width, from one evaluation', () => {
    const r = traced('calc', file, '--all-sheets');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^cyberbi: trace: 1 workbook evaluation, 4 sheets evaluated, 4 printed; /m);
    const lines = csvRecords(r.stdout);
    const rand = lines[0].split(',')[1];
    expect(Number(rand)).toBeGreaterThanOrEqual(0);
    expect(lines).toEqual([
      `Main,${rand},'=text,`,
      'Main,25,,',
      `"Other, 其他",${rand},,`,
      '"Other, 其他",,,50',
      'Hidden,h,,',
    ]);
  });

  it('repeated --sheet prints the sheets in the order given (names matched as for one --sheet)', () => {
    const r = traced('calc', file, '--sheet', 'other, 其他', '--sheet=Main');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^cyberbi: trace: 1 workbook evaluation, 4 sheets evaluated, 2 printed; /m);
    const lines = csvRecords(r.stdout);
    const rand = lines[0].split(',')[2];
    expect(lines).toEqual([`"Other, 其他",${rand},,`, '"Other, 其他",,,50', `Main,${rand},'=text,`, 'Main,25,,']);
    // --raw applies to the sheet-name field and the cells alike.
    const raw = csvRecords(cyberbi('calc', file, '--sheet', 'Main', '--sheet', 'Hidden', '--raw').stdout);
    expect(raw).toEqual([`Main,${raw[0].split(',')[1]},=text`, 'Main,25,', 'Hidden,h,']);
  });

  it('one --sheet keeps the single-sheet CSV of catalogue section 8 (cell A1 first)', () => {
    const r = traced('calc', file, '--sheet', 'Other, 其他');
    expect(r.stderr).toMatch(/^cyberbi: trace: 1 workbook evaluation, 4 sheets evaluated, 1 printed; /m);
    expect(csvRecords(r.stdout)[1]).toBe(',,50');
  });

  it('JSON: the sheets with their sizes, and every cell with its sheet', () => {
    const r = cyberbi('calc', file, '--sheet', 'Main', '--sheet', 'Other, 其他', '--format', 'json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; sheets: unknown[]; cells: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(['file', 'sheets', 'cells']);
    expect(out.file).toBe(file);
    expect(out.sheets).toEqual([
      { sheet: 'Main', rows: 2, cols: 2 },
      { sheet: 'Other, 其他', rows: 2, cols: 3 },
    ]);
    const rand = out.cells[0].value;
    expect(out.cells).toEqual([
      { sheet: 'Main', cell: 'A1', row: 1, col: 1, type: 'number', value: rand, formula: '=RAND()' },
      { sheet: 'Main', cell: 'B1', row: 1, col: 2, type: 'text', value: '=text' },
      { sheet: 'Main', cell: 'A2', row: 2, col: 1, type: 'number', value: 25, formula: '=CYBER.LOSTPROFIT(100,0.25)' },
      { sheet: 'Other, 其他', cell: 'A1', row: 1, col: 1, type: 'number', value: rand, formula: '=Main!A1' },
      { sheet: 'Other, 其他', cell: 'C2', row: 2, col: 3, type: 'number', value: 50, formula: '=Main!A2*2' },
    ]);
    expect(Object.keys(out.cells[0])[0]).toBe('sheet');
    const all = JSON.parse(cyberbi('calc', file, '--all-sheets', '--format=json').stdout) as { sheets: Array<{ sheet: string }> };
    expect(all.sheets.map((s) => s.sheet)).toEqual(['Main', 'Other, 其他', 'Empty', 'Hidden']);
  });

  it('a CSV file with --all-sheets is its one sheet, in the several-sheets form', () => {
    const csv = writeTemp('one.csv', '1,=A1*2\n');
    expect(cyberbi('calc', csv, '--all-sheets')).toEqual({ status: 0, stdout: 'one,1,2\n', stderr: '' });
  });

  it.each([
    [['--sheet', 'Main', '--all-sheets'], 'cyberbi: --all-sheets and --sheet cannot be given together'],
    [['--all-sheets', '--all-sheets'], 'cyberbi: --all-sheets is given twice'],
    [['--sheet', 'Main', '--sheet', 'Main'], 'cyberbi: --sheet "Main" is given twice'],
    [['--sheet', 'Main', '--sheet', 'MAIN'], 'cyberbi: --sheet names the sheet "Main" twice'],
  ])('%j is a usage error', (args, message) => {
    const r = cyberbi('calc', file, ...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`${message}\n\nUsage:\n`)).toBe(true);
  });

  it('the compile cache (bin/compile-cache.js) changes no output, and CYBERBI_COMPILE_CACHE=off turns it off', () => {
    const run = (cache: string) => {
      const r = spawnSync(process.execPath, [bin, 'calc', file, '--all-sheets', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, CYBERBI_COMPILE_CACHE: cache } });
      const out = JSON.parse(r.stdout) as { cells: Array<{ cell: string; value: unknown }> };
      return { status: r.status, stderr: r.stderr, cells: out.cells.filter((c) => c.cell !== 'A1') };
    };
    const dir = path.join(tmp, 'compile-cache');
    const cold = run(dir);
    const warm = run(dir);
    expect(cold.status).toBe(0);
    expect(warm).toEqual(cold);
    expect(run('off')).toEqual(cold);
    // Node 20 has no module.enableCompileCache: the launcher keeps one cache file per Node
    // version and installed copy (a hash of its folder), and removes the one shared file earlier
    // versions wrote, whose entries of every copy ever run each run read.
    if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function') {
      const copy = createHash('sha256').update(root).digest('hex').slice(0, 16);
      expect(fs.readdirSync(dir)).toEqual([`${process.version}-${process.arch}-${copy}.cache`]);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      const legacy = path.join(dir, `${process.version}-${process.arch}.cache`);
      fs.writeFileSync(legacy, 'old');
      fs.rmSync(path.join(dir, `${process.version}-${process.arch}-${copy}.cache`));
      expect(run(dir)).toEqual(cold);
      expect(fs.readdirSync(dir)).toEqual([`${process.version}-${process.arch}-${copy}.cache`]);
      // Another copy of cyberbi (another folder) keeps a file of its own beside it.
      const other = path.join(tmp, 'other-copy');
      fs.mkdirSync(path.join(other, 'bin'), { recursive: true });
      fs.copyFileSync(path.join(root, 'bin', 'compile-cache.js'), path.join(other, 'bin', 'compile-cache.js'));
      fs.writeFileSync(path.join(other, 'bin', 'run.js'), "require('./compile-cache').install(); require(process.argv[2]);\n");
      const r = spawnSync(process.execPath, [path.join(other, 'bin', 'run.js'), path.join(root, 'lib', 'cli', 'errors.js')], { encoding: 'utf8', env: { ...process.env, CYBERBI_COMPILE_CACHE: dir } });
      expect(r.status).toBe(0);
      const otherCopy = createHash('sha256').update(other).digest('hex').slice(0, 16);
      expect(fs.readdirSync(dir).sort()).toEqual([`${process.version}-${process.arch}-${copy}.cache`, `${process.version}-${process.arch}-${otherCopy}.cache`].sort());
      // A copy's file that no run has written for 30 days is removed when another copy writes.
      const otherFile = path.join(dir, `${process.version}-${process.arch}-${otherCopy}.cache`);
      const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
      fs.utimesSync(otherFile, old, old);
      fs.rmSync(path.join(dir, `${process.version}-${process.arch}-${copy}.cache`));
      expect(run(dir)).toEqual(cold);
      expect(fs.readdirSync(dir)).toEqual([`${process.version}-${process.arch}-${copy}.cache`]);
    }
  });

  it('an unknown sheet among several is unreadable input', () => {
    const r = cyberbi('calc', file, '--sheet', 'Main', '--sheet', 'Nope');
    expect(r).toEqual({ status: 2, stdout: '', stderr: `cyberbi: ${file} has no sheet "Nope"; its sheets are: "Main", "Other, 其他", "Empty", "Hidden"\n` });
  });
});

describe('the CPIC example', () => {
  const golden = fs.readFileSync(path.join(examples, 'expected', 'cpic-network-interruption.csv'), 'utf8');

  it.each(['cpic-network-interruption.csv', 'cpic-network-interruption.xlsx'])('%s prints the golden output', (name) => {
    const r = cyberbi('calc', path.join('examples', name));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(golden);
  });

  it('gives the hand-checked figures (examples/README.md)', () => {
    const r = cyberbi('calc', 'examples/cpic-network-interruption.csv', '--format', 'json');
    const cells = (JSON.parse(r.stdout) as { cells: Array<{ row: number; col: number; value: unknown; formula?: string }> }).cells;
    const byLabel = (label: string) => {
      const labelCell = cells.find((c) => c.col === 1 && typeof c.value === 'string' && c.value.startsWith(label));
      if (!labelCell) throw new Error(`no row labelled ${label}`);
      const v = cells.find((c) => c.row === labelCell.row && c.col === 3);
      return v?.value;
    };
    expect(byLabel('Operating revenue')).toBe(35000000);
    expect(byLabel('Operating profit')).toBe(3500000);
    expect(byLabel('Profit rate')).toBe(0.28);
    expect(byLabel('Insured ratio')).toBe(0.7);
    expect(byLabel('Interruption longer than the time deductible')).toBe(true);
    expect(byLabel('Standard revenue')).toBe(4140000);
    expect(byLabel('Annual revenue')).toBe(40000000);
    expect(byLabel('Revenue reduction')).toBe(2540000);
    expect(byLabel('Lost profit')).toBe(680000);
    expect(byLabel('Prevention cost payable')).toBe(126000);
    expect(byLabel('Loss = lost profit')).toBe(806000);
    expect(byLabel('Network-interruption payout')).toBe(562500);
    expect(byLabel('Recovery-period ratio')).toBe(0.5);
    expect(byLabel('Business-continuation payout')).toBe(250000);
    expect(byLabel('Crisis costs within 180 days')).toBe(true);
    expect(byLabel('Crisis-management payout')).toBe(99000);
    expect(byLabel('Total payable')).toBe(911500);
    // Every figure is a live formula chaining the CYBER functions.
    const formulas = cells.filter((c) => c.formula).map((c) => c.formula as string);
    for (const fn of ['PROFITRATE', 'INSUREDRATIO', 'STANDARDREVENUE', 'ANNUALREVENUE', 'REVENUEREDUCTION', 'LOSTPROFIT', 'PREVENTIONCOST', 'BIPAYOUT', 'WAITINGMET', 'RECOVERYRATIO', 'CONTINUATIONPAYOUT', 'CRISISPAYOUT', 'CRISISWINDOW']) {
      expect(formulas.some((f) => f.includes(`CYBER.${fn}(`))).toBe(true);
    }
  });

  it('the xlsx holds real formulas and date cells, with the same results cached', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(examples, 'cpic-network-interruption.xlsx'));
    const ws = wb.worksheets[0];
    let formulas = 0;
    let dates = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (cell.type === ExcelJS.ValueType.Date) dates++;
      }),
    );
    expect(formulas).toBe(19);
    expect(dates).toBe(27); // 24 history months, incident, discovery and cost dates
    const total = ws.getColumn(1).values.findIndex((v) => v === 'Total payable');
    expect((ws.getCell(total, 3).value as { formula: string; result: number }).result).toBe(911500);
  });
});

describe('one formula never fails a workbook (issue 11)', () => {
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Main');
    ['a', 'b', 'c'].forEach((t, i) => (ws.getCell(1, i + 1).value = t));
    [1, 2, 3].forEach((n, i) => (ws.getCell(2, i + 1).value = n));
    // The cell that ended every run with "internal error: Function returning array cannot be vectorized".
    ws.getCell('A3').value = { formula: '_xlfn.XLOOKUP(A1:C1,A1:C1,A2:C2)', result: 1, shareType: 'array', ref: 'A3:C3' } as unknown as ExcelJS.CellValue;
    ws.getCell('D3').value = { formula: 'SUM(A2:C2)', result: 6 };
    ws.getCell('A4').value = { formula: 'NOSUCHFUNCTION(1)', result: 0 };
    ws.getCell('B4').value = { formula: 'TEXT(0.32,"0.0%")', result: '32.0%' };
    ws.getCell('C4').value = { formula: '9E+15+INT(-1.7)', result: 9e15 - 2 };
    file = path.join(tmp, 'never-fail.xlsx');
    await wb.xlsx.writeFile(file);
  });

  it('exits 0, evaluates every other cell, and shows each failing cell as an error with a message', () => {
    const r = cyberbi('calc', file, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cells = (JSON.parse(r.stdout) as { cells: Array<{ cell: string; type: string; value: unknown; message?: string }> }).cells;
    const at = (cell: string) => cells.find((c) => c.cell === cell);
    expect(at('D3')).toMatchObject({ type: 'number', value: 6 });
    expect(at('A4')).toMatchObject({ type: 'error', value: '#NAME?' });
    expect(at('A4')?.message).toBeTruthy();
    expect(at('B4')).toMatchObject({ type: 'text', value: '32.0%' });
    expect(at('C4')).toMatchObject({ type: 'number', value: 9e15 - 2 });
    // The array formula gives one result per lookup value, as in Excel.
    expect(['A3', 'B3', 'C3'].map((c) => at(c)?.value)).toEqual([1, 2, 3]);
  });
});
