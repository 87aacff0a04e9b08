import { Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { SweepCancelled } from '../sensitivity';
import { figureText } from '../statement';
import { checkTwoWay, heatColour, MAX_TWO_WAY_POINTS, range, runTwoWay, twoWaySheet, type TwoWayResult } from '../twoWay';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  narrow: { width: '7em' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  map: { borderCollapse: 'collapse', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  head: { backgroundColor: '#D9E1F2', border: '1px solid #bbb', padding: '2px 4px', textAlign: 'right', whiteSpace: 'nowrap' },
  cell: { border: '1px solid #ddd', padding: '2px 4px', textAlign: 'right', whiteSpace: 'nowrap' },
});

/** The table as a heat map: one coloured cell per pair, white at the least result, blue at the greatest. */
export function HeatMap({ result, language }: { readonly result: TwoWayResult; readonly language: Language }) {
  const styles = useStyles();
  const t = UI_TEXT[language].twoWay;
  const { min, max } = range(result);
  return (
    <>
      <Caption1>{t.legend(figureText(min, 'money'), figureText(max, 'money'))}</Caption1>
      <div className={styles.scroll}>
        <table className={styles.map} aria-label={t.sheetTitle}>
          <thead>
            <tr>
              <th className={styles.head} scope="col">
                {t.rows} ↓ · {t.columns} →
              </th>
              {result.columnValues.map((v) => (
                <th key={v} className={styles.head} scope="col">
                  {figureText(v)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rowValues.map((rv, r) => (
              <tr key={rv}>
                <th className={styles.head} scope="row">
                  {figureText(rv)}
                </th>
                {result.columnValues.map((_, c) => {
                  const y = result.cells[r]?.[c] ?? null;
                  return (
                    <td key={c} className={styles.cell} style={{ backgroundColor: heatColour(y, min, max) }}>
                      {y === null ? (result.errors[`${r},${c}`] ?? '—') : figureText(y, 'money')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Status = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'success' | 'error' | 'warning'; text: string };
const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(/[\s,_]/g, '')));

/** The two-way table of the Sensitivity tab. */
export function TwoWayPanel({ gateway, language, defaultOutput }: { readonly gateway: WorkbookGateway; readonly language: Language; readonly defaultOutput?: string }) {
  const styles = useStyles();
  const t = UI_TEXT[language].twoWay;
  const ui = UI_TEXT[language];
  const [e, setE] = useState({ output: defaultOutput ?? '', rowInput: '', rowFrom: '', rowTo: '', rowSteps: '5', colInput: '', colFrom: '', colTo: '', colSteps: '5' });
  const [writeTable, setWriteTable] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<TwoWayResult | undefined>();
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    if (defaultOutput) setE((x) => (x.output ? x : { ...x, output: defaultOutput }));
  }, [defaultOutput]);
  // Closing the pane cancels a run; both inputs are put back (and the records cover a hard stop).
  useEffect(() => () => controller.current?.abort(), []);

  async function run() {
    const setup = {
      output: e.output.trim(),
      rows: { input: e.rowInput.trim(), from: num(e.rowFrom), to: num(e.rowTo), steps: num(e.rowSteps) },
      columns: { input: e.colInput.trim(), from: num(e.colFrom), to: num(e.colTo), steps: num(e.colSteps) },
    };
    const problem = checkTwoWay(setup);
    if (problem) return setStatus({ kind: 'error', text: problem.problem === 'stepsRange' ? t.problems.stepsRange(MAX_TWO_WAY_POINTS) : t.problems[problem.problem] });
    const selected = await gateway.getSelectedCell().catch(() => null);
    const abort = new AbortController();
    controller.current = abort;
    setResult(undefined);
    setStatus({ kind: 'running', done: 0, total: setup.rows.steps });
    try {
      const r = await runTwoWay(gateway, setup, { signal: abort.signal, sheet: selected?.sheet, onRow: (done, total) => setStatus({ kind: 'running', done, total }) });
      setResult(r);
      let text = t.finished;
      if (writeTable) text = `${text} ${t.tableWritten(await gateway.addSheet(twoWaySheet(r, { title: t.sheetTitle, sheet: t.sheet, rows: t.rows, columns: t.columns, output: t.result })))}`;
      setStatus({ kind: 'success', text });
    } catch (err) {
      if (err instanceof SweepCancelled) setStatus({ kind: 'warning', text: t.cancelled });
      else setStatus({ kind: 'error', text: t.failed(err instanceof Error ? err.message : String(err)) });
    } finally {
      controller.current = null;
    }
  }

  const running = status.kind === 'running';
  const field = (k: keyof typeof e, label: string, narrow = false) => (
    <Field label={label}>
      <Input className={narrow ? styles.narrow : undefined} value={e[k]} disabled={running} onChange={(_, d) => setE((x) => ({ ...x, [k]: d.value }))} />
    </Field>
  );
  const useSelected = (k: 'output' | 'rowInput' | 'colInput') => void gateway.getSelectedCell().then((c) => c && setE((x) => ({ ...x, [k]: c.address })));
  return (
    <section className={styles.root} aria-label={t.title}>
      <Subtitle2>{t.title}</Subtitle2>
      <Caption1>{t.hint}</Caption1>
      {(
        [
          ['output', t.output],
          ['rowInput', t.rowInput],
          ['colInput', t.columnInput],
        ] as const
      ).map(([k, label]) => (
        <div key={k} className={styles.row}>
          {field(k, label)}
          <Button size="small" disabled={running} onClick={() => useSelected(k)}>
            {ui.useSelection}
          </Button>
          {k === 'rowInput' && (
            <>
              {field('rowFrom', ui.from, true)}
              {field('rowTo', ui.to, true)}
              {field('rowSteps', ui.stepCount, true)}
            </>
          )}
          {k === 'colInput' && (
            <>
              {field('colFrom', ui.from, true)}
              {field('colTo', ui.to, true)}
              {field('colSteps', ui.stepCount, true)}
            </>
          )}
        </div>
      ))}
      <Checkbox label={ui.writeTable} checked={writeTable} disabled={running} onChange={(_, d) => setWriteTable(d.checked === true)} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {t.run}
        </Button>
        {running && <Button onClick={() => controller.current?.abort()}>{ui.cancel}</Button>}
      </div>
      {running && <Spinner size="tiny" label={t.running(status.done, status.total)} />}
      {(status.kind === 'success' || status.kind === 'error' || status.kind === 'warning') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && <HeatMap result={result} language={language} />}
    </section>
  );
}
