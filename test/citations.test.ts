/**
 * Citations a newcomer can follow. A clone of this repository holds no copy of the policy
 * wordings, so every citation — in a trace, the docs, the examples, the README, a comment — names
 * the wording by its publisher and title and then the article (e.g. "中国太平洋财产保险
 * 企业网络安全保险（2025版B款） 第十三条"), never by the name of a file the reader cannot open.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as articles from '../src/engine/articles';
import { type Citation, SOURCE_TITLES, type Source } from '../src/engine/articles';
import { CATALOGUE } from '../src/engine/catalogue';
import { evaluate } from '../src/engine/evaluate';
import { parseExample } from '../src/engine/__tests__/helpers';

const root = path.resolve(__dirname, '..');

/** A wording's working file name (000_8336982a871ca08a.txt) or its short form (002_…txt). */
const FILE_NAME = /00[0-3]_[0-9a-f]{16}\.txt|00[0-3]_(?:…|\.\.\.)\.?txt/;
/** The folder the wordings and the catalogue were kept in beside the repository. */
const OUTSIDE_FOLDER = /\.\.\/shared\//;

/** Publisher (and the title's distinctive words) each source title must carry, in each language. */
const MUST_NAME: Record<Exclude<Source, 'CATALOGUE'>, { en: readonly string[]; zh: readonly string[] }> = {
  CPIC: { en: ['CPIC', 'China Pacific Property Insurance', 'Enterprise Cyber Insurance', '2025 edition, version B'], zh: ['中国太平洋财产保险', '企业网络安全保险（2025版B款）'] },
  SAMSUNG: { en: ['Samsung Property & Casualty Insurance (China)', 'Cyber'], zh: ['三星财产保险（中国）', '网络安全综合保险'] },
  LMCIT: { en: ['League of Minnesota Cities Insurance Trust', 'LMCIT'], zh: ['明尼苏达城市联盟保险信托', 'LMCIT'] },
  ISO: { en: ['ISO', 'Insurance Services Office', 'Commercial Crime Coverage Form CR 00 21', 'loss sustained'], zh: ['ISO', '商业犯罪保险', 'CR 00 21'] },
};

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    // No git (an unpacked archive): walk the tree, leaving out what .gitignore leaves out.
    const skip = new Set(['.git', 'node_modules', 'lib', 'dist', 'dist-workbench', 'coverage', '.bench', '.staging']);
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!skip.has(e.name)) walk(rel);
        } else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

/** Text files only: a zip (.xlsx) or an image holds NUL bytes. */
function readText(rel: string): string | undefined {
  const file = path.join(root, rel);
  if (!fs.existsSync(file)) return undefined;
  const buf = fs.readFileSync(file);
  return buf.includes(0) ? undefined : buf.toString('utf8');
}

function offendingLines(text: string, pattern: RegExp): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => pattern.test(line))
    .map(({ line, n }) => `${n}: ${line.trim().slice(0, 160)}`);
}

const SELF = path.relative(root, __filename).split(path.sep).join('/');
const texts = trackedFiles()
  .filter((rel) => rel !== SELF && rel !== 'package-lock.json')
  .map((rel) => ({ rel, text: readText(rel) }))
  .filter((f): f is { rel: string; text: string } => f.text !== undefined);

describe('no file cites a wording by a file name the repository does not hold', () => {
  it('finds the repository’s text files', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.map((f) => f.rel)).toEqual(expect.arrayContaining(['README.md', 'src/engine/articles.ts']));
  });

  it('the patterns catch what they are meant to catch', () => {
    expect(FILE_NAME.test('see 003_403c088ac27b550a.txt')).toBe(true);
    expect(FILE_NAME.test('LMCIT (000_…txt)')).toBe(true);
    expect(FILE_NAME.test('ISO (002_...txt)')).toBe(true);
    expect(OUTSIDE_FOLDER.test('in `../shared/seeds`')).toBe(true);
    expect(FILE_NAME.test('CPIC 企业网络安全保险（2025版B款）第十三条')).toBe(false);
    expect(FILE_NAME.test('SIMULATE seed 001 of 10000 years')).toBe(false);
  });

  it.each(texts.map((f) => [f.rel, f.text] as const))('%s names no wording file and no folder outside the repository', (_rel, text) => {
    expect(offendingLines(text, FILE_NAME)).toEqual([]);
    expect(offendingLines(text, OUTSIDE_FOLDER)).toEqual([]);
  });
});

/** Every Citation the engine module exports, group by group (CPIC, SAMSUNG, …). */
function exportedCitations(): Citation[] {
  const found: Citation[] = [];
  for (const group of Object.values(articles)) {
    if (!group || typeof group !== 'object') continue;
    for (const c of Object.values(group as Record<string, unknown>)) {
      if (c && typeof c === 'object' && 'source' in c && 'article' in c) found.push(c as Citation);
    }
  }
  return found;
}

