#!/usr/bin/env python3
"""Golden tables for catalogue section 10 (loss distributions in closed form), from a second,
independent implementation: SciPy (scipy.stats) for F, S and the quantiles, and mpmath at 40
digits for everything that integrates the survival function -- LEV, the layer statistics, TVaR --
by numerical quadrature of the definitions, not by the closed forms the engine uses:

  E[min(X, u)^k]      = integral_0^u k x^(k-1) S(x) dx
  layer mean          = share * integral_a^(a+l) S(x) dx
  E[Y^2]              = share^2 * integral_a^(a+l) 2 (x - a) S(x) dx
  TVaR_p              = VaR_p + integral_VaR^inf S(x) dx / (1 - p)
  OEP(x)              = 1 - P_N(F(x))   (the probability generating function, in mpmath)

Run:  python3 scripts/golden/distributions.py > test/golden/distributions.json
Reproducible: no randomness; the same SciPy/mpmath give the same file.
"""
import json
import math
import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 40
NO_LIMIT = 1e308

# ---- the severities, as SciPy and as an mpmath survival function ------------------------------

def beta_params(mn, mode, mx, lam=4.0):
    w = mx - mn
    return 1 + lam * (mode - mn) / w, 1 + lam * (mx - mode) / w


class Sev:
    """One severity: text, SciPy frozen distribution (None for constant), mpmath S(x)."""

    def __init__(self, text, family, params):
        self.text, self.family, self.p = text, family, params
        f, p = family, params
        if f == 'lognormal':
            mu, s = p
            self.sp = stats.lognorm(s=s, scale=math.exp(mu))
            self.S = lambda x: mp.mpf(1) if x <= 0 else mp.erfc((mp.log(x) - mu) / (s * mp.sqrt(2))) / 2
            self.moment = lambda k: mp.exp(k * mu + k * k * mp.mpf(s) ** 2 / 2)
            self.lower = 0.0
        elif f == 'lomax':
            a, t = p
            self.sp = stats.lomax(c=a, scale=t)
            self.S = lambda x: mp.mpf(1) if x <= 0 else (mp.mpf(t) / (x + t)) ** a
            self.moment = lambda k: mp.inf if a <= k else (mp.mpf(t) / (a - 1) if k == 1 else 2 * mp.mpf(t) ** 2 / ((a - 1) * (a - 2)))
            self.lower = 0.0
        elif f == 'pareto1':
            a, t = p
            self.sp = stats.pareto(b=a, scale=t)
            self.S = lambda x: mp.mpf(1) if x <= t else (mp.mpf(t) / x) ** a
            self.moment = lambda k: mp.inf if a <= k else a * mp.mpf(t) ** k / (a - k)
            self.lower = float(t)
        elif f == 'gamma':
            a, s = p
            self.sp = stats.gamma(a, scale=s)
            self.S = lambda x: mp.mpf(1) if x <= 0 else mp.gammainc(a, mp.mpf(x) / s, mp.inf, regularized=True)
            self.moment = lambda k: mp.mpf(s) ** k * mp.rf(a, k)
            self.lower = 0.0
        elif f == 'weibull':
            k_, s = p
            self.sp = stats.weibull_min(c=k_, scale=s)
            self.S = lambda x: mp.mpf(1) if x <= 0 else mp.exp(-((mp.mpf(x) / s) ** k_))
            self.moment = lambda k: mp.mpf(s) ** k * mp.gamma(1 + mp.mpf(k) / k_)
            self.lower = 0.0
        elif f == 'exponential':
            (m,) = p
            self.sp = stats.expon(scale=m)
            self.S = lambda x: mp.mpf(1) if x <= 0 else mp.exp(-mp.mpf(x) / m)
            self.moment = lambda k: mp.mpf(m) ** k * mp.factorial(k)
            self.lower = 0.0
        elif f == 'pert':
            mn, mode, mx = p[:3]
            lam = p[3] if len(p) > 3 else 4.0
            a1, a2 = beta_params(mn, mode, mx, lam)
            w = mx - mn
            self.sp = stats.beta(a1, a2, loc=mn, scale=w)
            self.S = lambda x: mp.mpf(1) if x <= mn else (mp.mpf(0) if x >= mx else mp.betainc(a1, a2, (mp.mpf(x) - mn) / w, 1, regularized=True))
            ey = mp.mpf(a1) / (a1 + a2)
            ey2 = mp.mpf(a1) * (a1 + 1) / ((a1 + a2) * (a1 + a2 + 1))
            self.moment = lambda k: mn + w * ey if k == 1 else mp.mpf(mn) ** 2 + 2 * mn * w * ey + mp.mpf(w) ** 2 * ey2
            self.lower = float(mn)
            self.upper = float(mx)
        elif f == 'constant':
            (c,) = p
            self.sp = None
            self.S = lambda x: mp.mpf(1) if x < c else mp.mpf(0)
            self.moment = lambda k: mp.mpf(c) ** k
            self.lower = float(c)
        self.special = f in ('lognormal', 'gamma', 'pert', 'weibull')

    # SciPy parts
    def cdf(self, x):
        if self.sp is None:
            return 1.0 if x >= self.p[0] else 0.0
        return float(self.sp.cdf(x))

    def sf(self, x):
        if self.sp is None:
            return 0.0 if x >= self.p[0] else 1.0
        return float(self.sp.sf(x))

    def quantile(self, p):
        if self.sp is None:
            return float(self.p[0])
        if p == 0:
            return self.lower
        # The upper-tail inverse where it is the accurate one.
        return float(self.sp.isf(1 - p)) if p > 0.5 else float(self.sp.ppf(p))

    def isf(self, q):
        if self.sp is None:
            return float(self.p[0])
        return float(self.sp.isf(q))

    # mpmath parts: integrals of S, with the support's corners as breakpoints
    def breaks(self, a, b):
        pts = [a]
        for c in (self.lower, getattr(self, 'upper', None), self.p[0] if self.family == 'constant' else None):
            if c is not None and a < c < b:
                pts.append(c)
        # quantile breakpoints help tanh-sinh on long intervals
        if self.sp is not None:
            for q in (0.5, 0.9, 0.99, 0.999, 0.99999):
                v = float(self.sp.ppf(q))
                if a < v < b:
                    pts.append(v)
        pts = sorted(set(pts))
        pts.append(b)
        return [mp.mpf(x) if x != mp.inf else mp.inf for x in pts]

    def integral(self, f, a, b):
        if b <= a:
            return mp.mpf(0)
        return mp.quad(f, self.breaks(a, b))

    def lev(self, u, k):
        if u >= NO_LIMIT:
            return self.moment(k)
        return self.integral(lambda x: k * x ** (k - 1) * self.S(x), 0, u)

    def band(self, a, b):
        if self.family == 'constant':  # S is a step: the integral is exact, no quadrature
            return mp.mpf(max(min(b, self.p[0]) - a, 0))
        return self.integral(self.S, a, b)

    def band2(self, a, b):
        if self.family == 'constant':
            return mp.mpf(max(min(b, self.p[0]) - a, 0)) ** 2
        return self.integral(lambda x: 2 * (x - a) * self.S(x), a, b)


