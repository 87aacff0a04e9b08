/**
 * The speed-of-light reference of `npm run bench`: the arithmetic of a few CYBER functions in
 * plain JavaScript numbers, with no validation, no exactness and no trace. It is not the engine
 * and must never become one (doubles round every step; the engine is exact). It only answers
 * "how far is the exact engine from the fastest code that computes roughly the same numbers?".
 *
 * Each reference takes the same raw arguments as `evaluate` (numbers, 2-D arrays for ranges, null
 * for a blank) and returns a number, or for ALLOCATE one number per claims row (null for the header).
 * `bench.js` checks that each agrees with the engine within PLAIN_TOLERANCE (relative) on the
 * bench inputs before it times anything.
 */

/** Largest relative difference accepted between the plain reference and the engine. */
const PLAIN_TOLERANCE = 1e-9;

const given = (v) => v !== null && v !== undefined && v !== '';

/** CPIC 第四十四条 32–33: T (profit year) or N (loss year), as in src/engine/ratios.ts. */
function ratios(revenue, expenses, maintenance, insuredMaintenance, profitInsured) {
  const profit = revenue - expenses;
  const profitPlusMaintenance = profit + maintenance;
  if (profit >= 0) {
    const margin = profitInsured === false ? insuredMaintenance : insuredMaintenance + profit;
    return { profitRate: margin / revenue, insuredRatio: margin / profitPlusMaintenance };
  }
  const n = maintenance === 0 ? 0 : (insuredMaintenance * profitPlusMaintenance) / maintenance;
  if (n <= 0) return { profitRate: 0, insuredRatio: 0 };
  const share = insuredMaintenance / maintenance;
  return { profitRate: share * (profitPlusMaintenance / revenue), insuredRatio: share * (profitPlusMaintenance / profitPlusMaintenance) };
}

function profitRate(revenue, expenses, maintenance, insuredMaintenance, profitInsured) {
  return ratios(revenue, expenses, maintenance, insuredMaintenance, profitInsured).profitRate;
}

function insuredRatio(revenue, expenses, maintenance, insuredMaintenance, profitInsured) {
  return ratios(revenue, expenses, maintenance, insuredMaintenance, profitInsured).insuredRatio;
}

function lostProfit(reduction, rate, saved) {
  return Math.max(0, reduction * rate - saved);
}

function biPayout(loss, deductible, sumInsured, limit, annualRevenue, rate, ratio, paidToDate) {
  const cap = Math.max(0, Math.min(sumInsured, limit) - (paidToDate || 0));
  const net = Math.max(0, loss - deductible);
  let scale = 1;
  if (given(annualRevenue) && given(rate)) {
    const insurable = annualRevenue * rate * (given(ratio) ? ratio : 1);
    if (sumInsured < insurable) scale = sumInsured / insurable;
  }
  return Math.min(cap, net * scale);
}

function layer(loss, attachment, limit, share) {
  return Math.min(Math.max(0, loss - attachment), limit) * (given(share) ? share : 1);
}

function crimePayout(loss, deductible, limit, special, specialLimit, legal) {
  const s = given(special) ? special : 0;
  const covered = loss - s + Math.min(s, given(specialLimit) ? specialLimit : 5000);
  return Math.min(limit, Math.max(0, covered - deductible)) + (given(legal) ? legal : 0);
}

/** HOURLYBI over a column of hourly losses (one value per row). */
function hourlyBi(losses, waiting, deductible, limit, maxHours) {
  const counted = Math.min(losses.length, given(maxHours) ? maxHours : 4320);
  const cut = Math.min(waiting, counted);
  let total = 0;
  let first = 0;
  for (let i = 0; i < counted; i++) {
    const v = losses[i][0] || 0;
    total += v;
    if (i < cut) first += v;
  }
  return Math.min(limit, Math.max(0, total - Math.max(deductible, first)));
}

/**
 * ALLOCATE: the same one pass as src/engine/limits.ts `settle` (events in order of first row,
 * the largest deductible once per event, per-event and aggregate limits along the cover's path
 * to the root), on doubles. Both tables may start with a header row (text in a number column).
 */
