/**
 * Every reading of the README table has its Chinese translation for Chinese statements, and
 * every translation belongs to a row of the table: a reading added to or renamed in the README
 * fails here until it is translated.
 */
import { READINGS } from './readings';
import { READINGS_ZH } from './readingsZh';

test('one Chinese translation per README reading, in Chinese', () => {
  expect(Object.keys(READINGS_ZH).sort()).toEqual(READINGS.map((r) => r.where).sort());
  for (const [where, zh] of Object.entries(READINGS_ZH)) {
    expect(zh.where).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.reading).toMatch(/[\u4e00-\u9fff]/);
    // The functions and numbers of the reading are kept (e.g. 4380 and 4416 of the indemnity period).
    const en = READINGS.find((r) => r.where === where)!;
    for (const n of en.reading.match(/\b\d[\d,]{2,}\b/g) ?? []) expect(`${where}: ${zh.reading}`).toContain(n);
  }
});
