#!/usr/bin/env node
/**
 * The section-10 part of `npm run bench`: calls per second of every closed-form function of
 * catalogue section 10 (DIST, CDF, QUANTILE, LEV, LAYERLOSS, ILF, TVAR, OEP, OEPLOSS) for every
 * severity family, through the engine (`evaluate`: parse the distribution text, validate, compute
 * with @stdlib's special functions, convert), beside a plain-JavaScript reference: the textbook
 * formulas (Klugman, Panjer & Willmot, Loss Models, appendix A) in plain `Math`, with the simple
 * special functions of Numerical Recipes (erfc by its Chebyshev fit, good to 1.2e-7; Acklam's
 * normal quantile; Lanczos log-gamma; the incomplete gamma by series and continued fraction; the
 * incomplete beta by its continued fraction; their inverses by safeguarded Newton steps).
 *
 * The reference is the speed of light, not a second engine: it is less accurate in the tails
 * (that is what the engine's library is for) and does no validation. Before timing, each reference
 * must agree with the engine on the bench inputs within REFERENCE_TOLERANCE, so both sides compute
 * the same thing.
 *
 *   node scripts/bench-distributions.js [--quick]   (needs lib/: npm run build:cli)
 *
 * bench.js calls benchDistributions({ quick, evaluate, progress }) and prints its rows as a section.
 */

/** Largest relative difference accepted between reference and engine (absolute below 1e-3). */
const REFERENCE_TOLERANCE = 1e-6;

// ---- plain special functions -----------------------------------------------------------------

