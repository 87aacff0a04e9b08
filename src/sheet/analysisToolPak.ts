/**
 * Excel's Analysis ToolPak functions (the engineering, financial and date functions that began as
 * the add-in: BESSELJ, CONVERT, DELTA, ERF, IMSIN, ISEVEN, EDATE, YEARFRAC, XIRR, …) take no
 * arrays where a single value is expected and no logical values: `=ISEVEN(A1:A3)`,
 * `{=CONVERT(C1:Q1,"C","F")}` and `=CONVERT(TRUE,"C","F")` are #VALUE! in Excel, for every cell
 * of an array formula too, where HyperFormula would compute them element by element or read TRUE
 * as 1. Microsoft's pages say so function by function ("If number is nonnumeric, ISEVEN returns
 * the #VALUE! error value"; a logical value is not a number to these functions). An error value
 * met first (arguments read left to right) is passed on as Excel does.
 *
 * Installed as a wrapper of HyperFormula's interpreter (its Interpreter is not exported: the
 * prototype is reached through an instance, as guardEvaluation in excelFunctions.ts does). The
 * arguments of these functions are evaluated once to check them, then the function evaluates them
 * as usual: these functions are rare enough in real workbooks for the second reading not to count.
 */
import { CellError, ErrorType, SimpleRangeValue } from 'hyperformula';
import { interpreterPrototype } from './interpreterHook';

/** Each Analysis ToolPak function → the argument positions that may be ranges or arrays (none: every argument is one value). */
export const ANALYSIS_TOOLPAK: ReadonlyMap<string, readonly number[]> = new Map<string, number[]>([
  // Engineering
  ...['BESSELI', 'BESSELJ', 'BESSELK', 'BESSELY', 'BIN2DEC', 'BIN2HEX', 'BIN2OCT', 'COMPLEX', 'CONVERT',
    'DEC2BIN', 'DEC2HEX', 'DEC2OCT', 'DELTA', 'ERF', 'ERFC', 'ERF.PRECISE', 'ERFC.PRECISE', 'GESTEP',
    'HEX2BIN', 'HEX2DEC', 'HEX2OCT', 'OCT2BIN', 'OCT2DEC', 'OCT2HEX', 'IMABS', 'IMAGINARY', 'IMARGUMENT',
    'IMCONJUGATE', 'IMCOS', 'IMCOSH', 'IMCOT', 'IMCSC', 'IMCSCH', 'IMEXP', 'IMLN', 'IMLOG10',
    'IMLOG2', 'IMPOWER', 'IMREAL', 'IMSEC', 'IMSECH', 'IMSIN', 'IMSINH', 'IMSQRT', 'IMTAN',
    // IMDIV and IMSUB read their arguments left to right themselves (src/sheet/engineering.ts):
    // IMDIV("yvj",TRUE) is #NUM!, the text first.
  ].map((n): [string, number[]] => [n, []]),
  // Math and information
  ...['ISEVEN', 'ISODD', 'MROUND', 'QUOTIENT', 'SQRTPI', 'FACTDOUBLE', 'RANDBETWEEN'].map((n): [string, number[]] => [n, []]),
  // Date and time
  ...['EDATE', 'EOMONTH', 'YEARFRAC', 'WEEKNUM'].map((n): [string, number[]] => [n, []]),
  ['NETWORKDAYS', [2]],
  ['WORKDAY', [2]],
  // Financial
  ...['ACCRINT', 'ACCRINTM', 'AMORDEGRC', 'AMORLINC', 'COUPDAYBS', 'COUPDAYS', 'COUPDAYSNC', 'COUPNCD',
    'COUPNUM', 'COUPPCD', 'CUMIPMT', 'CUMPRINC', 'DISC', 'DOLLARDE', 'DOLLARFR', 'DURATION', 'EFFECT',
    'INTRATE', 'MDURATION', 'NOMINAL', 'PRICE', 'PRICEDISC', 'PRICEMAT', 'RECEIVED', 'TBILLEQ',
    'TBILLPRICE', 'TBILLYIELD', 'YIELD', 'YIELDDISC', 'YIELDMAT',
  ].map((n): [string, number[]] => [n, []]),
  ['XIRR', [0, 1]],
  ['XNPV', [1, 2]],
  ['FVSCHEDULE', [1]],
]);

interface Ast {
  type: string;
  procedureName?: string;
  args?: Ast[];
}

