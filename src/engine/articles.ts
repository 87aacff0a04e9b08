/**
 * Citations of the policy wordings in ../shared/seeds. A trace step cites the article its rule
 * comes from; the task pane shows `en` or `zh` according to the user's language.
 */
export type Source = 'CPIC' | 'SAMSUNG' | 'LMCIT' | 'ISO' | 'CATALOGUE';

export interface Citation {
  readonly source: Source;
  /** The article as the wording numbers it, e.g. 第四十四条 32. */
  readonly article: string;
  readonly en: string;
  readonly zh: string;
}

const FILES: Record<Source, { en: string; zh: string }> = {
  CPIC: { en: 'CPIC Enterprise Cyber Insurance 2025 B', zh: '太平洋财产保险 企业网络安全保险（2025版B款）' },
  SAMSUNG: { en: 'Samsung P&C comprehensive cyber insurance', zh: '三星财产保险 网络安全综合保险' },
  LMCIT: { en: 'LMCIT coverage summary', zh: 'LMCIT 保障摘要' },
  ISO: { en: 'ISO Commercial Crime CR 00 21', zh: 'ISO 商业犯罪保险 CR 00 21' },
  CATALOGUE: { en: 'CYBER function catalogue', zh: 'CYBER 函数目录' },
};

/** The seed file each source is taken from (../shared/seeds). */
export const SOURCE_FILES: Record<Exclude<Source, 'CATALOGUE'>, string> = {
  LMCIT: '000_8336982a871ca08a.txt',
  SAMSUNG: '001_694919f9d8fff4df.txt',
  ISO: '002_8f2f42f68d15d0ce.txt',
  CPIC: '003_403c088ac27b550a.txt',
};

/** cite('CPIC', '第四十四条 32', 'Art. 44 (32)') */
export function cite(source: Source, article: string, articleEn: string): Citation {
  return {
    source,
    article,
    en: `${FILES[source].en}, ${articleEn}`,
    zh: `${FILES[source].zh} ${article}`,
  };
}

export const CPIC = {
  operatingProfit: cite('CPIC', '第四十四条 21', 'Art. 44 (21) operating profit'),
  standardRevenue: cite('CPIC', '第四十四条 25', 'Art. 44 (25) standard operating revenue'),
  annualRevenue: cite('CPIC', '第四十四条 26', 'Art. 44 (26) annual operating revenue'),
  revenueReduction: cite('CPIC', '第四十四条 30', 'Art. 44 (30) revenue reduction'),
  profitRate: cite('CPIC', '第四十四条 32', 'Art. 44 (32) profit rate'),
  insuredRatio: cite('CPIC', '第四十四条 33', 'Art. 44 (33) insured ratio'),
  maintenance: cite('CPIC', '第四十四条 20', 'Art. 44 (20) maintenance costs'),
  trendAdjustment: cite('CPIC', '第十三条 (一) 2 (4)', 'Art. 13 (1) 2 (4) trend adjustment'),
  lostProfit: cite('CPIC', '第十三条 (一) 2 (1) ①', 'Art. 13 (1) 2 (1) ① lost profit'),
  preventionCost: cite('CPIC', '第十三条 (一) 2 (1) ②', 'Art. 13 (1) 2 (1) ② prevention cost'),
  payoutPerIncident: cite('CPIC', '第十三条 (一) 2 (2)', 'Art. 13 (1) 2 (2) per-incident payout'),
  underInsurance: cite('CPIC', '第十三条 (一) 2 (3)', 'Art. 13 (1) 2 (3) under-insurance'),
  periodCap: cite('CPIC', '第十三条 (一) 2 (5)', 'Art. 13 (1) 2 (5) limit for the whole period'),
  continuationCost: cite('CPIC', '第十三条 (一) 2 (6)', 'Art. 13 (1) 2 (6) business continuation costs'),
  continuationPerIncident: cite('CPIC', '第十三条 (一) 2 (7)', 'Art. 13 (1) 2 (7) continuation payout per incident'),
  continuationPeriodCap: cite('CPIC', '第十三条 (一) 2 (8)', 'Art. 13 (1) 2 (8) continuation limit for the period'),
  crisisPayout: cite('CPIC', '第十三条 (二) 1 (1)', 'Art. 13 (2) 1 (1) crisis and litigation costs'),
  crisisWindow: cite('CPIC', '第五条 1 (1)', 'Art. 5 (1) (1) crisis-management period'),
  timeDeductible: cite('CPIC', '第十四条 1', 'Art. 14 (1) time deductible'),
} as const;