/** erfc, Numerical Recipes' erfcc (fractional error < 1.2e-7 everywhere). */
function erfc(x) {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
const phi = (z) => 0.5 * erfc(-z / Math.SQRT2);
const phiC = (z) => 0.5 * erfc(z / Math.SQRT2);

/** Φ⁻¹(p), Acklam's rational approximation (relative error 1.15e-9). */
function phiInv(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** ln Γ(x), Lanczos (Numerical Recipes' gammln). */
function lgamma(x) {
  const cof = [76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const c of cof) ser += c / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** P(a, x) and Q(a, x): series below a + 1, continued fraction above (Numerical Recipes). */
function gammaPQ(a, x) {
  if (x <= 0) return [0, 1];
  const lnPre = -x + a * Math.log(x) - lgamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 1000; n++) {
      del *= x / ++ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    const p = sum * Math.exp(lnPre);
    return [p, 1 - p];
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  const q = Math.exp(lnPre) * h;
  return [1 - q, q];
}
const gammaP = (a, x) => gammaPQ(a, x)[0];
const gammaQ = (a, x) => gammaPQ(a, x)[1];

/** The x with P(a, x) = p: Newton steps from the Wilson–Hilferty guess, kept inside a bracket. */
function gammaPInv(a, p) {
  const z = phiInv(p);
  let x = Math.max(1e-8, a * (1 - 1 / (9 * a) + z / (3 * Math.sqrt(a))) ** 3);
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 100; i++) {
    const f = gammaP(a, x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const dens = Math.exp((a - 1) * Math.log(x) - x - lgamma(a));
    let next = x - f / dens;
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * x : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next;
  }
  return x;
}

/** I_x(a, b), Numerical Recipes' betai with its continued fraction. */
function betaI(a, b, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const cf = (a, b, x) => {
    const qab = a + b;
    const qap = a + 1;
    const qam = a - 1;
    let c = 1;
    let d = 1 - (qab * x) / qap;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    d = 1 / d;
    let h = d;
    for (let m = 1; m < 1000; m++) {
      const m2 = 2 * m;
      let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      h *= d * c;
      aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      const del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  };
  return x < (a + 1) / (a + b + 2) ? (front * cf(a, b, x)) / a : 1 - (front * cf(b, a, 1 - x)) / b;
}

/** The x with I_x(a, b) = p: Newton steps kept inside a bisection bracket. */
function betaIInv(a, b, p) {
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  const lnB = lgamma(a) + lgamma(b) - lgamma(a + b);
  for (let i = 0; i < 200; i++) {
    const f = betaI(a, b, x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const dens = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB);
    let next = x - f / dens;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15) return next;
    x = next;
  }
  return x;
}

// ---- the families, as the textbook writes them --------------------------------------------------

function family(text) {
  const m = /^\s*([a-z0-9]+)\s*\(([^)]*)\)\s*$/i.exec(text);
  const name = m[1].toLowerCase();
  const p = m[2].split(',').map(Number);
  return FAMILY[name](p);
}

const FAMILY = {
  lognormal: ([mu, s]) => {
    const z = (x) => (Math.log(x) - mu) / s;
    const mk = (k) => Math.exp(k * mu + (k * k * s * s) / 2);
    return {
      cdf: (x) => (x <= 0 ? 0 : phi(z(x))),
      sf: (x) => (x <= 0 ? 1 : phiC(z(x))),
      quantile: (p) => Math.exp(mu + s * phiInv(p)),
      moment: mk,
      lev: (u, k) => mk(k) * phi(z(u) - k * s) + u ** k * phiC(z(u)),
    };
  },
  lomax: ([a, t]) => {
    const r = (u) => t / (u + t);
    return {
      cdf: (x) => 1 - r(x) ** a,
      sf: (x) => r(x) ** a,
      quantile: (p) => t * ((1 - p) ** (-1 / a) - 1),
      moment: (k) => (k === 1 ? t / (a - 1) : (2 * t * t) / ((a - 1) * (a - 2))),
      lev: (u, k) => (k === 1 ? (t / (a - 1)) * (1 - r(u) ** (a - 1)) : 2 * t * t * ((1 - r(u) ** (a - 2)) / (a - 2) - (1 - r(u) ** (a - 1)) / (a - 1))),
    };
  },
  pareto1: ([a, t]) => ({
    cdf: (x) => (x <= t ? 0 : 1 - (t / x) ** a),
    sf: (x) => (x <= t ? 1 : (t / x) ** a),
    quantile: (p) => t * (1 - p) ** (-1 / a),
    moment: (k) => (a * t ** k) / (a - k),
    lev: (u, k) => (u <= t ? u ** k : (a * t ** k) / (a - k) - (k * t ** a) / ((a - k) * u ** (a - k))),
  }),
  gamma: ([a, t]) => {
    const mk = (k) => (k === 1 ? a * t : a * (a + 1) * t * t);
    return {
      cdf: (x) => gammaP(a, x / t),
      sf: (x) => gammaQ(a, x / t),
      quantile: (p) => t * gammaPInv(a, p),
      moment: mk,
      lev: (u, k) => mk(k) * gammaP(a + k, u / t) + u ** k * gammaQ(a, u / t),
    };
  },
  weibull: ([tau, t]) => {
    const mk = (k) => t ** k * Math.exp(lgamma(1 + k / tau));
    return {
      cdf: (x) => 1 - Math.exp(-((x / t) ** tau)),
      sf: (x) => Math.exp(-((x / t) ** tau)),
      quantile: (p) => t * (-Math.log(1 - p)) ** (1 / tau),
      moment: mk,
      lev: (u, k) => mk(k) * gammaP(1 + k / tau, (u / t) ** tau) + u ** k * Math.exp(-((u / t) ** tau)),
    };
  },
  exponential: ([t]) => ({
    cdf: (x) => 1 - Math.exp(-x / t),
    sf: (x) => Math.exp(-x / t),
    quantile: (p) => -t * Math.log(1 - p),
    moment: (k) => (k === 1 ? t : 2 * t * t),
    lev: (u, k) => {
      const e = Math.exp(-u / t);
      const y = u / t;
      return k === 1 ? t * (1 - e) : 2 * t * t * (1 - e * (1 + y + (y * y) / 2)) + u * u * e;
    },
  }),
  pert: ([min, mode, max, lambda = 4]) => {
    const w = max - min;
    const a1 = 1 + (lambda * (mode - min)) / w;
    const a2 = 1 + (lambda * (max - mode)) / w;
    const ey = a1 / (a1 + a2);
    const ey2 = (a1 * (a1 + 1)) / ((a1 + a2) * (a1 + a2 + 1));
    const v = (x) => (x - min) / w;
    const mk = (k) => (k === 1 ? min + w * ey : min * min + 2 * min * w * ey + w * w * ey2);
    return {
      cdf: (x) => betaI(a1, a2, v(x)),
      sf: (x) => 1 - betaI(a1, a2, v(x)),
      quantile: (p) => min + w * betaIInv(a1, a2, p),
      moment: mk,
      lev: (u, k) => {
        if (u <= min) return u ** k;
        if (u >= max) return mk(k);
        const t = v(u);
        const tail = 1 - betaI(a1, a2, t);
        const l1 = ey * betaI(a1 + 1, a2, t) + t * tail;
        return k === 1 ? min + w * l1 : min * min + 2 * min * w * l1 + w * w * (ey2 * betaI(a1 + 2, a2, t) + t * t * tail);
      },
    };
  },
  constant: ([c]) => ({
    cdf: (x) => (x >= c ? 1 : 0),
    sf: (x) => (x < c ? 1 : 0),
    quantile: () => c,
    moment: (k) => c ** k,
    lev: (u, k) => Math.min(u, c) ** k,
  }),
};

const poissonLambda = (text) => Number(/poisson\(([^)]*)\)/i.exec(text)[1]);

/** The plain references, taking the raw arguments `evaluate` takes. */
const REFERENCE = {
  DIST: ([fam, a, b, form]) => {
    let p;
    if (form === 'ci90') p = [(Math.log(a) + Math.log(b)) / 2, (Math.log(b) - Math.log(a)) / (2 * 1.6448536269514722)];
    else if (form === 'meancv' && fam === 'lognormal') {
      const s = Math.sqrt(Math.log(1 + b * b));
      p = [Math.log(a) - (s * s) / 2, s];
    } else if (form === 'meancv' && fam === 'gamma') p = [1 / (b * b), a * (b * b)];
    else if (form === 'meancv') {
      const alpha = (2 * b * b) / (b * b - 1);
      p = [alpha, a * (alpha - 1)];
    } else p = [a, b];
    return `${fam}(${p.join(',')})`;
  },
  CDF: ([d, x]) => family(d).cdf(x),
  QUANTILE: ([d, p]) => family(d).quantile(p),
  LEV: ([d, u, k = 1]) => family(d).lev(u, k),
  LAYERLOSS: ([d, a, l, share = 1, stat = 'mean']) => {
    const f = family(d);
    const b = a + l;
    const band = f.lev(b, 1) - f.lev(a, 1);
    if (stat === 'mean') return share * band;
    return share * Math.sqrt(f.lev(b, 2) - f.lev(a, 2) - 2 * a * band - band * band);
  },
  ILF: ([d, limit, base]) => {
    const f = family(d);
    return f.lev(limit, 1) / f.lev(base, 1);
  },
  TVAR: ([d, p]) => {
    const f = family(d);
    const v = f.quantile(p);
    return v + (f.moment(1) - f.lev(v, 1)) / (1 - p);
  },
  OEP: ([n, d, x]) => 1 - Math.exp(-poissonLambda(n) * family(d).sf(x)),
  OEPLOSS: ([n, d, T]) => family(d).quantile(1 + Math.log(1 - 1 / T) / poissonLambda(n)),
};

// ---- the cases ----------------------------------------------------------------------------------

/** One severity of each family, of a cyber loss's size. */
const SEVERITIES = {
  lognormal: 'lognormal(12,2)',
  lomax: 'lomax(3,200000)',
  pareto1: 'pareto1(3,50000)',
  gamma: 'gamma(2,50000)',
  weibull: 'weibull(0.7,100000)',
  exponential: 'exponential(100000)',
  pert: 'pert(0,50000,1000000)',
  constant: 'constant(250000)',
};

/** The calls timed: every function for every family (DIST for the forms it has). */
function cases() {
  const out = [
    { fn: 'DIST', label: 'lognormal ci90', args: ['lognormal', 100000, 1000000, 'ci90'] },
    { fn: 'DIST', label: 'lognormal meancv', args: ['lognormal', 400000, 1.5, 'meancv'] },
    { fn: 'DIST', label: 'gamma meancv', args: ['gamma', 400000, 0.8, 'meancv'] },
    { fn: 'DIST', label: 'lomax meancv', args: ['lomax', 400000, 2, 'meancv'] },
    { fn: 'DIST', label: 'weibull params', args: ['weibull', 0.7, 100000, 'params'] },
  ];
  for (const [fam, d] of Object.entries(SEVERITIES)) {
    out.push(
      { fn: 'CDF', label: fam, args: [d, 150000] },
      { fn: 'QUANTILE', label: fam, args: [d, 0.99] },
      { fn: 'LEV', label: fam, args: [d, 500000] },
      { fn: 'LEV', label: `${fam} k=2`, args: [d, 500000, 2] },
      { fn: 'LAYERLOSS', label: `${fam} mean`, args: [d, 100000, 400000, 1, 'mean'] },
      { fn: 'LAYERLOSS', label: `${fam} sd`, args: [d, 100000, 400000, 1, 'sd'] },
      { fn: 'ILF', label: fam, args: [d, 1000000, 250000] },
      { fn: 'TVAR', label: fam, args: [d, 0.99] },
      { fn: 'OEP', label: `poisson(2) ${fam}`, args: ['poisson(2)', d, 500000] },
      { fn: 'OEPLOSS', label: `poisson(2) ${fam}`, args: ['poisson(2)', d, 100] },
    );
  }
  return out;
}

// ---- timing -------------------------------------------------------------------------------------

let sink = 0;
function rate(fn, ms) {
  for (let i = 0; i < 50; i++) fn(); // warm up
  let calls = 0;
  let batch = 16;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1000000n;
  for (;;) {
    for (let i = 0; i < batch; i++) {
      const r = fn();
      if (r === sink) sink++;
    }
    calls += batch;
    const elapsed = process.hrtime.bigint() - start;
    if (elapsed >= limit) return calls / (Number(elapsed) / 1e9);
    if (batch < 4096) batch *= 2;
  }
}

function difference(plain, engine) {
  if (typeof engine === 'string') return plain === engine ? 0 : Number(engine.match(/[-0-9.e+]+/g).map((s, i) => Math.abs(Number(s) - Number(plain.match(/[-0-9.e+]+/g)[i])) / Math.abs(Number(s))).reduce((a, b) => Math.max(a, b), 0));
  const scale = Math.abs(engine) < 1e-3 ? 1 : Math.abs(engine);
  return Math.abs(plain - engine) / scale;
}

/**
 * Times every case through the engine and through the reference. Returns rows for bench.js
 * ({ key, value, unit }) and lines of notes.
 */
function benchDistributions({ quick, evaluate, progress = () => undefined }) {
  const ms = quick ? 60 : 300;
  const rows = [];
  const lines = [];
  let worst = { d: 0, label: '' };
  const all = cases();
  const ratios = [];
  all.forEach((c, i) => {
    const label = `${c.fn} ${c.label}`;
    const engine = evaluate(c.fn, c.args);
    if (!engine.ok) throw new Error(`bench-distributions: ${label} fails in the engine: ${engine.error.message.en}`);
    const d = difference(REFERENCE[c.fn](c.args), engine.value);
    if (!(d <= REFERENCE_TOLERANCE)) throw new Error(`bench-distributions: the plain reference of ${label} disagrees with the engine (${REFERENCE[c.fn](c.args)} vs ${engine.value}, difference ${d}); fix the reference before timing it.`);
    if (d > worst.d) worst = { d, label };
    if (i % 10 === 0) progress(`section 10: ${i + 1}/${all.length} ${label}`);
    const e = rate(() => evaluate(c.fn, c.args), ms);
    const p = rate(() => REFERENCE[c.fn](c.args), ms);
    rows.push({ key: `engine ${label} calls`, value: e, unit: '/s' });
    rows.push({ key: `plain ${label} calls`, value: p, unit: '/s' });
    rows.push({ key: `engine ÷ plain ${label}`, value: p / e, unit: '×' });
    ratios.push(p / e);
  });
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)];
  lines.push(`${all.length} calls (${Object.keys(SEVERITIES).length} families × 10 function cases, and DIST in 5 forms), each timed ${ms} ms through the engine and through the plain reference.`);
  lines.push(`Every plain reference agrees with the engine within ${worst.d.toExponential(1)} (relative, absolute below 1e-3; tolerance ${REFERENCE_TOLERANCE}; largest: ${worst.label || 'none'}) — the reference's erfc is good to 1.2e-7 only.`);
  lines.push(`engine ÷ plain: median ${median.toFixed(1)}×, from ${ratios[0].toFixed(1)}× to ${ratios[ratios.length - 1].toFixed(1)}× (the engine parses and validates the text, converts exact decimals, and uses @stdlib's tail-accurate special functions).`);
  return { rows, lines };
}

module.exports = { benchDistributions, REFERENCE, REFERENCE_TOLERANCE, SEVERITIES, cases };

if (require.main === module) {
  const path = require('node:path');
  const fs = require('node:fs');
  const lib = path.resolve(__dirname, '..', 'lib');
  if (!fs.existsSync(path.join(lib, 'engine', 'index.js'))) {
    console.error('lib/ is missing: run `npm run build:cli` first.');
    process.exit(1);
  }
  const { evaluate } = require(path.join(lib, 'engine'));
  const quick = process.argv.includes('--quick');
  const { rows, lines } = benchDistributions({ quick, evaluate, progress: (t) => process.stderr.write(`bench: ${t}\n`) });
  const width = Math.max(...rows.map((r) => r.key.length));
  for (const r of rows) console.log(`${r.key.padEnd(width)}  ${r.unit === '×' ? `${r.value.toFixed(2)}×` : `${Math.round(r.value).toLocaleString('en-US')}/s`}`);
  for (const l of lines) console.log(l);
  if (sink === 0.5) console.log('');
}
