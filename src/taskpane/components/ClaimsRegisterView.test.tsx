/**
 * The Limits tab's view of a claims register, rendered to markup (these Jest tests run in Node
 * without a DOM, and no testing library is installed): the register is written through a gateway
 * whose values come from HyperFormula, read back as the tab reads it, and every figure shown —
 * each incident's payout and the limits left after it — is the sheet's.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { defaultRegisterInputs, EMPTY_INCIDENT, type Incident, readRegister, registerSheet, validateRegister, writeRegister } from '../claimsRegister';
import { FakeGateway } from '../testing/fakeGateway';
import { hyperFormulaCompute } from '../testing/sheetEval';
import { ClaimsRegisterPanel } from './ClaimsRegisterPanel';
import { addAndReadBack, ClaimsRegisterView } from './ClaimsRegisterView';
import { LimitsTab } from './LimitsTab';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

/** The text of each incident's block, by incident id. */
function incidents(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = html.split(/(?=<div[^>]*data-incident=")/);
  for (const p of parts.slice(1)) {
    const id = /data-incident="([^"]+)"/.exec(p)![1];
    out[id] = textOf(p);
  }
  return out;
}

async function registerOn(g: FakeGateway, rows?: (all: readonly Incident[]) => Incident[]) {
  if (!rows) {
    const w = await writeRegister(g, defaultRegisterInputs());
    if (!w.ok) throw new Error('not written');
    const r = await readRegister(g, w.sheet);
    if (!r.ok) throw new Error('not a register');
    return r;
  }
  const v = validateRegister(defaultRegisterInputs());
  if (!v.ok) throw new Error('defaults invalid');
  const sheet = await g.addSheet(registerSheet(v.schedule, rows(v.incidents)));
  const r = await readRegister(g, sheet);
  if (!r.ok) throw new Error('not a register');
  return r;
}

test('each incident with its payout and the limits left after it; the cap used up on the third (en)', async () => {
  const r = await registerOn(new FakeGateway(hyperFormulaCompute));
  const html = renderToStaticMarkup(<ClaimsRegisterView reading={r} language="en" />);
  const blocks = incidents(html);
  expect(Object.keys(blocks)).toEqual(['I1', 'I2', 'I3', 'I4']);
  expect(blocks.I1).toContain('I1 · 2025-02-10 · Lost profit · Payable 400,000');
  expect(blocks.I1).toContain('Cover limit 600,000 left · 400,000 paid of 1,000,000');
  expect(blocks.I1).toContain('Limit of liability 2,600,000 left · 400,000 paid of 3,000,000');
  expect(blocks.I2).toContain('Continuation costs · Payable 280,000');
  expect(blocks.I2).toContain('Cover limit 220,000 left · 280,000 paid of 500,000');
  // The third incident takes what is left of 第十三条 (一) 2 (5)'s 1,000,000: 600,000, and nothing remains.
  expect(blocks.I3).toContain('I3 · 2025-06-20 · Lost profit · Payable 600,000');
  expect(blocks.I3).toContain('Cover limit 0 left · 1,000,000 paid of 1,000,000');
  expect(blocks.I3).toContain('Limit of liability 1,720,000 left · 1,280,000 paid of 3,000,000');
  expect(blocks.I4).toContain('Crisis costs · Payable 99,000');
  expect(blocks.I4).toContain('Limit of liability 1,621,000 left');
  const all = textOf(html);
  // The period totals above the incidents.
  expect(all).toContain('Limit of liability (Art. 13) 1,621,000 left · 1,379,000 paid of 3,000,000');
  expect(all).toContain('Lost profit 0 left · 1,000,000 paid of 1,000,000');
  expect(all).not.toContain('out of date order');
  // A used-up limit's bar is drawn in the error colour; the view has no add form without a gateway.
  expect(html).not.toContain('Add incident');
});

test('zh: the same figures in Chinese, and the add-incident form with a gateway', async () => {
  const g = new FakeGateway(hyperFormulaCompute);
  const r = await registerOn(g);
  const html = renderToStaticMarkup(<ClaimsRegisterView reading={r} language="zh" gateway={g} />);
  const blocks = incidents(html);
  expect(blocks.I3).toContain('I3 · 2025-06-20 · 利润损失 · 实际赔付 600,000');
  expect(blocks.I3).toContain('本项目限额 剩余 0 · 已赔付 1,000,000，限额 1,000,000');
  expect(blocks.I3).toContain('责任限额 剩余 1,720,000');
  const all = textOf(html);
  expect(all).toContain('“CPIC 赔案登记簿”上的赔案登记簿');
  expect(all).toContain('新增事故');
  expect(all).toContain('已追回的危机管理费用');
  expect(all).toContain('各行按行序理算，行序须为日期顺序');
});

