/**
 * Saving an opened workbook keeps every part it does not edit: a workbook built here holds each
 * feature a real underwriter's workbook has (merged cells, comments with their VML, hyperlinks,
 * data validation, conditional formatting, a table, borders/alignment/fonts, theme and indexed
 * colours, row heights, page setup, an image, a chart on a chart sheet, hidden and very hidden
 * sheets, defined names, an array formula and a shared formula with cached values, a calcChain);
 * it is opened, one cell is edited, saved, and every part of the package is compared.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileName, META_SHEET, openXlsx, saveWarnings, saveXlsx, writeNewXlsx } from './xlsx';
import { formulaElement, sheetRows } from './xlsxPackage';
import { getAttr, startTag } from './xlsxXml';

const root = path.resolve(__dirname, '..', '..');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Data!$B$2:$B$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>20</c:v></c:pt><c:pt idx="2"><c:v>30</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const CHART_DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6293556"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;

const rels = (...items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;

/** The feature workbook: ExcelJS writes what it can, then the chart sheet, chart and calcChain are added by hand. */
async function buildFeatureWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data', { pageSetup: { orientation: 'landscape', paperSize: 9, margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } } });
  ws.getCell('A1').value = 'Item';
  ws.getCell('B1').value = 'Amount';
  ws.getCell('A2').value = 'Server';
  ws.getCell('B2').value = 10;
  ws.getCell('A3').value = { text: 'Policy', hyperlink: 'https://example.com/policy' };
  ws.getCell('B3').value = 20;
  ws.getCell('A4').value = 'Claims';
  ws.getCell('B4').value = 30;
  ws.getCell('B5').value = { formula: 'SUM(B2:B4)', result: 60 };
  ws.getCell('C2').value = 7; // edited by the tests; nothing depends on it
  ws.getCell('C3').value = { formula: 'B3*3', result: 60 }; // becomes a value in one test (calcChain)
  // An array formula with its cached values over E2:E4, and a shared formula over H2:H4.
  ws.getCell('E2').value = { formula: 'B2:B4*2', result: 20, shareType: 'array', ref: 'E2:E4' } as ExcelJS.CellFormulaValue;
  ws.getCell('E3').value = 40;
  ws.getCell('E4').value = 60;
  ws.getCell('H2').value = { formula: 'B2+1', result: 11, shareType: 'shared', ref: 'H2:H4' } as ExcelJS.CellFormulaValue;
  ws.getCell('H3').value = { sharedFormula: 'H2', result: 21 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('H4').value = { sharedFormula: 'H2', result: 31 } as ExcelJS.CellSharedFormulaValue;
  // Styles: borders, alignment, fonts, theme and indexed colours.
  ws.getCell('B2').border = { top: { style: 'thin', color: { argb: 'FF000000' } }, bottom: { style: 'double', color: { indexed: 10 } as never } };
  ws.getCell('B2').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getCell('A1').font = { name: 'Georgia', size: 14, italic: true, color: { theme: 4 } as never };
  ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 5, tint: 0.3999 } as never };
  ws.getCell('A4').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } as never };
  ws.getCell('C2').border = { left: { style: 'medium', color: { argb: 'FFFF0000' } } };
  ws.getCell('C2').numFmt = '0.000';
  ws.getRow(2).height = 30;
  ws.getColumn('A').width = 20;
  ws.mergeCells('A10:C11');
  ws.getCell('A10').value = 'Merged';
  ws.getCell('B2').note = 'Checked by the underwriter';
  ws.getCell('D2').dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true };
  ws.addConditionalFormatting({ ref: 'B2:B4', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [15], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
  ws.addTable({ name: 'Losses', ref: 'J1', headerRow: true, columns: [{ name: 'Event' }, { name: 'Loss' }], rows: [['Outage', 100], ['Breach', 200]] });
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'L5:M8');
  wb.definedNames.add("'Data'!$B$2:$B$4", 'Amounts');
  wb.definedNames.add("'Data'!$B$5", 'Total');
  const hidden = wb.addWorksheet('Hidden', { state: 'hidden' });
  hidden.getCell('A1').value = 'hidden';
  const secret = wb.addWorksheet('Secret', { state: 'veryHidden' });
  secret.getCell('A1').value = { formula: 'Data!B5*2', result: 120 };
  const written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

  // A chart sheet with a chart, and a calcChain listing the formula cells.
  const zip = await JSZip.loadAsync(written);
  zip.file('xl/charts/chart1.xml', CHART);
  zip.file('xl/drawings/drawing99.xml', CHART_DRAWING);
  zip.file('xl/drawings/_rels/drawing99.xml.rels', rels(`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`));
  zip.file(
    'xl/chartsheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView zoomScale="90" workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
  );
  zip.file('xl/chartsheets/_rels/sheet1.xml.rels', rels(`<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing99.xml"/>`));
  zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="B5" i="1"/><c r="C3"/><c r="E2" a="1"/><c r="H2"/><c r="H3"/><c r="H4"/><c r="A1" i="4"/></calcChain>`);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  types = types.replace(
    '</Types>',
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  let wbRels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  wbRels = wbRels.replace(
    '</Relationships>',
    `<Relationship Id="rId90" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId91" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  let workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  workbook = workbook.replace('</sheets>', '<sheet name="Chart1" sheetId="90" r:id="rId90"/></sheets>');
  // Names ExcelJS cannot write: a constant, a formula, and one scoped to a sheet.
  workbook = workbook.replace(
    '</definedNames>',
    '<definedName name="Rate">0.25</definedName><definedName name="Doubled">Data!$B$5*2</definedName><definedName name="Local" localSheetId="0">Data!$A$1</definedName></definedNames>',
  );
  zip.file('xl/workbook.xml', workbook);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (!f.dir) out.set(name, Buffer.from(await f.async('uint8array')).toString('base64'));
  }
  return out;
}

