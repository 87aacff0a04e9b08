/**
 * Offline checks of the add-in's manifest, as strict as Office's (issue 16): manifest.xml (the
 * development manifest, https://localhost:3000/) and the production manifest the build makes of
 * it for a base URL (scripts/addin-urls.js manifestFor, what `npm run build:addin -- --base-url`
 * copies into dist/). The checks (test/support/manifest-check.ts) cover element order, allowed and
 * required children, namespaces and required attributes against the content model written out
 * from Microsoft's reference pages (test/manifest-schema.ts, sources named there), plus the rules
 * of a shared-runtime custom-functions add-in, the URLs and the icons. Each check is also run on
 * broken copies of the manifest to show that it notices. The XSD validation service (`npm run
 * validate:manifest`) needs the network: it stays the manual step before a release.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEV_BASE_URL, HELP_PAGES, HELP_STYLESHEET, manifestFor } from '../scripts/addin-urls';
import { buildMetadata, FILES } from '../scripts/build-metadata';
import { renderFunctionsModule } from '../scripts/gen-functions';
import { CATALOGUE } from '../src/engine';
import { CHINESE_LOCALES } from '../src/functions/adapter';
import { all, child, manifestProblems, overrideFor, parseXml, schemaProblems } from './support/manifest-check';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const PRODUCTION_BASE = 'https://addins.example.com/cyberbi/';
const PRODUCTION = manifestFor(MANIFEST, PRODUCTION_BASE);

/** The files `webpack --mode production` emits, read from webpack.config.js (not built here). */
function emittedByBuild(): Set<string> {
  const placeholder = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-manifest-'));
  try {
    for (const f of [...Object.values(FILES), HELP_PAGES.en, HELP_PAGES.zh, HELP_STYLESHEET]) {
      fs.mkdirSync(path.dirname(path.join(placeholder, f)), { recursive: true });
      fs.writeFileSync(path.join(placeholder, f), '{}');
    }
    const makeConfig = require('../webpack.config.js') as (env: object, argv: object) => { entry: Record<string, string>; plugins: object[] };
    const config = makeConfig({ metadataDir: placeholder }, { mode: 'production' });
    const files = new Set(Object.keys(config.entry).map((name) => `${name}.js`));
    for (const plugin of config.plugins as Array<{ userOptions?: { filename?: string }; patterns?: Array<{ from: string; to: string }> }>) {
      if (plugin.userOptions?.filename) files.add(plugin.userOptions.filename);
      for (const p of plugin.patterns ?? []) {
        const from = path.resolve(ROOT, p.from);
        if (fs.statSync(from).isDirectory()) for (const f of fs.readdirSync(from)) files.add(`${p.to}/${f}`);
        else files.add(p.to);
      }
    }
    return files;
  } finally {
    fs.rmSync(placeholder, { recursive: true, force: true });
  }
}

const EMITTED = emittedByBuild();
const MANIFESTS: Array<[string, string, string]> = [
  ['manifest.xml (development)', MANIFEST, DEV_BASE_URL],
  [`the production manifest for ${PRODUCTION_BASE}`, PRODUCTION, PRODUCTION_BASE],
];

test('the build emits the pages, bundles, metadata, help and icons the manifest needs', () => {
  for (const f of ['taskpane.html', 'functions.js', 'taskpane.js', 'manifest.xml', FILES.en, FILES.zh, HELP_PAGES.en, HELP_PAGES.zh, HELP_STYLESHEET, 'assets/icon-16.png', 'assets/icon-80.png']) {
    expect(EMITTED).toContain(f);
  }
});

