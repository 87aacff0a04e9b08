/**
 * The standalone page: the embedded workbook on the left, the same task pane as in Excel on the
 * right, talking to the workbook through the workbench gateway. Opening a file or starting a new
 * workbook replaces the model, and with it the gateway and the pane (as Excel reloads a pane
 * for another workbook).
 */
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App } from '../taskpane/App';
import type { HostInfo } from '../taskpane/officeGateway';
import { clearAutosave, createAutosave, readAutosave, restoreAutosave } from './autosave';
import { loadExcelJS } from './excel';
import { SaveWarningsDialog, UnsavedDialog } from './GridMenus';
import { WorkbenchModel } from './model';
import { modelOps } from './ops';
import { WORKBENCH_TEXT, workbenchLanguage } from './uiText';
import { Workbench } from './Workbench';
import { createWorkbenchGateway } from './workbenchGateway';
import { stateProblemsLine } from './stateValidate';
import { copyFileName, openXlsx, saveWarnings, saveXlsx, type SaveWarning, sheetsWithFilteredRows, UnpatchableSheetError, writeNewXlsx } from './xlsx';

const useStyles = makeStyles({
  page: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalM, minHeight: '100vh', boxSizing: 'border-box' },
  pane: { width: '440px', flexShrink: 0, overflowX: 'hidden', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, maxHeight: 'calc(100vh - 24px)', overflowY: 'auto', position: 'sticky', top: 0 },
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, flexGrow: 1, minWidth: 0 },
});

export interface LoadedWorkbook {
  readonly model: WorkbenchModel;
  readonly fileName: string;
}

export interface WorkbenchPageProps {
  readonly initial: LoadedWorkbook;
  /** What the host detection found; inside Office the add-in's own pane should be used. */
  readonly host: HostInfo;
}

