/**
 * Limits, layers and deductibles — SAMSUNG 第二十四–二十八、三十二、三十三条; LMCIT's sublimits.
 *
 * A policy is a tree of covers. A child's limits are part of, not in addition to, its ancestors'
 * (catalogue v2 section 5): every amount paid under a cover uses up the aggregate of each
 * ancestor, and the policy's limits (SAMSUNG 第二十四条). How far up it also uses per-claim/event
 * limits is each cover's nesting:
 * - "aggregate": SAMSUNG 第二十五条 (四) and 第二十六条 (三)–(五)、(七) make a sub-limit's
 *   累计责任限额 "是……保障累计责任限额的一部分，不额外增加后者的责任限额" — part of the parent's
 *   AGGREGATE only; nothing in them puts a PCI claim inside 监管调查诉讼's 每次索赔 limit;
 * - "all" (the default, and every cover of a 5-column table): LMCIT's liability summary, "每次事故的
 *   标准限额为200万美元" over the $3M breach aggregate and its $250,000 PCI sublimit ("part of and
 *   not in addition to"), so a PCI payment also uses the $2M per occurrence.
 * A payment counts against an ancestor's per-claim/event limit only when every cover from the paid
 * one up to, not including, that ancestor nests "all". One event pays one deductible, the largest
 * of its covers' (第二十八条). Settlement is one pass over the claims, each row touching only its
 * cover's path to the root: linear in the number of claims.
 */
import { SAMSUNG } from './articles';
import { compare, type Decimal, dmin, positivePart, ZERO } from './decimal';
import { fail } from './errors';
import { amount, type FunctionDefinition, ratio, type Table, table, type TableParam, text } from './specs';
import type { Tracer } from './trace';

/** How a cover's payments count against its parent's limits (catalogue v2 section 5). */
export type Nesting = 'all' | 'aggregate';

export interface CoverNode {
  readonly id: string;
  readonly parent: number; // index of the parent, −1 at the top
  readonly perEvent: Decimal | null;
  readonly aggregate: Decimal | null;
  readonly deductible: Decimal;
  /** "all": inside the parent's per-claim/event and aggregate limits; "aggregate": its aggregate only. */
  readonly nesting: Nesting;
  /** This cover and its ancestors, nearest first. */
  readonly path: readonly number[];
  /**
   * How many covers of `path`, from the start, have their per-claim/event limit used by a payment
   * to this cover: up to and including the first cover that nests "aggregate" (the cover itself
   * always); the whole path when every cover on it nests "all". Every aggregate of the path is used.
   */
  readonly eventReach: number;
}

export interface CoverTree {
  readonly nodes: readonly CoverNode[];
  readonly byId: ReadonlyMap<string, number>;
}

/** Builds and checks the covers tree: unique ids, known parents, no cycles. */
export function buildCoverTree(covers: Table, argument = 'covers'): CoverTree {
  const byId = new Map<string, number>();
  const raw = covers.rows.map((r) => ({ row: r.index + 1, cells: r.cells }));
  raw.forEach((r, i) => {
    const id = r.cells[0] as string | null;
    if (id === null) fail('coverIdMissing', argument, { row: r.row });
    if (byId.has(id)) fail('duplicateCoverId', argument, { row: r.row, id });
    byId.set(id, i);
  });
  const parents = raw.map((r) => {
    const p = r.cells[1] as string | null;
    if (p === null) return -1;
    const j = byId.get(p);
    if (j === undefined) fail('unknownParent', argument, { row: r.row, id: p });
    return j;
  });
  // Walk each cover up to the root; meeting a cover already on the walk is a cycle.
  const paths: number[][] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const path: number[] = [];
    const seen = new Set<number>();
    for (let k = i; k >= 0; k = parents[k]) {
      if (seen.has(k)) fail('parentCycle', argument, { id: raw[i].cells[0] as string });
      seen.add(k);
      path.push(k);
    }
    paths[i] = path;
  }
  // A 5-column table has no nesting cells: every cover nests "all" (catalogue v2 section 5).
  const nestings = raw.map((r) => ((r.cells[5] as Nesting | null | undefined) ?? 'all'));
  const nodes = raw.map((r, i) => {
    const path = paths[i];
    const stop = path.findIndex((k) => nestings[k] === 'aggregate');
    return {
      id: r.cells[0] as string,
      parent: parents[i],
      perEvent: r.cells[2] as Decimal | null,
      aggregate: r.cells[3] as Decimal | null,
      deductible: (r.cells[4] as Decimal | null) ?? ZERO,
      nesting: nestings[i],
      path,
      eventReach: stop < 0 ? path.length : stop + 1,
    };
  });
  return { nodes, byId };
}

