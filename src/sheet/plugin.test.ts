/**
 * The CYBER functions inside HyperFormula: every catalogue function through a formula, arguments
 * as HyperFormula hands them over (ranges with header rows, blanks, "", booleans, rich numbers,
 * errors from other cells), error types and messages, array results, and no rounding.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent, RawTranslationPackage } from 'hyperformula';
import { CATALOGUE, evaluate, type FunctionSpec, type Outcome, type ParamSpec, type RawArgument } from '../engine';
import { normalizeFormula } from './formula';
import { createFunctionPlugin, HYPERFORMULA_CONFIG, registerCyberFunctions, registerFunctionPlugin, toRawArgument } from './plugin';
import { RESULT_SHAPES, shapeRuleFor } from './shapes';

beforeAll(() => {
  registerCyberFunctions();
});

/**
 * Builds a sheet with the plugin's settings and returns a reader of its values. Formulas are
 * normalized as every host does (HyperFormula has no TRUE/FALSE literals: TRUE → TRUE()).
 */
function sheet(rows: RawCellContent[][]) {
  const normalized = rows.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? normalizeFormula(v) : v)));
  const hf = HyperFormula.buildFromArray(normalized, HYPERFORMULA_CONFIG);
  const at = (a1: string) => {
    const address = hf.simpleCellAddressFromString(a1, 0);
    if (!address) throw new Error(`bad address ${a1}`);
    return hf.getCellValue(address);
  };
  return { hf, at };
}

function one(formula: string): unknown {
  const { hf, at } = sheet([[formula]]);
  const v = at('A1');
  hf.destroy();
  return v;
}

/** The value of a formula's cell, or the whole array it spilled (rows × cols from `like`). */
function spilled(hf: HyperFormula, row: number, col: number, like: unknown): unknown {
  if (!Array.isArray(like)) return hf.getCellValue({ sheet: 0, row, col });
  return (like as unknown[][]).map((r, i) => r.map((_v, j) => hf.getCellValue({ sheet: 0, row: row + i, col: col + j })));
}

function errorOf(v: unknown): { code: string; type: string; message: string } {
  if (!(v instanceof DetailedCellError)) throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  return { code: v.value, type: v.type, message: v.message };
}

// ---- a literal reader for the catalogue's example formulas ----------------------------------------

/** Splits "a, {1,2;3,4}, "x"" at top-level commas. */
function topLevelArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') inString = !inString;
    if (!inString && (ch === '(' || ch === '{')) depth++;
    if (!inString && (ch === ')' || ch === '}')) depth--;
    if (!inString && depth === 0 && ch === ',') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || out.length) out.push(current.trim());
  return out;
}

function literal(text: string): RawArgument {
  if (text === '') return null;
  if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  if (text.startsWith('{')) {
    return text
      .slice(1, -1)
      .split(';')
      .map((row) => row.split(',').map((cell) => literal(cell.trim()) as number | string | boolean | null));
  }
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`not a literal: ${text}`);
  return n;
}

/** The example formula's arguments as the engine's raw arguments. */
function exampleArgs(spec: FunctionSpec): RawArgument[] {
  const m = /^=CYBER\.([A-Z]+)\((.*)\)$/.exec(spec.example.formula);
  if (!m || m[1] !== spec.name) throw new Error(`example of ${spec.name} is not a plain call: ${spec.example.formula}`);
  return topLevelArgs(m[2]).map(literal);
}

/** The example's stated result: a number, TRUE/FALSE, an array {a,b;c,d}, or text. */
function expectedOf(result: string): unknown {
  if (result === 'TRUE') return true;
  if (result === 'FALSE') return false;
  if (result.startsWith('{')) {
    return result
      .slice(1, -1)
      .split(';')
      .map((row) => row.split(',').map((cell) => expectedOf(cell.trim())));
  }
  const n = Number(result);
  return Number.isFinite(n) ? n : result;
}

