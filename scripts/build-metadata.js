#!/usr/bin/env node
/**
 * Writes the custom-functions metadata Excel reads:
 *   dist/functions.json        English, generated from the JSDoc of src/functions/functions.ts
 *   dist/functions-zh-cn.json  Simplified Chinese: same ids and parameters, descriptions from the
 *                              engine specs (description.zh), served through the manifest's
 *                              <bt:Override Locale="zh-cn"> on the metadata URL.
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
  const names = catalogue.map((f) => f.name);
  if (ids.join(',') !== names.join(',')) problems.push(`functions ${ids.join(',')} ≠ catalogue ${names.join(',')}`);
  const byName = new Map(catalogue.map((f) => [f.name, f]));
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
  const byName = new Map(catalogue.map((f) => [f.name, f]));
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

/** Both metadata documents, checked against the catalogue; rejects on any disagreement. */
async function buildMetadata({ catalogue, sourceFile = FUNCTIONS_TS }) {
  const { metadata: en, associate } = await generateEnglishMetadata(sourceFile);
  const problems = compareWithCatalogue(en, catalogue);
  if (problems.length) {
    throw new Error(
      `src/functions/functions.ts and the engine catalogue disagree (run \`npm run build:cli && node scripts/gen-functions.js\`):\n  ${problems.join('\n  ')}`,
    );
  }
  return { en, zh: localizeMetadata(en, catalogue, 'zh'), associate };
}

/** Writes the two files into `outDir`; returns their paths. */
function writeMetadata(outDir, { en, zh }) {
  fs.mkdirSync(outDir, { recursive: true });
  const enPath = path.join(outDir, FILES.en);
  const zhPath = path.join(outDir, FILES.zh);
  fs.writeFileSync(enPath, `${JSON.stringify(en, null, 2)}\n`);
  fs.writeFileSync(zhPath, `${JSON.stringify(zh, null, 2)}\n`);
  return [enPath, zhPath];
}

/** Options: --out DIR (default dist/), --source FILE (default src/functions/functions.ts). */
async function main(argv) {
  const option = (flag, fallback) => (argv.indexOf(flag) >= 0 ? path.resolve(argv[argv.indexOf(flag) + 1]) : fallback);
  const outDir = option('--out', DIST);
  const sourceFile = option('--source', FUNCTIONS_TS);
  let catalogue;
  try {
    ({ CATALOGUE: catalogue } = require(path.join(ROOT, 'lib', 'engine')));
  } catch (e) {
    console.error(`build-metadata: cannot load lib/engine (${e.message}); run \`npm run build:cli\` first.`);
    return 1;
  }
  try {
    const built = await buildMetadata({ catalogue, sourceFile });
    const written = writeMetadata(outDir, built);
    console.log(`build-metadata: ${built.en.functions.length} functions → ${written.map((p) => path.relative(ROOT, p)).join(', ')}`);
    return 0;
  } catch (e) {
    console.error(`build-metadata: ${e.message}`);
    return 1;
  }
}

module.exports = { FILES, FUNCTIONS_TS, generateEnglishMetadata, compareWithCatalogue, localizeMetadata, buildMetadata, writeMetadata };

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
