/**
 * The Excel metadata against the binding catalogue (FUNCTIONS.md) and the engine specs: the
 * English file generated from functions.ts' JSDoc, and the Chinese file from the specs' zh text.
 *
 * The metadata is generated from the module scripts/gen-functions.js makes of the current
 * catalogue (written to a temporary file); the first test pins src/functions/functions.ts to that
 * same module, so the two agree whenever the suite is green, and a stale functions.ts shows as
 * that one failure.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CATALOGUE } from '../src/engine';
import { coerceArgument } from '../src/engine/coerce';
import type { ParamSpec } from '../src/engine/specs';
import {
  allowErrorInputs,
  type Association,
  blankNote,
  blankReading,
  buildMetadata,
  compareWithCatalogue,
  errorInputProblems,
  FILES,
  FUNCTIONS_TS,
  generateEnglishMetadata,
  type Metadata,
  writeMetadata,
} from '../scripts/build-metadata';
import { excelId, renderFunctionsModule } from '../scripts/gen-functions';

const ROOT = path.resolve(__dirname, '..');
const HAS_CJK = /[\u4e00-\u9fff]/;

let en: Metadata;
let zh: Metadata;
let associate: Association[];
let sourceDir: string;
let source: string;

beforeAll(async () => {
  sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-functions-'));
  source = path.join(sourceDir, 'functions.ts');
  fs.writeFileSync(source, renderFunctionsModule(CATALOGUE));
  ({ en, zh, associate } = await buildMetadata({ catalogue: CATALOGUE, sourceFile: source }));
});

afterAll(() => fs.rmSync(sourceDir, { recursive: true, force: true }));

/** The description the help shows for parameter `p`: the spec's text and its blank note, if any. */
function helpText(p: ParamSpec, lang: 'en' | 'zh'): string {
  const note = blankNote(p, lang);
  if (note === undefined) return p.description[lang];
  return lang === 'zh' ? `${p.description.zh}${note}` : `${p.description.en} ${note}`;
}

describe('functions.ts', () => {
  test('is exactly what scripts/gen-functions.js makes of the current catalogue', () => {
    expect(fs.readFileSync(FUNCTIONS_TS, 'utf8')).toBe(renderFunctionsModule(CATALOGUE));
  });

  test('the generator refuses a description JSDoc could not carry verbatim', () => {
    const spec = CATALOGUE[0];
    const broken = { ...spec, description: { ...spec.description, en: 'ends the comment */ here' } };
    expect(() => renderFunctionsModule([broken])).toThrow(/cannot be written in JSDoc/);
  });
});

describe('functions.json (English, from the JSDoc)', () => {
  test('lists exactly the catalogue functions, in catalogue order, with id = name = catalogue name (or its Excel name)', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(14);
    expect(en.functions.map((f) => f.id)).toEqual(CATALOGUE.map(excelId));
    expect(en.functions.map((f) => f.name)).toEqual(CATALOGUE.map(excelId));
    // Microsoft, "Custom functions naming and localization": id and name "must start with a letter
    // and be at least three characters"; ids allow only A–Z, 0–9, "_" and ".".
    for (const f of en.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    }
    // The one catalogue name Excel cannot take: CYBER.FX is registered as CYBER.FXRATE.
    expect(CATALOGUE.filter((f) => f.excelName).map((f) => [f.name, f.excelName])).toEqual([['FX', 'FXRATE']]);
  });

  test('parameters match the specs by name, order and optionality', () => {
    for (const spec of CATALOGUE) {
      const f = en.functions.find((x) => x.id === excelId(spec))!;
      expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => Boolean(p.optional)));
    }
  });

  test('tables and series are matrices; every parameter is `any` so our validation sees raw values', () => {
    for (const spec of CATALOGUE) {
      const f = en.functions.find((x) => x.id === excelId(spec))!;
      spec.params.forEach((p, i) => {
        expect(f.parameters[i].type).toBe('any');
        expect(f.parameters[i].dimensionality).toBe(p.kind === 'table' || p.kind === 'series' ? 'matrix' : undefined);
      });
      const arrayResult = spec.resultKind === 'row' || spec.resultKind === 'column' || spec.resultKind === 'table';
      expect(f.result?.dimensionality).toBe(arrayResult ? 'matrix' : undefined);
    }
  });

  test('every function and parameter description is the spec text (description.en), with the blank note', () => {
    for (const spec of CATALOGUE) {
      const f = en.functions.find((x) => x.id === excelId(spec))!;
      expect(f.description).toBe(spec.description.en);
      expect(f.description!.trim()).not.toBe('');
      spec.params.forEach((p, i) => {
        expect(f.parameters[i].description).toBe(helpText(p, 'en'));
        expect(f.parameters[i].description!.startsWith(p.description.en)).toBe(true);
        expect(f.parameters[i].description!.trim()).not.toBe('');
      });
    }
  });

  test('every JavaScript function is associated under its own name as id (register.ts relies on it)', () => {
    expect(associate.map((a) => a.id)).toEqual(CATALOGUE.map(excelId));
    for (const a of associate) expect(a.functionName).toBe(a.id);
  });
});