export interface ClaimRow {
  readonly index: number; // row in the range as given
  readonly event: string;
  readonly cover: number;
  readonly amount: Decimal;
}

export interface Settlement {
  /** Payable per claim row, in the order of `claims`. */
  readonly payable: readonly Decimal[];
  /** Deductible retained per claim row. */
  readonly retained: readonly Decimal[];
  /** Aggregate remaining per cover (null = no aggregate on the cover itself). */
  readonly aggregateRemaining: ReadonlyArray<Decimal | null>;
  readonly policyAggregateRemaining: Decimal | null;
}

export interface PolicyLimits {
  readonly aggregate: Decimal | null;
  readonly perEvent: Decimal | null;
}

/** Reads the claims table against the tree. Blank event ids make a row its own event. */
export function readClaims(claims: Table, tree: CoverTree, argument = 'claims'): ClaimRow[] {
  return claims.rows.map((r) => {
    const cover = r.cells[1] as string | null;
    if (cover === null) fail('claimCoverMissing', argument, { row: r.index + 1 });
    const k = tree.byId.get(cover);
    if (k === undefined) fail('unknownCover', argument, { row: r.index + 1, id: cover });
    const event = (r.cells[0] as string | null) ?? `\u0000row${r.index}`;
    return { index: r.index, event, cover: k, amount: r.cells[2] as Decimal };
  });
}

/**
 * Settles claims event by event, in order of each event's first row (SAMSUNG 第三十二、三十三条:
 * related claims are one claim/event).
 */
