import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { SweepCancelled } from '../sensitivity';
import { figureText } from '../statement';
import { checkTornado, MAX_TORNADO_INPUTS, parseTornadoLines, runTornado, tornadoSheet, type TornadoResult } from '../tornado';
import { qualify } from '../addresses';
import { LazyTornadoChart } from './lazyCharts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  narrow: { width: '6em' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  number: { fontFamily: tokens.fontFamilyMonospace, textAlign: 'right', whiteSpace: 'nowrap' },
});

/** The ranked table under the chart. */
export function TornadoTable({ result, language }: { readonly result: TornadoResult; readonly language: Language }) {
  const styles = useStyles();
  const t = UI_TEXT[language].tornado;
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label={t.sheetTitle}>
        <TableHeader>
          <TableRow>
            {[t.input, t.low, t.high, t.atLow, t.atHigh, t.swing].map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.rows.map((r) => (
            <TableRow key={r.input}>
              <TableCell>{r.input}</TableCell>
              <TableCell className={styles.number}>{figureText(r.low)}</TableCell>
              <TableCell className={styles.number}>{figureText(r.high)}</TableCell>
              <TableCell className={styles.number}>{figureText(r.atLow, 'money')}</TableCell>
              <TableCell className={styles.number}>{figureText(r.atHigh, 'money')}</TableCell>
              <TableCell className={styles.number}>{r.swing === null ? (r.error === 'notNumber' ? t.notNumber : (r.error ?? '—')) : figureText(r.swing, 'money')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

type Status = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'success' | 'error' | 'warning'; text: string };

/** The tornado of the Sensitivity tab: inputs one per line, ± a percentage or a low and a high each. */
export function TornadoPanel({ gateway, language, defaultOutput }: { readonly gateway: WorkbookGateway; readonly language: Language; readonly defaultOutput?: string }) {
  const styles = useStyles();
  const t = UI_TEXT[language].tornado;
  const [output, setOutput] = useState(defaultOutput ?? '');
  const [lines, setLines] = useState('');
  const [percent, setPercent] = useState('10');
  const [writeTable, setWriteTable] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<TornadoResult | undefined>();
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    if (defaultOutput) setOutput((o) => o || defaultOutput);
  }, [defaultOutput]);
  // Closing the pane cancels a run; the input being moved is put back (and the record covers a hard stop).
  useEffect(() => () => controller.current?.abort(), []);

  async function run() {
    const selected = await gateway.getSelectedCell().catch(() => null);
    const sheet = selected?.sheet ?? '';
    const parsed = parseTornadoLines(lines, sheet);
    if ('problem' in parsed) {
      const p = t.problems;
      const text = { needCell: p.badLine(parsed.line), needNumber: p.needNumber(parsed.line), lowHigh: p.lowHigh(parsed.line), tooMany: p.tooMany(MAX_TORNADO_INPUTS), none: p.none, sameCell: p.sameCell, percent: p.percent }[parsed.problem];
      return setStatus({ kind: 'error', text });
    }
    const setup = { output: output.includes('!') ? output.trim() : qualify(output.trim(), sheet), lines: parsed.lines, percent: Number(percent.replace(',', '.')) / 100 };
    const problem = output.trim() === '' ? 'needCell' : checkTornado(setup);
    if (problem) return setStatus({ kind: 'error', text: problem === 'needCell' ? t.problems.needCell : t.problems[problem === 'sameCell' ? 'sameCell' : 'percent'] });
    const abort = new AbortController();
    controller.current = abort;
    setResult(undefined);
    setStatus({ kind: 'running', done: 0, total: setup.lines.length });
    try {
      const r = await runTornado(gateway, setup, { signal: abort.signal, onInput: (done, total) => setStatus({ kind: 'running', done, total }) });
      setResult(r);
      let text = t.finished(r.rows.length);
      if (writeTable) {
        const name = await gateway.addSheet(tornadoSheet(r, { title: t.sheetTitle, sheet: t.sheet, input: t.input, value: t.value, low: t.low, high: t.high, atLow: t.atLow, atHigh: t.atHigh, swing: t.swing, base: t.base }));
        text = `${text} ${t.tableWritten(name)}`;
      }
      setStatus({ kind: 'success', text });
    } catch (e) {
      if (e instanceof SweepCancelled) setStatus({ kind: 'warning', text: t.cancelled });
      else setStatus({ kind: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      controller.current = null;
    }
  }

  const running = status.kind === 'running';
  return (
    <section className={styles.root} aria-label={t.title}>
      <Subtitle2>{t.title}</Subtitle2>
      <Caption1>{t.hint}</Caption1>
      <div className={styles.row}>
        <Field label={t.output}>
          <Input value={output} disabled={running} onChange={(_, d) => setOutput(d.value)} />
        </Field>
        <Button size="small" disabled={running} onClick={() => void gateway.getSelectedCell().then((c) => c && setOutput(c.address))}>
          {UI_TEXT[language].useSelection}
        </Button>
      </div>
      <Field label={t.inputs} hint={t.inputsHint}>
        <Textarea value={lines} disabled={running} rows={4} onChange={(_, d) => setLines(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t.percent}>
          <Input className={styles.narrow} value={percent} disabled={running} onChange={(_, d) => setPercent(d.value)} />
        </Field>
        <Checkbox label={UI_TEXT[language].writeTable} checked={writeTable} disabled={running} onChange={(_, d) => setWriteTable(d.checked === true)} />
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {t.run}
        </Button>
        {running && <Button onClick={() => controller.current?.abort()}>{UI_TEXT[language].cancel}</Button>}
      </div>
      {running && <Spinner size="tiny" label={t.running(status.done, status.total)} />}
      {(status.kind === 'success' || status.kind === 'error' || status.kind === 'warning') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Body1>
            {t.base}: {figureText(result.base, 'money')}
          </Body1>
          <Suspense fallback={<Spinner size="tiny" />}>
            <LazyTornadoChart result={result} language={language} />
          </Suspense>
          <TornadoTable result={result} language={language} />
        </>
      )}
    </section>
  );
}
