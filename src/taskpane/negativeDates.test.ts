/**
 * A negative serial in a date cell, as the task pane shows it: Excel shows such a cell as pound
 * signs in the 1900 date system and with a minus sign before the date of its magnitude in the 1904
 * system (Microsoft KB 182247, "Negative Date/Time Value Displayed as Pound Signs"; the workbench
 * grid shows the same, src/workbench/cellText.ts). Moved by 1,462 days, a negative 1904 serial
 * was shown as a day of 1900–1903, and a negative 1900 one as a day of 1899.
 */
import { dateShown } from '../sheet/dateSystem';
import { WorkbenchModel } from '../workbench/model';
import { createWorkbenchGateway } from '../workbench/workbenchGateway';
import { defaultRegisterInputs, readRegister, REGISTER_LAYOUT, registerDateText, writeRegister } from './claimsRegister';
import { comparedDate, compareScenarios } from './compare';
import type { WorkbookGateway } from './gateway';
import type { Scenario } from './scenarios';
import { collectStatement, figureText } from './statement';
import { CPIC_TEMPLATE } from './templates/cpic';
import { defaultInputs, serialToIso } from './templates/form';
import { FORMAT } from './templates/sheetBuilder';

function workbook(date1904: boolean): WorkbookGateway {
  const model = new WorkbenchModel();
  model.setDate1904(date1904);
  model.addSheet('Sheet1');
  return createWorkbenchGateway(model);
}

afterEach(() => {
  new WorkbenchModel(); // the next model starts in the 1900 system
});

describe('the display rule (src/sheet/dateSystem.ts dateShown)', () => {
  it('from 0 the date of the workbook’s system; below 0 pound signs in 1900, a minus sign in 1904', () => {
    expect([dateShown(45322, false, serialToIso), dateShown(43860, true, serialToIso), dateShown(0, true, serialToIso)]).toEqual(['2024-01-31', '2024-01-31', '1904-01-01']);
    expect([dateShown(-1, false, serialToIso), dateShown(-1e-9, false, serialToIso)]).toEqual(['#####', '#####']);
    expect([dateShown(-1, true, serialToIso), dateShown(-1462, true, serialToIso), dateShown(-0.5, true, serialToIso)]).toEqual(['-1904-01-02', '-1908-01-02', '-1904-01-01']);
  });
});

describe('statement figures', () => {
  it('a negative date is shown as Excel shows the cell, never a day of 1899 or 1900–1903', () => {
    // Before: 1903-12-31, 1899-12-29, 1903-12-31 (the trace's decimal text), 1899-12-31.
    expect(figureText(-1, 'date', true)).toBe('-1904-01-02');
    expect(figureText(-1, 'date')).toBe('#####');
    expect(figureText('-1', 'date', true)).toBe('-1904-01-02');
    expect(figureText(-1461, 'date', true)).toBe('-1908-01-01');
    // From 0 as before.
    expect([figureText(0, 'date', true), figureText(43860, 'date', true), figureText('43860', 'date', true), figureText(45322, 'date')]).toEqual(['1904-01-01', '2024-01-31', '2024-01-31', '2024-01-31']);
    expect(figureText(-1, 'money', true)).toBe('-1.00');
  });

  it('the statement of a CYBER cell whose date cell is negative shows that input as Excel does', async () => {
    for (const [date1904, shown] of [[true, '-1904-01-02'], [false, '#####']] as const) {
      const g = workbook(date1904);
      await g.writeInput('Sheet1!A1', -1);
      await g.writeInput('Sheet1!B1', { formula: '=CYBER.DEADLINE("samsung.payment",A1)' });
      await g.recalculate();
      const st = await collectStatement(g, 'Sheet1!B1', { language: 'en', details: { insured: 'I', incident: 'X' }, now: new Date(2026, 11, 1) });
      const dated = st.inputs.filter((i) => i.unit === 'date');
      expect(dated.map((i) => figureText(i.value, i.unit, st.date1904))).toEqual([shown]);
      expect(figureText(st.source.value, st.source.unit, st.date1904)).toBe('#VALUE!');
    }
  });
});

