/**
 * A model built in the workbench (a CPIC chain of CYBER formulas, a spilling CYBER.POOLSHARE, a
 * second sheet, names, formats, settings, a chart) saved to .xlsx: the CLI's reader, the real
 * `cyberbi calc` and the workbench itself read it back to the same values and inputs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../cli/read-xlsx';
import { evaluateWorkbook, type OutputCell, usedRange } from '../sheet/workbook';
import type { CellValue } from '../taskpane/gateway';
import { WorkbenchModel } from './model';
import { createWorkbenchGateway } from './workbenchGateway';
import { META_SHEET, openXlsx, saveXlsx } from './xlsx';

const root = path.resolve(__dirname, '..', '..');
const CLAIM = 'Claim 理赔';

/** Builds the model through the gateway, as the task pane would. */
async function buildModel(): Promise<WorkbenchModel> {
  const model = WorkbenchModel.blank();
  const gateway = createWorkbenchGateway(model);
  const name = await gateway.addSheet({
    name: CLAIM,
    cells: [
      { address: 'A1', input: 'Revenue 经营性收益' },
      { address: 'B1', input: 10000000, numberFormat: '#,##0.00' },
      { address: 'B2', input: 8000000, numberFormat: '#,##0.00' },
      { address: 'B3', input: 1500000 },
      { address: 'B4', input: 1200000 },
      { address: 'B5', input: { formula: '=CYBER.PROFITRATE(B1,B2,B3,B4)' }, numberFormat: '0.00%' },
      { address: 'B6', input: { formula: '=CYBER.INSUREDRATIO(B1,B2,B3,B4,TRUE)' }, numberFormat: '0.00%' },
      { address: 'B7', input: 3000000 },
      { address: 'B8', input: 1800000 },
      { address: 'B9', input: { formula: '=CYBER.REVENUEREDUCTION(B7,B8)' } },
      { address: 'B10', input: { formula: '=CYBER.LOSTPROFIT(B9,B5,50000)' }, bold: true },
      { address: 'B11', input: 100000 },
      { address: 'B12', input: 5000000 },
      { address: 'B13', input: 2000000 },
      { address: 'B14', input: { formula: '=CYBER.BIPAYOUT(B10,Deductible,SumInsured,B13)' }, bold: true, fill: '#DDEBF7' },
      { address: 'B15', input: 45306, numberFormat: 'yyyy-mm-dd' },
      { address: 'B16', input: { formula: '=IF(B14>0, TRUE, FALSE)' } },
      { address: 'B17', input: '=not a formula' },
      { address: 'D1', input: 4000000 },
      { address: 'D2', input: 5000000 },
      { address: 'D3', input: 3000000 },
      { address: 'E1', input: { formula: '=CYBER.POOLSHARE(D1:D3,10000000,25000000)' } },
      { address: 'F1', input: { formula: '=SUM(E1:E3)' } },
    ],
    names: [
      { name: 'Deductible', address: 'B11' },
      { name: 'SumInsured', address: 'B12' },
    ],
    columnWidths: { A: 28, B: 16 },
    charts: [{ kind: 'column', title: 'Pool shares', dataAddress: 'D1:E3', anchor: 'H2' }],
  });
  const summary = await gateway.addSheet({ name: 'Summary', cells: [{ address: 'A1', input: { formula: `='${CLAIM}'!B14*2` } }] });
  expect([name, summary]).toEqual([CLAIM, 'Summary']);
  await gateway.saveSetting('cyberbi.scenarios', JSON.stringify({ base: { B7: 3000000 }, long: 'x'.repeat(70000) }));
  await gateway.saveSetting('empty', '');
  return model;
}

/** Every value of a sheet's used range, as the workbench computes it. */
function valuesOf(model: WorkbenchModel, sheet: string): CellValue[][] {
  const { rows, cols } = model.usedSize(sheet);
  return model.getValues(sheet, { row: 0, col: 0 }, { row: rows - 1, col: cols - 1 });
}

const plain = (v: CellValue) => (v !== null && typeof v === 'object' ? v.error : v);

let model: WorkbenchModel;
let bytes: Uint8Array;
let file: string;

beforeAll(async () => {
  model = await buildModel();
  bytes = await saveXlsx(model, ExcelJS);
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-workbench-')), 'model.xlsx');
  fs.writeFileSync(file, bytes);
});

describe('the workbench model computes the CPIC chain', () => {
  test('values', () => {
    const v = (a: number, b: number) => model.getValue(CLAIM, a, b);
    expect([v(4, 1), v(8, 1), v(9, 1), v(13, 1), v(15, 1)]).toEqual([0.32, 1200000, 334000, 234000, true]);
    expect(v(5, 1)).toBeCloseTo(3200000 / 3500000, 15);
    expect(model.getValues(CLAIM, { row: 0, col: 4 }, { row: 2, col: 5 })).toEqual([
      [3333333.3333333335, 10000000],
      [4166666.6666666665, null],
      [2500000, null],
    ]);
    expect(model.getValue('Summary', 0, 0)).toBe(468000);
    expect(model.getValue(CLAIM, 16, 1)).toBe('=not a formula');
  });
});

