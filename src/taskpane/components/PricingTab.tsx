import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { NO_LIMIT } from '../../engine';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import {
  CHART,
  type CurvePoint,
  curveGeometry,
  DEFAULT_ENTRIES,
  DEFAULT_PARAMS,
  exceedanceCurve,
  type Figure,
  findFamily,
  FORM_FAMILIES,
  type PricingEntries,
  pricingFigures,
  SEVERITY_FORMS,
  type SeverityForm,
  validatePricing,
  writePricingSheet,
} from '../pricing';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  number: { fontFamily: tokens.fontFamilyMonospace, textAlign: 'right', whiteSpace: 'nowrap' },
  table: { fontFamily: tokens.fontFamilyMonospace },
});

/** An amount as the pane shows it (the sheet keeps every digit). */
export function formatFigure(f: Figure, kind: 'amount' | 'probability' | 'factor'): string {
  if (!f.ok) return f.code;
  const v = f.value;
  if (kind === 'probability') return `${(v * 100).toLocaleString('en-US', { maximumSignificantDigits: 6 })}%`;
  if (kind === 'factor') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function limitText(limit: number, language: Language): string {
  return limit >= NO_LIMIT ? UI_TEXT[language].pricing.unlimited : limit.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** S(x) on log–log axes, drawn as plain SVG (fixed size: the pane is narrow, and it renders without a DOM in tests). */
export function ExceedanceChart({ points, attachments, label }: { readonly points: readonly CurvePoint[]; readonly attachments: readonly number[]; readonly label: string }) {
  const g = curveGeometry(points, attachments);
  return (
    <svg width={CHART.width} height={CHART.height} viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label} data-chart="exceedance">
      <rect x={g.plot.x0} y={g.plot.y0} width={g.plot.x1 - g.plot.x0} height={g.plot.y1 - g.plot.y0} fill="none" stroke="#c8c8c8" />
      {g.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line x1={t.at} x2={t.at} y1={g.plot.y0} y2={g.plot.y1} stroke="#eeeeee" />
          <text x={t.at} y={g.plot.y1 + 14} fontSize="10" textAnchor="middle" data-tick="x">
            {t.label}
          </text>
        </g>
      ))}
      {g.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={g.plot.x0} x2={g.plot.x1} y1={t.at} y2={t.at} stroke="#eeeeee" />
          <text x={g.plot.x0 - 4} y={t.at + 3} fontSize="10" textAnchor="end" data-tick="y">
            {t.label}
          </text>
        </g>
      ))}
      {g.attachments.map((a) => (
        <line key={`a${a.value}`} x1={a.at} x2={a.at} y1={g.plot.y0} y2={g.plot.y1} stroke="#c50f1f" strokeDasharray="3 3" data-attachment={a.value} />
      ))}
      <path d={g.path} fill="none" stroke="#0f6cbd" strokeWidth="1.5" data-curve="S" />
    </svg>
  );
}

export interface PricingTabProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  /** The entries to start with (the defaults: the riskquant lognormal and a layer tower). */
  readonly initial?: PricingEntries;
}

type Status = { kind: 'idle' } | { kind: 'writing' } | { kind: 'done' | 'error'; text: string };

/**
 * Choose or fit a severity, see its exceedance curve and a layer table computed by the engine,
 * and write it all to a sheet as live CYBER.DIST / LAYERLOSS / ILF formulas on the severity cell.
 */
