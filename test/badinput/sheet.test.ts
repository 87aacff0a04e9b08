/**
 * The bad-input catalogue (cases.ts) in HyperFormula with the CYBER plugin, evaluated through
 * src/sheet/workbook.ts (the workbench's and the CLI's way in): all cases on one sheet, arguments
 * in cells, evaluated once per language (the 1,000,000-cell range, in English only). Each formula shows the engine's value, or an error cell
 * with the engine's code and message; an error passed in from another cell (=1/0, =NA(),
 * =SQRT(-1)) comes out as that cell's very error.
 */
import { evaluateWorkbook, isOutputError, type InputCell, type OutputCell } from '../../src/sheet/workbook';
import { CATALOGUE } from '../../src/engine';
import { CASES, runsOn } from './cases';
import { layOut, type Layout, type Placed } from './layout';
import { allFinite, argumentInMessage, expectedShown, type Lang } from './outcome';

const SHEET_CASES = CASES.filter((c) => runsOn(c, 'sheet'));

function toInput(layout: Layout): InputCell[][] {
  return layout.cells.map((row) => row.map((v) => (typeof v === 'object' && v !== null ? { text: v.text } : v)));
}

/** The value a case's formula shows: a scalar, or the block an array result spilled into. */
function shown(values: OutputCell[][], p: Placed, like: unknown): unknown {
  const at = (r: number, c: number) => values[r]?.[c] ?? null;
  const v = at(p.row, p.col);
  if (isOutputError(v)) return { error: v.error, message: v.message };
  if (!Array.isArray(like)) return { value: v };
  return { value: (like as unknown[][]).map((line, i) => line.map((_x, j) => at(p.row + i, p.col + j))) };
}

function report(values: OutputCell[][], p: Placed, lang: Lang): { got: unknown; want: unknown } {
  const e = expectedShown(p.c, lang);
  const got = shown(values, p, e.kind === 'value' ? e.value : undefined);
  if (e.kind === 'value') return { got, want: { value: e.value } };
  if (e.kind === 'propagated') {
    // Unchanged: the very error of the cell it came from (same code, same message).
    const src = p.source ? values[p.source.row][p.source.col] : null;
    return { got, want: isOutputError(src) && src.error === e.code ? { error: src.error, message: src.message } : { error: e.code, fromCell: src } };
  }
  return { got, want: { error: e.code, message: e.message } };
}

describe.each<[Lang, boolean]>([
  ['en', true],
  ['zh', false],
])('HyperFormula, messages in %s', (lang, withHeavy) => {
  const cases = SHEET_CASES.filter((c) => withHeavy || !c.heavy);
  // The 1,000,000-cell blank column is a real range: column A of an empty second sheet.
  const layout = layOut(cases, 'Blank');
  let values: OutputCell[][];

  beforeAll(() => {
    const sheets = [
      { name: 'Cases', cells: toInput(layout) },
      { name: 'Blank', cells: [] },
    ];
    values = evaluateWorkbook(sheets, { language: lang })[0].values;
  });

  it.each(CATALOGUE.map((f) => f.name))('CYBER.%s: every case shows the engine’s outcome', (fn) => {
    const mine = layout.placed.filter((p) => p.c.fn === fn);
    expect(mine.length).toBeGreaterThanOrEqual(8);
    const reports = mine.map((p) => ({ id: p.c.id, ...report(values, p, lang) }));
    expect(reports.map((r) => ({ id: r.id, shown: r.got }))).toEqual(reports.map((r) => ({ id: r.id, shown: r.want })));
    for (const p of mine) {
      const e = p.c.expect;
      const got = shown(values, p, undefined) as { error?: string; message?: string; value?: unknown };
      // Never Infinity, NaN or −0; an error message names the argument in the sheet's language.
      expect([p.c.id, allFinite(got.value)]).toEqual([p.c.id, true]);
      if (e.kind === 'error' && e.argument !== undefined) {
        expect([p.c.id, got.message?.includes(argumentInMessage(fn, e.argument, lang))]).toEqual([p.c.id, true]);
      }
    }
  });

  it('the error sources really are error cells (=1/0 is #DIV/0!, =NA() #N/A, =SQRT(-1) #NUM!)', () => {
    const sources = layout.placed.filter((p) => p.c.expect.kind === 'propagated');
    expect(sources.length).toBeGreaterThan(50);
    for (const p of sources) {
      const v = values[p.source!.row][p.source!.col];
      expect([p.c.id, isOutputError(v) ? v.error : v]).toEqual([p.c.id, p.c.expect.kind === 'propagated' ? p.c.expect.code : '']);
    }
  });
});
