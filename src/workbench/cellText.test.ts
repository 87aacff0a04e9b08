import { displayText, editText, parseTyped } from './cellText';

describe('cell text', () => {
  test.each([
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.1234, '0.00%', '12.34%'],
    [45306, 'yyyy-mm-dd', '2024-01-15'],
    [0.1 + 0.2, undefined, '0.3'],
    [-5, '#,##0', '-5'],
  ])('%p shown with %p is %p', (value, format, text) => {
    expect(displayText(value, format)).toBe(text);
  });

  test('non-numbers', () => {
    expect(displayText(true)).toBe('TRUE');
    expect(displayText({ error: '#VALUE!', message: 'x' })).toBe('#VALUE!');
    expect(displayText(null, '0%')).toBe('');
    expect(displayText('text', '#,##0')).toBe('text');
  });

  test('typing is read as Excel reads it', () => {
    expect(parseTyped('=SUM(A1:A3)')).toEqual({ input: { formula: '=SUM(A1:A3)' } });
    expect(parseTyped('1200000')).toEqual({ input: 1200000 });
    expect(parseTyped('1,200,000.50')).toEqual({ input: 1200000.5, numberFormat: '#,##0.00' });
    expect(parseTyped('12%')).toEqual({ input: 0.12, numberFormat: '0%' });
    expect(parseTyped('2024-01-15')).toEqual({ input: 45306, numberFormat: 'yyyy-mm-dd' });
    expect(parseTyped('true')).toEqual({ input: true });
    expect(parseTyped("'12%")).toEqual({ input: '12%' });
    expect(parseTyped('Revenue')).toEqual({ input: 'Revenue' });
    expect(parseTyped('  ')).toEqual({ input: null });
  });

  test('what the editor shows types back to the same input', () => {
    for (const [input, format] of [[{ formula: '=A1*2' }, undefined], [45306, 'yyyy-mm-dd'], [0.125, '0.00%'], ['12%', undefined], [false, undefined], ['plain', undefined]] as const) {
      const typed = parseTyped(editText(input, format)).input;
      expect(typed).toEqual(input);
    }
  });
});
