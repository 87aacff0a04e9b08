/**
 * The reference rewriter used where HyperFormula 3.5 does not follow Excel (moves across sheets,
 * a duplicated sheet's references to itself): only cell references change, their $ marks stay,
 * string literals and function names are left alone.
 */
import { mapReferences, renameSheetReferences } from './references';

describe('mapReferences', () => {
  test('finds plain, absolute, mixed, ranged and sheet-qualified references', () => {
    const seen: string[] = [];
    mapReferences("=SUM($A$1:B2)+A$3*'My sheet'!$C4+Other!D5+LOG10(2)+\"A1\"+CYBER.LOSTPROFIT(E6, 1, 2)", (ref) => {
      seen.push(`${ref.sheet ?? ''}!${ref.start.row},${ref.start.col}:${ref.end.row},${ref.end.col}`);
      return undefined;
    });
    expect(seen).toEqual(['!0,0:1,1', '!2,0:2,0', 'My sheet!3,2:3,2', 'Other!4,3:4,3', '!5,4:5,4']);
  });

  test('rewrites keeping $ marks; #REF! replaces a reference; strings untouched', () => {
    const moved = mapReferences('=$A$1+A$1+$A1+A1:B2&"A1"', (ref) => ({ sheet: 'Q 1', start: { row: ref.start.row + 2, col: ref.start.col + 1 }, end: { row: ref.end.row + 2, col: ref.end.col + 1 } }));
    expect(moved).toBe(`='Q 1'!$B$3+'Q 1'!B$3+'Q 1'!$B3+'Q 1'!B3:C4&"A1"`);
    expect(mapReferences('=A1+B2', (ref) => (ref.start.col === 0 ? '#REF!' : undefined))).toBe('=#REF!+B2');
    expect(mapReferences('=SUM(A:A)+Sheet1!A:A', () => '#REF!')).toBe('=SUM(A:A)+Sheet1!A:A');
  });

  test('renameSheetReferences renames only references naming that sheet (any case, quoted or not)', () => {
    expect(renameSheetReferences("=Sheet1!A1+sheet1!B2+'Sheet1'!C3+Other!A1+A1", 'Sheet1', 'Sheet1 (2)')).toBe(
      "='Sheet1 (2)'!A1+'Sheet1 (2)'!B2+'Sheet1 (2)'!C3+Other!A1+A1",
    );
  });
});
