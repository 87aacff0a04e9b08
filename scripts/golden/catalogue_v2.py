#!/usr/bin/env python3
"""
An independent implementation of the catalogue v2 rules that changed or are new (sections 3-7
marked (v2), section 9), written from the catalogue's text alone — not from the engine — in exact
rational arithmetic (fractions.Fraction) and Python's own calendar (datetime). It writes
test/golden/catalogue-v2.json: generated calls with the result this implementation gives, which
test/golden/catalogue-v2.test.ts replays through the engine.

    python3 scripts/golden/catalogue_v2.py          # rewrite the table
    python3 scripts/golden/catalogue_v2.py --check  # exit 1 when the committed table differs

Why a second implementation: the engine's own tests were written by the people who wrote the
engine, so a misreading of the catalogue would be repeated in both. This one shares nothing with
the TypeScript code but the catalogue.
"""
import datetime as dt
import json
import random
import sys
from fractions import Fraction as F
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test" / "golden" / "catalogue-v2.json"
EPOCH = dt.date(1899, 12, 30)  # serial 0 of Excel's 1900 system from 1900-03-01 on


def to_date(serial):
    return EPOCH + dt.timedelta(days=int(serial))


def to_serial(d):
    return (d - EPOCH).days


def floor(x):
    return F(x.numerator // x.denominator)


def edate(serial, months):
    """EDATE keeping the fraction of the day (the catalogue's reading for REPUTATIONAL)."""
    whole = floor(serial)
    frac = serial - whole
    d = to_date(whole)
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return F(to_serial(dt.date(y, m, min(d.day, last)))) + frac


class Err(Exception):
    def __init__(self, code):
        self.code = code


# ---- section 9 -------------------------------------------------------------------------------

# (rule, unit, signed amount) — FUNCTIONS.md v2 section 9, CYBER.DEADLINE table.
DEADLINES = [
    ("samsung.payment", "d", 10),
    ("samsung.refusal", "d", 3),
    ("samsung.rescission", "d", 30),
    ("samsung.takeover.premium", "d", 30),
    ("samsung.incident.costs", "m", 24),
    ("samsung.extortion.suit.from", "d", 61),
    ("samsung.extortion.suit.by", "m", 12),
    ("samsung.cancel.nonpayment", "d", -15),
    ("samsung.cancel.other", "d", -60),
    ("samsung.nonrenewal", "d", -60),
    ("cpic.decision", "d", 30),
    ("cpic.payment", "d", 10),
    ("cpic.refusal", "d", 3),
    ("cpic.advance", "d", 60),
    ("cpic.rescission", "d", 30),
    ("cpic.rescission.contract", "m", 24),
    ("cpic.risk.increase", "d", 7),
    ("cpic.investigation", "m", 1),
    ("cpic.software", "m", 1),
    ("cpic.circumstance", "m", 60),
    ("iso.suit.from", "d", 90),
    ("iso.suit.by", "m", 24),
    ("iso.merger", "d", 90),
    ("iso.liberalization", "d", -45),
    ("iso.employee.abroad", "d", 90),
    ("iso.employee.termination", "d", 30),
]
RULES = {r: (u, n) for r, u, n in DEADLINES}


def deadline(rule, date):
    key = rule.strip().lower()
    if key not in RULES:
        raise Err("#VALUE!")
    unit, n = RULES[key]
    day = floor(date)
    return day + n if unit == "d" else edate(day, n)


def noticeserved(sent, received=None):
    s = floor(sent)
    if received is None:
        return s + 1
    r = floor(received)
    if r < s:
        raise Err("#VALUE!")
    return min(r, s + 1)


def inperiod(date, start, end):
    if end < start:
        raise Err("#VALUE!")
    return start <= floor(date) <= end


def fx(amount, rates, date, rule="next"):
    day = floor(date)
    exact = [r for d, r in rates if d == day]
    if exact:
        return amount * exact[0]
    if rule == "next":
        later = [r for d, r in rates if d > day]
        if not later:
            raise Err("#N/A")
        return amount * later[0]
    earlier = [r for d, r in rates if d < day]
    if not earlier:
        raise Err("#N/A")
    return amount * earlier[-1]


def continuationcost(extra, avoidable=F(0), expediting=F(0), saved=F(0), residual=F(0)):
    return max(F(0), extra - avoidable + min(expediting, saved) - residual)


# ---- sections 3-7, the (v2) changes ------------------------------------------------------------


def returnpremium(premium, start, end, cancel):
    s, e, c = floor(start), floor(end), floor(cancel)
    if e < s:
        raise Err("#VALUE!")
    if c < s or c > e + 1:
        raise Err("#VALUE!")
    return premium * (e + 1 - c) / (e + 1 - s)


def noticeby(kind, event, end, erp=None):
    if erp is not None and erp < end:
        raise Err("#VALUE!")
    if kind == "claim":
        return end + 90 if erp is None else max(end + 90, erp)
    if kind == "incident":
        return min(event + 90, end + 90)
    if kind == "extortion":
        return event + 90
    return edate(event, 6)


def claimsmade(act, claim, retro, start, end, erp=None, circumstance=None):
    made = claim
    if circumstance is not None and start <= circumstance <= end:
        made = circumstance
    last = erp if erp is not None else end
    return retro <= act <= end and start <= made <= last


def crimepayout(loss, ded, limit, special=F(0), special_limit=F(5000), legal=F(0)):
    if special > loss:
        raise Err("#VALUE!")
    paid = min(loss - ded, loss - special + min(special, special_limit))
    return min(limit, max(F(0), paid)) + legal


def lmcitlimit(answers, raised=False):
    return F(500000) if raised and all(answers) else F(250000)


def recovery(recovered, costs, loss, ded, paid, limit=None):
    n = max(F(0), recovered - costs)
    own = min(ded, loss)
    c = loss - own
    if paid > c or (limit is not None and paid > min(limit, c)):
        raise Err("#VALUE!")
    a = c - paid if limit is None else max(F(0), c - limit)
    out = []
    for part in (a, paid, own):
        take = min(n, part)
        out.append(take)
        n -= take
    out.append(n)
    return out


def recoveryratio(days, table, agreed=None):
    d = days if agreed is None else min(days, agreed)
    for bound, ratio in table:
        if bound >= d:
            return ratio
    raise Err("#N/A")


def hourlybi(hourly, waiting, ded, limit, max_hours=4320):
    if max_hours > 4320:
        raise Err("#VALUE!")
    counted = hourly[:max_hours]
    s = sum(counted, F(0))
    w = sum(counted[:waiting], F(0))
    return min(limit, max(F(0), s - max(ded, w)))


def reputational(hourly, waiting, cap=F(1000000), indemnity=4380, limit=None, start=None):
    if indemnity > 4416:
        raise Err("#VALUE!")
    h = F(indemnity)
    if start is not None:
        e = start + F(waiting, 24)
        h = min(h, 24 * (edate(e, 6) - e))
    total = F(0)
    hour = waiting
    while hour < waiting + h and hour < len(hourly):
        block_end = min(hour + 24, waiting + h)
        total += min(cap, sum(hourly[hour:int(block_end)], F(0)))
        hour += 24
    return total if limit is None else min(total, limit)


def allocate(claims, covers, policy_agg=None, policy_per=None):
    """covers: id -> (parent, per, agg, ded, nesting); claims: [(event, cover, amount)]."""
    agg_left = {cid: c[2] for cid, c in covers.items()}
    policy_left = policy_agg
    order, rows = [], {}
    for i, (ev, cov, amt) in enumerate(claims):
        if ev not in rows:
            order.append(ev)
            rows[ev] = []
        rows[ev].append(i)
    paid = [F(0)] * len(claims)
    for ev in order:
        idx = rows[ev]
        ded_left = max(covers[claims[i][1]][3] for i in idx)
        per_left = {cid: c[1] for cid, c in covers.items()}
        pol_per_left = policy_per
        for i in idx:
            _, cov, amt = claims[i]
            take = F(0)
            if covers[cov][3] > 0:
                take = min(amt, ded_left)
                ded_left -= take
            net = amt - take
            # The counters that bind this payment: its cover's per-event and aggregate limits,
            # every ancestor's aggregate, an ancestor's per-event limit only through "all" covers.
            per_keys, agg_keys = [cov], [cov]
            all_path = covers[cov][4] == "all"
            node = covers[cov][0]
            while node is not None:
                agg_keys.append(node)
                if all_path:
                    per_keys.append(node)
                all_path = all_path and covers[node][4] == "all"
                node = covers[node][0]
            cands = [net]
            cands += [per_left[k] for k in per_keys if per_left[k] is not None]
            cands += [agg_left[k] for k in agg_keys if agg_left[k] is not None]
            if pol_per_left is not None:
                cands.append(pol_per_left)
            if policy_left is not None:
                cands.append(policy_left)
            pay = max(F(0), min(cands))
            paid[i] = pay
            for k in per_keys:
                if per_left[k] is not None:
                    per_left[k] -= pay
            for k in agg_keys:
                if agg_left[k] is not None:
                    agg_left[k] -= pay
            if pol_per_left is not None:
                pol_per_left -= pay
            if policy_left is not None:
                policy_left -= pay
    return paid


# ---- case generation -------------------------------------------------------------------------

rng = random.Random(20261201)
CASES = []


def num(x):
    """A raw numeric argument: the double the host would pass."""
    return float(x)


def encode(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, F):
        return {"num": float(v), "exact": f"{v.numerator}/{v.denominator}"}
    if isinstance(v, list):
        return [encode(x) for x in v]
    return v


def case(fn, args, call):
    try:
        expected = encode(call())
    except Err as e:
        expected = {"error": e.code}
    CASES.append({"fn": fn, "args": args, "expected": expected})


def fr(x):
    return F(repr(x)) if isinstance(x, float) else F(x)


def rand_date(lo=36526, hi=55153, fraction=True):
    d = rng.randint(lo, hi)
    # Month ends and leap days on purpose: that is where EDATE clamps.
    if rng.random() < 0.3:
        y = rng.randint(2000, 2050)
        m = rng.randint(1, 12)
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
        d = to_serial(dt.date(y, m, rng.choice([last, last - 1, 29 if last >= 29 else last, 30 if last >= 30 else last])))
    if fraction and rng.random() < 0.4:
        return d + rng.choice([0.25, 0.5, 0.75, 0.999])
    return d


def money(hi=10_000_000):
    return rng.randint(0, hi * 100) / 100


# DEADLINE: every rule on dates near month ends, with its id in any case and spaces.
for rule, _, _ in DEADLINES:
    for _ in range(8):
        date = rand_date()
        text = rng.choice([rule, rule.upper(), f"  {rule} ", rule.title()])
        case("DEADLINE", [text, date], lambda: deadline(text, fr(date)))
for bad in ["samsung.paymentx", "cpic", "iso.suit", "lmcit.notice", "payment"]:
    case("DEADLINE", [bad, 45000], lambda: deadline(bad, F(45000)))

for _ in range(60):
    sent = rand_date()
    rec = None if rng.random() < 0.2 else sent + rng.choice([-2, -0.5, 0, 0.3, 1, 1.5, 5])
    args = [sent] if rec is None else [sent, rec]
    case("NOTICESERVED", args, lambda: noticeserved(fr(sent), None if rec is None else fr(rec)))

for _ in range(80):
    start = rand_date(fraction=False)
    end = start + rng.choice([-1, 0, 1, 180, 364, 365])
    date = start + rng.choice([-1, -0.25, 0, 0.5, 100, end - start, end - start + 0.9, end - start + 1])
    case("INPERIOD", [date, start, end], lambda: inperiod(fr(date), fr(start), fr(end)))

for _ in range(80):
    base = rand_date(fraction=False)
    dates = sorted(rng.sample(range(base, base + 40), rng.randint(1, 8)))
    table = [[d, rng.randint(1, 900000) / 100000] for d in dates]
    date = base + rng.choice([-3, 0, 5, 10.5, 20, 39, 45])
    amount = money()
    rule = rng.choice([None, "next", "prior", " PRIOR ", "Next"])
    args = [amount, table, date] + ([] if rule is None else [rule])
    rates = [(fr(d), fr(r)) for d, r in table]
    case("FX", args, lambda: fx(fr(amount), rates, fr(date), (rule or "next").strip().lower()))

for _ in range(60):
    vals = [money(1_000_000) for _ in range(5)]
    k = rng.randint(1, 5)
    case("CONTINUATIONCOST", vals[:k], lambda: continuationcost(*[fr(v) for v in vals[:k]]))

for _ in range(80):
    start = rand_date(fraction=False)
    end = start + rng.choice([-1, 0, 29, 180, 364, 365])
    cancel = start + rng.choice([-1, 0, 1, 100, end - start, end - start + 1, end - start + 2]) + rng.choice([0, 0, 0.5])
    premium = money(1_000_000)
    case("RETURNPREMIUM", [premium, start, end, cancel], lambda: returnpremium(fr(premium), fr(start), fr(end), fr(cancel)))
case("RETURNPREMIUM", [36500, 45658, 46022, 45839], lambda: returnpremium(F(36500), F(45658), F(46022), F(45839)))

for _ in range(80):
    kind = rng.choice(["claim", "incident", "extortion", "proof"])
    end = rand_date(fraction=False)
    event = end + rng.randint(-400, 200)
    erp = None if rng.random() < 0.5 else end + rng.choice([-10, 0, 30, 60, 90, 91, 365])
    args = [kind, event, end] + ([] if erp is None else [erp])
    case("NOTICEBY", args, lambda: noticeby(kind, fr(event), fr(end), None if erp is None else fr(erp)))

for _ in range(100):
    start = rand_date(fraction=False)
    end = start + 364
    retro = start - rng.choice([0, 365, 1000])
    act = start + rng.randint(-1200, 400)
    claim = start + rng.randint(-30, 500)
    erp = None if rng.random() < 0.6 else end + rng.choice([0, 60, 365])
    circ = None if rng.random() < 0.4 else start + rng.randint(-30, 400)
    args = [act, claim, retro, start, end]
    if erp is not None or circ is not None:
        args.append(erp)
    if circ is not None:
        args.append(circ)
    case(
        "CLAIMSMADE",
        args,
        lambda: claimsmade(*[fr(a) for a in (act, claim, retro, start, end)], None if erp is None else fr(erp), None if circ is None else fr(circ)),
    )

case("CRIMEPAYOUT", [6000, 1000, 100000, 6000], lambda: crimepayout(F(6000), F(1000), F(100000), F(6000)))
for _ in range(100):
    loss = money(200_000)
    special = rng.choice([0, loss, round(loss * rng.random(), 2), loss + 1])
    ded = rng.choice([0, 500, 1000, 2500, 10000])
    limit = rng.choice([5000, 25000, 100000, 250000])
    slimit = rng.choice([None, 5000, 2500])
    legal = rng.choice([None, 0, 1500])
    args = [loss, ded, limit, special]
    if slimit is not None or legal is not None:
        args.append(slimit)
    if legal is not None:
        args.append(legal)
    case(
        "CRIMEPAYOUT",
        args,
        lambda: crimepayout(fr(loss), fr(ded), fr(limit), fr(special), F(5000) if slimit is None else fr(slimit), F(0) if legal is None else fr(legal)),
    )

for answers in [[True] * 5, [True] * 4 + [False], [False] * 5]:
    for raised in [None, True, False]:
        row = [answers]
        args = [row] + ([] if raised is None else [raised])
        case("LMCITLIMIT", args, lambda: lmcitlimit(answers, bool(raised)))

for _ in range(100):
    loss = money(5_000_000)
    ded = rng.choice([0, 10000, 50000, loss + 1])
    own = min(fr(ded), fr(loss))
    c = fr(loss) - own
    limit = rng.choice([None, 1_000_000, 2_500_000, float(c)])
    cap = c if limit is None else min(c, fr(limit))
    paid = float(cap * F(rng.randint(0, 100), 100)) if rng.random() < 0.9 else float(cap) + 1
    paid = round(paid, 2)
    recovered = money(6_000_000)
    costs = money(200_000)
    args = [recovered, costs, loss, ded, paid] + ([] if limit is None else [limit])
    case("RECOVERY", args, lambda: [recovery(fr(recovered), fr(costs), fr(loss), fr(ded), fr(paid), None if limit is None else fr(limit))])

for _ in range(60):
    bounds = sorted(rng.sample(range(1, 400), rng.randint(1, 5)))
    table = [[b, rng.randint(0, 100) / 100] for b in bounds]
    days = rng.randint(0, 420)
    agreed = rng.choice([None, 0, 30, 90, 180, 500])
    args = [days, table] + ([] if agreed is None else [agreed])
    case("RECOVERYRATIO", args, lambda: recoveryratio(F(days), [(F(b), fr(r)) for b, r in table], None if agreed is None else F(agreed)))

for _ in range(40):
    n = rng.randint(1, 200)
    hourly = [rng.randint(0, 500000) / 100 for _ in range(n)]
    waiting = rng.randint(0, 24)
    ded = rng.choice([0, 1000, 50000])
    limit = rng.choice([10000, 1_000_000])
    mh = rng.choice([None, 1, 48, 4320, 4321, 8760])
    args = [[[h] for h in hourly], waiting, ded, limit] + ([] if mh is None else [mh])
    case("HOURLYBI", args, lambda: hourlybi([fr(h) for h in hourly], waiting, fr(ded), fr(limit), 4320 if mh is None else mh))

for _ in range(60):
    n = rng.randint(1, 4500)
    level = rng.randint(0, 10_000_000) / 100
    hourly = [level if rng.random() < 0.8 else rng.randint(0, 100000) / 100 for _ in range(n)]
    waiting = rng.randint(0, 48)
    cap = rng.choice([None, 100000, 1000000])
    ind = rng.choice([None, 24, 100, 4380, 4416, 4417])
    limit = rng.choice([None, 2_000_000])
    start = rand_date() if rng.random() < 0.7 else None
    args = [[[h] for h in hourly], waiting, cap, ind, limit]
    if start is not None:
        args.append(start)
    while args and args[-1] is None:
        args.pop()
    case(
        "REPUTATIONAL",
        args,
        lambda: reputational([fr(h) for h in hourly], waiting, F(1000000) if cap is None else fr(cap), 4380 if ind is None else ind, None if limit is None else fr(limit), None if start is None else fr(start)),
    )

for _ in range(120):
    ids = [f"C{i}" for i in range(rng.randint(1, 7))]
    covers = {}
    table = []
    for i, cid in enumerate(ids):
        parent = None if i == 0 or rng.random() < 0.3 else rng.choice(ids[:i])
        per = rng.choice([None, 50000, 200000, 1000000])
        agg = rng.choice([None, 100000, 400000, 2000000])
        ded = rng.choice([0, 0, 1000, 10000, 50000])
        nesting = rng.choice(["all", "aggregate", "Aggregate ", ""])
        covers[cid] = (parent, None if per is None else F(per), None if agg is None else F(agg), F(ded), "aggregate" if nesting.strip().lower() == "aggregate" else "all")
        table.append([cid, parent, per, agg, ded if ded else None, nesting or None])
    six = rng.random() < 0.8
    if not six:
        table = [r[:5] for r in table]
        covers = {k: v[:4] + ("all",) for k, v in covers.items()}
    claims = []
    for _ in range(rng.randint(1, 12)):
        claims.append([f"E{rng.randint(1, 4)}", rng.choice(ids), rng.randint(0, 150000000) / 100])
    pagg = rng.choice([None, 500000, 3000000])
    pper = rng.choice([None, 250000, 1000000])
    args = [claims, table]
    if pagg is not None or pper is not None:
        args.append(pagg)
    if pper is not None:
        args.append(pper)
    cl = [(e, c, fr(a)) for e, c, a in claims]
    case("ALLOCATE", args, lambda: [[p] for p in allocate(cl, covers, None if pagg is None else F(pagg), None if pper is None else F(pper))])

text = json.dumps(
    {
        "about": "Generated by scripts/golden/catalogue_v2.py from the catalogue v2 text alone (an independent implementation); replayed by test/golden/catalogue-v2.test.ts.",
        "cases": CASES,
    },
    ensure_ascii=False,
    indent=None,
    separators=(",", ":"),
)
text = text.replace('{"fn"', '\n{"fn"') + "\n"
if "--check" in sys.argv:
    same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
    print("up to date" if same else f"{OUT} is out of date: run python3 scripts/golden/catalogue_v2.py")
    sys.exit(0 if same else 1)
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(text, encoding="utf-8")
print(f"wrote {len(CASES)} cases to {OUT.relative_to(ROOT)}")
