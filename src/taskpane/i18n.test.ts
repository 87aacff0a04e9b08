import { LANGUAGES, TAB_IDS, UI_TEXT } from './i18n';

/** Every leaf of the text table, by path: strings, and functions called with sample arguments. */
function leaves(value: unknown, path: string, out: Map<string, string>) {
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') out.set(path, String((value as (...a: unknown[]) => unknown)(3, 'X', 'Y')));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
}

test('every UI text exists in English and Simplified Chinese, non-empty', () => {
  const byLanguage = LANGUAGES.map((l) => {
    const m = new Map<string, string>();
    leaves(UI_TEXT[l], '', m);
    return m;
  });
  const [en, zh] = byLanguage;
  expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  for (const [key, text] of en) {
    expect(text.trim()).not.toBe('');
    expect(zh.get(key)!.trim()).not.toBe('');
  }
  // The Chinese table is Chinese: apart from names, codes and language names, each text has CJK.
  const untranslated = [...zh].filter(([key, t]) => !/[\u4e00-\u9fff]/.test(t) && !/languageName|paneTitle/.test(key));
  expect(untranslated).toEqual([]);
  expect(Object.keys(UI_TEXT.en.tabs).sort()).toEqual([...TAB_IDS].sort());
});
