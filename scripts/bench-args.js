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
};

module.exports = { BENCH_ARGS };
