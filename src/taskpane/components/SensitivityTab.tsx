import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { DamagedScenarios, saveScenario } from '../scenarios';
import { checkSetup, MAX_POINTS, runSensitivity, sensitivitySheet, SweepCancelled, type SensitivityPoint, type SensitivitySetup } from '../sensitivity';
import { LazySensitivityChart } from './lazyCharts';
import { TornadoPanel } from './Tornado';
import { TwoWayPanel } from './TwoWay';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  narrow: { width: '7em' },
});

export interface SensitivityTabProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  /** A saved setup to open (a scenario). */
  readonly request?: SensitivitySetup;
  /** The result cell of the last model built, offered as the result cell. */
  readonly defaultOutput?: string;
}

interface Entries {
  input: string;
  output: string;
  from: string;
  to: string;
  steps: string;
}

const toEntries = (s: SensitivitySetup): Entries => ({ input: s.input, output: s.output, from: String(s.from), to: String(s.to), steps: String(s.steps) });
const num = (t: string) => (t.trim() === '' ? NaN : Number(t.replace(/[\s,_]/g, '')));

type Status = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'success' | 'error' | 'warning'; text: string };

/** Sweep an input cell across a range of values; the payout curve; the input always restored. */
export function SensitivityTab({ gateway, language, request, defaultOutput }: SensitivityTabProps) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  const [entries, setEntries] = useState<Entries>(() => (request ? toEntries(request) : { input: '', output: defaultOutput ?? '', from: '', to: '', steps: '11' }));
  const [points, setPoints] = useState<SensitivityPoint[]>([]);
  const [writeTable, setWriteTable] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [scenarioName, setScenarioName] = useState('');
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (request) setEntries(toEntries(request));
  }, [request]);
  useEffect(() => {
    if (defaultOutput) setEntries((e) => (e.output ? e : { ...e, output: defaultOutput }));
  }, [defaultOutput]);
  // Closing the pane (unmounting) cancels a run; its finally block restores the input.
  useEffect(() => () => controller.current?.abort(), []);

  const setup = { input: entries.input.trim(), output: entries.output.trim(), from: num(entries.from), to: num(entries.to), steps: num(entries.steps) };
  const problems = checkSetup(setup);
  const problemText = (k: keyof SensitivitySetup) => {
    const p = problems[k];
    if (!p || (entries[k] === '' && status.kind === 'idle')) return undefined;
    return p === 'stepsRange' ? text.stepsRange(MAX_POINTS) : text[p];
  };

  async function useSelected(field: 'input' | 'output') {
    const cell = await gateway.getSelectedCell();
    if (cell) setEntries((e) => ({ ...e, [field]: cell.address }));
  }

  async function run() {
    if (Object.keys(problems).length) {
      setStatus({ kind: 'error', text: Object.keys(problems).map((k) => problemText(k as keyof SensitivitySetup) ?? text.needCell)[0] });
      return;
    }
    const selected = await gateway.getSelectedCell().catch(() => null);
    const abort = new AbortController();
    controller.current = abort;
    setPoints([]);
    setStatus({ kind: 'running', done: 0, total: setup.steps });
    const collected: SensitivityPoint[] = [];
    try {
      await runSensitivity(gateway, setup, {
        signal: abort.signal,
        sheet: selected?.sheet,
        onPoint: (p, i, total) => {
          collected.push(p);
          setPoints([...collected]);
          setStatus({ kind: 'running', done: i + 1, total });
        },
      });
      if (writeTable) {
        const name = await gateway.addSheet(
          sensitivitySheet(setup, collected, { title: text.chartTitle, input: text.inputValue, output: text.payout, sheet: text.sensitivitySheet, chart: text.chartTitle }),
        );
        setStatus({ kind: 'success', text: `${text.finished(setup.input)} ${text.tableWritten(name)}` });
      } else {
        setStatus({ kind: 'success', text: text.finished(setup.input) });
      }
    } catch (e) {
      if (e instanceof SweepCancelled) setStatus({ kind: 'warning', text: text.cancelled(setup.input) });
      else setStatus({ kind: 'error', text: text.failedRestored(e instanceof Error ? e.message : String(e), setup.input) });
    } finally {
      controller.current = null;
    }
  }

  async function save() {
    const name = scenarioName.trim();
    if (!name) return setStatus({ kind: 'error', text: text.scenarioNameRequired });
    if (Object.keys(problems).length) return setStatus({ kind: 'error', text: text.needCell });
    try {
      await saveScenario(gateway, { name, kind: 'sensitivity', setup, savedAt: new Date().toISOString() });
      setStatus({ kind: 'success', text: text.scenarioSaved(name) });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof DamagedScenarios ? text.damagedSaveBlocked : String(e) });
    }
  }

  const running = status.kind === 'running';
  const field = (k: keyof Entries, label: string, narrow = false) => (
    <Field label={label} validationMessage={problemText(k)} validationState={problemText(k) ? 'error' : 'none'}>
      <Input className={narrow ? styles.narrow : undefined} value={entries[k]} disabled={running} onChange={(_, d) => setEntries((e) => ({ ...e, [k]: d.value }))} />
    </Field>
  );
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        {field('input', text.inputCell)}
        <Button size="small" disabled={running} onClick={() => void useSelected('input')}>
          {text.useSelection}
        </Button>
      </div>
      <div className={styles.row}>
        {field('output', text.outputCell)}
        <Button size="small" disabled={running} onClick={() => void useSelected('output')}>
          {text.useSelection}
        </Button>
      </div>
      <div className={styles.row}>
        {field('from', text.from, true)}
        {field('to', text.to, true)}
        {field('steps', text.stepCount, true)}
      </div>
      <Checkbox label={text.writeTable} checked={writeTable} disabled={running} onChange={(_, d) => setWriteTable(d.checked === true)} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {text.run}
        </Button>
        {running && <Button onClick={() => controller.current?.abort()}>{text.cancel}</Button>}
      </div>
      {running && <Spinner size="tiny" label={text.running(status.done, status.total)} />}
      {(status.kind === 'success' || status.kind === 'error' || status.kind === 'warning') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {points.length > 0 && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <LazySensitivityChart points={points} xLabel={text.inputValue} yLabel={text.payout} />
        </Suspense>
      )}
      <div className={styles.row}>
        <Field label={text.scenarioName}>
          <Input value={scenarioName} onChange={(_, d) => setScenarioName(d.value)} />
        </Field>
        <Button onClick={() => void save()}>{text.saveSensitivityScenario}</Button>
      </div>
      <TornadoPanel gateway={gateway} language={language} defaultOutput={defaultOutput} />
      <TwoWayPanel gateway={gateway} language={language} defaultOutput={defaultOutput} />
    </div>
  );
}
