import { Button, FluentProvider, makeStaticStyles, makeStyles, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { READINGS } from '../readings';
import { citationParts, figureText, MAX_CELLS, readingText, type Statement } from '../statement';
import { STATEMENT_TEXT } from '../statementText';

/** The class of the print view's root, a direct child of <body>: the only thing printed while it is open. */
export const PRINT_ROOT_CLASS = 'cyberbi-print-root';
const NO_PRINT_CLASS = 'cyberbi-noprint';

// Printing while the print view is open prints the statement alone: everything else on the page
// (the grid, the pane) is not displayed, and nothing clips it to the screen's height.
const usePrintStyles = makeStaticStyles(`
@media print {
  body > *:not(.${PRINT_ROOT_CLASS}) { display: none !important; }
  html, body { height: auto !important; overflow: visible !important; background: #fff !important; }
  .${PRINT_ROOT_CLASS} { position: static !important; overflow: visible !important; height: auto !important; padding: 0 !important; }
  .${NO_PRINT_CLASS} { display: none !important; }
}
@page { size: A4 landscape; margin: 12mm; }
`);

const useStyles = makeStyles({
  overlay: { position: 'fixed', top: 0, left: 0, right: 0, bottom: 0, zIndex: 1000, backgroundColor: '#fff', overflowY: 'auto', padding: '16px 24px' },
  bar: { display: 'flex', columnGap: '8px', marginBottom: '12px' },
  doc: { fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif", fontSize: '10pt', color: '#000', maxWidth: '1100px' },
  h1: { fontSize: '16pt', margin: '0 0 4px 0' },
  note: { fontStyle: 'italic', margin: '0 0 10px 0' },
  h2: { fontSize: '12pt', margin: '14px 0 4px 0', borderBottom: '1px solid #000', breakAfter: 'avoid' },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'auto' },
  th: { textAlign: 'left', backgroundColor: '#d9e1f2', border: '1px solid #999', padding: '2px 6px', printColorAdjust: 'exact' },
  td: { border: '1px solid #bbb', padding: '2px 6px', verticalAlign: 'top', overflowWrap: 'anywhere' },
  num: { border: '1px solid #bbb', padding: '2px 6px', verticalAlign: 'top', textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  stepRow: { fontWeight: 600, breakInside: 'avoid' },
  callRow: { backgroundColor: '#f2f2f2', fontStyle: 'italic', printColorAdjust: 'exact' },
  row: { breakInside: 'avoid' },
  code: { fontFamily: 'Consolas, monospace', overflowWrap: 'anywhere' },
});

/** The statement as a document: the same content and order as its sheet. */
export function StatementDocument({ statement: st }: { readonly statement: Statement }) {
  const s = useStyles();
  const t = STATEMENT_TEXT[st.language];
  const lang = st.language;
  return (
    <article className={s.doc} lang={lang === 'zh' ? 'zh-CN' : 'en'} aria-label={t.title}>
      <h1 className={s.h1}>{t.title}</h1>
      <p className={s.note}>{t.staticNote(st.writtenAtText)}</p>
      <h2 className={s.h2}>{t.claim}</h2>
      <table className={s.table}>
        <tbody>
          {(
            [
              [t.insured, st.details.insured || t.notGiven],
              [t.incident, st.details.incident || t.notGiven],
              [t.resultCell, st.source.address],
              [t.formula, st.source.formula ?? ''],
              [t.result, figureText(st.source.value, st.source.unit, st.date1904)],
              [t.writtenOn, st.writtenAtText],
              [t.engineVersion, `cyberbi ${st.engineVersion}`],
            ] as const
          ).map(([label, value]) => (
            <tr key={label} className={s.row}>
              <th className={s.th} scope="row">
                {label}
              </th>
              <td className={label === t.formula ? `${s.td} ${s.code}` : s.td}>{label === t.result ? <strong>{value}</strong> : value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className={s.h2}>{t.inputs}</h2>
      {st.inputs.length === 0 ? (
        <p>{t.noInputs}</p>
      ) : (
        <table className={s.table} aria-label={t.inputs}>
          <thead>
            <tr>
              <th className={s.th}>{t.item}</th>
              <th className={s.th}>{t.value}</th>
              <th className={s.th}>{t.unit}</th>
              <th className={s.th}>{t.cell}</th>
            </tr>
          </thead>
          <tbody>
            {st.inputs.map((i) => (
              <tr key={i.address} className={s.row}>
                <td className={s.td}>{i.label || i.address}</td>
                <td className={s.num}>{figureText(i.value, i.unit, st.date1904)}</td>
                <td className={s.td}>{i.unit ? t.units[i.unit] : ''}</td>
                <td className={s.td}>{i.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className={s.h2}>{t.calculation}</h2>
      <table className={s.table} aria-label={t.calculation}>
        <thead>
          <tr>
            <th className={s.th}>{t.step}</th>
            <th className={s.th}>{t.amount}</th>
            <th className={s.th}>{t.wording}</th>
            <th className={s.th}>{t.article}</th>
          </tr>
        </thead>
        <tbody>
          {st.steps.map((step) => [
            <tr key={step.address} className={s.stepRow}>
              <td className={s.td}>{step.label || step.address}</td>
              <td className={s.num}>{figureText(step.value, step.unit, st.date1904)}</td>
              <td className={`${s.td} ${s.code}`} colSpan={2}>
                {step.address} {step.formula}
              </td>
            </tr>,
            ...step.calls.flatMap((c, k) => [
              <tr key={`${step.address}-${k}`} className={s.callRow}>
                <td className={s.td}>{c.name}</td>
                <td className={s.td} colSpan={3}>
                  {c.title ? c.title[lang] : ''}
                </td>
              </tr>,
              ...c.steps.map((x, j) => {
                const cite = citationParts(x.article, lang);
                return (
                  <tr key={`${step.address}-${k}-${j}`} className={s.row}>
                    <td className={s.td}>{x.label[lang]}</td>
                    <td className={s.num}>{figureText(x.value)}</td>
                    <td className={s.td}>{cite.wording}</td>
                    <td className={s.td}>{cite.article}</td>
                  </tr>
                );
              }),
              ...(c.error
                ? [
                    <tr key={`${step.address}-${k}-error`} className={s.row}>
                      <td className={s.td}>{t.errorIn(c.error.code)}</td>
                      <td className={s.td} colSpan={3}>
                        {c.error.message[lang]}
                      </td>
                    </tr>,
                  ]
                : []),
            ]),
          ])}
        </tbody>
      </table>
      {st.truncated && <p>{t.truncated(MAX_CELLS)}</p>}

      <h2 className={s.h2}>{t.readings}</h2>
      <table className={s.table} aria-label={t.readings}>
        <thead>
          <tr>
            <th className={s.th}>{t.where}</th>
            <th className={s.th}>{t.sentence}</th>
            <th className={s.th}>{t.reading}</th>
          </tr>
        </thead>
        <tbody>
          {st.readings.map((where) => {
            const r = READINGS.find((x) => x.where === where);
            const text = r && readingText(r, lang);
            return text ? (
              <tr key={where} className={s.row}>
                <td className={s.td}>{text.where}</td>
                <td className={s.td}>{text.sentence}</td>
                <td className={s.td}>{text.reading}</td>
              </tr>
            ) : null;
          })}
        </tbody>
      </table>
      {lang === 'zh' && <p>{t.readingsLanguage}</p>}
    </article>
  );
}

/**
 * The print view: the statement over the whole page, with Print (the browser's dialog, where
 * "Save as PDF" gives a clean document: the print stylesheet shows the statement alone) and Close.
 */
export function StatementPrintView({ statement, onClose }: { readonly statement: Statement; readonly onClose: () => void }) {
  usePrintStyles();
  const s = useStyles();
  const t = STATEMENT_TEXT[statement.language];
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);
  if (typeof document === 'undefined') return null;
  return createPortal(
    <div className={`${PRINT_ROOT_CLASS} ${s.overlay}`} role="dialog" aria-label={t.printView}>
      <FluentProvider theme={webLightTheme}>
        <div className={`${NO_PRINT_CLASS} ${s.bar}`}>
          <Button appearance="primary" onClick={() => window.print()}>
            {t.print}
          </Button>
          <Button onClick={onClose}>{t.close}</Button>
        </div>
        <StatementDocument statement={statement} />
      </FluentProvider>
    </div>,
    document.body,
  );
}
