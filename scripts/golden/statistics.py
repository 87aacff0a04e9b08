#!/usr/bin/env python3
"""Expected values for src/sheet/statistics.test.ts: the t and F distributions from SciPy
(scipy.stats.t / scipy.stats.f, Boost's incomplete beta), printed as the test's table rows.

    python3 scripts/golden/statistics.py
"""
from scipy import stats

rows = [
    ("=T.DIST(1,3,TRUE)", stats.t.cdf(1, 3)),
    ("=T.DIST(-2.5,7,TRUE)", stats.t.cdf(-2.5, 7)),
    ("=T.DIST(0.7,4,FALSE)", stats.t.pdf(0.7, 4)),
    ("=T.DIST.2T(1.5,3)", 2 * stats.t.sf(1.5, 3)),
    ("=T.DIST.RT(2,10)", stats.t.sf(2, 10)),
    ("=TDIST(2,10,2)", 2 * stats.t.sf(2, 10)),
    ("=T.INV(0.3,5)", stats.t.ppf(0.3, 5)),
    ("=T.INV(0.975,12)", stats.t.ppf(0.975, 12)),
    ("=T.INV.2T(0.05,9)", stats.t.isf(0.025, 9)),
    ("=TINV(0.01,2)", stats.t.isf(0.005, 2)),
    ("=F.DIST(1.2,3,32,TRUE)", stats.f.cdf(1.2, 3, 32)),
    ("=F.DIST(1.2,3,32,FALSE)", stats.f.pdf(1.2, 3, 32)),
    ("=F.DIST.RT(2.5,3,7)", stats.f.sf(2.5, 3, 7)),
    ("=FDIST(2.5,3,7)", stats.f.sf(2.5, 3, 7)),
    ("=F.INV(0.6,4,32)", stats.f.ppf(0.6, 4, 32)),
    ("=F.INV.RT(0.3,2,12)", stats.f.isf(0.3, 2, 12)),
    ("=FINV(0.05,5,120)", stats.f.isf(0.05, 5, 120)),
    ("=CONFIDENCE.T(0.05,10,3)", stats.t.isf(0.025, 2) * 10 / 3 ** 0.5),
]
for formula, value in rows:
    print(f"    ['{formula}', {float(value)!r}],")
