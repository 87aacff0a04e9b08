import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { Explanation } from '../explain';
import { errorMessage, formatTraceValue, formatValue } from '../format';
import { type Language, UI_TEXT } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalXS },
  number: { fontFamily: tokens.fontFamilyMonospace, textAlign: 'right', whiteSpace: 'nowrap' },
});

function isError(v: unknown): v is { error: string; message?: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { error?: unknown }).error === 'string';
}

/** The explanation of one cell: formula, value, arguments, every trace step with its article, or the full error. */
export function ExplainView({ explanation, language }: { readonly explanation: Explanation; readonly language: Language }) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  if (explanation.kind === 'nothing') return <Body1>{text.selectCell}</Body1>;
  const { cell } = explanation;
  const header = (
    <>
      <Caption1>
        {text.cell}: {cell.address}
      </Caption1>
      {cell.formula && <code className={styles.code}>{cell.formula}</code>}
      <Body1>
        {text.value}: <span className={styles.number}>{formatValue(cell.value)}</span>
      </Body1>
    </>
  );
  if (explanation.kind !== 'cyber') {
    const error = isError(cell.value) ? cell.value : undefined;
    return (
      <div className={styles.root}>
        {header}
        <Body1>{explanation.kind === 'value' ? text.noFormula : text.notCyber}</Body1>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{text.errorTitle(error.error)}</MessageBarTitle>
              {errorMessage(error.error, error.message, language)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  }
  return (
    <div className={styles.root}>
      {header}
      {explanation.calls.map((call, k) => (
        <div key={`${call.name}-${k}`} className={styles.root}>
          <Subtitle2>{call.name}</Subtitle2>
          <Caption1>{text.argumentsTitle}</Caption1>
          <Table size="extra-small" aria-label={text.argumentsTitle}>
            <TableBody>
              {call.args.map((a, i) => (
                <TableRow key={i}>
                  <TableCell>
                    <code>{a.text || text.omitted}</code>
                  </TableCell>
                  <TableCell className={styles.number}>{formatValue(a.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {call.outcome.ok ? (
            <>
              <Caption1>{text.steps}</Caption1>
              {call.outcome.trace.length === 0 ? (
                <Body1>{text.noSteps}</Body1>
              ) : (
                <Table size="extra-small" aria-label={text.steps}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{text.step}</TableHeaderCell>
                      <TableHeaderCell>{text.value}</TableHeaderCell>
                      <TableHeaderCell>{text.article}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {call.outcome.trace.map((s, i) => (
                      <TableRow key={i}>
                        <TableCell>{s.label[language]}</TableCell>
                        <TableCell className={styles.number}>{formatTraceValue(s.value)}</TableCell>
                        <TableCell>{s.article ? s.article[language] : ''}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          ) : (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{text.errorTitle(call.outcome.error.code)}</MessageBarTitle>
                {errorMessage(call.outcome.error.code, call.outcome.error.message[language], language)}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      ))}
    </div>
  );
}
