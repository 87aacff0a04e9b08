/**
 * The annual-loss simulation of catalogue section 11 (CYBER.SIMULATE), in doubles and integer
 * units: each simulated year is one policy period whose events are settled exactly as
 * CYBER.ALLOCATE (src/engine/limits.ts `settle`) settles claims — the largest deductible per event
 * (SAMSUNG 第二十八条), sub-limits inside their parents' limits by nesting, the policy per-claim and
 * aggregate limits (第二十四条) — but in integer units instead of decimals. Every term and every
 * drawn loss is an integer number of units (1 unit = 1/scale of a currency unit; scale 100 unless
 * a term has more decimals), held exactly in a double below 2^53, so min, + and − are exact and
 * the settlement equals the decimal one to the cent (test/properties/simulate.property.test.ts
 * re-settles random years of random trees with the exact engine).
 *
 * Randomness (catalogue: "counter-based and keyed by stable ids"): Philox4x32-10 with
 *   key  = [seed, K]                  counter = [year, word1, word2, word3]
 * - a year's event count:  key [seed, 0x636f756e ("coun")], counter [year, 0xffffffff, 0xffffffff, 0xffffffff];
 *   the first two output words make its uniform;
 * - a row's draws in event e (0-based) of that year: key [seed, h2(cover id)],
 *   counter [year, e, h1(cover id), position], where position is the row's index among the rows
 *   of the same cover id; words 0–1 make the hit uniform, words 2–3 the severity uniform.
 * The count's counter has word1 = 0xffffffff, which no event index reaches (a year holds fewer
 * events than MAX_COUNT_TABLE), so the two kinds never share a block whatever h2 is. h1 and h2
 * are two independent 32-bit hashes of the id's UTF-16 text (FNV-1a with different bases and a
 * murmur3 finaliser): together 64 bits. Two distinct ids of one model with the same pair would
 * draw the same numbers, so the model builder checks the pairs and refuses the model (#NUM!) in
 * that case (about one chance in 10^19 for two ids). Years are 1-based; nothing else enters a key,
 * so a year does not depend on the years requested, on recalculation order or on other rows.
 */
import { exponentialQuantile, type Frequency, lognormalQuantile, lomaxQuantile, pareto1Quantile, QUANTILE_KERNELS, type Severity } from './families';
import { mulhiM0, mulhiM1, PHILOX_M0, PHILOX_M1, philoxRounds2to10At, uniform53 } from './philox';
import { BLOCK_WORDS, createDrawBatch, createPhiloxBatch, type DrawBatch, type PhiloxBatch } from './philoxWasm';
import { centsOf, countOf, type CountTable, countTable, SimulationLimit } from './sample';

export { SimulationLimit } from './sample';
export { philoxWasmInUse, usePhiloxWasm } from './philoxWasm';

/** Changes whenever a draw or a settlement could change: part of every result and of the memo key. */
export const ENGINE_VERSION = 'sim-1';

/** One cover of the tree, terms in integer units (1 unit = 1 / model.scale of a currency unit). */
export interface SimCover {
  readonly id: string;
  readonly parent: number;
  /** This cover and its ancestors, nearest first (as CoverNode.path of src/engine/limits.ts). */
  readonly path: readonly number[];
  /** How many covers of `path`, from the start, have their per-event limit used (CoverNode.eventReach). */
  readonly eventReach: number;
  /** Per-claim/event limit in units; Infinity = none. */
  readonly perEvent: number;
  /** Aggregate limit in units; Infinity = none. */
  readonly aggregate: number;
  /** Deductible in units (0 = none). */
  readonly deductible: number;
}

/** One row of the events table. */
export interface SimRow {
  /** Index of the cover in `SimModel.covers`. */
  readonly cover: number;
  readonly coverId: string;
  /** Probability that an event causes a loss to this cover (0–1). */
  readonly probability: number;
  readonly severity: Severity;
  /** The severity text as written (for display and the input hash). */
  readonly severityText: string;
  /** The row's position among the rows of the same cover id (0-based): part of its random key. */
  readonly position: number;
}

/** A model ready to simulate: built and checked by the engine (src/engine/simulate.ts). */
export interface SimModel {
  readonly frequency: Frequency;
  readonly frequencyText: string;
  readonly rows: readonly SimRow[];
  readonly covers: readonly SimCover[];
  /** Policy aggregate / per-claim limit in units; Infinity = none. */
  readonly policyAggregate: number;
  readonly policyPerEvent: number;
  /** Units per currency unit: 100 (cents), or 10^k when a term has k > 2 decimals. */
  readonly scale: number;
  /** A hash of the model's inputs (hex), shown by the pane; with seed and years the memo key. */
  readonly hash: string;
}

/** Whose payments a statistic counts: the whole policy, or one cover with its descendants. */
export type Scope = { readonly kind: 'total' } | { readonly kind: 'cover'; readonly cover: number };

export interface SimOptions {
  readonly years: number;
  readonly seed: number;
  /** Scopes whose statistics are wanted (default: the total only). */
  readonly scopes?: readonly Scope[];
  /**
   * Called every `progressEvery` years (default 4,096) and at the end with the years done;
   * returning false cancels the run (simulate then returns undefined).
   */
  readonly onProgress?: (doneYears: number, totalYears: number) => boolean | void;
  readonly progressEvery?: number;
}

/** The statistics of catalogue section 11, in currency units (doubles), in the catalogue's order. */
export interface SimStats {
  readonly mean: number;
  readonly sd: number;
  readonly se: number;
  readonly probabilityPaid: number;
  readonly var90: number;
  readonly var95: number;
  readonly var99: number;
  readonly var995: number;
  readonly var996: number;
  readonly tvar99: number;
  readonly tvar995: number;
  readonly max: number;
  readonly meanEvents: number;
  readonly meanGroundUp: number;
}

/** The return periods of "aep" and "oep", in order. */
export const RETURN_PERIODS: readonly number[] = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

export interface ScopeResult {
  readonly scope: Scope;
  readonly stats: SimStats;
  /** [return period, annual paid at it], RETURN_PERIODS in order. */
  readonly aep: ReadonlyArray<readonly [number, number]>;
  /** [return period, largest single event paid in a year at it]. */
  readonly oep: ReadonlyArray<readonly [number, number]>;
  /** AAL as years grow: at 100, 200, 500, 1,000, 2,000, 5,000, … and at the last year. */
  readonly convergence: ReadonlyArray<{ readonly years: number; readonly mean: number; readonly se: number }>;
}

export interface SimResult {
  readonly hash: string;
  readonly engineVersion: string;
  readonly seed: number;
  readonly years: number;
  readonly scopes: readonly ScopeResult[];
}

// ---- keys ---------------------------------------------------------------------------------------