describe('saved .xlsx', () => {
  test('holds formulas with cached values, the spill as an array formula, formats and names', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet(CLAIM);
    if (!ws) throw new Error('sheet missing');
    expect(ws.getCell('B14').value).toEqual({ formula: 'CYBER.BIPAYOUT(B10,Deductible,SumInsured,B13)', result: 234000 });
    expect(ws.getCell('E1').value).toMatchObject({ formula: 'CYBER.POOLSHARE(D1:D3,10000000,25000000)', shareType: 'array', ref: 'E1:E3', result: 3333333.3333333335 });
    expect(ws.getCell('E3').value).toBe(2500000);
    expect(ws.getCell('B5').numFmt).toBe('0.00%');
    expect(ws.getCell('B15').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B14').font?.bold).toBe(true);
    expect(ws.getColumn('A').width).toBe(28);
    expect(wb.definedNames.model).toEqual(
      expect.arrayContaining([
        { name: 'Deductible', ranges: [`'${CLAIM}'!$B$11`] },
        { name: 'SumInsured', ranges: [`'${CLAIM}'!$B$12`] },
      ]),
    );
    expect(wb.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sheet1', CLAIM, 'Summary', META_SHEET]);
  });

  test("the CLI's reader evaluates it to the values the workbench shows", async () => {
    const content = await readXlsx(file);
    const results = evaluateWorkbook(content.sheets, { names: content.names, arrayArithmetic: false });
    for (const sheet of [CLAIM, 'Summary']) {
      const cli = results.find((r) => r.name === sheet);
      const ours = valuesOf(model, sheet);
      const cliValues = usedRange(cli?.values ?? []).map((row) => row.map((v) => plain(v as CellValue)));
      expect(cliValues).toEqual(usedRange(ours as OutputCell[][]).map((row) => row.map((v) => plain(v as CellValue))));
    }
  });

  test('`cyberbi calc` prints the same values', () => {
    const built = path.join(root, 'lib', 'sheet', 'xlsx.js');
    if (!fs.existsSync(built)) execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root });
    const out = execFileSync(process.execPath, [path.join(root, 'bin', 'cyberbi.js'), 'calc', file, '--sheet', CLAIM, '--format', 'json'], {
      encoding: 'utf8',
    });
    const cells = (JSON.parse(out) as { cells: Array<{ row: number; col: number; value: unknown }> }).cells;
    const byAddress = new Map(cells.map((c) => [`${c.row - 1},${c.col - 1}`, c.value]));
    const ours = valuesOf(model, CLAIM);
    let compared = 0;
    ours.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        expect([r, c, byAddress.get(`${r},${c}`)]).toEqual([r, c, plain(v)]);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(20);
    expect(byAddress.get('13,1')).toBe(234000);
    expect(byAddress.get('2,4')).toBe(2500000);
  });

  test('the workbench opens it again with the same inputs, values, formats, names, settings and charts', async () => {
    const again = await openXlsx(bytes, ExcelJS);
    expect(again.sheetNames()).toEqual(['Sheet1', CLAIM, 'Summary']);
    for (const sheet of again.sheetNames()) expect(valuesOf(again, sheet)).toEqual(valuesOf(model, sheet));
    expect(again.getInput(CLAIM, 13, 1)).toEqual({ formula: '=CYBER.BIPAYOUT(B10,Deductible,SumInsured,B13)' });
    expect(again.getInput(CLAIM, 15, 1)).toEqual({ formula: '=IF(B14>0, TRUE, FALSE)' });
    expect(again.getInput(CLAIM, 0, 4)).toEqual({ formula: '=CYBER.POOLSHARE(D1:D3,10000000,25000000)' });
    expect(again.getInput(CLAIM, 16, 1)).toBe('=not a formula');
    expect(again.getInput(CLAIM, 1, 4)).toBeNull(); // covered by the spill
    expect(again.getStyle(CLAIM, 4, 1)).toEqual({ numberFormat: '0.00%' });
    expect(again.getStyle(CLAIM, 13, 1)).toEqual({ bold: true, fill: '#DDEBF7' });
    expect(again.columnWidths(CLAIM)).toMatchObject({ A: 28, B: 16 });
    expect(again.names()).toEqual(model.names());
    expect(again.settingEntries()).toEqual(model.settingEntries());
    expect(again.charts(CLAIM)).toEqual(model.charts(CLAIM));
    // Saved again, it is the same workbook.
    const twice = await openXlsx(await saveXlsx(again, ExcelJS), ExcelJS);
    expect(valuesOf(twice, CLAIM)).toEqual(valuesOf(model, CLAIM));
  });

  test('the CPIC example opens in the workbench with the values `cyberbi calc` prints', async () => {
    const example = path.join(root, 'examples', 'cpic-network-interruption.xlsx');
    const opened = await openXlsx(fs.readFileSync(example), ExcelJS);
    const sheet = opened.sheetNames()[0];
    const expected = fs.readFileSync(path.join(root, 'examples', 'expected', 'cpic-network-interruption.csv'), 'utf8');
    const content = await readXlsx(example);
    const [cli] = evaluateWorkbook(content.sheets, { names: content.names });
    const ours = valuesOf(opened, sheet);
    cli.values.forEach((row, r) => row.forEach((v, c) => expect([r, c, plain((ours[r]?.[c] ?? null) as CellValue)]).toEqual([r, c, plain(v as CellValue)])));
    expect(expected.length).toBeGreaterThan(0);
  });
});
