/**
 * ROWS and COLUMNS of a range whose ends mix absolute and relative addresses, as Excel counts
 * them. HyperFormula 3.5 takes a range's height as `end.row − start.row + 1` of the addresses as
 * the formula stores them, where a relative address holds its offset from the formula's cell and
 * an absolute one its row: `=ROWS($A$1:A1)` in row 2 was 0 (Excel 1), `=ROWS($A$1:A2)` there 1
 * (Excel 2), `=COLUMNS($A$1:B1)` in row 2 −1 (Excel 2) — the running count `ROWS($A$1:A1)` filled
 * down a list, the k of SMALL/LARGE/INDEX in the usual "n-th match" formulas, gave wrong numbers.
 *
 * Here both ends are first made absolute for the formula's cell, then counted; every other
 * argument is left to HyperFormula.
 */
import { HyperFormula } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface End {
  toSimpleCellAddress?(base: Address): Address;
  toSimpleRowAddress?(base: Address): { row: number };
  toSimpleColumnAddress?(base: Address): { col: number };
}

interface Arg {
  type: string;
  expression?: Arg;
  start?: End;
  end?: End;
}

type Method = (this: unknown, ast: ProcedureAst, state: InterpreterState) => unknown;

/** The count of rows (or columns) of a range argument, its ends made absolute; undefined for any other argument. */
function extent(ast: ProcedureAst, state: InterpreterState, axis: 'row' | 'col'): number | undefined {
  if (ast.args.length !== 1) return undefined;
  let arg = ast.args[0] as unknown as Arg;
  while (arg.type === 'PARENTHESIS' && arg.expression) arg = arg.expression;
  const { start, end } = arg;
  if (!start || !end) return undefined;
  const base = state.formulaAddress as Address;
  if (arg.type === 'CELL_RANGE' && start.toSimpleCellAddress && end.toSimpleCellAddress) {
    const s = start.toSimpleCellAddress(base);
    const e = end.toSimpleCellAddress(base);
    return Math.abs(e[axis] - s[axis]) + 1;
  }
  if (axis === 'row' && arg.type === 'ROW_RANGE' && start.toSimpleRowAddress && end.toSimpleRowAddress) {
    return Math.abs(end.toSimpleRowAddress(base).row - start.toSimpleRowAddress(base).row) + 1;
  }
  if (axis === 'col' && arg.type === 'COLUMN_RANGE' && start.toSimpleColumnAddress && end.toSimpleColumnAddress) {
    return Math.abs(end.toSimpleColumnAddress(base).col - start.toSimpleColumnAddress(base).col) + 1;
  }
  return undefined;
}

let installed = false;

export function registerRowsColumns(): void {
  if (installed) return;
  installed = true;
  const plugin = HyperFormula.getFunctionPlugin('ROWS') as unknown as { prototype: { rows?: Method; columns?: Method } } | undefined;
  const proto = plugin?.prototype;
  const rows = proto?.rows;
  const columns = proto?.columns;
  if (!proto || typeof rows !== 'function' || typeof columns !== 'function') return;
  proto.rows = function excelRows(this: unknown, ast: ProcedureAst, state: InterpreterState): unknown {
    return extent(ast, state, 'row') ?? rows.call(this, ast, state);
  };
  proto.columns = function excelColumns(this: unknown, ast: ProcedureAst, state: InterpreterState): unknown {
    return extent(ast, state, 'col') ?? columns.call(this, ast, state);
  };
}
