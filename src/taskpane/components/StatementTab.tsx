import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { isSingleCell, qualify } from '../addresses';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { loadDetails, loadStatements, NoFormula, refreshStatement, saveDetails, writeStatement, type Statement, type StatementDetails, type StatementRecord, type Written } from '../statement';
import { StatementPrintView } from './StatementView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS, minWidth: 0 },
  line: { overflowWrap: 'anywhere' },
});

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'success' | 'error' | 'warning'; text: string };

function failure(e: unknown, language: Language): string {
  const t = UI_TEXT[language].statement;
  if (e instanceof NoFormula) return t.noFormula;
  return t.failed(e instanceof Error ? e.message : String(e));
}

/**
 * One action that writes the statement of a cell: the button of the Explain tab (the selected
 * cell) and of the Templates tab (the model's total), with the workbook's stored insured and
 * incident. After writing it offers the print view.
 */
export function StatementAction({
  gateway,
  language,
  address,
  templateId,
  label,
  onWritten,
}: {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  /** Sheet-qualified cell. */
  readonly address: string;
  readonly templateId?: string;
  readonly label?: string;
  /**
   * Told of a statement written. Writing a sheet selects it, so a tab that follows the selection
   * (Explain) shows the outcome itself with {@link StatementNotice}: this button may be gone by then.
   */
  readonly onWritten?: (w: Written) => void;
}) {
  const styles = useStyles();
  const t = UI_TEXT[language].statement;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [printed, setPrinted] = useState<Statement | undefined>();
  const [last, setLast] = useState<Statement | undefined>();
  useEffect(() => {
    setStatus({ kind: 'idle' });
    setLast(undefined);
  }, [address]);
  async function write() {
    setStatus({ kind: 'busy' });
    try {
      const w = await writeStatement(gateway, address, { language, templateId });
      if (onWritten) {
        setStatus({ kind: 'idle' });
        onWritten(w);
        return;
      }
      setLast(w.statement);
      setStatus({ kind: w.listDamaged ? 'warning' : 'success', text: `${t.written(w.sheet)}${w.listDamaged ? ` ${t.listDamaged}` : ''}` });
    } catch (e) {
      setStatus({ kind: 'error', text: failure(e, language) });
    }
  }
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button size="small" disabled={status.kind === 'busy'} onClick={() => void write()}>
          {label ?? t.fromExplain}
        </Button>
        {last && (
          <Button size="small" onClick={() => setPrinted(last)}>
            {t.printView}
          </Button>
        )}
      </div>
      {status.kind === 'busy' && <Spinner size="tiny" label={t.writing} />}
      {(status.kind === 'success' || status.kind === 'error' || status.kind === 'warning') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {printed && <StatementPrintView statement={printed} onClose={() => setPrinted(undefined)} />}
    </div>
  );
}

/** What a statement written from another tab says: where it went, and its print view. */
export function StatementNotice({ written, language, onDismiss }: { readonly written: Written; readonly language: Language; readonly onDismiss?: () => void }) {
  const styles = useStyles();
  const t = UI_TEXT[language].statement;
  const [printed, setPrinted] = useState(false);
  return (
    <div className={styles.root}>
      <MessageBar intent={written.listDamaged ? 'warning' : 'success'}>
        <MessageBarBody>{`${t.written(written.sheet)}${written.listDamaged ? ` ${t.listDamaged}` : ''}`}</MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Button size="small" onClick={() => setPrinted(true)}>
          {t.printView}
        </Button>
        {onDismiss && (
          <Button size="small" appearance="subtle" onClick={onDismiss}>
            {t.close}
          </Button>
        )}
      </div>
      {printed && <StatementPrintView statement={written.statement} onClose={() => setPrinted(false)} />}
    </div>
  );
}

/**
 * The Statement tab: the insured and incident printed on this workbook's statements, a result
 * cell to write one for, and the statements written, each refreshed in place or opened in the
 * print view.
 */