const COUNT_KEY = 0x636f756e;
const RESERVED = 0xffffffff;
/** Blocks per batch of row draws (about 100 kB of WebAssembly memory) and years per batch of counts. */
const ROW_BATCH = 4096;
const COUNT_BATCH = 1024;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** The two 32-bit hashes of a cover id that enter its rows' keys. */
export function idHashes(id: string): [number, number] {
  return [fnv(id, 0x811c9dc5), fnv(id, 0x050c5d1f)];
}

/** Throws SimulationLimit('ids') when two distinct ids share both hashes. */
export function checkIdHashes(ids: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const [a, b] = idHashes(id);
    const k = `${a}:${b}`;
    const other = seen.get(k);
    if (other !== undefined && other !== id) throw new SimulationLimit('ids', `${other} / ${id}`);
    seen.set(k, id);
  }
}

/** A hex hash of any text (two 32-bit lanes): the model's input hash. */
export function textHash(text: string): string {
  const [a, b] = idHashes(text);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

// ---- the year engine ----------------------------------------------------------------------------

const TWO_32 = 4294967296;
const TWO_26 = 67108864;
const TWO_53 = 9007199254740992;
/** QUANTILE_KERNELS as constants of this module (the hot loop compares against them). */
const LOGNORMAL = QUANTILE_KERNELS.lognormal;
const LOMAX = QUANTILE_KERNELS.lomax;
const PARETO1 = QUANTILE_KERNELS.pareto1;
const EXPONENTIAL = QUANTILE_KERNELS.exponential;
const CONSTANT = QUANTILE_KERNELS.constant;

/**
 * Everything one year needs, prepared once per model and seed: typed arrays of the rows and the
 * covers, scratch space, and the per-scope accumulators. `year(y)` simulates and settles year y;
 * with `record` it also keeps every draw and payment (simulateYear, the property tests).
 */
class YearEngine {
  readonly nRows: number;
  readonly nCovers: number;
  readonly counts: CountTable;
  readonly rowCover: Int32Array;
  readonly rowH1: Uint32Array;
  readonly rowH2: Uint32Array;
  /**
   * p × 2^53 (exact: a power-of-two scaling): a row hits when the integer numerator k of its hit
   * uniform k / 2^53 (uniform53) is below it — the same comparison as uniform53(…) < p, without
   * forming the double.
   */
  readonly rowThreshold: Float64Array;
  readonly rowQuantile: Array<(u: number) => number>;
  /** The row's quantile kernel (QUANTILE_KERNELS; 0: call rowQuantile) and its parameters. */
  readonly rowKind: Int32Array;
  readonly rowA: Float64Array;
  readonly rowB: Float64Array;
  readonly rowPosition: Int32Array;
  /**
   * For the JavaScript blocks (when WebAssembly is refused), round 1 of a row's block from what it
   * depends on (philoxRounds2to10At): x0 = hi(M1 × h1) ^ event ^ seed and x1 = lo(M1 × h1) (the
   * row: rowX0, rowX1), x2 = hi(M0 × year) ^ position ^ h2 (rowX2 and the year's product),
   * x3 = lo(M0 × year) — M1 × h1 once a run, M0 × year once a year, not once a block: the same
   * words as the whole block, one round fewer of 16-bit multiplies.
   */
  readonly rowX0: Int32Array;
  readonly rowX1: Int32Array;
  readonly rowX2: Int32Array;
  /** The rows that can hit (probability above 0), in row order: only they draw (a block each per event). */
  readonly activeRows: Int32Array;
  /**
   * The Philox blocks of the rows' draws (counter [year, event, h1, position], key [seed, h2]),
   * computed in bulk (philoxWasm.ts): block e' × activeRows.length + j is active row j's block
   * in the e'-th event of the chunk being drawn. The key words never change (slot j's row is
   * fixed), so they are written once; each block writes its four counter words.
   */
  readonly rowBatch: PhiloxBatch;
  /** Events per row batch. */
  readonly eventsPerBatch: number;
  /**
   * With WebAssembly, the draws of whole years (philox.wat's draw): the blocks, the hits and the
   * hits' loss uniforms of hundreds of years in one call, read back as hits only (drawnEvent).
   * Null without WebAssembly (drawEventJs). A year with more events than a batch holds is drawn
   * in chunks of rowBatch's blocks instead (rowBlocks, drawEvent): the same draws.
   */
  readonly draw: DrawBatch | null;
  /** The count blocks (counter [year, RESERVED, RESERVED, RESERVED], key [seed, COUNT_KEY]) of up to COUNT_BATCH years at once. */
  readonly countBatch: PhiloxBatch;
  /** The counts of years countFrom .. countFrom + countN − 1, drawn ahead in one batch. */
  readonly countCache: Int32Array;
  private countFrom = 0;
  private countN = 0;
  /** The years whose row blocks rowBatch holds (rowBlocksAhead), and where each year's start. */
  private blocksFrom = 0;
  private blocksTo = 0;
  readonly blocksStart = new Int32Array(COUNT_BATCH);
  /** The last year of the run (simulate, yearLossTable): counts are drawn ahead up to it, never beyond. */
  lastYear = 0;
  readonly rowUnit: number;
  /** Flattened cover paths: pathStart[c] .. pathStart[c + 1]. */
  readonly pathStart: Int32Array;
  readonly pathNodes: Int32Array;
  readonly reach: Int32Array;
  readonly perEvent: Float64Array;
  readonly aggregate: Float64Array;
  readonly deductible: Float64Array;
  readonly policyAggregate: number;
  readonly policyPerEvent: number;
  /** Scopes each row's payments count in: scopeStart[r] .. scopeStart[r + 1] into scopeList. */
  readonly scopeStart: Int32Array;
  readonly scopeList: Int32Array;
  readonly nScopes: number;
  /** The scopes are the one "total" (every row counts in it): settleEvent keeps its sums in locals. */
  readonly totalOnly: boolean;
  /** The deductible of each row's cover. */
  readonly rowDeductible: Float64Array;
  // scratch
  readonly aggRem: Float64Array;
  readonly evRem: Float64Array;
  readonly evStamp: Int32Array;
  readonly hitRow: Int32Array;
  /** Where each hit's block starts in rowBatch (drawEvent). */
  readonly hitBlock: Int32Array;
  readonly hitAmount: Float64Array;
  readonly hitPaid: Float64Array;
  // results of the last year
  events = 0;
  readonly yearPaid: Float64Array;
  readonly yearMaxEvent: Float64Array;
  readonly yearGround: Float64Array;
  readonly eventPaid: Float64Array;
  readonly coverPaid: Float64Array;
  trackCovers = false;
  recorded: Array<{ rows: number[]; amounts: number[]; paid: number[] }> | undefined;
  private stamp = 0;
  /** What is left of the policy aggregate in the year being settled (units). */
  private policyAggRem = 0;

  constructor(
    readonly model: SimModel,
    readonly seed: number,
    scopes: readonly Scope[],
  ) {
    const rows = model.rows;
    const covers = model.covers;
    this.nRows = rows.length;
    this.nCovers = covers.length;
    this.counts = countTable(model.frequency);
    this.rowCover = Int32Array.from(rows, (r) => r.cover);
    this.rowH1 = new Uint32Array(rows.length);
    this.rowH2 = new Uint32Array(rows.length);
    rows.forEach((r, i) => {
      const [a, b] = idHashes(r.coverId);
      this.rowH1[i] = a;
      this.rowH2[i] = b;
    });
    this.rowThreshold = Float64Array.from(rows, (r) => r.probability * TWO_53);
    // The severity's own quantile (CYBER.QUANTILE's function), taken once per row: the families
    // define it as a closure over their parameters (families.ts), so it is called without `this`.
    this.rowQuantile = rows.map((r) => r.severity.quantile);
    this.rowKind = Int32Array.from(rows, (r) => r.severity.quantileKernel?.kind ?? 0);
    this.rowA = Float64Array.from(rows, (r) => r.severity.quantileKernel?.a ?? 0);
    this.rowB = Float64Array.from(rows, (r) => r.severity.quantileKernel?.b ?? 0);
    this.rowPosition = Int32Array.from(rows, (r) => r.position);
    this.rowX0 = Int32Array.from(this.rowH1, (h1) => mulhiM1(h1) ^ seed);
    this.rowX1 = Int32Array.from(this.rowH1, (h1) => Math.imul(PHILOX_M1, h1));
    this.rowX2 = Int32Array.from(rows, (r, i) => r.position ^ this.rowH2[i]);
    this.activeRows = Int32Array.from(rows.flatMap((r, i) => (r.probability === 0 ? [] : [i])));
    const nActive = this.activeRows.length;
    this.eventsPerBatch = Math.max(1, Math.floor(ROW_BATCH / Math.max(1, nActive)));
    this.rowBatch = createPhiloxBatch(this.eventsPerBatch * Math.max(1, nActive));
    const rw = this.rowBatch.words;
    for (let slot = 0; slot < this.eventsPerBatch * nActive; slot++) {
      rw[slot * BLOCK_WORDS + 4] = seed;
      rw[slot * BLOCK_WORDS + 5] = this.rowH2[this.activeRows[slot % nActive]];
    }
    this.draw =
      this.rowBatch.wasm && nActive > 0
        ? createDrawBatch(
            {
              h1: Uint32Array.from(this.activeRows, (r) => this.rowH1[r]),
              h2: Uint32Array.from(this.activeRows, (r) => this.rowH2[r]),
              position: Int32Array.from(this.activeRows, (r) => this.rowPosition[r]),
              threshold: Float64Array.from(this.activeRows, (r) => this.rowThreshold[r]),
            },
            seed,
            this.eventsPerBatch,
            COUNT_BATCH,
          )
        : null;
    this.countBatch = createPhiloxBatch(COUNT_BATCH);
    const cw = this.countBatch.words;
    for (let i = 0; i < COUNT_BATCH; i++) {
      cw[i * BLOCK_WORDS + 4] = seed;
      cw[i * BLOCK_WORDS + 5] = COUNT_KEY;
    }
    this.countCache = new Int32Array(COUNT_BATCH);
    this.rowUnit = model.scale / 100;
    const starts: number[] = [0];
    const nodes: number[] = [];
    for (const c of covers) {
      nodes.push(...c.path);
      starts.push(nodes.length);
    }
    this.pathStart = Int32Array.from(starts);
    this.pathNodes = Int32Array.from(nodes);
    this.reach = Int32Array.from(covers, (c) => c.eventReach);
    this.perEvent = Float64Array.from(covers, (c) => c.perEvent);
    this.aggregate = Float64Array.from(covers, (c) => c.aggregate);
    this.deductible = Float64Array.from(covers, (c) => c.deductible);
    this.policyAggregate = model.policyAggregate;
    this.policyPerEvent = model.policyPerEvent;
    const sStart: number[] = [0];
    const sList: number[] = [];
    rows.forEach((r) => {
      scopes.forEach((s, j) => {
        if (s.kind === 'total' || covers[r.cover].path.includes(s.cover)) sList.push(j);
      });
      sStart.push(sList.length);
    });
    this.scopeStart = Int32Array.from(sStart);
    this.scopeList = Int32Array.from(sList);
    this.nScopes = scopes.length;
    this.totalOnly = scopes.length === 1 && scopes[0].kind === 'total';
    this.rowDeductible = Float64Array.from(rows, (r) => covers[r.cover].deductible);
    this.aggRem = new Float64Array(covers.length);
    this.evRem = new Float64Array(covers.length);
    this.evStamp = new Int32Array(covers.length);
    this.hitRow = new Int32Array(rows.length);
    this.hitBlock = new Int32Array(rows.length);
    this.hitAmount = new Float64Array(rows.length);
    this.hitPaid = new Float64Array(rows.length);
    this.yearPaid = new Float64Array(scopes.length);
    this.yearMaxEvent = new Float64Array(scopes.length);
    this.yearGround = new Float64Array(scopes.length);
    this.eventPaid = new Float64Array(scopes.length);
    this.coverPaid = new Float64Array(covers.length);
  }

  /**
   * The number of events of year y: drawn ahead in one batch for years y .. min(y + COUNT_BATCH − 1,
   * lastYear) when y is not among the years drawn ahead (each count from its own block, so
   * drawing ahead changes no value).
   */
  count(y: number): number {
    const i = y - this.countFrom;
    if (i >= 0 && i < this.countN) return this.countCache[i];
    const n = Math.max(1, Math.min(COUNT_BATCH, this.lastYear - y + 1));
    const w = this.countBatch.words;
    for (let j = 0, o = 0; j < n; j++, o += BLOCK_WORDS) {
      w[o] = y + j;
      w[o + 1] = RESERVED;
      w[o + 2] = RESERVED;
      w[o + 3] = RESERVED;
    }
    this.countBatch.run(n);
    const counts = this.counts;
    const cache = this.countCache;
    for (let j = 0, o = 0; j < n; j++, o += BLOCK_WORDS) cache[j] = countOf(counts, uniform53(w[o], w[o + 1]));
    this.countFrom = y;
    this.countN = n;
    return cache[0];
  }

  /**
   * Simulates and settles year y (1-based). The draws of an event (drawEvent) and its settlement
   * (settleEvent) are methods of their own: smaller functions that V8 optimises sooner than the
   * one loop body they were (measured: the first 20,000 years of a cold run in about 90 ms of CPU
   * instead of 105–135 ms; a warm run is unchanged).
   */
  year(y: number): void {
    const nScopes = this.nScopes;
    const yearPaid = this.yearPaid;
    const yearMax = this.yearMaxEvent;
    const yearGround = this.yearGround;
    for (let s = 0; s < nScopes; s++) {
      yearPaid[s] = 0;
      yearMax[s] = 0;
      yearGround[s] = 0;
    }
    if (this.trackCovers) this.coverPaid.fill(0);
    // Aggregates start fresh each year (catalogue: "aggregates and the policy aggregate starting
    // fresh each year"); a loop, not aggRem.set(aggregate): a built-in call costs more than six stores.
    const aggRem = this.aggRem;
    const aggregate = this.aggregate;
    for (let c = 0; c < aggRem.length; c++) aggRem[c] = aggregate[c];
    this.policyAggRem = this.policyAggregate;
    const cached = y - this.countFrom;
    const n = cached >= 0 && cached < this.countN ? this.countCache[cached] : this.count(y);
    this.events = n;
    if (n === 0) return;
    const record = this.recorded;
    const perBatch = this.eventsPerBatch;
    const nActive = this.activeRows.length;
    const wasm = this.rowBatch.wasm;
    // The JavaScript blocks: round 1 from the kept products, M0 × y once a year (drawEvent).
    const yHi = wasm ? 0 : mulhiM0(y);
    const yLo = wasm ? 0 : Math.imul(PHILOX_M0, y);
    // WebAssembly: the blocks of this and the next years' draws, computed ahead in one batch
    // (rowBlocksAhead); a year whose draws alone exceed the batch, in chunks of its events.
    // With the draw batch, the first event of year y among the events drawn ahead (drawAhead).
    let ahead = -1;
    const drawn = this.draw !== null;
    if (drawn) {
      if (y < this.blocksFrom || y >= this.blocksTo) this.drawAhead(y);
      if (y < this.blocksTo) ahead = this.blocksStart[y - this.blocksFrom];
    } else if (wasm && nActive > 0) {
      if (y < this.blocksFrom || y >= this.blocksTo) this.rowBlocksAhead(y);
      if (y < this.blocksTo) ahead = this.blocksStart[y - this.blocksFrom];
    }
    for (let e = 0; e < n; e++) {
      let hits: number;
      if (ahead >= 0) hits = drawn ? this.drawnEvent(ahead + e) : this.drawEvent(ahead + e * nActive);
      else if (wasm) {
        if (e % perBatch === 0 && nActive > 0) this.rowBlocks(y, e, Math.min(perBatch, n - e));
        hits = this.drawEvent((e % perBatch) * nActive);
      } else hits = this.drawEventJs(e, yHi, yLo);
      if (hits === 0) {
        if (record) record.push({ rows: [], amounts: [], paid: [] });
        continue;
      }
      this.settleEvent(hits);
      if (record) {
        record.push({ rows: Array.from(this.hitRow.subarray(0, hits)), amounts: Array.from(this.hitAmount.subarray(0, hits)), paid: Array.from(this.hitPaid.subarray(0, hits)) });
      }
    }
  }

  /**
   * Computes the blocks of every event of years y, y + 1, … for every active row, as many whole
   * years as rowBatch holds and whose counts are drawn (countCache): event e of year y' is at
   * block blocksStart[y' − y] + e × activeRows.length. Sets blocksFrom .. blocksTo − 1 to the
   * years computed (none when year y alone does not fit). One batch for hundreds of years instead
   * of one a year: the blocks are the same (each from its own counter).
   */
  private rowBlocksAhead(y: number): void {
    const w = this.rowBatch.words;
    const active = this.activeRows;
    const nActive = active.length;
    const rowH1 = this.rowH1;
    const rowPosition = this.rowPosition;
    const capacity = this.eventsPerBatch * nActive;
    const cache = this.countCache;
    const cacheEnd = this.countFrom + this.countN;
    const starts = this.blocksStart;
    let slots = 0;
    let yy = y;
    for (; yy < cacheEnd && yy - y < starts.length; yy++) {
      const k = cache[yy - this.countFrom];
      if (slots + k * nActive > capacity) break;
      starts[yy - y] = slots;
      for (let e = 0, o = slots * BLOCK_WORDS; e < k; e++) {
        for (let j = 0; j < nActive; j++, o += BLOCK_WORDS) {
          const r = active[j];
          // Philox4x32-10 of counter [y', e, h1, position] (the key [seed, h2] is in place).
          w[o] = yy;
          w[o + 1] = e;
          w[o + 2] = rowH1[r];
          w[o + 3] = rowPosition[r];
        }
      }
      slots += k * nActive;
    }
    this.blocksFrom = y;
    this.blocksTo = yy;
    if (slots > 0) this.rowBatch.run(slots);
  }

  /**
   * Draws every event of years y, y + 1, … in the draw batch (WebAssembly): as many whole years as
   * it holds and whose counts are drawn (countCache); year y' 's first event is event
   * blocksStart[y' − y] of the run. Sets blocksFrom .. blocksTo − 1 to the years drawn (none when
   * year y alone has more events than the batch holds: then rowBlocks draws it in chunks).
   */
  private drawAhead(y: number): void {
    const draw = this.draw as DrawBatch;
    const cache = this.countCache;
    const cacheEnd = this.countFrom + this.countN;
    const starts = this.blocksStart;
    const counts = draw.counts;
    const capacity = draw.eventCapacity;
    let events = 0;
    let yy = y;
    for (; yy < cacheEnd && yy - y < starts.length; yy++) {
      const k = cache[yy - this.countFrom];
      if (events + k > capacity) break;
      starts[yy - y] = events;
      counts[yy - y] = k;
      events += k;
    }
    this.blocksFrom = y;
    this.blocksTo = yy;
    if (events > 0) draw.run(y, yy - y);
  }

  /**
   * The draws of event q of the last draw batch run (drawAhead): its hits, in row order, to
   * hitRow/hitAmount (in cents × unit), as drawEvent finds them from the blocks; returns how many.
   */
  private drawnEvent(q: number): number {
    const draw = this.draw as DrawBatch;
    const ends = draw.ends;
    const from = q === 0 ? 0 : ends[q - 1];
    const hits = ends[q] - from;
    const slot = draw.hitSlot;
    const u = draw.hitU;
    const active = this.activeRows;
    const hitRow = this.hitRow;
    const hitAmount = this.hitAmount;
    for (let i = 0, h = from; i < hits; i++, h++) {
      const r = active[slot[4 * h]];
      hitRow[i] = r;
      hitAmount[i] = this.loss(r, u[2 * h + 1]);
    }
    return hits;
  }

  /** Computes the blocks of events e0 .. e0 + k − 1 of year y for every active row (rowBatch). */
  private rowBlocks(y: number, e0: number, k: number): void {
    const w = this.rowBatch.words;
    const active = this.activeRows;
    const nActive = active.length;
    let o = 0;
    const rowH1 = this.rowH1;
    const rowPosition = this.rowPosition;
    for (let e = e0; e < e0 + k; e++) {
      for (let j = 0; j < nActive; j++, o += BLOCK_WORDS) {
        const r = active[j];
        // Philox4x32-10 of counter [y, e, h1, position] (the key [seed, h2] is in place).
        w[o] = y;
        w[o + 1] = e;
        w[o + 2] = rowH1[r];
        w[o + 3] = rowPosition[r];
      }
    }
    this.rowBatch.run(k * nActive);
  }

  /**
   * The draws of event e of the year from its blocks: every row that can hit, in row order,
   * independently hits and then draws its loss. The rows that hit go to hitRow/hitAmount (in
   * cents × unit); returns how many. The blocks are in rowBatch from block `base` (computed in
   * WebAssembly by rowBlocks); drawEventJs computes each one in JavaScript instead.
   */
  private drawEvent(base: number): number {
    const w = this.rowBatch.words;
    const active = this.activeRows;
    const nActive = active.length;
    const rowThreshold = this.rowThreshold;
    const hitRow = this.hitRow;
    const hitBlock = this.hitBlock;
    // First every row's hit, without a branch (whether a row hits is a coin toss the processor
    // cannot predict): each row is written as the next hit and counted only when it hits.
    let hits = 0;
    for (let j = 0, o = base * BLOCK_WORDS; j < nActive; j++, o += BLOCK_WORDS) {
      hitRow[hits] = active[j];
      hitBlock[hits] = o;
      // The hit: uniform53(w[o], w[o + 1]) < p, compared as its integer numerator (rowThreshold).
      hits += +((w[o] >>> 5) * TWO_26 + (w[o + 1] >>> 6) < rowThreshold[active[j]]);
    }
    // Then the losses of the rows that hit.
    const hitAmount = this.hitAmount;
    for (let i = 0; i < hits; i++) {
      const o = hitBlock[i];
      hitAmount[i] = this.loss(hitRow[i], uniform53(w[o + 2], w[o + 3]));
    }
    return hits;
  }

  /**
   * drawEvent with each block computed here, in JavaScript (WebAssembly refused), into blocks
   * 0 .. nActive − 1 of rowBatch: Philox4x32-10 of counter [y, e, h1, position], key [seed, h2],
   * round 1 from the kept products (yHi, yLo: hi and lo of M0 × year; rowX0..rowX2).
   */
  private drawEventJs(e: number, yHi: number, yLo: number): number {
    const w = this.rowBatch.words;
    const seed = this.seed;
    const rowH2 = this.rowH2;
    const rowX0 = this.rowX0;
    const rowX1 = this.rowX1;
    const rowX2 = this.rowX2;
    const active = this.activeRows;
    const nActive = active.length;
    for (let j = 0, o = 0; j < nActive; j++, o += BLOCK_WORDS) {
      const r = active[j];
      philoxRounds2to10At(rowX0[r] ^ e, rowX1[r], yHi ^ rowX2[r], yLo, seed, rowH2[r], w, o);
    }
    return this.drawEvent(0);
  }

  /**
   * Row r's loss for the severity uniform u, in cents × unit: the severity's quantile (its
   * kernel where it has one: the same function), only for a row that hits (the uniform is drawn
   * from the block either way).
   */
  private loss(r: number, u: number): number {
    const kind = this.rowKind[r];
    const a = this.rowA[r];
    let x: number;
    if (kind === LOGNORMAL) x = lognormalQuantile(a, this.rowB[r], u);
    else if (kind === LOMAX) x = lomaxQuantile(a, this.rowB[r], u);
    else if (kind === PARETO1) x = pareto1Quantile(a, this.rowB[r], u);
    else if (kind === EXPONENTIAL) x = exponentialQuantile(a, u);
    else if (kind === CONSTANT) x = a;
    else x = this.rowQuantile[r](u);
    // Catalogue: "Each drawn loss is first rounded to the cent".
    return centsOf(x) * this.rowUnit;
  }

  /** Settles the hits of one event as CYBER.ALLOCATE settles one event id's claims, in row order. */
  private settleEvent(hits: number): void {
    const hitRow = this.hitRow;
    const hitAmount = this.hitAmount;
    const hitPaid = this.hitPaid;
    const rowCover = this.rowCover;
    const rowDeductible = this.rowDeductible;
    const pathStart = this.pathStart;
    const pathNodes = this.pathNodes;
    const reach = this.reach;
    const perEvent = this.perEvent;
    const aggRem = this.aggRem;
    const evRem = this.evRem;
    const evStamp = this.evStamp;
    const totalOnly = this.totalOnly;
    const scopeStart = this.scopeStart;
    const scopeList = this.scopeList;
    const eventPaid = this.eventPaid;
    const yearGround = this.yearGround;
    const trackCovers = this.trackCovers;
    const coverPaid = this.coverPaid;
    let policyAgg = this.policyAggRem;
    // SAMSUNG 第二十八条: one deductible per event, the largest among its rows' covers.
    let deductible = 0;
    for (let i = 0; i < hits; i++) {
      const d = rowDeductible[hitRow[i]];
      if (d > deductible) deductible = d;
    }
    // Per-event counters start fresh for each event (stamped, as settle does).
    const stamp = ++this.stamp;
    let policyEvent = this.policyPerEvent;
    // The one scope "total" (the common case): its sums in locals, added in the same order as
    // through the scope lists (other scopes); an event's paid starts from 0, the year's ground
    // from what the year's earlier events left.
    let ground = yearGround[0];
    let paid = 0;
    if (!totalOnly) eventPaid.fill(0);
    for (let i = 0; i < hits; i++) {
      const r = hitRow[i];
      const c = rowCover[r];
      const amount = hitAmount[i];
      if (totalOnly) ground += amount;
      else for (let k = scopeStart[r]; k < scopeStart[r + 1]; k++) yearGround[scopeList[k]] += amount;
      // A cover without a deductible (SAMSUNG 第三十条 报酬支付) never bears another cover's.
      let taken = 0;
      if (rowDeductible[r] !== 0) {
        taken = deductible < amount ? deductible : amount;
        deductible -= taken;
      }
      let pay = amount - taken;
      const p0 = pathStart[c];
      const p1 = pathStart[c + 1];
      const reachEnd = p0 + reach[c];
      for (let p = p0; p < p1; p++) {
        const k = pathNodes[p];
        if (p < reachEnd) {
          if (evStamp[k] !== stamp) {
            evStamp[k] = stamp;
            evRem[k] = perEvent[k];
          }
          if (evRem[k] < pay) pay = evRem[k];
        }
        if (aggRem[k] < pay) pay = aggRem[k];
      }
      if (policyEvent < pay) pay = policyEvent;
      if (policyAgg < pay) pay = policyAgg;
      if (pay < 0) pay = 0;
      if (pay !== 0) {
        for (let p = p0; p < p1; p++) {
          const k = pathNodes[p];
          if (p < reachEnd) evRem[k] -= pay;
          aggRem[k] -= pay;
        }
        policyEvent -= pay;
        policyAgg -= pay;
        if (totalOnly) paid += pay;
        else for (let k = scopeStart[r]; k < scopeStart[r + 1]; k++) eventPaid[scopeList[k]] += pay;
        if (trackCovers) coverPaid[c] += pay;
      }
      hitPaid[i] = pay;
    }
    this.policyAggRem = policyAgg;
    const yearPaid = this.yearPaid;
    const yearMax = this.yearMaxEvent;
    if (totalOnly) {
      yearGround[0] = ground;
      yearPaid[0] += paid;
      if (paid > yearMax[0]) yearMax[0] = paid;
      return;
    }
    for (let s = 0; s < this.nScopes; s++) {
      const v = eventPaid[s];
      yearPaid[s] += v;
      if (v > yearMax[s]) yearMax[s] = v;
    }
  }

}

// ---- exact arithmetic for the statistics ----------------------------------------------------------

/** The exact sum of integers held in doubles (each below 2^53 or the nearest double above), as a BigInt. */
function exactSum(values: Float64Array, from: number, to: number): bigint {
  let hi = 0;
  let lo = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    const h = Math.floor(v / TWO_32);
    hi += h;
    lo += v - h * TWO_32;
    // Keep both partial sums far below 2^53 (exact): flush at 2^20 terms.
    if (((i - from) & 0xfffff) === 0xfffff) {
      const carry = Math.floor(lo / TWO_32);
      hi += carry;
      lo -= carry * TWO_32;
    }
  }
  return BigInt(hi) * BigInt(TWO_32) + BigInt(lo);
}

