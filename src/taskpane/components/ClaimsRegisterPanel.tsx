import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { defaultRegisterInputs, REGISTER_FORM, validateRegister, writeRegister } from '../claimsRegister';
import { REGISTER_TEXT } from '../claimsRegisterText';
import type { WorkbookGateway } from '../gateway';
import type { Language } from '../i18n';
import { TemplateForm } from './TemplateForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** The claims register's form (schedule + incidents in date order) and the action that writes its sheet. */
export function ClaimsRegisterPanel({
  gateway,
  language,
  initialOpen = false,
  initial,
}: {
  readonly gateway: WorkbookGateway;
  readonly language: Language;
  readonly initialOpen?: boolean;
  /** Entries to start from instead of the defaults. */
  readonly initial?: Readonly<Record<string, string | boolean>>;
}) {
  const styles = useStyles();
  const t = REGISTER_TEXT[language];
  const [inputs, setInputs] = useState<Record<string, string | boolean>>(() => ({ ...defaultRegisterInputs(), ...initial }));
  const [status, setStatus] = useState<{ kind: 'writing' } | { kind: 'success' | 'error'; text: string } | undefined>();
  const validation = useMemo(() => validateRegister(inputs), [inputs]);
  async function write() {
    if (!validation.ok) {
      setStatus({ kind: 'error', text: t.fixErrors });
      return;
    }
    setStatus({ kind: 'writing' });
    try {
      const result = await writeRegister(gateway, inputs);
      setStatus(result.ok ? { kind: 'success', text: t.written(result.sheet) } : { kind: 'error', text: t.fixErrors });
    } catch (e) {
      setStatus({ kind: 'error', text: t.writeFailed(e instanceof Error ? e.message : String(e)) });
    }
  }
  return (
    <Accordion collapsible defaultOpenItems={initialOpen ? ['register'] : []}>
      <AccordionItem value="register">
        <AccordionHeader>{t.title}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.root}>
            <Caption1>{t.intro}</Caption1>
            <TemplateForm template={REGISTER_FORM} inputs={inputs} errors={validation.ok ? {} : validation.errors} language={language} onChange={(k, v) => setInputs((all) => ({ ...all, [k]: v }))} />
            <div>
              <Button appearance="primary" disabled={status?.kind === 'writing'} onClick={() => void write()}>
                {t.write}
              </Button>
            </div>
            {status?.kind === 'writing' && <Spinner size="tiny" label={t.writing} />}
            {status && status.kind !== 'writing' && (
              <MessageBar intent={status.kind}>
                <MessageBarBody>{status.text}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
