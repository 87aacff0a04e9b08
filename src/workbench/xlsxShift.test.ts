/**
 * Address shifting of the parts a save keeps verbatim, as Excel shifts them when rows or columns
 * are inserted or deleted (before/after XML snippets).
 */
import {
  type AxisEdit,
  shiftArea,
  shiftCommentsXml,
  shiftDefinedNames,
  shiftFormulaText,
  shiftSheetXml,
  shiftSpan,
  shiftSqref,
  shiftTableXml,
} from './xlsxShift';

const insRow = (index: number, count = 1): AxisEdit => ({ axis: 'row', index, delta: count });
const delRow = (index: number, count = 1): AxisEdit => ({ axis: 'row', index, delta: -count });
const insCol = (index: number, count = 1): AxisEdit => ({ axis: 'col', index, delta: count });
const delCol = (index: number, count = 1): AxisEdit => ({ axis: 'col', index, delta: -count });

describe('shiftSpan (Excel rule)', () => {
  test('insert before moves, inside grows, after leaves', () => {
    expect(shiftSpan(3, 5, insRow(2, 2))).toEqual([5, 7]);
    expect(shiftSpan(3, 5, insRow(3, 2))).toEqual([5, 7]); // at the first row: moves
    expect(shiftSpan(3, 5, insRow(4, 2))).toEqual([3, 7]);
    expect(shiftSpan(3, 5, insRow(6, 2))).toEqual([3, 5]);
  });
  test('delete all removes, some shrinks', () => {
    expect(shiftSpan(3, 5, delRow(3, 3))).toBeNull();
    expect(shiftSpan(3, 5, delRow(2, 5))).toBeNull();
    expect(shiftSpan(3, 5, delRow(4, 1))).toEqual([3, 4]);
    expect(shiftSpan(3, 5, delRow(2, 2))).toEqual([2, 3]);
    expect(shiftSpan(3, 5, delRow(5, 3))).toEqual([3, 4]);
    expect(shiftSpan(3, 5, delRow(0, 2))).toEqual([1, 3]);
  });
});

describe('shiftArea / shiftSqref', () => {
  test('cells and ranges, $ kept', () => {
    expect(shiftArea('B2', [insRow(0)])).toBe('B3');
    expect(shiftArea('$B$2:$C$4', [insRow(2), delCol(0)])).toBe('$A$2:$B$5');
    expect(shiftArea('B2:C4', [delCol(1)])).toBe('B2:B4');
    expect(shiftArea('B2:C4', [delCol(1, 2)])).toBeNull();
    expect(shiftArea('B2', [delRow(1)])).toBeNull();
  });
  test('whole columns move only with columns, whole rows only with rows', () => {
    expect(shiftArea('$A:$C', [insRow(0, 5)])).toBe('$A:$C');
    expect(shiftArea('A:C', [insCol(1)])).toBe('A:D');
    expect(shiftArea('$1:$2', [insCol(0, 3)])).toBe('$1:$2');
    expect(shiftArea('$1:$2', [insRow(0)])).toBe('$2:$3');
    expect(shiftArea('3:3', [delRow(2)])).toBeNull();
  });
  test('a sqref keeps what is left', () => {
    expect(shiftSqref('A1:A3 C5 D7:E8', [delRow(4)])).toBe('A1:A3 D6:E7');
    expect(shiftSqref('C5', [delRow(4)])).toBeNull();
  });
  test('pushed past the last row: cut there', () => {
    expect(shiftArea('A1048575:A1048576', [insRow(0)])).toBe('A1048576:A1048576');
  });
});

describe('shiftFormulaText', () => {
  test('own sheet, qualified and not; other sheets and strings untouched', () => {
    const f = `SUM(A1:A3)+Data!B2+'My sheet'!B2+Sheet1!C3+"A1"`;
    expect(shiftFormulaText(f, [insRow(1)], 'Sheet1', 'Sheet1')).toBe(`SUM(A1:A4)+Data!B2+'My sheet'!B2+Sheet1!C4+"A1"`);
    expect(shiftFormulaText(f, [insRow(1)], 'My sheet', 'Sheet1')).toBe(`SUM(A1:A3)+Data!B2+'My sheet'!B3+Sheet1!C3+"A1"`);
  });
  test('deleted cells become #REF!, prefix kept; functions and names untouched', () => {
    expect(shiftFormulaText('Sheet1!$B$2*LOG10(C3)+Rate', [delRow(1)], 'Sheet1', 'Sheet1')).toBe('Sheet1!#REF!*LOG10(C2)+Rate');
    expect(shiftFormulaText('B2', [delCol(1)], 'S', 'S')).toBe('#REF!');
  });
  test('whole columns and rows, and a workbook name (no home sheet)', () => {
    expect(shiftFormulaText('Sheet1!$A:$B,Sheet1!$1:$1', [insCol(0), insRow(0)], 'Sheet1')).toBe('Sheet1!$B:$C,Sheet1!$2:$2');
    expect(shiftFormulaText('A1+Sheet1!A1', [insRow(0)], 'Sheet1')).toBe('A1+Sheet1!A2');
  });
  test('other workbooks untouched', () => {
    expect(shiftFormulaText('[1]Sheet1!A1', [insRow(0)], 'Sheet1', 'Sheet1')).toBe('[1]Sheet1!A1');
  });
});

