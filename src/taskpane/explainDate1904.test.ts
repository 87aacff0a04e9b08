/**
 * Explain in a workbook saved in Excel's 1904 date system (serials 1,462 below the 1900 ones:
 * 2024-01-31 is 45322 in 1900 and 43860 in 1904): the engine's outcome for the selected cell is
 * the cell's own, in the workbench (HyperFormula in the 1904 system) and with an Excel host that
 * reports the 1904 system; the trace stays the engine's (dates as 1900 serials).
 */
import { createWorkbenchGateway } from '../workbench/workbenchGateway';
import { WorkbenchModel } from '../workbench/model';
import { createExcelGateway } from './excelGateway';
import { evaluateForWorkbook, explainCell } from './explain';
import { createStandaloneGateway } from './officeGateway';
import { FakeGateway } from './testing/fakeGateway';

afterEach(() => {
  new WorkbenchModel(); // the next model starts in the 1900 system (the workbench's cell text setting is reset)
});

describe('explain in a 1904 workbook', () => {
  it('evaluateForWorkbook reads 1904 serials and returns the 1904 serial of a date result', () => {
    // CPIC 第四条 3 (3) investigation: one month from 2024-01-31 is 2024-02-29 (45351; 43889 in 1904).
    const in1904 = evaluateForWorkbook('DEADLINE', ['cpic.investigation', 43860], true);
    expect(in1904.ok && [in1904.value, in1904.exact]).toEqual([43889, '43889']);
    // The same serial read as 1900 is 2020-01-30, a month later 2020-02-29: 43890.
    const misread = evaluateForWorkbook('DEADLINE', ['cpic.investigation', 43860], false);
    expect(misread.ok && misread.value).toBe(43890);
    // The trace is the engine's, in the 1900 serials it counts in.
    expect(in1904.trace.some((s) => s.value === '45351')).toBe(true);
  });

  it('a date before 1904-01-01 is the cell\'s error, given (#VALUE!) or returned (#NUM!); from 0 the numbers are as before', () => {
    // 1904 serial -1 is 1903-12-31, before the 1904 system's first day: not 1461 (a 1900 date).
    const given = evaluateForWorkbook('DEADLINE', ['samsung.payment', -1], true);
    expect(!given.ok && [given.error.code, given.error.rule, given.error.argument, given.error.message.en]).toEqual([
      '#VALUE!',
      'dateOutOfRange',
      'date',
      'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is -1.',
    ]);
    // After 9999-12-31 (2957003 in 1904): the 1904 range and the serial the cell holds, not 2958466.
    const late = evaluateForWorkbook('DEADLINE', ['samsung.payment', 2957004], true);
    expect(!late.ok && [late.error.code, late.error.rule, late.error.message.en, late.error.message.zh]).toEqual([
      '#VALUE!',
      'dateOutOfRange',
      'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is 2957004.',
      'CYBER.DEADLINE：参数 date（起算日） 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 2957004。',
    ]);
    // samsung.cancel.other is 60 days back (SAMSUNG 第四十九条 (一) 3 b): from 1904-02-29, 1903-12-31.
    const returned = evaluateForWorkbook('DEADLINE', ['samsung.cancel.other', 59], true);
    expect(!returned.ok && [returned.error.code, returned.error.rule, returned.error.message.zh]).toEqual([
      '#NUM!',
      'dayOutsideCalendar',
      'CYBER.DEADLINE：结果日期（自参数 date（起算日）（1904-02-29）起算）为序列号 -1，超出电子表格能表示的日期范围（0，即 1904-01-01，至 2957003，即 9999-12-31）。',
    ]);
    // The trace is still the engine's (the day it found, 1461 in 1900).
    expect(returned.trace.some((s) => s.value === '1461')).toBe(true);
    const first = evaluateForWorkbook('DEADLINE', ['samsung.cancel.other', 60], true);
    expect(first.ok && [first.value, first.exact]).toEqual([0, '0']);
    const zero = evaluateForWorkbook('DEADLINE', ['samsung.payment', 0], true);
    expect(zero.ok && [zero.value, zero.exact]).toEqual([10, '10']);
    // A 1900 workbook is as before: 60 days back from 1521 (1904-02-29) is 1461.
    const in1900 = evaluateForWorkbook('DEADLINE', ['samsung.cancel.other', 1521], false);
    expect(in1900.ok && in1900.value).toBe(1461);
  });

  it('the workbench: explain gives the value the 1904 cell shows', async () => {
    const model = new WorkbenchModel();
    model.setDate1904(true);
    const sheet = model.addSheet('S');
    model.setInput(sheet, 0, 0, 43860);
    model.setInput(sheet, 0, 1, { formula: '=CYBER.DEADLINE("cpic.investigation",A1)' });
    expect(model.getValue(sheet, 0, 1)).toBe(43889);
    model.select(sheet, 0, 1);
    const gateway = createWorkbenchGateway(model);
    expect(await gateway.isDate1904?.()).toBe(true);
    const e = await explainCell(gateway, await gateway.getSelectedCell());
    expect(e.kind === 'cyber' && e.calls[0].outcome.ok && e.calls[0].outcome.value).toBe(43889);
  });

  it('a host that reports the 1904 system (Excel), and one that cannot tell (1900)', async () => {
    const g = new FakeGateway().set('Sheet1', { A1: 43860, B1: { formula: '=CYBER.DEADLINE("cpic.investigation",A1)' } });
    g.select('Sheet1!B1');
    const explained = async () => {
      const e = await explainCell(g, await g.getSelectedCell());
      return e.kind === 'cyber' && e.calls[0].outcome.ok ? e.calls[0].outcome.value : undefined;
    };
    expect(await explained()).toBe(43890);
    Object.assign(g, { isDate1904: async () => true });
    expect(await explained()).toBe(43889);
    Object.assign(g, { isDate1904: () => Promise.reject(new Error('RichApi.Error')) });
    expect(await explained()).toBe(43890);
  });
});

describe("the Excel gateway's isDate1904", () => {
  /** Excel whose DATE(1904,1,2) is `answer` (or whose workbook.functions is missing: ExcelApi 1.1). */
  function excelWith(answer: number | undefined) {
    return createExcelGateway({
      office: createStandaloneGateway(),
      run: async (batch) => {
        const result = { value: undefined as number | undefined, error: '', load: () => result };
        const functions = answer === undefined ? undefined : { date: () => result };
        const context = {
          workbook: { functions },
          sync: async () => {
            result.value = answer;
          },
        };
        return batch(context as unknown as Excel.RequestContext);
      },
    });
  }

  it("asks Excel's DATE(1904,1,2): 1 is the 1904 system, 1463 the 1900 one; no answer is 1900", async () => {
    expect(await excelWith(1).isDate1904?.()).toBe(true);
    expect(await excelWith(1463).isDate1904?.()).toBe(false);
    expect(await excelWith(undefined).isDate1904?.()).toBe(false);
  });
});

