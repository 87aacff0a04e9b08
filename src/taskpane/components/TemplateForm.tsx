import { Caption1, Checkbox, Field, Input, makeStyles, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import type { Text } from '../../engine';
import { type Language, UI_TEXT } from '../i18n';
import type { FieldDef, RawInputs, TemplateDefinition } from '../templates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  section: { marginTop: tokens.spacingVerticalM },
  table: { fontFamily: tokens.fontFamilyMonospace },
});

export interface TemplateFormProps {
  /** Only its sections and source are drawn (the claims register's form is drawn the same way). */
  readonly template: Pick<TemplateDefinition, 'sections' | 'source'>;
  readonly inputs: RawInputs;
  /** Inline messages by field key (shown only after the user tried to build or edited the field). */
  readonly errors: Readonly<Record<string, Text>>;
  readonly language: Language;
  readonly onChange: (key: string, value: string | boolean) => void;
}

function hint(f: FieldDef, language: Language): string | undefined {
  const text = UI_TEXT[language];
  const note = f.note?.[language];
  if (f.kind === 'table') {
    const cols = (f.columns ?? []).map((c) => c.label[language]).join(language === 'zh' ? '；' : '; ');
    return [text.tableHint(cols), note].filter(Boolean).join(' ');
  }
  if (f.kind === 'series') return [text.seriesHint, note].filter(Boolean).join(' ');
  return note;
}

/** The template's fields, section by section, each with its inline validation message. */
export function TemplateForm({ template, inputs, errors, language, onChange }: TemplateFormProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {template.sections.map((section) => (
        <div key={section.title.en} className={styles.root}>
          <Subtitle2 className={styles.section}>{section.title[language]}</Subtitle2>
          {section.fields.map((f) => {
            const error = errors[f.key]?.[language];
            const value = inputs[f.key] ?? f.default;
            if (f.kind === 'boolean') {
              return (
                <Field key={f.key} validationMessage={error} validationState={error ? 'error' : 'none'} hint={f.note?.[language]}>
                  <Checkbox label={f.label[language]} checked={value === true} onChange={(_, d) => onChange(f.key, d.checked === true)} />
                </Field>
              );
            }
            const common = { value: String(value), 'aria-label': f.label[language] };
            return (
              <Field key={f.key} label={f.label[language]} validationMessage={error} validationState={error ? 'error' : 'none'} hint={hint(f, language)}>
                {f.kind === 'table' || f.kind === 'series' ? (
                  <Textarea {...common} className={styles.table} resize="vertical" rows={Math.min(8, String(value).split('\n').length + 1)} onChange={(_, d) => onChange(f.key, d.value)} />
                ) : (
                  <Input {...common} inputMode={f.kind === 'date' ? 'text' : 'decimal'} placeholder={f.kind === 'date' ? 'yyyy-mm-dd' : undefined} onChange={(_, d) => onChange(f.key, d.value)} />
                )}
              </Field>
            );
          })}
        </div>
      ))}
      <Caption1>
        {UI_TEXT[language].source}: {template.source[language]}
      </Caption1>
    </div>
  );
}
