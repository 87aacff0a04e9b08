import { Body1, Button, Caption1, Checkbox, makeStyles, mergeClasses, MessageBar, MessageBarBody, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CompareProblem, compareProblem, compareScenarios, DIFFERS_FILL, type Comparison } from '../compare';
import { figureText } from '../statement';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import type { Scenario } from '../scenarios';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // The pane is narrow (320 px in Excel): a wide table scrolls inside its own box.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  number: { fontFamily: tokens.fontFamilyMonospace, textAlign: 'right', whiteSpace: 'nowrap' },
  differs: { backgroundColor: DIFFERS_FILL },
});

function unitOfFormat(format: string | undefined): 'money' | 'ratio' | 'date' | undefined {
  if (!format) return undefined;
  if (format.includes('%')) return 'ratio';
  if (/y/.test(format)) return 'date';
  return 'money';
}

/** The comparison as the pane shows it: the inputs (those that differ highlighted) and the results with their differences. */
export function CompareView({ comparison: c, language }: { readonly comparison: Comparison; readonly language: Language }) {
  const styles = useStyles();
  const t = UI_TEXT[language].compare;
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const names = c.scenarios.map((s) => s.name);
  const differing = c.inputs.filter((i) => i.differs.some(Boolean));
  const shownInputs = onlyDiffering ? differing : c.inputs;
  const inputText = (v: number | string | boolean | null, kind: string) =>
    kind === 'table' || kind === 'series' ? t.lines(Number(v)) : figureText(v, kind === 'amount' ? 'money' : kind === 'ratio' || kind === 'rate' ? 'ratio' : kind === 'date' ? 'date' : kind === 'hours' ? 'hours' : kind === 'days' ? 'days' : undefined);
  return (
    <div className={styles.root}>
      <Subtitle2>{t.inputs}</Subtitle2>
      <Caption1>{t.differingInputs(differing.length)}</Caption1>
      <Checkbox label={t.onlyDifferences} checked={onlyDiffering} onChange={(_, d) => setOnlyDiffering(d.checked === true)} />
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t.inputs}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.item}</TableHeaderCell>
              {names.map((n) => (
                <TableHeaderCell key={n}>{n}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shownInputs.map((i) => (
              <TableRow key={i.key} data-differs={i.differs.some(Boolean) ? 'true' : 'false'}>
                <TableCell>{i.label[language]}</TableCell>
                {i.values.map((v, k) => (
                  <TableCell key={k} className={i.differs[k] ? mergeClasses(styles.number, styles.differs) : styles.number}>
                    {inputText(v, i.kind)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Subtitle2>{t.results}</Subtitle2>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t.results}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.item}</TableHeaderCell>
              {names.map((n) => (
                <TableHeaderCell key={n}>{n}</TableHeaderCell>
              ))}
              {names.slice(1).flatMap((n) => [<TableHeaderCell key={`d-${n}`}>{t.difference(n, names[0])}</TableHeaderCell>, <TableHeaderCell key={`r-${n}`}>{t.relative(n, names[0])}</TableHeaderCell>])}
            </TableRow>
          </TableHeader>
          <TableBody>
            {c.results.map((r) => {
              const unit = unitOfFormat(r.format);
              return (
                <TableRow key={r.key}>
                  <TableCell>{r.label[language]}</TableCell>
                  {r.values.map((v, k) => (
                    <TableCell key={k} className={styles.number}>
                      {figureText(v, unit)}
                    </TableCell>
                  ))}
                  {r.values.slice(1).flatMap((_, j) => [
                    <TableCell key={`d${j}`} className={styles.number}>
                      {r.absolute[j + 1] === null ? '—' : figureText(r.absolute[j + 1], unit)}
                    </TableCell>,
                    <TableCell key={`r${j}`} className={styles.number}>
                      {r.relative[j + 1] === null ? '—' : figureText(r.relative[j + 1], 'ratio')}
                    </TableCell>,
                  ])}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'success' | 'error'; text: string };

/** Compare the scenarios selected in the list: writes the comparison sheet and shows it. */
export function CompareAction({ gateway, language, selected }: { readonly gateway: WorkbookGateway; readonly language: Language; readonly selected: readonly Scenario[] }) {
  const styles = useStyles();
  const t = UI_TEXT[language].compare;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [comparison, setComparison] = useState<Comparison | undefined>();
  const problem = compareProblem(selected);
  async function run() {
    setStatus({ kind: 'busy' });
    try {
      const c = await compareScenarios(gateway, selected, language);
      setComparison(c);
      setStatus({ kind: 'success', text: t.written(c.sheet, c.scenarios.length) });
    } catch (e) {
      if (e instanceof CompareProblem) {
        setStatus({ kind: 'error', text: e.kind === 'invalid' ? t.invalid(e.scenario ?? '', e.detail?.[language] ?? '') : t[e.kind] });
      } else setStatus({ kind: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  }
  return (
    <div className={styles.root}>
      <Button appearance="primary" disabled={problem !== undefined || status.kind === 'busy'} onClick={() => void run()}>
        {t.compare(selected.length)}
      </Button>
      {problem && selected.length > 0 && <Body1>{t[problem === 'invalid' ? 'chooseTwo' : problem]}</Body1>}
      {status.kind === 'busy' && <Spinner size="tiny" label={t.comparing} />}
      {(status.kind === 'success' || status.kind === 'error') && (
        <MessageBar intent={status.kind}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {comparison && <CompareView comparison={comparison} language={language} />}
    </div>
  );
}
