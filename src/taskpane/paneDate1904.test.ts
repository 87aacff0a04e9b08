/**
 * What the task pane writes into, and shows from, a workbook in Excel's 1904 date system
 * (serials 1,462 below the 1900 ones: 2024-01-31 is 45322 in 1900 and 43860 in 1904): the
 * templates, the scenario comparison, the claims register and the statement write each date as the
 * workbook's serial of the date entered, so the cell shows that date and the CYBER formulas over it
 * give the same dates as in a 1900 workbook; what the pane shows back is the same date too. Both
 * workbooks are the workbench's HyperFormula model (src/workbench/date1904.test.ts), one of them
 * in the 1904 system, behind the workbench gateway; an Excel host is the fake with isDate1904.
 */
import { WorkbenchModel } from '../workbench/model';
import { createWorkbenchGateway } from '../workbench/workbenchGateway';
import { addIncident, defaultRegisterInputs, EMPTY_INCIDENT, readRegister, REGISTER_LAYOUT, writeRegister, CHECK } from './claimsRegister';
import { compareScenarios } from './compare';
import type { CellValue, WorkbookGateway } from './gateway';
import type { Scenario } from './scenarios';
import { collectStatement, figureText, statementSheet, writeStatement } from './statement';
import { TEMPLATES } from './templates';
import { CPIC_TEMPLATE } from './templates/cpic';
import { buildTemplate, dateSerial, defaultInputs, serialToIso, validateForm } from './templates/form';
import { FORMAT } from './templates/sheetBuilder';
import { FakeGateway } from './testing/fakeGateway';

const OFFSET = 1462;

function workbook(date1904: boolean): { model: WorkbenchModel; gateway: WorkbookGateway } {
  const model = new WorkbenchModel();
  model.setDate1904(date1904);
  model.addSheet('Sheet1');
  return { model, gateway: createWorkbenchGateway(model) };
}

async function value(g: WorkbookGateway, sheet: string, address: string): Promise<CellValue> {
  return (await g.readRange(`'${sheet}'!${address}`))[0][0];
}

afterEach(() => {
  new WorkbenchModel(); // the next model starts in the 1900 system (the workbench's cell text setting is reset)
});

test('the serials of the example date', () => {
  expect(dateSerial(2024, 1, 31)).toBe(45322);
  expect(dateSerial(2024, 1, 31) - OFFSET).toBe(43860);
});

