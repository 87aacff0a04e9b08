import { excelText } from './textFormat';

// The 12-hour markers as Excel-saved workbooks cache them: a/p in lower case ("2:35:27 p"), A/P in
// capitals, and AM/PM in capitals however it is written (am/pm too).
describe('TEXT: the 12-hour markers as Excel shows them', () => {
  const t = 0.6079513888888889; // 14:35:27
  it.each<[string, number, string]>([
    ['hh:mm:ss a/p', t, '02:35:27 p'],
    ['hh:mm:ss A/P', t, '02:35:27 P'],
    ['h:mm am/pm', t, '2:35 PM'],
    ['h:mm AM/PM', t, '2:35 PM'],
    ['h:mm a/p', 0.25, '6:00 a'],
    ['yyyy-mm-dd h:mm a/p', 45659.25, '2025-01-02 6:00 a'],
    ['h "a/p" a/p', t, '2 a/p p'],
  ])('%s of %d is %s', (code, value, expected) => {
    expect(excelText(value, code)).toBe(expected);
  });
});
