/**
 * The standalone page: the embedded workbook on the left, the same task pane as in Excel on the
 * right, talking to the workbook through the workbench gateway. Opening a file or starting a new
 * workbook replaces the model, and with it the gateway and the pane (as Excel reloads a pane
 * for another workbook).
 */
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { App } from '../taskpane/App';
import type { HostInfo } from '../taskpane/officeGateway';
import { loadExcelJS } from './excel';
import { WorkbenchModel } from './model';
import { Workbench } from './Workbench';
import { createWorkbenchGateway } from './workbenchGateway';
import { openXlsx, saveXlsx } from './xlsx';

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

export function WorkbenchPage({ initial, host }: WorkbenchPageProps) {
  const styles = useStyles();
  const [book, setBook] = useState<LoadedWorkbook & { generation: number }>({ ...initial, generation: 0 });
  const [message, setMessage] = useState<string | undefined>();
  const gateway = useMemo(() => createWorkbenchGateway(book.model), [book.model]);

  const replace = useCallback((next: LoadedWorkbook) => {
    setBook((old) => {
      old.model.destroy();
      return { ...next, generation: old.generation + 1 };
    });
  }, []);

  const onOpen = useCallback(
    (file: File) => {
      setMessage(`Opening ${file.name}…`);
      void (async () => {
        try {
          const model = await openXlsx(new Uint8Array(await file.arrayBuffer()), await loadExcelJS());
          replace({ model, fileName: file.name });
          setMessage(undefined);
        } catch (e) {
          setMessage(`${file.name} could not be opened: ${e instanceof Error ? e.message : String(e)}`);
        }
      })();
    },
    [replace],
  );

  const onSave = useCallback(() => {
    void (async () => {
      try {
        download(await saveXlsx(book.model, await loadExcelJS()), book.fileName.endsWith('.xlsx') ? book.fileName : `${book.fileName}.xlsx`);
        setMessage(undefined);
      } catch (e) {
        setMessage(`Saving failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
  }, [book]);

  const onNew = useCallback(() => replace({ model: WorkbenchModel.blank(), fileName: 'Book1.xlsx' }), [replace]);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <main className={styles.main}>
          {host.inOffice && (
            <MessageBar intent="warning">
              <MessageBarBody>This is the standalone workbench; inside {host.host ?? 'Office'} use the cyberbi add-in's task pane instead.</MessageBarBody>
            </MessageBar>
          )}
          <Workbench key={book.generation} model={book.model} fileName={book.fileName} onOpen={onOpen} onSave={onSave} onNew={onNew} message={message} />
        </main>
        <aside className={styles.pane} aria-label="Task pane">
          <App key={book.generation} gateway={gateway} />
        </aside>
      </div>
    </FluentProvider>
  );
}