const BIG_TWO_53 = BigInt(TWO_53);

function bitLength(x: bigint): number {
  return x === BigInt(0) ? 0 : x.toString(2).length;
}

/** num / den (den > 0, num ≥ 0), correctly rounded to the nearest double (ties to even). */
export function ratio(num: bigint, den: bigint): number {
  if (num < BIG_TWO_53 && den < BIG_TWO_53) return Number(num) / Number(den);
  if (num === BigInt(0)) return 0;
  // Scale so that the quotient has 65 or 66 bits, keep a sticky bit for the remainder, and let
  // the one BigInt → Number conversion round (to nearest, ties to even).
  const k = 65 - (bitLength(num) - bitLength(den));
  const n = k > 0 ? num << BigInt(k) : num;
  const d = k < 0 ? den << BigInt(-k) : den;
  let q = n / d;
  if (q * d !== n) q |= BigInt(1);
  let x = Number(q);
  // × 2^−k by halving or doubling: exact (no Math.pow).
  for (let i = 0; i < k; i++) x /= 2;
  for (let i = 0; i > k; i--) x *= 2;
  return x;
}

const big = (x: number): bigint => BigInt(x);

/**
 * The type-7 quantile (NumPy's and R's default) of sorted integer amounts at p = a / b:
 * h = (n − 1) p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]), formed exactly as the rational
 * (x[j] b + r (x[j+1] − x[j])) / b with (n − 1) a = j b + r, then divided by the scale once.
 */
