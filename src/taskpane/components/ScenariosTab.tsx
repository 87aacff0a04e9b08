import { Body1, Button, Caption1, Checkbox, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { deleteScenario, loadScenarios, startNewScenarioList, type Damage, type Scenario, type ScenarioState } from '../scenarios';
import { listWindow } from '../listWindow';
import { findTemplate } from '../templates';
import { CompareAction } from './CompareView';

/** Every row of the list is this tall (px): the window arithmetic depends on it. */
export const SCENARIO_ROW_HEIGHT = 56;
/** The scrolling box is at most this tall (px); only the rows inside it (and a few more) are rendered. */
export const SCENARIO_VIEWPORT = 480;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  scroller: { maxHeight: `${SCENARIO_VIEWPORT}px`, overflowY: 'auto' },
  item: {
    boxSizing: 'border-box',
    height: `${SCENARIO_ROW_HEIGHT}px`,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
  },
  // One line each, cut with an ellipsis: a row's height must not depend on its text.
  label: { minWidth: 0, flexGrow: 1, display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  line: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  actions: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export function damageText(damage: Damage, language: Language): string {
  const t = UI_TEXT[language];
  const reason = damage.reason === 'version' ? t.damagedReasons.version(damage.version) : t.damagedReasons[damage.reason];
  return t.damaged(reason);
}

export interface ScenarioListProps {
  readonly state: ScenarioState;
  readonly language: Language;
  readonly onOpen?: (s: Scenario) => void;
  readonly onDelete?: (s: Scenario) => void;
  readonly onStartNew?: () => void;
  /** Rows chosen for comparison (issue 15: scenarios side by side), by position. */
  readonly selected?: ReadonlySet<number>;
  readonly onToggle?: (index: number) => void;
}

/** The scenarios saved in the workbook, or a clear message when the stored state is damaged. */
export function ScenarioList({ state, language, onOpen, onDelete, onStartNew, selected, onToggle }: ScenarioListProps) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  const [scrollTop, setScrollTop] = useState(0);
  if (!state.ok) {
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>
            {damageText(state.damage, language)} {text.damagedSaveBlocked}
          </MessageBarBody>
        </MessageBar>
        <Button onClick={onStartNew}>{text.startNewList}</Button>
      </div>
    );
  }
  if (!state.scenarios.length) return <Body1>{text.noScenarios}</Body1>;
  const scenarios = state.scenarios;
  // Windowed: thousands of stored scenarios render only the rows in view (issue 12: 20,000 took 97 s).
  const win = listWindow({ scrollTop, viewport: SCENARIO_VIEWPORT, rowHeight: SCENARIO_ROW_HEIGHT, count: scenarios.length });
  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    const s = scenarios[i];
    const detail = `${s.kind === 'template' ? `${text.scenarioKind.template} · ${findTemplate(s.templateId)?.title[language] ?? s.templateId}` : `${text.scenarioKind.sensitivity} · ${s.setup.input} → ${s.setup.output}`} · ${text.savedAt(s.savedAt.slice(0, 16).replace('T', ' '))}`;
    rows.push(
      // Stored names may repeat (the list is stored state): the position is the key.
      <div key={i} className={styles.item} role="listitem" aria-setsize={scenarios.length} aria-posinset={i + 1} data-scenario-row={i}>
        {onToggle && <Checkbox aria-label={text.compare.select(s.name)} checked={selected?.has(i) ?? false} onChange={() => onToggle(i)} />}
        <div className={styles.label}>
          <Body1 className={styles.line} title={s.name}>
            <strong>{s.name}</strong>
          </Body1>
          <Caption1 className={styles.line} title={detail}>
            {detail}
          </Caption1>
        </div>
        <div className={styles.actions}>
          <Button size="small" appearance="primary" onClick={() => onOpen?.(s)}>
            {text.apply}
          </Button>{' '}
          <Button size="small" onClick={() => onDelete?.(s)}>
            {text.remove}
          </Button>
        </div>
      </div>,
    );
  }
  return (
    <div className={styles.root}>
      <div className={styles.scroller} role="list" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: win.padTop }} aria-hidden="true" />
        {rows}
        <div style={{ height: win.padBottom }} aria-hidden="true" />
      </div>
    </div>
  );
}

/** Loads the workbook's scenarios each time the tab opens; opening one hands it to the App. */
export function ScenariosTab({ gateway, language, onOpen }: { readonly gateway: WorkbookGateway; readonly language: Language; readonly onOpen: (s: Scenario) => void }) {
  const [state, setState] = useState<ScenarioState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const reload = useCallback(() => {
    setSelected(new Set());
    loadScenarios(gateway).then(setState, (e: unknown) => setError(String(e)));
  }, [gateway]);
  useEffect(reload, [reload]);
  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{UI_TEXT[language].readFailed(error)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state) return <Spinner size="tiny" />;
  const toggle = (i: number) =>
    setSelected((now) => {
      const next = new Set(now);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <>
      <ScenarioList
        state={state}
        language={language}
        onOpen={onOpen}
        onDelete={(s) => void deleteScenario(gateway, s.name).then(reload, (e: unknown) => setError(String(e)))}
        onStartNew={() => void startNewScenarioList(gateway).then(reload, (e: unknown) => setError(String(e)))}
        selected={selected}
        onToggle={toggle}
      />
      {state.ok && state.scenarios.length > 1 && <CompareAction gateway={gateway} language={language} selected={[...selected].sort((a, b) => a - b).map((i) => state.scenarios[i]).filter(Boolean)} />}
    </>
  );
}