describe.each(MANIFESTS)('%s', (_name, xml, base) => {
  test('follows the documented schema: order, children, namespaces, required attributes', () => {
    expect(schemaProblems(parseXml(xml))).toEqual([]);
  });

  test('has no other problem: shared runtime, URLs under the base URL, Chinese, icons', () => {
    expect(manifestProblems(xml, { baseUrl: base, emitted: EMITTED })).toEqual([]);
  });

  test('every Chinese locale gets the Simplified Chinese metadata and help, which the build emits', () => {
    const root = parseXml(xml);
    const metadata = all(root, 'bt:Url').find((u) => u.attrs.id === 'Functions.Metadata.Url')!;
    const support = child(root, 'SupportUrl')!;
    expect(CHINESE_LOCALES).toEqual(expect.arrayContaining(['zh-cn', 'zh-tw', 'zh-hk', 'zh-sg']));
    for (const locale of CHINESE_LOCALES) {
      expect([locale, overrideFor(metadata, locale)?.attrs.Value]).toEqual([locale, `${base}${FILES.zh}`]);
      expect([locale, overrideFor(support, locale)?.attrs.Value]).toEqual([locale, `${base}${HELP_PAGES.zh}`]);
    }
    expect(support.attrs.DefaultValue).toBe(`${base}${HELP_PAGES.en}`);
    // The same for the labels the ribbon and the add-in list show.
    const label = all(root, 'bt:String').find((s) => s.attrs.id === 'Cyber.TaskpaneButton.Label')!;
    for (const locale of CHINESE_LOCALES) expect(overrideFor(label, locale)?.attrs.Value).toBe('CYBER 函数');
  });

  test('every URL is https under the base URL, none on localhost unless that is the base', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect([u, u.startsWith(base)]).toEqual([u, true]);
    if (base !== DEV_BASE_URL) expect(xml).not.toMatch(/https?:\/\/localhost/);
  });
});

