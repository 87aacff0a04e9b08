/**
 * Citations of the four policy wordings the product is built from (the README's "The wordings ·
 * 条款" lists them). A trace step cites the wording by its publisher and title and the article
 * its rule comes from — never by a file name, which a reader of the repository cannot open; the
 * task pane shows `en` or `zh` according to the user's language.
 */
export type Source = 'CPIC' | 'SAMSUNG' | 'LMCIT' | 'ISO' | 'CATALOGUE';

export interface Citation {
  readonly source: Source;
  /** The article as the wording numbers it, e.g. 第四十四条 32. */
  readonly article: string;
  readonly en: string;
  readonly zh: string;
}

/** Each wording's publisher and title, as a reader would look it up. */
export const SOURCE_TITLES: Readonly<Record<Source, { readonly en: string; readonly zh: string }>> = {
  CPIC: {
    en: 'CPIC (China Pacific Property Insurance) Enterprise Cyber Insurance (2025 edition, version B)',
    zh: '中国太平洋财产保险 企业网络安全保险（2025版B款）',
  },
  SAMSUNG: {
    en: 'Samsung Property & Casualty Insurance (China) Comprehensive Cyber Security Insurance',
    zh: '三星财产保险（中国）网络安全综合保险',
  },
  LMCIT: {
    en: 'League of Minnesota Cities Insurance Trust (LMCIT) coverage summary',
    zh: '明尼苏达城市联盟保险信托（LMCIT）保障摘要',
  },
  ISO: {
    en: 'ISO (Insurance Services Office) Commercial Crime Coverage Form CR 00 21 (loss sustained)',
    zh: 'ISO（美国保险服务局）商业犯罪保险保障表格 CR 00 21（损失发生制）',
  },
  CATALOGUE: { en: 'CYBER function catalogue', zh: 'CYBER 函数目录' },
};