/** The first reason the arguments make an Analysis ToolPak function #VALUE! (or the error to pass on); undefined when they are fine. */
export function analysisToolPakArgumentError(values: readonly unknown[], arrayPositions: readonly number[]): CellError | undefined {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof CellError) return undefined; // the function passes it on itself
    if (arrayPositions.includes(i)) continue;
    if (v instanceof SimpleRangeValue) {
      if (v.width() * v.height() !== 1) return new CellError(ErrorType.VALUE, 'This function takes one value here, not a range or an array.');
      const only = v.data[0][0];
      if (only instanceof CellError) return undefined;
      if (typeof only === 'boolean') return new CellError(ErrorType.VALUE, 'This function takes a number here, not a logical value.');
      continue;
    }
    if (typeof v === 'boolean') return new CellError(ErrorType.VALUE, 'This function takes a number here, not a logical value.');
  }
  return undefined;
}

/** Excel's largest date, 9999-12-31. */
const LAST_SERIAL = 2958465;

/**
 * YEARFRAC(start_date, end_date, [basis]) as Excel checks it: the basis first — its error passed
 * on, text that is no number #VALUE!, and "If basis < 0 or if basis > 4, YEARFRAC returns the
 * #NUM! error value" — then the dates: an error passed on, a date outside Excel's calendar (below
 * 0, after 9999-12-31) #NUM!.
 */
export function yearfracError(values: readonly unknown[], textNumber: (text: string) => number | undefined = () => undefined): CellError | undefined {
  const plainOf = (v: unknown): unknown => (v instanceof SimpleRangeValue ? v.data[0]?.[0] : v);
  let basis = plainOf(values[2]);
  if (basis instanceof CellError) return basis;
  // A logical basis is #VALUE! before the dates are looked at (YEARFRAC(1/0,200,TRUE) is #VALUE!).
  if (typeof basis === 'boolean') return new CellError(ErrorType.VALUE, 'YEARFRAC: basis must be a number, not a logical value.');
  if (typeof basis === 'string') {
    // Text may be a date, read as its serial (YEARFRAC(0,345,"1/1/1987 05:00") is #NUM!, the basis
    // 31778): textNumber reads it as HyperFormula reads a number.
    const n = basis.trim() === '' ? NaN : Number(basis);
    basis = Number.isFinite(n) ? n : basis.trim() === '' ? undefined : textNumber(basis);
    if (basis === undefined) return new CellError(ErrorType.VALUE, 'YEARFRAC: basis must be a number.');
  }
  if (typeof basis === 'number' && (Math.trunc(basis) < 0 || Math.trunc(basis) > 4)) return new CellError(ErrorType.NUM, 'YEARFRAC: basis must be 0 to 4.');
  for (const d of values.slice(0, 2).map(plainOf)) {
    if (d instanceof CellError) return d;
    if (typeof d === 'number' && (d < 0 || d >= LAST_SERIAL + 1)) return new CellError(ErrorType.NUM, "YEARFRAC: the date is outside Excel's calendar.");
  }
  return undefined;
}

/** Text as HyperFormula reads it as a number (a date or time as its serial); undefined for none. */
function numberOfText(interpreter: unknown, text: string): number | undefined {
  const helper = (interpreter as { arithmeticHelper?: { coerceScalarToNumberOrError?: (v: string) => unknown } }).arithmeticHelper;
  const v = helper?.coerceScalarToNumberOrError?.(text);
  const n = typeof v === 'number' ? v : typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number' ? (v as { val: number }).val : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** Installs the check in HyperFormula's interpreter; once per process (a second call does nothing). */
export function guardAnalysisToolPak(): void {
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberAnalysisToolPak) return;
  const original = proto.evaluateAst as (this: unknown, ast: Ast, state: unknown) => unknown;
  proto.evaluateAst = function analysisToolPak(this: unknown, ast: Ast, state: unknown): unknown {
    if (ast.type === 'FUNCTION_CALL' && ast.procedureName && ast.args && ast.args.length > 0) {
      const arrays = ANALYSIS_TOOLPAK.get(ast.procedureName);
      if (arrays) {
        const values = ast.args.map((a) => (a.type === 'EMPTY' ? undefined : original.call(this, a, state)));
        const error = analysisToolPakArgumentError(values, arrays);
        if (error) return error;
        const yearfrac = ast.procedureName === 'YEARFRAC' ? yearfracError(values, (text) => numberOfText(this, text)) : undefined;
        if (yearfrac) return yearfrac;
      }
    }
    return original.call(this, ast, state);
  };
  proto.cyberAnalysisToolPak = true;
}