export function PricingTab({ gateway, language, initial = DEFAULT_ENTRIES }: PricingTabProps) {
  const styles = useStyles();
  const ui = UI_TEXT[language];
  const text = ui.pricing;
  const [entries, setEntries] = useState<PricingEntries>(initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const validation = useMemo(() => validatePricing(entries), [entries]);
  const figures = useMemo(() => (validation.ok ? pricingFigures(validation) : undefined), [validation]);
  const curve = useMemo(() => (validation.ok ? exceedanceCurve(validation.severity) : []), [validation]);
  const errors = validation.ok ? {} : validation.errors;
  const error = (key: string) => errors[key]?.[language];
  const family = findFamily(entries.family);

  const set = (patch: Partial<PricingEntries>) => {
    setEntries((e) => ({ ...e, ...patch }));
    if (status.kind !== 'writing') setStatus({ kind: 'idle' });
  };
  const chooseForm = (form: SeverityForm) => {
    const fam = FORM_FAMILIES[form].includes(entries.family) ? entries.family : FORM_FAMILIES[form][0];
    set({ form, family: fam, params: entries.family === fam ? entries.params : DEFAULT_PARAMS[fam] });
  };
  const chooseFamily = (id: string) => set({ family: id, params: DEFAULT_PARAMS[id] ?? [] });
  const setParam = (i: number, v: string) => set({ params: Array.from({ length: Math.max(entries.params.length, i + 1) }, (_, k) => (k === i ? v : (entries.params[k] ?? ''))) });

  async function write() {
    if (!validation.ok) {
      setStatus({ kind: 'error', text: text.fixErrors });
      return;
    }
    setStatus({ kind: 'writing' });
    try {
      const r = await writePricingSheet(gateway, entries, language);
      setStatus(r.ok ? { kind: 'done', text: text.written(r.sheet) } : { kind: 'error', text: text.fixErrors });
    } catch (e) {
      setStatus({ kind: 'error', text: text.writeFailed(e instanceof Error ? e.message : String(e)) });
    }
  }

  const field = (key: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <Field key={key} label={label} validationMessage={error(key)} validationState={error(key) ? 'error' : 'none'} hint={hint}>
      <Input value={value} aria-label={label} inputMode="decimal" onChange={(_, d) => onChange(d.value)} />
    </Field>
  );

  return (
    <div className={styles.root} data-tab="pricing">
      <Body1>{text.intro}</Body1>
      <Subtitle2>{text.severity}</Subtitle2>
      <div className={styles.row}>
        <Field label={text.form}>
          <Select value={entries.form} aria-label={text.form} onChange={(_, d) => chooseForm(d.value as SeverityForm)}>
            {SEVERITY_FORMS.map((f) => (
              <option key={f} value={f}>
                {text.forms[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={text.family} validationMessage={error('family')} validationState={error('family') ? 'error' : 'none'}>
          <Select value={entries.family} aria-label={text.family} onChange={(_, d) => chooseFamily(d.value)}>
            {FORM_FAMILIES[entries.form].map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {family && <Caption1>{family.description[language]}</Caption1>}
      {entries.form === 'params' &&
        family?.params.map((p, i) =>
          field(`p${i}`, `${p.name} — ${p.label[language]}`, entries.params[i] ?? '', (v) => setParam(i, v), p.default !== undefined ? text.optionalDefault(String(p.default)) : undefined),
        )}
      {entries.form === 'meancv' && (
        <>
          {field('a', text.mean, entries.a, (v) => set({ a: v }))}
          {field('b', text.cv, entries.b, (v) => set({ b: v }))}
        </>
      )}
      {entries.form === 'ci90' && (
        <>
          {field('a', text.low, entries.a, (v) => set({ a: v }))}
          {field('b', text.high, entries.b, (v) => set({ b: v }))}
        </>
      )}
      {!validation.ok &&
        validation.formErrors.map((e) => (
          <MessageBar key={e.en} intent="error">
            <MessageBarBody>{e[language]}</MessageBarBody>
          </MessageBar>
        ))}
      {figures && (
        <Table size="extra-small" aria-label={text.severityText}>
          <TableBody>
            <TableRow>
              <TableCell>{text.severityText}</TableCell>
              <TableCell>
                <code className={styles.code} data-severity>
                  {figures.severity}
                </code>
              </TableCell>
            </TableRow>
            {(
              [
                ['mean', text.expectedLoss, figures.mean],
                ['median', text.median, figures.median],
                ['q99', text.quantile99, figures.q99],
              ] as const
            ).map(([key, label, f]) => (
              <TableRow key={key}>
                <TableCell>{label}</TableCell>
                <TableCell className={styles.number} data-figure={key} title={f.ok ? undefined : f.message[language]}>
                  {formatFigure(f, 'amount')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {validation.ok && (
        <>
          <Caption1>{text.curveTitle}</Caption1>
          {curve.length >= 2 ? <ExceedanceChart points={curve} attachments={validation.layers.map((l) => l.attachment)} label={text.curveLabel} /> : <Body1>{text.noCurve}</Body1>}
        </>
      )}
      <Subtitle2>{text.layers}</Subtitle2>
      <Field label={text.layers} validationMessage={error('layers')} validationState={error('layers') ? 'error' : 'none'} hint={text.layersHint}>
        <Textarea value={entries.layers} aria-label={text.layers} className={styles.table} resize="vertical" rows={Math.min(8, entries.layers.split('\n').length + 1)} onChange={(_, d) => set({ layers: d.value })} />
      </Field>
      <div className={styles.row}>
        {field('base', text.baseLimit, entries.base, (v) => set({ base: v }), text.baseLimitHint)}
        {field('alae', text.alae, entries.alae, (v) => set({ alae: v }), text.alaeHint)}
      </div>
      {figures && validation.ok && (
        <Table size="extra-small" aria-label={text.layers}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.attachment}</TableHeaderCell>
              <TableHeaderCell>{text.limit}</TableHeaderCell>
              <TableHeaderCell>{text.layerMean}</TableHeaderCell>
              <TableHeaderCell>{text.layerSd}</TableHeaderCell>
              <TableHeaderCell>{text.layerProb}</TableHeaderCell>
              <TableHeaderCell title={text.ilf(validation.base.toLocaleString('en-US'))}>{text.ilfShort}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {figures.layers.map((r, i) => (
              <TableRow key={i} data-layer={i}>
                <TableCell className={styles.number}>{r.layer.attachment.toLocaleString('en-US', { maximumFractionDigits: 2 })}</TableCell>
                <TableCell className={styles.number}>{limitText(r.layer.limit, language)}</TableCell>
                {(
                  [
                    ['mean', r.mean, 'amount'],
                    ['sd', r.sd, 'amount'],
                    ['prob', r.prob, 'probability'],
                    ['ilf', r.ilf, 'factor'],
                  ] as const
                ).map(([key, f, kind]) => (
                  <TableCell key={key} className={styles.number} data-cell={key} title={f.ok ? undefined : f.message[language]}>
                    {formatFigure(f, kind)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {validation.ok && <Caption1>{text.ilf(validation.base.toLocaleString('en-US'))}</Caption1>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={status.kind === 'writing'} onClick={() => void write()}>
          {text.write}
        </Button>
      </div>
      {status.kind === 'writing' && <Spinner size="tiny" label={text.writing} />}
      {(status.kind === 'done' || status.kind === 'error') && (
        <MessageBar intent={status.kind === 'done' ? 'success' : 'error'}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'done' && <Caption1>{text.explainHint}</Caption1>}
    </div>
  );
}
