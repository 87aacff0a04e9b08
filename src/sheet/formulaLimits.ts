/**
 * Excel's limits on one formula, checked on the text before HyperFormula parses it.
 *
 * Microsoft's "Excel specifications and limits" (Calculation specifications) states: "Length of
 * formula contents: 8,192 characters" and "Nested levels of functions: 64"; the Office
 * implementation notes for ISO/IEC 29500 (MS-OI29500 §2.1.1085, ST_Formula) say the same of the
 * file format: "Excel restricts the contents of this simple type to be at most 8192 characters".
 * A formula beyond them cannot come from Excel, and HyperFormula has no such check: its parser
 * and interpreter recurse once per level, so a formula nested 140 levels, or 2,000 `+` terms,
 * ended in "Maximum call stack size exceeded" (the CLI stopped, the workbench page went blank).
 *
 * One more bound is ours, not Excel's: HyperFormula builds `a+b+c+…` as a tree one level deeper
 * per operator and evaluates it recursively (src/sheet/excelFunctions.ts guardEvaluation adds a
 * frame per level), so a long chain of operators overflows the stack long before 8,192
 * characters. Measured through this evaluator: 64 levels with 512 operators inside fail with 85%
 * of V8's default stack (984 KB, Node's and Chromium's), 64 levels with 256 operators pass with
 * 61% of it — room for a page already deep in event handlers. A formula with more than
 * {@link MAX_OPERATOR_DEPTH} operators along one path is refused with its own message; Excel
 * itself would evaluate it.
 *
 * Pure text work (no HyperFormula, no DOM, no recursion): the CLI's evaluator, the workbench's
 * model and editor share it.
 */

/** Excel: "Length of formula contents: 8,192 characters" (the `=` not counted, as Excel stores it). */
export const MAX_FORMULA_LENGTH = 8192;
/** Excel: "Nested levels of functions: 64" (a grouping parenthesis counts as a level here too). */
export const MAX_NESTING = 64;
/** Ours (see the file comment): operators along one path of the expression, parentheses aside. */
export const MAX_OPERATOR_DEPTH = 256;

export type FormulaLimitKind = 'length' | 'nesting' | 'operators';

export interface FormulaLimitProblem {
  readonly kind: FormulaLimitKind;
  /** What the formula has (characters, levels, operators); for nesting, at least max + 1. */
  readonly got: number;
  readonly max: number;
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ':']);

/** One open parenthesis (or brace) being read. */
interface Frame {
  /** Operators in the argument being read. */
  ops: number;
  /** The deepest operator path of the nested parts closed so far in this argument. */
  inner: number;
  /** The deepest operator path of this frame's arguments already finished. */
  best: number;
}

/**
 * The first of Excel's limits (and ours) that `formula` breaks, or undefined. Accepts the text
 * with or without its leading `=`. Linear time, constant stack: text inside "string literals" and
 * 'quoted sheet names' is skipped, so a long text constant counts only by its length.
 */
export function formulaLimitProblem(formula: string): FormulaLimitProblem | undefined {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  if (body.length > MAX_FORMULA_LENGTH) return { kind: 'length', got: body.length, max: MAX_FORMULA_LENGTH };
  const stack: Frame[] = [{ ops: 0, inner: 0, best: 0 }];
  // Operators on the path from the top of the expression to here: every open argument's.
  let path = 0;
  const finishArgument = (f: Frame) => {
    f.best = Math.max(f.best, f.ops + f.inner);
    path -= f.ops;
    f.ops = 0;
    f.inner = 0;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < body.length && !(body[j] === c && body[j + 1] !== c)) j += body[j] === c ? 2 : 1;
      i = j;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '(' || c === '{') {
      // An array constant's brace counts as a level as well (Excel nests none inside another).
      if (stack.length > MAX_NESTING) return { kind: 'nesting', got: stack.length, max: MAX_NESTING };
      stack.push({ ops: 0, inner: 0, best: 0 });
    } else if ((c === ')' || c === '}') && stack.length > 1) {
      finishArgument(top);
      stack.pop();
      const parent = stack[stack.length - 1];
      parent.inner = Math.max(parent.inner, top.best);
    } else if (c === ',' || c === ';') {
      finishArgument(top);
    } else if (OPERATORS.has(c)) {
      top.ops++;
      path++;
      if (path + top.inner > MAX_OPERATOR_DEPTH) return { kind: 'operators', got: countOperators(body), max: MAX_OPERATOR_DEPTH };
    }
  }
  return undefined;
}

/** Operators outside text, for the message (how many the user would have to take out). */
function countOperators(body: string): number {
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < body.length && !(body[j] === c && body[j + 1] !== c)) j += body[j] === c ? 2 : 1;
      i = j;
    } else if (OPERATORS.has(c)) n++;
  }
  return n;
}

/** The sheet's own messages for the limits (not an engine function's, so not src/engine/messages.ts). */
const LIMIT_MESSAGES: Readonly<Record<FormulaLimitKind, { readonly en: string; readonly zh: string }>> = {
  length: {
    en: 'This formula is {got} characters long; Excel allows at most {max} characters in a formula (Excel specifications and limits).',
    zh: '此公式长 {got} 个字符；Excel 的公式最多 {max} 个字符（Excel 规范与限制）。',
  },
  nesting: {
    en: 'This formula nests more than {max} levels of functions and parentheses; Excel allows at most {max} nested levels (Excel specifications and limits).',
    zh: '此公式嵌套的函数和括号超过 {max} 层；Excel 最多允许 {max} 层嵌套（Excel 规范与限制）。',
  },
  operators: {
    en: 'This formula chains {got} operators, more than the {max} in one expression this evaluator takes; add the terms with SUM or split the formula over several cells.',
    zh: '此公式连续使用了 {got} 个运算符，超过本计算器单个表达式可计算的 {max} 个；请改用 SUM 求和，或把公式拆分到多个单元格。',
  },
};

/** The message for a limit, in English or Chinese. */
export function formulaLimitMessage(problem: FormulaLimitProblem, language: 'en' | 'zh' = 'en'): string {
  return LIMIT_MESSAGES[problem.kind][language].replace(/\{(got|max)\}/g, (_, k: 'got' | 'max') => problem[k].toLocaleString('en-US'));
}

/** Thrown by the workbench when a formula over a limit is entered: nothing was written. */
export class FormulaLimitError extends Error {
  constructor(
    readonly problem: FormulaLimitProblem,
    readonly zh: string = formulaLimitMessage(problem, 'zh'),
  ) {
    super(formulaLimitMessage(problem, 'en'));
    this.name = 'FormulaLimitError';
  }
}

/**
 * What HyperFormula is given for a formula beyond a limit: `=XLLIMIT("message")` (#VALUE! with the
 * message; src/sheet/excelFunctions.ts), or undefined when the formula is within every limit.
 */
export function limitedContent(formula: string, language: 'en' | 'zh' = 'en'): string | undefined {
  const problem = formulaLimitProblem(formula);
  return problem ? `=XLLIMIT("${formulaLimitMessage(problem, language).replace(/"/g, '""')}")` : undefined;
}
