import { Radio, RadioGroup } from '@fluentui/react-components';
import { LANGUAGES, type Language, UI_TEXT } from '../i18n';

export interface LanguageSwitchProps {
  readonly language: Language;
  readonly onChange: (language: Language) => void;
}

/** English / 简体中文, each named in its own language so either reader finds it. */
export function LanguageSwitch({ language, onChange }: LanguageSwitchProps) {
  const text = UI_TEXT[language];
  return (
    <RadioGroup
      layout="horizontal"
      aria-label={text.languageLabel}
      value={language}
      onChange={(_, data) => onChange(data.value as Language)}
    >
      {LANGUAGES.map((l) => (
        <Radio key={l} value={l} label={text.languageName[l]} />
      ))}
    </RadioGroup>
  );
}
