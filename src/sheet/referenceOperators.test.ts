/**
 * Excel's reference operators (range, intersection, union), string literals with doubled quotes,
 * error literals HyperFormula has no literal for, LAMBDAs called where written, and what a file
 * says beyond ExcelJS's reading (names as stored, linked workbooks' cached values, A1#): values
 * as Excel computes them (Microsoft, "Calculation operators and precedence in Excel").
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { normalizeFormula } from './formula';
import { evaluateWorkbook, type InputCell, type OutputCell } from './workbook';
import { definedNamesOf, externalBooksOf, resolveExternalReferences, resolveSpillReferences } from './externalLinks';
import { readXlsx } from '../cli/read-xlsx';

/** A 6 x 8 grid: row r (1-based), column c holds r * 10 + c (B2 = 22, E5 = 55). */
function grid(): InputCell[][] {
  const rows: InputCell[][] = [];
  for (let r = 1; r <= 8; r++) {
    const row: InputCell[] = [];
    for (let c = 1; c <= 8; c++) row.push(r * 10 + c);
    rows.push(row);
  }
  return rows;
}

/** The value of `formula` in J1 of sheet Data holding {@link grid}, with the names given. */
function value(formula: string, names: Array<{ name: string; expression: string }> = []): OutputCell {
  const cells = grid();
  cells[0][9] = formula;
  const [data] = evaluateWorkbook([{ name: 'Data', cells }], { names });
  return data.values[0][9];
}

