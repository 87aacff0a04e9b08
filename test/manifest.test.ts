/**
 * Offline structural check of manifest.xml. The XSD validation service (`npm run
 * validate:manifest`) needs the network and no npm package ships the schemas (TOOLING-FACTS.md),
 * so the rules that break a shared-runtime custom-functions add-in are checked here by parsing the
 * XML. The checker returns a list of problems; it is also run on broken copies of the manifest to
 * show that it notices.
 */
import { XMLParser } from 'fast-xml-parser';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FILES } from '../scripts/build-metadata';
import { CHINESE_LOCALES } from '../src/functions/adapter';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ORIGIN = 'https://localhost:3000';
const HAS_CJK = /[\u4e00-\u9fff]/;

interface XmlElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
}

/** Parses XML into a uniform element tree (every element an object, attributes by name). */
function parseXml(xml: string): XmlElement {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  const convert = (tag: string, node: unknown): XmlElement => {
    if (typeof node !== 'object' || node === null) return { tag, attrs: {}, text: String(node ?? ''), children: [] };
    const attrs: Record<string, string> = {};
    const children: XmlElement[] = [];
    let text = '';
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key.startsWith('@_')) attrs[key.slice(2)] = String(value);
      else if (key === '#text') text = String(value);
      else for (const child of value as unknown[]) children.push(convert(key, child));
    }
    return { tag, attrs, text, children };
  };
  const doc = parser.parse(xml) as Record<string, unknown[]>;
  const rootTag = Object.keys(doc).find((k) => k !== '?xml');
  if (!rootTag) throw new Error('no root element');
  return convert(rootTag, doc[rootTag][0]);
}

function* descendants(e: XmlElement): Generator<XmlElement> {
  for (const c of e.children) {
    yield c;
    yield* descendants(c);
  }
}

const all = (e: XmlElement, tag: string) => [...descendants(e)].filter((d) => d.tag === tag);
const child = (e: XmlElement | undefined, tag: string) => e?.children.find((c) => c.tag === tag);
/** The <Override> of `e` for `locale` (case-insensitive), if any. */
const overrideFor = (e: XmlElement | undefined, locale: string) =>
  e?.children.find((c) => /^(bt:)?Override$/.test(c.tag) && c.attrs.Locale?.toLowerCase() === locale);
const zhOverride = (e: XmlElement | undefined) => overrideFor(e, 'zh-cn');

