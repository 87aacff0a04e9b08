/**
 * The pane's two languages. Catalogue texts (descriptions, labels, articles) come with both
 * languages from the engine specs; this file holds only the pane's own words.
 */
export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** Simplified Chinese for any Chinese Office UI (the catalogue has no Traditional text), else English. */
export function languageOf(locale: string | undefined): Language {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export interface UiText {
  readonly title: string;
  readonly languageLabel: string;
  readonly languageName: Record<Language, string>;
  readonly searchPlaceholder: string;
  readonly count: (shown: number, total: number) => string;
  readonly noMatch: string;
  readonly syntax: string;
  readonly parameters: string;
  readonly parameter: string;
  readonly description: string;
  readonly optional: string;
  readonly defaultValue: (value: string) => string;
  readonly articles: string;
  readonly example: string;
  readonly formula: string;
  readonly section: (n: number) => string;
  readonly notInOffice: string;
}

export const UI_TEXT: Record<Language, UiText> = {
  en: {
    title: 'CYBER function reference',
    languageLabel: 'Language',
    languageName: { en: 'English', zh: '简体中文' },
    searchPlaceholder: 'Search functions, parameters, articles',
    count: (shown, total) => (shown === total ? `${total} functions` : `${shown} of ${total} functions`),
    noMatch: 'No function matches the search.',
    syntax: 'Syntax',
    parameters: 'Parameters',
    parameter: 'Parameter',
    description: 'Description',
    optional: 'optional',
    defaultValue: (v) => `default ${v}`,
    articles: 'Articles',
    example: 'Example',
    formula: 'As an Excel formula',
    section: (n) => `Section ${n}`,
    notInOffice: 'Not running inside Excel: the functions are listed for reference only.',
  },
  zh: {
    title: 'CYBER 函数参考',
    languageLabel: '语言',
    languageName: { en: 'English', zh: '简体中文' },
    searchPlaceholder: '搜索函数、参数、条款',
    count: (shown, total) => (shown === total ? `共 ${total} 个函数` : `${shown} / ${total} 个函数`),
    noMatch: '没有符合搜索条件的函数。',
    syntax: '语法',
    parameters: '参数',
    parameter: '参数',
    description: '说明',
    optional: '可选',
    defaultValue: (v) => `默认 ${v}`,
    articles: '条款出处',
    example: '示例',
    formula: '等价的 Excel 公式',
    section: (n) => `第 ${n} 节`,
    notInOffice: '当前不在 Excel 中运行：以下函数仅供查阅。',
  },
};
