import { Button, FluentProvider, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { CATALOGUE, type FunctionDefinition } from '../engine';
import { LanguageSwitch } from './components/LanguageSwitch';
import { SensitivityTab } from './components/SensitivityTab';
import { StatementTab } from './components/StatementTab';
import { TemplatesTab, type TemplateRequest } from './components/TemplatesTab';
import type { WorkbookGateway } from './gateway';
import { GatewayContext } from './gatewayContext';
import { type Language, languageOf, TAB_IDS, type TabId, UI_TEXT } from './i18n';
import type { HostInfo, OfficeGateway } from './officeGateway';
import type { Scenario } from './scenarios';
import type { CellInput } from './gateway';
import { applyPending, checkAllPending, discardPending, type PendingCheck, type SensitivitySetup } from './sensitivity';

// The Simulate tab is a chunk of its own, fetched from the pane's own origin the first time the tab
// is opened: its templates, charts and worker client stay out of taskpane.js's start-up.
const SimulateTab = lazy(() => import(/* webpackChunkName: "simulate-tab" */ './components/SimulateTab').then((m) => ({ default: m.SimulateTab })));
// So are the other tabs not shown first (the pane opens on Templates; Sensitivity stays mounted, so it
// is in taskpane.js), each fetched from the pane's own origin when first opened: taskpane.js has a
// size budget (scripts/bench-bundles.js) and is parsed on every start of the shared runtime. Not
// Statement: Templates and Explain use its StatementAction, so it is in taskpane.js anyway.
const ExplainTab = lazy(() => import(/* webpackChunkName: "explain-tab" */ './components/ExplainTab').then((m) => ({ default: m.ExplainTab })));
const LimitsTab = lazy(() => import(/* webpackChunkName: "limits-tab" */ './components/LimitsTab').then((m) => ({ default: m.LimitsTab })));
const ScenariosTab = lazy(() => import(/* webpackChunkName: "scenarios-tab" */ './components/ScenariosTab').then((m) => ({ default: m.ScenariosTab })));
const PricingTab = lazy(() => import(/* webpackChunkName: "pricing-tab" */ './components/PricingTab').then((m) => ({ default: m.PricingTab })));
const FunctionReference = lazy(() => import(/* webpackChunkName: "reference-tab" */ './components/FunctionReference').then((m) => ({ default: m.FunctionReference })));

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
  /** The host: Excel (createExcelGateway) or the workbench's grid. */
  readonly gateway: WorkbookGateway;
  /** What `gateway.ready()` reported; undefined while unknown. */
  readonly host?: HostInfo;
  /** Defaults to the engine CATALOGUE; a test may pass a smaller one. */
  readonly catalogue?: readonly FunctionDefinition[];
  readonly initialTab?: TabId;
}

/** A cell entry as the restore messages show it (long text cut: it is shown, never run). */
export function entryText(input: CellInput, empty: string): string {
  if (input === null) return empty;
  if (typeof input === 'object') return input.formula.length > 200 ? `${input.formula.slice(0, 200)}…` : input.formula;
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  if (typeof input === 'number') return input.toLocaleString('en-US', { maximumFractionDigits: 15 });
  return `“${input.length > 200 ? `${input.slice(0, 200)}…` : input}”`;
}

/**
 * What the pane found of an interrupted sweep: the restore offered (the user confirms or
 * declines), or a record that was not applied and why. Shows entries as text; runs nothing.
 */