SEVERITIES = [
    Sev('lognormal(12,2)', 'lognormal', [12.0, 2.0]),
    Sev('lognormal(-1.5,0.25)', 'lognormal', [-1.5, 0.25]),
    Sev('lognormal(10,1)', 'lognormal', [10.0, 1.0]),
    Sev('lomax(3,1000)', 'lomax', [3.0, 1000.0]),
    Sev('lomax(2.5,100000)', 'lomax', [2.5, 100000.0]),
    Sev('lomax(1.5,50)', 'lomax', [1.5, 50.0]),
    Sev('lomax(0.8,50)', 'lomax', [0.8, 50.0]),
    Sev('pareto1(3,2)', 'pareto1', [3.0, 2.0]),
    Sev('pareto1(1.5,1000)', 'pareto1', [1.5, 1000.0]),
    Sev('pareto1(2.5,1e5)', 'pareto1', [2.5, 1e5]),
    Sev('gamma(2,1000)', 'gamma', [2.0, 1000.0]),
    Sev('gamma(0.3,50000)', 'gamma', [0.3, 50000.0]),
    Sev('gamma(15,200)', 'gamma', [15.0, 200.0]),
    Sev('weibull(0.7,1000)', 'weibull', [0.7, 1000.0]),
    Sev('weibull(2.5,300)', 'weibull', [2.5, 300.0]),
    Sev('exponential(1000)', 'exponential', [1000.0]),
    Sev('exponential(2.5e6)', 'exponential', [2.5e6]),
    Sev('pert(0,0.5,1)', 'pert', [0.0, 0.5, 1.0]),
    Sev('pert(1000,5000,20000)', 'pert', [1000.0, 5000.0, 20000.0]),
    Sev('PERT(0, 100, 1000, 6)', 'pert', [0.0, 100.0, 1000.0, 6.0]),
    Sev('pert(0,0,1000)', 'pert', [0.0, 0.0, 1000.0]),
    Sev('constant(500)', 'constant', [500.0]),
]

