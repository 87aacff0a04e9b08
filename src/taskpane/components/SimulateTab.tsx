import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text as FluentText,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { RETURN_PERIODS, type PreparedSimulation, type SimResult, type SimStats } from '../../engine';
import type { CellWrite, WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { buildTemplate, defaultInputs, validateForm } from '../templates/form';
import type { RawInputs } from '../templates/types';
import { closedFormOep, exploreYear, prepare, specOfCell, specOfInputs, type ExploredYear } from '../simulate/analysis';
import type { SimulationSpec, YltHeader, YltRows } from '../simulate/protocol';
import { defaultRunner, SimulationCancelled, SimulationInvalid, SimulationTooLarge, type SimulationRunner } from '../simulate/runner';
import { csvField } from '../simulate/serve';
import { SIMULATION_TEMPLATES } from '../simulate/templates';
import { SIMULATE_TEXT } from '../simulate/text';
import { ExplainView } from './ExplainView';
import { ConvergenceChart, ExceedanceChart } from './SimulationCharts';
import { TemplateForm } from './TemplateForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  number: { fontFamily: tokens.fontFamilyMonospace, textAlign: 'right', whiteSpace: 'nowrap' },
});

/** Years a year-loss-table sheet holds: the host writes it cell by cell in one batch (Excel on the web caps a batch's size). */
export const MAX_SHEET_YEARS = 1000;
/** Lines of CSV text written to a sheet where the host cannot download a file (Excel). */
export const MAX_CSV_SHEET_YEARS = 5000;

export interface SimulateTabProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  /** Where runs go; by default a Web Worker (inline where the page has no Worker). */
  readonly runner?: SimulationRunner;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'busy'; text: string }
  | { kind: 'success' | 'error' | 'warning' | 'info'; text: string };

export interface Run {
  readonly spec: SimulationSpec;
  readonly prepared: PreparedSimulation;
  readonly result: SimResult;
  readonly closed?: ReadonlyArray<readonly [number, number]>;
}

export type Explored = { readonly t: number; readonly found: { readonly year: number; readonly amount: number }; readonly year: ExploredYear };

/** Seed, years, engine version and input hash of a run. */
export function runInfo(run: Run, language: Language): string {
  return SIMULATE_TEXT[language].runInfo(String(run.spec.seed), run.spec.years.toLocaleString('en-US'), run.result.engineVersion, run.result.hash);
}

const STAT_KEYS: ReadonlyArray<keyof SimStats> = ['mean', 'sd', 'se', 'probabilityPaid', 'var90', 'var95', 'var99', 'var995', 'var996', 'tvar99', 'tvar995', 'max', 'meanEvents', 'meanGroundUp'];

