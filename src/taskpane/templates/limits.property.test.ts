/**
 * Property: for random form entries of every template, the sheet it builds — evaluated cell by
 * cell through HyperFormula + the CYBER plugin, as the workbench and the CLI evaluate it — never
 * pays past a limit: the total never exceeds the policy aggregate (or overall limit), no cover of
 * a limits tree is paid beyond its aggregate (its sub-covers' payments included, SAMSUNG
 * 第二十五条 (四), 第二十六条 (三)–(七)) or, within one event, beyond its per-event limit where the
 * nesting makes that limit bind, and every other capped figure stays within its cap.
 *
 * The harness is generic over TEMPLATES: each template has a description of which of its cells
 * hold the total, the cap it must stay within, its limits trees (covers, claims and the ALLOCATE
 * spill beside them) and its other capped figures; scalar entries are drawn by field kind around
 * the defaults, tables by the template's own generators. Entries the form rejects are skipped (the
 * test asserts that most are accepted, so it cannot pass vacuously). Runs are few because a whole
 * sheet is evaluated each time (CYBERBI_TEMPLATE_RUNS overrides; CYBERBI_PROPERTY_SEED fixes the seed).
 */
import fc from 'fast-check';
import type { CellValue } from '../gateway';
import { evaluateSpec } from '../testing/sheetEval';
import { allFields, serialToIso, validateForm } from './form';
import { TEMPLATES } from './index';
import type { BuiltTemplate, FieldDef, RawInputs, TemplateDefinition } from './types';

const envInt = (name: string): number | undefined => {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === '' ? undefined : Number(raw);
};
const SEED = envInt('CYBERBI_PROPERTY_SEED');
const params = (numRuns: number) => ({ numRuns: envInt('CYBERBI_TEMPLATE_RUNS') ?? numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });

// ---- reading an evaluated sheet -----------------------------------------------------------------

type Read = (address: string) => CellValue;

/** A cap a figure must stay within; `cap` undefined = no limit. */
interface Bound {
  readonly what: string;
  readonly paid: number;
  readonly cap: number | undefined;
}

function asNumber(v: CellValue, where: string): number {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  throw new Error(`${where}: expected a number, got ${JSON.stringify(v)}`);
}

function asOptional(v: CellValue, where: string): number | undefined {
  return v === null || v === '' ? undefined : asNumber(v, where);
}

/** The cells of a range ("A10:F22") row by row. */
function cellsOf(range: string, read: Read): CellValue[][] {
  const m = /^([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)$/.exec(range);
  if (!m) throw new Error(`not a range: ${range}`);
  const col = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
  const rows: CellValue[][] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) {
    const row: CellValue[] = [];
    for (let c = col(m[1]); c <= col(m[3]); c++) row.push(read(`${letters(c)}${r}`));
    rows.push(row);
  }
  return rows;
}

/** Refs of a limits tree on the sheet: the covers and claims tables (data rows) and the ALLOCATE anchor. */
interface TreeRefs {
  readonly covers: string;
  readonly claims: string;
  /** The cell holding CYBER.ALLOCATE beside the claims' header row; its spill lines up with them. */
  readonly payable: string;
  readonly policyAggregate?: string;
  readonly policyPerClaim?: string;
}

/**
 * Every limit of a settled tree, recomputed from what the sheet shows: per cover, the payments
 * to it and to its descendants against its aggregate; per event, those that reach it through
 * covers nesting "all" against its per-event limit; the policy's aggregate and per-claim limits.
 * Each row is also paid no more than claimed and never a negative amount.
 */
