/**
 * The offline manifest checks (issue 16), shared by test/manifest.test.ts (manifest.xml and the
 * production manifest made from it) and test/build-addin.test.ts (the dist/manifest.xml of a real
 * production build):
 *   - schemaProblems: element order, required and allowed children, occurrences, namespaces and
 *     required attributes against the content model written out in test/manifest-schema.ts from
 *     Microsoft's reference pages — what Office's XSD validation refuses;
 *   - manifestProblems: the schema, plus what a shared-runtime custom-functions add-in needs
 *     (one long-lived runtime, the same page for functions, pane and commands, no TaskpaneId
 *     under it, resources defined once), every URL https under the configured base URL and a file
 *     the build emits, Chinese for every Chinese locale, and icons of the declared sizes (read
 *     from the PNG header).
 * The XSD validation service itself (`npm run validate:manifest`) needs the network and stays a
 * manual step before a release.
 */
import { XMLParser } from 'fast-xml-parser';
import * as fs from 'fs';
import * as path from 'path';
import { FILES } from '../../scripts/build-metadata';
import { CHINESE_LOCALES } from '../../src/functions/adapter';
import { type ChildRule, MODELS, ROOT as SCHEMA_ROOT, UNMODELLED } from '../manifest-schema';

const REPO = path.resolve(__dirname, '..', '..');
const HAS_CJK = /[\u4e00-\u9fff]/;
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface XmlElement {
  /** The name as written ("bt:Image"). */
  readonly tag: string;
  /** The local name ("Image"). */
  readonly local: string;
  /** The namespace URI the prefix (or the default namespace) resolves to. */
  readonly ns: string | undefined;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  /** Element children in document order. */
  readonly children: readonly XmlElement[];
}

/** Parses XML into an element tree that keeps the document order and resolves namespaces. */
export function parseXml(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
  const convert = (node: Node, scope: Readonly<Record<string, string>>): XmlElement | undefined => {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (!tag || tag.startsWith('?') || tag === '#text' || tag === '#comment') return undefined;
    const attrs: Record<string, string> = { ...(node[':@'] ?? {}) };
    const inner: Record<string, string> = { ...scope };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') inner[''] = v;
      else if (k.startsWith('xmlns:')) inner[k.slice(6)] = v;
    }
    const [prefix, local] = tag.includes(':') ? [tag.slice(0, tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)] : ['', tag];
    const children: XmlElement[] = [];
    let text = '';
    for (const c of node[tag] as Node[]) {
      if ('#text' in c) text += String(c['#text']);
      else {
        const e = convert(c, inner);
        if (e) children.push(e);
      }
    }
    return { tag, local, ns: inner[prefix], attrs, text, children };
  };
  const doc = parser.parse(xml) as Node[];
  const roots = doc.map((n) => convert(n, { xml: 'http://www.w3.org/XML/1998/namespace' })).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

export function* descendants(e: XmlElement): Generator<XmlElement> {
  for (const c of e.children) {
    yield c;
    yield* descendants(c);
  }
}

export const all = (e: XmlElement, tag: string) => [...descendants(e)].filter((d) => d.tag === tag);
export const child = (e: XmlElement | undefined, tag: string) => e?.children.find((c) => c.tag === tag);
/** The <Override> of `e` for `locale` (case-insensitive), if any. */
export const overrideFor = (e: XmlElement | undefined, locale: string) =>
  e?.children.find((c) => c.local === 'Override' && c.attrs.Locale?.toLowerCase() === locale);

/** The xsi:type of `e`, without a prefix ("TaskPaneApp"). */
function xsiType(e: XmlElement): string | undefined {
  const key = Object.keys(e.attrs).find((k) => k === 'xsi:type' || k.endsWith(':type'));
  const v = key ? e.attrs[key] : undefined;
  return v?.includes(':') ? v.slice(v.indexOf(':') + 1) : v;
}

const where = (trail: string) => `<${trail}>`;

/**
 * Everything in `root` that Microsoft's documented schema (test/manifest-schema.ts) refuses:
 * a child out of order, under the wrong parent or in the wrong namespace, a required child or
 * attribute missing, a child more often than allowed. [] when none.
 */
