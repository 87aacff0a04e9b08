/**
 * The claim calculation statement against real cells: the CPIC template built with its
 * figures and evaluated by HyperFormula + the CYBER plugin (as the workbench does). Every figure
 * the statement gives is checked against the cell it names; the trace is the engine's; the sheet
 * is print-ready; a refresh rewrites the same sheet with the new values.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CPIC_TEMPLATE } from './templates/cpic';
import { TEMPLATES } from './templates';
import { buildTemplate, defaultInputs } from './templates/form';
import { FakeGateway, type Compute } from './testing/fakeGateway';
import { hyperFormulaCompute } from './testing/sheetEval';
import type { CellValue, SheetSpec } from './gateway';
import {
  collectStatement,
  ENGINE_VERSION,
  figureText,
  loadStatements,
  localTime,
  NoFormula,
  referencesOf,
  refreshStatement,
  saveDetails,
  statementSheet,
  STATEMENTS_KEY,
  TEMPLATE_SHEETS,
  templateOfSheet,
  writeStatement,
  type Statement,
} from './statement';
import { STATEMENT_TEXT } from './statementText';

/** HyperFormula over the fake's sheets, evaluated again only when an input changed. */
function cachedCompute(): Compute {
  let key = '';
  let last: ReturnType<Compute> | undefined;
  return (sheets, names) => {
    const k = JSON.stringify([[...sheets].map(([n, c]) => [n, [...c]]), names]);
    if (k !== key || !last) {
      key = k;
      last = hyperFormulaCompute(sheets, names);
    }
    return last;
  };
}

const NOW = new Date(2026, 11, 1, 11, 45, 0);
const DETAILS = { insured: 'Shanghai Example Trading Co., Ltd. 上海示例贸易有限公司', incident: 'Ransomware outage of the order system, 2024-12-01' };

async function cpic(): Promise<{ g: FakeGateway; sheet: string; payout: string }> {
  const g = new FakeGateway(cachedCompute());
  const built = await buildTemplate(g, CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
  if (!built.ok) throw new Error('the CPIC template did not build');
  return { g, sheet: built.sheet, payout: `'${built.sheet}'!${built.payout}` };
}

async function cell(g: FakeGateway, address: string): Promise<CellValue> {
  return (await g.readRange(address))[0][0];
}

test('ENGINE_VERSION is the package version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  expect(ENGINE_VERSION).toBe(pkg.version);
});

test('TEMPLATE_SHEETS names the sheet each template builds', () => {
  for (const t of TEMPLATES) expect(TEMPLATE_SHEETS[t.id]).toBeDefined();
  const g = new FakeGateway();
  return Promise.all(TEMPLATES.map((t) => buildTemplate(g, t, defaultInputs(t)))).then((results) => {
    results.forEach((r, i) => {
      expect(r.ok).toBe(true);
      if (r.ok) expect(templateOfSheet(r.sheet)).toBe(TEMPLATES[i].id);
    });
  });
});

test('referencesOf: every cell and range of a formula, sheet-qualified, strings and names left out', () => {
  expect(referencesOf('=IF(C43,CYBER.BIPAYOUT(C52,C11,$C$9,Other!D4,A1:B24),0)+"C9"', 'CPIC BI')).toEqual([
    "'CPIC BI'!C43",
    "'CPIC BI'!C52",
    "'CPIC BI'!C11",
    "'CPIC BI'!C9",
    'Other!D4',
    "'CPIC BI'!A1:B24",
  ]);
  expect(referencesOf('=MIN(CPIC_Total,1)', 'S')).toEqual([]);
});