function treeBounds(name: string, refs: TreeRefs, built: BuiltTemplate, read: Read): { bounds: Bound[]; paid: number } {
  const at = (k: string) => {
    const a = built.refs[k];
    if (!a) throw new Error(`${name}: the template exposes no ref "${k}"`);
    return a;
  };
  const covers = cellsOf(at(`${refs.covers}.data`), read).map((c, i) => ({
    id: String(c[0]),
    parent: c[1] === null || c[1] === '' ? undefined : String(c[1]),
    perEvent: asOptional(c[2], `${name} covers row ${i + 1} per event`),
    aggregate: asOptional(c[3], `${name} covers row ${i + 1} aggregate`),
    nesting: typeof c[5] === 'string' && c[5].trim().toLowerCase() === 'aggregate' ? 'aggregate' : 'all',
  }));
  const byId = new Map(covers.map((c) => [c.id, c]));
  const anchor = at(refs.payable);
  const anchorRow = Number(/[0-9]+$/.exec(anchor)![0]);
  const anchorCol = /^[A-Z]+/.exec(anchor)![0];
  const claims = cellsOf(at(`${refs.claims}.data`), read).map((c, i) => ({
    event: String(c[0]),
    cover: String(c[1]),
    amount: asNumber(c[2], `${name} claims row ${i + 1} amount`),
    paid: asNumber(read(`${anchorCol}${anchorRow + 1 + i}`), `${name} payable row ${i + 1}`),
  }));
  const bounds: Bound[] = [];
  for (const [i, c] of claims.entries()) {
    bounds.push({ what: `${name} row ${i + 1} (${c.event}, ${c.cover}) within its amount`, paid: c.paid, cap: c.amount });
    bounds.push({ what: `${name} row ${i + 1} not negative`, paid: 0, cap: c.paid });
  }
  /** The covers from a claim's own up to the root, each with whether the path below it nests "all" throughout. */
  const pathOf = (cover: string) => {
    const path: Array<{ id: string; perEventBinds: boolean }> = [];
    let all = true;
    for (let c = byId.get(cover); c; c = c.parent === undefined ? undefined : byId.get(c.parent)) {
      path.push({ id: c.id, perEventBinds: all });
      all = all && c.nesting === 'all';
    }
    return path;
  };
  const aggregatePaid = new Map<string, number>();
  const eventPaid = new Map<string, number>();
  const policyEvent = new Map<string, number>();
  let total = 0;
  for (const c of claims) {
    total += c.paid;
    policyEvent.set(c.event, (policyEvent.get(c.event) ?? 0) + c.paid);
    for (const p of pathOf(c.cover)) {
      aggregatePaid.set(p.id, (aggregatePaid.get(p.id) ?? 0) + c.paid);
      if (p.perEventBinds) eventPaid.set(`${c.event}\u0000${p.id}`, (eventPaid.get(`${c.event}\u0000${p.id}`) ?? 0) + c.paid);
    }
  }
  for (const c of covers) bounds.push({ what: `${name} cover ${c.id}: paid within its aggregate`, paid: aggregatePaid.get(c.id) ?? 0, cap: c.aggregate });
  for (const [key, paid] of eventPaid) {
    const [event, id] = key.split('\u0000');
    bounds.push({ what: `${name} event ${event}, cover ${id}: within its per-event limit`, paid, cap: byId.get(id)!.perEvent });
  }
  if (refs.policyAggregate) bounds.push({ what: `${name}: all claims within the policy aggregate`, paid: total, cap: asNumber(read(at(refs.policyAggregate)), 'policy aggregate') });
  if (refs.policyPerClaim) {
    const perClaim = asNumber(read(at(refs.policyPerClaim)), 'policy per claim');
    for (const [event, paid] of policyEvent) bounds.push({ what: `${name} event ${event}: within the policy per-claim limit`, paid, cap: perClaim });
  }
  return { bounds, paid: total };
}

// ---- what each template must respect ------------------------------------------------------------

interface LimitDescription {
  /** Generators for entries the generic ones cannot make (tables), as the user would type them. */
  readonly entries?: Readonly<Record<string, fc.Arbitrary<string | boolean>>>;
  /** Entries that depend on each other (drawn together, over the others). */
  readonly together?: fc.Arbitrary<RawInputs>;
  /** Every capped figure of the sheet built from those entries. */
  readonly bounds: (built: BuiltTemplate, at: (key: string) => number, read: Read) => Bound[];
  /** Fewer runs for a template whose sheet is slow to evaluate. */
  readonly runs: number;
}

const money = (max: number, step = 10_000) => fc.integer({ min: 0, max: Math.floor(max / step) }).map((n) => n * step);
const blankOr = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 4 });

/** Samsung: the default tree's ids and parents, random limits, deductibles and nesting. */
const SAMSUNG_TREE: ReadonlyArray<readonly [string, string]> = [
  ['SEC', ''],
  ['PRIV', ''],
  ['REG', ''],
  ['PCI', 'REG'],
  ['IR', ''],
  ['BI', ''],
  ['CBI', 'BI'],
  ['EXT', ''],
  ['RWD', 'EXT'],
  ['REP', ''],
  ['SE', ''],
  ['SEP', 'SE'],
];
const samsungCovers = fc
  .tuple(...SAMSUNG_TREE.map(() => fc.tuple(blankOr(money(3_000_000)), blankOr(money(4_000_000)), blankOr(money(600_000)), fc.constantFrom('', 'all', 'aggregate'))))
  .map((rows) => rows.map(([per, agg, ded, nest], i) => [SAMSUNG_TREE[i][0], SAMSUNG_TREE[i][1], per ?? '', agg ?? '', ded ?? '', nest].join('; ')).join('\n'));
