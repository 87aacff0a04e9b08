"""Expected values of src/sheet/aggregate.test.ts (AGGREGATE against the plain functions).

Data D1:D8 = 3, 1, 4, 1, 5, 9, 2, 6 (and the kept values of the hidden-row sheet). The .INC
percentiles and quartiles are numpy's 'linear' method (Excel's PERCENTILE.INC: rank (n-1)p + 1),
the .EXC ones numpy's 'weibull' method (Excel's PERCENTILE.EXC: rank (n+1)p).
Run: python3 scripts/golden/aggregate.py
"""
from collections import Counter

import numpy as np

x = [3, 1, 4, 1, 5, 9, 2, 6]
a = np.array(x, dtype=float)
print('AVERAGE', a.mean())
print('PRODUCT', np.prod(a))
print('STDEV.S', repr(float(np.std(a, ddof=1))))
print('STDEV.P', repr(float(np.std(a, ddof=0))))
print('VAR.S', repr(float(np.var(a, ddof=1))))
print('VAR.P', repr(float(np.var(a, ddof=0))))
print('MEDIAN', np.median(a))
print('MODE.SNGL', Counter(x).most_common(1)[0][0])
print('LARGE 3', sorted(x, reverse=True)[2])
print('SMALL 2', sorted(x)[1])
print('PERCENTILE.INC 0.3', repr(float(np.percentile(a, 30, method='linear'))))
print('QUARTILE.INC 1', repr(float(np.percentile(a, 25, method='linear'))))
print('PERCENTILE.EXC 0.3', repr(float(np.percentile(a, 30, method='weibull'))))
print('QUARTILE.EXC 3', repr(float(np.percentile(a, 75, method='weibull'))))
# The visible numbers of the hidden-row sheet with options 3 (1, 4, 16): their .EXC quartile 1 and .INC percentile 0.5.
v = np.array([1, 4, 16], dtype=float)
print('visible QUARTILE.EXC 1', repr(float(np.percentile(v, 25, method='weibull'))))
print('visible PERCENTILE.INC 0.5', repr(float(np.percentile(v, 50, method='linear'))))