describe('every catalogue function through a HyperFormula formula', () => {
  it('registers every catalogue function as CYBER.<NAME>', () => {
    const names = HyperFormula.getRegisteredFunctionNames('enGB');
    for (const f of CATALOGUE) expect(names).toContain(`CYBER.${f.name}`);
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(14);
  });

  it.each(CATALOGUE.map((f) => [f.name, f] as const))('%s: the example formula gives the exact result as a number, as evaluate does', (_name, spec) => {
    const expected = expectedOf(spec.example.result);
    const { hf } = sheet([[spec.example.formula]]);
    const inSheet = spilled(hf, 0, 0, expected);
    hf.destroy();
    expect(inSheet).toEqual(expected);
    const direct: Outcome = evaluate(spec.name, exampleArgs(spec));
    expect(direct.ok).toBe(true);
    if (direct.ok) expect(inSheet).toEqual(direct.value);
  });

  it.each(CATALOGUE.map((f) => [f.name, f] as const))('%s: the same call with every argument in a cell agrees with evaluate', (_name, spec) => {
    // Ranges go in as ranges of cells, single values as single cells: what a real model does.
    const args = exampleArgs(spec);
    const rows: RawCellContent[][] = [[]];
    const refs: string[] = [];
    let col = 0;
    const letter = (c: number) => String.fromCharCode(65 + c);
    for (const arg of args) {
      if (Array.isArray(arg)) {
        const height = arg.length;
        const width = arg[0].length;
        arg.forEach((row: readonly unknown[], r: number) => {
          while (rows.length <= r + 1) rows.push([]);
          row.forEach((v: unknown, c: number) => {
            rows[r + 1][col + c] = v as RawCellContent;
          });
        });
        refs.push(`${letter(col)}2:${letter(col + width - 1)}${height + 1}`);
        col += width;
      } else {
        while (rows.length < 2) rows.push([]);
        rows[1][col] = arg as RawCellContent;
        refs.push(`${letter(col)}2`);
        col += 1;
      }
    }
    // The formula goes below the data, so an array result has room to spill.
    rows.push([]);
    const formulaRow = rows.length;
    rows.push([`=CYBER.${spec.name}(${refs.join(',')})`]);
    const { hf } = sheet(rows);
    const direct = evaluate(spec.name, args);
    expect(direct.ok).toBe(true);
    if (direct.ok) expect(spilled(hf, formulaRow, 0, direct.value)).toEqual(direct.value);
    hf.destroy();
  });
});

describe('ranges', () => {
  const history = [
    ['Period start', 'Revenue'],
    [45292, 1000000],
    [45323, 1160000],
    [45352, 1240000],
  ];

  it('skips a header row in a table range (history, recovery table)', () => {
    const { hf, at } = sheet([
      ...history.map((r) => [...r, null]),
      ['=CYBER.STANDARDREVENUE(A1:B4, 45689, 14)', '=CYBER.STANDARDREVENUE(A2:B4, 45689, 14)'],
      ['Days', 'Ratio'],
      [30, 0.5],
      [60, 0.75],
      [90, 1],
      ['=CYBER.RECOVERYRATIO(45, A6:B9)', '=CYBER.RECOVERYRATIO(45, A7:B9)'],
    ]);
    expect(at('A5')).toBe(560000);
    expect(at('B5')).toBe(560000);
    expect(at('A10')).toBe(0.75);
    expect(at('B10')).toBe(0.75);
    hf.destroy();
  });

  it('gives a range where a single value is asked the engine\'s message, not an implicit intersection', () => {
    const { hf, at } = sheet([[1, '=CYBER.LOSTPROFIT(A1:A3, 0.3)'], [2], [3]]);
    const e = errorOf(at('B1'));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('CYBER.LOSTPROFIT: revenue_reduction must be a single value, but a range of 3×1 cells was given.');
    hf.destroy();
  });

  it('passes a range whose cells hold formulas and rich numbers (DATE) as plain numbers', () => {
    const { hf, at } = sheet([
      ['=DATE(2024,1,1)', 1000000],
      ['=DATE(2024,2,1)', '=1000000+160000'],
      ['=DATE(2024,3,1)', 1240000],
      ['=CYBER.STANDARDREVENUE(A1:B3, DATE(2025,2,1), 14)', '=CYBER.LOSTPROFIT(1000, 25%)'],
      ['=CYBER.CRISISWINDOW(DATE(2025,1,1), DATE(2025,1,2))', '=CYBER.CRISISWINDOW(DATE(2025,1,1), DATE(2025,1,1))'],
    ]);
    expect(at('A4')).toBe(560000);
    expect(at('B4')).toBe(250);
    expect(at('A5')).toBe(true);
    expect(at('B5')).toBe(false);
    hf.destroy();
  });

  it('reports text inside a table with the row and column', () => {
    const { hf, at } = sheet([
      [45292, 1000000],
      [45323, 'n/a'],
      ['=CYBER.ANNUALREVENUE(A1:B2, 45600)'],
    ]);
    const e = errorOf(at('A3'));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^CYBER\.ANNUALREVENUE: history row 2, column "revenue" must be a number, but it is the text "n\/a"/);
    hf.destroy();
  });
});

