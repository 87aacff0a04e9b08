import { expandThreeDReferences } from './threeD';
import { evaluateWorkbook, type SheetInput } from './workbook';

/** Jan, Feb, Mar (A1 = 1, 2, 4; B2 = 10 on Feb only), 'Q1 2025' (A1 = 100), then Sum holding the formulas. */
function workbook(formulas: string[], order = ['Jan', 'Feb', 'Mar', 'Q1 2025', 'Sum']): unknown[] {
  const data: Record<string, unknown[][]> = { Jan: [[1]], Feb: [[2], [null, 10]], Mar: [[4]], 'Q1 2025': [[100]] };
  const sheets: SheetInput[] = order.map((name) => ({ name, cells: (name === 'Sum' ? formulas.map((f) => [f]) : data[name]) as SheetInput['cells'] }));
  const results = evaluateWorkbook(sheets);
  return results[order.indexOf('Sum')].values.map((row) => row[0]);
}

describe("3-D references (Microsoft: 'Create a 3-D reference to the same cell range on multiple worksheets')", () => {
  it('take in every sheet between the two named, in sheet order, in the functions that accept them', () => {
    expect(
      workbook([
        '=SUM(Jan:Mar!A1)',
        "=SUM('Jan:Mar'!A1)",
        '=SUM(Jan:Mar!$A$1:B2)',
        '=AVERAGE(Jan:Mar!A1:B2)',
        '=COUNT(Jan:Feb!A1)',
        '=MAX(Jan:Mar!A1)',
        '=MIN(Feb:Mar!A1,Jan!A1)',
        '=PRODUCT(Jan:Mar!A1)',
        '=SUM(Jan:Mar!A:A)',
        '=SUM(Jan:Mar!1:1)',
        '=SUM(Jan:Mar!A1)+1',
        '=_xlfn.STDEV.S(Jan:Mar!A1)',
        "=SUM('Mar:Q1 2025'!A1)",
      ]),
    ).toEqual([7, 7, 17, 17 / 4, 2, 4, 1, 8, 7, 7, 8, expect.closeTo(Math.sqrt(7 / 3), 14), 104]);
  });

  it('count the sheets stored between the two, not the ones named: moving a sheet changes the span', () => {
    expect(workbook(['=SUM(Jan:Mar!A1)'], ['Jan', 'Mar', 'Feb', 'Q1 2025', 'Sum'])).toEqual([5]);
  });

  it('are #VALUE! outside the functions that take them, and in an expression of their own', () => {
    const [sumif, alone, arithmetic, vlookup] = workbook(['=SUMIF(Jan:Mar!A1,">0")', '=Jan:Mar!A1', '=SUM(Jan:Mar!A1*2)', '=VLOOKUP(1,Jan:Mar!A1:B2,2,FALSE)']);
    for (const v of [sumif, alone, arithmetic, vlookup]) expect(v).toMatchObject({ error: '#VALUE!' });
  });

  it('leave text, sheet-qualified references and ranges alone', () => {
    // Jan!A1:Feb2 is a range of Jan (Feb2 is the cell in column FEB, row 2), not a span of sheets.
    expect(workbook(['="Jan:Mar!A1"', '=SUM(Jan!A1:Feb2)', '=Feb!B2'])).toEqual(['Jan:Mar!A1', 1, 10]);
    expect(expandThreeDReferences('=SUM(A1:B2)+Jan!A1', ['Jan', 'Feb'])).toBe('=SUM(A1:B2)+Jan!A1');
    expect(expandThreeDReferences('=CONCAT("Jan:Feb!A1", Jan:Feb!A1)', ['Jan', 'Feb'])).toBe('=CONCAT("Jan:Feb!A1", #VALUE!)');
  });

  it('write each sheet as a formula names it (quoted when needed)', () => {
    expect(expandThreeDReferences("=SUM('Jan:Q1 2025'!B$3)", ['Jan', "Bob's", 'Q1 2025'])).toBe("=SUM(Jan!B$3,'Bob''s'!B$3,'Q1 2025'!B$3)");
  });

  it('a span naming a sheet the workbook does not have is no 3-D reference (#REF! as in Excel)', () => {
    expect(workbook(['=SUM(Jan:Dec!A1)'])[0]).toMatchObject({ error: expect.stringMatching(/^#(REF!|NAME\?|ERROR!)$/) });
  });
});
