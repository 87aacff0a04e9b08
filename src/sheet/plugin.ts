/**
 * The CYBER functions inside HyperFormula (workbench and CLI): one FunctionPlugin, generated from
 * the engine's CATALOGUE, with no code per function.
 *
 * This layer only translates (STYLE.md point 8): HyperFormula's values in, the engine's
 * `evaluate`, HyperFormula's values out.
 * - The plugin evaluates the argument expressions itself and hands every value to the engine
 *   raw: table and series arguments as ranges (a single value as a 1×1 range), all others as they
 *   come (text, booleans, blanks and ranges; the engine validates them and its messages name the
 *   argument and the rule broken). HyperFormula's runFunction is not used: it checks the number
 *   of arguments and returns the first error among the single-value arguments before the
 *   function runs, where the engine must judge both (see evaluateCall).
 * - An error passed in from another cell comes out unchanged: the same CellError, same type,
 *   same message; with several, the first in argument order, ranges row by row, as the engine
 *   and the Excel adapter give.
 * - Array results (resultKind row/column) get their size from src/sheet/shapes.ts, computed from
 *   the input ranges' sizes only, because HyperFormula fixes it before evaluating.
 *
 * HyperFormula is GPL-3.0-only (licenseKey 'gpl-v3'): this file and everything importing it
 * belong to the GPL artefacts (workbench, CLI), never to the Excel add-in bundle, and nothing in
 * src/engine imports it.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { ConfigParams, FunctionArgument, FunctionPluginDefinition, ImplementedFunctions } from 'hyperformula';
import type { InternalScalarValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import {
  CATALOGUE,
  type CellValue,
  type ErrorCode,
  evaluate,
  type FunctionSpec,
  type Outcome,
  type ParamSpec,
  type RawArgument,
  type ResultScalar,
  type ResultValue,
} from '../engine';
import { errorCodeOf, firstCellError } from './errorCodes';
import { cyberArgumentsTo1900, cyberOutcomeIn1904, isDate1904 } from './dateSystem';
import { registerExcelFunctions } from './excelFunctions';
import { type ArgumentShapes, fitsShape, seriesRejectedBySize, RESULT_SHAPES, type Shape, SCALAR, type ShapeRule, shapeRuleFor } from './shapes';

export const NAMESPACE = 'CYBER';
export type Language = 'en' | 'zh';

/**
 * HyperFormula settings every host of the plugin must use.
 * - licenseKey: HyperFormula's GPL-3.0 licence.
 * - smartRounding off: with it, HyperFormula rounds every number it hands out to 10 significant
 *   digits (CYBER.INSUREDRATIO's 0.8666666666666667 would read 0.8666666667) and compares with an
 *   epsilon. The engine already returns the exact result's nearest double; nothing may alter it.
 *   Standard functions then show plain IEEE doubles too (=0.1+0.2 is 0.30000000000000004).
 * - nullDate 1899-12-31 with leapYear1900 gives Excel's 1900 calendar for every serial, the
 *   phantom 1900-02-29 (serial 60) included: DATE(1900,1,1) is 1 and DATE(1900,3,1) is 61, as in
 *   Excel (the engine itself accepts serials from 1900-03-01 on, which are the same either way).
 * - evaluateNullToZero: a formula whose value is an empty cell (=A1 with A1 empty) is 0, as in Excel.
 */
export const HYPERFORMULA_CONFIG: Readonly<Partial<ConfigParams>> = {
  licenseKey: 'gpl-v3',
  smartRounding: false,
  // Excel's sheet size (HyperFormula's default stops at 40,000 rows; a claims list can be longer).
  maxRows: 1048576,
  maxColumns: 16384,
  nullDate: { year: 1899, month: 12, day: 31 },
  leapYear1900: true,
  // Date text: Excel reads "1/2/2025" in the order of the computer's regional settings, which a
  // workbook does not record. Day/month/year (HyperFormula's default) is kept for it: it is what
  // the Excel-saved workbooks we measure against were computed with (README, "What still
  // differs"); year/month/day ("2025/1/2") and ISO 8601 ("2025-01-02"), which Excel reads the
  // same way everywhere, are read too (HyperFormula alone gave #VALUE!).
  dateFormats: ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY/MM/DD', 'YYYY-MM-DD'],
  evaluateNullToZero: true,
};