function download(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes.slice()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Where the autosave keeps the file name next to W1's snapshot (the browser's storage only, never sent anywhere). */
const NAME_KEY = 'cyberbi.workbench.autosave.fileName';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function WorkbenchPage({ initial, host }: WorkbenchPageProps) {
  const styles = useStyles();
  const language = useMemo(() => workbenchLanguage(), []);
  const text = WORKBENCH_TEXT[language];
  const [book, setBook] = useState<LoadedWorkbook & { generation: number }>(() => {
    // What opening the file wrote is not an edit: nothing to undo, nothing unsaved.
    modelOps(initial.model).resetHistory();
    return { ...initial, generation: 0 };
  });
  const [message, setMessage] = useState<string | undefined>();
  const gateway = useMemo(() => createWorkbenchGateway(book.model), [book.model]);
  const ops = useMemo(() => modelOps(book.model), [book.model]);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  // An autosaved workbook from a previous visit (a crash, a reload): offered before autosaving starts again.
  const [offer, setOffer] = useState(() => {
    const store = storage();
    if (!store) return null;
    try {
      return readAutosave(store);
    } catch {
      return null;
    }
  });

  useEffect(() => {
    const update = () => setDirty(ops.dirty());
    update();
    const a = ops.onHistoryChanged(update);
    const b = book.model.subscribe(update);
    return () => {
      a();
      b();
    };
  }, [book.model, ops]);

  const autosave = useRef<ReturnType<typeof createAutosave> | null>(null);
  useEffect(() => {
    const store = storage();
    if (!store || offer) return undefined;
    const saver = createAutosave(book.model, store, { onError: (m: string) => setMessage(m) });
    autosave.current = saver;
    store.setItem(NAME_KEY, book.fileName);
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      saver.stop();
      if (autosave.current === saver) autosave.current = null;
    };
  }, [book.model, book.fileName, offer]);

  // Closing or reloading the tab with unsaved changes: the browser asks.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!modelOps(book.model).dirty()) return;
      autosave.current?.flush();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [book.model]);

  const replace = useCallback((next: LoadedWorkbook, options: { keepHistory?: boolean } = {}) => {
    if (!options.keepHistory) {
      modelOps(next.model).resetHistory();
      // The work was discarded (or saved): its autosaved copy goes too.
      autosave.current?.clear();
    }
    setBook((old) => {
      old.model.destroy();
      return { ...next, generation: old.generation + 1 };
    });
  }, []);

  /** Runs `action` now, or after the user chose to discard the unsaved changes. */
  const guard = useCallback(
    (action: () => void) => {
      if (ops.dirty()) setPending(() => action);
      else action();
    },
    [ops],
  );

  const onOpen = useCallback(
    (file: File) => {
      guard(() => {
        setMessage(text.opening(file.name));
        void (async () => {
          try {
            const model = await openXlsx(new Uint8Array(await file.arrayBuffer()), await loadExcelJS());
            replace({ model, fileName: file.name });
            // What was dropped of the file's stored workbench state (src/workbench/stateValidate.ts), if anything.
            setMessage(stateProblemsLine(model, language));
          } catch (e) {
            setMessage(text.openFailed(file.name, e instanceof Error ? e.message : String(e)));
          }
        })();
      });
    },
    [guard, replace, text, language],
  );

  const write = useCallback(
    async (asCopy: boolean): Promise<boolean> => {
      const name = book.fileName.endsWith('.xlsx') ? book.fileName : `${book.fileName}.xlsx`;
      const target = asCopy ? copyFileName(name) : name;
      try {
        const ExcelJS = await loadExcelJS();
        try {
          download(await saveXlsx(book.model, ExcelJS), target);
          setMessage(text.saved(target));
        } catch (e) {
          // A sheet the in-place writer cannot edit: never drop the edit, write a new workbook
          // under another name so the opened file is not replaced by something poorer.
          if (!(e instanceof UnpatchableSheetError)) throw e;
          download(await writeNewXlsx(book.model, ExcelJS), copyFileName(name));
          const filtered = sheetsWithFilteredRows(book.model);
          setMessage(filtered.length > 0 ? `${text.savedAsNew(copyFileName(name))}. ${text.filtersNotKept(filtered)}` : text.savedAsNew(copyFileName(name)));
        }
        ops.markSaved();
        autosave.current?.clear();
        return true;
      } catch (e) {
        setMessage(text.saveFailed(e instanceof Error ? e.message : String(e)));
        return false;
      }
    },
    [book, ops, text],
  );

  // What saving cannot keep of the opened file is said before anything is written.
  const [warned, setWarned] = useState<{ warnings: SaveWarning[]; then?: () => void } | null>(null);
  const save = useCallback(
    (then?: () => void) => {
      const warnings = saveWarnings(book.model);
      if (warnings.length > 0) setWarned({ warnings, then });
      else void write(false).then((ok) => ok && then?.());
    },
    [book, write],
  );

  const onSave = useCallback(() => save(), [save]);

  // The model rebuilt its engine after HyperFormula failed an undo: the history is gone; say so.
  useEffect(() => {
    let last = book.model.historyProblem;
    return ops.onHistoryChanged(() => {
      const now = book.model.historyProblem;
      if (now && now !== last) setMessage(now);
      last = now;
    });
  }, [book.model, ops]);

  const onNew = useCallback(() => guard(() => replace({ model: WorkbenchModel.blank(), fileName: 'Book1.xlsx' })), [guard, replace]);

  const restore = () => {
    if (!offer) return;
    try {
      const model = restoreAutosave(offer);
      replace({ model, fileName: storage()?.getItem(NAME_KEY) ?? 'Book1.xlsx' }, { keepHistory: true });
      const dropped = stateProblemsLine(model, language);
      if (dropped) setMessage(dropped);
    } catch (e) {
      setMessage(text.openFailed('autosave', e instanceof Error ? e.message : String(e)));
    }
    setOffer(null);
  };
  const discardOffer = () => {
    const store = storage();
    if (store) clearAutosave(store);
    setOffer(null);
  };

  return (
    <FluentProvider theme={webLightTheme} lang={language === 'zh' ? 'zh-CN' : 'en'}>
      <div className={styles.page}>
        <main className={styles.main}>
          {host.inOffice && (
            <MessageBar intent="warning">
              <MessageBarBody>{text.standalone(host.host ?? 'Office')}</MessageBarBody>
            </MessageBar>
          )}
          {offer && (
            <MessageBar intent="info" data-testid="autosave-offer">
              <MessageBarBody>{text.autosaveFound(new Date(offer.savedAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en'))}</MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" onClick={restore}>
                  {text.restore}
                </Button>
                <Button onClick={discardOffer}>{text.discardAutosave}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <Workbench key={book.generation} model={book.model} fileName={book.fileName} onOpen={onOpen} onSave={onSave} onNew={onNew} message={message} language={language} dirty={dirty} />
        </main>
        <aside className={styles.pane} aria-label="Task pane">
          <App key={book.generation} gateway={gateway} />
        </aside>
      </div>
      <UnsavedDialog
        open={pending !== null}
        text={text}
        onCancel={() => setPending(null)}
        onDiscard={() => {
          const action = pending;
          setPending(null);
          action?.();
        }}
        onSave={() => {
          const action = pending ?? undefined;
          setPending(null);
          save(action);
        }}
      />
      <SaveWarningsDialog
        warnings={warned?.warnings ?? null}
        language={language}
        text={text}
        onCancel={() => setWarned(null)}
        onSaveAnyway={() => {
          const then = warned?.then;
          setWarned(null);
          void write(false).then((ok) => ok && then?.());
        }}
        onSaveCopy={() => {
          const then = warned?.then;
          setWarned(null);
          void write(true).then((ok) => ok && then?.());
        }}
      />
    </FluentProvider>
  );
}
