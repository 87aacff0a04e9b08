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

describe('typed numbers are the nearest double of what was typed (issue 12)', () => {
  test.each([
    // Percentages: the decimal 14.3 / 100 = 0.143 exactly, then one rounding to a double.
    ['14.3%', 0.143, '0.00%'],
    ['1.1%', 0.011, '0.00%'],
    ['0.1%', 0.001, '0.00%'],
    ['-7.7%', -0.077, '0.00%'],
    ['12 %', 0.12, '0%'],
    ['1,234.5%', 12.345, '0.00%'],
    ['1.5E+3%', 15, '0.00%'],
    // Thousands separators.
    ['1,234,567.5', 1234567.5, '#,##0.00'],
    ['-1,000', -1000, '#,##0'],
  ])('%s → %p (format %s)', (text, value, format) => {
    expect(parseTyped(text)).toEqual({ input: value, numberFormat: format });
  });

  test.each([
    ['1E5', 100000],
    ['1e5', 100000],
    ['1.5E+6', 1500000],
    ['1.5e+6', 1500000],
    ['1E-300', 1e-300],
    ['1e-300', 1e-300],
    ['2.5E-3', 0.0025],
    ['.5', 0.5],
    ['+3', 3],
    ['-0', 0],
    ['0.1', 0.1],
    ['123456789012345678901234567890', 1.2345678901234568e29],
    ['1.7976931348623157e308', Number.MAX_VALUE],
    ['1e-400', 0],
  ])('%s → %p', (text, value) => {
    const typed = parseTyped(text);
    expect(typed).toEqual({ input: value });
    expect(Object.is(typed.input, -0)).toBe(false);
  });

  test('the result is the double nearest the decimal text, not an arithmetic of doubles', () => {
    // 14.3 / 100 in doubles is 0.14300000000000002; the typed text means 0.143 exactly.
    expect(14.3 / 100).not.toBe(0.143);
    expect(parseTyped('14.3%').input).toBe(0.143);
    expect(1.1 / 100).not.toBe(0.011);
    expect(parseTyped('1.1%').input).toBe(0.011);
    // Every one-decimal percentage from 0.1% to 99.9% equals the literal the same digits spell.
    for (let tenths = 1; tenths < 1000; tenths++) {
      const digits = `${Math.floor(tenths / 10)}.${tenths % 10}`;
      const literal = Number(`${digits}e-2`); // JavaScript's own correctly rounded reading of the decimal
      expect({ digits, value: parseTyped(`${digits}%`).input }).toEqual({ digits, value: literal });
    }
  });

  test.each(['1e400', '-1E400', '1.8e308', '1e99999999999999999999', '2e310%'])('%s is kept as text with a warning, never Infinity', (text) => {
    const typed = parseTyped(text);
    expect(typed.input).toBe(text);
    expect(typed.warning?.en).toMatch(/beyond what a spreadsheet cell can hold/);
    expect(typed.warning?.zh).toMatch(/超出单元格可容纳的范围/);
  });

  test('a percentage that is finite only after dividing by 100 is a number', () => {
    expect(parseTyped('1e310%')).toEqual({ input: 1e308, numberFormat: '0%' });
  });

  test('text that only resembles a number stays text', () => {
    for (const text of ['1,23', '12,3456', '1e', 'e5', '1.2.3', '%', '1%%', '0x10', 'Infinity', 'NaN', '1_000']) {
      expect({ text, typed: parseTyped(text) }).toEqual({ text, typed: { input: text } });
    }
  });
});