const decode = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');

/** The cells of a sheet part by address, and the part with its `<sheetData>` cut out. */
function cellsOf(xml: string): { cells: Map<string, string>; outside: string } {
  const { data, rows } = sheetRows(xml);
  const cells = new Map<string, string>();
  for (const r of rows) for (const c of r.cells) cells.set(getAttr(startTag(c.text), 'r') ?? '', c.text);
  return { cells, outside: data ? xml.slice(0, data.start) + xml.slice(data.end) : xml };
}

/** Every part that differs between two packages (added and removed parts included). */
function changedParts(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** The cells that differ between two versions of a sheet part; asserts nothing outside sheetData moved. */
function changedCells(before: string, after: string): string[] {
  const a = cellsOf(before);
  const b = cellsOf(after);
  expect(b.outside).toBe(a.outside);
  return [...new Set([...a.cells.keys(), ...b.cells.keys()])].filter((k) => a.cells.get(k) !== b.cells.get(k)).sort();
}

let original: Uint8Array;
let before: Map<string, string>;
const DATA = 'xl/worksheets/sheet1.xml';

beforeAll(async () => {
  original = await buildFeatureWorkbook();
  before = await parts(original);
});

describe('the feature workbook', () => {
  test('holds every feature as parts of its package', () => {
    const names = [...before.keys()];
    for (const p of ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/tables/table1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/charts/chart1.xml', 'xl/chartsheets/sheet1.xml', 'xl/calcChain.xml', 'xl/styles.xml']) {
      expect(names).toContain(p);
    }
    const sheet = decode(before.get(DATA));
    for (const tag of ['<mergeCell ref="A10:C11"/>', '<hyperlink ', '<dataValidation ', '<conditionalFormatting ', '<pageSetup ', 'orientation="landscape"', 'ht="30"', 't="array" ref="E2:E4"', 't="shared"']) {
      expect(sheet).toContain(tag);
    }
    const styles = decode(before.get('xl/styles.xml'));
    for (const s of ['theme="5"', 'indexed="13"', 'Georgia', 'style="double"', 'wrapText="1"']) expect(styles).toContain(s);
    const wb = decode(before.get('xl/workbook.xml'));
    expect(wb).toMatch(/name="Hidden"[^>]*state="hidden"/);
    expect(wb).toMatch(/name="Secret"[^>]*state="veryHidden"/);
    expect(wb).toContain('<definedName name="Amounts">');
  });

  test('opens in the workbench: hidden sheets stay hidden, the chart sheet is not a grid', async () => {
    const model = await openXlsx(original, ExcelJS);
    expect(model.sheetNames()).toEqual(['Data']);
    expect(model.sheetNames({ includeHidden: true })).toEqual(['Data', 'Hidden', 'Secret']);
    expect(model.getValue('Data', 4, 1)).toBe(60);
    expect(model.getValues('Data', { row: 1, col: 4 }, { row: 3, col: 4 })).toEqual([[20], [40], [60]]);
    expect(model.getValue('Data', 3, 7)).toBe(31);
    // Every workbook-level name of the file, constants and formulas too.
    expect(model.names().map((n) => n.name).sort()).toEqual(['Amounts', 'Doubled', 'Rate', 'Total']);
    expect(model.evaluate('=Rate*4+Doubled', 'Data')).toBe(121);
    expect(saveWarnings(model)).toEqual([]);
  });
});

describe('open, edit one cell, save', () => {
  test('saved without an edit, every part is byte-identical', async () => {
    const model = await openXlsx(original, ExcelJS);
    const after = await parts(await saveXlsx(model, ExcelJS));
    expect(changedParts(before, after)).toEqual([]);
  });

  test('a cell nothing depends on: only its <c> in its sheet, and fullCalcOnLoad in workbook.xml', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 1, 2, 8); // C2: 7 → 8
    const saved = await saveXlsx(model, ExcelJS);
    const after = await parts(saved);
    expect(changedParts(before, after)).toEqual([DATA, 'xl/workbook.xml'].sort());
    expect(changedCells(decode(before.get(DATA)), decode(after.get(DATA)))).toEqual(['C2']);
    const c2 = cellsOf(decode(after.get(DATA))).cells.get('C2');
    // Its style (the red border, the 0.000 format) is the one it had.
    expect(c2).toBe(cellsOf(decode(before.get(DATA))).cells.get('C2')?.replace('<v>7</v>', '<v>8</v>'));
    const wbBefore = decode(before.get('xl/workbook.xml'));
    const wbAfter = decode(after.get('xl/workbook.xml'));
    expect(wbAfter).toContain('fullCalcOnLoad="1"');
    expect(wbAfter.replace(/ fullCalcOnLoad="1"/, '')).toBe(wbBefore.replace(/ fullCalcOnLoad="1"/, ''));
    // Read again, the edit is there and the rest as it was.
    const again = await openXlsx(saved, ExcelJS);
    expect(again.getInput('Data', 1, 2)).toBe(8);
    expect(again.sheetNames({ includeHidden: true })).toEqual(['Data', 'Hidden', 'Secret']);
    expect(again.getValue('Data', 4, 1)).toBe(60);
  });

  test('an input formulas depend on: the cell, and only the cached values of the array and shared formulas that moved', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 2, 1, 25); // B3: 20 → 25
    const after = await parts(await saveXlsx(model, ExcelJS));
    // The very hidden sheet's =Data!B5*2 moved too.
    expect(changedParts(before, after)).toEqual([DATA, 'xl/workbook.xml', 'xl/worksheets/sheet3.xml'].sort());
    expect(changedCells(decode(before.get('xl/worksheets/sheet3.xml')), decode(after.get('xl/worksheets/sheet3.xml')))).toEqual(['A1']);
    expect(cellsOf(decode(after.get('xl/worksheets/sheet3.xml'))).cells.get('A1')).toMatch(/<f>Data!B5\*2<\/f><v>130<\/v>/);
    const a = decode(before.get(DATA));
    const b = decode(after.get(DATA));
    // B3 itself; B5 = SUM; C3 = B3*3; E3 (in the array E2:E4); H3 (shared, B3+1). E2, E4, H2, H4 did not move.
    expect(changedCells(a, b)).toEqual(['B3', 'B5', 'C3', 'E3', 'H3']);
    const cells = cellsOf(b).cells;
    expect(cells.get('B5')).toMatch(/<f>SUM\(B2:B4\)<\/f><v>65<\/v>/);
    expect(cells.get('E3')).toMatch(/<v>50<\/v>/);
    expect(cells.get('H3')).toMatch(/<f t="shared" si="0"\/><v>26<\/v>/);
    // The array formula keeps its whole range.
    expect(formulaElement(cells.get('E2') ?? '')?.tag).toContain('ref="E2:E4"');
  });

  test('a formula becomes a value: its calcChain entry goes, the next entry keeps its sheet', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 2, 2, 'checked'); // C3: =B3*3 → text
    const saved = await saveXlsx(model, ExcelJS);
    const after = await parts(saved);
    expect(changedParts(before, after)).toEqual([DATA, 'xl/calcChain.xml', 'xl/workbook.xml'].sort());
    expect(changedCells(decode(before.get(DATA)), decode(after.get(DATA)))).toEqual(['C3']);
    expect(cellsOf(decode(after.get(DATA))).cells.get('C3')).toMatch(/t="inlineStr"><is><t>checked<\/t><\/is><\/c>$/);
    expect(decode(after.get('xl/calcChain.xml'))).toContain('<c r="B5" i="1"/><c r="E2" a="1"/><c r="H2"/>');
    expect(decode(before.get('xl/sharedStrings.xml'))).toBe(decode(after.get('xl/sharedStrings.xml')));
    expect((await openXlsx(saved, ExcelJS)).getInput('Data', 2, 2)).toBe('checked');
  });

  test('a new number format and bold: a new style that keeps the cell\'s border; styles.xml only gains entries', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setStyle('Data', 1, 1, { numberFormat: '#,##0.0000', bold: true }); // B2
    const saved = await saveXlsx(model, ExcelJS);
    const after = await parts(saved);
    expect(changedParts(before, after)).toEqual([DATA, 'xl/styles.xml', 'xl/workbook.xml'].sort());
    expect(changedCells(decode(before.get(DATA)), decode(after.get(DATA)))).toEqual(['B2']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(saved) as unknown as ArrayBuffer);
    const b2 = wb.getWorksheet('Data')?.getCell('B2');
    expect(b2?.numFmt).toBe('#,##0.0000');
    expect(b2?.font?.bold).toBe(true);
    expect(b2?.border?.bottom?.style).toBe('double');
    expect(b2?.alignment?.wrapText).toBe(true);
    expect(b2?.value).toBe(10);
    // Every style of the file is still there, at its index.
    const stylesBefore = decode(before.get('xl/styles.xml'));
    const stylesAfter = decode(after.get('xl/styles.xml'));
    const xfs = (s: string) => (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)?.[1] ?? '').match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
    expect(xfs(stylesAfter).slice(0, xfs(stylesBefore).length)).toEqual(xfs(stylesBefore));
    expect(xfs(stylesAfter).length).toBe(xfs(stylesBefore).length + 1);
  });

  test('a new sheet, a new name, a setting: new parts, and the old ones unchanged', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.addSheet('Notes');
    model.setInput('Notes', 0, 0, { formula: '=CONCAT("a","b")' });
    model.addName('Fee', '=0.5');
    model.setSetting('cyberbi.test', 'on');
    const saved = await saveXlsx(model, ExcelJS);
    const after = await parts(saved);
    const changed = changedParts(before, after);
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
    expect(decode(after.get('xl/worksheets/sheet4.xml'))).toContain('<f>_xlfn.CONCAT("a","b")</f><v>ab</v>');
    const again = await openXlsx(saved, ExcelJS);
    expect(again.sheetNames()).toEqual(['Data', 'Notes']);
    expect(again.getValue('Notes', 0, 0)).toBe('ab');
    expect(again.getSetting('cyberbi.test')).toBe('on');
    expect(again.names().find((n) => n.name === 'Fee')?.expression).toBe('=0.5');
    const wb = decode(after.get('xl/workbook.xml'));
    expect(wb).toContain('<definedName name="Rate">0.25</definedName><definedName name="Doubled">Data!$B$5*2</definedName><definedName name="Local" localSheetId="0">Data!$A$1</definedName><definedName name="Fee">0.5</definedName>');
    expect(wb).toMatch(new RegExp(`name="${META_SHEET}"[^>]*state="veryHidden"`));
    expect(wb).toContain('<sheet name="Chart1" sheetId="90" r:id="rId90"/>');
  });
});