describe('the statement of the CPIC template total', () => {
  let g: FakeGateway;
  let payout: string;
  let st: Statement;
  beforeAll(async () => {
    ({ g, payout } = await cpic());
    st = await collectStatement(g, payout, { language: 'en', details: DETAILS, now: NOW });
  }, 60_000);

  test('the result is the cell’s value, with the insured, the incident, the date and the version', async () => {
    expect(st.source.address).toBe(payout);
    expect(st.source.formula).toMatch(/^=MIN\(/);
    expect(st.source.value).toBe(await cell(g, payout));
    expect(st.source.value).toBeGreaterThan(0);
    expect(st.source.unit).toBe('money');
    expect(st.details).toEqual(DETAILS);
    expect(st.writtenAtText).toBe('2026-12-01 11:45');
    expect(st.engineVersion).toBe(ENGINE_VERSION);
    expect(st.templateId).toBe('cpic');
    expect(st.truncated).toBe(false);
  });

  test('every input is a value cell of the model, with the value the cell holds', async () => {
    expect(st.inputs.length).toBeGreaterThan(20);
    for (const i of st.inputs) {
      if (Array.isArray(i.value)) expect(i.value).toEqual(await g.readRange(i.address));
      else expect(i.value).toEqual(await cell(g, i.address));
      const input = await g.readInput(i.address);
      expect(input !== null && typeof input === 'object').toBe(false);
    }
    const byLabel = (en: string) => st.inputs.find((i) => i.label.startsWith(`${en} · `));
    expect(byLabel('Profit sum insured')).toMatchObject({ value: 8_400_000, unit: 'money' });
    // STANDARDREVENUE's trend is a number (it may be negative), CRISISPAYOUT's reduction a ratio.
    expect(byLabel('Trend adjustment')).toMatchObject({ value: 0.15, unit: 'number' });
    expect(byLabel('Crisis-cost reduction ratio')).toMatchObject({ value: 0.9, unit: 'ratio' });
    expect(byLabel('Incident date')).toMatchObject({ unit: 'date' });
    expect(byLabel('Interruption lasted (hours)')).toMatchObject({ value: 72, unit: 'hours' });
    // Read only by MAX(0, limit − paid …): an amount by what it is summed with.
    expect(byLabel('Overall limit of liability')).toMatchObject({ value: 3_000_000, unit: 'money' });
    // The revenue history is one input: the table, read whole.
    expect(st.inputs.some((i) => Array.isArray(i.value) && i.unit === 'table' && (i.value as CellValue[][]).length >= 24)).toBe(true);
  });

  test('every formula cell is a step with its value; CYBER steps carry the engine’s trace and articles', async () => {
    for (const s of st.steps) expect(s.value).toEqual(await cell(g, s.address));
    const names = st.steps.flatMap((s) => s.calls.map((c) => c.name));
    for (const n of ['CYBER.PROFITRATE', 'CYBER.STANDARDREVENUE', 'CYBER.LOSTPROFIT', 'CYBER.BIPAYOUT', 'CYBER.CRISISPAYOUT']) expect(names).toContain(n);
    // What a cell reads comes before it; the total is last.
    const order = st.steps.map((s) => s.label.split(' · ')[0]);
    expect(order.indexOf('Lost profit')).toBeLessThan(order.indexOf('Network-interruption payout'));
    expect(order[order.length - 1]).toBe('Total payable (within the overall limit)');
    const bi = st.steps.find((s) => s.calls.some((c) => c.name === 'CYBER.BIPAYOUT'))!;
    const trace = bi.calls[0].steps;
    expect(trace.length).toBeGreaterThan(2);
    expect(trace.some((t) => t.article?.article.startsWith('第十三条 (一) 2'))).toBe(true);
    expect(bi.value).toBe(Number(trace[trace.length - 1].value));
  });

  test('the readings of the functions used and of the CPIC template', () => {
    expect(st.readings).toContain('CPIC template: the overall 责任限额');
    expect(st.readings).toContain('CPIC 第十三条 (一) 2 (3) under-insurance');
    expect(st.readings).toContain('CPIC 第五条 1 (1) crisis-management period');
    expect(st.readings).not.toContain('LMCIT shared pool');
  });

  test('the sheet: every figure in a cell with its format, and a print setup over all of it', () => {
    const spec = statementSheet(st);
    const at = (a: string) => spec.cells.find((c) => c.address === a);
    const find = (text: string) => spec.cells.find((c) => c.input === text)!;
    expect(spec.name).toBe(`Statement ${payout.split('!')[1]}`);
    expect(at('A1')?.input).toBe('Claim calculation statement');
    expect(String(at('A2')?.input)).toMatch(/^Static statement: .*2026-12-01 11:45/);
    const resultRow = find('Result').address.slice(1);
    expect(at(`B${resultRow}`)).toMatchObject({ input: st.source.value, numberFormat: '#,##0.00' });
    const dateRow = find('Written on').address.slice(1);
    expect(at(`B${dateRow}`)).toMatchObject({ input: localTime(NOW).serial, numberFormat: 'yyyy-mm-dd hh:mm' });
    expect(find(DETAILS.insured).address).toMatch(/^B/);
    // An input row: label, value, unit, cell.
    const sum = spec.cells.find((c) => String(c.input).startsWith('Profit sum insured'))!;
    const r = sum.address.slice(1);
    expect(at(`B${r}`)).toMatchObject({ input: 8_400_000, numberFormat: '#,##0.00' });
    expect(at(`C${r}`)?.input).toBe('amount');
    expect(String(at(`D${r}`)?.input)).toMatch(/^'CPIC BI 网络中断'!C\d+$/);
    // A trace row: the wording's title and the article.
    const cited = spec.cells.filter((c) => c.address.startsWith('E') && String(c.input).includes('第十三条 (一) 2 (2)'));
    expect(cited.length).toBeGreaterThan(0);
    const wording = at(`D${cited[0].address.slice(1)}`)?.input;
    expect(wording).toBe('CPIC (China Pacific Property Insurance) Enterprise Cyber Insurance (2025 edition, version B)');
    // Print: landscape A4, one page wide, the whole statement, title rows, header and footer.
    const last = Math.max(...spec.cells.map((c) => Number(c.address.slice(1))));
    expect(spec.print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      area: `A1:E${last}`,
      titleRows: '1:2',
      fitToWidth: true,
      header: { left: `Claim calculation statement — ${DETAILS.insured}`, right: payout },
      footer: { left: `cyberbi ${ENGINE_VERSION} · 2026-12-01 11:45`, right: 'Page &P of &N' },
    });
    // The formula is written as text: the statement is static.
    expect(find(st.source.formula!).address).toMatch(/^B/);
  });

  test('the Chinese statement: the same figures, Chinese words and articles', async () => {
    const zh = await collectStatement(g, payout, { language: 'zh', details: DETAILS, now: NOW });
    const spec = statementSheet(zh);
    expect(spec.name).toBe(`理算书 ${payout.split('!')[1]}`);
    expect(spec.cells.find((c) => c.address === 'A1')?.input).toBe('理赔计算书');
    expect(spec.cells.some((c) => c.input === '中国太平洋财产保险 企业网络安全保险（2025版B款）')).toBe(true);
    expect(spec.cells.some((c) => c.input === '第十三条 (一) 2 (2)')).toBe(true);
    expect(spec.cells.some((c) => c.input === STATEMENT_TEXT.zh.readingsLanguage)).toBe(true);
    // The readings in Chinese: where and the reading translated, the sentence as the wording has it.
    const where = spec.cells.find((c) => c.input === '太保模板：总责任限额')!;
    expect(where.address).toMatch(/^A/);
    expect(String(spec.cells.find((c) => c.address === `D${where.address.slice(1)}`)?.input)).toMatch(/^合计 = min\(各保障之和/);
    expect(zh.source.value).toBe(st.source.value);
    expect(spec.print?.footer?.right).toBe('第 &P 页，共 &N 页');
  });
});

test('write, then refresh: the same sheet rewritten with the current values, recorded for the print view', async () => {
  const { g, sheet, payout } = await cpic();
  await saveDetails(g, DETAILS);
  const first = await writeStatement(g, payout, { language: 'en', now: NOW });
  expect(first.sheet).toBe(`Statement ${payout.split('!')[1]}`);
  expect(first.statement.details).toEqual(DETAILS);
  const before = first.statement.source.value as number;
  const list = await loadStatements(g);
  expect(list.ok && list.records.map((r) => [r.sheet, r.source, r.language])).toEqual([[first.sheet, payout, 'en']]);
  expect(list.ok && list.records[0].statement?.source.value).toBe(before);

  // The statement is static: changing an input changes the model, not the written sheet.
  const crisisSpent = first.statement.inputs.find((i) => i.label.startsWith('Crisis costs spent'))!;
  await g.writeInput(crisisSpent.address, 220_000);
  expect(await cell(g, payout)).not.toBe(before);
  const sheetResult = () => {
    const spec = g.addedSheets[g.addedSheets.length - 1] as SheetSpec;
    const row = spec.cells.find((c) => c.input === 'Result')!.address.slice(1);
    return spec.cells.find((c) => c.address === `B${row}`)!.input;
  };
  expect(sheetResult()).toBe(before);

  const record = (await loadStatements(g)) as { ok: true; records: readonly { sheet: string }[] };
  const again = await refreshStatement(g, record.records[0] as never, { now: new Date(2026, 11, 1, 12, 0, 0) });
  expect(again.sheet).toBe(first.sheet);
  expect(g.addedSheets[g.addedSheets.length - 1].replace).toBe(true);
  expect(sheetResult()).toBe(await cell(g, payout));
  expect(again.statement.writtenAtText).toBe('2026-12-01 12:00');
  const after = await loadStatements(g);
  expect(after.ok && after.records.length).toBe(1);
  expect(after.ok && after.records[0].writtenAt).toBe(again.statement.writtenAt);
  expect(sheet).toBe('CPIC BI 网络中断');
}, 60_000);

test('a damaged stored list is kept as a backup, never lost; a value cell is refused', async () => {
  const g = new FakeGateway(cachedCompute()).set('Claim', { A1: 'Loss', B1: 1000, B2: { formula: '=CYBER.LAYER(B1,100,500)' } });
  g.settings.set(STATEMENTS_KEY, '{not json');
  const w = await writeStatement(g, 'Claim!B2', { language: 'en', now: NOW, details: { insured: '', incident: '' } });
  expect(w.listDamaged).toBe(true);
  expect(g.settings.get('cyberbi.statements.damaged')).toBe('{not json');
  expect(w.statement.inputs).toEqual([{ address: 'Claim!B1', label: 'Loss', value: 1000, unit: 'money' }]);
  expect(w.statement.source.value).toBe(500);
  expect(statementSheet(w.statement).cells.find((c) => c.input === '(not given)')).toBeDefined();
  await expect(collectStatement(g, 'Claim!B1', { language: 'en', details: DETAILS })).rejects.toBeInstanceOf(NoFormula);
});

test('figureText: the sheet’s formats, written out', () => {
  expect(figureText(1234567.5, 'money')).toBe('1,234,567.50');
  expect(figureText(0.15, 'ratio')).toBe('15.00%');
  expect(figureText(45627, 'date')).toBe('2024-12-01');
  expect(figureText('0.1028571428571428571', undefined)).toBe('0.1028571429');
  expect(figureText(true)).toBe('TRUE');
  expect(figureText({ error: '#VALUE!' })).toBe('#VALUE!');
  expect(figureText(null)).toBe('—');
});
