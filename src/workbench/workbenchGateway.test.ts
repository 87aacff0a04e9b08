/**
 * The workbench gateway keeps the WorkbookGateway promises (src/taskpane/gateway.ts) over
 * HyperFormula: writes recalculate, inputs come back exactly as typed, names and new sheets
 * behave as in Excel, settings persist in the workbook.
 */
import { runSensitivity, sensitivitySheet } from '../taskpane/sensitivity';
import { createWorkbenchGateway } from './workbenchGateway';
import { WorkbenchModel } from './model';

function setup() {
  const model = WorkbenchModel.blank();
  const gateway = createWorkbenchGateway(model, { displayLanguage: 'zh-CN' });
  return { model, gateway };
}

describe('workbench gateway', () => {
  test('is a workbench host, not inside Office, with the language it was given', async () => {
    const { gateway } = setup();
    expect(gateway.kind).toBe('workbench');
    await expect(gateway.ready()).resolves.toEqual({ inOffice: false });
    expect(gateway.displayLanguage()).toBe('zh-CN');
  });

  test('a written input recalculates the formulas that depend on it', async () => {
    const { gateway } = setup();
    await gateway.writeInput('A1', 1200000);
    await gateway.writeInput('A2', 0.32);
    await gateway.writeInput('A3', { formula: '=CYBER.LOSTPROFIT(A1, A2, 50000)' });
    await gateway.recalculate();
    expect(await gateway.readRange('A1:A3')).toEqual([[1200000], [0.32], [334000]]);
    await gateway.writeInput('Sheet1!A1', 2000000);
    expect(await gateway.readRange('Sheet1!A3')).toEqual([[590000]]);
  });

  test('inputs read back exactly as typed (formula text, text that looks like a number, booleans)', async () => {
    const { gateway } = setup();
    const formula = '=IF(A2>0, TRUE, FALSE)';
    await gateway.writeInput('B1', { formula });
    await gateway.writeInput('A2', '12%');
    await gateway.writeInput('A3', true);
    await gateway.writeInput('A4', null);
    expect(await gateway.readInput('B1')).toEqual({ formula });
    expect(await gateway.readInput('A2')).toBe('12%');
    expect(await gateway.readInput('A3')).toBe(true);
    expect(await gateway.readInput('A4')).toBeNull();
    // "12%" typed as text stays text: A2>0 compares text with a number, which is TRUE in Excel too.
    expect(await gateway.readRange('A2:B3')).toEqual([['12%', null], [true, null]]);
    expect(await gateway.readRange('B1')).toEqual([[true]]);
  });

  test('errors carry the CYBER message', async () => {
    const { gateway } = setup();
    await gateway.writeInput('A1', { formula: '=CYBER.REVENUEREDUCTION("x", 1)' });
    const [[v]] = await gateway.readRange('A1');
    expect(v).toMatchObject({ error: '#VALUE!' });
    expect((v as { message: string }).message).toMatch(/standard_revenue/);
  });

  test('evaluateFormula computes in a sheet without changing it; arrays come back whole', async () => {
    const { gateway, model } = setup();
    await gateway.writeInput('A1', 4000000);
    await gateway.writeInput('A2', 6000000);
    const before = model.version;
    await expect(gateway.evaluateFormula('=A1+A2', 'Sheet1')).resolves.toBe(10000000);
    await expect(gateway.evaluateFormula('CYBER.POOLSHARE(A1:A2, 5000000, 25000000)', 'sheet1')).resolves.toEqual([[2000000], [3000000]]);
    expect(model.version).toBe(before);
    expect(await gateway.readRange('A3')).toEqual([[null]]);
  });

  test('the selection gives address, formula and the whole spilled array at its anchor', async () => {
    const { gateway, model } = setup();
    await gateway.writeInput('A1', 4000000);
    await gateway.writeInput('A2', 6000000);
    await gateway.writeInput('B1', { formula: '=CYBER.POOLSHARE(A1:A2, 5000000)' });
    const seen: number[] = [];
    const off = gateway.onSelectionChanged(() => seen.push(1));
    model.select('Sheet1', 0, 1);
    expect(await gateway.getSelectedCell()).toEqual({
      address: 'Sheet1!B1',
      sheet: 'Sheet1',
      formula: '=CYBER.POOLSHARE(A1:A2, 5000000)',
      value: [[2000000], [3000000]],
    });
    model.select('Sheet1', 1, 1);
    expect(await gateway.getSelectedCell()).toMatchObject({ address: 'Sheet1!B2', formula: null, value: 3000000 });
    off();
    model.select('Sheet1', 0, 0);
    expect(seen).toHaveLength(2);
  });

  test('addSheet makes names unique, writes cells, formats and workbook names, and activates the sheet', async () => {
    const { gateway, model } = setup();
    const spec = {
      name: 'Scenario',
      cells: [
        { address: 'B1', input: 5000000, numberFormat: '#,##0.00', fill: '#FFF2CC' },
        { address: 'B2', input: 100000, numberFormat: '#,##0' },
        { address: 'B3', input: { formula: '=CYBER.BIPAYOUT(334000, Deductible, SumInsured, 2000000)' }, bold: true },
      ],
      names: [
        { name: 'SumInsured', address: 'B1' },
        { name: 'Deductible', address: 'B2' },
      ],
      columnWidths: { A: 30 },
      charts: [{ kind: 'column' as const, title: 'Payout', dataAddress: 'A1:B3', anchor: 'D2' }],
    };
    expect(await gateway.addSheet(spec)).toBe('Scenario');
    expect(await gateway.addSheet(spec)).toBe('Scenario (2)');
    expect(await gateway.addSheet({ ...spec, name: 'scenario' })).toBe('scenario (3)');
    expect(model.sheetNames()).toEqual(['Sheet1', 'Scenario', 'Scenario (2)', 'scenario (3)']);
    expect(await gateway.readRange("'Scenario (2)'!B3")).toEqual([[234000]]);
    expect(model.getStyle('Scenario', 0, 1)).toEqual({ numberFormat: '#,##0.00', fill: '#FFF2CC' });
    expect(model.getStyle('Scenario', 2, 1)).toEqual({ bold: true });
    expect(model.columnWidths('Scenario')).toEqual({ A: 30 });
    expect(model.charts('Scenario')).toEqual(spec.charts);
    // The latest sheet owns the names; the earlier ones follow it.
    expect(model.names()).toEqual([
      { name: 'SumInsured', expression: "='scenario (3)'!$B$1" },
      { name: 'Deductible', expression: "='scenario (3)'!$B$2" },
    ]);
    await gateway.writeInput("'scenario (3)'!B2", 200000);
    expect(await gateway.readRange("'Scenario'!B3")).toEqual([[134000]]);
    expect((await gateway.getSelectedCell())?.address).toBe("'scenario (3)'!A1");
    // An unqualified address now means the new active sheet.
    expect(await gateway.readInput('B2')).toBe(200000);
  });

  test('settings persist in the workbook and can be removed', async () => {
    const { gateway, model } = setup();
    await expect(gateway.loadSetting('scenarios')).resolves.toBeNull();
    await gateway.saveSetting('scenarios', '[{"name":"base"}]');
    await expect(gateway.loadSetting('scenarios')).resolves.toBe('[{"name":"base"}]');
    expect(model.settingEntries()).toEqual([['scenarios', '[{"name":"base"}]']]);
    await gateway.saveSetting('scenarios', null);
    await expect(gateway.loadSetting('scenarios')).resolves.toBeNull();
  });

  test("what the pane writes in one go is one undo step: a template sheet with names, formats and widths", async () => {
    const { gateway, model } = setup();
    await gateway.writeInput('A1', 5);
    await new Promise((r) => setTimeout(r, 0));
    const before = JSON.stringify(model.snapshot());
    const name = await gateway.addSheet({
      name: 'Template',
      cells: [
        { address: 'B1', input: 5000000, numberFormat: '#,##0', fill: '#FFF2CC' },
        { address: 'B2', input: { formula: '=B1*0.1' }, bold: true },
      ],
      names: [{ name: 'Limit', address: 'B1' }],
      columnWidths: { A: 30 },
    });
    await gateway.writeInput(`'${name}'!B3`, { formula: '=Limit/2' });
    await new Promise((r) => setTimeout(r, 0));
    expect(await gateway.readRange(`'${name}'!B3`)).toEqual([[2500000]]);
    expect(model.undoLabel).toBe('Task pane: new sheet');
    expect(model.undo()).toBe(true);
    expect(model.sheetNames()).toEqual(['Sheet1']);
    expect(model.names()).toEqual([]);
    expect(JSON.stringify({ ...model.snapshot(), selection: null })).toBe(JSON.stringify({ ...JSON.parse(before), selection: null }));
    // The earlier, separate write is its own step.
    expect(model.getInput('Sheet1', 0, 0)).toBe(5);
    expect(model.redo()).toBe(true);
    expect(await gateway.readRange(`'${name}'!B2`)).toEqual([[500000]]);
    expect(model.getStyle(name, 0, 1)).toEqual({ numberFormat: '#,##0', fill: '#FFF2CC' });
  });

  test('a sensitivity-style sweep that writes and restores its input leaves no undo step', async () => {
    const { gateway, model } = setup();
    await gateway.writeInput('A1', 100);
    await gateway.writeInput('A2', { formula: '=A1*2' });
    await new Promise((r) => setTimeout(r, 0));
    const steps = () => (model.canUndo ? model.undoLabel : undefined);
    expect(steps()).toBe('Task pane');
    model.resetHistory();
    for (const x of [1, 2, 3]) {
      await gateway.writeInput('A1', x);
      expect(await gateway.readRange('A2')).toEqual([[x * 2]]);
    }
    await gateway.writeInput('A1', 100);
    await new Promise((r) => setTimeout(r, 0));
    expect(model.canUndo).toBe(false);
    expect(model.dirty).toBe(false);
    expect(await gateway.readRange('A2')).toEqual([[200]]);
  });

  test('a real sensitivity run and its table: the sweep leaves no step, the table sheet is one', async () => {
    const { gateway, model } = setup();
    await gateway.writeInput('A1', 1000000);
    await gateway.writeInput('A2', { formula: '=CYBER.LOSTPROFIT(A1, 0.3, 50000)' });
    await new Promise((r) => setTimeout(r, 0));
    model.resetHistory();
    const keys = { value: null as string | null, load() { return this.value; }, save(k: string) { this.value = k; } };
    const sweep = { input: 'A1', output: 'A2', from: 1000000, to: 2000000, steps: 5 };
    const points = await runSensitivity(gateway, sweep, { sheet: 'Sheet1', keys });
    expect(points.map((p) => p.y)).toEqual([250000, 325000, 400000, 475000, 550000]);
    await gateway.addSheet(sensitivitySheet(sweep, points, { title: 'T', input: 'In', output: 'Out', sheet: 'Sensitivity', chart: 'C' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(model.getInput('Sheet1', 0, 0)).toBe(1000000);
    expect(model.sheetNames()).toEqual(['Sheet1', 'Sensitivity']);
    expect(model.undo()).toBe(true);
    expect(model.sheetNames()).toEqual(['Sheet1']);
    expect(model.getInput('Sheet1', 0, 0)).toBe(1000000);
    expect(model.getValue('Sheet1', 1, 0)).toBe(250000);
    // Only the table was a step: nothing else is left to undo.
    expect(model.undo()).toBe(false);
  });

  test('a bad address is a programmer error', async () => {
    const { gateway } = setup();
    await expect(gateway.readRange('not an address')).rejects.toThrow(/not an address/);
    await expect(gateway.readRange('Nope!A1')).rejects.toThrow(/no sheet/);
  });
});
