/**
 * The two-way table as the pane draws it (markup; no DOM here): a heat map with the column
 * input's values across, the row input's down, each result in its cell coloured from white (the
 * least) to blue (the greatest); the panel in both languages.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FakeGateway } from '../testing/fakeGateway';
import type { TwoWayResult } from '../twoWay';
import { HeatMap, TwoWayPanel } from './TwoWay';

const RESULT: TwoWayResult = {
  setup: { output: 'S!C50', rows: { input: 'S!C6', from: 5_600_000, to: 11_200_000, steps: 3 }, columns: { input: 'S!C11', from: 0, to: 112_000, steps: 2 } },
  rowValues: [5_600_000, 8_400_000, 11_200_000],
  columnValues: [0, 112_000],
  cells: [
    [403_000, 347_000],
    [604_500, null],
    [806_000, 694_000],
  ],
  errors: { '1,1': '#VALUE!' },
};
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the heat map: values across and down, each result coloured by its place between the least and the greatest', () => {
  const html = renderToStaticMarkup(<HeatMap result={RESULT} language="en" />);
  const text = textOf(html);
  expect(text).toContain('White 347,000.00 → blue 806,000.00');
  expect(text).toContain('0.00 112,000.00');
  expect(text).toContain('5,600,000.00 403,000.00 347,000.00');
  expect(text).toContain('8,400,000.00 604,500.00 #VALUE!');
  expect(html).toContain('background-color:#FFFFFF">347,000.00');
  expect(html).toContain('background-color:#5B9BD5">806,000.00');
});

test('the panel in both languages', () => {
  expect(textOf(renderToStaticMarkup(<TwoWayPanel gateway={new FakeGateway()} language="en" />))).toContain('Run two-way table');
  expect(textOf(renderToStaticMarkup(<TwoWayPanel gateway={new FakeGateway()} language="zh" />))).toContain('运行双变量表');
});