describe.each([DEV_BASE_URL, PRODUCTION_BASE])('the metadata built for %s', (base) => {
  test('every helpUrl is https on that base URL and names a section of the help page in its language', async () => {
    // From the functions module gen-functions makes of the current catalogue (as test/metadata.test.ts does).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-helpurl-'));
    try {
      const sourceFile = path.join(dir, 'functions.ts');
      fs.writeFileSync(sourceFile, renderFunctionsModule(CATALOGUE));
      const built = await buildMetadata({ catalogue: CATALOGUE, sourceFile, baseUrl: base });
      for (const lang of ['en', 'zh'] as const) {
        const page = built.help[HELP_PAGES[lang]];
        expect(built[lang].functions).toHaveLength(CATALOGUE.length);
        for (const f of built[lang].functions) {
          const url = new URL(f.helpUrl!);
          expect([f.id, url.protocol, `${url.origin}${url.pathname}`, url.hash]).toEqual([f.id, 'https:', `${base}${HELP_PAGES[lang]}`, `#${f.id}`]);
          expect([f.id, page.includes(`<section id="${f.id}">`)]).toEqual([f.id, true]);
        }
      }
      expect(built.help[HELP_PAGES.zh]).toMatch(/<html lang="zh-CN">/);
      expect(Object.keys(built.help).sort()).toEqual([HELP_PAGES.en, HELP_STYLESHEET, HELP_PAGES.zh].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('specific facts: namespace CYBER, shared runtime, ReadWriteDocument, requirement sets, no TaskpaneId, no AppDomains', () => {
  const root = parseXml(MANIFEST);
  const strings = Object.fromEntries(all(root, 'bt:String').map((s) => [s.attrs.id, s.attrs.DefaultValue]));
  expect(strings['Functions.Namespace']).toBe('CYBER');
  expect(all(root, 'Runtime')[0].attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
  expect(child(root, 'Permissions')?.text).toBe('ReadWriteDocument');
  expect(all(child(root, 'Requirements')!, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([
    ['SharedRuntime', '1.1'],
    ['CustomFunctionsRuntime', '1.3'],
  ]);
  expect(all(root, 'TaskpaneId')).toEqual([]);
  expect(all(root, 'AppDomains')).toEqual([]);
  const metadata = all(root, 'bt:Url').find((u) => u.attrs.id === 'Functions.Metadata.Url')!;
  expect(metadata.attrs.DefaultValue).toBe(`${DEV_BASE_URL}functions.json`);
});

test('the production manifest is manifest.xml with only the base URL changed (and a note saying so)', () => {
  const note = PRODUCTION.split('\n')[1];
  expect(note).toMatch(new RegExp(`^<!-- Production manifest for ${PRODUCTION_BASE.replace(/[./]/g, '\\$&')}`));
  const back = PRODUCTION.split('\n').filter((_l, i) => i !== 1).join('\n').split(PRODUCTION_BASE).join(DEV_BASE_URL);
  expect(back).toBe(MANIFEST);
  expect(manifestFor(MANIFEST, DEV_BASE_URL)).toBe(MANIFEST);
  // A URL of the dev origin written another way cannot be moved, so the build stops.
  expect(() => manifestFor(MANIFEST.replace('<Permissions>', '<!-- https://localhost:3000 --><Permissions>'), PRODUCTION_BASE)).toThrow(/names https:\/\/localhost:3000/);
  expect(() => manifestFor(MANIFEST, 'http://addins.example.com/')).toThrow(/must be https/);
});

describe('the schema check notices what Office refuses', () => {
  const move = (xml: string, element: RegExp, before: string) => {
    const m = element.exec(xml);
    if (!m) throw new Error(`no ${element}`);
    const without = xml.replace(m[0], '');
    return without.replace(before, `${m[0]}${before}`);
  };
  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    ['<Permissions> moved before <DefaultSettings>', (x) => move(x, / {2}<Permissions>ReadWriteDocument<\/Permissions>\n/, '  <DefaultSettings>'), /<OfficeApp\/Permissions> is out of order: it must come after <DefaultSettings>/],
    ['<Version> moved before <Id>', (x) => move(x, / {2}<Version>[^<]*<\/Version>\n/, '  <Id>'), /<OfficeApp\/Version> is out of order: it must come after <Id>/],
    ['<Runtimes> moved after <AllFormFactors>', (x) => move(x, / {8}<Runtimes>[\s\S]*?<\/Runtimes>\n/, '        <DesktopFormFactor>'), /<OfficeApp\/VersionOverrides\/Hosts\/Host\/Runtimes> is out of order/],
    ['<FunctionFile> moved before <GetStarted>', (x) => move(x, / {10}<FunctionFile resid="Taskpane.Url"\/>\n/, '          <GetStarted>'), /GetStarted> is out of order/],
    ['<Metadata> moved before <Script>', (x) => move(x, / {12}<Metadata>[\s\S]*?<\/Metadata>\n/, '            <Script>'), /<OfficeApp\/VersionOverrides\/Hosts\/Host\/AllFormFactors\/ExtensionPoint\/Metadata> is out of order: it must come after <Script>/],
    ['<bt:Urls> moved before <bt:Images>', (x) => move(x, / {6}<bt:Urls>[\s\S]*?<\/bt:Urls>\n/, '      <bt:Images>'), /bt:Images> is out of order/],
    ['no <DefaultSettings>', (x) => x.replace(/ {2}<DefaultSettings>[\s\S]*?<\/DefaultSettings>\n/, ''), /<OfficeApp> needs a <DefaultSettings>/],
    ['no <ProviderName>', (x) => x.replace(/ {2}<ProviderName>[^<]*<\/ProviderName>\n/, ''), /<OfficeApp> needs a <ProviderName>/],
    ['two <Permissions>', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteDocument</Permissions><Permissions>ReadDocument</Permissions>'), /has more than 1 <Permissions>/],
    ['a content add-in element (<RequestedHeight>) in <DefaultSettings>', (x) => x.replace('</DefaultSettings>', '<RequestedHeight>300</RequestedHeight></DefaultSettings>'), /RequestedHeight> is not an allowed child of <DefaultSettings>/],
    ['<SourceLocation> under <OfficeApp> instead of <DefaultSettings>', (x) => x.replace('  <Permissions>', '  <SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>\n  <Permissions>'), /<OfficeApp\/SourceLocation> is not an allowed child of <OfficeApp>/],
    ['<Images> without the bt: namespace', (x) => x.replace('<bt:Images>', '<Images>').replace('</bt:Images>', '</Images>'), /Images> is in namespace http:\/\/schemas\.microsoft\.com\/office\/taskpaneappversionoverrides, the schema wants http:\/\/schemas\.microsoft\.com\/office\/officeappbasictypes\/1\.0/],
    ['a second <Runtime>', (x) => x.replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="long"/><Runtime resid="Functions.Script.Url"/>'), /has more than 1 <Runtime>/],
    ['a button without <Supertip>', (x) => x.replace(/ {18}<Supertip>[\s\S]*?<\/Supertip>\n/, ''), /Control> needs a <Supertip> before <Icon>/],
    ['an icon with two images', (x) => x.replace(/ {18}<bt:Image size="80" resid="Icon.80x80"\/>\n/, ''), /Icon> needs 3 × <Image>/],
    ['a <bt:Url> without id', (x) => x.replace('<bt:Url id="Taskpane.Url"', '<bt:Url'), /bt:Url> needs the attribute id/],
    ['an unknown ExtensionPoint type', (x) => x.replace('xsi:type="CustomFunctions"', 'xsi:type="CustomFunction"'), /xsi:type "CustomFunction" is not one of CustomFunctions/],
    ['text content where none is allowed to have children', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions><Set Name="x"/></Permissions>'), /Permissions> must not have child elements/],
  ];
  test.each(cases)('%s', (_name, mutate, problem) => {
    const broken = mutate(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    expect(schemaProblems(parseXml(broken)).join('\n')).toMatch(problem);
    expect(manifestProblems(broken, { baseUrl: DEV_BASE_URL, emitted: EMITTED }).join('\n')).toMatch(problem);
  });

  test('the production manifest with <Permissions> before <DefaultSettings> fails too', () => {
    const broken = PRODUCTION.replace('  <Permissions>ReadWriteDocument</Permissions>\n', '').replace('  <DefaultSettings>', '  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(broken).not.toBe(PRODUCTION);
    expect(manifestProblems(broken, { baseUrl: PRODUCTION_BASE, emitted: EMITTED })).toEqual([
      expect.stringMatching(/^<OfficeApp\/Permissions> is out of order: it must come after <DefaultSettings>/),
    ]);
  });
});

describe('the other checks notice broken manifests', () => {
  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    ['an http URL', (x) => x.replace(`${DEV_BASE_URL}functions.js`, 'http://localhost:3000/functions.js'), /is not https/],
    ['a URL on another origin', (x) => x.replace(`${DEV_BASE_URL}assets/icon-32.png`, 'https://cdn.example.com/icon-32.png'), /icon-32\.png is not under https:\/\/localhost:3000\//],
    ['an undefined resid', (x) => x.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nothing"/>'), /refers to no resource/],
    ['a short-lived runtime', (x) => x.replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>'), /lifetime must be "long"/],
    ['no SharedRuntime requirement', (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /SharedRuntime/],
    ['an older CustomFunctionsRuntime', (x) => x.replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'), /CustomFunctionsRuntime 1\.3/],
    ['a <TaskpaneId> under the long-lived runtime', (x) => x.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>Cyber.Taskpane</TaskpaneId>'), /<TaskpaneId> under the long-lived shared runtime/],
    [
      'an AppDomain repeating the SourceLocation origin',
      (x) => x.replace('  <Hosts>\n    <Host Name="Workbook"/>', '  <AppDomains>\n    <AppDomain>https://localhost:3000</AppDomain>\n  </AppDomains>\n  <Hosts>\n    <Host Name="Workbook"/>'),
      /AppDomain https:\/\/localhost:3000 repeats the SourceLocation origin/,
    ],
    ['a zh-cn metadata file the build does not emit', (x) => x.replace('functions-zh-cn.json', 'functions-zh.json'), /emits no functions-zh\.json/],
    [
      'a zh-hk metadata file the build does not emit',
      (x) => x.replace('<bt:Override Locale="zh-hk" Value="https://localhost:3000/functions-zh-cn.json"/>', '<bt:Override Locale="zh-hk" Value="https://localhost:3000/functions-zh-hk.json"/>'),
      /emits no functions-zh-hk\.json/,
    ],
    ['no zh-tw metadata', (x) => x.replace('<bt:Override Locale="zh-tw" Value="https://localhost:3000/functions-zh-cn.json"/>', ''), /Metadata needs a zh-tw override/],
    ['no zh-sg help page', (x) => x.replace('<Override Locale="zh-sg" Value="https://localhost:3000/help/zh-cn.html"/>', ''), /SupportUrl needs a zh-sg override pointing at help\/zh-cn\.html/],
    ['a missing zh-sg label', (x) => x.replace('<bt:Override Locale="zh-sg" Value="CYBER 函数"/>', ''), /Cyber\.TaskpaneButton\.Label needs a Chinese zh-sg override/],
    ['a zh-hk label unlike the zh-cn one', (x) => x.replace('<bt:Override Locale="zh-hk" Value="CYBER 函数"/>', '<bt:Override Locale="zh-hk" Value="CYBER 函數"/>'), /Label: the zh-hk override must be the zh-cn/],
    ['a missing Chinese label', (x) => x.replace('<bt:Override Locale="zh-cn" Value="CYBER 函数"/>', ''), /Cyber\.TaskpaneButton\.Label needs a Chinese/],
    ['another namespace', (x) => x.replace('DefaultValue="CYBER"', 'DefaultValue="CONTOSO"'), /Namespace> must be CYBER/],
    ['read-only permission', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), /ReadWriteDocument/],
    ['a separate functions page', (x) => x.replace('<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>'), /Page> must be the shared runtime page/],
    ['an icon of the wrong size', (x) => x.replace('<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>'), /icon Icon\.16x16 must be a 16×16 PNG \(.* is 32×32\)/],
    ['a high-resolution icon of 32 px', (x) => x.replace('<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>'), /HighResolutionIconUrl must be a 64×64 PNG/],
    ['a label of 126 characters', (x) => x.replace('DefaultValue="CYBER functions"', `DefaultValue="${'x'.repeat(126)}"`), /string Cyber\.TaskpaneButton\.Label is longer than 125 characters/],
    ['a Chinese tooltip of 251 characters', (x) => x.replace('<bt:Override Locale="zh-cn" Value="打开 CYBER 函数参考：说明、参数及所依据的条款。"/>', `<bt:Override Locale="zh-cn" Value="${'条'.repeat(251)}"/>`), /string Cyber\.TaskpaneButton\.Tooltip is longer than 250 characters/],
    ['a resid of 33 characters', (x) => x.split('Functions.Namespace').join('F'.repeat(33)), /resid F{33} is longer than 32 characters/],
    ['a Version that is not n.n.n.n', (x) => x.replace('<Version>0.1.0.0</Version>', '<Version>v0.1</Version>'), /Version must be n\.n\.n\.n/],
  ];
  test.each(cases)('%s', (_name, mutate, problem) => {
    const broken = mutate(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    expect(manifestProblems(broken, { baseUrl: DEV_BASE_URL, emitted: EMITTED }).join('\n')).toMatch(problem);
  });

  test('the production manifest checked against another base URL fails on every URL', () => {
    const problems = manifestProblems(PRODUCTION, { baseUrl: 'https://addins.example.com/other/', emitted: EMITTED });
    expect(problems.filter((p) => /is not under https:\/\/addins\.example\.com\/other\//.test(p)).length).toBeGreaterThan(10);
  });
});
