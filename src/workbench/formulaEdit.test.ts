import { callAt, cycleReference, insertAt, isPointable, namePrefixAt, referenceAt, referenceText } from './formulaEdit';

describe('point mode text', () => {
  test('a reference can go after "=", "(", ",", an operator — not after a value, nor inside a string', () => {
    expect(isPointable('=', 1)).toBe(true);
    expect(isPointable('=SUM(', 5)).toBe(true);
    expect(isPointable('=A1+', 4)).toBe(true);
    expect(isPointable('=A1, ', 5)).toBe(true);
    expect(isPointable('=A1', 3)).toBe(false);
    expect(isPointable('=IF(A1="x,', 10)).toBe(false);
    expect(isPointable('5+', 2)).toBe(false);
  });

  test('references are written as Excel writes them, quoted on another sheet when needed', () => {
    expect(referenceText({ start: { row: 1, col: 2 }, end: { row: 1, col: 2 } }, 'Sheet1', 'Sheet1')).toBe('C2');
    expect(referenceText({ start: { row: 3, col: 3 }, end: { row: 1, col: 2 } }, 'Sheet1', 'sheet1')).toBe('C2:D4');
    expect(referenceText({ start: { row: 0, col: 0 }, end: { row: 0, col: 0 } }, 'Sheet 2', 'Sheet1')).toBe("'Sheet 2'!A1");
    expect(referenceText({ start: { row: 0, col: 0 }, end: { row: 0, col: 0 } }, 'Data', 'Sheet1')).toBe('Data!A1');
  });

  test('F4 cycles A1 → $A$1 → A$1 → $A1 → A1 on the reference at the caret, ranges and sheet names included', () => {
    const seen: string[] = [];
    let text = '=SUM(B2)*2';
    let caret = 7;
    for (let i = 0; i < 4; i++) {
      const next = cycleReference(text, caret)!;
      text = next.text;
      caret = next.caret;
      seen.push(text);
    }
    expect(seen).toEqual(['=SUM($B$2)*2', '=SUM(B$2)*2', '=SUM($B2)*2', '=SUM(B2)*2']);
    expect(cycleReference("='Sheet 2'!A1:B3", 16)!.text).toBe("='Sheet 2'!$A$1:$B$3");
    // LOG10 is a function, not the cell OG10.
    expect(referenceAt('=LOG10(4)', 5)).toBeUndefined();
    expect(cycleReference('=1+2', 3)).toBeUndefined();
  });

  test('a pointed reference is replaced, not appended, when the pointer moves', () => {
    const first = insertAt('=A1+', 4, 'B2');
    expect(first).toEqual({ text: '=A1+B2', span: { start: 4, end: 6 } });
    expect(insertAt(first.text, 6, 'B2:C5', first.span).text).toBe('=A1+B2:C5');
  });

  test('the call and argument at the caret, and the name being typed', () => {
    expect(callAt('=CYBER.BIPAYOUT(J4,J5,', 22)).toEqual({ name: 'CYBER.BIPAYOUT', argument: 2 });
    expect(callAt('=SUM(A1,MAX(B1,', 15)).toEqual({ name: 'MAX', argument: 1 });
    expect(callAt('=SUM(A1)+', 9)).toBeUndefined();
    expect(namePrefixAt('=CYBER.LOSTP', 12)).toEqual({ start: 1, end: 12 });
    expect(namePrefixAt('=A1+su', 6)).toEqual({ start: 4, end: 6 });
    expect(namePrefixAt('="abc', 5)).toBeUndefined();
    expect(namePrefixAt('=SUM(', 5)).toBeUndefined();
  });
});
