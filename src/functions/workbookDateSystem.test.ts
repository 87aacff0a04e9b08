/**
 * The CYBER functions inside Excel in a workbook saved in the 1904 date system (Microsoft, "Date
 * systems in Excel": "the difference between the two date systems is 1,462 days"): its serials
 * are read as the dates they show, and a date returned is that workbook's serial of the right day.
 * 2024-01-31 is 45322 in the 1900 system and 43860 in the 1904 system.
 *
 * How the add-in learns the system: Excel's own DATE(1904, 1, 2) through workbook.functions
 * (ExcelApi 1.2) is 1 in a 1904 workbook and 1463 in a 1900 one; Excel is faked below.
 */
import { invoke } from './adapter';
import { MockCustomFunctionsError, MockErrorCode, setDisplayLanguage } from './testing/customFunctionsMock';
import {
  DATE_SYSTEM_RETRIES_MS,
  type DateSystemHost,
  readWorkbookDate1904,
  resetWorkbookDateSystem,
  setWorkbookDate1904,
  watchWorkbookDateSystem,
  workbookDateSystemStatus,
} from './workbookDateSystem';

const globals = globalThis as Record<string, unknown>;
const OFFSET = 1462;

beforeEach(() => {
  globals.CustomFunctions = { Error: MockCustomFunctionsError, ErrorCode: MockErrorCode, associate: jest.fn() };
  setDisplayLanguage('en-US');
  resetWorkbookDateSystem();
});

afterAll(() => {
  delete globals.CustomFunctions;
  delete globals.Office;
  resetWorkbookDateSystem();
});

describe('a 1904 workbook: the functions read and return its serials', () => {
  it('DEADLINE of a 1904 serial is the 1904 serial of the right day', () => {
    // CPIC 第四条 3 (3) investigation: one month, EDATE. From 2024-01-31 that is 2024-02-29
    // (45351 in 1900, 43889 in 1904); counting 43860 as a 1900 serial would start at 2020-01-30.
    expect(invoke('DEADLINE', ['cpic.investigation', 45322])).toBe(45351);
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43890); // the 1904 serial misread
    setWorkbookDate1904(true);
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43889);
    // SAMSUNG's payment limit, 10 days: 2025-01-01 (44196 in 1904) → 2025-01-11 (44206).
    expect(invoke('DEADLINE', ['samsung.payment', 44196])).toBe(44206);
    // A time of day is ignored as in 1900: noon of 2024-01-31.
    expect(invoke('DEADLINE', ['cpic.investigation', 43860.5])).toBe(43889);
  });

  it('the date column of a table is read in the workbook system (STANDARDREVENUE next to 2024-02-29)', () => {
    // Monthly revenue: February 2024 (29 days) 290,000 = 10,000 a day; March 620,000 = 20,000 a day.
    const history = [
      [45323, 290000],
      [45352, 620000],
      [45383, 600000],
    ];
    // Incident 2025-03-01 (45717): the window starts EDATE(−12) = 2024-03-01 and lasts 2 days,
    // both in March: 40,000. Read as a 1900 serial, 1904's 44255 is 2021-02-28, whose EDATE is
    // 2020-02-28, which the table's 1904 calendar reads as 2024-02-29: 10,000 + 20,000.
    expect(invoke('STANDARDREVENUE', [history, 45717, 2])).toBe(40000);
    const history1904 = history.map(([d, r]) => [d - OFFSET, r]);
    expect(invoke('STANDARDREVENUE', [history1904, 45717 - OFFSET, 2])).toBe(30000); // the 1904 serials misread
    setWorkbookDate1904(true);
    expect(invoke('STANDARDREVENUE', [history1904, 45717 - OFFSET, 2])).toBe(40000);
  });

  it('functions without dates are unchanged, and a 1900 workbook is as before', () => {
    setWorkbookDate1904(true);
    expect(invoke('PROFITRATE', [12000000, 10500000, 3000000, 2400000, null])).toBe(0.325);
    setWorkbookDate1904(false);
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
  });

  it('a date before 1904-01-01 is still judged by the engine (an error, not a wrong date)', () => {
    setWorkbookDate1904(true);
    expect(() => invoke('DEADLINE', ['samsung.payment', -1500])).toThrow(MockCustomFunctionsError);
  });
});

