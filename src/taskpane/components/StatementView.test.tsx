/**
 * The statement as the print view shows it, rendered to markup (these Jest tests have no DOM;
 * the print view itself is checked in Chromium, test/e2e/statement.e2e.test.ts): every figure of
 * the statement appears formatted as the sheet formats it, with its cell, article and readings.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { CPIC_TEMPLATE } from '../templates/cpic';
import { buildTemplate, defaultInputs } from '../templates/form';
import { FakeGateway } from '../testing/fakeGateway';
import { hyperFormulaCompute } from '../testing/sheetEval';
import { collectStatement, figureText, type Statement } from '../statement';
import { StatementDocument } from './StatementView';
import { StatementTab } from './StatementTab';

const DETAILS = { insured: 'Example Trading Co. & Partners', incident: 'Order system outage' };
let en: Statement;
let zh: Statement;

/** Text of the markup with tags dropped and entities read, so figures can be searched. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  let key = '';
  let last: ReturnType<typeof hyperFormulaCompute> | undefined;
  const g = new FakeGateway((sheets, names) => {
    const k = JSON.stringify([[...sheets].map(([n, c]) => [n, [...c]]), names]);
    if (k !== key || !last) [key, last] = [k, hyperFormulaCompute(sheets, names)];
    return last;
  });
  const built = await buildTemplate(g, CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
  if (!built.ok) throw new Error('no CPIC model');
  const address = `'${built.sheet}'!${built.payout}`;
  const now = new Date(2026, 11, 1, 11, 45);
  en = await collectStatement(g, address, { language: 'en', details: DETAILS, now });
  zh = await collectStatement(g, address, { language: 'zh', details: DETAILS, now });
}, 60_000);

test('the document gives the claim, every input, every trace step with its article, and the readings', () => {
  const text = textOf(renderToStaticMarkup(<StatementDocument statement={en} />));
  expect(text).toContain('Claim calculation statement');
  expect(text).toContain('Static statement: every figure is the workbook\'s value at 2026-12-01 11:45');
  expect(text).toContain(`Insured ${DETAILS.insured}`);
  expect(text).toContain(`Result ${figureText(en.source.value, 'money')}`);
  expect(text).toContain('Engine version cyberbi 0.1.0');
  for (const i of en.inputs) expect(text).toContain(`${figureText(i.value, i.unit)} ${i.unit ? { money: 'amount', ratio: 'ratio', date: 'date', hours: 'hours', days: 'days', number: 'number', yesno: 'yes/no', option: 'option', text: 'text', table: 'table', series: 'series' }[i.unit] : ''} ${i.address}`);
  expect(text).toContain('Profit sum insured · 利润保险金额 8,400,000.00 amount');
  const bi = en.steps.find((s) => s.calls.some((c) => c.name === 'CYBER.BIPAYOUT'))!;
  for (const step of bi.calls[0].steps) expect(text).toContain(`${step.label.en} ${figureText(step.value)}`);
  expect(text).toContain('CPIC (China Pacific Property Insurance) Enterprise Cyber Insurance (2025 edition, version B)');
  expect(text).toMatch(/Art\. 13 \(1\) 2 \(2\)[^|]*第十三条 \(一\) 2 \(2\)/);
  expect(text).toContain('CPIC template: the overall 责任限额');
  expect(text).not.toContain('`');
});

test('in Chinese: the same figures with Chinese words and articles', () => {
  const text = textOf(renderToStaticMarkup(<StatementDocument statement={zh} />));
  expect(text).toContain('理赔计算书');
  expect(text).toContain(`结果 ${figureText(zh.source.value, 'money')}`);
  expect(text).toContain('利润保险金额 8,400,000.00 金额');
  expect(text).toContain('中国太平洋财产保险 企业网络安全保险（2025版B款） 第十三条 (一) 2 (2)');
  // The readings in Chinese (the README's English translated), the quoted sentence as the wording says it.
  expect(text).toContain('太保模板：总责任限额');
  expect(text).toContain('「在本保险合同项下，保险人的总赔偿金额以责任限额为限。');
  expect(text).toContain('以英文为准');
  expect(zh.source.value).toBe(en.source.value);
});

test('the Statement tab starts with the fields, the write action and the list', () => {
  const html = renderToStaticMarkup(<StatementTab gateway={new FakeGateway()} language="en" defaultSource="Claim!C5" />);
  const text = textOf(html);
  for (const s of ['Insured', 'Incident', 'Result cell', 'Write statement', 'Statements in this workbook']) expect(text).toContain(s);
  expect(html).toContain('value="Claim!C5"');
});
