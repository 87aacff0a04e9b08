/**
 * XLRANGE(a, b): Excel's range operator `a:b` where an operand is a reference a function returns
 * — `A1:INDEX(A:A, n)`, `INDEX(r, 1):INDEX(r, 3)`, `OFFSET(A1, 1, 0):B9`, `A1:INDIRECT("B3")`:
 * "one reference to all the cells between two references, including the two references"
 * (Microsoft, "Calculation operators and precedence in Excel"). HyperFormula parses `:` between
 * cells only; src/sheet/referenceOperators.ts writes such a range as XLRANGE, and this works out
 * the reference of each operand when the formula is evaluated and reads the cells of their
 * bounding box. Volatile (the cells it reads are not known before), like OFFSET and INDIRECT.
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { parseReference } from './excelFunctions';

export interface Area {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface Node {
  type: string;
  procedureName?: string;
  args?: Node[];
  expression?: Node;
  expressionName?: string;
  reference?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
  start?: { toSimpleCellAddress?(base: unknown): { sheet: number; row: number; col: number }; toSimpleColumnAddress?(base: unknown): { sheet: number; col: number }; toSimpleRowAddress?(base: unknown): { sheet: number; row: number } };
  end?: Node['start'];
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

const refError = (message: string) => new CellError(ErrorType.REF, message);

export class RangeOperatorPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    XLRANGE: {
      method: 'xlrange',
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }],
      isVolatile: true,
      vectorizationForbidden: true,
    },
  };

  xlrange(ast: ProcedureAst, state: InterpreterState): unknown {
    const args = ast.args as unknown as Node[];
    if (args.length !== 2) return new CellError(ErrorType.NA, 'The range operator (:) joins two references.');
    const a = this.areaOf(args[0], state, 0);
    if (a instanceof CellError) return a;
    const b = this.areaOf(args[1], state, 0);
    if (b instanceof CellError) return b;
    if (a.sheet !== b.sheet) return new CellError(ErrorType.VALUE, 'The range operator (:) joins references on different sheets.');
    const box: Area = { sheet: a.sheet, top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
    return this.read(box);
  }

  private number(node: Node | undefined, state: InterpreterState): number | CellError | undefined {
    if (!node || node.type === 'EMPTY') return undefined;
    let v = this.evaluateAst(node as never, state) as unknown;
    if (v instanceof SimpleRangeValue) v = v.width() * v.height() === 1 ? v.data[0][0] : new CellError(ErrorType.VALUE, 'The range operator (:) needs one number here.');
    if (v instanceof CellError) return v;
    if (typeof v === 'boolean') return Number(v);
    if (typeof v === 'number') return v;
    if (typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
    if (v === EmptyValue || v === null || v === undefined) return 0;
    const n = Number(String(v).trim());
    return String(v).trim() !== '' && Number.isFinite(n) ? n : new CellError(ErrorType.VALUE, `"${String(v)}" is not a number.`);
  }

  /** The area an operand refers to, or the error it gives (also read by referenceArea below). */
  areaOf(arg: Node | undefined, state: InterpreterState, depth: number): Area | CellError {
    let node = arg;
    while (node && (node.type === 'PARENTHESIS' || node.type === 'PARENTHESES') && node.expression) node = node.expression;
    if (!node || depth > 16) return refError('The range operator (:) needs a reference.');
    const base = state.formulaAddress;
    if (node.type === 'CELL_REFERENCE' && node.reference) {
      const c = node.reference.toSimpleCellAddress(base);
      return { sheet: c.sheet, top: c.row, left: c.col, bottom: c.row, right: c.col };
    }
    if (node.type === 'CELL_RANGE' && node.start?.toSimpleCellAddress && node.end?.toSimpleCellAddress) {
      const s = node.start.toSimpleCellAddress(base);
      const e = node.end.toSimpleCellAddress(base);
      return { sheet: s.sheet, top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
    }
    if (node.type === 'COLUMN_RANGE' && node.start?.toSimpleColumnAddress && node.end?.toSimpleColumnAddress) {
      const s = node.start.toSimpleColumnAddress(base);
      const e = node.end.toSimpleColumnAddress(base);
      return { sheet: s.sheet, top: 0, left: Math.min(s.col, e.col), bottom: MAX_ROW, right: Math.max(s.col, e.col) };
    }
    if (node.type === 'ROW_RANGE' && node.start?.toSimpleRowAddress && node.end?.toSimpleRowAddress) {
      const s = node.start.toSimpleRowAddress(base);
      const e = node.end.toSimpleRowAddress(base);
      return { sheet: s.sheet, top: Math.min(s.row, e.row), left: 0, bottom: Math.max(s.row, e.row), right: MAX_COL };
    }
    if (node.type === 'NAMED_EXPRESSION' && node.expressionName) {
      const graph = this.dependencyGraph as unknown as {
        namedExpressions: { nearestNamedExpression(name: string, sheet: number): { address: { sheet: number; row: number; col: number } } | undefined };
        getCell(address: unknown): { getFormula?: (service: unknown) => unknown } | undefined;
        lazilyTransformingAstService: unknown;
      };
      const named = graph.namedExpressions.nearestNamedExpression(node.expressionName, base.sheet);
      const vertex = named ? graph.getCell(named.address) : undefined;
      if (!named || typeof vertex?.getFormula !== 'function') return refError(`The name ${node.expressionName} is not a reference.`);
      return this.areaOf(vertex.getFormula(graph.lazilyTransformingAstService) as Node, { ...state, formulaAddress: named.address } as InterpreterState, depth + 1);
    }
    if (node.type === 'FUNCTION_CALL' && node.args) {
      const name = node.procedureName;
      if (name === 'INDEX') return this.indexArea(node.args, state, depth);
      if (name === 'XLRANGE' && node.args.length === 2) {
        const a = this.areaOf(node.args[0], state, depth + 1);
        if (a instanceof CellError) return a;
        const b = this.areaOf(node.args[1], state, depth + 1);
        if (b instanceof CellError) return b;
        if (a.sheet !== b.sheet) return new CellError(ErrorType.VALUE, 'The range operator (:) joins references on different sheets.');
        return { sheet: a.sheet, top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
      }
      if (name === 'OFFSET' || name === 'XLOFFSET') return this.offsetArea(node.args, state, depth);
      if (name === 'CHOOSE' && node.args.length >= 2) {
        // "If index_num is a fraction, it is truncated"; outside the list #VALUE! (CHOOSE's page).
        const k = this.number(node.args[0], state);
        if (k instanceof CellError) return k;
        const i = Math.trunc(k ?? 0);
        if (i < 1 || i > node.args.length - 1) return new CellError(ErrorType.VALUE, 'CHOOSE: index_num is outside the list of values.');
        return this.areaOf(node.args[i], state, depth + 1);
      }
      if (name === 'IF' && (node.args.length === 2 || node.args.length === 3)) {
        // The reference of the branch taken; a condition that is an array, or a branch left out
        // (FALSE), is no reference.
        const test = this.number(node.args[0], state);
        if (test instanceof CellError) return test;
        const branch = test !== undefined && test !== 0 ? node.args[1] : node.args[2];
        return branch && branch.type !== 'EMPTY' ? this.areaOf(branch, state, depth + 1) : refError('IF: the branch taken is no reference.');
      }
      if (name === 'INDIRECT' && node.args[0]) {
        let text = this.evaluateAst(node.args[0] as never, state) as unknown;
        if (text instanceof SimpleRangeValue) text = text.data[0]?.[0];
        if (text instanceof CellError) return text;
        const a1 = node.args[1] ? this.number(node.args[1], state) : 1;
        if (a1 instanceof CellError) return a1;
        const ref = parseReference(String(text), a1 !== 0, base, (sheetName: string) => (this.dependencyGraph as unknown as { sheetMapping: { getSheetId(n: string): number | undefined } }).sheetMapping.getSheetId(sheetName));
        return ref ?? refError(`INDIRECT: "${String(text)}" is not a reference.`);
      }
    }
    return refError('The range operator (:) needs references on both sides (a cell, a range, INDEX or OFFSET of one).');
  }

  /** INDEX(reference, row, [column]): the cell (or whole row or column for 0) it refers to. */
  private indexArea(args: Node[], state: InterpreterState, depth: number): Area | CellError {
    const ref = this.areaOf(args[0], state, depth + 1);
    if (ref instanceof CellError) return ref;
    let row = this.number(args[1], state);
    if (row instanceof CellError) return row;
    let col = this.number(args[2], state);
    if (col instanceof CellError) return col;
    const h = ref.bottom - ref.top + 1;
    const w = ref.right - ref.left + 1;
    // "If each area in reference contains only one row or column, the row_num or column_num
    // argument, respectively, is optional": one index into a one-row reference is its column.
    if (col === undefined && h === 1 && w > 1) [row, col] = [1, row];
    const r = Math.trunc(row ?? 0);
    const c = Math.trunc(col ?? (w === 1 ? 1 : 0));
    if (r < 0 || c < 0) return new CellError(ErrorType.VALUE, 'INDEX: row and column cannot be negative.');
    if (r > h || c > w) return refError('INDEX: the row or column is outside the reference.');
    return {
      sheet: ref.sheet,
      top: r === 0 ? ref.top : ref.top + r - 1,
      bottom: r === 0 ? ref.bottom : ref.top + r - 1,
      left: c === 0 ? ref.left : ref.left + c - 1,
      right: c === 0 ? ref.right : ref.left + c - 1,
    };
  }

  /** OFFSET(reference, rows, cols, [height], [width]): the area it refers to. */
  private offsetArea(args: Node[], state: InterpreterState, depth: number): Area | CellError {
    const ref = this.areaOf(args[0], state, depth + 1);
    if (ref instanceof CellError) return ref;
    const [rows, cols, height, width] = [1, 2, 3, 4].map((k) => this.number(args[k], state));
    for (const x of [rows, cols, height, width]) if (x instanceof CellError) return x;
    const h = Math.trunc((height as number | undefined) ?? ref.bottom - ref.top + 1);
    const w = Math.trunc((width as number | undefined) ?? ref.right - ref.left + 1);
    const top = ref.top + Math.trunc((rows as number | undefined) ?? 0);
    const left = ref.left + Math.trunc((cols as number | undefined) ?? 0);
    if (h < 1 || w < 1 || top < 0 || left < 0 || top + h - 1 > MAX_ROW || left + w - 1 > MAX_COL) return refError('OFFSET: the reference is off the sheet.');
    return { sheet: ref.sheet, top, left, bottom: top + h - 1, right: left + w - 1 };
  }

  /** The cells of an area (a whole column only down to the sheet's last used row). */
  private read(area: Area): unknown {
    const graph = this.dependencyGraph as unknown as {
      getCellValue(address: { sheet: number; row: number; col: number }): unknown;
      getSheetHeight(sheet: number): number;
      getSheetWidth(sheet: number): number;
    };
    const bottom = Math.min(area.bottom, Math.max(area.top, graph.getSheetHeight(area.sheet) - 1));
    const right = Math.min(area.right, Math.max(area.left, graph.getSheetWidth(area.sheet) - 1));
    const value = (row: number, col: number): unknown => {
      const v = graph.getCellValue({ sheet: area.sheet, row, col });
      return v instanceof SimpleRangeValue ? v.data[0]?.[0] : v;
    };
    if (area.top === bottom && area.left === right) {
      const v = value(area.top, area.left);
      return v === EmptyValue || v === null || v === undefined ? 0 : v;
    }
    const rows: unknown[][] = [];
    for (let r = area.top; r <= bottom; r++) {
      const line: unknown[] = [];
      for (let c = area.left; c <= right; c++) {
        const v = value(r, c);
        line.push(v === null || v === undefined ? EmptyValue : v);
      }
      rows.push(line);
    }
    return SimpleRangeValue.onlyValues(rows as never);
  }
}

/**
 * The area a reference-returning expression refers to — a cell, a range, a name, INDEX, OFFSET,
 * INDIRECT, CHOOSE or IF of one, a range operator between them (A1:INDEX(A:A,5)) — worked out as
 * the range operator's operands are; undefined for any other expression or an error. `plugin` is
 * any HyperFormula function plugin (its interpreter evaluates the indexes and texts).
 * AGGREGATE and SUBTOTAL read a function's reference so (src/sheet/aggregate.ts, subtotal.ts):
 * HyperFormula gives them the function's values only (a SimpleRangeValue with no range).
 */
export function referenceArea(plugin: object, node: unknown, state: InterpreterState): Area | undefined {
  const p = plugin as { interpreter?: unknown; dependencyGraph?: unknown };
  if (!p.interpreter || !p.dependencyGraph) return undefined;
  const resolver = Object.assign(Object.create(RangeOperatorPlugin.prototype) as RangeOperatorPlugin, { interpreter: p.interpreter, dependencyGraph: p.dependencyGraph });
  try {
    const area = resolver.areaOf(node as Node, state, 0);
    return area instanceof CellError ? undefined : area;
  } catch {
    return undefined;
  }
}

let registered = false;

export function registerRangeOperator(): void {
  if (registered) return;
  registered = true;
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(RangeOperatorPlugin, Object.fromEntries(languages.map((code) => [code, { XLRANGE: 'XLRANGE' }])));
}
