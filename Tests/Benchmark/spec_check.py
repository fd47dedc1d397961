#!/usr/bin/env python3
"""Checks a JSON report of the spec's worked example (section 7 of
/work/shared/spec/risk-model.md, Fixtures/tests/spec-example, `--as-of 2024-12-31`) against
the numbers the spec tables, to six significant digits.

    spec_check.py REPORT.json [--v1.1]

`--v1.1`: the report was made with the v1.1 model file of section 7 (Fixtures/models/v1.1.json);
only the figures the spec gives for it are checked. Exit status 0 when every figure matches, 1
otherwise. Standard library only.
"""
import json
import math
import sys

# unit: (startKm, endKm, exposure, threat, score, tier, top id, top distanceKm, top contribution,
#        smoothed threat, low, high, smoothed score, smoothed tier, recentThreat, previousThreat)
V20 = {
    "R#1": (0, 10, 5.97148, 6.48253, 47.7041, "moderate", "X2", 18.3567, 4.00302,
            13.4269, 13.4269, 13.4269, 73.8857, "high", 4.34561, 3.00775),
    "R#2": (10, 20, 16.0383, 17.4109, 82.467, "extreme", "X2", 9.0925, 14.1914,
            13.4269, 13.4269, 13.4269, 73.8857, "high", 15.406, 2.82196),
    "R#3": (20, 33.2565, 18.3594, 18.2136, 83.8195, "extreme", "X2", 4.81218, 17.4772,
            13.4269, 13.4269, 13.4269, 73.8857, "high", 17.3384, 1.23191),
    "P": (0, 0, 6.68983, 10.2213, 87.0524, "extreme", "X2", 17.3116, 5.10613,
          13.4269, 13.4269, 13.4269, 93.1805, "extreme", 7.80159, 3.40577),
}
HISTORY_R1 = [3.99901, 3.77755, 3.56835, 3.37074, 3.18408, 3.00775, 2.84118, 2.68384, 2.53521, 2.39482,
              6.86256, 6.48253]
# v1.1 model file: R#1 exposure, threat, score; the other scores; previous threats.
V11 = {"R#1": (5.63588, 6.11821, 45.7638, 2.49497), "R#2": (None, None, 81.8207, 2.31243),
       "R#3": (None, None, 83.3638, 0.841019), "P": (None, None, 86.1295, 2.92122)}


def same(a, b):
    """Equal to six significant digits (the spec's rounding)."""
    if a is None or b is None:
        return a is b
    if b == 0:
        return a == 0
    return abs(a - b) <= 0.5 * 10 ** (math.floor(math.log10(abs(b))) - 5) * 1.0001


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    rep = json.load(open(argv[0]))
    v11 = "--v1.1" in argv[1:]
    units = {u["id"]: u for u in rep["units"]}
    bad = []

    def check(label, got, want):
        ok = same(got, want) if not isinstance(want, str) else got == want
        if not ok:
            bad.append(f"{label}: got {got!r}, spec {want!r}")

    check("asOf", rep.get("asOf"), "2024-12-31")
    if v11:
        for uid, (e, t, s, prev) in V11.items():
            u = units[uid]
            if e is not None:
                check(f"{uid} exposure", u["exposure"], e)
                check(f"{uid} threat", u["threat"], t)
            check(f"{uid} score", u["score"], s)
            check(f"{uid} previousThreat", u["trend"]["previousThreat"], prev)
    else:
        acc = rep["incidents"]
        for k, want in (("read", 2), ("rejected", 0), ("future", 0), ("excluded", 0), ("beyondRadius", 0), ("used", 2)):
            if acc.get(k) != want:
                bad.append(f"incidents.{k}: got {acc.get(k)!r}, spec {want}")
        for uid, w in V20.items():
            u = units[uid]
            (a, b, e, t, s, tier, tid, td, tc, st, sl, sh, ss, stier, rc, prev) = w
            check(f"{uid} startKm", u["startKm"], a)
            check(f"{uid} endKm", u["endKm"], b)
            check(f"{uid} exposure", u["exposure"], e)
            check(f"{uid} threat", u["threat"], t)
            check(f"{uid} score", u["score"], s)
            check(f"{uid} tier", u["tier"], tier)
            top = u["topIncidents"][0]
            check(f"{uid} top id", top["id"], tid)
            check(f"{uid} top distanceKm", top["distanceKm"], td)
            check(f"{uid} top contribution", top["contribution"], tc)
            sm = u.get("smoothed") or {}
            check(f"{uid} smoothed.threat", sm.get("threat"), st)
            check(f"{uid} smoothed.low", sm.get("low"), sl)
            check(f"{uid} smoothed.high", sm.get("high"), sh)
            check(f"{uid} smoothed.score", sm.get("score"), ss)
            check(f"{uid} smoothed.tier", sm.get("tier"), stier)
            tr = u["trend"]
            check(f"{uid} trend.recentThreat", tr.get("recentThreat"), rc)
            check(f"{uid} trend.priorThreat", tr.get("priorThreat"), 0.0)
            check(f"{uid} trend.previousThreat", tr.get("previousThreat"), prev)
            check(f"{uid} trend.direction", tr.get("direction"), "rising")
            if u.get("hotspot") is not None:
                bad.append(f"{uid} hotspot: got {u['hotspot']!r}, spec null")
            if u.get("lowData") is not True:
                bad.append(f"{uid} lowData: got {u.get('lowData')!r}, spec true")
            if len(u.get("history") or []) != 12 or not same(u["history"][-1], u["threat"]):
                bad.append(f"{uid} history: 12 values ending with threat expected, got {u.get('history')!r}")
        for k, (got, want) in enumerate(zip(units["R#1"].get("history") or [], HISTORY_R1)):
            check(f"R#1 history[{k}]", got, want)
        c = {c["name"]: c for c in rep["corridors"]}.get("Example corridor")
        if c is None:
            bad.append("corridor 'Example corridor' missing")
        else:
            check("corridor lengthKm", c["lengthKm"], 33.2565)
            check("corridor maxScore", c["maxScore"], 83.8195)
            check("corridor meanScore", c["meanScore"], 72.5532)
            check("corridor km moderate", c["kmByTier"]["moderate"], 10.0)
            check("corridor km extreme", c["kmByTier"]["extreme"], 23.2565)
    for line in bad:
        print("  MISMATCH", line)
    print(f"spec section 7 ({'v1.1 model file' if v11 else 'v2.0 defaults'}): "
          + ("every tabled figure matches" if not bad else f"{len(bad)} mismatches") + f" ({argv[0]})")
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