describe('errors', () => {
  it('propagates an error from another cell unchanged: =CYBER.LOSTPROFIT(1/0, 0.3) is #DIV/0!', () => {
    expect(errorOf(one('=CYBER.LOSTPROFIT(1/0, 0.3)')).type).toBe('DIV_BY_ZERO');
    const { hf, at } = sheet([['=1/0', '=CYBER.LOSTPROFIT(A1, 0.3)', '=NA()', '=CYBER.LOSTPROFIT(100, 0.3, C1)']]);
    expect(errorOf(at('B1'))).toEqual({ ...errorOf(at('A1')), code: '#DIV/0!' });
    expect(errorOf(at('D1'))).toEqual(errorOf(at('C1')));
    expect(errorOf(at('D1')).code).toBe('#N/A');
    hf.destroy();
  });

  it('passes one CYBER function\'s error through another with its type and message', () => {
    const { hf, at } = sheet([
      ['=CYBER.LOSTPROFIT(-5, 0.3)', '=CYBER.REVENUEREDUCTION(A1, 0)', '=CYBER.RECOVERYRATIO(400, {30,0.5;60,1})', '=CYBER.CONTINUATIONPAYOUT(1, 0, 1, C1)'],
    ]);
    const original = errorOf(at('A1'));
    expect(original).toEqual({ code: '#VALUE!', type: 'VALUE', message: 'CYBER.LOSTPROFIT: revenue_reduction must be 0 or more, but it is -5.' });
    expect(errorOf(at('B1'))).toEqual(original);
    expect(errorOf(at('D1'))).toEqual(errorOf(at('C1')));
    expect(errorOf(at('D1')).code).toBe('#N/A');
    hf.destroy();
  });

  it('propagates an error inside a range argument unchanged, before any rule is checked', () => {
    const { hf, at } = sheet([
      [45292, 1000000],
      [45323, '=CYBER.LOSTPROFIT(-1, 0.3)'],
      [45352, 1240000],
      ['=CYBER.STANDARDREVENUE(A1:B3, 45689, 14)', '=CYBER.STANDARDREVENUE(A1:B3, -1, 14)'],
    ]);
    const inner = errorOf(at('B2'));
    expect(errorOf(at('A4'))).toEqual(inner);
    expect(errorOf(at('B4'))).toEqual(inner);
    hf.destroy();
  });

  describe('several errors passed in: the first in argument order, ranges row by row, as the engine gives', () => {
    // FUNCTIONS.md conventions: errors passed in from other cells propagate unchanged; the engine
    // (evaluate.ts, firstErrorValue) and the Excel adapter pass on the first one. HyperFormula's
    // runFunction used to return the first error among the single-cell arguments before the
    // plugin ran, so =CYBER.OPERATINGPROFIT(A1:A2, B1) below gave B1's #N/A.
    const cells = () =>
      sheet([
        [1, '=NA()', '=CYBER.OPERATINGPROFIT(A1:A2, B1)', '=CYBER.OPERATINGPROFIT(B1, A1:A2)', 5],
        ['=1/0', 7, '=CYBER.OPERATINGPROFIT(A1:A2, D3:D4)', '=CYBER.OPERATINGPROFIT(D3:D4, A1:A2)', '=CYBER.OPERATINGPROFIT(A1:B2, 0)'],
        [null, null, null, 2, '=CYBER.STANDARDREVENUE(A5:B7, B1, 14)'],
        [null, null, null, '=NA()', '=CYBER.RECOVERYRATIO(B1, A5:B7)'],
        [45292, 1000000],
        [45323, '=LN(-1)'],
        [45352, 1240000],
      ]);

    it('an error inside a range before an error in a later single cell: the range\'s (#DIV/0!, not #N/A)', () => {
      const { hf, at } = cells();
      expect(errorOf(at('C1'))).toEqual(errorOf(at('A2')));
      expect(errorOf(at('C1')).code).toBe('#DIV/0!');
      const engine = evaluate('OPERATINGPROFIT', [[[1], [{ error: '#DIV/0!' }]], { error: '#N/A' }]);
      expect(engine.ok ? 'ok' : engine.error.code).toBe('#DIV/0!');
      hf.destroy();
    });

    it('the reverse order: the single cell\'s error comes first (#N/A)', () => {
      const { hf, at } = cells();
      expect(errorOf(at('D1'))).toEqual(errorOf(at('B1')));
      expect(errorOf(at('D1')).code).toBe('#N/A');
      hf.destroy();
    });

    it('both in ranges: the first range\'s error, whichever order', () => {
      const { hf, at } = cells();
      expect(errorOf(at('C2')).code).toBe('#DIV/0!');
      expect(errorOf(at('D2'))).toEqual(errorOf(at('D4')));
      expect(errorOf(at('D2')).code).toBe('#N/A');
      // Within one range row by row: B1 (#N/A) before A2 (#DIV/0!).
      expect(errorOf(at('E2')).code).toBe('#N/A');
      hf.destroy();
    });

    it('a table holding an error beside a single-cell error, in both orders', () => {
      const { hf, at } = cells();
      expect(errorOf(at('E3'))).toEqual(errorOf(at('B6')));
      expect(errorOf(at('E3')).code).toBe('#NUM!');
      expect(errorOf(at('E4'))).toEqual(errorOf(at('B1')));
      hf.destroy();
    });
  });

  it('recomputes when a cell an argument reads changes (the arguments stay dependencies)', () => {
    // evaluateCall reads its arguments itself; HyperFormula must still order and recompute the
    // cell after them (the metadata option doesNotNeedArgumentsToBeComputed would drop them).
    const { hf, at } = sheet([['=CYBER.OPERATINGPROFIT(B1, C1:C1)', '=D1*2', 10, 50]]);
    expect(at('A1')).toBe(90);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, 60);
    expect(at('A1')).toBe(110);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, '=1/0');
    expect(errorOf(at('A1')).code).toBe('#DIV/0!');
    hf.destroy();
  });

  it.each([
    ['=CYBER.LOSTPROFIT(100, 1.5)', '#VALUE!', 'CYBER.LOSTPROFIT: profit_rate is a fraction and must lie between 0 and 1 (25% is 0.25), but it is 1.5.'],
    ['=CYBER.LOSTPROFIT("abc", 0.3)', '#VALUE!', 'CYBER.LOSTPROFIT: revenue_reduction must be a number, but it is the text "abc".'],
    ['=CYBER.PROFITRATE(0, 0, 0, 0)', '#VALUE!', 'CYBER.PROFITRATE: revenue must be greater than 0, but it is 0.'],
    ['=CYBER.PROFITRATE(100, 50, 10, 20)', '#VALUE!', 'CYBER.PROFITRATE: insured_maintenance (20) cannot exceed maintenance (10): insured maintenance costs are the part of maintenance costs named in the schedule.'],
    ['=CYBER.INSUREDRATIO(100, 100, 0, 0)', '#DIV/0!', 'CYBER.INSUREDRATIO: the insured ratio divides by operating profit + maintenance, which is 0 here (revenue − expenses = 0, maintenance = 0).'],
    ['=CYBER.RECOVERYRATIO(91, {30,0.5;60,0.75;90,1})', '#N/A', 'CYBER.RECOVERYRATIO: recovery_days is 91 days, beyond the last bound of the recovery table (90 days).'],
    ['=CYBER.ANNUALREVENUE({45292,1;45323,1}, 45689)', '#N/A', 'CYBER.ANNUALREVENUE: history covers 2024-01-01 to 2024-03-03, which does not include the whole window 2024-02-01 to 2025-02-01.'],
    ['=CYBER.BIPAYOUT(1, 0, 1, 1, 100)', '#VALUE!', 'CYBER.BIPAYOUT: profit_rate is required when annual_revenue is given (the under-insurance test uses annual revenue × profit rate).'],
    ['=CYBER.STANDARDREVENUE({45292,1e300;45323,1e300;45352,1e300}, 45689, 14, 1e300)', '#NUM!', 'CYBER.STANDARDREVENUE: the result 4.82759e+599 is too large to be stored in a cell.'],
    ['=CYBER.WAITINGMET(TRUE, 12)', '#VALUE!', 'CYBER.WAITINGMET: duration_hours must be a number, but it is TRUE.'],
  ])('%s → %s with the engine\'s message', (formula, code, message) => {
    const e = errorOf(one(formula));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('reports a missing required argument and one too many as the engine does (#VALUE!, naming them)', () => {
    // Catalogue conventions: bad input is an error whose message names the argument and the rule;
    // HyperFormula's own arity check said only #N/A "Wrong number of arguments.".
    expect(errorOf(one('=CYBER.LOSTPROFIT(100)'))).toEqual({ code: '#VALUE!', type: 'VALUE', message: 'CYBER.LOSTPROFIT: profit_rate is required, but it is missing from the call.' });
    expect(errorOf(one('=CYBER.LOSTPROFIT(1, 0.5, 0, 9)'))).toEqual({
      code: '#VALUE!',
      type: 'VALUE',
      message: 'CYBER.LOSTPROFIT: takes at most 3 arguments, but 4 were given.',
    });
    // As in the engine, trailing empty arguments beyond the list are ignored, and an error passed
    // in comes first.
    expect(one('=CYBER.LOSTPROFIT(1, 0.5, 0, )')).toBe(0.5);
    expect(errorOf(one('=CYBER.LOSTPROFIT(1/0, 0.5, 0, 9)')).code).toBe('#DIV/0!');
  });

  it('a series rejected by its size alone reserves one cell for its one error, not a spill', () => {
    // A 2×2 member_claims is #VALUE! and 100,001 values #NUM!, whatever the values: A2 below the
    // formula stays free (it used to be #SPILL!, or a million cells of #NUM!).
    const { hf, at } = sheet([
      ['=CYBER.POOLSHARE(C1:D2)', null, 1, 2],
      ['below', null, 3, 4],
      ['=CYBER.POOLSHARE(SEQUENCE(100001))'],
      ['below'],
    ]);
    expect(errorOf(at('A1'))).toEqual({
      code: '#VALUE!',
      type: 'VALUE',
      message: 'CYBER.POOLSHARE: member_claims must be a single row or a single column, but a range of 2×2 cells was given.',
    });
    expect(errorOf(at('A3'))).toEqual({ code: '#NUM!', type: 'NUM', message: 'CYBER.POOLSHARE: member_claims has 100001 values; at most 100000 can be evaluated.' });
    expect([at('A2'), at('A4')]).toEqual(['below', 'below']);
    hf.destroy();
  });

  it('gives the messages in Chinese when registered with language zh', () => {
    registerCyberFunctions('zh');
    try {
      expect(errorOf(one('=CYBER.LOSTPROFIT(-5, 0.3)')).message).toBe('CYBER.LOSTPROFIT：参数 revenue_reduction（收益减少金额） 不得为负数，但输入的是 -5。');
      // Left out of the call vs blank, in Chinese too.
      expect(errorOf(one('=CYBER.LOSTPROFIT(100, )')).message).toBe('CYBER.LOSTPROFIT：必须提供参数 profit_rate（利润率），但它在调用中被省略。');
      expect(errorOf(one('=CYBER.NOTICEBY(Z1, 45800, 46022)')).message).toMatch(/^CYBER\.NOTICEBY：必须提供参数 kind（.+），但它为空白。$/);
    } finally {
      registerCyberFunctions('en');
    }
    expect(errorOf(one('=CYBER.LOSTPROFIT(-5, 0.3)')).message).toMatch(/^CYBER\.LOSTPROFIT: revenue_reduction must be 0 or more/);
  });
});

