/**
 * The benchmark's CPIC scenario sheet: one scenario per row (last year's accounts, revenue
 * figures, prevention expense, schedule), then the chain profit rate → insured ratio → revenue
 * reduction → lost profit → prevention cost → network-interruption payout, written either with
 * CYBER functions or with the same arithmetic in plain spreadsheet formulas.
 */
const INPUTS = [
  'revenue', 'expenses', 'maintenance', 'insured_maintenance', 'standard_revenue', 'actual_revenue',
  'saved_costs', 'prevention_expense', 'avoided_reduction', 'deductible', 'sum_insured', 'limit',
  'annual_revenue', 'paid_to_date',
];
// Columns A..N hold the inputs; O..T the results.
const CYBER = [
  '=CYBER.PROFITRATE(A{r},B{r},C{r},D{r})',
  '=CYBER.INSUREDRATIO(A{r},B{r},C{r},D{r})',
  '=CYBER.REVENUEREDUCTION(E{r},F{r})',
  '=CYBER.LOSTPROFIT(Q{r},O{r},G{r})',
  '=CYBER.PREVENTIONCOST(H{r},P{r},I{r},O{r})',
  '=CYBER.BIPAYOUT(R{r}+S{r},J{r},K{r},L{r},M{r},O{r},P{r},N{r})',
];
const PLAIN = [
  '=IF(A{r}-B{r}>=0,(D{r}+(A{r}-B{r}))/A{r},MAX(0,D{r}-(B{r}-A{r})*D{r}/C{r})/A{r})',
  '=IF(A{r}-B{r}>=0,(D{r}+(A{r}-B{r}))/((A{r}-B{r})+C{r}),IF(D{r}-(B{r}-A{r})*D{r}/C{r}<=0,0,(D{r}-(B{r}-A{r})*D{r}/C{r})/((A{r}-B{r})+C{r})))',
  '=MAX(0,E{r}-F{r})',
  '=MAX(0,Q{r}*O{r}-G{r})',
  '=MIN(H{r}*P{r},I{r}*O{r})',
  '=MIN(MAX(0,MIN(K{r},L{r})-N{r}),MAX(0,R{r}+S{r}-J{r})*IF(K{r}<M{r}*O{r}*P{r},K{r}/(M{r}*O{r}*P{r}),1))',
];

/** A deterministic pseudo-random generator, so every run benchmarks the same sheet. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A CSV field in double quotes (RFC 4180: a quote inside doubles itself). */
function csvQuote(field) {
  return `"${field.replace(/"/g, '""')}"`;
}

function scenarioCsv(rows, kind) {
  const rnd = lcg(20251121);
  const formulas = kind === 'cyber' ? CYBER : PLAIN;
  const lines = [[...INPUTS, 'profit_rate', 'insured_ratio', 'revenue_reduction', 'lost_profit', 'prevention_cost', 'payout'].join(',')];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const revenue = 10000000 + Math.round(rnd() * 90000000);
    const expenses = Math.round(revenue * (0.8 + rnd() * 0.3)); // some loss years
    const maintenance = Math.round(expenses * (0.2 + rnd() * 0.3));
    const insured = Math.round(maintenance * (0.5 + rnd() * 0.5));
    const standard = Math.round(revenue / 12 * (0.9 + rnd() * 0.3));
    const actual = Math.round(standard * rnd() * 0.8);
    const saved = Math.round(rnd() * 50000);
    const prevention = Math.round(rnd() * 300000);
    const avoided = Math.round(rnd() * 1000000);
    const deductible = 50000 + Math.round(rnd() * 50000);
    const sumInsured = Math.round(revenue * (0.05 + rnd() * 0.3));
    const limit = Math.round(sumInsured * (0.3 + rnd() * 0.7));
    const annual = Math.round(revenue * (0.95 + rnd() * 0.2));
    const paid = rnd() < 0.2 ? Math.round(limit * rnd()) : 0;
    const values = [revenue, expenses, maintenance, insured, standard, actual, saved, prevention, avoided, deductible, sumInsured, limit, annual, paid];
    // Formulas hold commas: quote them as CSV fields (unquoted, every formula split into pieces
    // and the whole sheet evaluated to #ERROR!).
    lines.push([...values, ...formulas.map((f) => csvQuote(f.replace(/\{r\}/g, String(r))))].join(','));
  }
  return lines.join('\n') + '\n';
}

module.exports = { scenarioCsv };
