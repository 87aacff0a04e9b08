import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  makeStyles,
  SearchBox,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { FunctionDefinition } from '../../engine';
import { type Language, UI_TEXT } from '../i18n';
import { searchCatalogue, toEntry } from '../reference';
import { FunctionDetails } from './FunctionDetails';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXXS },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

export interface FunctionReferenceProps {
  readonly catalogue: readonly FunctionDefinition[];
  readonly language: Language;
}

/** A search box over the catalogue and one collapsible entry per matching function. */
export function FunctionReference({ catalogue, language }: FunctionReferenceProps) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  const [query, setQuery] = useState('');
  const entries = useMemo(() => searchCatalogue(query, catalogue).map((fn) => toEntry(fn, language)), [query, catalogue, language]);
  return (
    <div className={styles.root}>
      <SearchBox
        placeholder={text.searchPlaceholder}
        aria-label={text.searchPlaceholder}
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      <Caption1 role="status">{entries.length ? text.count(entries.length, catalogue.length) : text.noMatch}</Caption1>
      <Accordion collapsible multiple>
        {entries.map((entry) => (
          <AccordionItem key={entry.id} value={entry.id}>
            <AccordionHeader>
              <span className={styles.header}>
                <span className={styles.name}>
                  {entry.name} <Badge appearance="tint" size="small">{text.section(entry.section)}</Badge>
                </span>
                <Caption1>{entry.description}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <FunctionDetails entry={entry} text={text} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
