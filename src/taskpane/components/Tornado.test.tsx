/**
 * The tornado as the pane shows it (markup; no DOM in these tests): the ranked table with each
 * input's low, high, results and swing, and the panel's fields in both languages.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { TornadoResult } from '../tornado';
import { FakeGateway } from '../testing/fakeGateway';
import { TornadoPanel, TornadoTable } from './Tornado';
import { TornadoChart } from './TornadoChart';

const RESULT: TornadoResult = {
  output: 'Claim!C55',
  base: 911_500,
  rows: [
    { input: 'Claim!C6', value: 8_400_000, low: 7_560_000, high: 9_240_000, atLow: 855_250, atHigh: 967_750, swing: 112_500 },
    { input: 'Claim!C11', value: 56_000, low: 0, high: 112_000, atLow: 953_500, atHigh: 869_500, swing: 84_000 },
    { input: 'Claim!A1', value: null, low: null, high: null, atLow: null, atHigh: null, swing: null, error: 'notNumber' },
  ],
};
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the ranked table: low, high, the result at each and the swing', () => {
  const text = textOf(renderToStaticMarkup(<TornadoTable result={RESULT} language="en" />));
  expect(text).toContain('Claim!C6 7,560,000.00 9,240,000.00 855,250.00 967,750.00 112,500.00');
  expect(text).toContain('Claim!C11 0.00 112,000.00 953,500.00 869,500.00 84,000.00');
  expect(text).toContain('Claim!A1 — — — — the cell holds no number');
  expect(textOf(renderToStaticMarkup(<TornadoTable result={RESULT} language="zh" />))).toContain('该单元格不是数字');
});

test('the chart draws one bar pair per input with a swing; the panel in both languages', () => {
  const svg = renderToStaticMarkup(<TornadoChart result={RESULT} language="en" />);
  expect(svg).toContain('height="104"');
  expect(textOf(renderToStaticMarkup(<TornadoPanel gateway={new FakeGateway()} language="en" defaultOutput="Claim!C55" />))).toContain('Tornado: which input moves the result most');
  const zh = renderToStaticMarkup(<TornadoPanel gateway={new FakeGateway()} language="zh" />);
  expect(textOf(zh)).toContain('运行龙卷风分析');
});