export function schemaProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.local !== SCHEMA_ROOT.name || root.ns !== SCHEMA_ROOT.ns) problems.push(`the root must be <${SCHEMA_ROOT.name} xmlns="${SCHEMA_ROOT.ns}">, not <${root.tag}> in ${root.ns}`);
  if (xsiType(root) !== SCHEMA_ROOT.type) problems.push(`the root's xsi:type must be ${SCHEMA_ROOT.type}`);
  const xsiPrefix = Object.entries(root.attrs).find(([k, v]) => k.startsWith('xmlns:') && v === XSI);
  if (!xsiPrefix) problems.push(`the root must declare the XML Schema instance namespace ${XSI}`);

  const check = (e: XmlElement, modelName: string, trail: string) => {
    const model = MODELS[modelName];
    if (!model) throw new Error(`manifest-schema: no model ${modelName}`);
    if (modelName === UNMODELLED) {
      if (e.children.length) problems.push(`${where(trail)}: its content is not modelled in test/manifest-schema.ts (add it from Microsoft's reference before using it)`);
      return;
    }
    const rules = model.sequence;
    const counts = rules.map(() => 0);
    const matches = (rule: ChildRule, c: XmlElement) => rule.names.includes(c.local) && rule.ns === c.ns;
    let at = 0;
    for (const c of e.children) {
      let i = at;
      while (i < rules.length && !matches(rules[i], c)) i++;
      if (i === rules.length) {
        const earlier = rules.findIndex((r) => matches(r, c));
        if (earlier >= 0) {
          const after = e.children.slice(0, e.children.indexOf(c)).reverse().find((p) => rules.findIndex((r) => matches(r, p)) > earlier);
          problems.push(`${where(`${trail}/${c.tag}`)} is out of order: it must come before <${after?.tag ?? '?'}> (schema order: ${rules.map((r) => r.names.join('|')).join(', ')})`);
        } else {
          const sameName = rules.find((r) => r.names.includes(c.local));
          problems.push(
            sameName
              ? `${where(`${trail}/${c.tag}`)} is in namespace ${c.ns ?? '(none)'}, the schema wants ${sameName.ns}`
              : `${where(`${trail}/${c.tag}`)} is not an allowed child of <${e.tag}> (allowed: ${rules.map((r) => r.names.join('|')).join(', ') || 'none'})`,
          );
        }
        continue;
      }
      // A required element skipped here that comes later: this child is the one out of order.
      const later = e.children.slice(e.children.indexOf(c) + 1);
      const skipped = rules.slice(at, i).findIndex((r, k) => counts[at + k] < r.min && later.some((s) => matches(r, s)));
      if (skipped >= 0) {
        problems.push(`${where(`${trail}/${c.tag}`)} is out of order: it must come after <${rules[at + skipped].names.join('|')}> (schema order: ${rules.map((r) => r.names.join('|')).join(', ')})`);
      } else {
        for (let k = at; k < i; k++) {
          if (counts[k] < rules[k].min) problems.push(`${where(trail)} needs ${rules[k].min === 1 ? 'a' : `${rules[k].min} ×`} <${rules[k].names.join('|')}> before <${c.tag}>`);
        }
        at = i;
      }
      counts[i]++;
      const rule = rules[i];
      if (counts[i] === rule.max + 1) problems.push(`${where(trail)} has more than ${rule.max} <${rule.names.join('|')}>`);
      for (const a of rule.requiredAttributes ?? []) {
        const present = a === 'xsi:type' ? xsiType(c) !== undefined : c.attrs[a] !== undefined;
        if (!present) problems.push(`${where(`${trail}/${c.tag}`)} needs the attribute ${a}`);
      }
      const type = xsiType(c);
      let childModel = rule.modelByName?.[c.local] ?? rule.model;
      if (rule.modelByType) {
        childModel = type !== undefined ? rule.modelByType[type] : undefined;
        if (childModel === undefined) {
          problems.push(`${where(`${trail}/${c.tag}`)}: xsi:type "${type}" is not one of ${Object.keys(rule.modelByType).join(', ')}`);
          continue;
        }
      }
      if (childModel) check(c, childModel, `${trail}/${c.tag}`);
      else if (c.children.length) problems.push(`${where(`${trail}/${c.tag}`)} must not have child elements`);
    }
    for (let k = at; k < rules.length; k++) {
      if (counts[k] < rules[k].min) problems.push(`${where(trail)} needs ${rules[k].min === 1 ? 'a' : `${rules[k].min} ×`} <${rules[k].names.join('|')}>`);
    }
  };
  check(root, SCHEMA_ROOT.model, root.tag);
  return problems;
}

