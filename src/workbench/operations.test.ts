/**
 * Editing as in Excel over HyperFormula: fill and paste move relative references and keep
 * absolute ones, cut moves cells and their dependents follow, rows and columns shift every
 * reference and the model's own cell state, sheets rename, duplicate, delete and reorder.
 */
import { editText, parseTyped } from './cellText';
import { WorkbenchModel } from './model';

const A = (row: number, col: number) => ({ row, col });
const area = (r0: number, c0: number, r1 = r0, c1 = c0) => ({ start: A(r0, c0), end: A(r1, c1) });
const f = (formula: string) => ({ formula });

function model(): WorkbenchModel {
  return WorkbenchModel.blank();
}

describe('fill', () => {
  test('=C2*10000 filled down from D2 over 100 rows: row 57 is =C57*10000 with its own value', () => {
    const m = model();
    for (let r = 1; r <= 101; r++) m.setInput('Sheet1', r, 2, r * 0.5);
    m.setInput('Sheet1', 1, 3, f('=C2*10000'));
    m.setStyle('Sheet1', 1, 3, { numberFormat: '#,##0', bold: true });
    m.fill('Sheet1', area(1, 3), area(1, 3, 101, 3));
    expect(m.getInput('Sheet1', 56, 3)).toEqual(f('=C57*10000'));
    expect(m.getValue('Sheet1', 56, 3)).toBe(56 * 0.5 * 10000);
    expect(m.getInput('Sheet1', 101, 3)).toEqual(f('=C102*10000'));
    expect(m.getValue('Sheet1', 101, 3)).toBe(101 * 0.5 * 10000);
    expect(m.getStyle('Sheet1', 56, 3)).toEqual({ numberFormat: '#,##0', bold: true });
    // The source keeps its text as typed.
    expect(m.getInput('Sheet1', 1, 3)).toEqual(f('=C2*10000'));
    // One undo takes the whole fill back.
    m.undo();
    expect(m.getInput('Sheet1', 56, 3)).toBeNull();
    expect(m.getStyle('Sheet1', 56, 3)).toEqual({});
    expect(m.getValue('Sheet1', 56, 3)).toBeNull();
  });

  test('absolute and mixed references stay as Excel keeps them when filling down and right', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 2);
    m.setInput('Sheet1', 1, 1, f('=$A$1+A$1+$A1+A1'));
    m.fill('Sheet1', area(1, 1), area(1, 1, 3, 1));
    expect(m.getInput('Sheet1', 3, 1)).toEqual(f('=$A$1+A$1+$A3+A3'));
    m.fill('Sheet1', area(1, 1), area(1, 1, 1, 3));
    expect(m.getInput('Sheet1', 1, 3)).toEqual(f('=$A$1+C$1+$A1+C1'));
  });

  test('a 2-row block over 6 rows repeats (Excel semantics), and filling up moves references up', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 1);
    m.setInput('Sheet1', 1, 0, f('=A1*2'));
    m.fill('Sheet1', area(0, 0, 1, 0), area(0, 0, 5, 0));
    expect(m.getInput('Sheet1', 2, 0)).toBe(1);
    expect(m.getInput('Sheet1', 3, 0)).toEqual(f('=A3*2'));
    expect(m.getInput('Sheet1', 5, 0)).toEqual(f('=A5*2'));
    expect(m.getValue('Sheet1', 5, 0)).toBe(2);
    m.setInput('Sheet1', 9, 1, f('=A10+1'));
    m.fill('Sheet1', area(9, 1), area(7, 1, 9, 1));
    expect(m.getInput('Sheet1', 7, 1)).toEqual(f('=A8+1'));
  });

  test('Ctrl+D and Ctrl+R copy the first row / column; a single row copies the row above', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 5);
    m.setInput('Sheet1', 0, 1, f('=A1*3'));
    m.fillDown('Sheet1', area(0, 0, 2, 1));
    expect(m.getInput('Sheet1', 2, 1)).toEqual(f('=A3*3'));
    expect(m.getValue('Sheet1', 2, 1)).toBe(15);
    m.fillDown('Sheet1', area(3, 1));
    expect(m.getInput('Sheet1', 3, 1)).toEqual(f('=A4*3'));
    m.fillRight('Sheet1', area(0, 1, 0, 3));
    expect(m.getInput('Sheet1', 0, 3)).toEqual(f('=C1*3'));
  });

  test('double-click fill goes to the end of the adjacent column data', () => {
    const m = model();
    for (let r = 0; r < 8; r++) m.setInput('Sheet1', r, 0, r + 1);
    m.setInput('Sheet1', 0, 1, f('=A1^2'));
    expect(m.fillToEndArea('Sheet1', area(0, 1))).toEqual(area(0, 1, 7, 1));
    expect(m.fillToEnd('Sheet1', area(0, 1))).toEqual(area(0, 1, 7, 1));
    expect(m.getValues('Sheet1', A(0, 1), A(8, 1)).map((r) => r[0])).toEqual([1, 4, 9, 16, 25, 36, 49, 64, null]);
    // Data on the right only: that column decides.
    m.setInput('Sheet1', 0, 5, 1);
    m.setInput('Sheet1', 1, 5, 1);
    m.setInput('Sheet1', 0, 4, f('=F1'));
    expect(m.fillToEndArea('Sheet1', area(0, 4))).toEqual(area(0, 4, 1, 4));
    expect(m.fillToEndArea('Sheet1', area(0, 10))).toBeNull();
  });
});