function quantile7(sorted: Float64Array, a: number, b: number, scale: number): number {
  const n = sorted.length;
  const t = (n - 1) * a;
  const j = Math.floor(t / b);
  const r = t - j * b;
  const lo = sorted[j];
  if (r === 0 || j + 1 >= n) return ratio(big(lo), big(scale));
  const hi = sorted[j + 1];
  return ratio(big(lo) * big(b) + big(r) * (big(hi) - big(lo)), big(b) * big(scale));
}

/** TVaR at p = a / b: the mean of the ⌈(1 − p) × years⌉ largest amounts, the count in integers. */
function tvar(sorted: Float64Array, a: number, b: number, scale: number): number {
  const n = sorted.length;
  // (b − a) n + b − 1 < 2^53: the one division cannot carry the floor across an integer.
  const count = Math.floor(((b - a) * n + b - 1) / b);
  return ratio(exactSum(sorted, n - count, n), big(count) * big(scale));
}

const VAR_LEVELS: ReadonlyArray<readonly [number, number]> = [
  [9, 10],
  [19, 20],
  [99, 100],
  [199, 200],
  [249, 250],
];

/**
 * Puts the order statistics at `targets` (ascending positions) in place, as a full sort would,
 * every value before a target ≤ it and every value after ≥ it — without sorting the rest (a
 * million-year run needs about 30 positions, not a sorted million). Zeros (the years that pay
 * nothing, often most of them) are moved to the front first. Deterministic: median-of-three
 * pivots, no randomness, so every host arranges the array the same way.
 */