/** The file a https://localhost:3000/... URL asks the dev server for ("assets/icon-16.png"). */
function servedPath(url: string): string | undefined {
  return url.startsWith(`${ORIGIN}/`) ? url.slice(ORIGIN.length + 1).split(/[?#]/)[0] : undefined;
}

/** Everything wrong with `xml` as a shared-runtime custom-functions manifest; [] when nothing is. */
function manifestProblems(xml: string, emitted: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const expect = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const root = parseXml(xml);
  expect(root.tag === 'OfficeApp' && root.attrs['xsi:type'] === 'TaskPaneApp', 'root must be <OfficeApp xsi:type="TaskPaneApp">');
  expect(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(child(root, 'Id')?.text ?? ''), 'Id must be a GUID');
  expect(child(root, 'Permissions')?.text === 'ReadWriteDocument', 'Permissions must be ReadWriteDocument');
  expect(all(child(root, 'Hosts')!, 'Host').some((h) => h.attrs.Name === 'Workbook'), 'Hosts must include Workbook');

  const sets = all(child(root, 'Requirements') ?? root, 'Set');
  expect(sets.some((s) => s.attrs.Name === 'SharedRuntime' && s.attrs.MinVersion === '1.1'), 'Requirements must ask for SharedRuntime 1.1');

  // Resources: every resid used is defined exactly once.
  const resources = all(root, 'Resources')[0];
  const defined = new Map<string, XmlElement>();
  for (const r of resources ? [...descendants(resources)] : []) {
    if (!['bt:Image', 'bt:Url', 'bt:String'].includes(r.tag) || !r.attrs.id) continue;
    expect(!defined.has(r.attrs.id), `resource id ${r.attrs.id} is defined twice`);
    defined.set(r.attrs.id, r);
  }
  for (const user of [...descendants(root)].filter((e) => e.attrs.resid !== undefined)) {
    expect(defined.has(user.attrs.resid), `<${user.tag} resid="${user.attrs.resid}"> refers to no resource`);
  }
  const resource = (resid: string | undefined) => (resid ? defined.get(resid) : undefined);

  // URLs: https everywhere, served by the dev server, and emitted by the build.
  const urls: string[] = [];
  for (const e of descendants(root)) {
    for (const name of ['DefaultValue', 'Value']) {
      const v = e.attrs[name];
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    if (e.tag === 'AppDomain') urls.push(e.text);
  }
  expect(urls.length > 0, 'no URLs found');
  for (const url of urls) {
    expect(url.startsWith('https://'), `${url} is not https`);
    expect(url === ORIGIN || url.startsWith(`${ORIGIN}/`), `${url} is not served from ${ORIGIN}`);
    const file = servedPath(url);
    if (file !== undefined) expect(emitted.has(file), `${url}: the build emits no ${file}`);
  }

  // Shared runtime: one long-lived runtime, the same page for functions, pane and commands.
  const runtimes = all(root, 'Runtime');
  expect(runtimes.length === 1, 'exactly one <Runtime> expected');
  const runtime = runtimes[0];
  expect(runtime?.attrs.lifetime === 'long', 'Runtime lifetime must be "long"');
  const runtimeResid = runtime?.attrs.resid;

  const cf = all(root, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions');
  expect(cf, 'no CustomFunctions extension point');
  const cfLocation = (tag: string) => child(child(cf, tag), 'SourceLocation')?.attrs.resid;
  for (const tag of ['Script', 'Page', 'Metadata']) expect(cfLocation(tag), `CustomFunctions needs <${tag}><SourceLocation resid>`);
  expect(cfLocation('Page') === runtimeResid, 'CustomFunctions <Page> must be the shared runtime page');
  expect(servedPath(resource(cfLocation('Script'))?.attrs.DefaultValue ?? '') === 'functions.js', 'CustomFunctions <Script> must be functions.js');
  const namespace = resource(child(cf, 'Namespace')?.attrs.resid);
  expect(namespace?.attrs.DefaultValue === 'CYBER', 'CustomFunctions <Namespace> must be CYBER');
  expect(!namespace?.children.some((c) => /^(bt:)?Override$/.test(c.tag)), 'the namespace must not be localized (formulas would break between languages)');

  const functionFile = all(root, 'FunctionFile')[0];
  expect(functionFile?.attrs.resid === runtimeResid, '<FunctionFile> must be the shared runtime page');
  const taskpaneActions = all(root, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');
  expect(taskpaneActions.length > 0, 'no ribbon button opens the task pane');
  for (const a of taskpaneActions) expect(child(a, 'SourceLocation')?.attrs.resid === runtimeResid, 'ShowTaskpane must open the shared runtime page');

  // Localization: metadata per language, and every user-visible string in Chinese. An override
  // covers one locale only, so each Chinese locale the functions answer in Chinese for
  // (src/functions/adapter.ts CHINESE_LOCALES) has its own, with the Simplified Chinese text.
  const metadataUrl = resource(cfLocation('Metadata'));
  expect(servedPath(metadataUrl?.attrs.DefaultValue ?? '') === FILES.en, `Metadata must default to ${FILES.en}`);
  const localized: Array<[string, XmlElement | undefined]> = [
    ['Metadata', metadataUrl],
    ...['DisplayName', 'Description'].map((tag): [string, XmlElement | undefined] => [tag, child(root, tag)]),
    ...[...defined].filter(([, r]) => r.tag === 'bt:String' && r !== namespace).map(([id, r]): [string, XmlElement] => [`string ${id}`, r]),
  ];
  for (const [what, e] of localized) {
    const zhCn = zhOverride(e)?.attrs.Value ?? '';
    for (const locale of CHINESE_LOCALES) {
      const value = overrideFor(e, locale)?.attrs.Value;
      if (what === 'Metadata') expect(servedPath(value ?? '') === FILES.zh, `Metadata needs a ${locale} override pointing at ${FILES.zh}`);
      else expect(HAS_CJK.test(value ?? ''), `${what} needs a Chinese ${locale} override`);
      expect(value === undefined || value === zhCn, `${what}: the ${locale} override must be the zh-cn (Simplified Chinese) value`);
    }
    const locales = (e?.children ?? []).filter((c) => /^(bt:)?Override$/.test(c.tag)).map((c) => c.attrs.Locale?.toLowerCase());
    expect(new Set(locales).size === locales.length, `${what}: an override locale is given twice`);
  }

  // Icons: each <bt:Image size="N"> is an N×N PNG in assets/.
  for (const img of [...descendants(root)].filter((e) => e.tag === 'bt:Image' && e.attrs.size)) {
    const file = servedPath(resource(img.attrs.resid)?.attrs.DefaultValue ?? '');
    const size = file && fs.existsSync(path.join(ROOT, file)) ? pngSize(path.join(ROOT, file)) : undefined;
    expect(size && size.width === Number(img.attrs.size) && size.height === Number(img.attrs.size), `icon ${img.attrs.resid} must be a ${img.attrs.size}px PNG`);
  }
  return problems;
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The files `webpack --mode production` emits, read from webpack.config.js (not built here). */
function emittedByBuild(): Set<string> {
  const placeholder = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-manifest-'));
  try {
    for (const f of Object.values(FILES)) fs.writeFileSync(path.join(placeholder, f), '{}');
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

test('the build emits the pages, bundles, metadata and icons the manifest needs', () => {
  for (const f of ['taskpane.html', 'functions.js', 'taskpane.js', 'manifest.xml', FILES.en, FILES.zh, 'assets/icon-16.png', 'assets/icon-80.png']) {
    expect(EMITTED).toContain(f);
  }
});

test('manifest.xml has no structural problem', () => {
  expect(manifestProblems(MANIFEST, EMITTED)).toEqual([]);
});

test('every Chinese locale gets the Simplified Chinese metadata file, which the build emits', () => {
  const root = parseXml(MANIFEST);
  const metadata = all(root, 'bt:Url').find((u) => u.attrs.id === 'Functions.Metadata.Url')!;
  expect(CHINESE_LOCALES).toEqual(expect.arrayContaining(['zh-cn', 'zh-tw', 'zh-hk', 'zh-sg']));
  for (const locale of CHINESE_LOCALES) {
    const value = overrideFor(metadata, locale)?.attrs.Value;
    expect([locale, value]).toEqual([locale, `${ORIGIN}/${FILES.zh}`]);
    expect(EMITTED).toContain(servedPath(value!));
  }
  // The same for the labels the ribbon and the add-in list show.
  const label = all(root, 'bt:String').find((s) => s.attrs.id === 'Cyber.TaskpaneButton.Label')!;
  for (const locale of CHINESE_LOCALES) expect(overrideFor(label, locale)?.attrs.Value).toBe('CYBER 函数');
});

test('specific facts: namespace CYBER, shared runtime, ReadWriteDocument, zh-cn metadata', () => {
  const root = parseXml(MANIFEST);
  const strings = Object.fromEntries(all(root, 'bt:String').map((s) => [s.attrs.id, s.attrs.DefaultValue]));
  expect(strings['Functions.Namespace']).toBe('CYBER');
  expect(all(root, 'Runtime')[0].attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
  expect(child(root, 'Permissions')?.text).toBe('ReadWriteDocument');
  const metadata = all(root, 'bt:Url').find((u) => u.attrs.id === 'Functions.Metadata.Url')!;
  expect(metadata.attrs.DefaultValue).toBe(`${ORIGIN}/functions.json`);
  expect(zhOverride(metadata)?.attrs.Value).toBe(`${ORIGIN}/functions-zh-cn.json`);
});

describe('the checker notices broken manifests', () => {
  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    ['an http URL', (x) => x.replace(`${ORIGIN}/functions.js`, 'http://localhost:3000/functions.js'), /is not https/],
    ['an undefined resid', (x) => x.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nothing"/>'), /refers to no resource/],
    ['a short-lived runtime', (x) => x.replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>'), /lifetime must be "long"/],
    ['no SharedRuntime requirement', (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /SharedRuntime/],
    ['a zh-cn metadata file the build does not emit', (x) => x.replace('functions-zh-cn.json', 'functions-zh.json'), /emits no functions-zh\.json/],
    [
      'a zh-hk metadata file the build does not emit',
      (x) => x.replace('<bt:Override Locale="zh-hk" Value="https://localhost:3000/functions-zh-cn.json"/>', '<bt:Override Locale="zh-hk" Value="https://localhost:3000/functions-zh-hk.json"/>'),
      /emits no functions-zh-hk\.json/,
    ],
    ['no zh-tw metadata', (x) => x.replace('<bt:Override Locale="zh-tw" Value="https://localhost:3000/functions-zh-cn.json"/>', ''), /Metadata needs a zh-tw override/],
    ['a missing zh-sg label', (x) => x.replace('<bt:Override Locale="zh-sg" Value="CYBER 函数"/>', ''), /Cyber\.TaskpaneButton\.Label needs a Chinese zh-sg override/],
    ['a zh-hk label unlike the zh-cn one', (x) => x.replace('<bt:Override Locale="zh-hk" Value="CYBER 函数"/>', '<bt:Override Locale="zh-hk" Value="CYBER 函數"/>'), /Label: the zh-hk override must be the zh-cn/],
    ['a missing Chinese label', (x) => x.replace('<bt:Override Locale="zh-cn" Value="CYBER 函数"/>', ''), /Cyber\.TaskpaneButton\.Label needs a Chinese/],
    ['another namespace', (x) => x.replace('DefaultValue="CYBER"', 'DefaultValue="CONTOSO"'), /Namespace> must be CYBER/],
    ['read-only permission', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), /ReadWriteDocument/],
    ['a separate functions page', (x) => x.replace('<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>'), /Page> must be the shared runtime page/],
  ];
  test.each(cases)('%s', (_name, mutate, problem) => {
    const broken = mutate(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    expect(manifestProblems(broken, EMITTED).join('\n')).toMatch(problem);
  });
});
