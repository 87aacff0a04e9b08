/**
 * Excel's limits on one formula (8,192 characters, 64 nested levels; Microsoft, "Excel
 * specifications and limits") and this evaluator's bound on operator chains, checked before
 * HyperFormula parses: the formula beyond them is that cell's #VALUE! naming the limit, in
 * English and Chinese, and every other cell evaluates. Before, a formula nested 140 levels or
 * 2,000 `+` terms ended in "Maximum call stack size exceeded".
 */
import { evaluateWorkbook, isOutputError, type OutputCell } from './workbook';
import { formulaLimitMessage, formulaLimitProblem, limitedContent, MAX_FORMULA_LENGTH, MAX_NESTING, MAX_OPERATOR_DEPTH } from './formulaLimits';

const nested = (n: number, inner = '1') => `=${'('.repeat(n)}${inner}${')'.repeat(n)}`;
const sums = (n: number) => `=${'SUM('.repeat(n)}1${')'.repeat(n)}`;
const plus = (n: number) => `=${Array.from({ length: n }, () => '1').join('+')}`;

describe('formulaLimitProblem', () => {
  it('takes 64 levels and refuses the 65th, for parentheses and functions alike', () => {
    expect(formulaLimitProblem(nested(MAX_NESTING))).toBeUndefined();
    expect(formulaLimitProblem(sums(64))).toBeUndefined();
    expect(formulaLimitProblem(nested(65))).toEqual({ kind: 'nesting', got: 65, max: 64 });
    expect(formulaLimitProblem(sums(65))).toEqual({ kind: 'nesting', got: 65, max: 64 });
    expect(formulaLimitProblem(`=${'IF(A1>0,'.repeat(65)}1${',0)'.repeat(65)}`)?.kind).toBe('nesting');
  });

  it('takes 8,192 characters (the = not counted) and refuses 8,193', () => {
    const at = (n: number) => `="${'x'.repeat(n - 2)}"`;
    expect(at(MAX_FORMULA_LENGTH).length).toBe(8193);
    expect(formulaLimitProblem(at(MAX_FORMULA_LENGTH))).toBeUndefined();
    expect(formulaLimitProblem(at(MAX_FORMULA_LENGTH + 1))).toEqual({ kind: 'length', got: 8193, max: 8192 });
  });

  it('bounds an operator chain at 256 along one path, arguments of a call counted apart', () => {
    expect(formulaLimitProblem(plus(MAX_OPERATOR_DEPTH + 1))).toBeUndefined(); // 256 operators
    expect(formulaLimitProblem(plus(258))).toEqual({ kind: 'operators', got: 257, max: 256 });
    expect(formulaLimitProblem(plus(2000))).toEqual({ kind: 'operators', got: 1999, max: 256 });
    // 400 terms as two arguments of 200: no path is longer than 199 operators.
    expect(formulaLimitProblem(`=SUM(${plus(200).slice(1)},${plus(200).slice(1)})`)).toBeUndefined();
    // A chain after a parenthesised chain adds up (the tree is that deep): 199 + 1 + 199.
    expect(formulaLimitProblem(`=(${plus(200).slice(1)})+${plus(200).slice(1)}`)?.kind).toBe('operators');
    // Excel's 64 levels with 256 operators inside: taken (the deepest this evaluator is sure of).
    expect(formulaLimitProblem(`=${'SUM('.repeat(64)}${plus(257).slice(1)}${')'.repeat(64)}`)).toBeUndefined();
  });

  it('skips text and quoted sheet names: a bracket or an operator inside them counts for nothing', () => {
    expect(formulaLimitProblem(`="${'('.repeat(500)}"`)).toBeUndefined();
    expect(formulaLimitProblem(`='${'+'.repeat(600)}'!A1`)).toBeUndefined();
    expect(formulaLimitProblem(`="a""(((("&${'('.repeat(10)}1${')'.repeat(10)}`)).toBeUndefined();
  });

  it('reads a 10-million-character formula in linear time and constant stack', () => {
    const huge = `=${'('.repeat(5_000_000)}1${')'.repeat(5_000_000)}`;
    const t = Date.now();
    expect(formulaLimitProblem(huge)?.kind).toBe('length');
    expect(formulaLimitProblem(huge.slice(0, 8000))?.kind).toBe('nesting');
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('says the limit in English and Chinese; the content HyperFormula gets is XLLIMIT with that text', () => {
    const p = formulaLimitProblem(nested(140))!;
    expect(formulaLimitMessage(p, 'en')).toBe('This formula nests more than 64 levels of functions and parentheses; Excel allows at most 64 nested levels (Excel specifications and limits).');
    expect(formulaLimitMessage(p, 'zh')).toBe('此公式嵌套的函数和括号超过 64 层；Excel 最多允许 64 层嵌套（Excel 规范与限制）。');
    expect(formulaLimitMessage({ kind: 'length', got: 9000, max: 8192 })).toBe('This formula is 9,000 characters long; Excel allows at most 8,192 characters in a formula (Excel specifications and limits).');
    expect(limitedContent(nested(3))).toBeUndefined();
    expect(limitedContent(nested(65))).toMatch(/^=XLLIMIT\("This formula nests more than 64 levels/);
  });
});

describe('the evaluator (CLI) with formulas beyond the limits', () => {
  const err = (v: OutputCell) => (isOutputError(v) ? v : undefined);

  it.each([
    ['nested 140 levels', nested(140), /more than 64 levels/],
    ['SUM nested 140 levels', sums(140), /more than 64 levels/],
    ['2,000 + terms', plus(2000), /chains 1,999 operators, more than the 256/],
    ['a 9,000-character formula', `="${'x'.repeat(9000)}"`, /9,002 characters long; Excel allows at most 8,192/],
    ['200 levels', nested(200), /more than 64 levels/],
  ])('%s: #VALUE! naming the limit in that cell; the other cells evaluate', (_label, formula, message) => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[1, formula, '=A1+1', '=B1'], [nested(64, 'A1*3'), sums(64)]] }]);
    expect(err(sheet.values[0][1])).toEqual({ error: '#VALUE!', message: expect.stringMatching(message) });
    expect(sheet.values[0][2]).toBe(2);
    // A cell referring to it gets the same error and message.
    expect(err(sheet.values[0][3])?.message).toMatch(message);
    // Up to the limit, evaluated.
    expect(sheet.values[1]).toEqual([3, 1]);
    // The formula is reported as it was read, not as what HyperFormula was given.
    expect(sheet.formulas.get('0,1')).toBe(formula);
    expect(sheet.formulas.get('1,0')).toBe(nested(64, 'A1*3'));
  });

  it('in Chinese with --lang zh', () => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[nested(140), plus(2000)]] }], { language: 'zh' });
    expect(err(sheet.values[0][0])?.message).toBe('此公式嵌套的函数和括号超过 64 层；Excel 最多允许 64 层嵌套（Excel 规范与限制）。');
    expect(err(sheet.values[0][1])?.message).toBe('此公式连续使用了 1,999 个运算符，超过本计算器单个表达式可计算的 256 个；请改用 SUM 求和，或把公式拆分到多个单元格。');
  });

  it('a workbook name beyond the limits is left out (#NAME?), the rest evaluates', () => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[2, '=Deep', '=Fine*2']] }], {
      names: [
        { name: 'Deep', expression: nested(150, 'S!$A$1') },
        { name: 'Fine', expression: '=S!$A$1' },
      ],
    });
    expect(err(sheet.values[0][1])?.error).toBe('#NAME?');
    expect(sheet.values[0][2]).toBe(4);
  });

  it('many such cells cost what their text costs (no halving search, no stack)', () => {
    const cells = Array.from({ length: 200 }, (_, r) => [r, r % 2 ? nested(300) : plus(3000), `=A${r + 1}*2`]);
    const t = Date.now();
    const [sheet] = evaluateWorkbook([{ name: 'S', cells }]);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(sheet.values.map((row) => row[2])).toEqual(cells.map((_, r) => r * 2));
    expect(sheet.values.every((row) => err(row[1])?.error === '#VALUE!')).toBe(true);
  });
});
