/**
 * Hostile input to the workbench's model and its readers (issue 12, items 2 and 4): formulas
 * beyond Excel's limits are refused when typed or pasted (the cell keeps what it held) and, when
 * a file or a stored workbook holds one, shown as #VALUE! naming the limit with the formula kept;
 * the `_cyberbi` sheet's entries are checked and what fails is dropped with a message; the
 * formula walkers of the workbench and the task pane take a formula nested 100,000 deep without
 * running out of stack.
 */
import ExcelJS from 'exceljs';
import { FormulaLimitError } from '../sheet/formulaLimits';
import { mapReferences, renameSheetReferences } from './references';
import { callAt, cycleReference, isPointable, namePrefixAt, referenceAt } from './formulaEdit';
import { normalizeFormula, renameNames, shiftFormula } from '../sheet/formula';
import { classifyArgument, findCyberCalls, qualifyReferences } from '../taskpane/formulaArgs';
import type { CellValue, ChartSpec } from '../taskpane/gateway';
import { WorkbenchModel } from './model';
import { checkChart, MAX_CHART_CELLS, readMetaRows, type StateProblem, stateProblems, stateProblemsLine } from './stateValidate';
import { createWorkbenchGateway } from './workbenchGateway';
import { META_SHEET, openXlsx, saveXlsx } from './xlsx';

const nested = (n: number, inner = '1') => `=${'('.repeat(n)}${inner}${')'.repeat(n)}`;
const plus = (n: number) => `=${Array.from({ length: n }, (_, i) => `A${(i % 3) + 1}`).join('+')}`;
const message = (v: CellValue) => (v !== null && typeof v === 'object' ? `${v.error} ${v.message ?? ''}` : v);

function small(): WorkbenchModel {
  const m = new WorkbenchModel();
  m.addSheet('S');
  m.writeInputs('S', [
    { row: 0, col: 0, input: 1 },
    { row: 1, col: 0, input: 2 },
    { row: 2, col: 0, input: 3 },
    { row: 0, col: 1, input: { formula: '=SUM(A1:A3)' } },
  ]);
  m.resetHistory();
  return m;
}

