/** The windowed list's arithmetic: a bounded number of rows for any list length or scroll position. */
import { listWindow } from './listWindow';

const base = { viewport: 480, rowHeight: 56, overscan: 5 };

test('at the top: the rows in view plus the overscan below, a spacer for the rest', () => {
  const w = listWindow({ ...base, scrollTop: 0, count: 20000 });
  expect(w).toEqual({ start: 0, end: 15, padTop: 0, padBottom: (20000 - 15) * 56 });
});

test('scrolled into the middle: the rows around the position, spacers keep the full height', () => {
  const w = listWindow({ ...base, scrollTop: 56 * 10000 + 20, count: 20000 });
  expect(w.start).toBe(10000 - 5);
  expect(w.end).toBe(10000 + 10 + 5);
  expect(w.padTop + (w.end - w.start) * 56 + w.padBottom).toBe(20000 * 56);
});

test('at the very end (and past it): the last rows, never an empty window', () => {
  for (const scrollTop of [20000 * 56 - 480, 20000 * 56, 1e12]) {
    const w = listWindow({ ...base, scrollTop, count: 20000 });
    expect(w.end).toBe(20000);
    expect(w.end - w.start).toBeGreaterThanOrEqual(10);
    expect(w.padBottom).toBe(0);
  }
});

test('the number of rendered rows is bounded whatever the list length and position', () => {
  const bound = Math.ceil(480 / 56) + 1 + 2 * 5;
  for (const count of [0, 1, 7, 20, 1000, 20000, 1_000_000]) {
    for (const scrollTop of [0, 123, 56 * 500, 56 * count, -50, NaN, Infinity]) {
      const w = listWindow({ ...base, scrollTop, count });
      expect(w.start).toBeGreaterThanOrEqual(0);
      expect(w.end).toBeLessThanOrEqual(count);
      expect(w.start).toBeLessThanOrEqual(w.end);
      expect(w.end - w.start).toBeLessThanOrEqual(Math.min(count, bound));
      expect(w.padTop + (w.end - w.start) * 56 + w.padBottom).toBe(count * 56);
    }
  }
});

test('a short list is rendered whole', () => {
  expect(listWindow({ ...base, scrollTop: 0, count: 3 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
  expect(listWindow({ ...base, scrollTop: 0, count: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
});