describe('the claims register', () => {
  it('reads a negative date cell as the cell holds it and shows it as Excel does', async () => {
    const first = REGISTER_LAYOUT.headerRow + 1;
    for (const [date1904, shown] of [[true, '-1904-01-02'], [false, '#####']] as const) {
      const g = workbook(date1904);
      const written = await writeRegister(g, defaultRegisterInputs());
      if (!written.ok) throw new Error('the register did not write');
      await g.writeInput(`'${written.sheet}'!B${first}`, -1);
      await g.writeInput(`'${written.sheet}'!${REGISTER_LAYOUT.schedule.policyStart}`, -1);
      await g.recalculate();
      const reading = await readRegister(g, written.sheet);
      if (!reading.ok) throw new Error('not read');
      // Before (1904): 1461, shown as 1903-12-31 (the policy start too).
      expect(reading.rows[0].date).toBe(-1);
      expect(reading.schedule.policyStart).toBe(-1);
      expect(registerDateText(reading.rows[0].date!, reading.date1904)).toBe(shown);
      // The other rows as before: 2025-04-03 (45750 in 1900).
      expect(reading.rows[1].date).toBe(45750);
      expect(registerDateText(reading.rows[1].date!, reading.date1904)).toBe('2025-04-03');
    }
  });
});

describe('the scenario comparison', () => {
  it('holds a negative date result as the text Excel shows in a 1904 workbook, as the number in a 1900 one', () => {
    // Before: 1461 (shown 1903-12-31) in 1904; -1 (shown 1899-12-29) in 1900.
    expect([comparedDate(-1, true), comparedDate(-0.5, true), comparedDate(-1, false)]).toEqual(['-1904-01-02', '-1904-01-01', -1]);
    expect([figureText(comparedDate(-1, true), 'date'), figureText(comparedDate(-1, false), 'date')]).toEqual(['-1904-01-02', '#####']);
    expect([comparedDate(43860, true), comparedDate(45322, false), comparedDate(0, true), comparedDate('x', true), comparedDate(null, true)]).toEqual([45322, 45322, 1462, 'x', null]);
  });

  it('a model’s date result before 1904-01-01 reaches the pane as Excel shows its cell', async () => {
    // The CPIC model with one more result: a date cell holding the settlement date's days after
    // 2025-02-14, the same number in either system: −4 for 2025-02-10 (scenario A), 6 for 2025-02-20 (B).
    const build = CPIC_TEMPLATE.build.bind(CPIC_TEMPLATE);
    const spy = jest.spyOn(CPIC_TEMPLATE, 'build').mockImplementation((values) => {
      const built = build(values);
      const extra = [
        { address: 'A300', input: 'Early date' },
        { address: 'C300', input: { formula: `=${built.refs.settlementDate}-DATE(2025,2,14)` }, bold: true, numberFormat: FORMAT.date },
      ];
      return { ...built, spec: { ...built.spec, cells: [...built.spec.cells, ...extra] }, refs: { ...built.refs, earlyDate: 'C300' } };
    });
    try {
      const base: Scenario = { name: 'A', kind: 'template', templateId: 'cpic', inputs: defaultInputs(CPIC_TEMPLATE), savedAt: '2026-12-01T10:00:00Z' };
      const later: Scenario = { ...base, name: 'B', inputs: { ...defaultInputs(CPIC_TEMPLATE), settlementDate: '2025-02-20' } };
      const b = await compareScenarios(workbook(true), [base, later], 'en');
      const early1904 = b.results.find((r) => r.key === 'earlyDate')!;
      // −4 in 1904: before 1904-01-01, shown "-1904-01-05" (it was 1458, 1903-12-28); 6 is 1904-01-07.
      expect(early1904.values).toEqual(['-1904-01-05', 6 + 1462]);
      expect(early1904.values.map((v) => figureText(v, 'date'))).toEqual(['-1904-01-05', '1904-01-07']);
      const a = await compareScenarios(workbook(false), [base, later], 'en');
      const early1900 = a.results.find((r) => r.key === 'earlyDate')!;
      expect(early1900.values).toEqual([-4, 6]);
      expect(figureText(early1900.values[0], 'date')).toBe('#####');
    } finally {
      spy.mockRestore();
    }
  });
});