const samsungEvent = fc.constantFrom('E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7');
const samsungClaims = fc
  .array(fc.tuple(samsungEvent, fc.constantFrom(...SAMSUNG_TREE.map(([id]) => id)), money(3_000_000, 5_000)), { minLength: 1, maxLength: 20 })
  .map((rows) => rows.map((r) => r.join('; ')).join('\n'));

const DESCRIPTIONS: Readonly<Record<TemplateDefinition['id'], LimitDescription>> = {
  samsung: {
    runs: 30,
    entries: {
      covers: samsungCovers,
      claims: samsungClaims,
      biEvent: samsungEvent,
      repEvent: samsungEvent,
      policyAggregate: money(12_000_000).map(String),
      policyPerClaim: money(5_000_000).map(String),
      hourlyProfit: money(300_000, 1_000).map(String),
      repHourly: money(200_000, 1_000).map(String),
      dailyCap: money(2_000_000, 1_000).map(String),
    },
    bounds: (built, at, read) => {
      const tree = treeBounds('samsung', { covers: 'covers', claims: 'claims', payable: 'allocate', policyAggregate: 'policyAggregate', policyPerClaim: 'policyPerClaim' }, built, read);
      return [
        ...tree.bounds,
        { what: 'samsung: total within the policy aggregate', paid: at('total'), cap: at('policyAggregate') },
        // The total is the one settlement and nothing outside it.
        { what: 'samsung: total is the settlement (≤)', paid: at('total'), cap: tree.paid },
        { what: 'samsung: total is the settlement (≥)', paid: tree.paid, cap: at('total') },
        // The daily cap binds the reputational row (第二十六条 (六), 释义十四).
        { what: 'samsung: reputational paid within the daily-capped amount', paid: at('repPaid'), cap: at('reputational') },
        // The standalone HOURLYBI (information) is a number within the BI claim, whatever limits are blank.
        { what: 'samsung: hourly BI alone within the BI loss', paid: at('hourlyBi'), cap: at('biClaim') },
      ];
    },
  },
  cpic: {
    runs: 60,
    // PROFITRATE's rules: maintenance within expenses, insured maintenance within maintenance.
    together: fc
      .tuple(money(60_000_000, 100_000), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .filter(([revenue]) => revenue > 0)
      .map(([revenue, e, m, im]) => {
        const expenses = Math.round((revenue * e) / 100);
        const maintenance = Math.round((expenses * m) / 100);
        return { revenue: String(revenue), expenses: String(expenses), maintenance: String(maintenance), insuredMaintenance: String(Math.round((maintenance * im) / 100)) };
      }),
    bounds: (_, at) => [
      { what: 'cpic: total within the overall limit left (第十三条)', paid: at('total'), cap: at('overallRemaining') },
      { what: 'cpic: total within the overall limit', paid: at('total'), cap: at('overallLimit') },
      { what: 'cpic: BI within the lower of the sum insured and the limit', paid: at('biPayout'), cap: Math.min(at('sumInsured'), at('limit')) },
      { what: 'cpic: continuation costs within their sum insured', paid: at('contPayout'), cap: at('contSumInsured') },
      { what: 'cpic: crisis costs within their limit', paid: at('crisisPayout'), cap: at('crisisLimit') },
    ],
  },
  lmcit: {
    runs: 60,
    bounds: (built, at, read) => [
      ...treeBounds('lmcit liability', { covers: 'liabilityCovers', claims: 'liabilityClaims', payable: 'liabilityAllocate' }, built, read).bounds,
      { what: 'lmcit: first-party within the member’s aggregate', paid: at('covered'), cap: at('memberLimit') },
      { what: 'lmcit: pool recovery within the pool limit', paid: at('poolRecovery'), cap: at('poolLimit') },
      { what: 'lmcit: pool recovery within the pool aggregate left', paid: at('poolRecovery'), cap: at('poolRemaining') },
      { what: 'lmcit: crime within its limit', paid: at('crimePayout'), cap: at('crimeLimit') },
      { what: 'lmcit: total is its three parts', paid: at('total'), cap: at('poolRecovery') + at('liabilityPayable') + at('crimePayout') },
    ],
  },
  iso: {
    runs: 60,
    // Forgery or Alteration legal expenses are paid in addition to the limit (catalogue section 6).
    bounds: (_, at) => [
      { what: 'iso: payout within the limit that applies (+ legal expenses)', paid: at('total'), cap: at('limitApplied') + at('legalExpenses') },
      { what: 'iso: the limit that applies is one of the two limits, or 0', paid: at('limitApplied'), cap: Math.max(at('limit'), at('priorLimit')) },
    ],
  },
};

// ---- generic entries by field kind ----------------------------------------------------------------

function scalarEntry(f: FieldDef): fc.Arbitrary<string | boolean> {
  const def = f.default;
  switch (f.kind) {
    case 'boolean':
      return fc.boolean();
    case 'text':
    case 'table':
    case 'series':
      return fc.constant(def);
    case 'ratio':
      return fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`);
    case 'rate':
      return fc.integer({ min: -50, max: 50 }).map((n) => `${n}%`);
    case 'hours':
      return fc.integer({ min: 0, max: f.max ?? 2000 }).map(String);
    case 'days': {
      // Up to twice the default: a form's days (an indemnity period, a recovery period) stay within its tables.
      const base = Number(def);
      return fc.integer({ min: f.greaterThan !== undefined ? 1 : 0, max: Math.max(1, 2 * base) }).map(String);
    }
    case 'date':
      // Moved by entriesOf, so that the dates of one form keep their usual order more often than not.
      return fc.constant(String(def));
    case 'amount': {
      const base = Number(String(def).replace(/,/g, ''));
      // The default, a multiple of it (0 to 3 ×) or anything up to 10,000,000.
      return fc.oneof(fc.constant(String(def)), fc.integer({ min: 0, max: 30 }).map((k) => String(Math.round((base * k) / 10))), money(10_000_000, 1_000).map(String));
    }
  }
}

const serialOf = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)!;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86400000;
};
/** Days a date moves: mostly not at all, sometimes a little, now and then a lot. */
const jitter = fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: -30, max: 30 }), weight: 1 }, { arbitrary: fc.integer({ min: -400, max: 400 }), weight: 1 });

/**
 * A form's entries: the template's own generators, the generic ones for the other fields, then
 * every date moved by one shift common to the form plus its own jitter.
 */
function entriesOf(t: TemplateDefinition, d: LimitDescription): fc.Arbitrary<RawInputs> {
  const fields = allFields(t);
  const dates = fields.filter((f) => f.kind === 'date' && d.entries?.[f.key] === undefined);
  return fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f.key, d.entries?.[f.key] ?? scalarEntry(f)])) as Record<string, fc.Arbitrary<string | boolean>>),
      d.together ?? fc.constant({}),
      fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: -30, max: 30 }), weight: 1 }),
      fc.tuple(...dates.map(() => jitter)),
    )
    .map(([own, together, shift, moves]) => {
      const out: Record<string, string | boolean> = { ...own, ...together };
      dates.forEach((f, i) => (out[f.key] = serialToIso(serialOf(String(out[f.key])) + shift + moves[i])));
      return out;
    });
}

// ---- the property --------------------------------------------------------------------------------

/** Amounts are whole (or cents); the engine is exact and sums of a few dozen of them are exact doubles. */
const EPSILON = 1e-6;

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: never pays past a limit', (id, t) => {
  const d = DESCRIPTIONS[id];

  test('describes every template', () => expect(d).toBeDefined());

  test(`random entries (${d?.runs} runs): total within the policy aggregate, every cover within its limits`, () => {
    let accepted = 0;
    let runs = 0;
    const rejected = new Map<string, number>();
    fc.assert(
      fc.property(entriesOf(t, d), (inputs) => {
        runs++;
        const v = validateForm(t, inputs);
        if (!v.ok) {
          for (const key of [...Object.keys(v.errors), ...(v.formErrors.length ? ['(form)'] : [])]) rejected.set(key, (rejected.get(key) ?? 0) + 1);
          return;
        }
        accepted++;
        const built = t.build(v.values);
        const read = evaluateSpec(built.spec);
        const at = (key: string) => {
          const address = built.refs[key];
          if (!address) throw new Error(`${id}: the template exposes no ref "${key}"`);
          return asNumber(read(address), `${id} ${key} (${address})`);
        };
        for (const b of d.bounds(built, at, read)) {
          if (b.cap === undefined) continue;
          if (!(b.paid <= b.cap + EPSILON)) throw new Error(`${b.what}: ${b.paid} > ${b.cap}`);
        }
      }),
      params(d.runs),
    );
    // The generators must mostly make entries the form accepts, or the property says little.
    if (accepted < Math.ceil(runs / 2)) throw new Error(`${id}: only ${accepted} of ${runs} random forms were valid; rejected fields: ${JSON.stringify(Object.fromEntries(rejected))}`);
  });
});