describe('booleans, blanks and empty text', () => {
  it.each([
    ['TRUE', 0.325],
    ['FALSE', 0.2],
    ['1', 0.325],
    ['0', 0.2],
    ['"yes"', 0.325],
    ['"no"', 0.2],
    ['" N "', 0.2],
    ['"是"', 0.325],
    ['"否"', 0.2],
    ['""', 0.325],
    ['Z99', 0.325],
    ['', 0.325],
  ])('profit_insured given as %s', (given, expected) => {
    expect(one(`=CYBER.PROFITRATE(12000000, 10500000, 3000000, 2400000, ${given})`)).toBe(expected);
  });

  it('omitted, empty, blank-cell and "" optionals all take the default', () => {
    const { hf, at } = sheet([
      ['=CYBER.LOSTPROFIT(100, 0.3)', '=CYBER.LOSTPROFIT(100, 0.3, )', '=CYBER.LOSTPROFIT(100, 0.3, Z1)', '=CYBER.LOSTPROFIT(100, 0.3, "")'],
      ['=CYBER.CRISISWINDOW(45658, 45838)', '=CYBER.CRISISWINDOW(45658, 45839)', '=CYBER.CRISISWINDOW(45658, 45839, "")', '=CYBER.CRISISWINDOW(45658, 45839, 181)'],
      ['=CYBER.BIPAYOUT(136000, 10000, 1000000, 800000, , , , )', '=CYBER.BIPAYOUT(136000, 10000, 1000000, 800000)'],
    ]);
    expect([at('A1'), at('B1'), at('C1'), at('D1')]).toEqual([30, 30, 30, 30]);
    expect([at('A2'), at('B2'), at('C2'), at('D2')]).toEqual([true, false, false, true]);
    expect([at('A3'), at('B3')]).toEqual([126000, 126000]);
    hf.destroy();
  });

  it('an empty argument is told apart from a blank cell: a required one left empty is missing, a blank cell counts as 0', () => {
    // HyperFormula sees the formula, so an argument left out (f(a,,c), f(a,)) is not a blank cell.
    // The catalogue: "An omitted optional argument, a blank cell, or the empty text "" takes the
    // default" — so for optionals both readings agree; a required one differs.
    const { hf, at } = sheet([
      ['=CYBER.REVENUEREDUCTION(500, )', '=CYBER.REVENUEREDUCTION(500, Z1)', '=CYBER.REVENUEREDUCTION(, 100)', '=CYBER.REVENUEREDUCTION(Z1, 100)'],
      ['=CYBER.NOTICEBY(, 45800, 46022)', '=CYBER.NOTICEBY(Z1, 45800, 46022)', '=CYBER.ALLOCATE(, Z1:Z2)', '=CYBER.LOSTPROFIT(100, 0.3, )'],
    ]);
    expect(errorOf(at('A1'))).toEqual({ code: '#VALUE!', type: 'VALUE', message: 'CYBER.REVENUEREDUCTION: actual_revenue is required, but it is missing from the call.' });
    expect(at('B1')).toBe(500);
    expect(errorOf(at('C1')).message).toBe('CYBER.REVENUEREDUCTION: standard_revenue is required, but it is missing from the call.');
    expect(at('D1')).toBe(0);
    expect(errorOf(at('A2')).message).toBe('CYBER.NOTICEBY: kind is required, but it is missing from the call.');
    expect(errorOf(at('B2')).message).toBe('CYBER.NOTICEBY: kind is required, but it is blank.');
    expect(errorOf(at('C2')).message).toBe('CYBER.ALLOCATE: claims is required, but it is missing from the call.');
    expect(at('D2')).toBe(30);
    hf.destroy();
  });

  it('a blank cell for a required amount is 0; for a revenue (> 0) it is refused', () => {
    const { hf, at } = sheet([['=CYBER.REVENUEREDUCTION(500, Z1)', '=CYBER.REVENUEREDUCTION(Z1, 0)', '=CYBER.PROFITRATE(Z1, 0, 0, 0)']]);
    expect(at('A1')).toBe(500);
    expect(at('B1')).toBe(0);
    expect(errorOf(at('C1')).message).toBe('CYBER.PROFITRATE: revenue must be greater than 0, but it is blank.');
    hf.destroy();
  });

  it('returns booleans as booleans', () => {
    expect(one('=CYBER.WAITINGMET(12, 12)')).toBe(false);
    expect(one('=IF(CYBER.WAITINGMET(13, 12), "met", "not met")')).toBe('met');
  });

  it('a text number is not a number ("12" is refused, as the engine rules)', () => {
    expect(errorOf(one('=CYBER.LOSTPROFIT("12", 0.5)')).message).toBe('CYBER.LOSTPROFIT: revenue_reduction must be a number, but it is the text "12".');
  });
});

