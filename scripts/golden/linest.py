#!/usr/bin/env python3
"""Expected LINEST statistics for src/sheet/regression.test.ts, by NumPy's least squares.

LINEST's rows (Microsoft's LINEST page): m_k … m_1 b; se_k … se_1 se_b; r2 se_y; F df;
ss_reg ss_resid. Run: python3 scripts/golden/linest.py
"""
import numpy as np


def linest(y, xs, const=True):
    y = np.asarray(y, float)
    X = np.column_stack([np.asarray(x, float) for x in xs])
    n, k = X.shape
    A = np.column_stack([X, np.ones(n)]) if const else X
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    fitted = A @ beta
    ss_resid = float(((y - fitted) ** 2).sum())
    ss_total = float(((y - y.mean()) ** 2).sum()) if const else float((y ** 2).sum())
    ss_reg = ss_total - ss_resid
    df = n - k - (1 if const else 0)
    sey = (ss_resid / df) ** 0.5
    se = np.sqrt(np.diag(np.linalg.inv(A.T @ A)) * sey ** 2)
    F = (ss_reg / k) / (ss_resid / df)
    return {
        'coefficients (m_k … m_1, b)': [*beta[:k][::-1], beta[k] if const else 0.0],
        'standard errors': [*se[:k][::-1], *( [se[k]] if const else [])],
        'r2': ss_reg / ss_total,
        'sey': sey,
        'F': F,
        'df': df,
        'ssreg': ss_reg,
        'ssresid': ss_resid,
    }


cases = {
    'LINEST({3;5;4;8;9;12},{1;2;3;4;5;6},,TRUE)': linest([3, 5, 4, 8, 9, 12], [[1, 2, 3, 4, 5, 6]]),
    'LINEST({3;5;4;8;9;12;14},{1,4;2,1;3,5;4,2;5,7;6,3;7,8},TRUE,TRUE)': linest(
        [3, 5, 4, 8, 9, 12, 14], [[1, 2, 3, 4, 5, 6, 7], [4, 1, 5, 2, 7, 3, 8]]
    ),
}
for name, r in cases.items():
    print(name)
    for key, v in r.items():
        print(f'  {key}: {np.array(v).tolist() if isinstance(v, list) else repr(float(v))}')