describe('copy, cut and paste', () => {
  test('a block pasted onto another sheet: each relative reference moves, absolute ones and other-sheet ones stay', () => {
    const m = model();
    m.addSheet('Other');
    m.writeInputs('Sheet1', [
      { row: 0, col: 0, input: 10 },
      { row: 0, col: 1, input: 20 },
      { row: 1, col: 0, input: f('=A1*2') },
      { row: 1, col: 1, input: f('=SUM($A$1:B1)') },
      { row: 2, col: 0, input: f('=Other!C3+A$1') },
    ]);
    m.setStyle('Sheet1', 1, 0, { fill: '#FFF2CC' });
    m.copy('Sheet1', area(1, 0, 2, 1));
    m.paste('Other', area(4, 2));
    expect(m.getInput('Other', 4, 2)).toEqual(f('=C4*2'));
    expect(m.getInput('Other', 4, 3)).toEqual(f('=SUM($A$1:D4)'));
    expect(m.getInput('Other', 5, 2)).toEqual(f('=Other!E6+C$1'));
    expect(m.getStyle('Other', 4, 2)).toEqual({ fill: '#FFF2CC' });
    // The references are the target sheet's cells.
    m.setInput('Other', 3, 2, 7);
    expect(m.getValue('Other', 4, 2)).toBe(14);
    // Within the sheet.
    m.copy('Sheet1', area(1, 0));
    m.paste('Sheet1', area(5, 0));
    expect(m.getInput('Sheet1', 5, 0)).toEqual(f('=A5*2'));
  });

  test('a one-cell copy pasted on a range fills the range; the system clipboard gets the inputs as TSV', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 3);
    m.setInput('Sheet1', 0, 1, f('=A1+1'));
    m.setInput('Sheet1', 0, 2, 'a\tb');
    m.setInput('Sheet1', 0, 3, 0.25);
    m.setStyle('Sheet1', 0, 3, { numberFormat: '0%' });
    expect(m.copy('Sheet1', area(0, 0, 0, 3))).toBe('3\t=A1+1\t"a\tb"\t0.25');
    m.copy('Sheet1', area(0, 1));
    expect(m.paste('Sheet1', area(1, 1, 3, 1))).toEqual(area(1, 1, 3, 1));
    expect(m.getInput('Sheet1', 3, 1)).toEqual(f('=A4+1'));
    expect(m.clipboardText()).toBe('=A1+1');
  });

  test('text from another application is read as typed, formulas as written', () => {
    const m = model();
    m.pasteText('Sheet1', A(2, 1), '12%\t=B1*2\t2024-01-15\r\n"x\ty"\tplain\t1,200\r\n');
    expect(m.getInput('Sheet1', 2, 1)).toBe(0.12);
    expect(m.getStyle('Sheet1', 2, 1)).toEqual({ numberFormat: '0%' });
    expect(m.getInput('Sheet1', 2, 2)).toEqual(f('=B1*2'));
    expect(m.getInput('Sheet1', 2, 3)).toBe(45306);
    expect(m.getInput('Sheet1', 3, 1)).toBe('x\ty');
    expect(m.getInput('Sheet1', 3, 3)).toBe(1200);
    m.undo();
    expect(m.inputsOf('Sheet1')).toEqual([]);
    // pasteFromSystem: our own text means our own block (references adjusted).
    m.setInput('Sheet1', 0, 0, f('=B1'));
    const text = m.copy('Sheet1', area(0, 0));
    m.pasteFromSystem('Sheet1', area(3, 3), text);
    expect(m.getInput('Sheet1', 3, 3)).toEqual(f('=E4'));
    m.pasteFromSystem('Sheet1', area(4, 4), '=B2');
    expect(m.getInput('Sheet1', 4, 4)).toEqual(f('=B2'));
  });

  test('cut and paste moves the cells and every formula referring to them follows (same sheet)', () => {
    const m = model();
    m.addSheet('Report');
    m.setInput('Sheet1', 0, 0, 100);
    m.setInput('Sheet1', 0, 1, f('=A1*2'));
    m.setStyle('Sheet1', 0, 0, { bold: true });
    m.setInput('Report', 0, 0, f('=Sheet1!A1+1'));
    m.cut('Sheet1', area(0, 0));
    m.paste('Sheet1', area(4, 2));
    expect(m.getInput('Sheet1', 0, 0)).toBeNull();
    expect(m.getStyle('Sheet1', 0, 0)).toEqual({});
    expect(m.getInput('Sheet1', 4, 2)).toBe(100);
    expect(m.getStyle('Sheet1', 4, 2)).toEqual({ bold: true });
    expect(m.getInput('Sheet1', 0, 1)).toEqual(f('=C5*2'));
    expect(m.getInput('Report', 0, 0)).toEqual(f('=Sheet1!C5+1'));
    m.setInput('Sheet1', 4, 2, 5);
    expect(m.getValue('Sheet1', 0, 1)).toBe(10);
    expect(m.getValue('Report', 0, 0)).toBe(6);
    expect(m.clipboardText()).toBeNull();
  });

  test('cut and paste onto another sheet: moved formulas keep their cells, dependents follow', () => {
    const m = model();
    m.addSheet('Other');
    m.writeInputs('Sheet1', [
      { row: 0, col: 0, input: 3 },
      { row: 0, col: 1, input: f('=A1*2') },
      { row: 0, col: 2, input: f('=B1+C5') },
      { row: 5, col: 0, input: f('=B1*10') },
    ]);
    m.setInput('Other', 0, 0, f('=Sheet1!B1+1'));
    m.cut('Sheet1', area(0, 1, 0, 2));
    m.paste('Other', area(2, 2));
    // B1 moved to Other!C3: it still doubles Sheet1!A1; C1 moved to Other!D3 still adds Sheet1!C5
    // and the moved B1 (now beside it).
    expect(m.getInput('Other', 2, 2)).toEqual(f('=Sheet1!A1*2'));
    expect(m.getInput('Other', 2, 3)).toEqual(f('=C3+Sheet1!C5'));
    expect(m.getInput('Sheet1', 5, 0)).toEqual(f('=Other!C3*10'));
    expect(m.getInput('Other', 0, 0)).toEqual(f('=C3+1'));
    expect(m.getValue('Sheet1', 5, 0)).toBe(60);
    m.setInput('Sheet1', 0, 0, 4);
    expect(m.getValue('Other', 0, 0)).toBe(9);
    expect(m.getInput('Sheet1', 0, 1)).toBeNull();
    m.undo();
    m.undo();
    expect(m.getInput('Sheet1', 0, 1)).toEqual(f('=A1*2'));
    expect(m.getInput('Sheet1', 5, 0)).toEqual(f('=B1*10'));
    expect(m.getInput('Other', 0, 0)).toEqual(f('=Sheet1!B1+1'));
    expect(m.getValue('Sheet1', 5, 0)).toBe(60);
  });
});

