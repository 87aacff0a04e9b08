/**
 * The function reference pages shipped with the add-in (issue 16): dist/help/en.html and
 * dist/help/zh-cn.html, one section per function with the function's Excel id as its anchor, so
 * each function's `helpUrl` in functions.json / functions-zh-cn.json (scripts/build-metadata.js)
 * opens its own section, in the language of its metadata file.
 *
 * Why pages of our own and not a link to the repository's docs/FUNCTIONS*.md: the add-in makes no
 * request beyond its own files and office.js (README, "Security"), so the help it links to must be
 * hosted with it. The pages are rendered from the same catalogue specs as those docs (description,
 * parameters, formula, example, articles), so they cannot drift from what the functions accept.
 *
 * The pages carry no script at all; their own Content-Security-Policy (below) allows only their
 * stylesheet, which is a file (help.css) because the policy admits no inline style.
 */
'use strict';

const { HELP_PAGES, HELP_STYLESHEET } = require('./addin-urls');

/** No scripts, no connections, no frames: a static page that may load only its stylesheet. */
const HELP_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

const T = {
  en: {
    lang: 'en',
    title: 'CYBER function reference',
    intro:
      'Exact-decimal cyber and crime insurance policy arithmetic as Excel functions. Every amount is computed with 40 significant digits; only the final result becomes a number. Rates and ratios are fractions (25% is 0.25); dates are Excel serial numbers.',
    other: '简体中文',
    params: 'Parameters',
    name: 'Name',
    def: 'Default',
    desc: 'Description',
    required: 'required',
    formula: 'As a spreadsheet formula',
    example: 'Example',
    articles: 'Articles',
    excelName: (name, excel) => `In Excel this function is CYBER.${excel}: Excel registers no custom function whose name is shorter than three characters, so CYBER.${name} is registered under this name.`,
    contents: 'Functions',
  },
  zh: {
    lang: 'zh-CN',
    title: 'CYBER 函数参考',
    intro: '以精确小数计算网络安全保险与犯罪保险条款的 Excel 函数。所有金额均以 40 位有效数字计算，只有最终结果转换为数字。费率与比例均为小数（25% 写作 0.25）；日期为 Excel 日期序列号。',
    other: 'English',
    params: '参数',
    name: '名称',
    def: '默认值',
    desc: '说明',
    required: '必填',
    formula: '等价的电子表格公式',
    example: '示例',
    articles: '条款依据',
    excelName: (name, excel) => `在 Excel 中此函数为 CYBER.${excel}：Excel 不注册名称少于三个字符的自定义函数，因此 CYBER.${name} 以此名称注册。`,
    contents: '函数',
  },
};

const STYLESHEET = `body { font-family: "Segoe UI", system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-top: 1px solid #ccc; padding-top: 1rem; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; padding: 0 0.2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
nav ul { columns: 3; }
section:target h2 { background: #fff4ce; }
`;

/** Text as HTML text or attribute content. */
function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The id Excel knows a function by (the catalogue name unless it is too short). */
const excelIdOf = (f) => f.excelName ?? f.name;

function fmtDefault(v) {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return `"${v}"`;
  return String(v);
}

function signature(f) {
  const args = f.params.map((p) => (p.optional ? `[${p.name}${p.default !== undefined ? '=' + fmtDefault(p.default) : ''}]` : p.name));
  return `CYBER.${excelIdOf(f)}(${args.join(', ')})`;
}

/** One language's page. */
function renderPage(catalogue, lang) {
  const t = T[lang];
  const otherLang = lang === 'en' ? 'zh' : 'en';
  const otherHref = HELP_PAGES[otherLang].replace(/^help\//, '');
  const css = HELP_STYLESHEET.replace(/^help\//, '');
  const colon = lang === 'zh' ? '：' : ': ';
  const out = [
    '<!doctype html>',
    `<html lang="${t.lang}">`,
    '<head>',
    // charset first (it must be within the first bytes), then the policy, before anything it governs.
    '<meta charset="UTF-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${HELP_CSP}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(t.title)}</title>`,
    `<link rel="stylesheet" href="${css}" />`,
    '</head>',
    '<body>',
    `<p><a href="${otherHref}" hreflang="${T[otherLang].lang}">${escapeHtml(t.other)}</a></p>`,
    `<h1>${escapeHtml(t.title)}</h1>`,
    `<p>${escapeHtml(t.intro)}</p>`,
    `<nav><h2>${escapeHtml(t.contents)}</h2><ul>`,
    ...catalogue.map((f) => `<li><a href="#${encodeURIComponent(excelIdOf(f))}">CYBER.${escapeHtml(excelIdOf(f))}</a></li>`),
    '</ul></nav>',
  ];
  for (const f of catalogue) {
    const id = excelIdOf(f);
    out.push(`<section id="${escapeHtml(id)}">`, `<h2><code>${escapeHtml(signature(f))}</code></h2>`, `<p>${escapeHtml(f.description[lang])}</p>`);
    if (f.excelName) out.push(`<p>${escapeHtml(t.excelName(f.name, f.excelName))}</p>`);
    out.push(`<h3>${escapeHtml(t.params)}</h3>`, '<table>', `<tr><th>${escapeHtml(t.name)}</th><th>${escapeHtml(t.def)}</th><th>${escapeHtml(t.desc)}</th></tr>`);
    for (const p of f.params) {
      const d = p.optional ? (p.default !== undefined ? fmtDefault(p.default) : '—') : t.required;
      out.push(`<tr><td><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.label[lang])})</td><td>${escapeHtml(d)}</td><td>${escapeHtml(p.description[lang])}</td></tr>`);
    }
    out.push('</table>');
    out.push(`<p><strong>${escapeHtml(t.formula)}</strong>${colon}<code>${escapeHtml(f.formula)}</code></p>`);
    out.push(`<p><strong>${escapeHtml(t.example)}</strong>${colon}<code>${escapeHtml(f.example.formula)}</code> → <code>${escapeHtml(f.example.result)}</code></p>`);
    out.push(`<p><strong>${escapeHtml(t.articles)}</strong>${colon}${f.articles.map((a) => escapeHtml(a[lang])).join(lang === 'zh' ? '；' : '; ')}</p>`);
    out.push('</section>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** The files of the help, by path under the base URL: both pages and their stylesheet. */
function renderHelpPages(catalogue) {
  return { [HELP_PAGES.en]: renderPage(catalogue, 'en'), [HELP_PAGES.zh]: renderPage(catalogue, 'zh'), [HELP_STYLESHEET]: STYLESHEET };
}

module.exports = { HELP_CSP, renderHelpPages, escapeHtml };