export function settle(claims: readonly ClaimRow[], tree: CoverTree, policy: PolicyLimits, t: Tracer): Settlement {
  const n = tree.nodes.length;
  const aggregateRemaining: Array<Decimal | null> = tree.nodes.map((c) => c.aggregate);
  const eventRemaining: Array<Decimal | null> = new Array(n).fill(null);
  const eventStamp: number[] = new Array(n).fill(-1);
  let policyAggregate = policy.aggregate;

  // Group rows by event, events in order of first appearance, rows in row order.
  const events = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const list = events.get(c.event);
    if (list) list.push(i);
    else events.set(c.event, [i]);
  });

  const payable: Decimal[] = new Array(claims.length).fill(ZERO);
  const retained: Decimal[] = new Array(claims.length).fill(ZERO);
  let eventNo = 0;
  let totalClaimed = ZERO;
  let totalRetained = ZERO;
  let totalPaid = ZERO;
  for (const rows of events.values()) {
    eventNo++;
    // 第二十八条: one deductible per event, the largest among its covers.
    let deductible = ZERO;
    for (const i of rows) {
      const d = tree.nodes[claims[i].cover].deductible;
      if (compare(d, deductible) > 0) deductible = d;
    }
    let policyEvent = policy.perEvent;
    for (const i of rows) {
      const claim = claims[i];
      const cover = tree.nodes[claim.cover];
      // A cover without a deductible (报酬支付, 第三十条) never bears another cover's.
      const taken = cover.deductible.isZero() ? ZERO : dmin(deductible, claim.amount);
      // Nothing left to retain (every row of an event after its deductible is used up): the
      // subtraction would only copy the zero.
      if (!taken.isZero()) deductible = deductible.minus(taken);
      retained[i] = taken;
      let pay = taken.isZero() ? claim.amount : claim.amount.minus(taken);
      // Comparisons by `compare`, which does not copy its operand as Decimal#lt does: four
      // levels of covers made up to ten copies per claim, most of ALLOCATE's garbage.
      // The per-event limits of path[0 .. reach) constrain the row; every aggregate of the path does.
      const path = cover.path;
      const reach = cover.eventReach;
      for (let p = 0; p < path.length; p++) {
        const k = path[p];
        if (p < reach) {
          if (eventStamp[k] !== eventNo) {
            eventStamp[k] = eventNo;
            eventRemaining[k] = tree.nodes[k].perEvent;
          }
          const e = eventRemaining[k];
          if (e !== null && compare(e, pay) < 0) pay = e;
        }
        const g = aggregateRemaining[k];
        if (g !== null && compare(g, pay) < 0) pay = g;
      }
      if (policyEvent !== null && compare(policyEvent, pay) < 0) pay = policyEvent;
      if (policyAggregate !== null && compare(policyAggregate, pay) < 0) pay = policyAggregate;
      pay = positivePart(pay);
      // Nothing paid (the usual case once an aggregate is used up): every remaining limit on the
      // path stays the same value, so it is kept as it is instead of replaced by a copy of itself
      // (x − 0 is x exactly: every remaining value has at most 40 digits, so minus rounds nothing).
      // Only the counters that constrained the row are reduced: an ancestor's per-event limit
      // beyond the reach is not this payment's (its stamp may even be another event's).
      if (!pay.isZero()) {
        for (let p = 0; p < path.length; p++) {
          const k = path[p];
          if (p < reach) {
            const e = eventRemaining[k];
            if (e !== null) eventRemaining[k] = e.minus(pay);
          }
          const g = aggregateRemaining[k];
          if (g !== null) aggregateRemaining[k] = g.minus(pay);
        }
        if (policyEvent !== null) policyEvent = policyEvent.minus(pay);
        if (policyAggregate !== null) policyAggregate = policyAggregate.minus(pay);
      }
      payable[i] = pay;
      if (t.enabled) {
        totalClaimed = totalClaimed.plus(claim.amount);
        totalRetained = totalRetained.plus(taken);
        totalPaid = totalPaid.plus(pay);
      }
    }
  }
  if (t.enabled) {
    t.step({ en: 'Claimed (loss + defence costs)', zh: '索赔金额（损失 + 抗辩费用）' }, totalClaimed, SAMSUNG.relatedClaims);
    t.step({ en: 'Retained by deductibles (largest per event)', zh: '免赔额自留（每次事件取最大免赔额）' }, totalRetained, SAMSUNG.largestDeductible);
    t.step({ en: 'Paid within the limits', zh: '限额内赔付' }, totalPaid, SAMSUNG.sublimitsFirstParty);
    t.step({ en: 'Above the limits', zh: '超出限额部分' }, totalClaimed.minus(totalRetained).minus(totalPaid), SAMSUNG.policyAggregate);
  }
  return { payable, retained, aggregateRemaining, policyAggregateRemaining: policyAggregate };
}

/** min(max(0, loss − attachment), limit) × share — OasisLMF's layer calc rule. */
export function layer(loss: Decimal, attachment: Decimal, limit: Decimal, share: Decimal, t: Tracer): Decimal {
  const above = positivePart(loss.minus(attachment));
  t.step({ en: 'Loss above the attachment', zh: '超过起赔点的损失' }, above, SAMSUNG.deductibles);
  const inLayer = dmin(above, limit);
  t.step({ en: 'Within the layer limit', zh: '层限额内' }, inLayer, SAMSUNG.sublimitsFirstParty);
  const result = inLayer.times(share);
  t.step({ en: '× share', zh: '× 份额' }, result, SAMSUNG.sublimitsFirstParty);
  return result;
}

// ---- catalogue entries (section 5: LAYER, ALLOCATE, REMAINING) -----------------------------

export const CLAIMS_TABLE: TableParam = table('claims', {
  minRows: 0,
  columns: [
    { key: 'event', kind: 'text', label: { en: 'event id', zh: '事件编号' } },
    { key: 'cover', kind: 'text', label: { en: 'cover id', zh: '保障编号' } },
    { key: 'amount', kind: 'amount', label: { en: 'amount', zh: '金额' } },
  ],
  label: { en: 'claims', zh: '索赔清单' },
  description: {
    en: 'Claims: 3 columns (event id, cover id, amount = loss + defence costs ≥ 0); rows with the same event id are one claim/event; an optional header row.',
    zh: '索赔清单：3 列（事件编号、保障编号、金额 = 损失 + 抗辩费用 ≥ 0）；事件编号相同的行视为同一索赔/事件；可带一行标题。',
  },
});

