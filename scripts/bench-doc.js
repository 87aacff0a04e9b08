/**
 * Writes docs/PERFORMANCE.md from a full `npm run bench` run, so the page is never edited by
 * hand: the machine, the date, every figure beside the baseline, the targets and budgets with
 * their status, how to rerun, and a short summary in Simplified Chinese.
 */
const fs = require('node:fs');
const path = require('node:path');
const { BUDGETS } = require('./bench-bundles');

const root = path.resolve(__dirname, '..');
const DOC = path.join(root, 'docs', 'PERFORMANCE.md');

/** `cyberbi calc` on the scenario sheet: CYBER functions at most this many times plain formulas. */
const CLI_TARGET = 2;
/**
 * ALLOCATE is "flat" when the time per claim at the largest size is at most this many times the
 * time per claim at 1,000 claims. Settlement is one pass (linear); the slack covers garbage
 * collection and caches on a 100× larger input. A quadratic pass would give about 100.
 */
const FLAT_LIMIT = 1.5;

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const cell = (text) => String(text).replace(/\|/g, '\\|');

function table(header, rows) {
  // Numbers right-aligned; the first column and the prose columns (why, status) left-aligned.
  const left = (h, i) => i === 0 || h === 'why' || h === 'status';
  const out = [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (left(h, i) ? '---' : '---:')).join('|')}|`];
  for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  return out.join('\n');
}

function figure(current, key) {
  return current.figures[key];
}

/** The Chinese summary's lines for the 20,000-formula workbook (section 6), if it ran. */
function workbookSummary(current) {
  const f = (suffix) => {
    const key = Object.keys(current.figures).find((k) => k.startsWith('workbook ') && k.endsWith(suffix));
    return key === undefined ? undefined : current.figures[key];
  };
  const cli = f('cli calc one sheet (whole process)');
  if (cli === undefined) return [];
  const s = (x) => `${x.toFixed(2)} 秒`;
  const m = (x) => `${(x / 2 ** 20).toFixed(0)} MiB`;
  return [
    `- **2 万个公式的工作簿**：\`cyberbi calc\` 全程 ${s(cli)}（读取 ${s(f('cli read .xlsx (ExcelJS loaded and parsing)'))}，计算 ${s(f('cli evaluate'))}），峰值内存 ${m(f('cli peak RSS'))}；\`--all-sheets\` 一次计算输出全部工作表，全程 ${s(f('cli calc --all-sheets (whole process)'))}。工作台模型打开（读取并计算）${s(f('workbench open (read + evaluate)'))}，修改一个输入 ${s(f('workbench edit one input'))}，保存 ${s(f('workbench save'))}，峰值内存 ${m(f('workbench peak RSS'))}。`,
  ];
}

/** The largest per-cell memory the big-file runs measured for a format (bytes), if they ran. */
function worstPerCell(current, format) {
  const values = Object.entries(current.figures)
    .filter(([k]) => k.startsWith(`bigfile ${format} `) && k.endsWith(': memory per cell'))
    .map(([, v]) => v);
  return values.length ? Math.max(...values) : undefined;
}

/** The CLI's memory budget (src/cli/budget.ts) beside what section 7 measured. */
function bigFilesBudget(current) {
  const csv = worstPerCell(current, 'csv');
  const xlsx = worstPerCell(current, 'xlsx');
  return [
    '## Memory budget of the CLI',
    '',
    'Before building a file\'s cells, `cyberbi calc` estimates what they will cost and refuses a file past',
    'its budget with exit status 2 and the figures (never a V8 heap dump): the budget is Node\'s heap',
    'limit less 256 MiB (about 3.8 GiB with the default 4 GiB heap; `NODE_OPTIONS=--max-old-space-size=MB`',
    'raises it); the estimate is 1,024 B per CSV field (separators and line ends counted before parsing)',
    'or 2,048 B per .xlsx cell (`<c>` elements counted while the sheet inflates), plus 6 B per byte of',
    'input text. That admits about 3.9 million CSV cells or 1.9 million .xlsx cells; a 200 MB CSV of',
    'numbers (about 20 million fields) is refused at once. The .xlsx packages are bounded too: 256 MB',
    'a part and 1 GiB the parts read (`--max-size MB`: MB and 4 × MB); pictures and embedded objects',
    'are never inflated.',
    '',
    csv !== undefined && xlsx !== undefined
      ? `Measured in this run (section 7, the largest per-cell peak RSS of any kind and size): ${Math.round(csv)} B a CSV cell, ${Math.round(xlsx)} B an .xlsx cell — below the estimates, as they must stay.`
      : 'Section 7 did not run: no per-cell figures to set beside the estimates.',
    '',
  ];
}