/** The citations the functions use: their articles and every trace step of their examples. */
function catalogueCitations(): Array<{ where: string; c: Citation }> {
  const out: Array<{ where: string; c: Citation }> = [];
  for (const fn of CATALOGUE) {
    for (const c of fn.articles) out.push({ where: `${fn.name} articles`, c });
    const { name, args } = parseExample(fn.example.formula);
    for (const step of evaluate(name, args, { trace: true }).trace) {
      if (step.article) out.push({ where: `${fn.name} trace "${step.label.en}"`, c: step.article });
    }
  }
  return out;
}

describe('every citation names the wording’s publisher and title', () => {
  it.each(Object.entries(MUST_NAME))('the %s title carries its publisher and title in both languages', (source, must) => {
    const title = SOURCE_TITLES[source as Source];
    for (const word of must.en) expect(title.en).toContain(word);
    for (const word of must.zh) expect(title.zh).toContain(word);
  });

  it('the engine exports the citations it uses', () => {
    expect(exportedCitations().length).toBeGreaterThan(40);
  });

  const all = [...exportedCitations().map((c) => ({ where: `articles.ts ${c.source} ${c.article}`, c })), ...catalogueCitations()];

  it('covers the citations of every function and of their traces', () => {
    expect(all.filter((x) => x.where.includes(' trace ')).length).toBeGreaterThan(30);
  });

  it.each(all.map((x) => [x.where, x.c] as const))('%s', (_where, c) => {
    const title = SOURCE_TITLES[c.source];
    expect(title).toBeDefined();
    expect(c.article.trim()).not.toBe('');
    expect(c.en.startsWith(title.en)).toBe(true);
    expect(c.zh.startsWith(title.zh)).toBe(true);
    expect(c.zh).toContain(c.article);
    if (c.source !== 'CATALOGUE') {
      const must = MUST_NAME[c.source];
      expect(c.en).toContain(must.en[0]);
      expect(c.zh).toContain(must.zh[0]);
    }
    expect(c.en).not.toMatch(FILE_NAME);
    expect(c.zh).not.toMatch(FILE_NAME);
  });
});

describe('the README lists the wordings and the readings taken', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = (heading: string): string => {
    const start = readme.indexOf(`\n## ${heading}\n`);
    expect(start).toBeGreaterThan(0);
    const next = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, next < 0 ? undefined : next);
  };

  it.each([
    ['CPIC', 'China Pacific Property Insurance', '中国太平洋财产保险', '企业网络安全保险（2025版B款）'],
    ['SAMSUNG', 'Samsung Property & Casualty Insurance (China)', '三星财产保险（中国）', '网络安全综合保险'],
    ['LMCIT', 'League of Minnesota Cities Insurance Trust', '明尼苏达城市联盟保险信托', 'coverage'],
    ['ISO', 'Insurance Services Office', 'ISO', 'Commercial Crime Coverage Form CR 00 21'],
  ])('"The wordings · 条款" names %s by publisher (%s, %s) and title', (source, publisherEn, publisherZh, title) => {
    const rows = section('The wordings · 条款').split('\n').filter((l) => l.startsWith(`| \`${source}\` |`));
    expect(rows).toHaveLength(1);
    for (const word of [publisherEn, publisherZh, title]) expect(rows[0]).toContain(word);
  });

  // Issue 9 item 6: every place where the wordings leave room has its row, quoting the sentence.
  it.each([
    ['CPIC 第九条 5', '剩余的余额', 'OTHERINSURANCE'],
    ['ISO Recoveries', '第四十五条', 'RECOVERY'],
    ['释义十四', '24 小时内可赔付的最高赔偿金额', 'REPUTATIONAL'],
    ['释义四十三', '负面媒体事件等待期结束后六个月', 'REPUTATIONAL'],
    ['释义四十四', '180 天', 'HOURLYBI'],
    ['第四十三条', '首次遭受网络勒索后 90 天', 'NOTICEBY'],
    ['LMCIT shared pool', '1000万美元', 'POOLSHARE'],
    ['第二十五条 (四)', '不额外增加后者的责任限额', 'ALLOCATE'],
    ['ISO Forgery or Alteration', 'Legal expenses are not subject to a deductible.', 'CRIMEPAYOUT'],
    ['第四十九条 (一) 4', '按日比例退还未满期保险费', 'RETURNPREMIUM'],
    ['catalogue section 9', '60 天以内', 'DEADLINE'],
  ])('"Readings · 解读" has the %s row quoting 「%s」 for %s', (where, sentence, fn) => {
    const rows = section('Readings · 解读')
      .split('\n')
      .filter((l) => l.startsWith('| ') && l.includes(sentence) && l.includes(`\`${fn}\``));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => r.includes(where) || where.startsWith('catalogue'))).toBe(true);
  });
});
