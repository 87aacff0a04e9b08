/**
 * Excel-saved workbooks whose filters ExcelJS cannot parse still open: the cells are read without
 * those parts (src/sheet/archive.ts leanPackage), in the CLI and the workbench, and saving from
 * the workbench keeps them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsx } from '../cli/read-xlsx';
import { openXlsx, saveXlsx } from '../workbench/xlsx';

/**
 * Sheet1: a table T over A1:B3 (a header, two rows), C1 =SUM(B2:B3); the table's autofilter is
 * as Excel writes it for a filter by icon (`iconFilter`) or for a query table's hidden buttons.
 */
async function filtered(kind: 'icon' | 'hidden'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addTable({ name: 'T', ref: 'A1', headerRow: true, columns: [{ name: 'name' }, { name: 'amount' }], rows: [['a', 10], ['b', 32]] });
  // A second, narrower table read after it: ExcelJS carries the first table's filter columns over.
  ws.addTable({ name: 'U', ref: 'E1', headerRow: true, columns: [{ name: 'code' }], rows: [['x'], ['y']] });
  ws.getCell('C1').value = { formula: 'SUM(B2:B3)', result: 42 };
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = Object.keys(zip.files)
    .filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))
    .sort()[0];
  const filter =
    kind === 'icon'
      ? '<autoFilter ref="A1:B3"><filterColumn colId="1"><iconFilter iconSet="3TrafficLights1" iconId="1"/></filterColumn></autoFilter>'
      : '<autoFilter ref="A1:B3"><filterColumn colId="0" hiddenButton="1"/><filterColumn colId="1" hiddenButton="1"/></autoFilter>';
  let xml = (await zip.file(part)!.async('string')).replace(/<autoFilter\b[^>]*\/>|<autoFilter\b[\s\S]*?<\/autoFilter>/, filter);
  // A calculated column (a query table's, as Excel writes it): ExcelJS stops reading the columns
  // there, and then finds more filter columns than columns.
  if (kind === 'hidden') xml = xml.replace(/<tableColumn id="1" name="name"[^>]*\/>/, '<tableColumn id="1" name="name"><calculatedColumnFormula>"a"</calculatedColumnFormula></tableColumn>');
  expect(xml).toContain(filter);
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

describe.each(['icon', 'hidden'] as const)('a workbook whose table filter ExcelJS cannot parse (%s)', (kind) => {
  const iconFiltered = () => filtered(kind);
  it('is refused by ExcelJS alone (the case is real)', async () => {
    await expect(new ExcelJS.Workbook().xlsx.load((await iconFiltered()) as unknown as ArrayBuffer)).rejects.toThrow(kind === 'icon' ? /iconFilter/ : /filterButton/);
  });

  it('is read by the CLI, cells and formulas', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-lean-')), 'book.xlsx');
    fs.writeFileSync(file, await iconFiltered());
    const content = await readXlsx(file);
    const cells = content.sheets[0].cells;
    expect(cells[1][1]).toBe(10);
    expect(cells[0][2]).toBe('=SUM(B2:B3)');
  });

  it('opens in the workbench, evaluates, and saves with the table\'s autofilter kept', async () => {
    const model = await openXlsx(await iconFiltered(), ExcelJS);
    expect(model.getValue('Sheet1', 0, 2)).toBe(42);
    model.setInput('Sheet1', 1, 1, 20);
    expect(model.getValue('Sheet1', 0, 2)).toBe(52);
    const saved = await JSZip.loadAsync(await saveXlsx(model, ExcelJS));
    const part = Object.keys(saved.files).find((n) => /^xl\/tables\/table\d+\.xml$/.test(n))!;
    expect(await saved.file(part)!.async('string')).toContain(kind === 'icon' ? '<iconFilter iconSet="3TrafficLights1" iconId="1"/>' : 'hiddenButton="1"');
  });
});