describe('moves HyperFormula 3.5 gets wrong', () => {
  test('a block moved onto itself shifted down, with a SUM over it (HyperFormula throws there): the SUM follows', () => {
    const m = model();
    for (let r = 0; r < 4; r++) m.setInput('Sheet1', r, 0, r + 1);
    m.setInput('Sheet1', 0, 1, f('=A1*2'));
    m.setInput('Sheet1', 0, 3, f('=SUM(A1:A4)'));
    m.cut('Sheet1', area(0, 0, 3, 1));
    m.paste('Sheet1', area(2, 0));
    expect(m.getInput('Sheet1', 0, 0)).toBeNull();
    expect(m.getInput('Sheet1', 2, 0)).toBe(1);
    expect(m.getInput('Sheet1', 2, 1)).toEqual(f('=A3*2'));
    expect(m.getInput('Sheet1', 0, 3)).toEqual(f('=SUM(A3:A6)'));
    expect(m.getValue('Sheet1', 0, 3)).toBe(10);
    m.undo();
    expect(m.getInput('Sheet1', 0, 3)).toEqual(f('=SUM(A1:A4)'));
    expect(m.getInput('Sheet1', 0, 1)).toEqual(f('=A1*2'));
    expect(m.getValue('Sheet1', 0, 1)).toBe(2);
  });

  test('a reference to a cell the move overwrites becomes #REF! (Excel); an array formula moves with its spill', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 1);
    m.setInput('Sheet1', 5, 5, 9);
    m.setInput('Sheet1', 0, 1, f('=F6+A1'));
    m.cut('Sheet1', area(0, 0));
    m.paste('Sheet1', area(5, 5));
    expect(m.getInput('Sheet1', 0, 1)).toEqual(f('=#REF!+F6'));
    expect(m.getValue('Sheet1', 0, 1)).toMatchObject({ error: '#REF!' });
    m.undo();
    expect(m.getValue('Sheet1', 0, 1)).toBe(10);
    m.setInput('Sheet1', 1, 0, 2);
    m.setInput('Sheet1', 0, 3, f('=A1:A2*10'), { array: true });
    m.setInput('Sheet1', 0, 4, f('=SUM(D1:D2)'));
    m.cut('Sheet1', area(0, 3));
    m.paste('Sheet1', area(10, 3));
    expect(m.getInput('Sheet1', 10, 3)).toEqual(f('=A1:A2*10'));
    expect(m.isArrayFormula('Sheet1', 10, 3)).toBe(true);
    expect(m.getValues('Sheet1', A(10, 3), A(11, 3))).toEqual([[10], [20]]);
    expect(m.getValues('Sheet1', A(0, 3), A(1, 3))).toEqual([[null], [null]]);
    m.undo();
    expect(m.getValues('Sheet1', A(0, 3), A(1, 3))).toEqual([[10], [20]]);
    expect(m.getValue('Sheet1', 0, 4)).toBe(30);
  });

  test('a workbook name on a cell moved to another sheet follows it', () => {
    const m = model();
    m.addSheet('Inputs');
    m.setInput('Sheet1', 0, 0, 5000000);
    m.addName('SumInsured', '=Sheet1!$A$1');
    m.setInput('Sheet1', 1, 0, f('=SumInsured/2'));
    m.cut('Sheet1', area(0, 0));
    m.paste('Inputs', area(3, 2));
    expect(m.names()).toEqual([{ name: 'SumInsured', expression: '=Inputs!$C$4' }]);
    expect(m.getValue('Sheet1', 1, 0)).toBe(2500000);
    m.undo();
    expect(m.names()).toEqual([{ name: 'SumInsured', expression: '=Sheet1!$A$1' }]);
  });
});