export function selectPositions(a: Float64Array, targets: readonly number[]): void {
  let z = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) {
      a[i] = a[z];
      a[z] = 0;
      z++;
    }
  }
  const wanted = targets.filter((t) => t >= z);
  const rec = (lo: number, hi: number, t0: number, t1: number): void => {
    // Targets t0..t1 − 1 lie in [lo, hi].
    while (t0 < t1) {
      if (hi - lo < 16) {
        for (let i = lo + 1; i <= hi; i++) {
          const v = a[i];
          let j = i - 1;
          while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
          }
          a[j + 1] = v;
        }
        return;
      }
      const mid = lo + ((hi - lo) >> 1);
      const x = a[lo];
      const y = a[mid];
      const w = a[hi];
      const pivot = x < y ? (y < w ? y : x < w ? w : x) : x < w ? x : y < w ? w : y;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          const t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      // [lo, j] ≤ pivot ≤ [i, hi]; positions strictly between j and i hold the pivot itself.
      let split = t0;
      while (split < t1 && wanted[split] <= j) split++;
      let after = split;
      while (after < t1 && wanted[after] < i) after++;
      if (split > t0) rec(lo, j, t0, split);
      lo = i;
      t0 = after;
    }
  };
  rec(z, a.length - 1, 0, wanted.length);
}