export const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function statText(key: keyof SimStats, n: number): string {
  if (key === 'probabilityPaid') return `${(n * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  if (key === 'meanEvents') return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return money(n);
}

/** The year loss table as a sheet: what was run, then one row per year. */
export function yltSheet(name: string, info: string, table: YltRows): { name: string; cells: CellWrite[]; columnWidths: Record<string, number> } {
  const cells: CellWrite[] = [{ address: 'A1', input: name, bold: true }, { address: 'A2', input: info }];
  const letter = (k: number) => (k < 26 ? String.fromCharCode(65 + k) : `${String.fromCharCode(64 + Math.floor(k / 26))}${String.fromCharCode(65 + (k % 26))}`);
  table.header.forEach((h, k) => cells.push({ address: `${letter(k)}4`, input: h, bold: true, fill: '#D9E1F2' }));
  table.rows.forEach((row, i) =>
    row.forEach((v, k) => cells.push({ address: `${letter(k)}${5 + i}`, input: v, numberFormat: k >= 2 ? '#,##0.00' : '0' })),
  );
  return { name, cells, columnWidths: Object.fromEntries(table.header.map((_, k) => [letter(k), k < 2 ? 10 : 18])) };
}

/**
 * The Simulate tab: an annual-loss model per wording (its sheet of live CYBER.SIMULATE cells, or a
 * run here in a Web Worker), the statistics, the AEP/OEP exceedance chart with the closed-form OEP
 * where it applies, the convergence of the AAL, a year explorer re-settling the year at a return
 * period with CYBER.ALLOCATE's trace, and the year loss table as CSV or a sheet.
 */
export function SimulateTab({ gateway, language, runner: given }: SimulateTabProps) {
  const styles = useStyles();
  const ui = UI_TEXT[language];
  const text = SIMULATE_TEXT[language];
  const [templateId, setTemplateId] = useState<string>(SIMULATION_TEMPLATES[0].id);
  const [inputs, setInputs] = useState<Record<string, RawInputs>>({});
  const [cover, setCover] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [run, setRun] = useState<Run | undefined>();
  const [period, setPeriod] = useState(100);
  const [explored, setExplored] = useState<Explored | undefined>();
  const runnerRef = useRef<SimulationRunner | null>(null);
  const controller = useRef<AbortController | null>(null);
  const runner = () => (runnerRef.current ??= given ?? defaultRunner());
  // Closing the pane ends the worker (and whatever it was running).
  useEffect(
    () => () => {
      controller.current?.abort();
      runnerRef.current?.dispose();
    },
    [],
  );

  const template = SIMULATION_TEMPLATES.find((t) => t.id === templateId) ?? SIMULATION_TEMPLATES[0];
  const current = useMemo(() => ({ ...defaultInputs(template), ...(inputs[template.id] ?? {}) }), [template, inputs]);
  const validation = useMemo(() => validateForm(template, current), [template, current]);
  const coverIds = validation.ok ? template.inputs(validation.values).covers.map((r) => String(r[0])) : [];
  const change = (key: string, value: string | boolean) => setInputs((all) => ({ ...all, [template.id]: { ...(all[template.id] ?? {}), [key]: value } }));
  const busy = status.kind === 'running' || status.kind === 'busy';

  /** Runs `request` in the worker with progress and cancel; undefined when cancelled or failed (status says why). */
  async function inWorker<T>(work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>, total: number): Promise<T | undefined> {
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: 'running', done: 0, total });
    try {
      return await work(abort.signal, (done, all) => setStatus({ kind: 'running', done, total: all }));
    } catch (e) {
      if (e instanceof SimulationCancelled) setStatus({ kind: 'warning', text: text.cancelled });
      else if (e instanceof SimulationInvalid) setStatus({ kind: 'error', text: text.failed(e.error.message[language]) });
      else if (e instanceof SimulationTooLarge) setStatus({ kind: 'error', text: text.tooLarge(e.kind, e.detail) });
      else setStatus({ kind: 'error', text: text.failed(e instanceof Error ? e.message : String(e)) });
      return undefined;
    } finally {
      controller.current = null;
    }
  }

  async function simulate(spec: SimulationSpec) {
    const prepared = prepare(spec);
    if (!prepared.ok) return setStatus({ kind: 'error', text: text.failed(prepared.error.message[language]) });
    const started = Date.now();
    const answer = await inWorker((signal, onProgress) => runner().request({ kind: 'run', spec }, { signal, onProgress }), spec.years);
    if (!answer || answer.kind !== 'run') return;
    setExplored(undefined);
    setRun({ spec, prepared: prepared.value, result: answer.result, closed: spec.cover === undefined ? closedFormOep(prepared.value) : undefined });
    setStatus({ kind: 'success', text: text.finished(answer.result.years, ((Date.now() - started) / 1000).toFixed(2)) });
  }

  function runForm() {
    if (!validation.ok) return setStatus({ kind: 'error', text: ui.fixErrors });
    void simulate(specOfInputs(template.inputs(validation.values), cover || undefined));
  }

  async function runSelected() {
    try {
      const read = await specOfCell(gateway, await gateway.getSelectedCell());
      if (!read.ok) {
        const why = read.reason === 'notSimulate' ? text.notSimulate : read.reason === 'years' ? `years: ${ui.form.atMost('1,000,000')}` : `seed: ${ui.form.atMost('4,294,967,295')}`;
        return setStatus({ kind: 'error', text: why });
      }
      await simulate(read.spec);
    } catch (e) {
      setStatus({ kind: 'error', text: ui.readFailed(e instanceof Error ? e.message : String(e)) });
    }
  }

  async function buildSheet() {
    if (!validation.ok) return setStatus({ kind: 'error', text: ui.fixErrors });
    setStatus({ kind: 'busy', text: ui.building });
    try {
      const result = await buildTemplate(gateway, template, current);
      setStatus(result.ok ? { kind: 'success', text: ui.built(result.sheet) } : { kind: 'error', text: ui.fixErrors });
    } catch (e) {
      setStatus({ kind: 'error', text: ui.buildFailed(e instanceof Error ? e.message : String(e)) });
    }
  }

  async function openYear() {
    if (!run) return;
    const target = run.result.scopes[0].aep.find(([t]) => t === period)?.[1];
    if (target === undefined) return;
    const answer = await inWorker((signal, onProgress) => runner().request({ kind: 'find', spec: run.spec, target }, { signal, onProgress }), run.spec.years);
    if (!answer || answer.kind !== 'find') return;
    setExplored({ t: period, found: answer.found, year: exploreYear(run.prepared, run.spec.seed, answer.found.year) });
    setStatus({ kind: 'idle' });
  }

  const header = (): YltHeader => ({ ...text.yltColumns, paid: text.yltColumns.paid('{cover}') });

  async function exportCsv() {
    if (!run) return;
    const download = gateway.downloadFile?.bind(gateway);
    if (download) {
      const answer = await inWorker((signal, onProgress) => runner().request({ kind: 'ylt', spec: run.spec, format: 'csv', header: header() }, { signal, onProgress }), run.spec.years);
      if (!answer || answer.kind !== 'ylt' || answer.csv === undefined) return;
      const file = `year-loss-table-seed${run.spec.seed}-${run.spec.years}y-${run.result.hash.slice(0, 8)}.csv`;
      await download(file, answer.csv, 'text/csv;charset=utf-8');
      return setStatus({ kind: 'success', text: text.csvSaved(file) });
    }
    // Excel: no file download from the add-in; the CSV text goes to a sheet, one line per row.
    const answer = await inWorker((signal, onProgress) => runner().request({ kind: 'ylt', spec: run.spec, format: 'rows', maxRows: MAX_CSV_SHEET_YEARS, header: header() }, { signal, onProgress }), run.spec.years);
    if (!answer || answer.kind !== 'ylt' || !answer.table) return;
    const lines = [answer.table.header.map(csvField).join(','), ...answer.table.rows.map((r) => r.join(','))];
    const name = await gateway.addSheet({ name: text.yltCsvSheet, cells: lines.map((line, i) => ({ address: `A${i + 1}`, input: line })) });
    setStatus({ kind: 'success', text: `${text.sheetWritten(name)} ${run.spec.years > MAX_CSV_SHEET_YEARS ? text.sheetLimit(MAX_CSV_SHEET_YEARS.toLocaleString('en-US')) : ''}`.trim() });
  }

  async function exportSheet() {
    if (!run) return;
    const answer = await inWorker((signal, onProgress) => runner().request({ kind: 'ylt', spec: run.spec, format: 'rows', maxRows: MAX_SHEET_YEARS, header: header() }, { signal, onProgress }), run.spec.years);
    if (!answer || answer.kind !== 'ylt' || !answer.table) return;
    const name = await gateway.addSheet(yltSheet(text.yltSheet, runInfo(run, language), answer.table));
    setStatus({ kind: 'success', text: `${text.sheetWritten(name)} ${run.spec.years > MAX_SHEET_YEARS ? text.sheetLimit(MAX_SHEET_YEARS.toLocaleString('en-US')) : ''}`.trim() });
  }

  const errors = validation.ok ? {} : validation.errors;
  return (
    <div className={styles.root}>
      <FluentText>{text.intro}</FluentText>
      <Field label={text.model}>
        <Select value={template.id} disabled={busy} onChange={(_, d) => setTemplateId(d.value)}>
          {SIMULATION_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title[language]}
            </option>
          ))}
        </Select>
      </Field>
      <FluentText>{template.description[language]}</FluentText>
      <TemplateForm template={template} inputs={current} errors={errors} language={language} onChange={change} />
      {!validation.ok &&
        validation.formErrors.map((e) => (
          <MessageBar key={e.en} intent="error">
            <MessageBarBody>{e[language]}</MessageBarBody>
          </MessageBar>
        ))}
      <Field label={text.scope}>
        <Select value={cover} disabled={busy} onChange={(_, d) => setCover(d.value)}>
          <option value="">{text.wholePolicy}</option>
          {coverIds.map((id) => (
            <option key={id} value={id}>
              {text.coverScope(id)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={runForm}>
          {text.runPane}
        </Button>
        <Button disabled={busy} onClick={() => void buildSheet()}>
          {text.buildSheet}
        </Button>
        <Button disabled={busy} onClick={() => void runSelected()}>
          {text.runSelected}
        </Button>
        <Button onClick={() => setInputs((all) => ({ ...all, [template.id]: {} }))} disabled={busy}>
          {ui.resetDefaults}
        </Button>
      </div>
      {status.kind === 'running' && (
        <div className={styles.root} role="status">
          <ProgressBar value={status.total ? status.done / status.total : 0} max={1} />
          <div className={styles.row}>
            <Caption1>{text.running(status.done, status.total)}</Caption1>
            <Button size="small" onClick={() => controller.current?.abort()}>
              {ui.cancel}
            </Button>
          </div>
        </div>
      )}
      {status.kind === 'busy' && <Spinner size="tiny" label={status.text} />}
      {(status.kind === 'success' || status.kind === 'error' || status.kind === 'warning' || status.kind === 'info') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {run && (
        <ResultView
          run={run}
          language={language}
          busy={busy}
          period={period}
          onPeriod={setPeriod}
          onOpenYear={() => void openYear()}
          explored={explored}
          canDownload={gateway.downloadFile !== undefined}
          onExportCsv={() => void exportCsv()}
          onExportSheet={() => void exportSheet()}
        />
      )}
    </div>
  );
}

export interface ResultViewProps {
  readonly run: Run;
  readonly language: Language;
  readonly busy?: boolean;
  /** The return period the year explorer opens. */
  readonly period: number;
  readonly onPeriod?: (t: number) => void;
  readonly onOpenYear?: () => void;
  readonly explored?: Explored;
  /** The host can offer a file (the workbench); else the CSV is written to a sheet (Excel). */
  readonly canDownload: boolean;
  readonly onExportCsv?: () => void;
  readonly onExportSheet?: () => void;
}

/**
 * A finished run: seed, years, engine version and input hash; the statistics; the exceedance
 * chart and table (with the closed-form OEP where it applies); the convergence of the AAL; the
 * year explorer; the export of the year loss table.
 */
export function ResultView({ run, language, busy = false, period, onPeriod, onOpenYear, explored, canDownload, onExportCsv, onExportSheet }: ResultViewProps) {
  const styles = useStyles();
  const text = SIMULATE_TEXT[language];
  const scope = run.result.scopes[0];
  const points = scope.aep.map(([t, aep], k) => ({ t, aep, oep: scope.oep[k][1], closed: run.closed?.[k]?.[1] }));
  return (
    <div className={styles.root} data-testid="simulation-result">
      <Caption1 data-testid="run-info">{runInfo(run, language)}</Caption1>
      <Subtitle2>{text.statsTitle}</Subtitle2>
      <Table size="extra-small" aria-label={text.statsTitle}>
        <TableBody>
          {STAT_KEYS.map((key, k) => (
            <TableRow key={key}>
              <TableCell>{text.statLabels[k]}</TableCell>
              <TableCell className={styles.number}>{statText(key, scope.stats[key])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Subtitle2>{text.exceedanceTitle}</Subtitle2>
      <ExceedanceChart points={points} labels={{ x: text.returnPeriod, aep: text.aep, oep: text.oep, closed: text.oepClosed }} />
      {run.closed && <Caption1>{text.closedFormNote}</Caption1>}
      <Table size="extra-small" aria-label={text.exceedanceTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.returnPeriod}</TableHeaderCell>
            <TableHeaderCell>{text.aep}</TableHeaderCell>
            <TableHeaderCell>{text.oep}</TableHeaderCell>
            {run.closed && <TableHeaderCell>{text.oepClosed}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {points.map((p) => (
            <TableRow key={p.t}>
              <TableCell>{p.t}</TableCell>
              <TableCell className={styles.number}>{money(p.aep)}</TableCell>
              <TableCell className={styles.number}>{money(p.oep)}</TableCell>
              {run.closed && <TableCell className={styles.number}>{p.closed === undefined ? '' : money(p.closed)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Subtitle2>{text.convergenceTitle}</Subtitle2>
      <ConvergenceChart points={scope.convergence} labels={{ x: text.convergenceYears, aal: text.aal, band: text.aalBand }} />
      <Table size="extra-small" aria-label={text.convergenceTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.convergenceYears}</TableHeaderCell>
            <TableHeaderCell>{text.aal}</TableHeaderCell>
            <TableHeaderCell>{text.aalBand}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {scope.convergence.map((c) => (
            <TableRow key={c.years}>
              <TableCell>{c.years.toLocaleString('en-US')}</TableCell>
              <TableCell className={styles.number}>{money(c.mean)}</TableCell>
              <TableCell className={styles.number}>
                {money(c.mean - 2 * c.se)} – {money(c.mean + 2 * c.se)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Subtitle2>{text.explorerTitle}</Subtitle2>
      <div className={styles.row}>
        <Field label={text.returnPeriod}>
          <Select value={String(period)} disabled={busy} onChange={(_, d) => onPeriod?.(Number(d.value))}>
            {RETURN_PERIODS.map((t) => (
              <option key={t} value={String(t)}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={busy} onClick={onOpenYear}>
          {text.openYear}
        </Button>
      </div>
      {explored && <YearView explored={explored} language={language} />}

      <Subtitle2>{text.exportTitle}</Subtitle2>
      <div className={styles.row}>
        <Button disabled={busy} onClick={onExportCsv}>
          {canDownload ? text.exportCsv : text.exportCsvSheet}
        </Button>
        <Button disabled={busy} onClick={onExportSheet}>
          {text.exportSheet}
        </Button>
      </div>
    </div>
  );
}

/** One year: its events and draws, its claims, and the exact ALLOCATE trace (ExplainView). */
export function YearView({ explored, language }: { readonly explored: Explored; readonly language: Language }) {
  const styles = useStyles();
  const text = SIMULATE_TEXT[language];
  const { year, scale } = explored.year;
  const units = (u: number) => money(u / scale);
  return (
    <div className={styles.root} data-testid="year-view">
      <Body1>{text.yearAt(explored.found.year, explored.t, money(explored.found.amount))}</Body1>
      {year.events.length === 0 ? (
        <Body1>{text.noEvents}</Body1>
      ) : (
        <Table size="extra-small" aria-label={text.explorerTitle}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.event}</TableHeaderCell>
              <TableHeaderCell>{UI_TEXT[language].cover}</TableHeaderCell>
              <TableHeaderCell>{text.amount}</TableHeaderCell>
              <TableHeaderCell>{text.paid}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {year.events.flatMap((e) => {
              const hits = e.draws.filter((d) => d.hit);
              if (hits.length === 0) {
                return [
                  <TableRow key={`E${e.index}`}>
                    <TableCell>E{e.index}</TableCell>
                    <TableCell>—</TableCell>
                    <TableCell>{text.noHit}</TableCell>
                    <TableCell className={styles.number}>{money(0)}</TableCell>
                  </TableRow>,
                ];
              }
              return hits.map((d) => (
                <TableRow key={`E${e.index}-${d.row}`}>
                  <TableCell>E{e.index}</TableCell>
                  <TableCell>{d.coverId}</TableCell>
                  <TableCell className={styles.number}>{units(d.amount ?? 0)}</TableCell>
                  <TableCell className={styles.number}>{units(d.paid)}</TableCell>
                </TableRow>
              ));
            })}
          </TableBody>
        </Table>
      )}
      {explored.year.claims.length > 0 && (
        <>
          <Subtitle2>{text.claimsTitle}</Subtitle2>
          <MessageBar intent={explored.year.agrees ? 'success' : 'error'}>
            <MessageBarBody>{explored.year.agrees ? text.traceAgrees : text.traceDiffers}</MessageBarBody>
          </MessageBar>
          <ExplainView explanation={explored.year.explanation} language={language} />
        </>
      )}
    </div>
  );
}
