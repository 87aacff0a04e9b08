import {
  Body1,
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { UiText } from '../i18n';
import type { FunctionEntry } from '../reference';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: 'anywhere',
  },
  paramName: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface FunctionDetailsProps {
  readonly entry: FunctionEntry;
  readonly text: UiText;
}

/** Syntax, parameters, articles and the worked example of one function. */
export function FunctionDetails({ entry, text }: FunctionDetailsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {/* The description is already in the accordion header above this panel. */}
      <Subtitle2>{text.syntax}</Subtitle2>
      <code className={styles.code}>{entry.syntax}</code>
      {entry.excelName && <Caption1>{text.inExcel(entry.excelName)}</Caption1>}

      <Subtitle2>{text.parameters}</Subtitle2>
      <Table size="small" aria-label={text.parameters}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.parameter}</TableHeaderCell>
            <TableHeaderCell>{text.description}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entry.params.map((p) => (
            <TableRow key={p.name}>
              <TableCell>
                <div className={styles.paramName}>{p.name}</div>
                <Caption1>{p.label}</Caption1>
              </TableCell>
              <TableCell>
                {p.description}
                {p.optional && (
                  <Caption1>
                    {' '}
                    ({[text.optional, p.defaultText === undefined ? undefined : text.defaultValue(p.defaultText)].filter(Boolean).join(', ')})
                  </Caption1>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Subtitle2>{text.articles}</Subtitle2>
      <ul className={styles.list}>
        {entry.articles.map((a) => (
          <li key={a}>
            <Body1>{a}</Body1>
          </li>
        ))}
      </ul>

      <Subtitle2>{text.formula}</Subtitle2>
      <code className={styles.code}>{entry.formula}</code>

      <Subtitle2>{text.example}</Subtitle2>
      <code className={styles.code}>
        {entry.example.formula} → {entry.example.result}
      </code>
    </div>
  );
}