/** Engine error code → HyperFormula error type. */
const TYPE_OF_CODE: Readonly<Record<ErrorCode, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#REF!': ErrorType.REF,
  '#NAME?': ErrorType.NAME,
  '#SPILL!': ErrorType.SPILL,
  '#GETTING_DATA': ErrorType.NA, // "not available yet"
  '#NULL!': ErrorType.ERROR, // HyperFormula has no #NULL! or #CALC!; the message keeps the detail
  '#CALC!': ErrorType.ERROR,
};

export function errorTypeOf(code: ErrorCode): ErrorType {
  return TYPE_OF_CODE[code] ?? ErrorType.VALUE;
}

/** HyperFormula's rich numbers (dates, percentages, currency) carry the plain number in `val`. */
function richNumberValue(v: unknown): number | undefined {
  if (typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return undefined;
}

/** One HyperFormula scalar → the engine's CellValue. */
export function toCellValue(v: unknown): CellValue {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof CellError) {
    const code = errorCodeOf(v);
    return v.message ? { error: code, message: v.message } : { error: code };
  }
  const n = richNumberValue(v);
  if (n !== undefined) return n;
  return String(v); // not expected from HyperFormula; the engine will name it in its message
}

/** One argument as the plugin receives it → RawArgument (ranges as 2-D arrays). */
export function toRawArgument(v: unknown, param?: ParamSpec): RawArgument {
  if (v instanceof SimpleRangeValue) {
    const cells = v.data.map((row) => row.map(toCellValue));
    // A blank given for an optional range (a blank cell, which HyperFormula hands a RANGE
    // parameter as a 1×1 range) takes the default, like every optional argument. (An empty
    // argument never gets here: evaluateCall passes it on as left out.)
    if (param?.optional && cells.length === 1 && cells[0].length === 1 && (cells[0][0] === null || cells[0][0] === '')) return null;
    return cells;
  }
  return toCellValue(v);
}

function shapeOf(value: ResultValue): Shape {
  return Array.isArray(value) ? { rows: value.length, cols: value.length ? value[0].length : 0 } : SCALAR;
}

export interface PluginOptions {
  /** Namespace of the registered names (default CYBER). */
  readonly namespace?: string;
  /** The functions to register (default: the engine's CATALOGUE). */
  readonly functions?: readonly FunctionSpec[];
  /** The evaluator (default: the engine's `evaluate`); tests inject one for fake definitions. */
  readonly evaluate?: (name: string, args: readonly (RawArgument | undefined)[]) => Outcome;
  /** Array result shapes (default: src/sheet/shapes.ts). */
  readonly shapes?: Readonly<Record<string, ShapeRule>>;
  /** Language of the engine's messages in error cells (default English). */
  readonly language?: Language;
}

export interface CyberPluginDefinition extends FunctionPluginDefinition {
  /** Function names as registered, e.g. CYBER.LOSTPROFIT. */
  readonly functionIds: readonly string[];
  /** Identity translations of the names for the given HyperFormula language codes. */
  translations(languageCodes: readonly string[]): Record<string, Record<string, string>>;
}

function isRangeParam(p: ParamSpec | undefined): boolean {
  return p !== undefined && (p.kind === 'table' || p.kind === 'series');
}

/**
 * The parameter as declared to HyperFormula (its function registry keeps it as the function's
 * metadata). evaluateCall does not go through runFunction, so HyperFormula neither coerces nor
 * counts the arguments by it; argumentOf applies the same reading of RANGE and ANY.
 */
function parameterOf(p: ParamSpec): FunctionArgument {
  const argumentType = isRangeParam(p) ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY;
  // No defaultValue: an omitted optional argument reaches the engine as "omitted", which applies
  // the spec's default (a HyperFormula default would be indistinguishable from a typed value).
  return p.optional ? { argumentType, optionalArg: true } : { argumentType };
}