export function StatementTab({ gateway, language, defaultSource }: { readonly gateway: WorkbookGateway; readonly language: Language; readonly defaultSource?: string }) {
  const styles = useStyles();
  const t = UI_TEXT[language].statement;
  const [details, setDetails] = useState<StatementDetails>({ insured: '', incident: '' });
  const [source, setSource] = useState(defaultSource ?? '');
  const [records, setRecords] = useState<readonly StatementRecord[] | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [printed, setPrinted] = useState<Statement | undefined>();

  const reload = useCallback(async () => {
    const list = await loadStatements(gateway);
    setRecords(list.ok ? list.records : []);
    if (!list.ok) setStatus({ kind: 'warning', text: t.listDamaged });
  }, [gateway, t]);
  useEffect(() => {
    loadDetails(gateway).then(setDetails, () => undefined);
    reload().catch((e: unknown) => setStatus({ kind: 'error', text: failure(e, language) }));
  }, [gateway, reload, language]);
  useEffect(() => {
    if (defaultSource) setSource((s) => s || defaultSource);
  }, [defaultSource]);

  async function useSelected() {
    const cell = await gateway.getSelectedCell();
    if (cell) setSource(cell.address);
  }

  async function run(action: () => Promise<{ sheet: string; listDamaged: boolean }>, done: (sheet: string) => string) {
    setStatus({ kind: 'busy' });
    try {
      await saveDetails(gateway, details);
      const w = await action();
      await reload();
      setStatus({ kind: w.listDamaged ? 'warning' : 'success', text: `${done(w.sheet)}${w.listDamaged ? ` ${t.listDamaged}` : ''}` });
    } catch (e) {
      setStatus({ kind: 'error', text: failure(e, language) });
    }
  }

  async function write() {
    const typed = source.trim();
    if (!isSingleCell(typed)) return setStatus({ kind: 'error', text: UI_TEXT[language].needCell });
    const selected = await gateway.getSelectedCell().catch(() => null);
    const address = typed.includes('!') ? typed : qualify(typed, selected?.sheet ?? '');
    await run(() => writeStatement(gateway, address, { language, details }), t.written);
  }

  const busy = status.kind === 'busy';
  return (
    <div className={styles.root}>
      <Caption1>{t.detailsHint}</Caption1>
      <Field label={t.insured}>
        <Input value={details.insured} onChange={(_, d) => setDetails((x) => ({ ...x, insured: d.value }))} />
      </Field>
      <Field label={t.incident}>
        <Input value={details.incident} onChange={(_, d) => setDetails((x) => ({ ...x, incident: d.value }))} />
      </Field>
      <div className={styles.row}>
        <Field label={t.sourceCell}>
          <Input value={source} onChange={(_, d) => setSource(d.value)} />
        </Field>
        <Button size="small" onClick={() => void useSelected()}>
          {UI_TEXT[language].useSelection}
        </Button>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void write()}>
          {t.write}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t.writing} />}
      {(status.kind === 'success' || status.kind === 'error' || status.kind === 'warning') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2>{t.list}</Subtitle2>
      {records === undefined ? (
        <Spinner size="tiny" />
      ) : records.length === 0 ? (
        <Body1>{t.none}</Body1>
      ) : (
        <div role="list" aria-label={t.list}>
          {records.map((r) => (
            <div key={r.sheet} role="listitem" className={styles.item}>
              <Body1 className={styles.line}>
                <strong>{r.sheet}</strong>
              </Body1>
              <Caption1 className={styles.line}>
                {r.source} · {r.statement?.writtenAtText ?? r.writtenAt}
              </Caption1>
              <div className={styles.row}>
                <Button size="small" disabled={busy} onClick={() => void run(() => refreshStatement(gateway, r, { details }), t.refreshed)}>
                  {t.refresh}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    if (r.statement) setPrinted(r.statement);
                    else setStatus({ kind: 'warning', text: t.noCopy });
                  }}
                >
                  {t.printView}
                </Button>
              </div>
            </div>
          ))}
        </div>
      )}
      {printed && <StatementPrintView statement={printed} onClose={() => setPrinted(undefined)} />}
    </div>
  );
}