PS = [0.0, 1e-6, 0.01, 0.3, 0.5, 0.9, 0.99, 0.999, 0.999999]


def f(x):
    """An mpmath or numpy value as a double (None for an infinite one)."""
    x = mp.mpf(x)
    if mp.isinf(x):
        return None
    return float(x)


cases = []


def add(fn, args, value, special):
    cases.append({'fn': fn, 'args': args, 'value': value, 'special': special})


for d in SEVERITIES:
    qs = sorted(set(d.quantile(p) for p in PS[1:-1]))
    xs = sorted(set([0.0] + qs + [d.quantile(0.999999)]))
    for x in xs:
        add('CDF', [d.text, x], d.cdf(x), d.special)
    for p in PS:
        add('QUANTILE', [d.text, p], d.quantile(p), d.special)
    for u in xs[1:] + [NO_LIMIT]:
        for k in (1, 2):
            m = d.lev(u, k)
            if not mp.isinf(m):
                add('LEV', [d.text, u, k], f(m), True)
    # layers: attachments and limits at quantiles; shares 1 and 0.4
    att = [0.0, d.quantile(0.5), d.quantile(0.9), d.quantile(0.99)]
    lims = [d.quantile(0.3), d.quantile(0.9), d.quantile(0.999), NO_LIMIT]
    for a in att:
        for l in lims:
            b = mp.inf if l >= NO_LIMIT else a + l
            for share in (1.0, 0.4):
                s_a = d.sf(a)
                band = d.band(a, b) if not (b == mp.inf and mp.isinf(d.moment(1))) else mp.inf
                if not mp.isinf(band):
                    mean = mp.mpf(share) * band
                    add('LAYERLOSS', [d.text, a, l, share, 'mean'], f(mean), True)
                    if s_a > 0:
                        add('LAYERLOSS', [d.text, a, l, share, 'severity'], f(mean / s_a), True)
                    if not (b == mp.inf and mp.isinf(d.moment(2))):
                        ey2 = mp.mpf(share) ** 2 * d.band2(a, b)  # in mpmath: 0.4 ** 2 in doubles is 0.16000000000000003
                        add('LAYERLOSS', [d.text, a, l, share, 'sd'], f(mp.sqrt(max(ey2 - mean ** 2, 0))), True)
            add('LAYERLOSS', [d.text, a, l, 1.0, 'prob'], s_a, d.special)
    # far in the tail: thin layers at the 1-in-10,000 and 1-in-a-million losses, where a difference
    # of two LEVs would cancel (the engine integrates there)
    for p_far in (0.9999, 0.999999):
        a = d.quantile(p_far)
        for l in (d.quantile(0.5), NO_LIMIT):
            b = mp.inf if l >= NO_LIMIT else a + l
            if b == mp.inf and mp.isinf(d.moment(2)):
                continue
            band = d.band(a, b)
            add('LAYERLOSS', [d.text, a, l, 1.0, 'mean'], f(band), True)
            add('LAYERLOSS', [d.text, a, l, 1.0, 'sd'], f(mp.sqrt(max(d.band2(a, b) - band ** 2, 0))), True)
    # ILF against base limits, with and without ALAE
    for base in (d.quantile(0.5), d.quantile(0.9)):
        for lim in (d.quantile(0.3), d.quantile(0.99), NO_LIMIT):
            for alae in (0.0, 250.0):
                num, den = d.lev(lim, 1), d.lev(base, 1)
                if not mp.isinf(num) and den + alae > 0:
                    add('ILF', [d.text, lim, base, alae], f((num + alae) / (den + alae)), True)
    # TVaR
    if not mp.isinf(d.moment(1)):
        for p in (0.0, 0.5, 0.9, 0.99, 0.999):
            var = d.quantile(p)
            add('TVAR', [d.text, p], f(var + d.band(var, mp.inf) / (1 - mp.mpf(p))), True)

