#!/usr/bin/env node
/**
 * Writes the example workbooks in examples/, each as .xlsx and .csv from one layout, so that both
 * hold the same model:
 *
 *   examples/cpic-network-interruption.{xlsx,csv}       CPIC network interruption (sections 1–3)
 *   examples/samsung-limits-and-claims.{xlsx,csv}       Samsung limits tree and claims (sections 5, 7)
 *   examples/samsung-hourly-bi-reputational.{xlsx,csv}  Samsung hourly BI and reputational harm (section 4)
 *   examples/lmcit-member.{xlsx,csv}                    LMCIT member: pool, liability, crime (sections 5, 6)
 *   examples/samsung-annual-loss.{xlsx,csv}             Samsung covers tree, simulated annual losses (section 11)
 *
 * The .xlsx has real formulas, date cells and formats (it opens in Excel); a formula whose result
 * spills (CYBER.ALLOCATE, CYBER.POOLSHARE, CYBER.RECOVERY) is stored as an array formula over the
 * cells it fills, which is how Excel keeps an array result in a file. The .csv has the same cells,
 * dates written =DATE(y,m,d). The CPIC model is below; the others are in scripts/examples/.
 *
 * Run after building the CLI (the .xlsx stores each formula's result, computed by our engine, as
 * the cached value Excel shows until it recalculates):
 *
 *   npm run build:cli && node scripts/make-examples.js
 *
 * The expected CLI output (examples/expected/*.csv) is NOT written here: it is a reviewed golden
 * file, regenerated deliberately (see examples/README.md) and checked against the hand
 * arithmetic there.
 */
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');
const { stringify } = require('csv-stringify/sync');
const { columnLetters } = require('./examples/cells');
const MODELS = [
  require('./examples/samsung-limits-and-claims'),
  require('./examples/samsung-hourly-bi-reputational'),
  require('./examples/lmcit-member'),
  require('./examples/samsung-annual-loss'),
];

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'examples');

// ---- the model ---------------------------------------------------------------------------------
// Qinghe Bazaar E-Commerce Co., Ltd. (青禾集市电子商务有限公司) is fictional, as are its figures.

const COMPANY = 'Qinghe Bazaar E-Commerce Co., Ltd. 青禾集市电子商务有限公司 (fictional)';

/** Monthly operating revenue (CNY), periods starting on the 1st: Jan 2023 … Dec 2024. */
const REVENUE_2023 = [2600000, 2200000, 2500000, 2400000, 2700000, 3300000, 2500000, 2600000, 2800000, 3000000, 4800000, 3600000];
// Dec 2024 is the month of the incident (1,600,000 actually earned); it also closes November.
const REVENUE_2024 = [3000000, 2500000, 2900000, 2800000, 3100000, 3900000, 2900000, 3000000, 3200000, 3500000, 5600000, 1600000];

const HISTORY_TOP = 4; // header row of the history table (column F:G)
const HISTORY_ROWS = [...REVENUE_2023, ...REVENUE_2024].map((revenue, i) => ({
  date: [2023 + Math.floor(i / 12), (i % 12) + 1, 1],
  revenue,
}));
const HISTORY_BOTTOM = HISTORY_TOP + HISTORY_ROWS.length;
const historyRow = (year, month) => HISTORY_TOP + 1 + (year - 2023) * 12 + (month - 1);

const RECOVERY_TOP = HISTORY_BOTTOM + 3; // title row above it
const RECOVERY_TABLE = [
  [7, 0.3],
  [14, 0.5],
  [30, 0.75],
  [60, 1],
];
const RECOVERY_HEADER = RECOVERY_TOP + 1;
const RECOVERY_BOTTOM = RECOVERY_HEADER + RECOVERY_TABLE.length;

const RANGES = {
  history: `F${HISTORY_TOP}:G${HISTORY_BOTTOM}`,
  revenue2023: `G${historyRow(2023, 1)}:G${historyRow(2023, 12)}`,
  janNov2023: `G${historyRow(2023, 1)}:G${historyRow(2023, 11)}`,
  janNov2024: `G${historyRow(2024, 1)}:G${historyRow(2024, 11)}`,
  recoveryTable: `F${RECOVERY_HEADER}:G${RECOVERY_BOTTOM}`,
};

/**
 * The left block, columns A (English), B (中文), C (value or formula), D (source). `key` names a
 * row so formulas can say {key} instead of a hand-typed address.
 */