describe('no rounding of results', () => {
  it('prints the engine\'s double as is: 0.3 × 0.1 = 0.03, a 40-digit result as its nearest double', () => {
    expect(one('=CYBER.LOSTPROFIT(0.3, 0.1)')).toBe(0.03);
    expect(one('=CYBER.LOSTPROFIT(0.1, 0.2)')).toBe(0.02);
    expect(0.1 * 0.2).not.toBe(0.02); // what plain doubles would have given
    const exact = '0.8666666666666666666666666666666666666667';
    const v = one('=CYBER.INSUREDRATIO(12000000, 10500000, 3000000, 2400000)');
    expect(v).toBe(Number(exact));
    expect(String(v)).toBe('0.8666666666666667');
    expect(one('=CYBER.BIPAYOUT(136000, 10000, 1000000, 800000, 12000000, 0.325)')).toBe(Number('32307.69230769230769230769230769230769231'));
  });

  it('is needed: with HyperFormula\'s default smartRounding the same cell would read 0.86666666667', () => {
    const hf = HyperFormula.buildFromArray([['=CYBER.INSUREDRATIO(12000000, 10500000, 3000000, 2400000)']], { licenseKey: 'gpl-v3' });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(0.86666666667);
    hf.destroy();
    expect(HYPERFORMULA_CONFIG.smartRounding).toBe(false);
  });

  it('keeps tiny and huge results exact to the double', () => {
    expect(one('=CYBER.LOSTPROFIT(1e-300, 1e-10)')).toBe(1e-310);
    expect(one('=CYBER.OPERATINGPROFIT(1.7976931348623157e308, 0)')).toBe(Number.MAX_VALUE);
  });
});