/** What `invoke` throws (Excel's error cell), or the value it returns. */
function cell(name: string, args: readonly unknown[]): unknown {
  try {
    return invoke(name, args);
  } catch (e) {
    if (!(e instanceof MockCustomFunctionsError)) throw e;
    return { code: e.code, message: e.message };
  }
}

/**
 * A 1904 serial below 0 is before 1904-01-01, the first day of that system (DATE(1903,12,31) is
 * #NUM! in a 1904 workbook): given for a date it is the error of a date out of range, as in the
 * 1900 system (catalogue conventions: "#VALUE! — ... out of range"), not a day of 1900–1903 moved
 * by 1,462 days; a date result before 1904-01-01 is the #NUM! of a day outside the calendar. The
 * messages state the 1904 range, 0 (1904-01-01) to 2957003 (9999-12-31), and the cell's serial.
 */
describe('a 1904 workbook: a date before 1904-01-01', () => {
  const outOfRange = (arg: string, got: string) => ({
    code: '#VALUE!',
    message: `CYBER.DEADLINE: ${arg} must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is ${got}.`,
  });
  const outOfRange1900 = (arg: string, got: string) => ({
    code: '#VALUE!',
    message: `CYBER.DEADLINE: ${arg} must be a date serial between 61 (1900-03-01) and 2958465 (9999-12-31), but it is ${got}.`,
  });

  it('given for a date, is #VALUE! naming the argument, in English and Chinese, as in a 1900 workbook', () => {
    setWorkbookDate1904(true);
    expect(cell('DEADLINE', ['samsung.payment', -1])).toEqual(outOfRange('date', '-1'));
    expect(cell('DEADLINE', ['samsung.payment', -0.25])).toEqual(outOfRange('date', '-0.25'));
    expect(cell('DEADLINE', ['samsung.payment', [[-1462]]])).toEqual(outOfRange('date', '-1462'));
    // 2957004 is 10000-01-01 in 1904: the cell's number, not its 1900 serial 2958466.
    expect(cell('DEADLINE', ['samsung.payment', 2957004])).toEqual(outOfRange('date', '2957004'));
    expect(cell('DEADLINE', ['samsung.payment', [[2957004]]])).toEqual(outOfRange('date', '2957004'));
    expect(cell('INPERIOD', [100, 0, -1])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.INPERIOD: policy_end must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is -1.',
    });
    const history = [
      [-1, 1000],
      [31, 2000],
    ];
    expect(cell('STANDARDREVENUE', [history, 400, 2])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE: history row 1, column "period start" must be a date serial from 0 (1904-01-01) to 2957003 (9999-12-31), but it is -1.',
    });
    const late = [
      [0, 1000],
      [2957004, 2000],
    ];
    expect(cell('STANDARDREVENUE', [late, 400, 2])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE: history row 2, column "period start" must be a date serial from 0 (1904-01-01) to 2957003 (9999-12-31), but it is 2957004.',
    });
    setDisplayLanguage('zh-CN');
    expect(cell('DEADLINE', ['samsung.payment', -1])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 -1。',
    });
    expect(cell('DEADLINE', ['samsung.payment', 2957004])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 2957004。',
    });
    expect(cell('STANDARDREVENUE', [late, 400, 2])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE：参数 history（经营性收益历史） 第 2 行“期间起始日”列必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 2957004。',
    });
    expect(cell('DEADLINE', ['samsung.cancel.other', 59])).toEqual({
      code: '#NUM!',
      message: 'CYBER.DEADLINE：结果日期（自参数 date（起算日）（1904-02-29）起算）为序列号 -1，超出电子表格能表示的日期范围（0，即 1904-01-01，至 2957003，即 9999-12-31）。',
    });
    setWorkbookDate1904(false);
    expect(cell('DEADLINE', ['samsung.payment', -1])).toEqual({
      code: '#VALUE!',
      message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 61（1900-03-01）至 2958465（9999-12-31）之间的日期序列号，但输入的是 -1。',
    });
    setDisplayLanguage('en-US');
    // A 1900 workbook's messages are unchanged.
    expect(cell('DEADLINE', ['samsung.payment', -1])).toEqual(outOfRange1900('date', '-1'));
    expect(cell('DEADLINE', ['samsung.payment', 2958466])).toEqual(outOfRange1900('date', '2958466'));
  });

  it('0 (1904-01-01) and later serials give the same numbers as before', () => {
    setWorkbookDate1904(true);
    expect(cell('DEADLINE', ['samsung.payment', 0])).toBe(10);
    expect(cell('DEADLINE', ['samsung.payment', 0.5])).toBe(10);
    expect(cell('DEADLINE', ['samsung.payment', 1])).toBe(11);
    expect(cell('DEADLINE', ['samsung.payment', 44196])).toBe(44206);
    expect(cell('NOTICESERVED', [0, null])).toBe(1);
    expect(cell('INPERIOD', [0, 0, 1])).toBe(true);
    expect(cell('DEADLINE', ['samsung.cancel.other', 60])).toBe(0);
  });

  it('a date result before 1904-01-01 is #NUM!, not a negative serial; a 1900 workbook is as before', () => {
    // samsung.cancel.other: 60 days before the day the cancellation takes effect (SAMSUNG 第四十九条 (一) 3 b).
    setWorkbookDate1904(true);
    expect(cell('DEADLINE', ['samsung.cancel.other', 59])).toEqual({
      code: '#NUM!',
      message: 'CYBER.DEADLINE: The resulting day, counted from date (1904-02-29), would be serial -1, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
    });
    // A day counted past 9999-12-31 (2957003 in 1904) is named by its 1904 serial, 2957013.
    expect(cell('DEADLINE', ['samsung.payment', 2957003])).toEqual({
      code: '#NUM!',
      message: 'CYBER.DEADLINE: The day of samsung.payment, counted from date (9999-12-31), would be serial 2957013, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
    });
    setWorkbookDate1904(false);
    expect(cell('DEADLINE', ['samsung.cancel.other', 1521])).toBe(1461);
    expect(cell('DEADLINE', ['samsung.cancel.other', 120])).toEqual({ code: '#NUM!', message: expect.stringContaining('The day of samsung.cancel.other, counted from date (1900-04-29), would be serial 60') });
  });
});

