/** The pane's word on an interrupted sweep: an offer the user answers, or why a record was dropped. */
import { renderToStaticMarkup } from 'react-dom/server';
import { entryText, PendingRestoreBar } from './App';

test('an offer names the cell, what it holds and what it held, with Restore and Keep buttons', () => {
  const html = renderToStaticMarkup(<PendingRestoreBar pending={{ kind: 'offer', address: 'Claim!C6', original: 8400000, current: 10000, record: '{}' }} language="en" />);
  expect(html).toContain('Claim!C6 still holds 10,000');
  expect(html).toContain('Restore its original entry, 8,400,000?');
  expect(html).toContain('>Restore<');
  expect(html).toContain('>Keep as it is<');
  const zh = renderToStaticMarkup(<PendingRestoreBar pending={{ kind: 'offer', address: 'Claim!C5', original: { formula: '=4000+1000' }, current: 5000, record: '{}' }} language="zh" />);
  expect(zh).toContain('是否恢复为原输入 =4000+1000？');
  expect(zh).toContain('>恢复<');
});

test('a discarded record says why, that nothing changed, and what it was for; no buttons', () => {
  const html = renderToStaticMarkup(<PendingRestoreBar pending={{ kind: 'discarded', reason: 'changed', address: 'Claim!C6', original: 8400000 }} language="en" />);
  expect(html).toContain('the cell has been changed since the run');
  expect(html).toContain('nothing in the workbook was changed');
  expect(html).toContain('Claim!C6 (original entry 8,400,000)');
  expect(html).not.toContain('<button');
  const zh = renderToStaticMarkup(<PendingRestoreBar pending={{ kind: 'discarded', reason: 'notSigned' }} language="zh" />);
  expect(zh).toContain('工作簿未做任何改动');
});

test('entries are shown as text, long ones cut', () => {
  expect(entryText(null, '(empty)')).toBe('(empty)');
  expect(entryText('=cmd', '')).toBe('“=cmd”');
  expect(entryText(true, '')).toBe('TRUE');
  expect(entryText({ formula: `=${'A'.repeat(500)}` }, '')).toHaveLength(201);
});
