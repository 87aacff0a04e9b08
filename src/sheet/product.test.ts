/**
 * PRODUCT of no number is 0, as Excel computes and caches it (src/sheet/product.ts); with a
 * number it is HyperFormula's product as before.
 */
import { evaluateSheet } from './workbook';

/** Row 1: A1 blank, B1 text, C1 TRUE, D1 4; the formulas from column F. */
function values(formulas: string[]): unknown[] {
  return evaluateSheet([[null, 'x', true, 4, null, ...formulas]])[0].slice(5);
}

describe('PRODUCT and SUBTOTAL 6/106 of no number are 0', () => {
  test('ranges of blanks, text and booleans', () => {
    expect(values(['=PRODUCT(A1:C1)', '=SUBTOTAL(6,A1:C1)', '=SUBTOTAL(106,A1:C1)', '=PRODUCT(A5:B9)', '=PRODUCT(A1:C1,B1)'])).toEqual([0, 0, 0, 0, 0]);
  });
  test('with a number the product is unchanged; typed text and booleans are numbers; errors stay', () => {
    expect(values(['=PRODUCT(A1:D1)', '=PRODUCT(A1:C1,2)', '=PRODUCT("2",TRUE)', '=PRODUCT(0)', '=SUBTOTAL(6,A1:D1,3)', '=PRODUCT(A1:C1,1/0)'])).toEqual([4, 2, 2, 0, 12, expect.objectContaining({ error: '#DIV/0!' })]);
  });
});