const sum = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('reference operators', () => {
  it('intersection (a space): the cells in common', () => {
    // B2:E5 ∩ C3:D4 = C3:D4
    expect(value('=SUM(B2:E5 C3:D4)')).toBe(sum(33, 34, 43, 44));
    // E3:G4 ∩ (B2:E5, G2:H5) = E3:E4 and G3:G4, both summed
    expect(value('=SUM(E3:G4 (B2:E5,G2:H5))')).toBe(sum(35, 45, 37, 47));
    // The whole formula an intersection of one cell.
    expect(value('=B2:D4 C3:H3 C1:C9')).toBe(33);
    expect(value('=SUM(A:B 2:3)')).toBe(sum(21, 22, 31, 32));
  });

  it('no cell in common is #NULL!', () => {
    expect(value('=B2:C3 E5:F6')).toEqual({ error: '#NULL!', message: 'Null intersection of ranges.' });
    expect(value('=ROW(C1:E2 F1:H2)')).toMatchObject({ error: '#NULL!' });
    expect(value('=AREAS((B2:C2 E2:F2 H2))')).toMatchObject({ error: '#NULL!' });
    expect(value('=IFERROR(B2:C3 E5:F6,7)')).toBe(7);
  });

  it('range operator between ranges and names: the bounding box', () => {
    // C2:D2:F1:G2 = C1:G2
    expect(value('=SUM(C2:D2:F1:G2)')).toBe(sum(13, 14, 15, 16, 17, 23, 24, 25, 26, 27));
    expect(value('=COLUMN(C2:D2:F1:G2 E1:F1)')).toBe(5);
    expect(value('=SUM(B2:C3:box)', [{ name: 'box', expression: '=Data!$E$4:$F$5' }])).toBe(sum(22, 23, 24, 25, 26, 32, 33, 34, 35, 36, 42, 43, 44, 45, 46, 52, 53, 54, 55, 56));
  });

  it('union: AREAS counts the areas, SUM takes them all, ROWS/COLUMNS of several is #REF!', () => {
    expect(value('=AREAS((B2:C2,E2:F2,H2))')).toBe(3);
    expect(value('=AREAS(((B2:C2,C2:E2,B4:C4,C4:E4) C1:C8))')).toBe(4);
    expect(value('=SUM((B2:C2,E2:F2,H2))')).toBe(sum(22, 23, 25, 26, 28));
    expect(value('=COLUMNS((B2:C2,E2:F2))')).toMatchObject({ error: '#REF!' });
    expect(value('=ROWS(((B2:C3) C1:C8))')).toBe(2);
    expect(value('=COLUMNS(((B2:C3) C1:C8))')).toBe(1);
  });

  it('INDEX(union, row, column, area_num) takes the area_num-th area', () => {
    expect(value('=INDEX((B2:B4,C2:C4),3,1,2)')).toBe(43);
    expect(value('=INDEX((B2:B4,C2:C4),2,1)')).toBe(32);
    expect(value('=INDEX((B2:B4,C2:C4),1,1,3)')).toMatchObject({ error: '#REF!' });
    // A computed area_num (A1 holds 11), a fraction truncated.
    expect(value('=INDEX((B2:B4,C2:C4),1,1,A1-10)')).toBe(22);
    expect(value('=INDEX((B2:B4,C2:C4),2,1,A1-8.5)')).toBe(33);
    expect(value('=INDEX((B2:B4,C2:C4),1,1,A1-8)')).toMatchObject({ error: '#REF!' });
  });

  it('a range between references INDEX, OFFSET or INDIRECT compute (src/sheet/rangeOperator.ts)', () => {
    expect(value('=SUM(A1:INDEX(A:A,3))')).toBe(sum(11, 21, 31));
    expect(value('=SUM(INDEX(B2:D4,1,1):INDEX(B2:D4,2,2))')).toBe(sum(22, 23, 32, 33));
    expect(value('=SUM(OFFSET(A1,1,1):C3)')).toBe(sum(22, 23, 32, 33));
    expect(value('=SUM(OFFSET(A1,A1-10,1):C3)')).toBe(sum(22, 23, 32, 33));
    expect(value('=SUM(A1:INDIRECT("A2"))')).toBe(sum(11, 21));
    expect(value('=ROWS(A1:INDEX(A:A,5))')).toBe(5);
    expect(value('=SUM(A1:INDEX(A:A,COUNT(A:A)))')).toBe(sum(11, 21, 31, 41, 51, 61, 71, 81));
    expect(value('=SUM(A1:INDEX(A1:A5,9))')).toMatchObject({ error: '#REF!' });
    expect(normalizeFormula('=SUM(A1:INDEX(A:A,3))')).toBe('=SUM(XLRANGE(A1,INDEX(A:A,3)))');
  });

  it('a union where one range is wanted, or an intersection over a computed reference, is a clear #VALUE!', () => {
    const v = value('=VLOOKUP(22,(B2:C3,E2:F3),2)') as { error: string; message: string };
    expect(v.error).toBe('#VALUE!');
    expect(v.message).toMatch(/union of 2 ranges/);
    expect(v.message).not.toMatch(/token|Parsing/i);
    const w = value('=SUM(INDEX(B2:D4,1,1) B2:D4)') as { error: string; message: string };
    expect(w.error).toBe('#VALUE!');
    expect(w.message).toMatch(/INDEX/);
  });

  it('leaves formulas without those operators as they are', () => {
    for (const f of ['=A1 + B1', '=(A1+B1)*2', '=IF(A1, 1, 2) + SUM( A1 , B2 )', "='Q1 2024'!A1:B2", '=SUM(A:A)+SUM(1:2)']) expect(normalizeFormula(f)).toBe(f);
    expect(normalizeFormula('=SUM(B2:E5 C3:D4)')).toBe('=SUM(C3:D4)');
    expect(normalizeFormula("='My S'!A1:B2 'My S'!B2:C3")).toBe("='My S'!B2");
  });
});

describe('literals Excel has and HyperFormula does not', () => {
  it('a doubled quote inside a string is one quote', () => {
    expect(value('=TEXT(10.93,"#"".505#""°F""#""")')).toBe('11.505#°F#');
    expect(value('="say ""hi"""')).toBe('say "hi"');
    expect(value('=LEN("""")')).toBe(1);
    expect(value('=""')).toBe('');
  });

  it('#NULL!, #CALC! and #GETTING_DATA in formulas and array constants', () => {
    expect(value('=ERROR.TYPE(#GETTING_DATA)')).toBe(8);
    expect(value('=ERROR.TYPE(#NULL!)')).toBe(1);
    expect(value('=ERROR.TYPE(#CALC!)')).toBe(14);
    expect(value('=INDEX({1,#NULL!,3},1,2)')).toMatchObject({ error: '#NULL!' });
    expect(value('=ISERROR(#NULL!)')).toBe(true);
  });

  it('a reference to a deleted cell of another sheet (Sheet!#REF!) is #REF!', () => {
    expect(value('=Other!#REF!')).toMatchObject({ error: '#REF!' });
  });

  it('a LAMBDA called where it is written', () => {
    expect(value('=LAMBDA(x,y,x*10+y)(3,4)')).toBe(34);
    expect(value('=LAMBDA(B2+1)()')).toBe(23);
    expect(value('=_xlfn.LAMBDA(_xlpm.x,_xlpm.y,SUM(_xlpm.y)+SUM(_xlpm.x+1,(_xlpm.y+B2)))(1,2)')).toBe(2 + 2 + 2 + 22);
  });
});