describe('a workbook not opened from a file', () => {
  test('is written new, its hidden sheets hidden', async () => {
    const model = await openXlsx(original, ExcelJS);
    const fresh = await writeNewXlsx(model, ExcelJS);
    const wb = decode((await parts(fresh)).get('xl/workbook.xml'));
    expect(wb).toMatch(/name="Hidden"[^>]*state="hidden"/);
    expect(wb).toMatch(/name="Secret"[^>]*state="hidden"/);
    expect(wb).toMatch(/name="Data"[^>]*state="visible"/);
  });
});

describe('saving again', () => {
  test('a second save updates the first saved file: only the new edit differs; a sheet the workbench added is written whole', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 1, 2, 8);
    model.addSheet('Notes');
    model.setInput('Notes', 0, 0, 'first');
    const first = await parts(await saveXlsx(model, ExcelJS));
    model.setInput('Data', 3, 0, 'Claims paid'); // A4 (indexed fill kept)
    model.setInput('Notes', 1, 0, 'second');
    const second = await parts(await saveXlsx(model, ExcelJS));
    expect(changedParts(first, second)).toEqual([DATA, 'xl/worksheets/sheet4.xml']);
    expect(changedCells(decode(first.get(DATA)), decode(second.get(DATA)))).toEqual(['A4']);
    expect(cellsOf(decode(second.get('xl/worksheets/sheet4.xml'))).cells.get('A2')).toBe('<c r="A2" t="inlineStr"><is><t>second</t></is></c>');
    expect(cellsOf(decode(second.get(DATA))).cells.get('A4')).toMatch(/^<c r="A4" s="\d+" t="inlineStr">/);
  });
});

