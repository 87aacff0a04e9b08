#!/usr/bin/env node
/**
 * Writes the custom-functions metadata Excel reads:
 *   dist/functions.json        English, generated from the JSDoc of src/functions/functions.ts
 *   dist/functions-zh-cn.json  Simplified Chinese: same ids and parameters, descriptions from the
 *                              engine specs (description.zh), served through the manifest's
 *                              <bt:Override> on the metadata URL for zh-cn, zh-tw, zh-hk, zh-sg and
 *                              zh-mo (the locales src/functions/adapter.ts answers in Chinese).
 *
 * Two things are added to what custom-functions-metadata generates:
 *   - "allowErrorForDataTypeAny": true. Without it Excel never calls a function with an error
 *     value: it decides the cell's value itself, so an error from another cell would not propagate
 *     with its message as the catalogue promises. Microsoft's metadata reference
 *     (custom-functions-json.md, "allowErrorForDataTypeAny") makes it a top-level property with
 *     no sub-properties that applies to every parameter of type `any` or `any[][]`; the generator
 *     does not emit it (the docs: it works only with hand-made metadata), hence this script.
 *     `errorInputProblems` names every parameter an error could not reach; the build stops on one.
 *   - a sentence on what a blank required argument counts as (`blankNote`): Excel cannot tell an
 *     empty argument from a blank cell, so the help says which reading the function takes.
 *   - a `helpUrl` per function (issue 16): its section of the reference page shipped with the
 *     add-in (scripts/build-help.js), in the language of the file, under the base URL the add-in
 *     is served from (`--base-url`, default the dev server https://localhost:3000/). The pages are
 *     written beside the metadata (help/), so webpack copies them with it.
 *
 * Why a script and not the webpack plugin or the CLI: the `custom-functions-metadata` CLI exits 0
 * even when the JSDoc has errors (TOOLING-FACTS.md), and Excel does not generate localized
 * metadata, so both files come from here, and the build stops on the first inconsistency.
 *
 * Run after `npm run build:cli` (it reads the compiled engine in lib/); `npm run build` does both.
 * The generation is exported so tests can call it with the TypeScript catalogue and no files.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { excelId } = require('./gen-functions');
const { DEV_BASE_URL, checkBaseUrl, helpUrl } = require('./addin-urls');
const { renderHelpPages } = require('./build-help');

const ROOT = path.resolve(__dirname, '..');
const FUNCTIONS_TS = path.join(ROOT, 'src', 'functions', 'functions.ts');
const DIST = path.join(ROOT, 'dist');
const FILES = { en: 'functions.json', zh: 'functions-zh-cn.json' };

/**
 * The English metadata from the JSDoc of `sourceFile`. Rejects when custom-functions-metadata
 * reports any error (its own CLI would have exited 0).
 */
async function generateEnglishMetadata(sourceFile = FUNCTIONS_TS) {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  const result = await generateCustomFunctionsMetadata([sourceFile], false);
  if (result.errors.length) {
    throw new Error(`custom-functions-metadata found ${result.errors.length} error(s) in ${path.relative(ROOT, sourceFile)}:\n${result.errors.join('\n')}`);
  }
  if (!result.metadataJson) throw new Error(`no @customfunction found in ${path.relative(ROOT, sourceFile)}`);
  return { metadata: JSON.parse(result.metadataJson), associate: result.associate };
}

/**
 * Disagreements between generated metadata and the catalogue specs (empty when they agree):
 * the same functions in the same order, parameters by name, order and optionality, and the
 * JSDoc descriptions equal to the specs' English text.
 */
function compareWithCatalogue(metadata, catalogue) {
  const problems = [];
  const ids = metadata.functions.map((f) => f.id);
  const names = catalogue.map(excelId);
  if (ids.join(',') !== names.join(',')) problems.push(`functions ${ids.join(',')} ≠ catalogue ${names.join(',')}`);
  const byName = new Map(catalogue.map((f) => [excelId(f), f]));
  for (const f of metadata.functions) {
    const spec = byName.get(f.id);
    if (!spec) continue;
    if (f.description !== spec.description.en) problems.push(`${f.id}: description differs from the spec`);
    const got = f.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
    const want = spec.params.map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
    if (got !== want) problems.push(`${f.id}: parameters (${got}) ≠ spec (${want})`);
    for (const p of f.parameters) {
      const ps = spec.params.find((s) => s.name === p.name);
      if (ps && p.description !== ps.description.en) problems.push(`${f.id}(${p.name}): description differs from the spec`);
    }
  }
  return problems;
}

