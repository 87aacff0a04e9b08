/**
 * The limits view's data: after CYBER.ALLOCATE has settled a claims list, how much of each
 * cover's per-event and aggregate limits was used and what remains — the same settlement the
 * function computes (SAMSUNG 第二十四–二十八条), reported per cover for the task pane's tree.
 * The counters are the settlement's, nesting included (catalogue v2 section 5): a payment uses the
 * aggregate of every ancestor, but an ancestor's per-event limit only through covers nesting "all".
 */
import { coerceArgument, firstErrorValue, PropagatedError } from './coerce';
import { Dec, type Decimal, ZERO } from './decimal';
import { type EngineError, InputFailure, makeError } from './errors';
import { buildCoverTree, CLAIMS_TABLE, COVERS_TABLE, type Nesting, readClaims, settle } from './limits';
import type { Table } from './specs';
import { NO_TRACE } from './trace';
import type { RawArgument } from './values';

export interface CoverUsage {
  readonly id: string;
  readonly parent: string | null;
  readonly depth: number;
  /** Limits as given (null = none). */
  readonly perEventLimit: number | null;
  readonly aggregateLimit: number | null;
  readonly deductible: number;
  /** How the cover's payments count against its parent's limits ("all" for a 5-column table). */
  readonly nesting: Nesting;
  /** Paid under this cover and its descendants, all events: what its aggregate counted. */
  readonly paid: number;
  /**
   * The most its per-event limit counted in any one event: paid under this cover and under the
   * descendants that reach it through nesting "all" (a sub-limit nesting "aggregate", e.g. SAMSUNG
   * 第二十五条 (四) PCI under 监管调查诉讼, uses its parent's aggregate but not its per-claim limit).
   */
  readonly largestEvent: number;
  /** This cover's own aggregate left (null = no aggregate on the cover itself). */
  readonly aggregateRemaining: number | null;
  /** What the cover can still pay: least remaining aggregate on its path and the policy's. */
  readonly available: number | null;
}

export type LimitsReport =
  | {
      readonly ok: true;
      readonly covers: readonly CoverUsage[];
      readonly policy: { readonly aggregateLimit: number | null; readonly aggregateRemaining: number | null; readonly paid: number };
    }
  | { readonly ok: false; readonly error: EngineError };

const n = (d: Decimal) => d.toNumber();

export function limitsReport(
  claims: RawArgument,
  covers: RawArgument,
  policyAggregate: RawArgument = null,
  policyPerClaim: RawArgument = null,
): LimitsReport {
  const fn = 'CYBER.ALLOCATE';
  const propagated = firstErrorValue([claims, covers, policyAggregate, policyPerClaim]);
  if (propagated) {
    const text = propagated.message || propagated.error;
    return { ok: false, error: { code: propagated.error, rule: 'propagated', message: { en: text, zh: text } } };
  }
  try {
    const claimsTable = coerceArgument(claims, CLAIMS_TABLE) as Table;
    const coversTable = coerceArgument(covers, COVERS_TABLE) as Table;
    const num = (v: RawArgument): Decimal | null => (v === null || v === '' || v === undefined ? null : new Dec(v as number));
    const tree = buildCoverTree(coversTable);
    const rows = readClaims(claimsTable, tree);
    const policy = { aggregate: num(policyAggregate), perEvent: num(policyPerClaim) };
    const s = settle(rows, tree, policy, NO_TRACE);

    const paid: Decimal[] = tree.nodes.map(() => ZERO);
    const largest: Decimal[] = tree.nodes.map(() => ZERO);
    const perEvent = new Map<string, Decimal[]>();
    let total = ZERO;
    rows.forEach((row, i) => {
      const pay = s.payable[i];
      total = total.plus(pay);
      let byCover = perEvent.get(row.event);
      if (!byCover) perEvent.set(row.event, (byCover = tree.nodes.map(() => ZERO)));
      const { path, eventReach } = tree.nodes[row.cover];
      path.forEach((k, p) => {
        paid[k] = paid[k].plus(pay);
        if (p < eventReach) byCover[k] = byCover[k].plus(pay);
      });
    });
    for (const byCover of perEvent.values()) byCover.forEach((v, k) => (largest[k] = v.gt(largest[k]) ? v : largest[k]));

    const usages = tree.nodes.map((c, k) => {
      let available = s.policyAggregateRemaining;
      for (const j of c.path) {
        const r = s.aggregateRemaining[j];
        if (r !== null && (available === null || r.lt(available))) available = r;
      }
      const own = s.aggregateRemaining[k];
      return {
        id: c.id,
        parent: c.parent >= 0 ? tree.nodes[c.parent].id : null,
        depth: c.path.length - 1,
        perEventLimit: c.perEvent === null ? null : n(c.perEvent),
        aggregateLimit: c.aggregate === null ? null : n(c.aggregate),
        deductible: n(c.deductible),
        nesting: c.nesting,
        paid: n(paid[k]),
        largestEvent: n(largest[k]),
        aggregateRemaining: own === null ? null : n(own),
        available: available === null ? null : n(available),
      };
    });
    return {
      ok: true,
      covers: usages,
      policy: {
        aggregateLimit: policy.aggregate === null ? null : n(policy.aggregate),
        aggregateRemaining: s.policyAggregateRemaining === null ? null : n(s.policyAggregateRemaining),
        paid: n(total),
      },
    };
  } catch (e) {
    if (e instanceof InputFailure) {
      const spec = [CLAIMS_TABLE, COVERS_TABLE].find((p) => p.name === e.argument);
      return { ok: false, error: makeError(e.key, fn, spec ? { name: spec.name, zh: spec.label.zh } : undefined, e.params) };
    }
    if (e instanceof PropagatedError) {
      const text = e.value.message || e.value.error;
      return { ok: false, error: { code: e.value.error, rule: 'propagated', message: { en: text, zh: text } } };
    }
    throw e;
  }
}