describe('edits the file side must take care of', () => {
  test("an array formula's new formula: its range is its new result's, the old range's other cells are emptied", async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 1, 4, { formula: '=B2:B3*10' }, { array: true }); // E2: {=B2:B4*2} over E2:E4 → {=B2:B3*10}
    const after = await parts(await saveXlsx(model, ExcelJS));
    expect(changedCells(decode(before.get(DATA)), decode(after.get(DATA)))).toEqual(['E2', 'E3', 'E4']);
    const cells = cellsOf(decode(after.get(DATA))).cells;
    expect(cells.get('E2')).toBe('<c r="E2"><f t="array" ref="E2:E3">B2:B3*10</f><v>100</v></c>');
    expect(cells.get('E3')).toBe('<c r="E3"><v>200</v></c>');
    expect(cells.get('E4')).toBeUndefined();
  });

  test("a shared formula's master: its dependents keep their formulas, each its own", async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 1, 7, 5); // H2, master of H2:H4
    const after = await parts(await saveXlsx(model, ExcelJS));
    expect(changedCells(decode(before.get(DATA)), decode(after.get(DATA)))).toEqual(['H2', 'H3', 'H4']);
    const cells = cellsOf(decode(after.get(DATA))).cells;
    expect(cells.get('H2')).toBe('<c r="H2"><v>5</v></c>');
    expect(cells.get('H3')).toBe('<c r="H3"><f>B3+1</f><v>21</v></c>');
    expect(cells.get('H4')).toBe('<c r="H4"><f>B4+1</f><v>31</v></c>');
    const again = await openXlsx(await saveXlsx(model, ExcelJS), ExcelJS);
    expect(again.getInput('Data', 3, 7)).toEqual({ formula: '=B4+1' });
  });

  test('a new cell in a new row and past the used range: rows in order, the dimension grows; text is escaped', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 14, 20, 'A & B <"x">'); // U15
    model.setInput('Data', 6, 0, 1.5); // A7, a row the file does not have
    const after = decode((await parts(await saveXlsx(model, ExcelJS))).get(DATA));
    expect(changedCells(decode(before.get(DATA)).replace(/<dimension ref="[^"]*"\/>/, ''), after.replace(/<dimension ref="[^"]*"\/>/, ''))).toEqual(['A7', 'U15']);
    expect(after).toMatch(/<dimension ref="A1:U15"\/>/);
    expect(after).toContain('<c r="U15" t="inlineStr"><is><t>A &amp; B &lt;"x"&gt;</t></is></c>');
    const rowsInOrder = sheetRows(after).rows.map((r) => r.row);
    expect(rowsInOrder).toEqual([...rowsInOrder].sort((a, b) => a - b));
  });

  test('a column width set in the workbench', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setColumnWidths('Data', { B: 31 });
    const saved = await saveXlsx(model, ExcelJS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(saved) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Data')?.getColumn('B').width).toBe(31);
    expect(wb.getWorksheet('Data')?.getColumn('A').width).toBe(20);
  });
});