test('rows out of date order: a warning, and each flagged row says so', async () => {
  const r = await registerOn(new FakeGateway(hyperFormulaCompute), ([i1, i2, i3, i4]) => [i3, i1, i2, i4]);
  expect(r.outOfOrder).toBe(2);
  const html = renderToStaticMarkup(<ClaimsRegisterView reading={r} language="en" />);
  const all = textOf(html);
  expect(all).toContain('2 row(s) dated before a row above them');
  const blocks = incidents(html);
  expect(blocks.I1).toContain('Check: out of date order: sort by date 未按日期排序');
  expect(blocks.I3).not.toContain('Check:');
  // In row order I3 took 800,000 first: what the sheet says, shown as it is, under the warning.
  expect(blocks.I3).toContain('Payable 800,000');
  expect(blocks.I1).toContain('Payable 200,000');
});

test('the register form in the Limits tab, in both languages, with its inline errors', () => {
  const en = textOf(renderToStaticMarkup(<ClaimsRegisterPanel gateway={new FakeGateway()} language="en" initialOpen />));
  expect(en).toContain('Claims register (CPIC 2025 B)');
  expect(en).toContain('Profit limit of indemnity');
  expect(en).toContain('Write the register');
  const zh = textOf(renderToStaticMarkup(<ClaimsRegisterPanel gateway={new FakeGateway()} language="zh" initialOpen />));
  expect(zh).toContain('赔案登记簿（太平洋 2025 B 款）');
  expect(zh).toContain('事故（按日期顺序）');
  // An entry out of date order is marked beside the incidents field, in the pane's language.
  const bad = textOf(renderToStaticMarkup(<ClaimsRegisterPanel gateway={new FakeGateway()} language="zh" initialOpen initial={{ incidents: 'A; 2025-05-01; profit; 100,000; 0; 20\nB; 2025-04-01; profit; 100,000; 0; 20' }} />));
  expect(bad).toContain('第 2 行：日期早于第 1 行：请按日期顺序填写事故');
  // The Limits tab draws the panel under the selection view (the App may load the tab lazily, so
  // the tab itself is rendered here).
  const tab = textOf(renderToStaticMarkup(<LimitsTab gateway={new FakeGateway(undefined, 'zh-CN')} language="zh" />));
  expect(tab).toContain('赔案登记簿（太平洋 2025 B 款）');
});

describe('adding an incident says what happened to its row', () => {
  const entries = { ...EMPTY_INCIDENT, id: 'I5', date: '2025-10-01', cover: 'crisis', loss: '50,000' };

  test('written and read back: success, and the new reading lists it', async () => {
    const g = new FakeGateway(hyperFormulaCompute);
    const r = await registerOn(g);
    const out = await addAndReadBack(g, r, entries, 'en');
    expect(out.status).toEqual({ intent: 'success', text: expect.stringContaining('Incident I5 added on row') });
    expect(out.written).toBe(true);
    expect(out.reading?.rows.map((x) => x.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5']);
  });

  test('written but the register cannot be read again: a warning that it WAS added (never "could not be added"), in both languages', async () => {
    for (const language of ['en', 'zh'] as const) {
      const g = new FakeGateway(hyperFormulaCompute);
      const r = await registerOn(g);
      // Every read after the incident's row is written fails.
      let wrote = false;
      const writeInput = g.writeInput.bind(g);
      const readRange = g.readRange.bind(g);
      g.writeInput = async (address, input) => {
        await writeInput(address, input);
        wrote = true;
      };
      g.readRange = async (address) => {
        if (wrote) throw new Error('the workbook is busy');
        return readRange(address);
      };
      const out = await addAndReadBack(g, r, entries, language);
      expect(out.written).toBe(true);
      expect(out.reading).toBeUndefined();
      expect(out.status.intent).toBe('warning');
      expect(out.status.text).toContain(language === 'en' ? 'Incident I5 added on row' : '事故 I5 已写入第');
      expect(out.status.text).toContain('the workbook is busy');
      expect(out.status.text).not.toContain(language === 'en' ? 'could not be added' : '无法新增');
    }
  });

  test('refused or failing before anything is written: an error, the entries kept', async () => {
    const g = new FakeGateway(hyperFormulaCompute);
    const r = await registerOn(g);
    const refused = await addAndReadBack(g, r, { ...entries, date: '2025-01-01' }, 'en');
    expect(refused.status.intent).toBe('error');
    expect(refused.written).toBe(false);
    g.writeInput = async () => {
      throw new Error('protected sheet');
    };
    const failed = await addAndReadBack(g, r, entries, 'en');
    expect(failed.status).toEqual({ intent: 'error', text: 'The incident could not be added: protected sheet' });
    expect(failed.written).toBe(false);
  });
});
