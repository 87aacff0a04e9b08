/**
 * Empty text is no number (src/sheet/emptyText.ts): where Excel converts "" to a number it gives
 * #VALUE!; a blank cell is still 0, and what takes text as 0 by its own rule still does.
 */
import { evaluateSheet } from './workbook';

/** Row 1: C1 =IF(1,"",5) (a formula showing nothing), D1 blank; the formulas from column F. */
function values(formulas: string[]): unknown[] {
  return evaluateSheet([[1, 2, '=IF(1,"",5)', null, null, ...formulas]])[0].slice(5);
}

const VALUE = expect.objectContaining({ error: '#VALUE!' });

describe('"" where a number is needed is #VALUE!, as in Excel', () => {
  test('arithmetic, negation, numeric arguments and text arguments of SUM', () => {
    expect(values(['=1+""', '=C1*2', '=--""', '=-C1', '=DATE(2020,1,"")', '=ROUND("",1)', '=SUM("2","4","")', '=C1^2', '=2/C1'])).toEqual([VALUE, VALUE, VALUE, VALUE, VALUE, VALUE, VALUE, VALUE, VALUE]);
  });
  test('a blank cell is 0; numeric text is converted; functions that skip or count text are unchanged', () => {
    expect(values(['=D1+1', '="2"+1', '="5%"*100', '=SUM(C1,1)', '=N("")', '=AVERAGEA(C1,1)', '=COUNT("",1)', '=MAX(C1,3)', '=LEN(C1)', '=C1&"x"', '=C1=""', '=""=0', '=IF(C1="",7,8)'])).toEqual([1, 3, 5, 1, 0, 0.5, 1, 3, 0, 'x', true, false, 7]);
  });
});