describe('typing or pasting a formula beyond the limits', () => {
  it.each([
    ['nested 140 levels', nested(140), /more than 64 levels/, /超过 64 层/],
    ['2,000 + terms', plus(2000), /chains 1,999 operators/, /1,999 个运算符/],
    ['9,000 characters', `="${'x'.repeat(9000)}"`, /9,002 characters long/, /9,002 个字符/],
  ])('%s: refused with the reason in both languages; the cell, the undo history and the page state unchanged', (_label, formula, en, zh) => {
    const m = small();
    const version = m.version;
    let thrown: unknown;
    try {
      m.typeText('S', 0, 1, formula);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FormulaLimitError);
    expect((thrown as FormulaLimitError).message).toMatch(en);
    expect((thrown as FormulaLimitError).zh).toMatch(zh);
    expect(m.getInput('S', 0, 1)).toEqual({ formula: '=SUM(A1:A3)' });
    expect(m.getValue('S', 0, 1)).toBe(6);
    expect(m.canUndo).toBe(false);
    expect(m.version).toBe(version);
    // The page goes on: the next edits work.
    m.typeText('S', 3, 0, '4');
    m.typeText('S', 0, 1, '=SUM(A1:A4)');
    expect(m.getValue('S', 0, 1)).toBe(10);
  });

  it('a paste holding one such formula is refused whole; nothing of it is written', () => {
    const m = small();
    expect(() => m.pasteText('S', { row: 5, col: 0 }, `7\t8\n=A1*2\t${nested(100)}`)).toThrow(FormulaLimitError);
    expect([m.getInput('S', 5, 0), m.getInput('S', 6, 0), m.getInput('S', 6, 1)]).toEqual([null, null, null]);
    expect(m.canUndo).toBe(false);
  });

  it('the formula bar evaluation and names take the same limits', () => {
    const m = small();
    expect(message(m.evaluate(nested(200), 'S') as CellValue)).toMatch(/^#VALUE! This formula nests more than 64 levels/);
    expect(m.addName('Deep', nested(100, 'S!$A$1'))).toBe(false);
    expect(m.addName('Fine', nested(10, 'S!$A$1'))).toBe(true);
    expect(m.evaluate('=Fine*2', 'S')).toBe(2);
  });
});

describe('a workbook that holds such a formula (written by another program, or by the task pane)', () => {
  it('shows #VALUE! naming the limit there, keeps the formula, evaluates the rest, and saves and reopens it', async () => {
    const m = small();
    const gateway = createWorkbenchGateway(m);
    await gateway.writeInput('S!C1', { formula: nested(200) });
    await gateway.writeInput('S!D1', { formula: '=C1' });
    await gateway.writeInput('S!E1', { formula: '=B1*2' });
    expect(message(m.getValue('S', 0, 2))).toMatch(/^#VALUE! This formula nests more than 64 levels/);
    expect(message(m.getValue('S', 0, 3))).toMatch(/^#VALUE! This formula nests more than 64 levels/);
    expect(m.getValue('S', 0, 4)).toBe(12);
    expect(m.getInput('S', 0, 2)).toEqual({ formula: nested(200) });
    // Rows inserted above: the other formulas move, this one is kept as it was.
    m.insertRows('S', 0, 1);
    expect(m.getValue('S', 1, 4)).toBe(12);
    expect(m.getInput('S', 1, 2)).toEqual({ formula: nested(200) });
    // Saved, and opened again (it was refused on reopening before).
    const bytes = await saveXlsx(m, ExcelJS);
    const back = await openXlsx(bytes, ExcelJS);
    expect(back.getInput('S', 1, 2)).toEqual({ formula: nested(200) });
    expect(message(back.getValue('S', 1, 2))).toMatch(/^#VALUE! This formula nests more than 64 levels/);
    expect(back.getValue('S', 1, 4)).toBe(12);
    expect(back.getValue('S', 1, 1)).toBe(6);
    // A stored snapshot (autosave) restores it the same way.
    const restored = WorkbenchModel.fromSnapshot(JSON.parse(JSON.stringify(m.snapshot())));
    expect(restored.getInput('S', 1, 2)).toEqual({ formula: nested(200) });
    expect(restored.getValue('S', 1, 4)).toBe(12);
  });

  async function gatewayWrite(m: WorkbenchModel, address: string, formula: string): Promise<void> {
    await createWorkbenchGateway(m).writeInput(`S!${address}`, { formula });
  }

  it('2,000 + terms entered by a program: the same, and the cells it reads still evaluate', async () => {
    const m = small();
    await gatewayWrite(m, 'C1', plus(2000));
    expect(message(m.getValue('S', 0, 2))).toMatch(/chains 1,999 operators/);
    m.typeText('S', 0, 0, '10');
    expect(m.getValue('S', 0, 1)).toBe(15);
  });
});

describe('the _cyberbi sheet, checked entry by entry', () => {
  async function fileWith(metaRows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = 'label';
    ws.getCell('B1').value = 'amount';
    ws.getCell('A2').value = 'x';
    ws.getCell('B2').value = 5;
    ws.getCell('A3').value = 'y';
    ws.getCell('B3').value = 7;
    ws.getCell('C1').value = { formula: 'SUM(B2:B3)' } as ExcelJS.CellFormulaValue;
    const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    metaRows.forEach((row, r) => row.forEach((v, c) => (meta.getRow(r + 1).getCell(c + 1).value = v as ExcelJS.CellValue)));
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }
  const good: ChartSpec = { kind: 'column', title: 'Amounts', dataAddress: 'A2:B3', anchor: 'E2' };

  it('drops a chart whose title is not text, one over A1:XFD1048576, damaged JSON, an unknown sheet or kind; keeps the rest', async () => {
    const bytes = await fileWith([
      ['chart', 'Data', JSON.stringify({ ...good, title: { text: 'not text' } })],
      ['chart', 'Data', JSON.stringify({ ...good, dataAddress: 'A1:XFD1048576' })],
      ['chart', 'Data', '{"kind":"column","title":'],
      ['chart', 'Nowhere', JSON.stringify(good)],
      ['chart', 'Data', JSON.stringify({ ...good, kind: 'pie' })],
      ['chart', 'Data', JSON.stringify({ ...good, dataAddress: 'Z500:AA510' })],
      ['chart', 'Data', JSON.stringify({ ...good, __proto__: { polluted: true }, extra: 'x' })],
      ['setting', 'cyberbi.scenarios', '{"base":{"B2":5}}'],
      ['macro', 'x', 'y'],
      ['setting', 'k'.repeat(300), 'v'],
    ]);
    const t = Date.now();
    const m = await openXlsx(bytes, ExcelJS);
    expect(Date.now() - t).toBeLessThan(20_000);
    // The one good chart, as a fresh object of the known fields only.
    expect(m.charts('Data')).toEqual([good]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(m.getSetting('cyberbi.scenarios')).toBe('{"base":{"B2":5}}');
    expect(m.settingEntries().map(([k]) => k)).toEqual(['cyberbi.scenarios']);
    // The user's data as the file holds it.
    expect(m.getValues('Data', { row: 0, col: 0 }, { row: 2, col: 2 })).toEqual([
      ['label', 'amount', 12],
      ['x', 5, null],
      ['y', 7, null],
    ]);
    const problems = stateProblems(m).map((p) => p.en);
    expect(problems).toEqual([
      'Stored chart on sheet "Data": not readable (damaged JSON); dropped.',
      'Stored workbench state, row 9: unknown entry "macro"; dropped.',
      "Stored workbench state, row 10: the setting's name is empty, longer than 256 characters or holds control characters; dropped.",
      'Stored chart on sheet "Data": its title is not text; dropped.',
      `Stored chart on sheet "Data": its data range A1:XFD1048576 spans 17,179,869,184 cells, more than the ${MAX_CHART_CELLS.toLocaleString('en-US')} a chart draws; dropped.`,
      'Stored chart on sheet "Nowhere": the sheet does not exist; dropped.',
      'Stored chart on sheet "Data": its kind is not column, bar or line; dropped.',
      'Stored chart on sheet "Data": its data range Z500:AA510 lies outside the used area of the sheet; dropped.',
    ]);
    expect(stateProblems(m).every((p) => /[\u4e00-\u9fff]/.test(p.zh))).toBe(true);
    expect(stateProblemsLine(m, 'en')).toBe('Stored chart on sheet "Data": not readable (damaged JSON); dropped. (and 7 more dropped)');
    expect(stateProblemsLine(m, 'zh')).toBe('工作表“Data”上存储的图表：无法读取（JSON 已损坏）；已丢弃。（另有 7 项已丢弃）');
  });

  it('a file without problems says nothing', async () => {
    const m = await openXlsx(await fileWith([['chart', 'Data', JSON.stringify(good)]]), ExcelJS);
    expect(m.charts('Data')).toEqual([good]);
    expect(stateProblemsLine(m, 'en')).toBeUndefined();
  });

  it('readMetaRows: a cell that is not text (an error cell), and an over-long value, drop their row only', () => {
    const problems: StateProblem[] = [];
    const read = readMetaRows(
      [
        ['setting', 'a', '1'],
        ['setting', 'b', { error: '#REF!' }],
        undefined,
        ['setting', 'c', 'x'.repeat(40 * 1024 * 1024)],
        ['setting', 'd', { text: 'rich' }, 'text'],
      ],
      problems,
    );
    expect(read.settings).toEqual([
      ['a', '1'],
      ['d', 'richtext'],
    ]);
    expect(problems.map((p) => p.en)).toEqual([
      'Stored workbench state, row 2: a cell that is not text; the entry is dropped.',
      'Stored workbench state, row 4: more than 33,554,432 characters; the entry is dropped.',
    ]);
  });

  it('a stored snapshot (autosave) with such charts: dropped and said, the cells and the good chart kept', () => {
    const m = small();
    const snap = JSON.parse(JSON.stringify(m.snapshot()));
    snap.sheets[0].charts = [{ kind: 'line', title: 42, dataAddress: 'A1:A3', anchor: 'D1' }, { kind: 'line', title: 'ok', dataAddress: 'A1:XFD1048576', anchor: 'D1' }, { kind: 'line', title: 'ok', dataAddress: 'A1:B3', anchor: 'D1' }];
    const back = WorkbenchModel.fromSnapshot(snap);
    expect(back.charts('S')).toEqual([{ kind: 'line', title: 'ok', dataAddress: 'A1:B3', anchor: 'D1' }]);
    expect(stateProblems(back).map((p) => p.en)).toEqual([
      'Stored chart on sheet "S": its title is not text; dropped.',
      `Stored chart on sheet "S": its data range A1:XFD1048576 spans 17,179,869,184 cells, more than the ${MAX_CHART_CELLS.toLocaleString('en-US')} a chart draws; dropped.`,
    ]);
    expect(back.getValue('S', 0, 1)).toBe(6);
  });

  it('a stored snapshot\u2019s settings: text kept, anything else dropped and said', () => {
    const snap = JSON.parse(JSON.stringify(small().snapshot()));
    snap.settings = [['cyberbi.scenarios', '{"a":1}'], ['n', 5], ['obj', { x: 1 }], 'not an entry', [null, 'v'], ['empty', '']];
    const back = WorkbenchModel.fromSnapshot(snap);
    expect(back.settingEntries()).toEqual([
      ['cyberbi.scenarios', '{"a":1}'],
      ['n', '5'],
      ['empty', ''],
    ]);
    expect(stateProblems(back).map((p) => p.en)).toEqual([
      'Stored workbench state, row 3: a cell that is not text; the entry is dropped.',
      'Stored workbench state, row 4: a cell that is not text; the entry is dropped.',
      "Stored workbench state, row 5: the setting's name is empty, longer than 256 characters or holds control characters; dropped.",
    ]);
  });

  it('checkChart names the reason for each field', () => {
    const m = small();
    const reason = (c: unknown) => {
      const r = checkChart(m, 'S', c);
      return 'problem' in r ? r.problem.en : 'ok';
    };
    expect(reason(null)).toMatch(/not a chart description/);
    expect(reason([good])).toMatch(/not a chart description/);
    expect(reason({ ...good, title: 'x'.repeat(256) })).toMatch(/longer than 255 characters/);
    expect(reason({ ...good, anchor: 'nowhere' })).toMatch(/place is not a cell address/);
    expect(reason({ ...good, dataAddress: 'A1:B' })).toMatch(/data range is not an address/);
    expect(reason({ ...good, dataAddress: "'Other'!A1:B2" })).toMatch(/names a sheet that does not exist/);
    expect(reason({ ...good, dataAddress: 'A1:B3' })).toBe('ok');
  });
});

describe('formula walkers with a formula nested 100,000 deep (no recursion, bounded time)', () => {
  const deep = `=${'SUM('.repeat(100_000)}A1${')'.repeat(100_000)}`;
  const chain = `=${Array.from({ length: 50_000 }, () => 'CYBER.LOSTPROFIT(A1,0.1)').join('+')}`;

  it.each([
    ['mapReferences', () => mapReferences(deep, () => ({ start: { row: 1, col: 1 }, end: { row: 1, col: 1 } })).length],
    ['renameSheetReferences', () => renameSheetReferences(deep, 'S', 'T').length],
    ['callAt', () => callAt(deep, deep.length - 100_000)?.name],
    ['referenceAt / isPointable / namePrefixAt / cycleReference', () => [referenceAt(deep, 400_001), isPointable(deep, 5), namePrefixAt(deep, 4), cycleReference(deep, 400_002)?.caret]],
    ['normalizeFormula', () => normalizeFormula(deep).length],
    ['shiftFormula', () => shiftFormula(deep, 1, 1).length],
    ['renameNames', () => renameNames(deep, new Map([['A1', 'B1']])).length],
    ['findCyberCalls over 50,000 calls', () => findCyberCalls(chain).length],
    ['findCyberCalls nested', () => findCyberCalls(`=CYBER.LOSTPROFIT(${deep.slice(1)},0.1)`)[0].args.length],
    ['qualifyReferences', () => qualifyReferences(deep, 'Claim 理赔').length],
    ['classifyArgument', () => classifyArgument(deep.slice(1)).kind],
  ])('%s', (_label, run) => {
    const t = Date.now();
    expect(run).not.toThrow();
    expect(Date.now() - t).toBeLessThan(15_000);
  });
});