export const COVERS_TABLE: TableParam = table('covers', {
  columns: [
    { key: 'id', kind: 'text', label: { en: 'cover id', zh: '保障编号' } },
    { key: 'parent', kind: 'text', label: { en: 'parent id', zh: '上级保障编号' } },
    { key: 'perEvent', kind: 'amount', blank: 'none', label: { en: 'per-claim/event limit', zh: '每次索赔/事件限额' } },
    { key: 'aggregate', kind: 'amount', blank: 'none', label: { en: 'aggregate limit', zh: '累计限额' } },
    { key: 'deductible', kind: 'amount', label: { en: 'deductible', zh: '免赔额' } },
    // Catalogue v2 section 5: an optional 6th column; a 5-column table nests "all" everywhere.
    { key: 'nesting', kind: 'option', options: ['all', 'aggregate'], default: 'all', optional: true, label: { en: 'nesting', zh: '嵌套方式' } },
  ],
  label: { en: 'covers', zh: '保障项目' },
  description: {
    en: 'Covers tree: 5 or 6 columns (cover id, parent id or blank, per-claim/event limit or blank, aggregate limit or blank, deductible or blank = 0, optional nesting: blank or "all", or "aggregate"); a payment counts against every ancestor’s aggregate, and against an ancestor’s per-claim/event limit only when every cover below it on the path nests "all".',
    zh: '保障树：5 或 6 列（保障编号、上级编号或空白、每次索赔/事件限额或空白、累计限额或空白、免赔额或空白 = 0、可省略的嵌套方式：空白或 "all"，或 "aggregate"）；赔付总是计入每个上级的累计限额，只有当路径上该上级之下的每个保障均为 "all" 时才计入该上级的每次索赔/事件限额。',
  },
});

const policyAggregate = amount('policy_aggregate', {
  optional: true,
  label: { en: 'policy aggregate limit', zh: '保险单累计责任限额' },
  description: { en: 'Policy aggregate limit (保险单累计责任限额, 第二十四条); omit for none.', zh: '保险单累计责任限额（第二十四条）；省略则不设。' },
});
const policyPerClaim = amount('policy_per_claim', {
  optional: true,
  label: { en: 'policy per-claim limit', zh: '保险单每次索赔责任限额' },
  description: { en: 'Policy per-claim limit (保险单每次索赔责任限额, 第二十四条); omit for none.', zh: '保险单每次索赔责任限额（第二十四条）；省略则不设。' },
});

function settleArgs(a: { table(n: string): Table; optNum(n: string): Decimal | undefined }, t: Tracer) {
  const tree = buildCoverTree(a.table('covers'));
  const claimsTable = a.table('claims');
  const claims = readClaims(claimsTable, tree);
  const settlement = settle(claims, tree, { aggregate: a.optNum('policy_aggregate') ?? null, perEvent: a.optNum('policy_per_claim') ?? null }, t);
  return { tree, claimsTable, claims, settlement };
}