export function PendingRestoreBar({ pending, language, onAnswer }: { readonly pending: PendingCheck; readonly language: Language; readonly onAnswer?: (restore: boolean) => void }) {
  const text = UI_TEXT[language];
  if (pending.kind === 'discarded') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{text.pendingDiscarded(pending.reason, pending.address, pending.original === undefined ? undefined : entryText(pending.original, text.emptyEntry))}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{text.pendingOffer(pending.address, entryText(pending.current, text.emptyEntry), entryText(pending.original, text.emptyEntry))}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={() => onAnswer?.(true)}>
          {text.restoreConfirm}
        </Button>
        <Button size="small" onClick={() => onAnswer?.(false)}>
          {text.restoreDecline}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function Shell({ gateway, language, setLanguage, children }: { gateway: OfficeGateway; language: Language; setLanguage: (l: Language) => void; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <GatewayContext.Provider value={gateway}>
      <FluentProvider theme={webLightTheme} lang={language === 'zh' ? 'zh-CN' : 'en'}>
        <main className={styles.root}>
          <div className={styles.top}>
            <Title3 as="h1">{UI_TEXT[language].paneTitle}</Title3>
            <LanguageSwitch language={language} onChange={setLanguage} />
          </div>
          {children}
        </main>
      </FluentProvider>
    </GatewayContext.Provider>
  );
}

/**
 * The task pane: templates, explain, limits, sensitivity, scenarios and the function reference,
 * over any {@link WorkbookGateway}.
 */
export function App({ gateway, host, catalogue = CATALOGUE, initialTab = 'templates' }: AppProps) {
  // Office's display language picks the first language; the switch overrides it for the session.
  const [language, setLanguage] = useState<Language>(() => languageOf(gateway.displayLanguage()));
  const [tab, setTab] = useState<TabId>(initialTab);
  const [pending, setPending] = useState<PendingCheck | undefined>();
  const [pendingOutcome, setPendingOutcome] = useState<string | undefined>();
  const [restoreError, setRestoreError] = useState<string | undefined>();
  const [templateRequest, setTemplateRequest] = useState<TemplateRequest | undefined>();
  const [sensitivityRequest, setSensitivityRequest] = useState<SensitivitySetup | undefined>();
  const [lastPayout, setLastPayout] = useState<string | undefined>();
  const [simulateOpened, setSimulateOpened] = useState(initialTab === 'simulate');
  const [pricingOpened, setPricingOpened] = useState(initialTab === 'pricing');
  const text = UI_TEXT[language];

  useEffect(() => {
    if (tab === 'simulate') setSimulateOpened(true);
    if (tab === 'pricing') setPricingOpened(true);
  }, [tab]);

  // A sensitivity run interrupted by closing the pane may have left its input changed: offer to put
  // it back (the user confirms), or say why a stored record was not applied. Nothing is written here.
  useEffect(() => {
    // Every record: a two-way table keeps one per input it changes (src/taskpane/twoWay.ts).
    checkAllPending(gateway).then(setPending, (e: unknown) => setRestoreError(e instanceof Error ? e.message : String(e)));
  }, [gateway]);

  async function answerPending(restore: boolean) {
    if (pending?.kind !== 'offer') return;
    const offer = pending;
    setPending(undefined);
    try {
      if (!restore) {
        await discardPending(gateway, offer.key);
        setPendingOutcome(text.pendingDeclined(offer.address));
      } else {
        setPendingOutcome((await applyPending(gateway, offer)) ? text.pendingRestored(offer.address) : text.pendingChangedSince(offer.address));
      }
      // A two-way table interrupted mid-way left two records: the next one is offered in turn.
      const next = await checkAllPending(gateway);
      if (next) setPending(next);
    } catch (e) {
      setRestoreError(e instanceof Error ? e.message : String(e));
    }
  }

  function openScenario(s: Scenario) {
    if (s.kind === 'template') {
      setTemplateRequest({ templateId: s.templateId, inputs: s.inputs });
      setTab('templates');
    } else {
      setSensitivityRequest(s.setup);
      setTab('sensitivity');
    }
  }

  return (
    <Shell gateway={gateway} language={language} setLanguage={setLanguage}>
      {host && !host.inOffice && (
        <MessageBar intent="info">
          <MessageBarBody>{text.notInOffice}</MessageBarBody>
        </MessageBar>
      )}
      {pending && <PendingRestoreBar pending={pending} language={language} onAnswer={(restore) => void answerPending(restore)} />}
      {pendingOutcome && (
        <MessageBar intent="info">
          <MessageBarBody>{pendingOutcome}</MessageBarBody>
        </MessageBar>
      )}
      {restoreError && (
        <MessageBar intent="error">
          <MessageBarBody>{text.readFailed(restoreError)}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        {TAB_IDS.map((id) => (
          <Tab key={id} value={id}>
            {text.tabs[id]}
          </Tab>
        ))}
      </TabList>
      {/* Templates and Sensitivity stay mounted: switching tabs must not lose entries or cancel a run. */}
      <div hidden={tab !== 'templates'}>
        <TemplatesTab gateway={gateway} language={language} request={templateRequest} onBuilt={setLastPayout} />
      </div>
      <div hidden={tab !== 'sensitivity'}>
        <SensitivityTab gateway={gateway} language={language} request={sensitivityRequest} defaultOutput={lastPayout} />
      </div>
      <Suspense fallback={<Spinner size="tiny" />}>
        {tab === 'explain' && <ExplainTab gateway={gateway} language={language} />}
        {tab === 'statement' && <StatementTab gateway={gateway} language={language} defaultSource={lastPayout} />}
        {tab === 'limits' && <LimitsTab gateway={gateway} language={language} />}
        {tab === 'scenarios' && <ScenariosTab gateway={gateway} language={language} onOpen={openScenario} />}
        {tab === 'reference' && <FunctionReference catalogue={catalogue} language={language} />}
      </Suspense>
      {/* Simulate stays mounted once opened: a run in its worker continues while another tab is shown. */}
      {simulateOpened && (
        <div hidden={tab !== 'simulate'}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <SimulateTab gateway={gateway} language={language} />
          </Suspense>
        </div>
      )}
      {/* Pricing stays mounted once opened: switching to Explain and back keeps the severity and layers typed. */}
      {pricingOpened && (
        <div hidden={tab !== 'pricing'}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <PricingTab gateway={gateway} language={language} />
          </Suspense>
        </div>
      )}
    </Shell>
  );
}

/** Outside Office with no workbook gateway given: the function reference only, with a note. */
export function ReferencePane({ gateway, catalogue = CATALOGUE }: { readonly gateway: OfficeGateway; readonly catalogue?: readonly FunctionDefinition[] }) {
  const [language, setLanguage] = useState<Language>(() => languageOf(gateway.displayLanguage()));
  return (
    <Shell gateway={gateway} language={language} setLanguage={setLanguage}>
      <MessageBar intent="info">
        <MessageBarBody>{UI_TEXT[language].notInOffice}</MessageBarBody>
      </MessageBar>
      <Suspense fallback={<Spinner size="tiny" />}>
        <FunctionReference catalogue={catalogue} language={language} />
      </Suspense>
    </Shell>
  );
}