export function pngSize(file: string): { width: number; height: number } | undefined {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export interface CheckOptions {
  /** The https base URL every URL must be under ("https://localhost:3000/"). */
  readonly baseUrl: string;
  /** The files the build emits, as paths under the base URL. */
  readonly emitted: ReadonlySet<string>;
  /** Where those files are, to read the icons (default: the repository, whose assets/ the build copies). */
  readonly filesDir?: string;
}

/** The file a URL under `baseUrl` asks for ("assets/icon-16.png"), or undefined when it is not under it. */
export function servedPath(url: string, baseUrl: string): string | undefined {
  return url.startsWith(baseUrl) ? url.slice(baseUrl.length).split(/[?#]/)[0] : undefined;
}

/** Everything wrong with `xml` as our shared-runtime custom-functions manifest; [] when nothing is. */
export function manifestProblems(xml: string, { baseUrl, emitted, filesDir = REPO }: CheckOptions): string[] {
  const root = parseXml(xml);
  const problems: string[] = schemaProblems(root);
  const expect = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const served = (url: string | undefined) => (url === undefined ? undefined : servedPath(url, baseUrl));
  expect(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(child(root, 'Id')?.text ?? ''), 'Id must be a GUID');
  // The Version reference: n, n.n, n.n.n or n.n.n.n, "each part … a maximum of 5 digits".
  expect(/^\d{1,5}(\.\d{1,5}){0,3}$/.test(child(root, 'Version')?.text ?? ''), 'Version must be n.n.n.n');
  expect(child(root, 'Permissions')?.text === 'ReadWriteDocument', 'Permissions must be ReadWriteDocument');
  expect(all(child(root, 'Hosts') ?? root, 'Host').some((h) => h.attrs.Name === 'Workbook'), 'Hosts must include Workbook');

  const sets = all(child(root, 'Requirements') ?? root, 'Set');
  expect(sets.some((s) => s.attrs.Name === 'SharedRuntime' && s.attrs.MinVersion === '1.1'), 'Requirements must ask for SharedRuntime 1.1');
  expect(sets.some((s) => s.attrs.Name === 'CustomFunctionsRuntime' && s.attrs.MinVersion === '1.3'), 'Requirements must ask for CustomFunctionsRuntime 1.3');

  // Lengths the reference pages set: DisplayName and ProviderName up to 125 characters,
  // Description 250; a <bt:String> 125 under ShortStrings and 250 under LongStrings (each
  // Override too); a resid "no more than 32 characters"; a resource URL up to 2048.
  const limit = (what: string, text: string | undefined, max: number) => expect((text ?? '').length <= max, `${what} is longer than ${max} characters`);
  const withOverrides = (e: XmlElement) => [e.attrs.DefaultValue, ...e.children.filter((c) => c.local === 'Override').map((c) => c.attrs.Value)];
  for (const [tag, max] of [['DisplayName', 125], ['Description', 250]] as const) {
    const e = child(root, tag);
    if (e) for (const v of withOverrides(e)) limit(tag, v, max);
  }
  limit('ProviderName', child(root, 'ProviderName')?.text, 125);
  for (const [group, max] of [['bt:ShortStrings', 125], ['bt:LongStrings', 250]] as const) {
    for (const str of all(root, group).flatMap((g) => g.children)) for (const v of withOverrides(str)) limit(`string ${str.attrs.id}`, v, max);
  }
  for (const e of descendants(root)) {
    if (e.attrs.resid !== undefined) limit(`resid ${e.attrs.resid}`, e.attrs.resid, 32);
    if (['bt:Image', 'bt:Url', 'bt:String'].includes(e.tag) && e.attrs.id !== undefined) limit(`resource id ${e.attrs.id}`, e.attrs.id, 32);
  }
  for (const u of all(root, 'bt:Url')) for (const v of withOverrides(u)) limit(`URL ${u.attrs.id}`, v, 2048);

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

  // URLs: https everywhere, under the base URL, and files of the build.
  const urls: string[] = [];
  for (const e of descendants(root)) {
    for (const name of ['DefaultValue', 'Value']) {
      const v = e.attrs[name];
      // A URL: a scheme and "//", or a scheme that never has them (data:, javascript:).
      if (v && (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(https?|data|javascript|file|ftp|blob):/i.test(v))) urls.push(v);
    }
    if (e.local === 'AppDomain') urls.push(e.text);
  }
  expect(urls.length > 0, 'no URLs found');
  for (const url of urls) {
    expect(url.startsWith('https://'), `${url} is not https`);
    const file = served(url);
    expect(file !== undefined, `${url} is not under ${baseUrl}`);
    if (file !== undefined) expect(emitted.has(file), `${url}: the build emits no ${file}`);
  }

  // AppDomains: Microsoft's AppDomain reference — listing the SourceLocation's domain "has no
  // effect and can be misleading"; every page of ours is on that origin.
  const sourceOrigin = (() => {
    const v = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
    try {
      return v ? new URL(v).origin : undefined;
    } catch {
      return undefined;
    }
  })();
  for (const d of all(root, 'AppDomain')) expect(d.text.replace(/\/$/, '') !== sourceOrigin, `AppDomain ${d.text} repeats the SourceLocation origin`);

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
  expect(served(resource(cfLocation('Script'))?.attrs.DefaultValue) === 'functions.js', 'CustomFunctions <Script> must be functions.js');
  const namespace = resource(child(cf, 'Namespace')?.attrs.resid);
  expect(namespace?.attrs.DefaultValue === 'CYBER', 'CustomFunctions <Namespace> must be CYBER');
  expect(!namespace?.children.some((c) => c.local === 'Override'), 'the namespace must not be localized (formulas would break between languages)');

  const functionFile = all(root, 'FunctionFile')[0];
  expect(functionFile?.attrs.resid === runtimeResid, '<FunctionFile> must be the shared runtime page');
  const taskpaneActions = all(root, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');
  expect(taskpaneActions.length > 0, 'no ribbon button opens the task pane');
  for (const a of taskpaneActions) expect(child(a, 'SourceLocation')?.attrs.resid === runtimeResid, 'ShowTaskpane must open the shared runtime page');
  // "Configure your Office Add-in to use a shared runtime", "Good practice: avoid multiple task
  // panes": in a <Host> with a long-lived <Runtime>, no <Action> should have a <TaskpaneID>.
  for (const host of all(root, 'Host').filter((h) => all(h, 'Runtime').some((r) => r.attrs.lifetime === 'long'))) {
    for (const a of all(host, 'Action')) expect(!a.children.some((c) => c.local === 'TaskpaneId'), '<TaskpaneId> under the long-lived shared runtime (a shared runtime supports one task pane)');
  }

  // Localization: metadata and help per language, and every user-visible string in Chinese. An
  // override covers one locale only, so each Chinese locale the functions answer in Chinese for
  // (src/functions/adapter.ts CHINESE_LOCALES) has its own, with the Simplified Chinese value.
  const metadataUrl = resource(cfLocation('Metadata'));
  expect(served(metadataUrl?.attrs.DefaultValue) === FILES.en, `Metadata must default to ${FILES.en}`);
  const files: Array<[string, XmlElement | undefined, string, string]> = [
    ['Metadata', metadataUrl, FILES.en, FILES.zh],
    ['SupportUrl', child(root, 'SupportUrl'), 'help/en.html', 'help/zh-cn.html'],
    ['GetStarted.LearnMoreUrl', resource('GetStarted.LearnMoreUrl'), 'help/en.html', 'help/zh-cn.html'],
  ];
  for (const [what, e, en, zh] of files) {
    expect(served(e?.attrs.DefaultValue) === en, `${what} must default to ${en}`);
    for (const locale of CHINESE_LOCALES) expect(served(overrideFor(e, locale)?.attrs.Value) === zh, `${what} needs a ${locale} override pointing at ${zh}`);
  }
  const localized: Array<[string, XmlElement | undefined]> = [
    ...files.map(([what, e]): [string, XmlElement | undefined] => [what, e]),
    ...['DisplayName', 'Description'].map((tag): [string, XmlElement | undefined] => [tag, child(root, tag)]),
    ...[...defined].filter(([, r]) => r.tag === 'bt:String' && r !== namespace).map(([id, r]): [string, XmlElement] => [`string ${id}`, r]),
  ];
  for (const [what, e] of localized) {
    const zhCn = overrideFor(e, 'zh-cn')?.attrs.Value ?? '';
    for (const locale of CHINESE_LOCALES) {
      const value = overrideFor(e, locale)?.attrs.Value;
      if (!files.some(([w]) => w === what)) expect(HAS_CJK.test(value ?? ''), `${what} needs a Chinese ${locale} override`);
      expect(value === undefined || value === zhCn, `${what}: the ${locale} override must be the zh-cn (Simplified Chinese) value`);
    }
    const locales = (e?.children ?? []).filter((c) => c.local === 'Override').map((c) => c.attrs.Locale?.toLowerCase());
    expect(new Set(locales).size === locales.length, `${what}: an override locale is given twice`);
  }

  // Icons, in the sizes declared: each <bt:Image size="N"> of a ribbon icon an N×N PNG; IconUrl
  // 32×32 and HighResolutionIconUrl 64×64 (their reference pages, task pane add-ins).
  const icon = (url: string | undefined) => {
    const file = served(url);
    return file && fs.existsSync(path.join(filesDir, file)) ? pngSize(path.join(filesDir, file)) : undefined;
  };
  const iconChecks: Array<[string, string | undefined, number]> = [
    ['IconUrl', child(root, 'IconUrl')?.attrs.DefaultValue, 32],
    ['HighResolutionIconUrl', child(root, 'HighResolutionIconUrl')?.attrs.DefaultValue, 64],
    ...all(root, 'bt:Image')
      .filter((e) => e.attrs.size)
      .map((img): [string, string | undefined, number] => [`icon ${img.attrs.resid}`, resource(img.attrs.resid)?.attrs.DefaultValue, Number(img.attrs.size)]),
  ];
  for (const [what, url, size] of iconChecks) {
    const got = icon(url);
    expect(got && got.width === size && got.height === size, `${what} must be a ${size}×${size} PNG (${url} is ${got ? `${got.width}×${got.height}` : 'not a PNG the build emits'})`);
  }
  return problems;
}