function allocate(claims, covers) {
  const coverStart = typeof covers[0][2] === 'string' || typeof covers[0][3] === 'string' || typeof covers[0][4] === 'string' ? 1 : 0;
  const byId = new Map();
  const nodes = [];
  for (let i = coverStart; i < covers.length; i++) {
    const [id, , perEvent, aggregate, deductible] = covers[i];
    byId.set(id, nodes.length);
    nodes.push({ perEvent: given(perEvent) ? perEvent : null, aggregate: given(aggregate) ? aggregate : null, deductible: deductible || 0, path: [] });
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let k = i; k >= 0; ) {
      nodes[i].path.push(k);
      const parent = covers[k + coverStart][1];
      k = given(parent) ? byId.get(parent) : -1;
    }
  }
  const claimStart = typeof claims[0][2] === 'string' ? 1 : 0;
  const events = new Map();
  for (let i = claimStart; i < claims.length; i++) {
    const event = given(claims[i][0]) ? claims[i][0] : `\u0000row${i}`;
    const list = events.get(event);
    if (list) list.push(i);
    else events.set(event, [i]);
  }
  const out = new Array(claims.length).fill(null);
  const aggregateLeft = nodes.map((n) => n.aggregate);
  const eventLeft = new Array(nodes.length).fill(null);
  const stamp = new Array(nodes.length).fill(-1);
  let eventNo = 0;
  for (const rows of events.values()) {
    eventNo++;
    let deductible = 0;
    for (const i of rows) deductible = Math.max(deductible, nodes[byId.get(claims[i][1])].deductible);
    for (const i of rows) {
      const cover = nodes[byId.get(claims[i][1])];
      const amount = claims[i][2] || 0;
      const taken = cover.deductible === 0 ? 0 : Math.min(deductible, amount);
      deductible -= taken;
      let pay = amount - taken;
      for (const k of cover.path) {
        if (stamp[k] !== eventNo) {
          stamp[k] = eventNo;
          eventLeft[k] = nodes[k].perEvent;
        }
        if (eventLeft[k] !== null && eventLeft[k] < pay) pay = eventLeft[k];
        if (aggregateLeft[k] !== null && aggregateLeft[k] < pay) pay = aggregateLeft[k];
      }
      pay = Math.max(0, pay);
      for (const k of cover.path) {
        if (eventLeft[k] !== null) eventLeft[k] -= pay;
        if (aggregateLeft[k] !== null) aggregateLeft[k] -= pay;
      }
      out[i] = pay;
    }
  }
  return out;
}

/** Catalogue name → plain reference taking the engine's raw arguments. */
const PLAIN = {
  PROFITRATE: (a) => profitRate(...a),
  INSUREDRATIO: (a) => insuredRatio(...a),
  LOSTPROFIT: (a) => lostProfit(...a),
  BIPAYOUT: (a) => biPayout(...a),
  LAYER: (a) => layer(...a),
  CRIMEPAYOUT: (a) => crimePayout(...a),
  HOURLYBI: (a) => hourlyBi(...a),
  ALLOCATE: (a) => allocate(a[0], a[1]),
};

/** Relative difference of two results (numbers, or columns of numbers with nulls for headers). */
function relativeDifference(plain, engine) {
  if (Array.isArray(plain) || Array.isArray(engine)) {
    if (!Array.isArray(plain) || !Array.isArray(engine) || plain.length !== engine.length) return Infinity;
    let worst = 0;
    for (let i = 0; i < plain.length; i++) {
      const e = Array.isArray(engine[i]) ? engine[i][0] : engine[i];
      if (plain[i] === null) {
        if (typeof e === 'number') return Infinity;
        continue;
      }
      worst = Math.max(worst, relativeDifference(plain[i], e));
    }
    return worst;
  }
  if (typeof plain !== 'number' || typeof engine !== 'number' || !Number.isFinite(plain)) return Infinity;
  const scale = Math.max(Math.abs(plain), Math.abs(engine));
  return scale === 0 ? 0 : Math.abs(plain - engine) / scale;
}

module.exports = { PLAIN, PLAIN_TOLERANCE, relativeDifference };