describe('rows and columns', () => {
  test('a row inserted inside a referenced range: SUM ranges grow and every dependent follows', () => {
    const m = model();
    m.addSheet('Summary');
    for (let r = 0; r < 5; r++) m.setInput('Sheet1', r, 0, (r + 1) * 10);
    m.setInput('Sheet1', 5, 0, f('=SUM(A1:A5)'));
    m.setInput('Sheet1', 6, 0, f('=A6/$A$5'));
    m.setStyle('Sheet1', 4, 0, { numberFormat: '#,##0' });
    m.setInput('Summary', 0, 0, f('=Sheet1!A6+Sheet1!$A$3'));
    m.setInput('Sheet1', 0, 2, 'note 25%');
    m.insertRows('Sheet1', 2, 1);
    expect(m.getInput('Sheet1', 6, 0)).toEqual(f('=SUM(A1:A6)'));
    expect(m.getInput('Sheet1', 7, 0)).toEqual(f('=A7/$A$6'));
    expect(m.getInput('Summary', 0, 0)).toEqual(f('=Sheet1!A7+Sheet1!$A$4'));
    expect(m.getStyle('Sheet1', 5, 0)).toEqual({ numberFormat: '#,##0' });
    expect(m.getInput('Sheet1', 3, 0)).toBe(30);
    expect(m.getInput('Sheet1', 0, 2)).toBe('note 25%');
    m.setInput('Sheet1', 2, 0, 5);
    expect(m.getValue('Sheet1', 6, 0)).toBe(155);
    expect(m.getValue('Summary', 0, 0)).toBe(185);
    // Deleting rows 3 and 4 takes the cell $A$4 referred to: #REF!, as in Excel.
    m.deleteRows('Sheet1', 2, 2);
    expect(m.getInput('Sheet1', 4, 0)).toEqual(f('=SUM(A1:A4)'));
    expect(m.getInput('Summary', 0, 0)).toEqual(f('=Sheet1!A5+#REF!'));
    expect(m.getValue('Summary', 0, 0)).toMatchObject({ error: '#REF!' });
  });

  test('inserted rows take the formats of the row above, as in Excel; a copy pending there is cancelled', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 1);
    m.setStyles('Sheet1', area(0, 0, 0, 1), { fill: '#D9E1F2', numberFormat: '#,##0' });
    m.copy('Sheet1', area(0, 0));
    m.insertRows('Sheet1', 1, 2);
    expect(m.getStyle('Sheet1', 1, 0)).toEqual({ fill: '#D9E1F2', numberFormat: '#,##0' });
    expect(m.getStyle('Sheet1', 2, 1)).toEqual({ fill: '#D9E1F2', numberFormat: '#,##0' });
    expect(m.getInput('Sheet1', 1, 0)).toBeNull();
    expect(m.getStyle('Sheet1', 3, 0)).toEqual({});
    expect(m.clipboardText()).toBeNull();
    m.undo();
    expect(m.getStyle('Sheet1', 1, 0)).toEqual({});
  });

  test("a chart's data range and anchor move with inserted and deleted rows", () => {
    const m = model();
    m.addChart('Sheet1', { kind: 'line', title: 'Payout', dataAddress: 'A20:B24', anchor: 'D2' });
    m.insertRows('Sheet1', 21, 2);
    expect(m.charts('Sheet1')[0]).toMatchObject({ dataAddress: 'A20:B26', anchor: 'D2' });
    m.insertRows('Sheet1', 0, 1);
    expect(m.charts('Sheet1')[0]).toMatchObject({ dataAddress: 'A21:B27', anchor: 'D3' });
    m.deleteRows('Sheet1', 19, 3);
    expect(m.charts('Sheet1')[0]).toMatchObject({ dataAddress: 'A20:B24', anchor: 'D3' });
    m.insertColumns('Sheet1', 0, 1);
    expect(m.charts('Sheet1')[0]).toMatchObject({ dataAddress: 'B20:C24', anchor: 'E3' });
    m.undo();
    expect(m.charts('Sheet1')[0]).toMatchObject({ dataAddress: 'A20:B24', anchor: 'D3' });
  });

  test('columns inserted and deleted shift references, formats and widths', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 1);
    m.setInput('Sheet1', 0, 1, 2);
    m.setInput('Sheet1', 0, 2, f('=A1+B1'));
    m.setColumnWidths('Sheet1', { B: 20, C: 15 });
    m.setStyle('Sheet1', 0, 1, { bold: true });
    m.insertColumns('Sheet1', 1, 2);
    expect(m.getInput('Sheet1', 0, 4)).toEqual(f('=A1+D1'));
    expect(m.getStyle('Sheet1', 0, 3)).toEqual({ bold: true });
    expect(m.columnWidths('Sheet1')).toEqual({ D: 20, E: 15 });
    m.deleteColumns('Sheet1', 0, 1);
    expect(m.getInput('Sheet1', 0, 3)).toEqual(f('=#REF!+C1'));
    m.undo();
    m.undo();
    expect(m.getInput('Sheet1', 0, 2)).toEqual(f('=A1+B1'));
    expect(m.columnWidths('Sheet1')).toEqual({ B: 20, C: 15 });
  });
});