/**
 * The Simplified Chinese metadata: a copy of the English one with each function's and
 * parameter's description replaced by the spec's `description.zh`.
 *
 * Function names stay the catalogue names: FUNCTIONS.md makes the names binding, and a formula
 * typed from the reference, the workbench or the CLI (=CYBER.PROFITRATE(...)) must work in a
 * Chinese Excel too. Parameter names stay the catalogue's as well, because the Chinese error
 * messages name an argument as `revenue（经营性收益）`; the tooltip then shows the same name.
 */
function localizeMetadata(english, catalogue, lang = 'zh') {
  const byName = new Map(catalogue.map((f) => [excelId(f), f]));
  const text = (t, where) => {
    const v = t && t[lang];
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`${where}: no ${lang} description in the spec`);
    return v;
  };
  return {
    ...english,
    functions: english.functions.map((f) => {
      const spec = byName.get(f.id);
      if (!spec) throw new Error(`${f.id}: not in the engine catalogue`);
      return {
        ...f,
        description: text(spec.description, f.id),
        parameters: f.parameters.map((p) => {
          const ps = spec.params.find((s) => s.name === p.name);
          if (!ps) throw new Error(`${f.id}(${p.name}): not a parameter of the spec`);
          return { ...p, description: text(ps.description, `${f.id}(${p.name})`) };
        }),
      };
    }),
  };
}

/**
 * The parameters of `metadata` that an error value from another cell could not reach, as
 * "ID(name)" (empty when every one can). Microsoft's reference: "All parameters with the type
 * `any` or `any[][]` can accept errors as input values when `allowErrorForDataTypeAny` is set to
 * `true`" (a top-level property). So a parameter is reached when it is `any` (scalar or matrix)
 * and the document sets the flag; a typed parameter (number, string, boolean) never is.
 */
function errorInputProblems(metadata) {
  const problems = [];
  const allowed = metadata.allowErrorForDataTypeAny === true;
  for (const f of metadata.functions) {
    for (const p of f.parameters) {
      if (p.type !== 'any') problems.push(`${f.id}(${p.name}): type ${p.type}, not any`);
      else if (!allowed) problems.push(`${f.id}(${p.name}): allowErrorForDataTypeAny is not true`);
    }
  }
  return problems;
}

/** `metadata` with "allowErrorForDataTypeAny": true, placed beside allowCustomDataForDataTypeAny. */
function allowErrorInputs(metadata) {
  const { allowCustomDataForDataTypeAny, ...rest } = metadata;
  return allowCustomDataForDataTypeAny === undefined
    ? { allowErrorForDataTypeAny: true, ...rest }
    : { allowCustomDataForDataTypeAny, allowErrorForDataTypeAny: true, ...rest };
}

const NUMBER_KINDS = new Set(['number', 'amount', 'ratio', 'date', 'hours', 'days']);

/**
 * What a blank given for parameter `spec` counts as, when that gives a value rather than an error:
 * "0" for a required number whose own bounds admit 0 (src/engine/coerce.ts: a blank required
 * number is 0, then validated), "FALSE" for a required boolean, undefined otherwise (an optional
 * takes its default; a blank date, a revenue > 0, a kind or an id is #VALUE! naming the argument;
 * a blank series or table is read cell by cell). test/metadata.test.ts checks this against the
 * engine's coercion for every parameter of the catalogue.
 */
function blankReading(spec) {
  if (spec.optional) return undefined;
  if (spec.kind === 'boolean') return 'FALSE';
  if (!NUMBER_KINDS.has(spec.kind) || spec.kind === 'date') return undefined;
  if (spec.min !== undefined && spec.min > 0) return undefined;
  if (spec.greaterThan !== undefined && spec.greaterThan >= 0) return undefined;
  if (spec.max !== undefined && spec.max < 0) return undefined;
  return '0';
}

/**
 * The sentence the help adds to a parameter's description about a blank argument, or undefined.
 * In Excel a blank cell and an empty argument (=CYBER.LOSTPROFIT(100,)) both arrive as null (older
 * desktop builds pass a blank cell as 0), so the sentence covers both: the function cannot tell
 * them apart there and reads both the same way.
 */
function blankNote(spec, lang) {
  const reading = blankReading(spec);
  if (reading === undefined) return undefined;
  return lang === 'zh' ? `空白单元格或空参数按 ${reading} 计。` : `A blank cell or an empty argument counts as ${reading}.`;
}

/** `text` followed by the blank note of `spec`, if it has one. */
function withBlankNote(text, spec, lang) {
  const note = blankNote(spec, lang);
  if (note === undefined) return text;
  return lang === 'zh' ? `${text}${note}` : `${text} ${note}`;
}

