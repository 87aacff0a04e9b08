/**
 * Autosave keeps the whole workbook in the browser's storage (here an in-memory Storage) a moment
 * after each change, removes it when nothing is unsaved, restores it, and reports a full storage
 * without throwing.
 */
import { AUTOSAVE_KEY, clearAutosave, createAutosave, readAutosave, restoreAutosave, type StorageLike } from './autosave';
import { WorkbenchModel } from './model';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  quota = Infinity;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('a change is saved after the quiet time, and restores to the same workbook (marked unsaved)', () => {
  const storage = new MemoryStorage();
  const model = WorkbenchModel.blank();
  const saver = createAutosave(model, storage, { delayMs: 1000, now: () => new Date('2026-12-01T10:00:00Z') });
  model.setInput('Sheet1', 0, 0, 1200000);
  model.setInput('Sheet1', 1, 0, { formula: '=A1*2' });
  model.setStyle('Sheet1', 1, 0, { numberFormat: '#,##0', fill: '#FFF2CC' });
  model.setColumnWidths('Sheet1', { A: 22 });
  expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  jest.advanceTimersByTime(999);
  expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  jest.advanceTimersByTime(1);
  const record = readAutosave(storage);
  expect(record?.savedAt).toBe('2026-12-01T10:00:00.000Z');
  const restored = restoreAutosave(record!);
  expect(restored.getInput('Sheet1', 1, 0)).toEqual({ formula: '=A1*2' });
  expect(restored.getValue('Sheet1', 1, 0)).toBe(2400000);
  expect(restored.getStyle('Sheet1', 1, 0)).toEqual({ numberFormat: '#,##0', fill: '#FFF2CC' });
  expect(restored.columnWidths('Sheet1')).toEqual({ A: 22 });
  expect(restored.dirty).toBe(true);
  saver.stop();
});

test('saved or undone back to clean: the stored copy is removed; stop and clear', () => {
  const storage = new MemoryStorage();
  const model = WorkbenchModel.blank();
  const saver = createAutosave(model, storage, { delayMs: 10 });
  model.setInput('Sheet1', 0, 0, 1);
  expect(saver.flush()).toBe(true);
  expect(readAutosave(storage)).not.toBeNull();
  model.undo();
  jest.advanceTimersByTime(10);
  expect(readAutosave(storage)).toBeNull();
  model.redo();
  jest.advanceTimersByTime(10);
  expect(readAutosave(storage)).not.toBeNull();
  model.markSaved();
  jest.advanceTimersByTime(10);
  expect(readAutosave(storage)).toBeNull();
  model.setInput('Sheet1', 0, 0, 2);
  saver.flush();
  saver.clear();
  expect(readAutosave(storage)).toBeNull();
  saver.stop();
  model.setInput('Sheet1', 0, 0, 3);
  jest.advanceTimersByTime(100);
  expect(readAutosave(storage)).toBeNull();
});

test('a full storage is reported, never thrown; an unreadable record reads as none', () => {
  const storage = new MemoryStorage();
  storage.quota = 10;
  const model = WorkbenchModel.blank();
  const errors: string[] = [];
  const saver = createAutosave(model, storage, { delayMs: 5, onError: (m) => errors.push(m) });
  expect(() => model.setInput('Sheet1', 0, 0, 1)).not.toThrow();
  expect(() => jest.advanceTimersByTime(5)).not.toThrow();
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/storage for this page is full/);
  expect(saver.lastError).toBe(errors[0]);
  expect(saver.flush()).toBe(false);
  storage.quota = Infinity;
  expect(saver.flush()).toBe(true);
  expect(saver.lastError).toBeUndefined();
  saver.stop();
  storage.items.set(AUTOSAVE_KEY, '{not json');
  expect(readAutosave(storage)).toBeNull();
  storage.items.set(AUTOSAVE_KEY, JSON.stringify({ savedAt: 'x', snapshot: { format: 'other' } }));
  expect(readAutosave(storage)).toBeNull();
  clearAutosave(storage);
  expect(storage.items.size).toBe(0);
  const throwing: StorageLike = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined, removeItem: () => { throw new Error('denied'); } };
  expect(readAutosave(throwing)).toBeNull();
  expect(() => clearAutosave(throwing)).not.toThrow();
});
