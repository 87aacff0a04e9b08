/**
 * The Excel metadata against the binding catalogue (FUNCTIONS.md) and the engine specs: the
 * English file generated from functions.ts' JSDoc, and the Chinese file from the specs' zh text.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CATALOGUE } from '../src/engine';
import {
  type Association,
  buildMetadata,
  compareWithCatalogue,
  FILES,
  FUNCTIONS_TS,
  generateEnglishMetadata,
  type Metadata,
  writeMetadata,
} from '../scripts/build-metadata';
import { renderFunctionsModule } from '../scripts/gen-functions';

const ROOT = path.resolve(__dirname, '..');
const HAS_CJK = /[\u4e00-\u9fff]/;

let en: Metadata;
let zh: Metadata;
let associate: Association[];

beforeAll(async () => {
  ({ en, zh, associate } = await buildMetadata({ catalogue: CATALOGUE }));
});

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
  test('lists exactly the catalogue functions, in catalogue order, with id = name = catalogue name', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(14);
    expect(en.functions.map((f) => f.id)).toEqual(CATALOGUE.map((f) => f.name));
    expect(en.functions.map((f) => f.name)).toEqual(CATALOGUE.map((f) => f.name));
    for (const f of en.functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });

  test('parameters match the specs by name, order and optionality', () => {
    for (const spec of CATALOGUE) {
      const f = en.functions.find((x) => x.id === spec.name)!;
      expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => Boolean(p.optional)));
    }
  });

  test('tables and series are matrices; every parameter is `any` so our validation sees raw values', () => {
    for (const spec of CATALOGUE) {
      const f = en.functions.find((x) => x.id === spec.name)!;
      spec.params.forEach((p, i) => {
        expect(f.parameters[i].type).toBe('any');
        expect(f.parameters[i].dimensionality).toBe(p.kind === 'table' || p.kind === 'series' ? 'matrix' : undefined);
      });
      const arrayResult = spec.resultKind === 'row' || spec.resultKind === 'column';
      expect(f.result?.dimensionality).toBe(arrayResult ? 'matrix' : undefined);
    }
  });

  test('every function and parameter description equals the spec text (description.en)', () => {
    for (const spec of CATALOGUE) {
      const f = en.functions.find((x) => x.id === spec.name)!;
      expect(f.description).toBe(spec.description.en);
      expect(f.description!.trim()).not.toBe('');
      spec.params.forEach((p, i) => {
        expect(f.parameters[i].description).toBe(p.description.en);
        expect(f.parameters[i].description!.trim()).not.toBe('');
      });
    }
  });

  test('every JavaScript function is associated under its own name as id (register.ts relies on it)', () => {
    expect(associate.map((a) => a.id)).toEqual(CATALOGUE.map((f) => f.name));
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

  test('every function and parameter description is the spec description.zh, non-empty and Chinese', () => {
    for (const spec of CATALOGUE) {
      const f = zh.functions.find((x) => x.id === spec.name)!;
      expect(f.description).toBe(spec.description.zh);
      expect(f.description).toMatch(HAS_CJK);
      spec.params.forEach((p, i) => {
        expect(f.parameters[i].description).toBe(p.description.zh);
        expect(f.parameters[i].description).toMatch(HAS_CJK);
      });
    }
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

  test('a disagreement with the catalogue is reported, naming the function', () => {
    const drifted: Metadata = JSON.parse(JSON.stringify(en));
    drifted.functions[1].description = 'something else';
    drifted.functions[2].parameters.reverse();
    drifted.functions.pop();
    const problems = compareWithCatalogue(drifted, CATALOGUE);
    expect(problems.some((p) => p.startsWith(`${CATALOGUE[1].name}: description`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${CATALOGUE[2].name}: parameters`))).toBe(true);
    expect(problems.some((p) => p.startsWith('functions '))).toBe(true);
    expect(compareWithCatalogue(en, CATALOGUE)).toEqual([]);
  });
});