/**
 * One evaluated argument → what the engine receives, as HyperFormula's coercion for the declared
 * parameter type did it before (FunctionPlugin.coerceToType): a range stays a range; a single
 * value given for a table or series becomes a 1×1 range (coerceToRange), an error included, so
 * the engine reads it where the adapter's any[][] parameter puts it; anything else as it is.
 * (A rich number is read by toCellValue, as getRawValue did.)
 */
function argumentOf(v: unknown, param: ParamSpec | undefined): RawArgument {
  if (v instanceof SimpleRangeValue || !isRangeParam(param)) return toRawArgument(v, param);
  return toRawArgument(SimpleRangeValue.fromScalar(v as InternalScalarValue), param);
}

/**
 * Builds a FunctionPlugin class for `functions`: every one registered as NAMESPACE.NAME, all
 * served by one method that looks the definition up by the called name.
 */
export function createFunctionPlugin(options: PluginOptions = {}): CyberPluginDefinition {
  const namespace = options.namespace ?? NAMESPACE;
  const functions = options.functions ?? CATALOGUE;
  const language = options.language ?? 'en';
  // The language also reaches results that hold words (CYBER.SIMULATE's labels).
  const evaluateFn = options.evaluate ?? ((name: string, args: readonly (RawArgument | undefined)[]) => evaluate(name, args, { language }));
  const byId = new Map<string, { spec: FunctionSpec; shape?: ShapeRule; called: string }>();
  const implemented: ImplementedFunctions = {};
  for (const spec of functions) {
    const shape = shapeRuleFor(spec, options.shapes ?? RESULT_SHAPES);
    // The catalogue's name, and the name Excel registers where Excel cannot take the catalogue's
    // (CYBER.FXRATE for CYBER.FX): a workbook written in Excel must evaluate here too.
    for (const called of spec.excelName === undefined ? [spec.name] : [spec.name, spec.excelName]) {
      const id = `${namespace}.${called}`;
      byId.set(id, { spec, shape, called });
      implemented[id] = {
        method: 'evaluateCall',
        ...(shape ? { sizeOfResultArrayMethod: 'resultSize' } : {}),
        parameters: spec.params.map(parameterOf),
        // A range given to one of our parameters is a table or a series, never a list of calls.
        vectorizationForbidden: true,
      };
    }
  }

  class CyberFunctionPlugin extends FunctionPlugin {
    static implementedFunctions = implemented;
    static functionIds = [...byId.keys()];

    static translations(languageCodes: readonly string[]): Record<string, Record<string, string>> {
      const names = Object.fromEntries([...byId.keys()].map((id) => [id, id]));
      return Object.fromEntries(languageCodes.map((code) => [code, names]));
    }

    private definition(ast: ProcedureAst): { spec: FunctionSpec; shape?: ShapeRule; called: string } {
      const found = byId.get(ast.procedureName.toUpperCase());
      if (!found) throw new Error(`programmer error: ${ast.procedureName} is not registered by this plugin`);
      return found;
    }

    /**
     * The size of one argument expression. HyperFormula's own predictor has no rule for a named
     * expression (a workbook-level name such as `Claims` for Data!$A$2:$C$16) and calls it one
     * cell; a name is therefore sized by the expression it stands for, looked up the way the
     * interpreter looks it up (the sheet's own name first, then the workbook's). `depth` stops a
     * name defined through names from looping.
     */
    private argumentSize(arg: Ast, state: InterpreterState, depth = 0): Shape {
      const line = this.wholeLineUsed(arg, state);
      if (line) return { rows: line.rows, cols: line.cols };
      if ((arg.type as string) === 'NAMED_EXPRESSION' && depth < 8) {
        const expression = this.namedExpressionAst((arg as unknown as { expressionName: string }).expressionName, state);
        if (expression) return this.argumentSize(expression.ast, { ...state, formulaAddress: expression.address } as InterpreterState, depth + 1);
      }
      if ((arg.type as string) === 'PARENTHESES' && depth < 8) {
        return this.argumentSize((arg as unknown as { expression: Ast }).expression, state, depth + 1);
      }
      const size = this.arraySizeForAst(arg, state);
      return { rows: size.height, cols: size.width };
    }

    /**
     * A whole-column (A:A, D:F, Sheet2!A:A) or whole-row (1:1) reference, directly or through a
     * name or parentheses, read as Excel users expect of a table or a series: the columns' rows
     * down to the last one holding anything in those columns (trailing empty rows ignored; at
     * least one row), or the rows' columns likewise. HyperFormula itself reserves an array of
     * Infinity×1 cells for it, or hands over every row down to the sheet's last used row in any
     * column. Counted from the dependency graph (a cell holds a value, a formula or a spilled
     * value), never from values, so the size is the same when predicted and when evaluated.
     */
    private wholeLineUsed(arg: Ast, state: InterpreterState, depth = 0): { rows: number; cols: number } | undefined {
      const type = arg.type as string;
      if ((type === 'NAMED_EXPRESSION' || type === 'PARENTHESES') && depth < 8) {
        if (type === 'PARENTHESES') return this.wholeLineUsed((arg as unknown as { expression: Ast }).expression, state, depth + 1);
        const expression = this.namedExpressionAst((arg as unknown as { expressionName: string }).expressionName, state);
        return expression ? this.wholeLineUsed(expression.ast, { ...state, formulaAddress: expression.address } as InterpreterState, depth + 1) : undefined;
      }
      if (type !== 'COLUMN_RANGE' && type !== 'ROW_RANGE') return undefined;
      type Line = { toSimpleColumnAddress?(b: unknown): { sheet: number; col: number }; toSimpleRowAddress?(b: unknown): { sheet: number; row: number } };
      const { start, end } = arg as unknown as { start: Line; end: Line };
      const graph = this.dependencyGraph;
      // An EmptyCellVertex (a blank cell something refers to) has no field but its graph id;
      // value, formula and array vertices hold their content.
      const holds = (sheet: number, row: number, col: number) => {
        const v = graph.getCell({ sheet, row, col }) as object | undefined | null;
        return v !== undefined && v !== null && Object.keys(v).some((k) => k !== 'idInGraph');
      };
      if (type === 'COLUMN_RANGE') {
        const a = start.toSimpleColumnAddress?.(state.formulaAddress);
        const b = end.toSimpleColumnAddress?.(state.formulaAddress);
        if (!a || !b || a.sheet !== b.sheet || !graph.sheetMapping.hasSheetWithId(a.sheet)) return undefined;
        const [left, right] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
        let rows = graph.getSheetHeight(a.sheet);
        while (rows > 1 && !rowUsed(rows - 1)) rows--;
        return { rows: Math.max(1, rows), cols: right - left + 1 };
        function rowUsed(r: number): boolean {
          for (let c = left; c <= right; c++) if (holds(a!.sheet, r, c)) return true;
          return false;
        }
      }
      const a = start.toSimpleRowAddress?.(state.formulaAddress);
      const b = end.toSimpleRowAddress?.(state.formulaAddress);
      if (!a || !b || a.sheet !== b.sheet || !graph.sheetMapping.hasSheetWithId(a.sheet)) return undefined;
      const [top, bottom] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
      let cols = graph.getSheetWidth(a.sheet);
      const colUsed = (c: number) => {
        for (let r = top; r <= bottom; r++) if (holds(a.sheet, r, c)) return true;
        return false;
      };
      while (cols > 1 && !colUsed(cols - 1)) cols--;
      return { rows: bottom - top + 1, cols: Math.max(1, cols) };
    }

    /** The parsed expression of a named expression, or undefined (unknown name, or a constant). */
    private namedExpressionAst(name: string, state: InterpreterState): { ast: Ast; address: InterpreterState['formulaAddress'] } | undefined {
      const graph = this.dependencyGraph;
      const named = graph.namedExpressions.nearestNamedExpression(name, state.formulaAddress.sheet);
      if (!named) return undefined;
      const vertex = graph.getCell(named.address) as { getFormula?: (service: unknown) => Ast } | undefined;
      if (!vertex || typeof vertex.getFormula !== 'function') return undefined;
      return { ast: vertex.getFormula(graph.lazilyTransformingAstService), address: named.address };
    }

    /** The result shape from the argument expressions' sizes (what HyperFormula reserves). */
    private expectedShape(ast: ProcedureAst, state: InterpreterState, spec: FunctionSpec, rule: ShapeRule): Shape {
      const args: readonly Ast[] = ast.args;
      const shapes: ArgumentShapes = (name) => {
        const i = spec.params.findIndex((p) => p.name === name);
        const arg = i >= 0 ? args[i] : undefined;
        if (arg === undefined || (arg.type as string) === 'EMPTY') return undefined;
        return this.argumentSize(arg, state);
      };
      if (seriesRejectedBySize(spec, shapes)) return SCALAR;
      const literals = (name: string): string | number | undefined => {
        const i = spec.params.findIndex((p) => p.name === name);
        const arg = (i >= 0 ? args[i] : undefined) as { type?: string; value?: unknown } | undefined;
        return arg && (arg.type === 'STRING' || arg.type === 'NUMBER') ? (arg.value as string | number) : undefined;
      };
      const s = rule(shapes, literals);
      return { rows: Math.max(1, s.rows), cols: Math.max(1, s.cols), ...(s.atMost ? { atMost: true } : {}) };
    }

    resultSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
      const { spec, shape } = this.definition(ast);
      if (!shape) return ArraySize.scalar();
      const s = this.expectedShape(ast, state, spec, shape);
      return new ArraySize(s.cols, s.rows);
    }

    /**
     * Evaluates the argument expressions and runs the engine on all of them, without HyperFormula's
     * runFunction. runFunction returned the first CellError among the single-value arguments
     * before the function ran (coerceArgumentsToRequiredTypes), so an error inside a range was
     * never seen when a later single-cell argument held another error: =CYBER.OPERATINGPROFIT(
     * A1:A2, B1) with A2 #DIV/0! and B1 #N/A gave #N/A, where the catalogue's conventions (errors
     * passed in propagate unchanged) give the first in argument order, ranges row by row: #DIV/0!,
     * as the engine and the Excel adapter do. Its argument-count check (#N/A "Wrong number of
     * arguments.") is likewise the engine's to make (#VALUE! tooManyArguments / requiredMissing,
     * naming the function and the argument).
     *
     * Each argument is evaluated exactly as runFunction does it (evaluateAst in the same state: a
     * 1×1 range arrives as its cell, array arithmetic such as A7:A8*2 as an array); vectorization
     * is forbidden for these functions, so runFunction added nothing else. The metadata option
     * `doesNotNeedArgumentsToBeComputed` is not the way: it also drops the argument references
     * from the dependency graph (parser/collectDependencies), so an argument's formula cell may not
     * be computed yet when read (HyperFormula throws "Value of the formula cell is not computed.")
     * and the call is not recomputed when its inputs change.
     */
    evaluateCall(ast: ProcedureAst, state: InterpreterState) {
      const { spec, shape, called } = this.definition(ast);
      // Only the arguments written in the formula: one left out stays left out for the engine.
      // An empty argument (f(a,,c), f(a,)) is left out too, and reaches the engine as undefined,
      // not as the blank HyperFormula would evaluate it to: this host can tell the two apart, so
      // a required argument left empty is "missing from the call", a blank cell is blank (a
      // required number then counts as 0). Excel cannot tell them apart (src/functions/adapter.ts).
      const values: unknown[] = ast.args.map((arg) => {
        if ((arg.type as string) === 'EMPTY') return undefined;
        const v = this.evaluateAst(arg, state);
        // A whole column or row: its used part only, as sized by wholeLineUsed.
        const line = v instanceof SimpleRangeValue ? this.wholeLineUsed(arg, state) : undefined;
        if (!line || !(v instanceof SimpleRangeValue)) return v;
        const rows = v.data.slice(0, line.rows).map((row) => row.slice(0, line.cols));
        while (rows.length < line.rows) rows.push([]);
        return SimpleRangeValue.onlyValues(rows.map((row) => Array.from({ length: line.cols }, (_, c) => row[c] ?? EmptyValue)) as never);
      });
      const given = values.map((v, i) => (v === undefined ? undefined : argumentOf(v, spec.params[i])));
      // A 1904 workbook's dates reach the engine as the 1900 serials it counts in, and a date it
      // returns goes back (src/sheet/dateSystem.ts): the same calendar dates as Excel on a Mac. A
      // date before 1904-01-01, given or returned, is the engine's error for a date out of range.
      const date1904 = isDate1904(this.config);
      const raw = date1904 ? cyberArgumentsTo1900(spec.params, given) : given;
      // An array function that fails is one error, in the formula's own cell, as in Excel (where
      // the add-in's function returns a single error value and nothing spills): the rest of the
      // area HyperFormula reserved from the input sizes is left blank, not filled with copies.
      // The area is the one HyperFormula holds for the cell when it is known (a whole column it
      // reads may have grown since the formula was entered), else the size the inputs give.
      const failed = (error: CellError) => (shape ? anchoredError(error, reservedShape(state, ast) ?? this.expectedShape(ast, state, spec, shape)) : error);
      let outcome: Outcome;
      try {
        outcome = evaluateFn(called, raw);
      } catch (e) {
        // `evaluate` never throws for bad input; anything else must still not break the sheet.
        return failed(new CellError(ErrorType.VALUE, `${namespace}.${spec.name}: internal error (${e instanceof Error ? e.message : String(e)})`));
      }
      if (date1904) outcome = cyberOutcomeIn1904(spec, called, raw, outcome);
      if (!outcome.ok) {
        if (outcome.error.rule === 'propagated') {
          // The original CellError (type and message), found in the engine's order.
          const original = firstCellError(values);
          if (original) return failed(original);
        }
        return failed(new CellError(errorTypeOf(outcome.error.code), outcome.error.message[language]));
      }
      const value = outcome.value;
      if (!shape) {
        if (Array.isArray(value)) {
          return new CellError(ErrorType.VALUE, `${namespace}.${spec.name}: internal error (an array from a single-value function)`);
        }
        return value;
      }
      const expected = this.expectedShape(ast, state, spec, shape);
      const got = shapeOf(value);
      if (!fitsShape(expected, got)) {
        return failed(
          new CellError(
            ErrorType.VALUE,
            `${namespace}.${spec.name}: internal error (result of ${got.rows}×${got.cols} cells, but ${expected.rows}×${expected.cols} were reserved from the input sizes)`,
          ),
        );
      }
      // What HyperFormula reserved when the formula was entered (a whole column's used rows may have
      // grown since): a larger result would make it throw ("Resizing to smaller array"); a smaller
      // one is padded with blanks. The workbench and the CLI enter such a formula again at once
      // (readsWholeLines); this says why meanwhile.
      const reserved = reservedShape(state, ast);
      if (reserved && (got.rows > reserved.rows || got.cols > reserved.cols)) {
        const m = language === 'zh' ? RESERVED_TOO_SMALL.zh : RESERVED_TOO_SMALL.en;
        return failed(new CellError(ErrorType.SPILL, m.replace('{fn}', `${namespace}.${spec.name}`).replace('{got}', `${got.rows}×${got.cols}`).replace('{reserved}', `${reserved.rows}×${reserved.cols}`)));
      }
      const rows: ResultScalar[][] = Array.isArray(value) ? value : [[value]];
      // An `atMost` reservation taller than the result (SIMULATE "aep" by reference): empty cells below.
      const padded: (ResultScalar | typeof EmptyValue)[][] = rows.map((r) => [...r]);
      while (padded.length < expected.rows) padded.push(Array.from({ length: expected.cols }, () => EmptyValue));
      return SimpleRangeValue.onlyValues(padded as never);
    }
  }
  return CyberFunctionPlugin;
}