describe('functions-zh-cn.json (Simplified Chinese, from the specs)', () => {
  test('has the same ids, names, parameters and types as the English file', () => {
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(zh.functions.map((f) => f.name)).toEqual(en.functions.map((f) => f.name));
    zh.functions.forEach((f, i) => {
      const e = en.functions[i];
      expect(f.parameters.map(({ description: _d, ...rest }) => rest)).toEqual(e.parameters.map(({ description: _d, ...rest }) => rest));
      expect(f.result).toEqual(e.result);
    });
    expect(zh.allowCustomDataForDataTypeAny).toBe(en.allowCustomDataForDataTypeAny);
  });

  test('every function and parameter description is the spec description.zh (with the blank note), non-empty and Chinese', () => {
    for (const spec of CATALOGUE) {
      const f = zh.functions.find((x) => x.id === excelId(spec))!;
      expect(f.description).toBe(spec.description.zh);
      expect(f.description).toMatch(HAS_CJK);
      spec.params.forEach((p, i) => {
        expect(f.parameters[i].description).toBe(helpText(p, 'zh'));
        expect(f.parameters[i].description).toMatch(HAS_CJK);
      });
    }
  });
});

describe('error values reach every parameter in Excel (allowErrorForDataTypeAny)', () => {
  // Microsoft's metadata reference (custom-functions-json.md): "All parameters with the type `any`
  // or `any[][]` can accept errors as input values when `allowErrorForDataTypeAny` is set to
  // `true`", a top-level property "and contains no sub-properties". Without it Excel does not call
  // the function with an error argument, and the catalogue's propagation never happens.
  let tmp: string;
  let files: Record<'en' | 'zh', Metadata>;

  beforeAll(() => {
    // The command the build runs (npm run build:metadata), on the current catalogue; the files it
    // writes are read back from disk, as Excel will read them.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-metadata-'));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-metadata.js'), '--source', source, '--out', tmp], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`build-metadata failed (is lib/ built from the current src?):\n${run.stderr}`);
    files = {
      en: JSON.parse(fs.readFileSync(path.join(tmp, FILES.en), 'utf8')) as Metadata,
      zh: JSON.parse(fs.readFileSync(path.join(tmp, FILES.zh), 'utf8')) as Metadata,
    };
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each(['en', 'zh'] as const)('the generated %s file sets it, and every parameter is any (scalar or matrix)', (lang) => {
    const m = files[lang];
    expect(m.allowErrorForDataTypeAny).toBe(true);
    expect(m.functions.length).toBe(CATALOGUE.length);
    const params = m.functions.flatMap((f) => f.parameters.map((p) => ({ id: `${f.id}(${p.name})`, type: p.type, dimensionality: p.dimensionality })));
    expect(params.length).toBe(CATALOGUE.reduce((n, f) => n + f.params.length, 0));
    // Scalars and matrices (tables, series) alike: both are covered by the flag.
    expect(params.some((p) => p.dimensionality === 'matrix')).toBe(true);
    expect(params.filter((p) => p.type !== 'any')).toEqual([]);
    expect(errorInputProblems(m)).toEqual([]);
  });

  test('the files on disk are the ones buildMetadata returns', () => {
    expect(files.en).toEqual(en);
    expect(files.zh).toEqual(zh);
  });

  test('the check names every parameter an error could not reach', () => {
    const withoutFlag: Metadata = { ...en };
    delete withoutFlag.allowErrorForDataTypeAny;
    const count = en.functions.reduce((n, f) => n + f.parameters.length, 0);
    expect(errorInputProblems(withoutFlag)).toHaveLength(count);
    expect(errorInputProblems({ ...en, allowErrorForDataTypeAny: false })[0]).toBe(`${en.functions[0].id}(${en.functions[0].parameters[0].name}): allowErrorForDataTypeAny is not true`);
    const typed: Metadata = JSON.parse(JSON.stringify(en));
    typed.functions[2].parameters[1].type = 'number';
    expect(errorInputProblems(typed)).toEqual([`${typed.functions[2].id}(${typed.functions[2].parameters[1].name}): type number, not any`]);
    // What custom-functions-metadata emits on its own lacks the flag: the script adds it.
    expect(errorInputProblems(allowErrorInputs(withoutFlag))).toEqual([]);
    expect(Object.keys(allowErrorInputs(withoutFlag))).toEqual(['allowCustomDataForDataTypeAny', 'allowErrorForDataTypeAny', 'functions']);
  });
});

describe('the help says what a blank required argument counts as (Excel cannot tell it from an empty argument)', () => {
  /** What the engine makes of a blank for `p`: "0", "FALSE", or undefined (an error, a default, a range). */
  function engineReading(p: ParamSpec): '0' | 'FALSE' | undefined {
    if (p.optional || p.kind === 'series' || p.kind === 'table') return undefined;
    let v: unknown;
    try {
      v = coerceArgument(null, p);
    } catch {
      return undefined; // the engine's message says the argument is blank
    }
    if (v === false) return 'FALSE';
    if (typeof v === 'object' && v !== null && 'isZero' in v && (v as { isZero(): boolean }).isZero()) return '0';
    throw new Error(`${p.name}: unexpected blank reading ${String(v)}`);
  }

  test('the note agrees with the engine for every parameter of the catalogue', () => {
    const readings = CATALOGUE.flatMap((f) => f.params.map((p) => ({ id: `${f.name}(${p.name})`, note: blankReading(p) ?? null, engine: engineReading(p) ?? null })));
    expect(readings.filter((r) => r.note !== r.engine)).toEqual([]);
    // A required amount left blank is 0 (so a blank limit pays nothing): said where it matters.
    expect(readings.find((r) => r.id === 'BIPAYOUT(limit)')).toEqual({ id: 'BIPAYOUT(limit)', note: '0', engine: '0' });
    // A blank revenue (> 0) or date is #VALUE! naming it: no note, the message says it is blank.
    expect(readings.find((r) => r.id === 'OPERATINGPROFIT(revenue)')?.note).toBeNull();
    expect(readings.find((r) => r.id === 'CRISISWINDOW(discovery_date)')?.note).toBeNull();
  });

  test('the note is in both files, in each language', () => {
    const bi = (m: Metadata) => m.functions.find((f) => f.id === 'BIPAYOUT')!.parameters.find((p) => p.name === 'limit')!.description;
    expect(bi(en)).toMatch(/ A blank cell or an empty argument counts as 0\.$/);
    expect(bi(zh)).toMatch(/空白单元格或空参数按 0 计。$/);
    const optional = (m: Metadata) => m.functions.find((f) => f.id === 'LOSTPROFIT')!.parameters.find((p) => p.name === 'saved_costs')!.description;
    expect(optional(en)).not.toMatch(/blank cell/);
  });
});

describe('scripts/build-metadata.js', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-metadata-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('writeMetadata writes both files under the names the manifest uses', () => {
    const written = writeMetadata(tmp, { en, zh });
    expect(written.map((p) => path.basename(p))).toEqual([FILES.en, FILES.zh]);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'functions.json'), 'utf8'))).toEqual(en);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'functions-zh-cn.json'), 'utf8'))).toEqual(zh);
  });

  test('a JSDoc error is fatal (the metadata CLI would exit 0)', async () => {
    const bad = path.join(tmp, 'bad.ts');
    fs.writeFileSync(bad, '/**\n * Bad.\n * @customfunction BAD\n * @param when A date.\n */\nexport function BAD(when: Date): number {\n  return 0;\n}\n');
    await expect(generateEnglishMetadata(bad)).rejects.toThrow(/custom-functions-metadata found \d+ error/);
  });

  test('the command exits 1 on a JSDoc error and writes nothing', () => {
    const bad = path.join(tmp, 'bad.ts');
    fs.writeFileSync(bad, '/**\n * Bad.\n * @customfunction BAD\n * @param when A date.\n */\nexport function BAD(when: Date): number {\n  return 0;\n}\n');
    const out = path.join(tmp, 'out');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-metadata.js'), '--source', bad, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/custom-functions-metadata found \d+ error/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a disagreement with the catalogue is reported, naming the function', async () => {
    // The check runs on what custom-functions-metadata generates, before the blank notes are added.
    const { metadata: generated } = await generateEnglishMetadata(source);
    expect(compareWithCatalogue(generated, CATALOGUE)).toEqual([]);
    const drifted: Metadata = JSON.parse(JSON.stringify(generated));
    drifted.functions[1].description = 'something else';
    drifted.functions[2].parameters.reverse();
    drifted.functions.pop();
    const problems = compareWithCatalogue(drifted, CATALOGUE);
    expect(problems.some((p) => p.startsWith(`${CATALOGUE[1].name}: description`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${CATALOGUE[2].name}: parameters`))).toBe(true);
    expect(problems.some((p) => p.startsWith('functions '))).toBe(true);
  });
});