// ---- array results: the generic mechanism, with fake definitions ----------------------------------

const p = (name: string, kind: ParamSpec['kind'], optional = false): ParamSpec =>
  ({ name, kind, optional, label: { en: name, zh: name }, description: { en: name, zh: name } }) as ParamSpec;
const fake = (name: string, resultKind: FunctionSpec['resultKind'], params: ParamSpec[]): FunctionSpec => ({
  name,
  section: 0,
  description: { en: name, zh: name },
  resultKind,
  articles: [],
  params,
  formula: '',
  example: { formula: '', result: '' },
});

describe('array results (generic mechanism, fake definitions)', () => {
  const fns = [
    fake('DOUBLE', 'column', [p('values', 'series')]),
    fake('LABEL', 'column', [p('claims', 'table'), p('factor', 'number', true)]),
    fake('SPLIT', 'row', [p('x', 'amount')]),
    fake('WRONG', 'column', [p('values', 'series')]),
  ];
  const ok = (value: (number | string)[][]): Outcome => ({ ok: true, value, exact: [], trace: [] });
  const fakeEvaluate = (name: string, args: readonly (RawArgument | undefined)[]): Outcome => {
    const cells = (a: RawArgument | undefined) => (a as (number | string | null)[][]).flat();
    if (name === 'DOUBLE') {
      const values = cells(args[0]);
      if (values.includes(7)) return { ok: false, error: { code: '#N/A', rule: 'beyondLastBound', message: { en: 'seven is not allowed', zh: '不允许 7' } }, trace: [] };
      return ok(values.map((v) => [(v as number) * 2]));
    }
    if (name === 'LABEL') {
      const rows = args[0] as (number | string | null)[][];
      return ok(rows.map((r) => [typeof r[1] === 'string' ? 'payable' : (r[1] as number) * ((args[1] as number | null) ?? 1)]));
    }
    if (name === 'SPLIT') return ok([[args[0] as number, -(args[0] as number)]]);
    return ok([[1], [2], [3], [4], [5]]);
  };
  const TestPlugin = createFunctionPlugin({
    namespace: 'TEST',
    functions: fns,
    evaluate: fakeEvaluate,
    shapes: { ...RESULT_SHAPES, SPLIT: () => ({ rows: 1, cols: 2 }) },
  });

  beforeAll(() => registerFunctionPlugin(TestPlugin));
  afterAll(() => HyperFormula.unregisterFunctionPlugin(TestPlugin));

  it('spills a column sized by the series, from a row or a column', () => {
    const { hf, at } = sheet([
      [1, 2, 3, '=TEST.DOUBLE(A1:C1)'],
      [null, null, null, null, '=TEST.DOUBLE({5;6})'],
    ]);
    expect([at('D1'), at('D2'), at('D3')]).toEqual([2, 4, 6]);
    expect([at('E2'), at('E3')]).toEqual([10, 12]);
    hf.destroy();
  });

  it('gives one value per table row, header row included', () => {
    const { hf, at } = sheet([
      ['event', 'amount', '=TEST.LABEL(A1:B3, 2)'],
      ['e1', 100],
      ['e2', 250],
    ]);
    expect([at('C1'), at('C2'), at('C3')]).toEqual(['payable', 200, 500]);
    hf.destroy();
  });

  it('spills a row of a fixed width', () => {
    const { hf, at } = sheet([['=TEST.SPLIT(5)']]);
    expect([at('A1'), at('B1')]).toEqual([5, -5]);
    hf.destroy();
  });

  it('reserves the size before evaluating: a blocked spill is #SPILL!, an error is one error in the formula cell (as Excel shows it), the rest blank', () => {
    const { hf, at } = sheet([
      [1, '=TEST.DOUBLE(A1:A3)', '=TEST.DOUBLE(A1:A3)'],
      [7, null, 'in the way'],
      [3],
    ]);
    const e = errorOf(at('B1'));
    expect(e).toEqual({ code: '#N/A', type: 'NA', message: 'seven is not allowed' });
    expect(at('B2')).toBeNull();
    expect(at('B3')).toBeNull();
    expect(errorOf(at('C1')).code).toBe('#SPILL!');
    hf.destroy();
  });

  it('refuses a result whose size differs from the reserved one', () => {
    const e = errorOf(one('=TEST.WRONG({1;2})'));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('TEST.WRONG: internal error (result of 5×1 cells, but 2×1 were reserved from the input sizes)');
  });

  it('works inside standard functions', () => {
    expect(one('=SUM(TEST.DOUBLE({1,2,3}))')).toBe(12);
  });

  it('sizes a named range by the range it names (workbook or sheet scope, also in parentheses)', () => {
    // HyperFormula's own size predictor calls a name one cell; the result would then be refused.
    const hf = HyperFormula.buildEmpty(HYPERFORMULA_CONFIG);
    const data = hf.getSheetId(hf.addSheet('Data')) as number;
    const model = hf.getSheetId(hf.addSheet('Model')) as number;
    hf.setSheetContent(data, [[1], [2], [3]]);
    hf.addNamedExpression('Values', '=Data!$A$1:$A$3');
    hf.addNamedExpression('Pair', '=Data!$A$1:$A$2', model);
    hf.addNamedExpression('Alias', '=Values');
    hf.setSheetContent(model, [['=TEST.DOUBLE(Values)', '=TEST.DOUBLE((Values))', '=TEST.DOUBLE(Pair)', '=TEST.DOUBLE(Alias)', '=SUM(TEST.DOUBLE(Values))']]);
    const column = (col: number, rows: number) => Array.from({ length: rows }, (_, row) => hf.getCellValue({ sheet: model, row, col }));
    expect(column(0, 4)).toEqual([2, 4, 6, null]);
    expect(column(1, 3)).toEqual([2, 4, 6]);
    expect(column(2, 3)).toEqual([2, 4, null]);
    expect(column(3, 3)).toEqual([2, 4, 6]);
    expect(column(4, 1)).toEqual([12]);
    hf.destroy();
  });
});