/** The feature workbook with an Excel 365 dynamic-array formula (cm="1" and metadata.xml) over N2:N4. */
async function withDynamicArray(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(original);
  let sheet = (await zip.file(DATA)?.async('string')) ?? '';
  const cells: Record<number, string> = {
    2: '<c r="N2" cm="1"><f t="array" ref="N2:N4">_xlfn._xlws.SORT(B2:B4)</f><v>10</v></c>',
    3: '<c r="N3"><v>20</v></c>',
    4: '<c r="N4"><v>30</v></c>',
  };
  for (const [r, c] of Object.entries(cells)) sheet = sheet.replace(new RegExp(`(<row r="${r}"[^>]*>[\\s\\S]*?)</row>`), `$1${c}</row>`);
  zip.file(DATA, sheet);
  zip.file(
    'xl/metadata.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  );
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  types = types.replace('</Types>', '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>');
  zip.file('[Content_Types].xml', types);
  let wbRels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  wbRels = wbRels.replace('</Relationships>', `<Relationship Id="rId92" Type="${REL}/sheetMetadata" Target="metadata.xml"/></Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('a dynamic-array formula (Excel 365)', () => {
  test('an edit elsewhere keeps it, its cm and metadata.xml byte for byte; re-entered, it becomes an array formula of its own', async () => {
    const file = await withDynamicArray();
    const start = await parts(file);
    const model = await openXlsx(file, ExcelJS);
    model.setInput('Data', 1, 2, 8); // C2
    const after = await parts(await saveXlsx(model, ExcelJS));
    expect(changedParts(start, after)).toEqual([DATA, 'xl/workbook.xml'].sort());
    expect(changedCells(decode(start.get(DATA)), decode(after.get(DATA)))).toEqual(['C2']);
    model.setInput('Data', 1, 13, { formula: '=B2:B3*1' }, { array: true }); // N2
    const again = cellsOf(decode((await parts(await saveXlsx(model, ExcelJS))).get(DATA))).cells;
    expect(again.get('N2')).toBe('<c r="N2"><f t="array" ref="N2:N3">B2:B3*1</f><v>10</v></c>');
    expect(again.get('N4')).toBeUndefined();
  });
});

describe('a table header typed over', () => {
  test("with a new distinct name: the table's column takes it, nothing is warned", async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 0, 9, 'Incident'); // J1, header "Event" of Losses
    expect(saveWarnings(model)).toEqual([]);
    const after = await parts(await saveXlsx(model, ExcelJS));
    expect(changedParts(before, after)).toEqual([DATA, 'xl/tables/table1.xml', 'xl/workbook.xml'].sort());
    expect(decode(after.get('xl/tables/table1.xml'))).toBe(decode(before.get('xl/tables/table1.xml')).replace('name="Event"', 'name="Incident"'));
  });
});

describe('sheets renamed and deleted in the workbench', () => {
  test("a rename: the sheet's entry, and the names, charts and formulas that refer to it; its own part unchanged", async () => {
    const model = await openXlsx(original, ExcelJS);
    model.renameSheet('Data', 'Claims 2025');
    const saved = await saveXlsx(model, ExcelJS);
    const after = await parts(saved);
    expect(changedParts(before, after)).toEqual(['xl/charts/chart1.xml', 'xl/workbook.xml', 'xl/worksheets/sheet3.xml']);
    expect(decode(after.get('xl/charts/chart1.xml'))).toBe(decode(before.get('xl/charts/chart1.xml')).replace('<c:f>Data!$B$2:$B$4</c:f>', "<c:f>'Claims 2025'!$B$2:$B$4</c:f>"));
    const wb = decode(after.get('xl/workbook.xml'));
    expect(wb).toContain('<sheet sheetId="1" name="Claims 2025" state="visible"');
    expect(wb).toContain("<definedName name=\"Amounts\">'Claims 2025'!$B$2:$B$4</definedName>");
    expect(wb).toContain("<definedName name=\"Local\" localSheetId=\"0\">'Claims 2025'!$A$1</definedName>");
    expect(cellsOf(decode(after.get('xl/worksheets/sheet3.xml'))).cells.get('A1')).toContain("'Claims 2025'!B5*2");
    const again = await openXlsx(saved, ExcelJS);
    expect(again.getValue('Secret', 0, 0)).toBe(120);
    expect(saveWarnings(model)).toEqual([]);
  });

  test('a deletion: the sheet and its entry go, calcChain goes, the names scoped to later sheets are renumbered', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.removeSheet('Hidden');
    expect(saveWarnings(model).map((w) => [w.kind, w.sheet])).toEqual([['sheetRemoved', 'Hidden']]);
    const saved = await saveXlsx(model, ExcelJS);
    const after = await parts(saved);
    expect(changedParts(before, after)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/calcChain.xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml']);
    expect(after.has('xl/worksheets/sheet2.xml')).toBe(false);
    expect(decode(after.get('xl/workbook.xml'))).not.toContain('name="Hidden"');
    expect(decode(after.get('[Content_Types].xml'))).not.toContain('sheet2.xml');
    const again = await openXlsx(saved, ExcelJS);
    expect(again.sheetNames({ includeHidden: true })).toEqual(['Data', 'Secret']);
  });

  test('a move: the <sheet> entries in the new order, chart sheet in its place, names scoped to a sheet follow it', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.moveSheet('Data', 2); // Hidden, Secret, Data
    const after = await parts(await saveXlsx(model, ExcelJS));
    expect(changedParts(before, after)).toEqual(['xl/workbook.xml']);
    const wb = decode(after.get('xl/workbook.xml'));
    expect([...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Hidden', 'Secret', 'Data', 'Chart1']);
    expect(wb).toContain('<definedName name="Local" localSheetId="2">Data!$A$1</definedName>');
  });

  test('rows inserted: said before saving', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.insertRows('Data', 0, 1);
    expect(saveWarnings(model).map((w) => [w.kind, w.sheet])).toEqual([['rowsColumnsMoved', 'Data']]);
    model.undo();
    expect(saveWarnings(model)).toEqual([]);
  });
});

describe('what cannot be kept is said before saving', () => {
  test('writing into an array range, a merge, a table header', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 2, 4, 1); // E3, inside E2:E4
    model.setInput('Data', 9, 1, 'x'); // B10, covered by A10:C11
    model.setInput('Data', 0, 9, 'Loss'); // J1, header of Losses, named like its other column
    expect(saveWarnings(model).map((w) => [w.kind, w.address])).toEqual([
      ['tableHeader', 'J1'],
      ['arrayPart', 'E3'],
      ['mergedCover', 'B10'],
    ]);
    expect(saveWarnings(model)[1].en).toContain('E2:E4');
    expect(saveWarnings(model)[1].zh).toContain('数组公式');
    expect(copyFileName('Claim.xlsx')).toBe('Claim (copy).xlsx');
  });
});

describe("the project's examples", () => {
  const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.xlsx'));

  test.each(examples)('%s: saved unedited, every part is byte-identical; one input edited, only sheet parts (and workbook.xml) change', async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, 'examples', name)));
    const start = await parts(bytes);
    const model = await openXlsx(bytes, ExcelJS);
    expect(changedParts(start, await parts(await saveXlsx(model, ExcelJS)))).toEqual([]);
    const sheet = model.sheetNames()[0];
    const input = model.inputsOf(sheet).find((c) => typeof c.input === 'number');
    if (!input) throw new Error(`no number input in ${name}`);
    model.setInput(sheet, input.row, input.col, (input.input as number) + 1);
    const after = await parts(await saveXlsx(model, ExcelJS));
    const changed = changedParts(start, after);
    expect(changed.some((p) => p.startsWith('xl/worksheets/'))).toBe(true);
    // (workbook.xml changes only when it did not ask for a full recalculation on load already.)
    expect(changed.every((p) => p === 'xl/workbook.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toBe(true);
  });
});

describe('the saved workbook re-evaluated by `cyberbi calc`', () => {
  test('the edit and its dependents', async () => {
    const model = await openXlsx(original, ExcelJS);
    model.setInput('Data', 2, 1, 25);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-patch-')), 'saved.xlsx');
    fs.writeFileSync(file, await saveXlsx(model, ExcelJS));
    const built = path.join(root, 'lib', 'sheet', 'xlsx.js');
    if (!fs.existsSync(built)) execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root });
    const out = execFileSync(process.execPath, [path.join(root, 'bin', 'cyberbi.js'), 'calc', file, '--sheet', 'Data', '--format', 'json'], { encoding: 'utf8' });
    const cells = (JSON.parse(out) as { cells: Array<{ row: number; col: number; value: unknown }> }).cells;
    const at = (r: number, c: number) => cells.find((x) => x.row === r && x.col === c)?.value;
    expect([at(3, 2), at(5, 2), at(3, 3), at(3, 5), at(3, 8)]).toEqual([25, 65, 75, 50, 26]);
  });
});
