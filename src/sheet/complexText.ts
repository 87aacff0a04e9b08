/**
 * The complex numbers the IM… functions return, written as Excel writes them: each part with 15
 * significant digits (Excel's precision: `IMCOS("1+i")`'s parts are not JavaScript's 17 digits),
 * in scientific notation below 1E-05 as Excel's text of a number (`2.24044486393732E-06`), a unit
 * imaginary part as `i` or `-i` alone, and the suffix of the arguments: complex numbers written
 * with "j" (COMPLEX's suffix may be "i" or "j") give a result written with "j", as Excel does;
 * HyperFormula always writes "i".
 *
 * Installed as a wrapper of HyperFormula's interpreter (see guardEvaluation in excelFunctions.ts).
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { SimpleRangeValue } from 'hyperformula';
import { interpreterPrototype } from './interpreterHook';

/** The IM… functions whose result is a complex number as text. */
const COMPLEX_RESULT = new Set([
  'IMCONJUGATE', 'IMCOS', 'IMCOSH', 'IMCOT', 'IMCSC', 'IMCSCH', 'IMDIV', 'IMEXP', 'IMLN', 'IMLOG10', 'IMLOG2',
  'IMPOWER', 'IMPRODUCT', 'IMSEC', 'IMSECH', 'IMSIN', 'IMSINH', 'IMSQRT', 'IMSUB', 'IMSUM', 'IMTAN',
]);

/** A number as Excel writes it in text: 15 significant digits, E±XX below 1E-05 and from 1E+15 up. */
export function excelNumberText(x: number): string {
  if (x === 0) return '0';
  const p = Number(x.toPrecision(15));
  const abs = Math.abs(p);
  if (abs >= 1e-5 && abs < 1e15) return String(p);
  const [mantissa, exponent] = p.toExponential().split('e');
  const e = Number(exponent);
  return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** "a+bi" / "bi" / "a" as HyperFormula writes it → [a, b]; undefined when the text is no complex number. */
export function parseComplex(text: string): [number, number] | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/[ij]$/.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? [n, 0] : undefined;
  }
  const body = t.slice(0, -1);
  // The sign that starts the imaginary part: the last + or - not at the start and not after an e.
  let at = -1;
  for (let i = body.length - 1; i > 0; i--) {
    if ((body[i] === '+' || body[i] === '-') && body[i - 1] !== 'e' && body[i - 1] !== 'E') {
      at = i;
      break;
    }
  }
  const re = at < 0 ? '0' : body.slice(0, at);
  const im = at < 0 ? body : body.slice(at);
  const coefficient = im === '' || im === '+' ? 1 : im === '-' ? -1 : Number(im);
  const real = Number(re);
  return Number.isFinite(real) && Number.isFinite(coefficient) ? [real, coefficient] : undefined;
}

/** [a, b] with a suffix → Excel's text of the complex number. */
export function complexText(re: number, im: number, suffix: 'i' | 'j'): string {
  const r = Number(re.toPrecision(15));
  const m = Number(im.toPrecision(15));
  if (m === 0) return excelNumberText(r);
  const imag = m === 1 ? suffix : m === -1 ? `-${suffix}` : `${excelNumberText(m)}${suffix}`;
  if (r === 0) return imag;
  return `${excelNumberText(r)}${m > 0 ? '+' : ''}${imag}`;
}

function usesJ(v: unknown): boolean {
  if (typeof v === 'string') return /j\s*$/.test(v.trim());
  if (v instanceof SimpleRangeValue) return v.data.some((row) => row.some((x) => typeof x === 'string' && /j\s*$/.test(x.trim())));
  return false;
}

interface Node {
  type: string;
  procedureName?: string;
  args?: Node[];
}

let installed = false;

/** Installs the rewriting of IM… results; once per process. */
export function registerComplexText(): void {
  if (installed) return;
  installed = true;
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberComplexText) return;
  const original = proto.evaluateAst as (this: unknown, ast: Node, state: unknown) => unknown;
  proto.evaluateAst = function complexResults(this: unknown, ast: Node, state: unknown): unknown {
    const result = original.call(this, ast, state);
    if (ast.type !== 'FUNCTION_CALL' || !ast.procedureName || !COMPLEX_RESULT.has(ast.procedureName)) return result;
    const rewrite = (v: unknown, suffix: 'i' | 'j'): unknown => {
      if (typeof v !== 'string') return v;
      const c = parseComplex(v);
      return c ? complexText(c[0], c[1], suffix) : v;
    };
    const j = (ast.args ?? []).some((a) => a.type !== 'EMPTY' && usesJ(original.call(this, a, state)));
    const suffix = j ? 'j' : 'i';
    if (result instanceof SimpleRangeValue) return SimpleRangeValue.onlyValues(result.data.map((row) => row.map((v) => rewrite(v, suffix))) as never);
    return rewrite(result, suffix);
  };
  proto.cyberComplexText = true;
}
