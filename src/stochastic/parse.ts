/**
 * The one parser of distribution texts (catalogue section 10), shared by the closed-form
 * functions and section 11's CYBER.SIMULATE: `family(p1, p2[, p3[, p4]])`, case-insensitive,
 * spaces ignored anywhere, numbers in plain or E notation. A text that does not parse names the
 * 1-based character where it stops (in the text as written); an unknown family lists the known
 * ones; a parameter out of range names the parameter.
 */
import {
  FREQUENCY_FAMILIES,
  type Frequency,
  type FrequencyFamily,
  type ParamRule,
  SEVERITY_FAMILIES,
  type Severity,
  type SeverityFamily,
} from './families';
import { type Bilingual, problem } from './problems';

export interface ParsedText {
  /** The family name, lower case. */
  readonly family: string;
  readonly values: readonly number[];
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*/;

const EXPECT = {
  family: { en: 'a family name', zh: '分布族名称' },
  open: { en: '"("', zh: '“(”' },
  number: { en: 'a number', zh: '数字' },
  next: { en: '"," or ")"', zh: '“,”或“)”' },
  end: { en: 'the end of the text', zh: '文本结束' },
} as const satisfies Record<string, Bilingual>;

/** Reads `family(p1, …)` into its name and numbers; a syntax problem names the position. */
export function parseText(text: string): ParsedText {
  // Spaces are ignored anywhere (catalogue: "spaces ignored"), but positions count them, so a
  // message points at the character the user wrote.
  const chars: string[] = [];
  const where: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i])) {
      chars.push(text[i]);
      where.push(i + 1);
    }
  }
  const s = chars.join('');
  let at = 0;
  const fault = (expected: Bilingual): never =>
    problem({ kind: 'syntax', position: at < where.length ? where[at] : text.length + 1, expected, found: at < s.length ? s[at] : '' });

  const name = NAME.exec(s);
  if (!name) fault(EXPECT.family);
  at = name![0].length;
  if (s[at] !== '(') fault(EXPECT.open);
  at++;
  const values: number[] = [];
  for (;;) {
    const num = NUMBER.exec(s.slice(at));
    if (!num) fault(EXPECT.number);
    values.push(Number(num![0]));
    at += num![0].length;
    if (s[at] === ',') {
      at++;
      continue;
    }
    if (s[at] === ')') {
      at++;
      break;
    }
    fault(EXPECT.next);
  }
  if (at < s.length) fault(EXPECT.end);
  return { family: name![0].toLowerCase(), values };
}

function ruleText(r: ParamRule): Bilingual {
  const parts: Bilingual[] = [];
  if (r.greaterThan !== undefined) parts.push({ en: `greater than ${r.greaterThan}`, zh: `大于 ${r.greaterThan}` });
  if (r.min !== undefined) parts.push({ en: `at least ${r.min}`, zh: `不小于 ${r.min}` });
  if (r.max !== undefined) parts.push({ en: `at most ${r.max}`, zh: `不大于 ${r.max}` });
  if (parts.length === 0) return { en: 'a finite number', zh: '有限的数字' };
  return { en: parts.map((p) => p.en).join(' and '), zh: parts.map((p) => p.zh).join('且') };
}

/** The parameters of a family, checked in order: count, each one's range, then the rules between them. */
export function checkParams(f: SeverityFamily | FrequencyFamily, given: readonly number[]): number[] {
  const required = f.params.filter((p) => p.default === undefined).length;
  if (given.length < required || given.length > f.params.length) {
    problem({ kind: 'arity', family: f.id, expected: required === f.params.length ? String(required) : `${required}–${f.params.length}`, count: given.length });
  }
  const values = f.params.map((p, i) => (i < given.length ? given[i] : p.default!));
  f.params.forEach((p, i) => {
    const v = values[i];
    const r = p.rule;
    const ok = Number.isFinite(v) && (r.greaterThan === undefined || v > r.greaterThan) && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);
    if (!ok) problem({ kind: 'range', family: f.id, param: p.name, value: v, rule: ruleText(r) });
  });
  const broken = f.check?.(values);
  if (broken) problem({ kind: 'range', family: f.id, param: broken.param, value: values[f.params.findIndex((p) => p.name === broken.param)], rule: broken.rule });
  return values;
}

export function findSeverityFamily(id: string): SeverityFamily | undefined {
  const k = id.toLowerCase();
  return SEVERITY_FAMILIES.find((f) => f.id === k);
}

export function findFrequencyFamily(id: string): FrequencyFamily | undefined {
  const k = id.toLowerCase();
  return FREQUENCY_FAMILIES.find((f) => f.id === k);
}

/** A severity text → its distribution, or a DistributionProblem. */
export function parseSeverity(text: string): Severity {
  const t = parseText(text);
  const f = findSeverityFamily(t.family);
  if (!f) problem({ kind: 'family', family: t.family, role: 'severity', known: SEVERITY_FAMILIES.map((x) => x.id) });
  return f.make(checkParams(f, t.values));
}

/** A frequency text → its distribution, or a DistributionProblem. */
export function parseFrequency(text: string): Frequency {
  const t = parseText(text);
  const f = findFrequencyFamily(t.family);
  if (!f) problem({ kind: 'family', family: t.family, role: 'frequency', known: FREQUENCY_FAMILIES.map((x) => x.id) });
  return f.make(checkParams(f, t.values));
}
