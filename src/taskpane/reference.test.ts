import { CATALOGUE } from '../engine';
import { languageOf } from './i18n';
import { searchCatalogue, toEntry } from './reference';

const ids = (q: string) => searchCatalogue(q).map((f) => f.name);

describe('searchCatalogue', () => {
  test('an empty query lists the whole catalogue in order', () => {
    expect(ids('')).toEqual(CATALOGUE.map((f) => f.name));
    expect(ids('   ')).toEqual(CATALOGUE.map((f) => f.name));
  });

  test('matches names with or without the namespace, any case; name matches come first', () => {
    // LOSTPROFIT and PREVENTIONCOST take a profit rate "(CYBER.PROFITRATE)": found, but after it.
    expect(ids('profitrate')).toEqual(['PROFITRATE', 'LOSTPROFIT', 'PREVENTIONCOST']);
    expect(ids('CYBER.BIPAYOUT')).toEqual(['BIPAYOUT']);
    expect(ids('cyber.waitingmet')).toEqual(['WAITINGMET']);
    expect(ids('ratio')[0]).toBe('INSUREDRATIO');
  });

  test('matches English and Chinese descriptions, labels and parameter names', () => {
    expect(ids('利润率')).toEqual(expect.arrayContaining(['PROFITRATE', 'LOSTPROFIT', 'PREVENTIONCOST', 'BIPAYOUT']));
    expect(ids('利润率')).not.toContain('WAITINGMET');
    expect(ids('recovery_days')).toEqual(['RECOVERYRATIO']);
    expect(ids('time deductible')).toEqual(['WAITINGMET']);
  });

  test('matches articles, and every term must match', () => {
    expect(ids('第十四条')).toEqual(['WAITINGMET']);
    expect(ids('第四十四条 33')).toEqual(['INSUREDRATIO']);
    expect(ids('revenue nothing-like-this')).toEqual([]);
  });
});

describe('toEntry', () => {
  const profitRate = CATALOGUE.find((f) => f.name === 'PROFITRATE')!;

  test('shows the syntax with optional arguments in brackets and defaults as a cell shows them', () => {
    const e = toEntry(profitRate, 'en');
    expect(e.name).toBe('CYBER.PROFITRATE');
    expect(e.syntax).toBe('=CYBER.PROFITRATE(revenue, expenses, maintenance, insured_maintenance, [profit_insured])');
    expect(e.params.map((p) => [p.name, p.optional, p.defaultText])).toEqual([
      ['revenue', false, undefined],
      ['expenses', false, undefined],
      ['maintenance', false, undefined],
      ['insured_maintenance', false, undefined],
      ['profit_insured', true, 'TRUE'],
    ]);
    expect(e.description).toBe(profitRate.description.en);
    expect(e.articles).toEqual(profitRate.articles.map((a) => a.en));
  });

  test('speaks Chinese when asked, from the same specs', () => {
    const e = toEntry(profitRate, 'zh');
    expect(e.description).toBe(profitRate.description.zh);
    expect(e.params[0].label).toBe('经营性收益');
    expect(e.articles[0]).toContain('第四十四条');
  });

  test('says which name Excel registers when it is not the catalogue’s, and finds the function by it', () => {
    const fx = CATALOGUE.find((f) => f.name === 'FX')!;
    expect(toEntry(fx, 'en').excelName).toBe('CYBER.FXRATE');
    expect(toEntry(profitRate, 'en').excelName).toBeUndefined();
    expect(searchCatalogue('fxrate').map((f) => f.name)).toContain('FX');
  });
});

test('languageOf: any Chinese Office language shows Simplified Chinese, anything else English', () => {
  expect(languageOf('zh-CN')).toBe('zh');
  expect(languageOf('zh-tw')).toBe('zh');
  expect(languageOf('en-US')).toBe('en');
  expect(languageOf('fr-FR')).toBe('en');
  expect(languageOf(undefined)).toBe('en');

});