const LEFT = [
  { title: `CPIC network-interruption claim — ${COMPANY}` },
  { title: 'Amounts in CNY. Rules: CPIC 企业网络安全保险（2025版B款）第十三条、第十四条、第四十四条. Formulas use the CYBER add-in (cyberbi).' },
  {},
  { header: ['Item', '项目', 'Value 数值', 'Source 依据'] },
  { section: '1. Schedule 保险明细' },
  { key: 'sumInsured', en: 'Profit sum insured', zh: '利润保险金额', value: 8400000, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (2)' },
  { key: 'limit', en: 'Profit limit of indemnity', zh: '利润赔偿限额', value: 3000000, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (2)' },
  { key: 'deductible', en: 'Profit deductible', zh: '利润免赔额', value: 56000, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (2)' },
  { key: 'paidToDate', en: 'Profit paid earlier in the period', zh: '本保险期间已赔付利润', value: 0, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (5)' },
  { key: 'waitingHours', en: 'Time deductible (hours)', zh: '免赔时间（小时）', value: 12, fmt: 'hours', note: 'CPIC 第十四条 1' },
  { key: 'contSumInsured', en: 'Continuation-cost sum insured', zh: '经营延续费用保险金额', value: 500000, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (7), (8)' },
  { key: 'contDeductible', en: 'Continuation-cost deductible', zh: '经营延续费用免赔额', value: 20000, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (7)' },
  { key: 'crisisLimit', en: 'Crisis-management cost limit', zh: '危机管理应对费用限额', value: 500000, fmt: 'amount', note: 'CPIC 第十三条 (二) 1' },
  { key: 'crisisRatio', en: 'Crisis-cost reduction ratio', zh: '减额赔付比例', value: 0.9, fmt: 'ratio', note: 'CPIC 第十三条 (二) 1' },
  {},
  { section: '2. Last financial year (FY2023) 最近一个会计年度' },
  { key: 'revenue', en: 'Operating revenue (sum of 2023 months)', zh: '经营性收益', value: `=SUM(${RANGES.revenue2023})`, fmt: 'amount', note: 'CPIC 第四十四条 22' },
  { key: 'expenses', en: 'Operating expenses', zh: '经营性费用', value: 31500000, fmt: 'amount', note: 'CPIC 第四十四条 23' },
  { key: 'maintenance', en: 'Maintenance costs', zh: '维持费用', value: 10500000, fmt: 'amount', note: 'CPIC 第四十四条 20' },
  { key: 'insuredMaintenance', en: 'Insured maintenance costs (salaries, rent, IT contracts)', zh: '投保维持费用', value: 6300000, fmt: 'amount', note: 'CPIC 第四十四条 20' },
  { key: 'operatingProfit', en: 'Operating profit', zh: '经营性利润', value: '=CYBER.OPERATINGPROFIT({revenue},{expenses})', fmt: 'amount', note: 'CPIC 第四十四条 21' },
  { key: 'profitRate', en: 'Profit rate', zh: '利润率', value: '=CYBER.PROFITRATE({revenue},{expenses},{maintenance},{insuredMaintenance})', fmt: 'ratio', note: 'CPIC 第四十四条 32' },
  { key: 'insuredRatio', en: 'Insured ratio', zh: '投保比率', value: '=CYBER.INSUREDRATIO({revenue},{expenses},{maintenance},{insuredMaintenance})', fmt: 'ratio', note: 'CPIC 第四十四条 33' },
  {},
  { section: '3. Incident: ransomware on the order system 事故：订单系统遭勒索软件攻击' },
  { key: 'incidentDate', en: 'Incident date', zh: '事故发生日', value: { date: [2024, 12, 1] }, fmt: 'date', note: 'CPIC 第四十四条 25, 26' },
  { key: 'durationHours', en: 'Continuous interruption (hours)', zh: '网络中断连续持续时间（小时）', value: 72, fmt: 'hours', note: 'CPIC 第十四条 1' },
  { key: 'indemnityDays', en: 'Indemnity period (days)', zh: '赔偿期间（天）', value: 31, fmt: 'days', note: 'CPIC 第四十四条 27' },
  { key: 'recoveryDays', en: 'Recovery period of the IT systems (days)', zh: '恢复期间（天）', value: 10, fmt: 'days', note: 'CPIC 第四十四条 28' },
  { key: 'growthInfo', en: 'Revenue growth Jan–Nov 2024 vs 2023 (information)', zh: '2024年1–11月同比增长（参考）', value: `=SUM(${RANGES.janNov2024})/SUM(${RANGES.janNov2023})-1`, fmt: 'ratio', note: 'standard functions' },
  { key: 'trend', en: 'Trend adjustment agreed with the adjuster', zh: '经营趋势调整（与公估人约定）', value: 0.15, fmt: 'ratio', note: 'CPIC 第十三条 (一) 2 (4)' },
  { key: 'actualRevenue', en: 'Revenue earned in the indemnity period (Dec 2024)', zh: '赔偿期间的经营性收益', value: `=G${historyRow(2024, 12)}`, fmt: 'amount', note: 'CPIC 第四十四条 30' },
  { key: 'savedCosts', en: 'Insured maintenance costs not spent', zh: '赔偿期间内免于支出的投保维持费用', value: 31200, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (1) ①' },
  { key: 'preventionExpense', en: 'Prevention expense (manual order desk, emergency cloud)', zh: '防止收益减少费用', value: 180000, fmt: 'amount', note: 'CPIC 第四十四条 24' },
  { key: 'avoidedReduction', en: 'Revenue loss the expense avoided', zh: '因该费用而免于减少的经营性收益', value: 500000, fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (1) ②' },
  { key: 'continuationCosts', en: 'Business-continuation costs (rented servers, standby systems)', zh: '经营延续费用', value: 300000, fmt: 'amount', note: 'CPIC 第四十四条 29' },
  { key: 'crisisSpent', en: 'Crisis-management costs spent (forensics, PR)', zh: '危机管理应对费用支出', value: 120000, fmt: 'amount', note: 'CPIC 第十三条 (二) 1' },
  { key: 'crisisRecovered', en: 'Of which recovered from the hosting vendor', zh: '可从他人处回收的金额', value: 10000, fmt: 'amount', note: 'CPIC 第十三条 (二) 1' },
  { key: 'discoveryDate', en: 'Date the incident was discovered', zh: '首次发现网络安全事故日', value: { date: [2024, 12, 1] }, fmt: 'date', note: 'CPIC 第五条 1 (1)' },
  { key: 'crisisCostDate', en: 'Date the crisis costs were incurred', zh: '危机管理费用发生日', value: { date: [2024, 12, 5] }, fmt: 'date', note: 'CPIC 第五条 1 (1)' },
  {},
  { section: '4. Calculation 计算' },
  { key: 'waitingMet', en: 'Interruption longer than the time deductible', zh: '中断时间超过免赔时间', value: '=CYBER.WAITINGMET({durationHours},{waitingHours})', note: 'CPIC 第十四条 1' },
  { key: 'standardRevenue', en: 'Standard revenue (Dec 2023 × (1 + trend))', zh: '标准经营性收益', value: `=CYBER.STANDARDREVENUE(${RANGES.history},{incidentDate},{indemnityDays},{trend})`, fmt: 'amount', note: 'CPIC 第四十四条 25; 第十三条 (一) 2 (4)' },
  { key: 'annualRevenue', en: 'Annual revenue (12 months before the incident)', zh: '年度经营性收益', value: `=CYBER.ANNUALREVENUE(${RANGES.history},{incidentDate})`, fmt: 'amount', note: 'CPIC 第四十四条 26' },
  { key: 'revenueReduction', en: 'Revenue reduction', zh: '收益减少金额', value: '=CYBER.REVENUEREDUCTION({standardRevenue},{actualRevenue})', fmt: 'amount', note: 'CPIC 第四十四条 30' },
  { key: 'lostProfit', en: 'Lost profit', zh: '丧失利益', value: '=CYBER.LOSTPROFIT({revenueReduction},{profitRate},{savedCosts})', fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (1) ①' },
  { key: 'preventionCost', en: 'Prevention cost payable', zh: '防止收益减少费用赔付额', value: '=CYBER.PREVENTIONCOST({preventionExpense},{insuredRatio},{avoidedReduction},{profitRate})', fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (1) ②' },
  { key: 'loss', en: 'Loss = lost profit + prevention cost', zh: '损失金额', value: '={lostProfit}+{preventionCost}', fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (1)' },
  { key: 'biPayout', en: 'Network-interruption payout (under-insured: × 8.4M ÷ 11.2M)', zh: '网络中断赔款（不足额保险按比例）', value: '=IF({waitingMet},CYBER.BIPAYOUT({loss},{deductible},{sumInsured},{limit},{annualRevenue},{profitRate},,{paidToDate}),0)', fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (2), (3), (5)' },
  { key: 'recoveryRatio', en: 'Recovery-period ratio', zh: '恢复期间的对应比例', value: `=CYBER.RECOVERYRATIO({recoveryDays},${RANGES.recoveryTable})`, fmt: 'ratio', note: 'CPIC 第十三条 (一) 2 (7)' },
  { key: 'continuationPayout', en: 'Business-continuation payout', zh: '经营延续费用赔款', value: '=IF({waitingMet},CYBER.CONTINUATIONPAYOUT({continuationCosts},{contDeductible},{contSumInsured},{recoveryRatio}),0)', fmt: 'amount', note: 'CPIC 第十三条 (一) 2 (6)–(8)' },
  { key: 'crisisWindow', en: 'Crisis costs within 180 days after discovery', zh: '费用发生在事故处理期间内', value: '=CYBER.CRISISWINDOW({discoveryDate},{crisisCostDate})', note: 'CPIC 第五条 1 (1)' },
  { key: 'crisisPayout', en: 'Crisis-management payout', zh: '危机管理应对费用赔款', value: '=IF({crisisWindow},CYBER.CRISISPAYOUT({crisisSpent},{crisisRecovered},{crisisRatio},{crisisLimit}),0)', fmt: 'amount', note: 'CPIC 第十三条 (二) 1' },
  { key: 'total', en: 'Total payable', zh: '合计赔付金额', value: '={biPayout}+{continuationPayout}+{crisisPayout}', fmt: 'amount', note: '' },
];

// ---- the grid ------------------------------------------------------------------------------------

/** Row number (1-based) of each keyed row. */
const ROW_OF = {};
LEFT.forEach((r, i) => {
  if (r.key) ROW_OF[r.key] = i + 1;
});

function resolve(formula) {
  return formula.replace(/\{(\w+)\}/g, (_, key) => {
    if (!(key in ROW_OF)) throw new Error(`unknown key {${key}} in ${formula}`);
    return `C${ROW_OF[key]}`;
  });
}

/**
 * The sheet as a map "row,col" → { value, fmt, style }, value being a number, boolean, text,
 * formula text (starting with =) or { date: [y, m, d] }.
 */
function buildCpicGrid() {
  const grid = new Map();
  const put = (row, col, value, extra = {}) => grid.set(`${row},${col}`, { value, ...extra });
  LEFT.forEach((r, i) => {
    const row = i + 1;
    if (r.title) put(row, 1, r.title, { style: row === 1 ? 'title' : 'note' });
    if (r.header) r.header.forEach((h, k) => put(row, k + 1, h, { style: 'header' }));
    if (r.section) put(row, 1, r.section, { style: 'section' });
    if (r.key) {
      put(row, 1, r.en);
      put(row, 2, r.zh);
      put(row, 3, typeof r.value === 'string' && r.value.startsWith('=') ? resolve(r.value) : r.value, { fmt: r.fmt, style: r.key === 'total' ? 'total' : undefined });
      if (r.note) put(row, 4, r.note, { style: 'note' });
    }
  });
  put(HISTORY_TOP - 1, 6, 'Monthly revenue history 月度经营性收益历史 (CNY)', { style: 'section' });
  put(HISTORY_TOP, 6, 'Period start 期间起始日', { style: 'header' });
  put(HISTORY_TOP, 7, 'Revenue 经营性收益', { style: 'header' });
  HISTORY_ROWS.forEach((h, i) => {
    put(HISTORY_TOP + 1 + i, 6, { date: h.date }, { fmt: 'date' });
    put(HISTORY_TOP + 1 + i, 7, h.revenue, { fmt: 'amount' });
  });
  put(RECOVERY_TOP, 6, 'Recovery-ratio table 恢复期间比例表', { style: 'section' });
  put(RECOVERY_HEADER, 6, 'Recovery days up to 恢复天数上限', { style: 'header' });
  put(RECOVERY_HEADER, 7, 'Ratio 比例', { style: 'header' });
  RECOVERY_TABLE.forEach(([days, ratio], i) => {
    put(RECOVERY_HEADER + 1 + i, 6, days, { fmt: 'days' });
    put(RECOVERY_HEADER + 1 + i, 7, ratio, { fmt: 'ratio' });
  });
  return grid;
}

function extent(grid) {
  let rows = 0;
  let cols = 0;
  for (const key of grid.keys()) {
    const [r, c] = key.split(',').map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  return { rows, cols };
}

// ---- CSV -----------------------------------------------------------------------------------------

function csvText(grid) {
  const { rows, cols } = extent(grid);
  const records = [];
  for (let r = 1; r <= rows; r++) {
    const record = [];
    for (let c = 1; c <= cols; c++) {
      const cell = grid.get(`${r},${c}`);
      let v = cell ? cell.value : '';
      if (v && typeof v === 'object' && v.date) v = `=DATE(${v.date.join(',')})`;
      if (typeof v === 'boolean') v = v ? 'TRUE' : 'FALSE';
      record.push(String(v));
    }
    records.push(record);
  }
  return stringify(records, { record_delimiter: 'unix' });
}

// ---- XLSX ----------------------------------------------------------------------------------------

const NUM_FMT = {
  amount: '#,##0.00',
  ratio: '0.0000',
  date: 'yyyy-mm-dd',
  hours: '0',
  days: '0',
  int: '0',
};

/** Cached results (what Excel shows before it recalculates), computed by our own evaluator. */
function cachedResults(csv) {
  let lib;
  try {
    lib = {
      workbook: require(path.join(root, 'lib', 'sheet', 'workbook.js')),
      csv: require(path.join(root, 'lib', 'cli', 'read-csv.js')),
    };
  } catch {
    throw new Error('lib/ is missing: run `npm run build:cli` first');
  }
  return lib.workbook.evaluateSheet(lib.csv.parseCsv(csv), { arrayArithmetic: true });
}

const CPIC_SHEET = { name: 'Claim 理赔测算', widths: [58, 34, 18, 34, 3, 30, 20], frozenRows: 4 };

/** The cached result of a cell, as ExcelJS stores it (undefined when none). */
function cachedValue(results, r, c) {
  const result = results[r - 1] && results[r - 1][c - 1];
  if (result === null || result === undefined) return undefined;
  return typeof result === 'object' ? { error: result.error } : result;
}

/**
 * The grid as an .xlsx workbook of one sheet. A cell with `spill` ({ rows, cols }) holds an array
 * formula over that many cells; the other cells of its range get the cached results.
 */
async function writeXlsx(grid, file, results, sheet) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cyberbi scripts/make-examples.js';
  wb.created = new Date(Date.UTC(2025, 0, 15));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: sheet.frozenRows }] });
  ws.columns = sheet.widths.map((width) => ({ width }));
  const style = (target, cell) => {
    if (cell.fmt) target.numFmt = NUM_FMT[cell.fmt];
    if (cell.style === 'title') target.font = { bold: true, size: 14 };
    if (cell.style === 'section' || cell.style === 'header') target.font = { bold: true };
    if (cell.style === 'header') target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    if (cell.style === 'total') target.font = { bold: true };
    if (cell.style === 'note') target.font = { italic: true, color: { argb: 'FF595959' } };
  };
  for (const [key, cell] of grid) {
    const [r, c] = key.split(',').map(Number);
    const target = ws.getCell(r, c);
    const v = cell.value;
    if (v && typeof v === 'object' && v.date) {
      const [y, m, d] = v.date;
      target.value = new Date(Date.UTC(y, m - 1, d));
    } else if (typeof v === 'string' && v.startsWith('=')) {
      const cached = cachedValue(results, r, c);
      const formula = cached === undefined ? { formula: v.slice(1) } : { formula: v.slice(1), result: cached };
      if (cell.spill) {
        const ref = `${columnLetters(c)}${r}:${columnLetters(c + cell.spill.cols - 1)}${r + cell.spill.rows - 1}`;
        target.value = { ...formula, shareType: 'array', ref };
        for (let i = 0; i < cell.spill.rows; i++) {
          for (let k = 0; k < cell.spill.cols; k++) {
            if (i === 0 && k === 0) continue;
            if (grid.has(`${r + i},${c + k}`)) throw new Error(`${file}: the array of ${columnLetters(c)}${r} would cover ${columnLetters(c + k)}${r + i}`);
            const other = ws.getCell(r + i, c + k);
            const value = cachedValue(results, r + i, c + k);
            if (value !== undefined) other.value = value;
            style(other, cell);
          }
        }
      } else {
        target.value = formula;
      }
    } else {
      target.value = v;
    }
    style(target, cell);
  }
  await wb.xlsx.writeFile(file);
}

async function writeExample(name, grid, sheet) {
  const csv = csvText(grid);
  const csvFile = path.join(outDir, `${name}.csv`);
  const xlsxFile = path.join(outDir, `${name}.xlsx`);
  fs.writeFileSync(csvFile, csv);
  await writeXlsx(grid, xlsxFile, cachedResults(csv), sheet);
  process.stdout.write(`wrote ${path.relative(root, csvFile)} and ${path.relative(root, xlsxFile)}\n`);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  await writeExample('cpic-network-interruption', buildCpicGrid(), CPIC_SHEET);
  for (const model of MODELS) {
    const layout = model.build();
    await writeExample(model.file, layout.grid(), { name: layout.name, widths: layout.widths, frozenRows: layout.frozenRows });
  }
}

main().catch((e) => {
  process.stderr.write(`make-examples: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