/** Adds the blank notes of the catalogue's specs to the parameter descriptions of `metadata`. */
function addBlankNotes(metadata, catalogue, lang) {
  const byName = new Map(catalogue.map((f) => [excelId(f), f]));
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const spec = byName.get(f.id);
      if (!spec) throw new Error(`${f.id}: not in the engine catalogue`);
      return {
        ...f,
        parameters: f.parameters.map((p) => {
          const ps = spec.params.find((s) => s.name === p.name);
          if (!ps) throw new Error(`${f.id}(${p.name}): not a parameter of the spec`);
          return { ...p, description: withBlankNote(p.description, ps, lang) };
        }),
      };
    }),
  };
}

/**
 * `metadata` with each function's helpUrl: its section of the `lang` reference page under
 * `baseUrl`, placed after the description (where Microsoft's metadata reference lists it).
 */
function addHelpUrls(metadata, baseUrl, lang) {
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const { id, name, description, ...rest } = f;
      return { description, helpUrl: helpUrl(baseUrl, lang, id), id, name, ...rest };
    }),
  };
}

/**
 * Both metadata documents, checked against the catalogue; rejects on any disagreement and on any
 * parameter an error value could not reach. `help` holds the reference pages the helpUrls point
 * at, by path under the base URL.
 */
async function buildMetadata({ catalogue, sourceFile = FUNCTIONS_TS, baseUrl = DEV_BASE_URL }) {
  const base = checkBaseUrl(baseUrl);
  const { metadata: generated, associate } = await generateEnglishMetadata(sourceFile);
  const problems = compareWithCatalogue(generated, catalogue);
  if (problems.length) {
    throw new Error(
      `src/functions/functions.ts and the engine catalogue disagree (run \`npm run build:cli && node scripts/gen-functions.js\`):\n  ${problems.join('\n  ')}`,
    );
  }
  const withErrors = allowErrorInputs(generated);
  const en = addHelpUrls(addBlankNotes(withErrors, catalogue, 'en'), base, 'en');
  const zh = addHelpUrls(addBlankNotes(localizeMetadata(withErrors, catalogue, 'zh'), catalogue, 'zh'), base, 'zh');
  const unreachable = [...errorInputProblems(en), ...errorInputProblems(zh)];
  if (unreachable.length) {
    throw new Error(`error values could not reach these parameters in Excel:\n  ${unreachable.join('\n  ')}`);
  }
  return { en, zh, associate, help: renderHelpPages(catalogue) };
}

/** Writes the two files (and the help pages, when given) into `outDir`; returns their paths. */
function writeMetadata(outDir, { en, zh, help }) {
  fs.mkdirSync(outDir, { recursive: true });
  const enPath = path.join(outDir, FILES.en);
  const zhPath = path.join(outDir, FILES.zh);
  fs.writeFileSync(enPath, `${JSON.stringify(en, null, 2)}\n`);
  fs.writeFileSync(zhPath, `${JSON.stringify(zh, null, 2)}\n`);
  const written = [enPath, zhPath];
  for (const [rel, text] of Object.entries(help ?? {})) {
    const file = path.join(outDir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  }
  return written;
}

/**
 * Options: --out DIR (default dist/), --source FILE (default src/functions/functions.ts),
 * --base-url URL (https; default https://localhost:3000/, the dev server).
 */
async function main(argv) {
  const option = (flag, fallback) => (argv.indexOf(flag) >= 0 ? path.resolve(argv[argv.indexOf(flag) + 1]) : fallback);
  const outDir = option('--out', DIST);
  const sourceFile = option('--source', FUNCTIONS_TS);
  const baseUrl = argv.indexOf('--base-url') >= 0 ? argv[argv.indexOf('--base-url') + 1] : DEV_BASE_URL;
  let catalogue;
  try {
    ({ CATALOGUE: catalogue } = require(path.join(ROOT, 'lib', 'engine')));
  } catch (e) {
    console.error(`build-metadata: cannot load lib/engine (${e.message}); run \`npm run build:cli\` first.`);
    return 1;
  }
  try {
    const built = await buildMetadata({ catalogue, sourceFile, baseUrl });
    const written = writeMetadata(outDir, built);
    console.log(`build-metadata: ${built.en.functions.length} functions → ${written.map((p) => path.relative(ROOT, p)).join(', ')}`);
    return 0;
  } catch (e) {
    console.error(`build-metadata: ${e.message}`);
    return 1;
  }
}

module.exports = {
  FILES,
  FUNCTIONS_TS,
  generateEnglishMetadata,
  compareWithCatalogue,
  localizeMetadata,
  errorInputProblems,
  allowErrorInputs,
  addHelpUrls,
  blankReading,
  blankNote,
  buildMetadata,
  writeMetadata,
};

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
