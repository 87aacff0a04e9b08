import { evaluateSheet } from './workbook';

describe('date text', () => {
  // Read the same way by Excel whatever the regional settings.
  it.each<[string, unknown]>([
    ['="2025/1/2"+0', 45659],
    ['="2025-01-02"+0', 45659],
    ['=DATEVALUE("2025-01-02")', 45659],
    ['=DAY("2025/1/2")', 2],
  ])('%s is %j (year first: ISO 8601 and year/month/day)', (formula, expected) => {
    expect(evaluateSheet([[formula]])[0][0]).toEqual(expected);
  });
  // What still differs (README): Excel reads the order of the computer's regional settings (United
  // States and China: month first, "1/2/2025" is 2 January); here day/month/year, as the
  // Excel-saved workbooks measured against were computed (a European computer's order).
  it('is read day/month/year when the year comes last (pinned: Excel follows the regional settings)', () => {
    expect(evaluateSheet([['=DATEVALUE("1/2/2025")', '=DATEVALUE("13/1/2025")', '=DATEVALUE("1/13/2025")']])[0]).toEqual([
      45689,
      45670,
      expect.objectContaining({ error: '#VALUE!' }),
    ]);
  });
});