/** The reserved area of a failed array call: the error in its first cell, blanks in the rest. */
function anchoredError(error: CellError, reserved: Shape): SimpleRangeValue {
  const rows = Array.from({ length: reserved.rows }, (_, r) => Array.from({ length: reserved.cols }, (_, c) => (r === 0 && c === 0 ? error : EmptyValue)));
  return SimpleRangeValue.onlyValues(rows as never);
}

const RESERVED_TOO_SMALL = {
  en: '{fn}: the result now has {got} cells, but {reserved} were reserved when the formula was entered (a whole column or row it reads has grown); enter the formula again.',
  zh: '{fn}：结果现为 {got} 个单元格，但输入公式时只预留了 {reserved} 个（所引用的整列或整行已增加）；请重新输入公式。',
} as const;

/** Whether an error message is the one above (the workbench then enters the formula again). */
export function reservationOutgrown(message: string): boolean {
  return message.includes('were reserved when the formula was entered') || message.includes('输入公式时只预留了');
}

/**
 * The cells HyperFormula holds for the cell whose whole formula is this call: its array's size,
 * 1×1 for a single-value formula; undefined when the call is part of a larger expression (whose
 * own size HyperFormula predicted) or no cell is being evaluated (calculateFormula).
 */
function reservedShape(state: InterpreterState, call: ProcedureAst): Shape | undefined {
  const vertex = (state as unknown as { formulaVertex?: { width?: unknown; height?: unknown; formula?: { procedureName?: unknown; args?: unknown[] } } }).formulaVertex;
  if (vertex === undefined || vertex === null || vertex.formula === undefined) return undefined;
  // The call alone, or alone inside ARRAYFORMULA(…) (how a saved spill is read back as an array formula).
  const whole = vertex.formula === (call as unknown) || (String(vertex.formula.procedureName).toUpperCase() === 'ARRAYFORMULA' && vertex.formula.args?.length === 1 && vertex.formula.args[0] === call);
  if (!whole) return undefined;
  const { width, height } = vertex;
  return typeof width === 'number' && typeof height === 'number' && Number.isFinite(width) && Number.isFinite(height) ? { rows: height, cols: width } : SCALAR;
}