# ---- frequencies: OEP and OEPLOSS ----------------------------------------------------------------

def pgf_exceedance(freq, s):
    """1 - P_N(1 - s) in mpmath."""
    kind, p = freq
    s = mp.mpf(s)
    if kind == 'poisson':
        return -mp.expm1(-p[0] * s)
    if kind == 'negbin':
        mean, cv = p
        r = 1 / (mp.mpf(cv) ** 2 - 1 / mp.mpf(mean))
        pp = r / (r + mean)
        return 1 - (pp / (1 - (1 - pp) * (1 - s))) ** r
    if kind == 'bernoulli':
        return p[0] * s
    raise AssertionError


def inverse_exceedance(freq, q):
    kind, p = freq
    q = mp.mpf(q)
    if kind == 'poisson':
        return -mp.log1p(-q) / p[0]
    if kind == 'negbin':
        mean, cv = p
        r = 1 / (mp.mpf(cv) ** 2 - 1 / mp.mpf(mean))
        # (1 + mean s / r)^(-r) = 1 - q
        return ((1 - q) ** (-1 / r) - 1) * r / mean
    if kind == 'bernoulli':
        return q / p[0]
    raise AssertionError


FREQUENCIES = [
    ('poisson(2)', ('poisson', [2.0])),
    ('poisson(0.1)', ('poisson', [0.1])),
    ('poisson(25)', ('poisson', [25.0])),
    ('negbin(3,0.8)', ('negbin', [3.0, 0.8])),
    ('negbin(0.5,2)', ('negbin', [0.5, 2.0])),
    ('bernoulli(0.3)', ('bernoulli', [0.3])),
]

for ftext, freq in FREQUENCIES:
    for d in SEVERITIES:
        if d.family == 'constant':
            continue
        for p in (0.01, 0.5, 0.9, 0.99, 0.9999):
            x = d.quantile(p)
            s = mp.mpf(d.sf(x))
            add('OEP', [ftext, d.text, x], f(pgf_exceedance(freq, s)), d.special)
        for T in (1.5, 2, 10, 100, 250, 1000):
            q = 1 / mp.mpf(T)
            smax = pgf_exceedance(freq, 1)
            if smax < q:
                continue
            s = inverse_exceedance(freq, q)
            add('OEPLOSS', [ftext, d.text, T], d.isf(float(s)) if s < 1 else d.lower, True)

# ---- DIST ----------------------------------------------------------------------------------------

Z95 = 1.6448536269514722
dist_cases = []
for fam, a, b in [('lognormal', 100000.0, 1000000.0), ('lognormal', 2500.0, 40000.0), ('lognormal', 1.0, 1.5)]:
    dist_cases.append({'args': [fam, a, b, 'ci90'], 'params': [(math.log(a) + math.log(b)) / 2, (math.log(b) - math.log(a)) / (2 * Z95)]})
for fam, a, b in [('lognormal', 250000.0, 1.5), ('lognormal', 1000.0, 0.1), ('gamma', 1000.0, 0.5), ('gamma', 50000.0, 3.0), ('lomax', 1000.0, 2.0), ('lomax', 1e6, 1.2)]:
    b2 = b * b
    if fam == 'lognormal':
        sg = math.sqrt(math.log1p(b2))
        params = [math.log(a) - sg * sg / 2, sg]
    elif fam == 'gamma':
        params = [1 / b2, a * b2]
    else:
        al = 2 * b2 / (b2 - 1)
        params = [al, a * (al - 1)]
    dist_cases.append({'args': [fam, a, b, 'meancv'], 'params': params})

json.dump(
    {
        'generator': 'scripts/golden/distributions.py',
        'versions': {'scipy': scipy.__version__, 'numpy': np.__version__, 'mpmath': mp.__version__, 'python': sys.version.split()[0]},
        'tolerance': 'relative 1e-10, or absolute 1e-12 for |value| < 1e-2; 1e-12 relative without special functions (special = false)',
        'cases': cases,
        'dist': dist_cases,
    },
    sys.stdout,
    indent=None,
    separators=(',', ':'),
)
sys.stdout.write('\n')