/** Below this many values a sort costs less than the buckets' passes and their 512 KiB of counts. */
const SORT_MAX = 4096;
/** A bucket holding a target is sorted up to this size, and selected in (selectPositions) above it. */
const BUCKET_SORT_MAX = 16_384;
/** Buckets: the high word of a non-negative double shifted right by 14 (sign 0, 11 exponent bits, 6 fraction bits). */
const BUCKET_SHIFT = 14;
const BUCKETS = 1 << (32 - BUCKET_SHIFT);
/** The first bucket of +Infinity and NaN (high word 0x7ff00000 and above; negative values above them). */
const NON_FINITE_BUCKET = 0x7ff00000 >>> BUCKET_SHIFT;
/** Where the high word of a double is among its two 32-bit words in memory (1 on little-endian hosts). */
const HIGH_WORD = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

/**
 * Puts the order statistics at `positions` (ascending) in place, as a full sort would: every value
 * before a target ≤ it, every value after ≥ it. The values are non-negative doubles (amounts in
 * units, never −0), whose bit patterns order as the values do, so their high words cut them into
 * 2^17 buckets in value order (1/64 of an octave each): one pass counts the buckets, one places
 * every value in its bucket's range of `scratch` (then copied back), and only the buckets that
 * hold a target are ordered. Any correct arrangement gives the same values at the targets and the
 * same set of values above each, so the statistics do not depend on the method (the tests compare
 * with a sort). Returns false, arranging nothing, when a value is NaN, ±Infinity or negative (an
 * amount is never negative: that would be a programmer error).
 */
