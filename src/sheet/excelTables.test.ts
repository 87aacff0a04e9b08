/**
 * Tables as Excel saves them (read from the table parts: src/sheet/tables.ts storedTableOf), a
 * workbook's own book `[0]` and SUBTOTAL's nested subtotals (src/sheet/subtotal.ts).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { storedTableOf } from './tables';
import { resolveExternalReferences } from './externalLinks';
import { evaluateWorkbook, type InputCell } from './workbook';
import { readXlsx } from '../cli/read-xlsx';

// A query table as Excel writes it: its first column computed (<calculatedColumnFormula>), which
// ExcelJS's own reading stops at; a column name ending in a space; one with the characters a
// structured reference escapes with ' ("Using structured references with Excel tables": [ ] # ').
const TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="\\_T.1" displayName="\\_T.1" ref="A1:D4" tableType="queryTable" totalsRowShown="0">' +
  '<autoFilter ref="A1:D4"/><tableColumns count="4">' +
  '<tableColumn id="4" uniqueName="4" name="double" queryTableFieldId="4" dataDxfId="0"><calculatedColumnFormula>\\_T.1[[#This Row],[valueA]]*2</calculatedColumnFormula></tableColumn>' +
  '<tableColumn id="1" uniqueName="1" name="valueA" queryTableFieldId="1"/>' +
  '<tableColumn id="2" uniqueName="2" name="calc=#*#" queryTableFieldId="2"/>' +
  '<tableColumn id="3" uniqueName="3" name="Gender " queryTableFieldId="3"/>' +
  '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';

describe('table parts as Excel writes them', () => {
  it('reads every column, the header row Excel leaves implicit and a totals row', () => {
    // Its autofilter (rows 1–4) filters nothing: rows hidden in it were hidden by Hide Rows (src/sheet/hiddenRows.ts).
    expect(storedTableOf(TABLE_XML)).toEqual({ name: '\\_T.1', ref: 'A1:D4', headerRow: true, totalsRow: false, columns: ['double', 'valueA', 'calc=#*#', 'Gender '], filter: { top: 0, bottom: 3, active: false } });
    const other = '<table xmlns="x" id="2" name="T2" displayName="Sales" ref="B2:C9" headerRowCount="0" totalsRowCount="1"><tableColumns count="2"><tableColumn id="1" name="Line_x000a_two"/><tableColumn id="2" name="a &amp; b"/></tableColumns></table>';
    expect(storedTableOf(other)).toEqual({ name: 'Sales', ref: 'B2:C9', headerRow: false, totalsRow: true, columns: ['Line\ntwo', 'a & b'] });
    expect(storedTableOf('<worksheet/>')).toBeUndefined();
  });

  it('evaluates references to a query table with a calculated column, a whole body, spaces and escapes', async () => {
    const wb = new ExcelJS.Workbook();
    const q = wb.addWorksheet('Query');
    q.addTable({
      name: 'T1',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'double' }, { name: 'valueA' }, { name: 'calc=#*#' }, { name: 'Gender ' }],
      rows: [
        [2, 1, 10, 'm '],
        [4, 2, 20, 'f'],
        [6, 3, 30, 'm'],
      ],
    });
    // The calculated column's cells hold the column's formula (what Excel saves in the sheet).
    for (const r of [2, 3, 4]) q.getCell(`A${r}`).value = { formula: '\\_T.1[[#This Row],[valueA]]*2', result: 2 * (r - 1) };
    q.getCell('F2').value = { formula: 'TRIM(\\_T.1[[#This Row],[Gender ]])', result: 'm' };
    const use = wb.addWorksheet('Use');
    use.getCell('A1').value = { formula: "SUM(\\_T.1[calc='#*'#])", result: 60 };
    use.getCell('A2').value = { formula: 'VLOOKUP(4,\\_T.1[],3,FALSE)', result: 20 };
    use.getCell('A3').value = { formula: 'SUBTOTAL(109,\\_T.1[valueA])', result: 6 };
    use.getCell('A4').value = { formula: 'SUM(\\_T.1[double])', result: 12 };
    use.getCell('A5').value = { formula: '[0]!Rate*2', result: 40 };
    use.getCell('A6').value = { formula: 'total', result: 6 };
    use.getCell('A7').value = { formula: 'Query!Local1+1', result: 3 };
    wb.definedNames.add('Query!$C$3', 'Rate');
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const tablePart = Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(tablePart).toBeDefined();
    zip.file(tablePart as string, TABLE_XML);
    // A defined name holding a table reference; a sheet-level name, used from another sheet as Query!Local1.
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) as string;
    expect(workbookXml).toContain('</definedNames>');
    zip.file('xl/workbook.xml', workbookXml.replace('</definedNames>', '<definedName name="total">SUM(\\_T.1[valueA])</definedName><definedName name="Local1" localSheetId="0">Query!$B$3</definedName></definedNames>'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tables-')), 'book.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const content = await readXlsx(file);
    const [query, used] = evaluateWorkbook(content.sheets, { names: content.names });
    expect(query.values.slice(1, 4).map((r) => r[0])).toEqual([2, 4, 6]);
    expect(query.values[1][5]).toBe('m');
    expect(used.values.map((r) => r[0])).toEqual([60, 20, 6, 12, 40, 6, 3]);
  });
});

describe('[0], the workbook itself', () => {
  it('[0]!Name is the workbook-level name', () => {
    expect(resolveExternalReferences('=IF(A1=42,[0]!NR_Global, -1)', [])).toBe('=IF(A1=42,NR_Global, -1)');
    const [s] = evaluateWorkbook([{ name: 'S', cells: [[42, '=IF(A1=42,NR_Global*2,-1)']] }], { names: [{ name: 'NR_Global', expression: '=S!$A$1' }] });
    expect(s.values[0][1]).toBe(84);
  });
});

describe('SUBTOTAL leaves nested subtotals out (Microsoft: "these nested subtotals are ignored to avoid double counting")', () => {
  const col = (cells: InputCell[]) => evaluateWorkbook([{ name: 'S', cells: cells.map((c) => [c]) }])[0].values.map((r) => r[0]);

  it('in cell references and ranges, whatever the function', () => {
    const values = col([
      1, // A1
      '=SUBTOTAL(9,A1)', // A2: 1
      '=SUBTOTAL(9,A1,A2)', // A3: A2 ignored → 1
      '=SUBTOTAL(9,A1:A3)', // A4: 1
      '=SUBTOTAL(109,A2:A4)', // A5: every cell a subtotal → 0
      '=SUBTOTAL(1,A2:A3)', // A6: a mean of none → #DIV/0!
      '=SUM(A1:A6)', // A7: SUM does not ignore them: 1+1+1+1+0 (A6 an error)
      '=SUBTOTAL(9,A2)*2+1', // A8: a formula calling SUBTOTAL anywhere is a subtotal → 1
      '=SUBTOTAL(2,A1:A8)', // A9: A1 the one number (A7 an error, the rest subtotals) → 1
      5, // A10
      '=SUBTOTAL(4,A1:A10)', // A11: MAX over A1, A7, A10 (A7 an error) → #DIV/0!
      '=SUBTOTAL(9,A1,A10)', // A12: 6
    ]);
    expect(values[1]).toBe(1);
    expect(values[2]).toBe(1);
    expect(values[3]).toBe(1);
    expect(values[4]).toBe(0);
    expect(values[5]).toMatchObject({ error: '#DIV/0!' });
    expect(values[6]).toMatchObject({ error: '#DIV/0!' });
    expect(values[7]).toBe(1);
    expect(values[8]).toBe(1);
    expect(values[10]).toMatchObject({ error: '#DIV/0!' });
    expect(values[11]).toBe(6);
  });

  it('a range without nested subtotals is HyperFormula’s SUBTOTAL as before', () => {
    const values = col([1, 2, 3, '=SUBTOTAL(1,A1:A3)', '=SUBTOTAL(102,A1:A4)', '=SUBTOTAL(9,A1:A3,10)']);
    expect(values.slice(3)).toEqual([2, 3, 16]);
  });
});
