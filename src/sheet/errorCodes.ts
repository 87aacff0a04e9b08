/**
 * HyperFormula's error types as the engine's (and Excel's) error codes, in one place for the CYBER
 * plugin and the Excel-function plugins.
 */
import { CellError, ErrorType, SimpleRangeValue } from 'hyperformula';
import type { ErrorCode } from '../engine';

/** HyperFormula error type → the engine's error code (for errors passed in from other cells). */
export const CODE_OF_TYPE: Readonly<Record<ErrorType, ErrorCode>> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.SPILL]: '#SPILL!',
  // No counterpart in the engine's codes; such an error is propagated as the original CellError.
  [ErrorType.CYCLE]: '#VALUE!',
  [ErrorType.LIC]: '#VALUE!',
  [ErrorType.ERROR]: '#VALUE!',
};

/**
 * Excel's codes HyperFormula has no type for: an input cell holding one is entered as #ERROR!
 * whose message is the code (XLERROR in src/sheet/excelFunctions.ts, read back by
 * src/sheet/workbook.ts), so the code is known again here.
 */
const EXCEL_ONLY: ReadonlySet<string> = new Set(['#NULL!', '#CALC!', '#GETTING_DATA']);

/** The Excel error code a HyperFormula error stands for. */
export function errorCodeOf(e: CellError): ErrorCode {
  if (e.type === ErrorType.ERROR && e.message !== undefined && EXCEL_ONLY.has(e.message)) return e.message as ErrorCode;
  return CODE_OF_TYPE[e.type] ?? '#VALUE!';
}

/**
 * The first CellError among a function's arguments, in the engine's order (argument by argument,
 * a range row by row): the error a CYBER function passes on unchanged (plugin.ts), and the one
 * MMULT and the other array functions pass on as Excel does (engineering.ts).
 */
export function firstCellError(args: readonly unknown[]): CellError | undefined {
  for (const a of args) {
    if (a instanceof CellError) return a;
    if (a instanceof SimpleRangeValue) {
      for (const row of a.data) for (const v of row) if (v instanceof CellError) return v;
    }
  }
  return undefined;
}