describe('names', () => {
  it('a name whose expression uses reference operators, names using names, backslashes', () => {
    const names = [
      { name: 'h', expression: '=Data!$B$2:$B$4 Data!$A$3:$C$3' },
      { name: 'i', expression: '=SUM(Data!$C$2:$D$3,h)' },
      { name: 'l', expression: '=h+i' },
      { name: '_12\\34', expression: '=Data!$B$2' },
      { name: 'txt', expression: '="\'ciao"' },
    ];
    const cells = grid();
    cells[0][9] = '=h';
    cells[0][10] = '=i';
    cells[0][11] = '=l';
    cells[0][12] = '=_12\\34+1';
    cells[0][13] = '="x"&txt';
    const [data] = evaluateWorkbook([{ name: 'Data', cells }], { names });
    expect(data.values[0].slice(9, 14)).toEqual([32, sum(23, 24, 33, 34) + 32, 32 + sum(23, 24, 33, 34) + 32, 23, "x'ciao"]);
  });
});

describe('names as references elsewhere, errors in order', () => {
  it('INDIRECT of a defined name is the name\'s reference', () => {
    expect(value('=SUM(INDIRECT("box"))', [{ name: 'box', expression: '=Data!$B$2:$C$3' }])).toBe(sum(22, 23, 32, 33));
    expect(value('=INDIRECT("nothing")')).toMatchObject({ error: '#REF!' });
  });

  it('SORT puts errors last in the order of their ERROR.TYPE numbers', () => {
    const cells = grid();
    cells[0][9] = '=_xlfn._xlws.SORT({#VALUE!,1,"b",#DIV/0!,#N/A,#NAME?,#REF!,#NULL!,TRUE,FALSE,#NUM!},1,1,1)';
    const [data] = evaluateWorkbook([{ name: 'Data', cells }]);
    const shown = data.values[0].slice(9, 20).map((v) => (typeof v === 'object' && v !== null ? v.error : v));
    expect(shown).toEqual([1, 'b', false, true, '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);
  });
});

describe('what the file says beyond ExcelJS: linked workbooks, names as stored, A1#', () => {
  const WORKBOOK = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Main" sheetId="1" r:id="rId1"/></sheets><externalReferences><externalReference r:id="rId9"/><externalReference r:id="rId8"/></externalReferences><definedNames><definedName name="cross">Main!$A$1:$A$2 Main!$A$2:$B$2</definedName><definedName name="linked">[1]Rates!$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Main!$A$1:$B$2</definedName></definedNames></workbook>`;
  const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="x/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rId8" Type="x/externalLink" Target="/xl/externalLinks/externalLink2.xml"/></Relationships>`;
  const LINK1 = `<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="r" r:id="rId1"><sheetNames><sheetName val="Other"/><sheetName val="Rates"/></sheetNames><definedNames><definedName name="Top" refersTo="=Rates!$B$2"/><definedName name="Gone"/></definedNames><sheetDataSet><sheetData sheetId="0"/><sheetData sheetId="1"><row r="2"><cell r="B2"><v>0.25</v></cell><cell r="C2" t="str"><v>a "b"</v></cell></row><row r="3"><cell r="B3"><v>4</v></cell><cell r="C3" t="b"><v>1</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
  const LINK2 = `<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="r" r:id="rId1"><sheetNames><sheetName val="Far Away"/></sheetNames><sheetDataSet><sheetData sheetId="0" refreshError="1"><row r="1"><cell r="A1"><v>-3</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
  const parts = new Map([
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', RELS],
    ['xl/externalLinks/externalLink1.xml', LINK1],
    ['xl/externalLinks/externalLink2.xml', LINK2],
  ]);

  it('reads the linked workbooks in the order of <externalReferences>', () => {
    const books = externalBooksOf(parts);
    expect(books).toHaveLength(2);
    expect(resolveExternalReferences('=[1]Rates!$B$2*2', books)).toBe('=0.25*2');
    expect(resolveExternalReferences("='[2]Far Away'!A1+1", books)).toBe('=(-3)+1');
    expect(resolveExternalReferences('=SUM([1]Rates!B2:B3)', books)).toBe('=SUM({0.25;4})');
    expect(resolveExternalReferences('=[1]Rates!C2&[1]Rates!C3', books)).toBe('="a ""b"""&TRUE');
    expect(resolveExternalReferences('=[1]Rates!D9', books)).toBe('=#REF!');
    expect(resolveExternalReferences('=[1]Nowhere!A1', books)).toBe('=#REF!');
    expect(resolveExternalReferences('=[3]Rates!A1', books)).toBe('=#REF!');
    expect(resolveExternalReferences('=[1]!Top', books)).toBe('=0.25');
    expect(resolveExternalReferences('=[1]!Gone', books)).toBe('=#NAME?');
    expect(resolveExternalReferences("=A2:'[2]Far Away'!A2", books)).toBe('=#VALUE!');
    expect(resolveExternalReferences('="[1]Rates!B2"', books)).toBe('="[1]Rates!B2"');
  });

  it('reads the names as xl/workbook.xml stores them', () => {
    expect(definedNamesOf(parts)).toEqual([
      { name: 'cross', expression: '=Main!$A$1:$A$2 Main!$A$2:$B$2' },
      { name: 'linked', expression: '=[1]Rates!$B$2' },
    ]);
  });

  it('A1# (ANCHORARRAY) is the range the file stores for the array formula at A1', () => {
    const spills = new Map([['MAIN', new Map([['3,2', [2, 1] as const]])]]);
    expect(resolveSpillReferences('=SUM(_xlfn.ANCHORARRAY(C4))', 'Main', spills)).toBe('=SUM(C4:C5)');
    expect(resolveSpillReferences("=SUM(ANCHORARRAY('Main'!C4))", 'Other', spills)).toBe("=SUM('Main'!C4:C5)");
    expect(resolveSpillReferences('=ANCHORARRAY(D4)', 'Main', spills)).toBe('=#REF!');
  });

  it('the CLI reader evaluates a workbook linking another with the cached values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Main');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B2').value = 3;
    ws.getCell('C1').value = { formula: '[1]Rates!$B$2*100', result: 25 };
    ws.getCell('C2').value = { formula: "'[2]Far Away'!A1+[1]Rates!B3", result: 1 };
    ws.getCell('C3').value = { formula: 'linked+cross', result: 2.25 };
    ws.getCell('C4').value = { formula: '[1]Rates!Z99', result: 0 };
    ws.getCell('C5').value = { formula: '{1,2;3,4}', result: 1 };
    ws.getCell('D1').value = { formula: 'A1:A2*2', result: 2, shareType: 'array', ref: 'D1:D2' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = { formula: 'SUM(_xlfn.ANCHORARRAY(D1))', result: 6 };
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) as string;
    const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) as string;
    zip.file(
      'xl/workbook.xml',
      workbookXml
        .replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, '')
        .replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdX1"/><externalReference r:id="rIdX2"/></externalReferences><definedNames><definedName name="cross">Main!$A$1:$A$2 Main!$A$2:$B$2</definedName><definedName name="linked">[1]Rates!$B$2</definedName></definedNames>'),
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      relsXml.replace(
        '</Relationships>',
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink2.xml"/></Relationships>',
      ),
    );
    zip.file('xl/externalLinks/externalLink1.xml', LINK1);
    zip.file('xl/externalLinks/externalLink2.xml', LINK2);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'links-')), 'book.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const content = await readXlsx(file);
    const [main] = evaluateWorkbook(content.sheets, { names: content.names });
    expect(main.values[0][2]).toBe(25);
    expect(main.values[1][2]).toBe(1);
    // linked = 0.25; cross = A2 (the one cell in common) = 2
    expect(main.values[2][2]).toBe(2.25);
    expect(main.values[3][2]).toMatchObject({ error: '#REF!' });
    // An ordinary formula that is an array constant shows its first value.
    expect(main.values[4][2]).toBe(1);
    expect(main.values[0][4]).toBe(6);
  });
});

describe('empty text as a number is #VALUE!, as in Excel (src/sheet/emptyText.ts)', () => {
  // Excel: =1+"" and =SUM("2","4","") are #VALUE! ("" is text that is no number); HyperFormula
  // read "" as 0 wherever it converts text to a number, until src/sheet/emptyText.ts.
  it('"" is no number', () => {
    expect(value('=1+""')).toMatchObject({ error: '#VALUE!' });
    expect(value('=SUM("2","4","")')).toMatchObject({ error: '#VALUE!' });
  });
});