/** cite('CPIC', '第四十四条 32', 'Art. 44 (32)') */
export function cite(source: Source, article: string, articleEn: string): Citation {
  return {
    source,
    article,
    en: `${SOURCE_TITLES[source].en}, ${articleEn}`,
    zh: `${SOURCE_TITLES[source].zh} ${article}`,
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
  recoveryPeriod: cite('CPIC', '第四十四条 28', 'Art. 44 (28) recovery period, never beyond the agreed one'),
} as const;

export const SAMSUNG = {
  hammer: cite('SAMSUNG', '第二十一条', 'Art. 21 defence and settlement (hammer clause)'),
  policyAggregate: cite('SAMSUNG', '第二十四条', 'Art. 24 policy aggregate and per-claim limits'),
  sublimitsLiability: cite('SAMSUNG', '第二十五条', 'Art. 25 liability limits (PCI inside regulatory)'),
  sublimitsFirstParty: cite('SAMSUNG', '第二十六条', 'Art. 26 first-party limits and sublimits'),
  deductibles: cite('SAMSUNG', '第二十七条', 'Art. 27 deductibles and waiting periods'),
  largestDeductible: cite('SAMSUNG', '第二十八条', 'Art. 28 only the largest deductible applies'),
  largerDeductibleBi: cite('SAMSUNG', '第二十九条', 'Art. 29 larger of deductible and waiting-period deductible'),
  noDeductibleReward: cite('SAMSUNG', '第三十条', 'Art. 30 no deductible for reward payments'),
  reputationalWaiting: cite('SAMSUNG', '第三十一条', 'Art. 31 reputational harm after the waiting period'),
  relatedClaims: cite('SAMSUNG', '第三十二、三十三条', 'Arts. 32–33 related claims and events are one'),
  hourlyBasis: cite('SAMSUNG', '第三十八条', 'Art. 38 losses computed by the hour'),
  acquisition: cite('SAMSUNG', '第四十一条 (一)', 'Art. 41 (1) acquired subsidiaries'),
  notice: cite('SAMSUNG', '第四十三条', 'Art. 43 reporting and notice'),
  claimNotice: cite('SAMSUNG', '第四十三条 (二) 1', 'Art. 43 (2) 1 notice of a claim: 90 days after the period, or the end of the ERP'),
  circumstanceNotice: cite('SAMSUNG', '第四十三条 (二) 2', 'Art. 43 (2) 2 notice of circumstances: the claim is deemed made when the notice is received'),
  subrogation: cite('SAMSUNG', '第四十五条', 'Art. 45 subrogation and recoveries'),
  cancellation: cite('SAMSUNG', '第四十九条 (一) 4', 'Art. 49 (1) 4 pro-rata return premium'),
  claimsMade: cite('SAMSUNG', '第一部分 第四条', 'Part 1, Art. 4 claims made and reported'),
  mediaWaitingPeriod: cite('SAMSUNG', '释义二', 'Definition 2 adverse-media waiting period, from first discovery'),
  dailyCap: cite('SAMSUNG', '释义十四', 'Definition 14 daily cap'),
  indemnityPeriod: cite('SAMSUNG', '释义四十三', 'Definition 43 indemnity period'),
  recoveryPeriod: cite('SAMSUNG', '释义四十四', 'Definition 44 recovery period ≤ 180 days'),
  waitingDeductible: cite('SAMSUNG', '释义七十', 'Definition 70 waiting-period deductible'),
} as const;

export const LMCIT = {
  firstPartyAggregate: cite('LMCIT', 'first-party cyber: aggregate and loss-control questions', 'first-party aggregate $250,000 / $500,000'),
  sharedPool: cite('LMCIT', 'first-party cyber: shared pool', 'shared pool $10M per common cause, $25M aggregate'),
} as const;

export const ISO = {
  specialLimits: cite('ISO', 'Limit of Insurance — special limits', '$5,000 special limits'),
  deductible: cite('ISO', 'Deductible', 'deductible per occurrence'),
  limit: cite('ISO', 'Limit of Insurance', 'the most paid in any one occurrence'),
  forgeryLegal: cite('ISO', 'Forgery or Alteration — legal expenses', 'legal expenses in addition to the limit'),
  priorLoss: cite('ISO', 'Loss Sustained During Prior Insurance', 'loss sustained during prior insurance'),
  lossSustained: cite('ISO', 'Extended Period to Discover Loss', 'losses sustained in the term, discovered within one year'),
  otherInsurance: cite('ISO', 'Other Insurance', 'excess unless identical insurance, then proportional'),
  recoveries: cite('ISO', 'Recoveries', 'order of recoveries'),
} as const;

export const CPIC_OTHER = {
  otherInsurance: cite('CPIC', '第九条 5', 'Art. 9 (5) other insurance'),
} as const;

/**
 * Time limits and triggers (catalogue section 9): the articles CYBER.DEADLINE's rules table
 * (deadlines.ts), CYBER.NOTICESERVED and CYBER.INPERIOD cite.
 */
export const TIME_LIMITS = {
  samsungClaimDecision: cite('SAMSUNG', '第三十七条', 'Art. 37 payment within 10 days of the agreement, refusal within 3 days of the decision'),
  samsungRescission: cite('SAMSUNG', '第三十九条 (二)', 'Art. 39 (2) the right to rescind lapses 30 days after the insurer learns the ground'),
  samsungTakeover: cite('SAMSUNG', '第四十一条 (三)', 'Art. 41 (3) takeover: remaining premium within 30 days, else no extended reporting period'),
  samsungIncidentCosts: cite('SAMSUNG', '释义四 (一)', 'Definition 4 (1) incident response costs incurred within 24 months of the first notice'),
  samsungExtortionSuit: cite('SAMSUNG', '第四十三条 (三) 3', 'Art. 43 (3) 3 no suit within 60 days of the proof of loss, nor after 12 months from the extortion'),
  samsungCancelNonpayment: cite('SAMSUNG', '第四十九条 (一) 3 a', 'Art. 49 (1) 3 a notice of cancellation for non-payment 15 days before it takes effect'),
  samsungCancelOther: cite('SAMSUNG', '第四十九条 (一) 3 b', 'Art. 49 (1) 3 b notice of cancellation for other reasons 60 days before it takes effect'),
  samsungNonrenewal: cite('SAMSUNG', '第四十九条 (二)', 'Art. 49 (2) notice of non-renewal at least 60 days before expiry'),
  samsungNoticeServed: cite('SAMSUNG', '第四十三条 (一) 1 a', 'Art. 43 (1) 1 a a notice takes effect on receipt or the day after it is sent, whichever is earlier'),
  samsungFirstPartyTrigger: cite('SAMSUNG', '第九–十九条', 'Arts. 9–19 first-party covers: first discovered or first occurring within the policy period'),
  cpicDecision: cite('CPIC', '第二十二条', 'Art. 22 decision on a complex claim within 30 days'),
  cpicSettlement: cite('CPIC', '第二十三条', 'Art. 23 payment within 10 days of the agreement, refusal within 3 days of the decision'),
  cpicAdvance: cite('CPIC', '第二十四条', 'Art. 24 advance payment of the amount that can be determined within 60 days'),
  cpicRescission: cite('CPIC', '第十九条, 第二十五条', 'Arts. 19 and 25 rescission within 30 days of learning the ground, never 2 years after the contract'),
  cpicRiskIncrease: cite('CPIC', '第二十八条', 'Art. 28 written notice of a marked increase of risk within 7 days'),
  cpicInvestigation: cite('CPIC', '第四条 3 (3)', 'Art. 4 (3) (3) a refused investigation no longer counts after 1 month'),
  cpicSoftware: cite('CPIC', '第九条 3 (2)', 'Art. 9 (3) (2) interruptions from a software bug within 1 month of going live are excluded'),
  // The catalogue's table cites "CPIC 第三条 1 (2)"; the five-year rule is in 第三十七条 1 (2) (通知义务).
  cpicCircumstance: cite('CPIC', '第三十七条 1 (2)', 'Art. 37 (1) (2) a claim within 5 years from a notified circumstance is deemed made on the last day of the period'),
  cpicInterruptionTrigger: cite('CPIC', '第四条 1 (2)', 'Art. 4 (1) (2) the network interruption occurs within the policy period'),
  cpicRelatedInterruptions: cite('CPIC', '第十三条 (一) 2 (9)', 'Art. 13 (1) 2 (9) stoppages from one cause are one interruption, on the first stoppage'),
  cpicRelatedIncidents: cite('CPIC', '第三十七条 2 (1)', 'Art. 37 (2) (1) a series of incidents from one cause is one incident, discovered when the first was'),
  isoLegalAction: cite('ISO', 'Legal Action Against Us', 'Legal Action Against Us: no suit until 90 days after the proof of loss, nor later than 2 years after discovery'),
  isoMerger: cite('ISO', 'Consolidation – Merger – Acquisition', 'Consolidation – Merger – Acquisition: added entities covered for up to 90 days'),
  isoLiberalization: cite('ISO', 'Liberalization', 'Liberalization: a broadening adopted within 45 days before the period applies'),
  isoEmployeeTerritory: cite('ISO', 'Employee Theft — Territory', 'Employee Theft — Territory: employees temporarily abroad for not more than 90 consecutive days'),
  isoEmployeeTermination: cite('ISO', 'Employee Theft — Termination As To Any Employee', 'Employee Theft — Termination As To Any Employee: termination at least 30 days after the notice is mailed'),
} as const;

/** Currency conversion (catalogue section 9, CYBER.FX). */
export const CURRENCY = {
  samsung: cite('SAMSUNG', '第五十条 (一)', 'Art. 50 (1) currency: the rate published on the day, or the next one published'),
  iso: cite('ISO', 'Valuation – Settlement', 'Valuation – Settlement: foreign currency at the exchange rate of the day the loss was sustained'),
} as const;

/** The definition of business continuation costs (catalogue section 9, CYBER.CONTINUATIONCOST). */
export const CONTINUATION = {
  definition: cite('CPIC', '第四十四条 29', 'Art. 44 (29) business continuation costs (经营延续费用)'),
} as const;

/**
 * Loss distributions in closed form (catalogue section 10): no policy wording prices a layer, so
 * the functions cite the catalogue section, which cites the actuarial formulas it uses (Klugman,
 * Panjer & Willmot, Loss Models, appendix A).
 */
export const DISTRIBUTIONS = {
  closedForm: cite('CATALOGUE', '§10', '§10 loss distributions in closed form (Klugman, Panjer & Willmot, Loss Models, appendix A)'),
} as const;

export const SIMULATION = {
  annualLoss: cite('CATALOGUE', '§11', '§11 simulated annual losses under the policy’s terms (each year settled as CYBER.ALLOCATE)'),
} as const;

/**
 * Where each family's closed forms come from, for the explain view's steps: the family's entry in
 * Loss Models appendix A (appendix B for the frequencies), named by the distribution rather than a
 * section number (the numbering differs between editions); PERT is the beta entry scaled to
 * [min, max] as Vose defines it.
 */
const lossModels = (en: string, zh: string, appendix = 'A') =>
  cite('CATALOGUE', `§10；Klugman、Panjer、Willmot《Loss Models》附录 ${appendix}：${zh}`, `§10; Klugman, Panjer & Willmot, Loss Models, appendix ${appendix}: ${en}`);

export const DISTRIBUTION_FORMS: Readonly<Record<string, Citation>> = {
  lognormal: lossModels('lognormal', '对数正态分布'),
  lomax: lossModels('Pareto (two-parameter, Lomax)', '帕累托分布（双参数，Lomax）'),
  pareto1: lossModels('single-parameter Pareto', '单参数帕累托分布'),
  gamma: lossModels('gamma', '伽马分布'),
  weibull: lossModels('Weibull', '威布尔分布'),
  exponential: lossModels('exponential', '指数分布'),
  pert: lossModels('beta, scaled to [min, max] (PERT as Vose defines it)', '贝塔分布，缩放至 [min, max]（Vose 定义的 PERT）'),
  constant: DISTRIBUTIONS.closedForm,
  poisson: lossModels('Poisson, probability generating function', '泊松分布，概率母函数', 'B'),
  negbin: lossModels('negative binomial, probability generating function', '负二项分布，概率母函数', 'B'),
  bernoulli: lossModels('binomial with m = 1, probability generating function', '二项分布（m = 1），概率母函数', 'B'),
};