describe('shiftSheetXml', () => {
  const sheet = (tail: string, head = '') =>
    `<worksheet><dimension ref="A1:E9"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="C3" sqref="C3"/></sheetView></sheetViews>${head}<sheetData><row r="3"><c r="C3"><v>1</v></c></row></sheetData>${tail}</worksheet>`;

  test('insert a row: merges, hyperlinks, validation, CF and dimension move; cells untouched', () => {
    const before = sheet(
      `<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="B3:C4"/></mergeCells>` +
        `<conditionalFormatting sqref="C2:C9"><cfRule type="expression" priority="1"><formula>C2&gt;$A$1</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="1"><dataValidation type="list" sqref="D3:D5"><formula1>$F$1:$F$4</formula1></dataValidation></dataValidations>` +
        `<hyperlinks><hyperlink ref="E5" r:id="rId1"/></hyperlinks>`,
    );
    const after = shiftSheetXml(before, 'Sheet1', [insRow(2)]);
    expect(after).toBe(
      sheet(
        `<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="B4:C5"/></mergeCells>` +
          `<conditionalFormatting sqref="C2:C10"><cfRule type="expression" priority="1"><formula>C2&gt;$A$1</formula></cfRule></conditionalFormatting>` +
          `<dataValidations count="1"><dataValidation type="list" sqref="D4:D6"><formula1>$F$1:$F$5</formula1></dataValidation></dataValidations>` +
          `<hyperlinks><hyperlink ref="E6" r:id="rId1"/></hyperlinks>`,
      )
        .replace('A1:E9', 'A1:E10')
        .replace('activeCell="C3" sqref="C3"', 'activeCell="C4" sqref="C4"')
        .replace('<row r="3"><c r="C3">', '<row r="3"><c r="C3">'),
    );
  });

  test('delete a column: contained merge/validation/link removed, straddling ones shrink, counts updated, cols shift', () => {
    const before = sheet(
      `<mergeCells count="2"><mergeCell ref="B1:B2"/><mergeCell ref="A3:C3"/></mergeCells>` +
        `<conditionalFormatting sqref="B5"><cfRule type="cellIs" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>` +
        `<conditionalFormatting sqref="A1:D1"><cfRule type="expression" priority="2"><formula>B1&gt;0</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="2"><dataValidation type="whole" sqref="B2"><formula1>1</formula1></dataValidation><dataValidation type="list" sqref="C2 B7"><formula1>Lists!$A$1:$A$3</formula1></dataValidation></dataValidations>` +
        `<hyperlinks><hyperlink ref="B4" r:id="rId1"/></hyperlinks>`,
      `<cols><col min="1" max="1" width="5" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/><col min="3" max="5" width="12" customWidth="1"/></cols>`,
    );
    const after = shiftSheetXml(before, 'Sheet1', [delCol(1)]);
    expect(after).toBe(
      sheet(
        `<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>` +
          `<conditionalFormatting sqref="A1:C1"><cfRule type="expression" priority="2"><formula>#REF!&gt;0</formula></cfRule></conditionalFormatting>` +
          `<dataValidations count="1"><dataValidation type="list" sqref="B2"><formula1>Lists!$A$1:$A$3</formula1></dataValidation></dataValidations>`,
        `<cols><col min="1" max="1" width="5" customWidth="1"/><col min="2" max="4" width="12" customWidth="1"/></cols>`,
      )
        .replace('A1:E9', 'A1:D9')
        .replace('activeCell="C3" sqref="C3"', 'activeCell="B3" sqref="B3"'),
    );
  });

  test('delete a row holding the selection: it goes to A1; nothing else on the sheet: unchanged', () => {
    const before = sheet('');
    expect(shiftSheetXml(before, 'Sheet1', [delRow(2)])).toBe(before.replace('activeCell="C3" sqref="C3"', 'activeCell="A1" sqref="A1"').replace('A1:E9', 'A1:E8'));
    expect(shiftSheetXml(before, 'Sheet1', [])).toBe(before);
  });
});

describe('comments, tables, defined names', () => {
  test('comments move; a deleted cell loses its comment', () => {
    const xml = `<comments><commentList><comment ref="B2" authorId="0"><text><t>a</t></text></comment><comment ref="C5" authorId="0"><text><t>b</t></text></comment></commentList></comments>`;
    expect(shiftCommentsXml(xml, [delRow(1), insCol(0)])).toBe(`<comments><commentList><comment ref="D4" authorId="0"><text><t>b</t></text></comment></commentList></comments>`);
  });

  test('a table moves and grows with rows; columns inserted inside it: left (undefined); all deleted: null', () => {
    const xml = `<table id="1" name="T" displayName="T" ref="B2:C5"><autoFilter ref="B2:C5"/><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>`;
    expect(shiftTableXml(xml, [insRow(0), insRow(3), insCol(0)])).toBe(xml.replace(/B2:C5/g, 'C3:D7'));
    expect(shiftTableXml(xml, [delRow(3)])).toBe(xml.replace(/B2:C5/g, 'B2:C4'));
    expect(shiftTableXml(xml, [insCol(2)])).toBeUndefined();
    expect(shiftTableXml(xml, [delCol(1)])).toBeUndefined();
    expect(shiftTableXml(xml, [delRow(1)])).toBeUndefined(); // its header row
    expect(shiftTableXml(xml, [delCol(0, 4)])).toBeNull();
  });

  test('defined names, print area and titles of the edited sheet move; other sheets stay', () => {
    const wb =
      `<workbook><definedNames><definedName name="Rate">Sheet1!$B$3</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$D$20</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$1:$2</definedName>` +
      `<definedName name="Other">Data!$B$3</definedName><definedName name="Gone">Sheet1!$C$1</definedName></definedNames></workbook>`;
    expect(shiftDefinedNames(wb, 'Sheet1', [insRow(0), delCol(2)])).toBe(
      `<workbook><definedNames><definedName name="Rate">Sheet1!$B$4</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$2:$C$21</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$2:$3</definedName>` +
        `<definedName name="Other">Data!$B$3</definedName><definedName name="Gone">Sheet1!#REF!</definedName></definedNames></workbook>`,
    );
  });
});