/** Excel as far as the watcher uses it: DATE(1904,1,2) answers `answer()`, after the sync. */
function fakeExcel(answer: () => number | string, sets: readonly string[] = ['1.2', '1.8']) {
  const log = { dates: 0, calculations: [] as string[], handlers: [] as Array<() => Promise<unknown>> };
  const run: DateSystemHost['run'] = async (batch) => {
    const pending: Array<() => void> = [];
    const context = {
      workbook: {
        functions: {
          date: (y: number, m: number, d: number) => {
            expect([y, m, d]).toEqual([1904, 1, 2]);
            log.dates++;
            const result: { value?: number; error?: string; load: () => unknown } = { load: () => result };
            pending.push(() => {
              const a = answer();
              if (typeof a === 'number') result.value = a;
              else result.error = a;
            });
            return result;
          },
        },
        application: { calculate: (type: string) => pending.push(() => log.calculations.push(type)) },
        worksheets: { onCalculated: { add: (h: () => Promise<unknown>) => log.handlers.push(h) } },
      },
      sync: async () => {
        for (const p of pending.splice(0)) p();
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
  const host: DateSystemHost = {
    inExcel: async () => true,
    isSetSupported: (name, version) => name === 'ExcelApi' && sets.includes(version),
    run,
  };
  return { host, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading the workbook date system from Excel', () => {
  it('DATE(1904,1,2) is 1 in a 1904 workbook, 1463 in a 1900 one, anything else unknown', async () => {
    expect(await readWorkbookDate1904(fakeExcel(() => 1).host.run)).toBe(true);
    expect(await readWorkbookDate1904(fakeExcel(() => 1463).host.run)).toBe(false);
    expect(await readWorkbookDate1904(fakeExcel(() => 7).host.run)).toBeUndefined();
    expect(await readWorkbookDate1904(fakeExcel(() => '#NUM!').host.run)).toBeUndefined();
  });

  it('a 1904 workbook: the functions count in 1904 once Excel answers; cells computed before are recalculated', async () => {
    const { host, log } = fakeExcel(() => 1);
    // A cell calculated while the runtime starts, before the answer: still 1900 (2020-01-30 + 1 month).
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43890);
    expect(await watchWorkbookDateSystem(host)).toBe('1904');
    expect(workbookDateSystemStatus()).toBe('1904');
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43889);
    expect(log.calculations).toEqual(['Full']);
    expect(log.handlers).toHaveLength(1);
  });

  it('no recalculation when no date function ran before the answer', async () => {
    const { host, log } = fakeExcel(() => 1);
    expect(invoke('PROFITRATE', [12000000, 10500000, 3000000, 2400000, null])).toBe(0.325);
    expect(await watchWorkbookDateSystem(host)).toBe('1904');
    expect(log.calculations).toEqual([]);
  });

  it('a 1900 workbook: nothing changes and nothing is recalculated', async () => {
    const { host, log } = fakeExcel(() => 1463);
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
    expect(await watchWorkbookDateSystem(host)).toBe('1900');
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
    expect(log.calculations).toEqual([]);
  });

  it('after each calculation it asks again; a changed option recalculates once', async () => {
    let answer = 1463;
    const { host, log } = fakeExcel(() => answer);
    await watchWorkbookDateSystem(host);
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
    // The user ticks "Use 1904 date system"; Excel calculates (several sheets: several events).
    answer = 1;
    const before = log.dates;
    void log.handlers[0]();
    void log.handlers[0]();
    void log.handlers[0]();
    await settle();
    await settle();
    expect(workbookDateSystemStatus()).toBe('1904');
    expect(log.calculations).toEqual(['Full']);
    // One check at a time, and one more for the events that came meanwhile: never one per event.
    expect(log.dates - before).toBe(2);
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43889);
  });

  it('Excel without ExcelApi 1.2, or not Excel at all: 1900, honestly "unavailable"', async () => {
    const { host, log } = fakeExcel(() => 1, []);
    expect(await watchWorkbookDateSystem(host)).toBe('unavailable');
    expect(log.dates).toBe(0);
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
    resetWorkbookDateSystem();
    expect(await watchWorkbookDateSystem({ ...host, inExcel: async () => false })).toBe('unavailable');
  });

  it('without ExcelApi 1.8 it reads once and listens to nothing', async () => {
    const { host, log } = fakeExcel(() => 1, ['1.2']);
    expect(await watchWorkbookDateSystem(host)).toBe('1904');
    expect(log.handlers).toHaveLength(0);
  });

  it('a failing Excel call never escapes: the functions keep the system they have', async () => {
    const failing: DateSystemHost = { inExcel: async () => true, isSetSupported: () => true, run: () => Promise.reject(new Error('RichApi.Error')), wait: async () => undefined };
    expect(await watchWorkbookDateSystem(failing)).toBe('unknown');
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
  });

  it('no answer at first (a workbook still loading): it asks again, waiting longer each time, until Excel answers, and recalculates the cells computed meanwhile', async () => {
    const { host, log } = fakeExcel(() => 1);
    let failures = 3;
    const waits: number[] = [];
    const flaky: DateSystemHost = {
      ...host,
      run: (batch) => (failures-- > 0 ? Promise.reject(new Error('RichApi.Error: the workbook is busy')) : host.run(batch)),
      wait: async (ms) => {
        waits.push(ms);
      },
    };
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43890);
    // The first call fails (and so does registering onCalculated): unknown for now.
    expect(await watchWorkbookDateSystem(flaky)).toBe('unknown');
    for (let i = 0; i < 10; i++) await settle();
    expect(workbookDateSystemStatus()).toBe('1904');
    expect(waits).toEqual(DATE_SYSTEM_RETRIES_MS.slice(0, 2));
    expect(invoke('DEADLINE', ['cpic.investigation', 43860])).toBe(43889);
    expect(log.calculations).toEqual(['Full']);
  });

  it('Excel never answering: it stops asking after the last wait, the functions keep 1900', async () => {
    const waits: number[] = [];
    const failing: DateSystemHost = { inExcel: async () => true, isSetSupported: () => true, run: () => Promise.reject(new Error('RichApi.Error')), wait: async (ms) => void waits.push(ms) };
    expect(await watchWorkbookDateSystem(failing)).toBe('unknown');
    for (let i = 0; i < 40; i++) await settle();
    expect(waits).toEqual([...DATE_SYSTEM_RETRIES_MS]);
    expect(workbookDateSystemStatus()).toBe('unknown');
    expect(invoke('DEADLINE', ['samsung.payment', 45658])).toBe(45668);
  });

  it('outside Office (the globals absent) the default host says unavailable without throwing', async () => {
    delete globals.Office;
    expect(await watchWorkbookDateSystem()).toBe('unavailable');
  });
});