export function placeOrderStatistics(a: Float64Array, positions: readonly number[], scratch: Float64Array): boolean {
  const n = a.length;
  if (n <= SORT_MAX) {
    for (let i = 0; i < n; i++) if (!(a[i] >= 0 && a[i] < Infinity) || Object.is(a[i], -0)) return false;
    a.sort();
    return true;
  }
  const words = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  const counts = new Int32Array(BUCKETS);
  for (let i = 0, w = HIGH_WORD; i < n; i++, w += 2) counts[words[w] >>> BUCKET_SHIFT]++;
  for (let b = NON_FINITE_BUCKET; b < BUCKETS; b++) if (counts[b] !== 0) return false;
  // counts → the end of each bucket's range; `next` → where its next value goes.
  const next = new Int32Array(BUCKETS);
  for (let b = 0, at = 0; b < NON_FINITE_BUCKET; b++) {
    next[b] = at;
    at += counts[b];
    counts[b] = at;
  }
  for (let i = 0, w = HIGH_WORD; i < n; i++, w += 2) scratch[next[words[w] >>> BUCKET_SHIFT]++] = a[i];
  a.set(scratch.subarray(0, n));
  let b = 0;
  for (let k = 0; k < positions.length; ) {
    const t = positions[k];
    while (counts[b] <= t) b++;
    const from = b === 0 ? 0 : counts[b - 1];
    const to = counts[b];
    // Every target in this bucket.
    let k1 = k;
    while (k1 < positions.length && positions[k1] < to) k1++;
    if (to - from > 1) {
      const bucket = a.subarray(from, to);
      if (to - from <= BUCKET_SORT_MAX) bucket.sort();
      else selectPositions(bucket, positions.slice(k, k1).map((p) => p - from));
    }
    k = k1;
  }
  return true;
}

/** The positions the statistics read: type-7 neighbours of every level, the TVaR tails, the largest. */
function positionsOf(n: number): number[] {
  const out = new Set<number>([n - 1]);
  const levels: Array<readonly [number, number]> = [...VAR_LEVELS, ...RETURN_PERIODS.map((T) => [T - 1, T] as const)];
  for (const [a, b] of levels) {
    const j = Math.floor(((n - 1) * a) / b);
    out.add(j);
    if (j + 1 < n) out.add(j + 1);
  }
  for (const [a, b] of [
    [99, 100],
    [199, 200],
  ]) {
    out.add(n - Math.floor(((b - a) * n + b - 1) / b));
  }
  return [...out].sort((x, y) => x - y);
}

function statsOf(paid: Float64Array, oep: Float64Array, events: number, ground: bigint, scale: number, scratch: Float64Array): Omit<ScopeResult, 'scope' | 'convergence'> {
  const n = paid.length;
  // A loss beyond every double (a quantile overflowing to Infinity) has no statistics: reported
  // before any sum (exactSum cannot take Infinity), with the largest annual amount as it was.
  let largest = 0;
  let largestEvent = 0;
  for (let i = 0; i < n; i++) {
    if (paid[i] > largest || paid[i] !== paid[i]) largest = paid[i];
    if (oep[i] > largestEvent || oep[i] !== oep[i]) largestEvent = oep[i];
  }
  if (!Number.isFinite(largest) || !Number.isFinite(largestEvent)) throw new SimulationLimit('overflow', String(largest));
  const total = exactSum(paid, 0, n);
  const mean = ratio(total, big(n) * big(scale));
  // Two passes in units, in year order: the exact mean's nearest double, then the squared
  // deviations (and the years that pay nothing).
  const m = ratio(total, big(n));
  let ss = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const v = paid[i];
    const d = v - m;
    ss += d * d;
    zeros += v === 0 ? 1 : 0;
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) / scale : 0;
  const positions = positionsOf(n);
  // Refused only for a value that is not finite or is negative, which the scan above excluded.
  if (!placeOrderStatistics(paid, positions, scratch)) throw new SimulationLimit('overflow', String(largest));
  if (!placeOrderStatistics(oep, positions, scratch)) throw new SimulationLimit('overflow', String(largest));
  const [v90, v95, v99, v995, v996] = VAR_LEVELS.map(([a, b]) => quantile7(paid, a, b, scale));
  const stats: SimStats = {
    mean,
    sd,
    se: sd / Math.sqrt(n),
    probabilityPaid: (n - zeros) / n,
    var90: v90,
    var95: v95,
    var99: v99,
    var995: v995,
    var996: v996,
    tvar99: tvar(paid, 99, 100, scale),
    tvar995: tvar(paid, 199, 200, scale),
    max: ratio(big(paid[n - 1]), big(scale)),
    meanEvents: events / n,
    meanGroundUp: ratio(ground, big(n) * big(scale)),
  };
  const aep = RETURN_PERIODS.map((T) => [T, quantile7(paid, T - 1, T, scale)] as const);
  const oepOut = RETURN_PERIODS.map((T) => [T, quantile7(oep, T - 1, T, scale)] as const);
  return { stats, aep, oep: oepOut };
}

/** The convergence checkpoint after c: 100, 200, 500, 1,000, 2,000, 5,000, … */
function nextCheckpointAfter(c: number): number {
  let m = c;
  let p = 1;
  while (m >= 10) {
    m /= 10;
    p *= 10;
  }
  return m === 1 ? 2 * p : m === 2 ? 5 * p : 10 * p;
}

// ---- the public API -----------------------------------------------------------------------------

const TOTAL: Scope = { kind: 'total' };

