/**
 * PRODUCT of no number is 0 in Excel, not 1: `=PRODUCT(A1:A3)` over blank cells, text or
 * booleans in the range gives 0 (an Excel-saved workbook caches 0), and so does SUBTOTAL(6, …) and
 * SUBTOTAL(106, …) of them. HyperFormula starts the product from 1 and gave 1 — a factor that
 * silently leaves a chain of multiplications unchanged where Excel's zero shows the gap.
 *
 * The product is HyperFormula's own (its `doProduct`, which PRODUCT and SUBTOTAL call); when it is
 * a number and the arguments hold no number — counted by HyperFormula's COUNT over the same
 * arguments, which reads them as PRODUCT does: numbers, numeric text and booleans typed as
 * arguments, only numbers inside ranges — the result is 0. Errors are PRODUCT's as before.
 */
import { HyperFormula } from 'hyperformula';

let installed = false;

type Method = (this: unknown, args: unknown, state: unknown) => unknown;

export function registerExcelProduct(): void {
  if (installed) return;
  installed = true;
  const plugin = HyperFormula.getFunctionPlugin('PRODUCT') as unknown as { prototype: { doProduct?: Method; doCount?: Method } } | undefined;
  const proto = plugin?.prototype;
  const product = proto?.doProduct;
  const count = proto?.doCount;
  if (!proto || typeof product !== 'function' || typeof count !== 'function') return;
  proto.doProduct = function excelProduct(this: unknown, args: unknown, state: unknown): unknown {
    const p = product.call(this, args, state);
    if (typeof p !== 'number' && !(typeof p === 'object' && p !== null && 'val' in p)) return p; // an error
    return count.call(this, args, state) === 0 ? 0 : p;
  };
}
