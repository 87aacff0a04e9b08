import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text as FluentText, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { qualify } from '../addresses';
import type { WorkbookGateway } from '../gateway';
import { type Language, UI_TEXT } from '../i18n';
import { DamagedScenarios, saveScenario } from '../scenarios';
import { TEMPLATES, type RawInputs } from '../templates';
import { buildTemplate, defaultInputs, validateForm } from '../templates/form';
import { StatementAction } from './StatementTab';
import { TemplateForm } from './TemplateForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
});

export interface TemplateRequest {
  readonly templateId: string;
  readonly inputs: RawInputs;
}

export interface TemplatesTabProps {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  /** Entries to open (a scenario); replaces the form's entries when it changes. */
  readonly request?: TemplateRequest;
  /** Told the sheet-qualified address of the built model's main result. */
  readonly onBuilt?: (payoutAddress: string) => void;
}

type Status = { kind: 'idle' } | { kind: 'building' } | { kind: 'done' | 'error' | 'info'; text: string };

/** Choose a policy form, fill the validated form, write the model sheet; save the entries as a scenario. */
export function TemplatesTab({ gateway, language, request, onBuilt }: TemplatesTabProps) {
  const styles = useStyles();
  const text = UI_TEXT[language];
  const [templateId, setTemplateId] = useState<string>(request?.templateId ?? TEMPLATES[0].id);
  const [inputs, setInputs] = useState<Record<string, RawInputs>>(() => (request ? { [request.templateId]: request.inputs } : {}));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [scenarioName, setScenarioName] = useState('');
  /** The total of the last model built: its calculation statement is one click away. */
  const [built, setBuilt] = useState<{ readonly address: string; readonly templateId: string } | undefined>();

  useEffect(() => {
    if (!request) return;
    setTemplateId(request.templateId);
    setInputs((all) => ({ ...all, [request.templateId]: request.inputs }));
  }, [request]);

  const template = TEMPLATES.find((t) => t.id === templateId) ?? TEMPLATES[0];
  const current = useMemo(() => ({ ...defaultInputs(template), ...(inputs[template.id] ?? {}) }), [template, inputs]);
  const validation = useMemo(() => validateForm(template, current), [template, current]);

  const change = (key: string, value: string | boolean) => setInputs((all) => ({ ...all, [template.id]: { ...(all[template.id] ?? {}), [key]: value } }));

  async function build() {
    if (!validation.ok) {
      setStatus({ kind: 'error', text: text.fixErrors });
      return;
    }
    setStatus({ kind: 'building' });
    try {
      const result = await buildTemplate(gateway, template, current);
      if (!result.ok) {
        setStatus({ kind: 'error', text: text.fixErrors });
        return;
      }
      setStatus({ kind: 'done', text: text.built(result.sheet) });
      setBuilt({ address: qualify(result.payout, result.sheet), templateId: template.id });
      onBuilt?.(qualify(result.payout, result.sheet));
    } catch (e) {
      setStatus({ kind: 'error', text: text.buildFailed(e instanceof Error ? e.message : String(e)) });
    }
  }

  async function save() {
    const name = scenarioName.trim();
    if (!name) {
      setStatus({ kind: 'error', text: text.scenarioNameRequired });
      return;
    }
    try {
      await saveScenario(gateway, { name, kind: 'template', templateId: template.id, inputs: current, savedAt: new Date().toISOString() });
      setStatus({ kind: 'done', text: text.scenarioSaved(name) });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof DamagedScenarios ? text.damagedSaveBlocked : String(e) });
    }
  }

  const errors = validation.ok ? {} : validation.errors;
  return (
    <div className={styles.root}>
      <Field label={text.chooseTemplate}>
        <Select value={template.id} onChange={(_, d) => setTemplateId(d.value)}>
          {TEMPLATES.map((t) => (
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
      <div className={styles.row}>
        <Button appearance="primary" disabled={status.kind === 'building'} onClick={() => void build()}>
          {text.build}
        </Button>
        <Button onClick={() => setInputs((all) => ({ ...all, [template.id]: {} }))}>{text.resetDefaults}</Button>
      </div>
      {status.kind === 'building' && <Spinner size="tiny" label={text.building} />}
      {(status.kind === 'done' || status.kind === 'error' || status.kind === 'info') && (
        <MessageBar intent={status.kind === 'done' ? 'success' : status.kind === 'error' ? 'error' : 'info'}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {built && <StatementAction gateway={gateway} language={language} address={built.address} templateId={built.templateId} label={text.statement.fromTemplate} />}
      <div className={styles.row}>
        <Field label={text.scenarioName}>
          <Input value={scenarioName} onChange={(_, d) => setScenarioName(d.value)} />
        </Field>
        <Button onClick={() => void save()}>{text.saveTemplateScenario(template.title[language].split(' — ')[0])}</Button>
      </div>
    </div>
  );
}