describe('sheets', () => {
  test('rename: references in other sheets follow; a taken name is refused', () => {
    const m = model();
    m.addSheet('Claim');
    m.setInput('Claim', 0, 0, 5);
    m.setInput('Sheet1', 0, 0, f('=Claim!A1*2'));
    expect(m.renameSheet('Claim', 'My claim')).toBe('My claim');
    expect(m.getInput('Sheet1', 0, 0)).toEqual(f("='My claim'!A1*2"));
    expect(m.getValue('Sheet1', 0, 0)).toBe(10);
    expect(() => m.renameSheet('My claim', 'sheet1')).toThrow(/already a sheet/);
    expect(() => m.renameSheet('My claim', 'a/b')).toThrow();
    m.undo();
    expect(m.sheetNames()).toEqual(['Sheet1', 'Claim']);
    expect(m.getInput('Sheet1', 0, 0)).toEqual(f('=Claim!A1*2'));
  });

  test('duplicate keeps inputs, formats, fills, widths; references to itself point into the copy', () => {
    const m = model();
    m.addSheet('Other');
    m.setInput('Other', 0, 0, 1000);
    m.writeInputs('Sheet1', [
      { row: 0, col: 0, input: 7 },
      { row: 1, col: 0, input: f('=A1*2') },
      { row: 2, col: 0, input: f('=Sheet1!A1+Other!A1') },
    ]);
    m.setStyle('Sheet1', 0, 0, { fill: '#D9E1F2', numberFormat: '#,##0.00', bold: true });
    m.setColumnWidths('Sheet1', { A: 30 });
    expect(m.duplicateSheet('Sheet1')).toBe('Sheet1 (2)');
    expect(m.sheetNames()).toEqual(['Sheet1', 'Sheet1 (2)', 'Other']);
    expect(m.getStyle('Sheet1 (2)', 0, 0)).toEqual({ fill: '#D9E1F2', numberFormat: '#,##0.00', bold: true });
    expect(m.columnWidths('Sheet1 (2)')).toEqual({ A: 30 });
    expect(m.getInput('Sheet1 (2)', 1, 0)).toEqual(f('=A1*2'));
    expect(m.getInput('Sheet1 (2)', 2, 0)).toEqual(f("='Sheet1 (2)'!A1+Other!A1"));
    m.setInput('Sheet1 (2)', 0, 0, 1);
    expect(m.getValue('Sheet1 (2)', 2, 0)).toBe(1001);
    expect(m.getValue('Sheet1', 2, 0)).toBe(1007);
  });

  test('delete (refs become #REF!, undo restores them), reorder, and the last visible sheet stays', () => {
    const m = model();
    m.addSheet('Data');
    m.setInput('Data', 0, 0, 4);
    m.setInput('Sheet1', 0, 0, f('=Data!A1+1'));
    m.removeSheet('Data');
    expect(m.sheetNames()).toEqual(['Sheet1']);
    expect(m.getValue('Sheet1', 0, 0)).toMatchObject({ error: '#REF!' });
    expect(() => m.removeSheet('Sheet1')).toThrow(/at least one visible sheet/);
    m.undo();
    expect(m.sheetNames()).toEqual(['Sheet1', 'Data']);
    expect(m.getInput('Data', 0, 0)).toBe(4);
    expect(m.getValue('Sheet1', 0, 0)).toBe(5);
    expect(m.getInput('Sheet1', 0, 0)).toEqual(f('=Data!A1+1'));
    m.moveSheet('Data', 0);
    expect(m.sheetNames()).toEqual(['Data', 'Sheet1']);
    m.undo();
    expect(m.sheetNames()).toEqual(['Sheet1', 'Data']);
    m.redo();
    expect(m.sheetNames()).toEqual(['Data', 'Sheet1']);
  });
});

