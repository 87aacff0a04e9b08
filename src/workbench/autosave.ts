/**
 * Autosave: the whole workbook ({@link WorkbenchModel.snapshot}) kept in the browser's own storage
 * (localStorage) a moment after each change, so a crash or a reload can offer it back. It is never
 * sent anywhere. The storage is passed in (anything with getItem/setItem/removeItem), so this
 * runs in Node's tests as in the page.
 *
 * A full storage (the browser's quota) or a storage that refuses writes (private mode) is reported
 * through `onError` with a sentence for the user; nothing here throws into the UI.
 */
import { WorkbenchModel, type WorkbookSnapshot } from './model';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'cyberbi.workbench.autosave';

export interface AutosaveRecord {
  /** ISO time of the save. */
  readonly savedAt: string;
  readonly snapshot: WorkbookSnapshot;
}

export interface AutosaveOptions {
  readonly key?: string;
  /** Quiet time after the last change before saving, in ms. */
  readonly delayMs?: number;
  /** Told when a save failed (storage full or refused); the message is for the user. */
  readonly onError?: (message: string) => void;
  /** Told after each successful save. */
  readonly onSaved?: (savedAt: string) => void;
  readonly now?: () => Date;
}

export interface Autosave {
  /** Saves now if there is anything unsaved (page hide, before unload). Returns false when the save failed. */
  flush(): boolean;
  /** Stops listening (the pending save is dropped). */
  stop(): void;
  /** Removes the stored copy (after the user saved, chose New, or discarded the offer). */
  clear(): void;
  /** The last save's outcome. */
  readonly lastError: string | undefined;
}

function isQuota(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: string; code?: number };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Why a save failed, as the user reads it. */
export function autosaveErrorMessage(e: unknown): string {
  if (isQuota(e)) return "Autosave failed: the browser's storage for this page is full. Save the workbook as .xlsx to keep your work.";
  return `Autosave failed: the browser refused to store the workbook (${e instanceof Error ? e.message : String(e)}). Save the workbook as .xlsx to keep your work.`;
}

/**
 * Starts autosaving `model` into `storage`: a change makes a save due after `delayMs` of quiet;
 * a workbook without unsaved changes (just opened, saved, or undone back to that) is not stored,
 * and its stored copy is removed.
 */
export function createAutosave(model: WorkbenchModel, storage: StorageLike, options: AutosaveOptions = {}): Autosave {
  const storeKey = options.key ?? AUTOSAVE_KEY;
  const delay = options.delayMs ?? 1500;
  const now = options.now ?? (() => new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastError: string | undefined;
  let stopped = false;

  const save = (): boolean => {
    timer = undefined;
    if (stopped) return false;
    try {
      if (!model.dirty) {
        storage.removeItem(storeKey);
        return true;
      }
      const savedAt = now().toISOString();
      const record: AutosaveRecord = { savedAt, snapshot: model.snapshot() };
      storage.setItem(storeKey, JSON.stringify(record));
      lastError = undefined;
      options.onSaved?.(savedAt);
      return true;
    } catch (e) {
      lastError = autosaveErrorMessage(e);
      try {
        options.onError?.(lastError);
      } catch {
        /* a failing listener must not break editing */
      }
      return false;
    }
  };

  const schedule = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delay);
  };
  const offChange = model.subscribe(schedule);
  const offHistory = model.onHistoryChanged(schedule);

  return {
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      return save();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      offChange();
      offHistory();
    },
    clear() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      clearAutosave(storage, storeKey);
    },
    get lastError() {
      return lastError;
    },
  };
}

/** The stored copy, or null when there is none or it cannot be read. */
export function readAutosave(storage: StorageLike, key: string = AUTOSAVE_KEY): AutosaveRecord | null {
  try {
    const text = storage.getItem(key);
    if (!text) return null;
    const record = JSON.parse(text) as Partial<AutosaveRecord>;
    if (typeof record?.savedAt !== 'string' || record.snapshot?.format !== 'cyberbi-workbench' || record.snapshot.version !== 1) return null;
    return record as AutosaveRecord;
  } catch {
    return null;
  }
}

/** The stored copy as a workbook (marked unsaved: it has not been saved to a file). */
export function restoreAutosave(record: AutosaveRecord): WorkbenchModel {
  const model = WorkbenchModel.fromSnapshot(record.snapshot);
  model.markRestored();
  return model;
}

export function clearAutosave(storage: StorageLike, key: string = AUTOSAVE_KEY): void {
  try {
    storage.removeItem(key);
  } catch {
    /* nothing to do: the copy stays until the storage allows removing it */
  }
}
