import { FluentProvider, makeStyles, MessageBar, MessageBarBody, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { CATALOGUE, type FunctionDefinition } from '../engine';
import { FunctionReference } from './components/FunctionReference';
import { LanguageSwitch } from './components/LanguageSwitch';
import { GatewayContext } from './gatewayContext';
import { type Language, languageOf, UI_TEXT } from './i18n';
import type { HostInfo, OfficeGateway } from './officeGateway';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
});

export interface AppProps {
  readonly gateway: OfficeGateway;
  /** What `gateway.ready()` reported; undefined while unknown. */
  readonly host?: HostInfo;
  /** Defaults to the engine CATALOGUE; a test may pass a smaller one. */
  readonly catalogue?: readonly FunctionDefinition[];
}

/** The task pane: a bilingual, searchable reference of the CYBER functions. */
export function App({ gateway, host, catalogue = CATALOGUE }: AppProps) {
  const styles = useStyles();
  // Office's display language picks the first language; the switch overrides it for the session.
  const [language, setLanguage] = useState<Language>(() => languageOf(gateway.displayLanguage()));
  const text = UI_TEXT[language];
  return (
    <GatewayContext.Provider value={gateway}>
      <FluentProvider theme={webLightTheme} lang={language === 'zh' ? 'zh-CN' : 'en'}>
        <main className={styles.root}>
          <div className={styles.top}>
            <Title3 as="h1">{text.title}</Title3>
            <LanguageSwitch language={language} onChange={setLanguage} />
          </div>
          {host && !host.inOffice && (
            <MessageBar intent="info">
              <MessageBarBody>{text.notInOffice}</MessageBarBody>
            </MessageBar>
          )}
          <FunctionReference catalogue={catalogue} language={language} />
        </main>
      </FluentProvider>
    </GatewayContext.Provider>
  );
}
