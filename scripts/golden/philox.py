#!/usr/bin/env python3
"""Independent Philox4x32-10 (Random123's definition) in Python's exact integers, writing
test/golden/philox.json: the three Random123 known-answer vectors and 200 pseudo-random
counters/keys, each with its four output words and the two 53-bit uniforms
((w0 >> 5) * 2^26 + (w1 >> 6)) / 2^53 and ((w2 >> 5) * 2^26 + (w3 >> 6)) / 2^53 as exact
fractions' doubles. Run: python3 scripts/golden/philox.py > test/golden/philox.json
"""
import json

M0, M1 = 0xD2511F53, 0xCD9E8D57
W0, W1 = 0x9E3779B9, 0xBB67AE85
MASK = 0xFFFFFFFF


def philox(ctr, key, rounds=10):
    x = list(ctr)
    k0, k1 = key
    for r in range(rounds):
        if r > 0:
            k0 = (k0 + W0) & MASK
            k1 = (k1 + W1) & MASK
        p0 = M0 * x[0]
        p1 = M1 * x[2]
        hi0, lo0 = p0 >> 32, p0 & MASK
        hi1, lo1 = p1 >> 32, p1 & MASK
        x = [hi1 ^ x[1] ^ k0, lo1, hi0 ^ x[3] ^ k1, lo0]
    return x


def u53(a, b):
    return ((a >> 5) * (1 << 26) + (b >> 6)) / float(1 << 53)


def main():
    kat = [
        ([0, 0, 0, 0], [0, 0], [0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8]),
        ([MASK] * 4, [MASK, MASK], [0x408F276D, 0x41C83B0E, 0xA20BC7C6, 0x6D5451FD]),
        ([0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344], [0xA4093822, 0x299F31D0], [0xD16CFE09, 0x94FDCCEB, 0x5001E420, 0x24126EA1]),
    ]
    for ctr, key, want in kat:
        assert philox(ctr, key) == want, (ctr, key)
    # A small LCG (Knuth's MMIX constants) picks the cases, so the file is reproducible.
    state = 0x853C49E6748FEA9B
    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & ((1 << 64) - 1)
        return state >> 32
    cases = []
    for ctr, key, _ in kat:
        cases.append((ctr, key))
    for i in range(200):
        ctr = [nxt() for _ in range(4)]
        key = [nxt() for _ in range(2)]
        if i % 4 == 0:
            ctr[1:] = [i, 0, 0]  # small counters, as the simulation uses them
        cases.append((ctr, key))
    out = []
    for ctr, key in cases:
        w = philox(ctr, key)
        out.append({"ctr": ctr, "key": key, "out": w, "u": [u53(w[0], w[1]), u53(w[2], w[3])]})
    lines = ",\n  ".join(json.dumps(c) for c in out)
    print('{"generator": "Philox4x32-10 (Random123)", "cases": [\n  ' + lines + "\n]}")


if __name__ == "__main__":
    main()
