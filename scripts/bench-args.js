/**
 * Realistic arguments for each CYBER function, as the engine receives them (numbers, text,
 * booleans, 2-D arrays for ranges). Used by the benchmark for both the engine and the sheet.
 */
const monthlyHistory = [];
for (let m = 0; m < 24; m++) {
  // the first day of each month from 2023-01-01 (serial 44927)
  const d = new Date(Date.UTC(2023, m, 1));
  const serial = Math.round(d.getTime() / 86400000) + 25569;
  monthlyHistory.push([serial, 2500000 + 100000 * (m % 7)]);
}

/** Hourly losses of an outage: higher in business hours. */
function hourly(n) {
  return Array.from({ length: n }, (_, h) => [10000 + ((h % 24) >= 9 && (h % 24) < 21 ? 30000 : 5000)]);
}

/**
 * A covers tree of `count` covers on `levels` levels: C0 at the top, then each level's covers
 * under the previous level's, with per-event and aggregate limits shrinking down the tree and a
 * deductible on every other cover (Samsung 第二十五、二十六条 style).
 */
function coversTree(count, levels) {
  const rows = [['cover', 'parent', 'per event', 'aggregate', 'deductible']];
  const perLevel = Math.ceil((count - 1) / (levels - 1));
  for (let i = 0; i < count; i++) {
    const level = i === 0 ? 0 : 1 + Math.floor((i - 1) / perLevel);
    const parent = i === 0 ? null : level === 1 ? 'C0' : `C${1 + (level - 2) * perLevel + ((i - 1) % perLevel)}`;
    rows.push([`C${i}`, parent, Math.round(5000000 / (level + 1)), Math.round(200000000 / (level + 1)), i % 2 ? 10000 * level : null]);
  }
  return rows;
}

/** A (date, rate) table of `n` business days' rates from 2024-12-02 (serial 45628), weekends left out (CYBER.FX). */
function dailyRates(n) {
  const rows = [['date', 'rate']];
  for (let d = 45628; rows.length <= n; d++) {
    if (d % 7 === 0 || d % 7 === 1) continue; // serial % 7: 0 Saturday, 1 Sunday
    rows.push([d, 7.1 + 0.001 * (rows.length % 50)]);
  }
  return rows;
}

/** n claim rows, about three rows per event, spread over the covers of coversTree(50, 4). */
function claimsTable(n) {
  const rows = [['event', 'cover', 'amount']];
  for (let i = 0; i < n; i++) rows.push([`E${Math.floor(i / 3)}`, `C${(i * 7) % 50}`, 1000 + ((i * 7919) % 90000)]);
  return rows;
}

const BENCH_ARGS = {
  OPERATINGPROFIT: [35000000, 31500000],
  PROFITRATE: [35000000, 31500000, 10500000, 6300000],
  INSUREDRATIO: [35000000, 31500000, 10500000, 6300000],
  STANDARDREVENUE: [monthlyHistory, 45627, 31, 0.15],
  ANNUALREVENUE: [monthlyHistory, 45627],
  REVENUEREDUCTION: [4140000, 1600000],
  LOSTPROFIT: [2540000, 0.28, 31200],
  PREVENTIONCOST: [180000, 0.7, 500000, 0.28],
  BIPAYOUT: [806000, 56000, 8400000, 3000000, 40000000, 0.28, null, 0],
  WAITINGMET: [72, 12],
  RECOVERYRATIO: [10, [[7, 0.3], [14, 0.5], [30, 0.75], [60, 1]]],
  CONTINUATIONPAYOUT: [300000, 20000, 500000, 0.5],
  CRISISPAYOUT: [120000, 10000, 0.9, 500000],
  CRISISWINDOW: [45627, 45631],
  WAITINGDEDUCTIBLE: [hourly(240), 8],
  HOURLYBI: [hourly(240), 8, 50000, 2000000],
  REPUTATIONAL: [hourly(720), 24, 1000000, 4380, 5000000],
  LAYER: [400000, 150000, 300000, 0.5],
  ALLOCATE: [claimsTable(20), coversTree(50, 4)],
  REMAINING: [claimsTable(20), coversTree(50, 4), 'C49'],
  HAMMER: [330000, 100000, 25000, 0.7, 1000000],
  RECOVERY: [130000, 0, 160000, 25000, 100000],
  OTHERINSURANCE: [120000, 25000, 225000, 'contribution'],
  POOLSHARE: [[[6000000], [9000000], [2500000], [800000]]],
  LMCITLIMIT: [[[true, 'yes', '是', 1, false]]],
  CRIMEPAYOUT: [50000, 1000, 25000, 8000, 5000, 2000],
  PRIORLIMIT: [250000, 100000, false],
  LOSSSUSTAINED: [45700, 46100, 45658, 46022],
  CLAIMSMADE: [45500, 45800, 45292, 45658, 46022],
  NOTICEBY: ['incident', 46000, 46022],
  RETURNPREMIUM: [36500, 45658, 46023, 45841],
  ACQUISITION: [30000000, 100000000, 45700, 45750],
  // Section 9: deadlines, triggers, currency, continuation costs.
  DEADLINE: ['cpic.payment', 45627],
  NOTICESERVED: [45627, 45629],
  INPERIOD: [45700, 45658, 46022],
  FX: [250000, dailyRates(90), 45700, 'next'],
  CONTINUATIONCOST: [300000, 20000, 50000, 40000, 10000],
  // Section 10: the lognormal of issue 13's published figures (scripts/bench-distributions.js
  // times every function for every family).
  DIST: ['lognormal', 100000, 1000000, 'ci90'],
  CDF: ['lognormal(12,2)', 1000000],
  QUANTILE: ['lognormal(12,2)', 0.99],
  LEV: ['lognormal(12,2)', 1000000],
  LAYERLOSS: ['lognormal(12,2)', 100000, 1000000, 1, 'mean'],
  ILF: ['lognormal(12,2)', 5000000, 1000000],
  TVAR: ['lognormal(12,2)', 0.99],
  OEP: ['poisson(2)', 'lognormal(12,2)', 1000000],
  OEPLOSS: ['poisson(2)', 'lognormal(12,2)', 100],
  // Section 11: a recalculation of a SIMULATE cell (after its first call the run is memoised by its
  // inputs' hash, so this is coercion, the hash and the lookup; section 3c times the simulation).
  SIMULATE: [
    'poisson(1.5)',
    [
      ['BI', 0.6, 'lognormal(12,1.5)'],
      ['CBI', 0.3, 'lognormal(11,1.2)'],
    ],
    [
      ['BI', null, 2000000, 4000000, 100000],
      ['CBI', 'BI', 500000, 1000000, 25000],
    ],
    5000000,
    2000000,
    10000,
    1,
  ],
};

module.exports = { BENCH_ARGS, coversTree, claimsTable };
