import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { deleteScenario, loadScenarios, startNewScenarioList, type Damage, type Scenario, type ScenarioState } from '../scenarios';
import { findTemplate } from '../templates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS },
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
}

/** The scenarios saved in the workbook, or a clear message when the stored state is damaged. */
export function ScenarioList({ state, language, onOpen, onDelete, onStartNew }: ScenarioListProps) {
  const styles = useStyles();
  const text = UI_TEXT[language];
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
  return (
    <div className={styles.root}>
      {state.scenarios.map((s) => (
        <div key={s.name} className={styles.item}>
          <div>
            <Body1>
              <strong>{s.name}</strong>
            </Body1>
            <br />
            <Caption1>
              {s.kind === 'template' ? `${text.scenarioKind.template} · ${findTemplate(s.templateId)?.title[language] ?? s.templateId}` : `${text.scenarioKind.sensitivity} · ${s.setup.input} → ${s.setup.output}`} ·{' '}
              {text.savedAt(s.savedAt.slice(0, 16).replace('T', ' '))}
            </Caption1>
          </div>
          <div>
            <Button size="small" appearance="primary" onClick={() => onOpen?.(s)}>
              {text.apply}
            </Button>{' '}
            <Button size="small" onClick={() => onDelete?.(s)}>
              {text.remove}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}

/** Loads the workbook's scenarios each time the tab opens; opening one hands it to the App. */
export function ScenariosTab({ gateway, language, onOpen }: { readonly gateway: WorkbookGateway; readonly language: Language; readonly onOpen: (s: Scenario) => void }) {
  const [state, setState] = useState<ScenarioState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(() => {
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
  return (
    <ScenarioList
      state={state}
      language={language}
      onOpen={onOpen}
      onDelete={(s) => void deleteScenario(gateway, s.name).then(reload, (e: unknown) => setError(String(e)))}
      onStartNew={() => void startNewScenarioList(gateway).then(reload, (e: unknown) => setError(String(e)))}
    />
  );
}