/** The Chinese summary's line for section 7, if it ran. */
function bigFilesSummary(current) {
  const csv = worstPerCell(current, 'csv');
  const xlsx = worstPerCell(current, 'xlsx');
  if (csv === undefined || xlsx === undefined) return [];
  return [
    `- **大文件与内存预算**：\`cyberbi calc\` 每个单元格峰值内存实测最多 ${Math.round(csv)} 字节（CSV）、${Math.round(xlsx)} 字节（.xlsx）；预算为 Node 堆上限减 256 MiB（默认约 3.8 GiB），按每个 CSV 字段 1,024 字节、每个 .xlsx 单元格 2,048 字节加输入每字节 6 字节估算，超出即以退出码 2 拒绝并给出数字（约 390 万个 CSV 单元格或 190 万个 .xlsx 单元格）；.xlsx 每个部件最多解压 256 MB、整个包 1 GiB（\`--max-size\`），图片与嵌入对象从不解压。`,
  ];
}

function writePerformanceDoc({ current, baseline, savedNow, sections, bundles, targets, seconds }) {
  const m = current.system;
  const date = current.date.slice(0, 10);
  const flatOk = targets.flatness <= FLAT_LIMIT;
  const cliOk = targets.cliRatio <= CLI_TARGET;
  const overs = bundles ? bundles.addin.filter((b) => b.over) : [];
  const fx = (x, digits = 2) => x.toFixed(digits);
  const lines = [];
  const push = (...l) => lines.push(...l);

  push(
    '# Performance record · 性能记录',
    '',
    '<!-- Generated by `npm run bench` (scripts/bench.js, scripts/bench-doc.js). Do not edit by hand: rerun the bench. -->',
    '',
    'Generated by `npm run bench` from its last full run; do not edit by hand. 中文摘要见[文末](#中文摘要)。',
    '',
    `- **Date**: ${current.date}`,
    `- **Machine**: ${m.cores} × ${m.cpu}, ${m.ramGiB} GiB RAM, ${m.os}, ${m.arch}`,
    `- **Node**: ${m.node}`,
    `- **Baseline compared with**: ${baseline ? `${baseline.machine}, ${baseline.date}` : 'none'}${savedNow ? ' (this run has now been saved as the new baseline)' : ''}`,
    `- **Bench duration**: ${seconds.toFixed(0)} s`,
    '',
    'Figures on a machine shared with other work are noisy (±30% between runs is common on a loaded',
    'two-core machine); compare ratios within one run (engine ÷ plain, CYBER ÷ plain, per claim at',
    '100k ÷ at 1k) before comparing runs.',
    '',
    '## Targets',
    '',
    table(
      ['target', 'this run', 'status'],
      [
        [`\`cyberbi calc\` on the ${targets.scenarioRows.toLocaleString('en-US')}-row scenario: CYBER functions ÷ plain formulas ≤ ${CLI_TARGET}`, `${fx(targets.cliRatio)}×`, cliOk ? 'met' : '**missed**'],
        [
          `ALLOCATE stays flat: µs per claim at ${targets.largest.toLocaleString('en-US')} ÷ at 1,000 ≤ ${FLAT_LIMIT}`,
          `${fx(targets.perClaim[targets.largest])} µs ÷ ${fx(targets.perClaim[1000])} µs = ${fx(targets.flatness)}`,
          flatOk ? 'met' : '**missed**',
        ],
        ...(bundles ? bundles.addin.map((b) => [`add-in \`${b.file}\` ${b.kind} ≤ ${kib(b.budget)}`, kib(b.size), b.over ? '**over budget**' : 'under']) : []),
      ],
    ),
    '',
    '## Bundle budgets',
    '',
    table(
      ['bundle', 'raw budget', 'gzip budget', 'why'],
      [
        [
          '`functions.js`',
          kib(BUDGETS['functions.js'].raw),
          kib(BUDGETS['functions.js'].gzip),
          'The engine (decimal.js, the 46 functions, their specs and messages in English and Chinese) and the registration of the CYBER functions. In the shared runtime it is downloaded (or read from cache), parsed and run on every Excel start that opens a workbook using the add-in, before any CYBER cell can compute, and it stays in memory for the whole session. It carries no UI, so it must stay small: the budget was about 1.5× the first measured size (132 KiB / 44 KiB gzip), 200 / 64 KiB, until catalogue section 10 brought @stdlib\'s special functions (about 103 KiB / 38 KiB gzip of it, most of that @stdlib\'s shared plumbing; the build measured 316,948 B / 108,223 B gzip): raised to 320 / 112 KiB, with loading section 10 on first use as the way back under the old budget.',
        ],
        [
          '`taskpane.js`',
          kib(BUDGETS['taskpane.js'].raw),
          kib(BUDGETS['taskpane.js'].gzip),
          'React, Fluent UI v9 and recharts for the task pane. taskpane.html, the shared runtime page, loads it right after functions.js, so it also costs start-up time (and Excel on the web fetches it over the network), but custom functions are already registered by then. About 20% room over the first measured size (1,037 KiB / 304 KiB gzip); beyond that, split the charts or the less used tabs into chunks loaded on demand.',
        ],
        ['workbench `workbench.js`', '—', '—', 'For information only: served from localhost, includes HyperFormula (GPL-3.0-only artefact); ExcelJS is a separate chunk loaded on the first open or save.'],
      ],
    ),
    '',
    'Sizes are of the production build (`webpack --mode production`); gzip is zlib level 9, about what a',
    'web server sends. The source maps are not counted (Office never loads them).',
    '',
  );
  if (bundles && overs.length) push(`**Over budget in this run**: ${overs.map((b) => `${b.file} ${b.kind}`).join(', ')}.`, '');
  push(...bigFilesBudget(current));

  push('## Figures', '', 'Each figure beside the baseline (`bench/baseline.json`), with the ratio this run ÷ baseline. Calls per second: higher is better; seconds, µs, ratios (×) and sizes: lower is better.', '');
  for (const s of sections) {
    push(`### ${s.title}`, '', s.note, '');
    push(table(['figure', 'this run', 'baseline', 'this ÷ baseline'], s.rows), '');
    for (const l of s.lines) push(`- ${l}`);
    if (s.lines.length) push('');
  }

  push(
    '## How to rerun',
    '',
    '```sh',
    'npm run bench                 # full run (about 3–5 minutes): prints every figure, rewrites this page',
    'npm run bench -- --save       # the same, and records the run as bench/baseline.json',
    'npm run bench -- --quick      # short loops, smaller sizes, add-in bundles only; writes nothing',
    'npm run bench -- --no-bundles # skip the webpack builds',
    'npm run bench -- --no-doc     # do not rewrite this page',
    'npm run bench -- --only=workbook [--quick]  # the 20,000-formula workbook alone (2,000 with --quick); writes nothing',
    '```',
    '',
    '`npm run bench` compiles `lib/` first (`npm run build:cli`). The bundles are built into a temporary',
    'directory (never `dist/` or `dist-workbench/`). Run it on a quiet machine: figures from a loaded',
    'machine are only good for ratios within the run. What the bench measures and how:',
    '',
    '- `scripts/bench.js`: the runner; `scripts/bench-args.js`: the arguments of every function;',
    '- `scripts/bench-plain.js`: the plain-JavaScript references, checked against the engine (relative',
    '  difference ≤ 1e-9) before they are timed;',
    '- `scripts/bench-scenario.js`: the CPIC scenario sheet, in CYBER functions and in plain formulas; the',
    '  bench stops if the two do not compute the same payout on every row;',
    '- `scripts/bench-bundles.js`: the bundle builds and budgets; `scripts/bench-doc.js`: this page;',
    '- `scripts/bench-bigfiles.js`: `cyberbi calc` on generated CSV and .xlsx files of 100k and 1M cells',
    '  (numbers, short texts, formulas), time and peak RSS per cell above a one-cell file; run alone:',
    '  `node scripts/bench-bigfiles.js [--quick]` (--quick: 100k only);',
    '- `scripts/bench-workbook.js`: the 20,000-formula workbook, `cyberbi calc` and the workbench model on it',
    '  (each in its own process; `scripts/bench-rss.js` reads the peak RSS); it stops unless the workbench',
    '  and the CLI agree on every formula cell and the saved file reads back with the edit. Run alone:',
    '  `node scripts/bench-workbook.js [--quick]`.',
    '',
  );

  const engineRates = current.figures;
  const plainRatio = (name) => figure(current, `engine ÷ plain ${name}`);
  const ratioList = ['PROFITRATE', 'LOSTPROFIT', 'BIPAYOUT', 'LAYER', 'CRIMEPAYOUT', 'HOURLYBI', 'ALLOCATE 10000 claims']
    .filter((n) => plainRatio(n) !== undefined)
    .map((n) => `${n.replace(' 10000 claims', '（1 万条索赔）')} ${Math.round(plainRatio(n))} 倍`)
    .join('，');
  const fnSize = bundles && bundles.addin.find((b) => b.file === 'functions.js' && b.kind === 'gzip');
  const paneSize = bundles && bundles.addin.find((b) => b.file === 'taskpane.js' && b.kind === 'gzip');
  push(
    '## 中文摘要',
    '',
    `本页由 \`npm run bench\` 自动生成（${date}，${m.cores} 核 ${m.cpu}，内存 ${m.ramGiB} GiB，Node ${m.node}），请勿手工编辑；重新运行即可更新。`,
    '',
    `- **命令行**：\`cyberbi calc\` 计算 ${targets.scenarioRows.toLocaleString('en-US')} 行 CPIC 情景表，CYBER 函数版耗时为普通公式版的 ${fx(targets.cliRatio)} 倍（目标 ≤ ${CLI_TARGET} 倍，${cliOk ? '已达标' : '未达标'}）；两版每一行的赔付金额一致。`,
    `- **ALLOCATE 扩展性**：每条索赔耗时 ${fx(targets.perClaim[1000])} µs（1,000 条）至 ${fx(targets.perClaim[targets.largest])} µs（${targets.largest.toLocaleString('en-US')} 条），比值 ${fx(targets.flatness)}（≤ ${FLAT_LIMIT} 视为线性，${flatOk ? '已达标' : '未达标'}）。`,
    `- **与普通 JavaScript 数值运算相比**（仅作速度上限参考，不精确、不校验）：精确引擎每次调用的耗时约为 ${ratioList}。`,
    engineRates['engine LAYER calls'] ? `- **引擎吞吐量**：简单函数（如 LAYER）每秒约 ${Math.round(engineRates['engine LAYER calls']).toLocaleString('en-US')} 次调用；各函数的引擎与 HyperFormula 工作表数据见上文英文表格。` : '',
    bundles
      ? `- **加载项包体积**：functions.js ${kib(fnSize.size)}（gzip，预算 ${kib(fnSize.budget)}），taskpane.js ${kib(paneSize.size)}（gzip，预算 ${kib(paneSize.budget)}）${overs.length ? `；**超出预算**：${overs.map((b) => `${b.file} ${b.kind}`).join('、')}` : '，均在预算之内'}。functions.js 在共享运行时中每次启动 Excel 都会加载，因此预算最严。`
      : '- 本次运行未测量包体积（--no-bundles）。',
    ...workbookSummary(current),
    ...bigFilesSummary(current),
    '- **重新运行**：`npm run bench`（完整运行并重写本页）；`npm run bench -- --save` 同时保存为基准 `bench/baseline.json`；`npm run bench -- --quick` 为快速冒烟检查，不写任何文件。',
    '',
  );

  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n') + '\n');
  return DOC;
}

module.exports = { writePerformanceDoc, CLI_TARGET, FLAT_LIMIT, DOC };