/** A whole-column (A:A, $D:$F) or whole-row (1:1) reference in formula text (text in quotes may match too: harmless). */
const WHOLE_LINE = /(?:^|[^\w.$:])(?:\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w.(!$:])|\$?\d{1,7}:\$?\d{1,7}(?![\w.:$]))/;

/** Whether formula text (or a name's expression) mentions a whole column or row. */
export function mentionsWholeLine(text: string): boolean {
  return WHOLE_LINE.test(text);
}

/**
 * Whether a formula calls a CYBER function and names a whole column or row, itself or through one
 * of `names` (the workbook names whose expression {@link mentionsWholeLine}): its array size comes
 * from the used part of that column or row, which HyperFormula fixes when the formula is entered,
 * so a host enters it again once every cell it reads is in place, and after the column or row grew.
 */
export function readsWholeLines(formula: string, names: readonly string[] = []): boolean {
  if (!/CYBER\./i.test(formula)) return false;
  if (WHOLE_LINE.test(formula)) return true;
  if (names.length === 0) return false;
  const known = new Set(names.map((n) => n.toUpperCase()));
  return (formula.toUpperCase().match(/[A-Z_\\][\w.]*/g) ?? []).some((word) => known.has(word));
}

/** The CYBER plugin over the engine's catalogue, English messages. */
export const CyberPlugin: CyberPluginDefinition = createFunctionPlugin();
const ZH_PLUGIN: CyberPluginDefinition = createFunctionPlugin({ language: 'zh' });

/**
 * Registers `plugin` with HyperFormula (a global registry) under every language HyperFormula has
 * registered now: call it again after registering a language. Only one plugin may own the
 * namespace, so registering another one replaces the current owner. New HyperFormula instances
 * see the change; existing ones do not.
 */
export function registerFunctionPlugin(plugin: CyberPluginDefinition): void {
  const probe = plugin.functionIds[0];
  const owner = probe ? HyperFormula.getFunctionPlugin(probe) : undefined;
  if (owner && owner !== plugin) HyperFormula.unregisterFunctionPlugin(owner);
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  const known = owner === plugin && languages.every((code) => plugin.functionIds.every((id) => HyperFormula.getRegisteredFunctionNames(code).includes(id)));
  if (!known) HyperFormula.registerFunctionPlugin(plugin, plugin.translations(languages));
}

/** Registers the CYBER functions with messages in `language` (default English). */
export function registerCyberFunctions(language: Language = 'en'): CyberPluginDefinition {
  registerExcelFunctions();
  const plugin = language === 'zh' ? ZH_PLUGIN : CyberPlugin;
  registerFunctionPlugin(plugin);
  return plugin;
}
