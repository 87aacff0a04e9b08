/**
 * CHOOSE, ISREF and AREAS as Microsoft's pages say, where HyperFormula differs or has none:
 *
 * - CHOOSE(index_num, value1, …): "If index_num is a fraction, it is truncated to the lowest
 *   integer before being used"; "If index_num is less than 1 or greater than the number of the
 *   last value in the list, CHOOSE returns the #VALUE! error value" (HyperFormula: #NUM! for both);
 *   only the value chosen is evaluated;
 * - ISREF(value): TRUE for a reference — a cell, a range, a name or a function that returns one
 *   (INDEX, OFFSET, INDIRECT) — whatever the referenced cells hold (HyperFormula: FALSE or #VALUE!
 *   for a reference to an error or a range);
 * - AND, OR, XOR: text and blanks of references and arrays ignored (see logical below);
 * - AREAS(reference): the number of areas — 1 for a cell or a range; not a reference: #VALUE!.
 *
 * Installed as a wrapper of HyperFormula's interpreter (see guardEvaluation in excelFunctions.ts).
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, ErrorType, SimpleRangeValue } from 'hyperformula';
import { numberOf } from './dynamicArrays';
import { interpreterPrototype } from './interpreterHook';

interface Node {
  type: string;
  procedureName?: string;
  args?: Node[];
  expression?: Node;
}

const REFERENCE_FUNCTIONS = new Set(['INDEX', 'OFFSET', 'INDIRECT', 'XLOFFSET']);

/** Whether an argument is written as a reference (a parenthesised one included). */
export function isReferenceAst(ast: Node | undefined): boolean {
  if (!ast) return false;
  if (ast.type === 'PARENTHESES' && ast.expression) return isReferenceAst(ast.expression);
  if (ast.type === 'CELL_REFERENCE' || ast.type === 'CELL_RANGE' || ast.type === 'COLUMN_RANGE' || ast.type === 'ROW_RANGE') return true;
  return ast.type === 'FUNCTION_CALL' && ast.procedureName !== undefined && REFERENCE_FUNCTIONS.has(ast.procedureName);
}

/**
 * AND / OR / XOR over their arguments as Microsoft's pages say: "If an array or reference argument
 * contains text or empty cells, those values are ignored"; no logical value at all is #VALUE!; a
 * number counts as TRUE unless 0; text given directly counts when it reads TRUE or FALSE and is
 * otherwise ignored too (Excel: AND(TRUE,"0") is TRUE), so an error anywhere is the result
 * (AND(TRUE,"ciao",#REF!) is #REF!). Undefined: leave it to HyperFormula (an array formula
 * lifting over the arguments).
 */
export function logical(name: string, args: ReadonlyArray<{ reference: boolean; value: unknown }>): boolean | CellError | undefined {
  const seen: boolean[] = [];
  for (const { reference, value } of args) {
    if (value === undefined) continue;
    const cells = value instanceof SimpleRangeValue ? value.data.flat() : [value];
    const fromCells = reference || value instanceof SimpleRangeValue;
    for (const v of cells) {
      if (v instanceof CellError) return v;
      if (typeof v === 'boolean') seen.push(v);
      else if (typeof v === 'number') seen.push(v !== 0);
      else if (typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number') seen.push((v as { val: number }).val !== 0);
      else if (typeof v === 'string' && !fromCells) {
        const u = v.trim().toUpperCase();
        if (u === 'TRUE' || u === 'FALSE') seen.push(u === 'TRUE');
      }
      // Text and blanks of a reference or an array are ignored.
    }
  }
  if (seen.length === 0) return new CellError(ErrorType.VALUE, `${name}: no logical value among the arguments.`);
  if (name === 'AND') return seen.every(Boolean);
  if (name === 'OR') return seen.some(Boolean);
  return seen.filter(Boolean).length % 2 === 1;
}

let installed = false;

/** Installs the wrapper; once per process. */
export function registerReferenceFunctions(): void {
  if (installed) return;
  installed = true;
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberReferenceFunctions) return;
  const original = proto.evaluateAst as (this: unknown, ast: Node, state: unknown) => unknown;
  proto.evaluateAst = function referenceFunctions(this: unknown, ast: Node, state: unknown): unknown {
    if (ast.type === 'FUNCTION_CALL' && ast.procedureName === 'CHOOSE' && ast.args && ast.args.length >= 2) {
      const index = original.call(this, ast.args[0], state);
      // An array of indexes (an array formula) is left to HyperFormula, which lifts CHOOSE over it.
      if (!(index instanceof SimpleRangeValue && index.width() * index.height() > 1)) {
        const n = numberOf(index);
        if (n instanceof CellError) return n;
        const k = Math.trunc(n);
        if (k < 1 || k > ast.args.length - 1) return new CellError(ErrorType.VALUE, 'CHOOSE: index_num is outside the list of values.');
        const chosen = ast.args[k];
        return chosen.type === 'EMPTY' ? 0 : original.call(this, chosen, state);
      }
    }
    if (ast.type === 'FUNCTION_CALL' && (ast.procedureName === 'AND' || ast.procedureName === 'OR' || ast.procedureName === 'XOR') && ast.args) {
      const r = logical(ast.procedureName, ast.args.map((a) => ({ reference: isReferenceAst(a), value: a.type === 'EMPTY' ? undefined : original.call(this, a, state) })));
      if (r !== undefined) return r;
    }
    if (ast.type === 'FUNCTION_CALL' && ast.procedureName === 'AREAS') {
      // One range or cell is one area (a union of ranges does not parse here: see the README list).
      if (!ast.args || ast.args.length !== 1) return new CellError(ErrorType.NA, 'AREAS takes one reference.');
      const arg = ast.args[0];
      if (!isReferenceAst(arg)) return new CellError(ErrorType.VALUE, 'AREAS: the argument must be a reference.');
      if (arg.type !== 'FUNCTION_CALL') return 1;
      const v = original.call(this, arg, state);
      return v instanceof CellError && v.type === ErrorType.REF ? v : 1;
    }
    if (ast.type === 'FUNCTION_CALL' && ast.procedureName === 'ISREF' && ast.args && ast.args.length === 1) {
      const arg = ast.args[0];
      if (isReferenceAst(arg)) {
        // A reference function that finds no reference (INDIRECT("nowhere"): #REF!) gives none.
        if (arg.type === 'FUNCTION_CALL') {
          const v = original.call(this, arg, state);
          if (v instanceof CellError && v.type === ErrorType.REF) return false;
        }
        return true;
      }
      if (arg.type === 'NAMED_EXPRESSION') return original.call(this, ast, state);
      return false;
    }
    return original.call(this, ast, state);
  };
  proto.cyberReferenceFunctions = true;
}