describe('result shape rules', () => {
  it('every catalogue function has a shape rule when it returns an array, none otherwise', () => {
    for (const f of CATALOGUE) {
      if (f.resultKind === 'row' || f.resultKind === 'column' || f.resultKind === 'table') expect(shapeRuleFor(f)).toBeDefined();
      else expect(shapeRuleFor(f)).toBeUndefined();
    }
  });

  it('states the shapes of the coming array functions from input sizes only', () => {
    const sizes = (map: Record<string, { rows: number; cols: number }>) => (name: string) => map[name];
    expect(RESULT_SHAPES.ALLOCATE(sizes({ claims: { rows: 6, cols: 3 }, covers: { rows: 4, cols: 5 } }))).toEqual({ rows: 6, cols: 1 });
    expect(RESULT_SHAPES.POOLSHARE(sizes({ member_claims: { rows: 1, cols: 4 } }))).toEqual({ rows: 4, cols: 1 });
    expect(RESULT_SHAPES.RECOVERY(sizes({}))).toEqual({ rows: 1, cols: 4 });
  });

  it('refuses an array function without a rule', () => {
    expect(() => shapeRuleFor(fake('MYSTERY', 'row', [p('x', 'amount')]))).toThrow(/no result shape rule/);
    expect(shapeRuleFor(fake('LIST', 'column', [p('x', 'amount'), p('items', 'series')]))?.(() => ({ rows: 1, cols: 9 }))).toEqual({ rows: 9, cols: 1 });
  });
});

describe('value conversion', () => {
  it('turns HyperFormula values into the engine\'s raw arguments', () => {
    expect(toRawArgument(undefined)).toBeNull();
    expect(toRawArgument('')).toBe('');
    expect(toRawArgument(true)).toBe(true);
    expect(toRawArgument({ val: 45292, format: 'Date()' })).toBe(45292);
  });

  it('registers again under a language registered later', () => {
    // The language packs are a separate entry point (its typings need a newer moduleResolution).
    const { deDE } = require('hyperformula/i18n/languages') as { deDE: RawTranslationPackage };
    HyperFormula.registerLanguage('deDE', deDE);
    registerCyberFunctions();
    const hf = HyperFormula.buildFromArray([['=CYBER.LOSTPROFIT(100, 0.5)', '=SUMME(1, 2)']], { ...HYPERFORMULA_CONFIG, language: 'deDE' });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(50);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(3);
    hf.destroy();
    HyperFormula.unregisterLanguage('deDE');
  });
});