export const LIMIT_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'LAYER',
    section: 5,
    description: {
      en: 'Loss in a layer: min(max(0, loss − attachment), limit) × share.',
      zh: '层内损失：min(max(0, 损失 − 起赔点), 限额) × 份额。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.deductibles, SAMSUNG.sublimitsFirstParty],
    params: [
      amount('loss', { label: { en: 'loss', zh: '损失' }, description: { en: 'Ground-up loss; 0 or more.', zh: '从零起算的损失，不得为负数。' } }),
      amount('attachment', {
        label: { en: 'attachment', zh: '起赔点' },
        description: { en: 'Attachment point or deductible; 0 or more.', zh: '起赔点或免赔额，不得为负数。' },
      }),
      amount('limit', { label: { en: 'limit', zh: '限额' }, description: { en: 'Layer limit; 0 or more.', zh: '层限额，不得为负数。' } }),
      ratio('share', {
        optional: true,
        default: 1,
        label: { en: 'share', zh: '份额' },
        description: { en: 'Share of the layer, between 0 and 1 (default 1).', zh: '所占份额，0 到 1 之间（默认 1）。' },
      }),
    ],
    formula: '=MIN(MAX(0, loss - attachment), limit) * share',
    example: { formula: '=CYBER.LAYER(40, 15, 30)', result: '25' },
    run: (a, t) => layer(a.num('loss'), a.num('attachment'), a.num('limit'), a.num('share'), t),
  },
  {
    name: 'ALLOCATE',
    section: 5,
    description: {
      en: 'Settles a list of claims against a tree of covers: one payable amount per claims row (spills down), the largest deductible once per event, sublimits inside their parents’ limits (nesting "all") or inside their aggregates only (nesting "aggregate"), policy limits. SAMSUNG 第二十四–二十八、三十二、三十三条.',
      zh: '按保障树理算索赔清单：每行索赔返回一个应付金额（向下溢出）；每次事件只适用最大的一项免赔额；子限额包含在上级限额之内（嵌套方式 "all"）或仅包含在上级累计限额之内（"aggregate"）；适用保险单限额。三星 第二十四至二十八、三十二、三十三条。',
    },
    resultKind: 'column',
    articles: [SAMSUNG.policyAggregate, SAMSUNG.sublimitsLiability, SAMSUNG.sublimitsFirstParty, SAMSUNG.largestDeductible, SAMSUNG.noDeductibleReward, SAMSUNG.relatedClaims],
    params: [CLAIMS_TABLE, COVERS_TABLE, policyAggregate, policyPerClaim],
    formula: '(no closed form: a pass over the claims keeping per-event and aggregate counters for each cover and its ancestors, per-event ones up to the first cover that nests "aggregate")',
    example: { formula: '=CYBER.ALLOCATE({"E1","BI",500;"E1","CBI",300}, {"BI","",600,1000,100;"CBI","BI","",400,50})', result: '{400;200}' },
    run: (a, t) => {
      const { claimsTable, claims, settlement } = settleArgs(a, t);
      const out: Array<[Decimal | string]> = new Array(claimsTable.height);
      for (let i = 0; i < claimsTable.height; i++) out[i] = [''];
      if (claimsTable.headerSkipped) out[0] = ['payable'];
      claims.forEach((c, i) => (out[c.index] = [settlement.payable[i]]));
      return out;
    },
  },
  {
    name: 'REMAINING',
    section: 5,
    description: {
      en: 'Aggregate still available to a cover after CYBER.ALLOCATE has settled all claims: the least of its own, its ancestors’ and the policy’s remaining aggregate, or "unlimited".',
      zh: 'CYBER.ALLOCATE 理算全部索赔后某保障仍可用的累计限额：其自身、各上级及保险单剩余累计限额中的最小者；均未设限时返回 "unlimited"。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.policyAggregate, SAMSUNG.sublimitsFirstParty],
    params: [
      CLAIMS_TABLE,
      COVERS_TABLE,
      text('cover', {
        label: { en: 'cover id', zh: '保障编号' },
        description: { en: 'Id of the cover whose remaining aggregate is wanted.', zh: '要查询剩余累计限额的保障编号。' },
      }),
      policyAggregate,
      policyPerClaim,
    ],
    formula: '=MIN(remaining aggregate of cover, of each ancestor, of the policy)',
    example: { formula: '=CYBER.REMAINING({"E1","BI",500;"E1","CBI",300}, {"BI","",600,1000,100;"CBI","BI","",400,50}, "CBI")', result: '200' },
    run: (a, t) => {
      const { tree, settlement } = settleArgs(a, t);
      const id = a.text('cover');
      const k = tree.byId.get(id);
      if (k === undefined) fail('unknownCoverArgument', 'cover', { id });
      let remaining: Decimal | null = settlement.policyAggregateRemaining;
      for (const j of tree.nodes[k].path) {
        const r = settlement.aggregateRemaining[j];
        if (r !== null && (remaining === null || r.lt(remaining))) remaining = r;
      }
      if (remaining === null) {
        t.step({ en: 'No aggregate applies on this cover’s path', zh: '该保障路径上均未设累计限额' }, 'unlimited', SAMSUNG.policyAggregate);
        return 'unlimited';
      }
      t.step({ en: 'Least remaining aggregate on the path', zh: '路径上最小的剩余累计限额' }, remaining, SAMSUNG.policyAggregate);
      return remaining;
    },
  },
];