/** Runs the model; undefined when onProgress cancelled it. */
export function simulate(model: SimModel, options: SimOptions): SimResult | undefined {
  const years = options.years;
  if (!Number.isInteger(years) || years < 1 || years > 1e7) throw new RangeError(`programmer error: years must be a whole number from 1, not ${years}`);
  const scopes = options.scopes && options.scopes.length > 0 ? options.scopes : [TOTAL];
  const engine = new YearEngine(model, options.seed >>> 0, scopes);
  engine.lastYear = years;
  const every = options.progressEvery ?? 4096;
  const paid = scopes.map(() => new Float64Array(years));
  const oep = scopes.map(() => new Float64Array(years));
  const groundHi = new Float64Array(scopes.length);
  const groundLo = new Float64Array(scopes.length);
  const runMean = new Float64Array(scopes.length);
  const runM2 = new Float64Array(scopes.length);
  const convergence: Array<Array<{ years: number; mean: number; se: number }>> = scopes.map(() => []);
  let events = 0;
  const scale = model.scale;
  let nextCheckpoint = 100;
  // The engine's per-year results, read straight from its arrays (they never change identity).
  const yearPaid = engine.yearPaid;
  const yearMax = engine.yearMaxEvent;
  const yearGround = engine.yearGround;
  const nScopes = scopes.length;
  for (let y = 1; y <= years; y++) {
    engine.year(y);
    events += engine.events;
    const checkpoint = y === nextCheckpoint || y === years;
    for (let s = 0; s < nScopes; s++) {
      const v = yearPaid[s];
      paid[s][y - 1] = v;
      oep[s][y - 1] = yearMax[s];
      const g = yearGround[s];
      const h = Math.floor(g / TWO_32);
      groundHi[s] += h;
      groundLo[s] += g - h * TWO_32;
      // Welford's running mean and M2, for the convergence panel only (the statistics are exact).
      const delta = v - runMean[s];
      runMean[s] += delta / y;
      runM2[s] += delta * (v - runMean[s]);
      if (checkpoint) {
        const sd = y > 1 ? Math.sqrt(runM2[s] / (y - 1)) : 0;
        convergence[s].push({ years: y, mean: runMean[s] / scale, se: sd / Math.sqrt(y) / scale });
      }
    }
    if (y === nextCheckpoint) nextCheckpoint = nextCheckpointAfter(y);
    if (options.onProgress && (y % every === 0 || y === years)) {
      if (options.onProgress(y, years) === false) return undefined;
    }
  }
  // Where placeOrderStatistics puts the values bucket by bucket (one array for every scope).
  const scratch = new Float64Array(years > SORT_MAX ? years : 0);
  return {
    hash: model.hash,
    engineVersion: ENGINE_VERSION,
    seed: options.seed,
    years,
    scopes: scopes.map((scope, s) => {
      if (!Number.isFinite(groundHi[s] + groundLo[s])) throw new SimulationLimit('overflow', 'ground-up loss');
      const ground = BigInt(groundHi[s]) * BigInt(TWO_32) + BigInt(groundLo[s]);
      return { scope, ...statsOf(paid[s], oep[s], events, ground, scale, scratch), convergence: convergence[s] };
    }),
  };
}

/** One row of the year loss table. Amounts in currency units (doubles of exact cents). */
export interface YearLossRow {
  readonly year: number;
  readonly events: number;
  readonly groundUp: number;
  /** Paid to each cover of the tree (its own rows), in the order of `model.covers`. */
  readonly paid: readonly number[];
  readonly total: number;
  /** The same amounts in integer units (exact; unitsText writes them as decimals). */
  readonly units: { readonly groundUp: number; readonly paid: readonly number[]; readonly total: number };
}

/** The year loss table of years from..to (1-based, inclusive), generated one year at a time. */
export function* yearLossTable(model: SimModel, seed: number, from: number, to: number): Generator<YearLossRow> {
  const engine = new YearEngine(model, seed >>> 0, [TOTAL]);
  engine.trackCovers = true;
  engine.lastYear = to;
  const scale = model.scale;
  for (let y = Math.max(1, from); y <= to; y++) {
    engine.year(y);
    const paid = Array.from(engine.coverPaid);
    yield {
      year: y,
      events: engine.events,
      groundUp: engine.yearGround[0] / scale,
      paid: paid.map((v) => v / scale),
      total: engine.yearPaid[0] / scale,
      units: { groundUp: engine.yearGround[0], paid, total: engine.yearPaid[0] },
    };
  }
}

/** One row of the events table in one event of one year. */
export interface SimDraw {
  /** Index of the row in model.rows. */
  readonly row: number;
  readonly coverId: string;
  readonly hit: boolean;
  /** The drawn loss rounded to the cent, in units (integer), or null when the row did not hit. */
  readonly amount: number | null;
  /** Paid by the fast settlement, in units (0 when the row did not hit). */
  readonly paid: number;
}

export interface SimEvent {
  /** 1-based index of the event in its year. */
  readonly index: number;
  readonly draws: readonly SimDraw[];
}

export interface SimYear {
  readonly year: number;
  readonly events: readonly SimEvent[];
}

/** Every event and draw of one year (independent of every other year). */
export function simulateYear(model: SimModel, seed: number, year: number): SimYear {
  const engine = new YearEngine(model, seed >>> 0, [TOTAL]);
  engine.recorded = [];
  engine.year(year);
  const events = engine.recorded.map((ev, e) => {
    const draws: SimDraw[] = model.rows.map((r, i) => {
      const j = ev.rows.indexOf(i);
      return { row: i, coverId: r.coverId, hit: j >= 0, amount: j >= 0 ? ev.amounts[j] : null, paid: j >= 0 ? ev.paid[j] : 0 };
    });
    return { index: e + 1, draws };
  });
  return { year, events };
}

/** An amount in units (a whole number below 2^53) as exact decimal text ("1000.02"); beyond, the nearest double's text. */
export function unitsText(units: number, scale: number): string {
  if (!Number.isSafeInteger(units)) return String(units / scale);
  let digits = 0;
  for (let s = scale; s > 1; s /= 10) digits++;
  const t = BigInt(units).toString().padStart(digits + 1, '0');
  if (digits === 0) return t;
  const whole = t.slice(0, t.length - digits);
  const frac = t.slice(t.length - digits).replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

/**
 * The CYBER.ALLOCATE claims table of one year: [event id, cover id, amount as exact decimal text],
 * one row per row that hit, events in order, rows in row order; event ids "E1", "E2", … by the
 * event's index in its year.
 */
export function claimsOfYear(model: SimModel, year: SimYear): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const ev of year.events) {
    for (const d of ev.draws) if (d.hit) out.push([`E${ev.index}`, d.coverId, unitsText(d.amount as number, model.scale)]);
  }
  return out;
}