describe('templates in a 1904 workbook', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: every date cell holds the 1904 serial of its date; every other cell, the CYBER results included, is the 1900 workbook’s', async (_id, template) => {
    const inputs = defaultInputs(template);
    const w1900 = workbook(false);
    const w1904 = workbook(true);
    const a = await buildTemplate(w1900.gateway, template, inputs);
    const b = await buildTemplate(w1904.gateway, template, inputs);
    if (!a.ok || !b.ok) throw new Error('the template did not build');
    const v = validateForm(template, inputs);
    if (!v.ok) throw new Error('invalid defaults');
    const { spec } = template.build(v.values);
    let dates = 0;
    for (const c of spec.cells) {
      const x = await value(w1900.gateway, a.sheet, c.address);
      const y = await value(w1904.gateway, b.sheet, c.address);
      if (c.numberFormat === FORMAT.date && typeof x === 'number') {
        dates++;
        // The same date: 1,462 lower, and shown as the same yyyy-mm-dd.
        expect([c.address, y]).toEqual([c.address, x - OFFSET]);
        expect(serialToIso((y as number) + OFFSET)).toBe(serialToIso(x));
      } else {
        expect([c.address, y]).toEqual([c.address, x]);
      }
    }
    // Every template with a date field writes dates (LMCIT's form has none).
    const hasDates = template.sections.some((sec) => sec.fields.some((f) => f.kind === 'date' || (f.columns ?? []).some((c) => c.kind === 'date')));
    expect(dates > 0).toBe(hasDates);
    expect(hasDates).toBe(template.id !== 'lmcit');
  });

  it('CPIC: an entered 2024-01-31 is written as 43860, and CYBER.DEADLINE over it gives the same day as in 1900', async () => {
    const inputs = { ...defaultInputs(CPIC_TEMPLATE), settlementDate: '2024-01-31', claimReceived: '2024-01-06', decisionDate: '2024-01-24' };
    const v = validateForm(CPIC_TEMPLATE, inputs);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const { refs } = CPIC_TEMPLATE.build(v.values);
    const results: Record<string, CellValue[]> = {};
    for (const date1904 of [false, true]) {
      const w = workbook(date1904);
      const built = await buildTemplate(w.gateway, CPIC_TEMPLATE, inputs);
      if (!built.ok) throw new Error('did not build');
      results[String(date1904)] = [await value(w.gateway, built.sheet, refs.settlementDate), await value(w.gateway, built.sheet, refs.paymentBy)];
    }
    expect(results.false[0]).toBe(45322);
    expect(results.true[0]).toBe(43860);
    // CPIC 第二十三条: payment within 10 days of the agreement — the same calendar day in both systems.
    expect(typeof results.false[1]).toBe('number');
    expect(results.true[1]).toBe((results.false[1] as number) - OFFSET);
    expect(serialToIso((results.true[1] as number) + OFFSET)).toBe(serialToIso(results.false[1] as number));
  });

  it('an Excel host that reports the 1904 system gets 1904 serials; one that cannot tell, 1900 ones', async () => {
    const g = new FakeGateway();
    const v = validateForm(CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
    if (!v.ok) throw new Error('invalid defaults');
    const { refs } = CPIC_TEMPLATE.build(v.values);
    const first = await buildTemplate(g, CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
    Object.assign(g, { isDate1904: async () => true });
    const second = await buildTemplate(g, CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
    Object.assign(g, { isDate1904: () => Promise.reject(new Error('RichApi.Error')) });
    const third = await buildTemplate(g, CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
    if (!first.ok || !second.ok || !third.ok) throw new Error('did not build');
    // 2024-12-01, the CPIC form's incident date: 45627 in 1900.
    expect(await g.readInput(`'${first.sheet}'!${refs.incidentDate}`)).toBe(45627);
    expect(await g.readInput(`'${second.sheet}'!${refs.incidentDate}`)).toBe(45627 - OFFSET);
    expect(await g.readInput(`'${third.sheet}'!${refs.incidentDate}`)).toBe(45627);
    // A formula is written as it is (references, no serials).
    expect(await g.readInput(`'${second.sheet}'!${refs.paymentBy}`)).toEqual(await g.readInput(`'${first.sheet}'!${refs.paymentBy}`));
  });
});

test('scenario comparison in a 1904 workbook: the model sheets hold 1904 serials, the pane shows the same dates as in 1900', async () => {
  const base: Scenario = { name: 'A', kind: 'template', templateId: 'cpic', inputs: defaultInputs(CPIC_TEMPLATE), savedAt: '2026-12-01T10:00:00Z' };
  const later: Scenario = { name: 'B', kind: 'template', templateId: 'cpic', inputs: { ...defaultInputs(CPIC_TEMPLATE), settlementDate: '2025-02-20' }, savedAt: '2026-12-01T10:05:00Z' };
  const w1900 = workbook(false);
  const w1904 = workbook(true);
  const a = await compareScenarios(w1900.gateway, [base, later], 'en');
  const b = await compareScenarios(w1904.gateway, [base, later], 'en');
  const v = validateForm(CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
  if (!v.ok) throw new Error('invalid defaults');
  const { refs } = CPIC_TEMPLATE.build(v.values);
  // 2025-02-10 (the CPIC form's settlement date) is 45698 in 1900.
  expect(await value(w1904.gateway, b.scenarios[0].sheet, refs.settlementDate)).toBe(45698 - OFFSET);
  expect(await value(w1900.gateway, a.scenarios[0].sheet, refs.settlementDate)).toBe(45698);
  // The pane shows the entries' dates (the same in both) and the models' results (the same in both:
  // no template's result is a date today; one would be shown as its 1900 serial, as the entries are).
  const settlement = (c: typeof a) => c.inputs.find((i) => i.key === 'settlementDate')!.values;
  expect(settlement(b)).toEqual([45698, 45708]);
  expect(settlement(a)).toEqual(settlement(b));
  expect(figureText(settlement(b)[1], 'date')).toBe('2025-02-20');
  expect(b.results.length).toBeGreaterThan(0);
  // The comparison sheet's live input cells read the model sheets: the 1904 serials there.
  const row = (await w1904.gateway.readRange(`'${b.sheet}'!A1:C60`)).find((r) => typeof r[0] === 'string' && r[0].startsWith(CPIC_TEMPLATE.sections.flatMap((x) => x.fields).find((f) => f.key === 'settlementDate')!.label.en));
  expect(row?.slice(1, 3)).toEqual([45698 - OFFSET, 45708 - OFFSET]);
  expect(b.results.map((r) => r.values)).toEqual(a.results.map((r) => r.values));
});

describe('the claims register in a 1904 workbook', () => {
  it('writes the policy period and each incident’s date as 1904 serials; its formulas give the 1900 workbook’s figures; the reading shows the dates entered', async () => {
    const w1900 = workbook(false);
    const w1904 = workbook(true);
    const a = await writeRegister(w1900.gateway, defaultRegisterInputs());
    const b = await writeRegister(w1904.gateway, defaultRegisterInputs());
    if (!a.ok || !b.ok) throw new Error('the register did not write');
    const { policyStart, policyEnd } = REGISTER_LAYOUT.schedule;
    // 2025-01-01 … 2025-12-31: 45658 … 46022 in 1900.
    expect([await value(w1900.gateway, a.sheet, policyStart), await value(w1900.gateway, a.sheet, policyEnd)]).toEqual([45658, 46022]);
    expect([await value(w1904.gateway, b.sheet, policyStart), await value(w1904.gateway, b.sheet, policyEnd)]).toEqual([45658 - OFFSET, 46022 - OFFSET]);
    const first = REGISTER_LAYOUT.headerRow + 1;
    // I1 on 2025-02-10 (45698 in 1900), in column B.
    expect(await value(w1904.gateway, b.sheet, `B${first}`)).toBe(45698 - OFFSET);
    const ra = await readRegister(w1900.gateway, a.sheet);
    const rb = await readRegister(w1904.gateway, b.sheet);
    if (!ra.ok || !rb.ok) throw new Error('not read');
    expect(rb.date1904).toBe(true);
    expect(ra.date1904).toBe(false);
    // Every row in the period and in order (CYBER.INPERIOD over the 1904 cells), the same payouts.
    expect(rb.rows.map((r) => r.check)).toEqual(rb.rows.map(() => CHECK.ok));
    expect(rb.rows.map((r) => [r.date, r.payable, r.coverLeft, r.overallLeft])).toEqual(ra.rows.map((r) => [r.date, r.payable, r.coverLeft, r.overallLeft]));
    expect(rb.rows.map((r) => serialToIso(r.date!))).toEqual(['2025-02-10', '2025-04-03', '2025-06-20', '2025-09-05']);
    expect([rb.schedule.policyStart, rb.schedule.policyEnd]).toEqual([45658, 46022]);
    expect(rb.overall).toEqual(ra.overall);
  });

  it('adds an incident as a 1904 serial and checks it against the period and the last date in the dates the sheet shows', async () => {
    const w = workbook(true);
    const written = await writeRegister(w.gateway, defaultRegisterInputs());
    if (!written.ok) throw new Error('the register did not write');
    const reading = await readRegister(w.gateway, written.sheet);
    if (!reading.ok) throw new Error('not read');
    const entry = { ...EMPTY_INCIDENT, id: 'I5', date: '2025-10-01', cover: 'crisis', loss: '50,000' };
    // Before the last incident (I4, 2025-09-05): refused, naming that date as the sheet shows it.
    const early = await addIncident(w.gateway, reading, { ...entry, date: '2025-08-01' });
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error.en).toContain('(2025-09-05)');
    // After the period's last day (2025-12-31): refused as outside the period.
    const late = await addIncident(w.gateway, reading, { ...entry, date: '2026-01-05' });
    expect(!late.ok && late.error.en).toMatch(/outside the policy period/);
    const added = await addIncident(w.gateway, reading, entry);
    if (!added.ok) throw new Error(added.error.en);
    // 2025-10-01 is 45931 in 1900.
    expect(await value(w.gateway, written.sheet, `B${added.row}`)).toBe(45931 - OFFSET);
    const again = await readRegister(w.gateway, written.sheet);
    if (!again.ok) throw new Error('not read');
    const row = again.rows.find((r) => r.id === 'I5')!;
    expect([serialToIso(row.date!), row.check]).toEqual(['2025-10-01', CHECK.ok]);
  });
});

describe('the statement in a 1904 workbook', () => {
  const NOW = new Date(2026, 11, 1, 11, 45, 0);
  const DETAILS = { insured: 'Insured', incident: 'Outage' };

  it('keeps the cells’ dates, prints them as the dates the cells show, and writes its own date as a 1904 serial', async () => {
    const out: Record<string, { inputs: string[]; result: string; resultValue: CellValue; written: CellValue; writtenAt: number }> = {};
    for (const date1904 of [false, true]) {
      const w = workbook(date1904);
      const built = await buildTemplate(w.gateway, CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
      if (!built.ok) throw new Error('did not build');
      const v = validateForm(CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
      if (!v.ok) throw new Error('invalid defaults');
      const { refs } = CPIC_TEMPLATE.build(v.values);
      const address = `'${built.sheet}'!${refs.paymentBy}`;
      const st = await collectStatement(w.gateway, address, { language: 'en', details: DETAILS, now: NOW });
      expect(st.date1904 === true).toBe(date1904);
      const dated = st.inputs.filter((i) => i.unit === 'date');
      expect(dated.length).toBeGreaterThan(0);
      const written = await writeStatement(w.gateway, address, { language: 'en', details: DETAILS, now: NOW });
      const sheet = statementSheet(written.statement);
      const writtenOn = sheet.cells.find((c) => c.numberFormat === 'yyyy-mm-dd hh:mm')!;
      out[String(date1904)] = {
        inputs: dated.map((i) => figureText(i.value, i.unit, st.date1904)),
        result: figureText(st.source.value, st.source.unit, st.date1904),
        resultValue: st.source.value as CellValue,
        written: await value(w.gateway, written.sheet, writtenOn.address),
        writtenAt: st.writtenAtSerial,
      };
    }
    // The settlement date 2025-02-10 and the payment deadline 10 days after it (CPIC 第二十三条), in both.
    expect(out.true.inputs).toEqual(['2025-02-10']);
    expect(out.false.inputs).toEqual(['2025-02-10']);
    expect(out.true.result).toBe(out.false.result);
    expect(out.true.result).toBe('2025-02-20');
    expect(out.true.resultValue).toBe((out.false.resultValue as number) - OFFSET);
    // Written on 2026-12-01 11:45 local: the sheet's cell in the workbook's system.
    expect(out.true.writtenAt).toBeCloseTo(out.false.writtenAt - OFFSET, 9);
    expect(out.true.written).toBeCloseTo(out.false.writtenAt - OFFSET, 9);
    expect(out.false.written).toBeCloseTo(out.false.writtenAt, 9);
    expect(serialToIso(out.false.writtenAt)).toBe('2026-12-01');
  });

  it('a statement stored before the date system was recorded prints in 1900', () => {
    expect(figureText(45698, 'date')).toBe('2025-02-10');
    expect(figureText(45698 - OFFSET, 'date', true)).toBe('2025-02-10');
    expect(figureText('44236', 'date', true)).toBe('2025-02-10');
  });
});