describe('inputs as typed', () => {
  test('text, percentages and dates keep what was typed through operations', () => {
    const m = model();
    m.typeText('Sheet1', 0, 0, '25%');
    m.typeText('Sheet1', 1, 0, '2024-01-15');
    m.typeText('Sheet1', 2, 0, "'25%");
    m.typeText('Sheet1', 3, 0, '=IF(A1>0, TRUE, FALSE)');
    m.insertRows('Sheet1', 0, 1);
    expect(m.getInput('Sheet1', 1, 0)).toBe(0.25);
    expect(m.getStyle('Sheet1', 1, 0)).toEqual({ numberFormat: '0%' });
    expect(m.getInput('Sheet1', 2, 0)).toBe(45306);
    expect(m.getStyle('Sheet1', 2, 0)).toEqual({ numberFormat: 'yyyy-mm-dd' });
    expect(m.getInput('Sheet1', 3, 0)).toBe('25%');
    // HyperFormula moved the reference: the formula bar shows its text, constants as typed.
    expect(m.getInput('Sheet1', 4, 0)).toEqual(f('=IF(A2>0, TRUE, FALSE)'));
    expect(m.getValue('Sheet1', 4, 0)).toBe(true);
    // What the editor shows for them (cellText.editText) types back to the same input.
    expect(editText(m.getInput('Sheet1', 2, 0), m.getStyle('Sheet1', 2, 0).numberFormat)).toBe('2024-01-15');
    expect(editText(m.getInput('Sheet1', 3, 0), m.getStyle('Sheet1', 3, 0).numberFormat)).toBe("'25%");
    expect(editText(m.getInput('Sheet1', 4, 0))).toBe('=IF(A2>0, TRUE, FALSE)');
    expect(parseTyped(editText(m.getInput('Sheet1', 1, 0), '0%')).input).toBe(0.25);
  });

  test('a whole-column selection is formatted over the part in use, not a million rows', () => {
    const m = model();
    m.setInput('Sheet1', 4, 0, 1);
    m.setStyles('Sheet1', area(0, 0, 1048575, 0), { bold: true });
    expect(m.getStyle('Sheet1', 4, 0)).toEqual({ bold: true });
    expect(m.getStyle('Sheet1', 999, 0)).toEqual({ bold: true });
    expect(m.stylesOf('Sheet1').size).toBe(1000);
  });

  test('array formulas keep their flag when moved', () => {
    const m = model();
    m.setInput('Sheet1', 0, 0, 1);
    m.setInput('Sheet1', 1, 0, 2);
    m.setInput('Sheet1', 0, 1, f('=A1:A2*2'), { array: true });
    expect(m.getValues('Sheet1', A(0, 1), A(1, 1))).toEqual([[2], [4]]);
    m.insertColumns('Sheet1', 1, 1);
    expect(m.isArrayFormula('Sheet1', 0, 2)).toBe(true);
    expect(m.getInput('Sheet1', 0, 2)).toEqual(f('=A1:A2*2'));
    m.insertRows('Sheet1', 0, 1);
    expect(m.getInput('Sheet1', 1, 2)).toEqual(f('=A2:A3*2'));
    expect(m.isArrayFormula('Sheet1', 1, 2)).toBe(true);
    expect(m.getValues('Sheet1', A(1, 2), A(2, 2))).toEqual([[2], [4]]);
  });
});
