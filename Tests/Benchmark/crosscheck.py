#!/usr/bin/env python3
"""Compares two CorridorRisk JSON reports unit by unit: the Swift `risk-report` one and the
peer's (or any two reports of the same inputs).

    crosscheck.py OURS.json PEER.json [--tol 1e-3] [--quiet]

Prints the incident accounting side by side, then for every numeric field the largest relative
difference over the units with matching ids (|a-b| / max(|a|, |b|, 1e-6 * the field's largest
value)), the unit where it occurs
and the mean signed difference (a systematic bias shows as a mean close to the max), plus how
often the top incident, the tier, the trend direction and the hot-spot bin agree.
Exit status: 0 when every compared field is within --tol (counts: within --tol relative or
+-2) and the accounting buckets differ by at most 0.01 % of `read`; 1 otherwise; 2 on bad input.
Uses only the standard library (no numpy), so it runs with any python3.
"""
import argparse
import json
import math
import sys

FIELDS = ["exposure", "threat", "risk", "score", "effectiveIncidents", "previousThreat",
          "startKm", "endKm", "lengthKm"]
COUNTS = ["incidentCount"]
BUCKETS = ["read", "rejected", "future", "beyondRadius", "used"]


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is b else math.inf
    m = max(abs(a), abs(b))
    return 0.0 if m == 0 else abs(a - b) / m


def signed(a, b):
    m = max(abs(a), abs(b))
    return 0.0 if m == 0 else (a - b) / m


def value(u, f):
    return u["trend"]["previousThreat"] if f == "previousThreat" else u[f]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare two CorridorRisk JSON reports unit by unit.")
    ap.add_argument("ours")
    ap.add_argument("peer")
    ap.add_argument("--tol", type=float, default=1e-3, help="relative tolerance for the exit status")
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    a = ap.parse_args(argv)
    try:
        A = json.load(open(a.ours))
        B = json.load(open(a.peer))
    except (OSError, ValueError) as e:
        print(f"crosscheck: cannot read a report: {e}", file=sys.stderr)
        return 2
    ok = True
    print(f"asOf: {A.get('asOf')} vs {B.get('asOf')}" + ("" if A.get("asOf") == B.get("asOf") else "   <-- differs"))
    ok &= A.get("asOf") == B.get("asOf")
    ia, ib = A["incidents"], B["incidents"]
    read = max(ia["read"], 1)
    print(f"{'incidents':<14}{'ours':>12}{'peer':>12}{'diff':>9}")
    for k in BUCKETS:
        d = ib[k] - ia[k]
        flag = "" if d == 0 else "   <--" if abs(d) > 1e-4 * read else "   (within the distance tolerance at R)"
        print(f"  {k:<12}{ia[k]:>12}{ib[k]:>12}{d:>+9}{flag}")
        if k in ("read", "rejected", "future"):
            ok &= d == 0
        else:
            ok &= abs(d) <= 1e-4 * read
    ra = {(r.get("line"), r.get("id")) for r in A.get("rejected", [])}
    rb = {(r.get("line"), r.get("id")) for r in B.get("rejected", [])}
    if ra != rb:
        print(f"  rejected (line, id): {len(ra & rb)} in both, {len(ra - rb)} only ours, {len(rb - ra)} only peer"
              f"; e.g. ours {sorted(ra - rb, key=str)[:3]} peer {sorted(rb - ra, key=str)[:3]}")
        ok = False
    elif ra:
        print(f"  rejected: the same {len(ra)} (line, id) pairs")

    ua = {u["id"]: u for u in A["units"]}
    ub = {u["id"]: u for u in B["units"]}
    common = [k for k in ua if k in ub]
    if len(common) != len(ua) or len(common) != len(ub):
        print(f"units: {len(ua)} ours, {len(ub)} peer, {len(common)} matching ids   <--")
        ok = False
    else:
        print(f"units: {len(common)} matching ids, same order: {[u['id'] for u in A['units']] == [u['id'] for u in B['units']]}")
    if not common:
        return 1
    print(f"{'field':<20}{'max rel diff':>14}{'mean signed':>14}  worst unit (ours / peer)")
    for f in FIELDS + COUNTS:
        worst, where, total = -1.0, None, 0.0
        # Values below 1e-6 of the field's largest are compared to that floor: a unit reached
        # by one incident at the very edge of R has a relative error that means nothing.
        floor = 1e-6 * max((abs(value(u, f)) for u in list(ua.values()) + list(ub.values())
                            if value(u, f) is not None), default=0.0)
        for k in common:
            x, y = value(ua[k], f), value(ub[k], f)
            r = rel(x, y)
            if x is not None and y is not None and max(abs(x), abs(y)) < floor:
                r = abs(x - y) / floor
            if x is not None and y is not None:
                total += signed(x, y)
            if r > worst:
                worst, where = r, k
        x, y = value(ua[where], f), value(ub[where], f)
        print(f"  {f:<18}{worst:>14.3e}{total / len(common):>+14.2e}  {where} ({x} / {y})")
        if f in COUNTS:
            ok &= all(rel(value(ua[k], f), value(ub[k], f)) <= a.tol or abs(value(ua[k], f) - value(ub[k], f)) <= 2
                      for k in common)
        else:
            ok &= worst <= a.tol
    agree = lambda fn: sum(fn(ua[k]) == fn(ub[k]) for k in common)  # noqa: E731
    top = lambda u: u["topIncidents"][0]["id"] if u["topIncidents"] else None  # noqa: E731
    top5 = lambda u: tuple(t["id"] for t in u["topIncidents"])  # noqa: E731
    hs = lambda u: None if u["hotspot"] is None else u["hotspot"]["bin"]  # noqa: E731
    n = len(common)
    print(f"  agreement: tier {agree(lambda u: u['tier'])}/{n}, top incident {agree(top)}/{n}, "
          f"top-5 ids {agree(top5)}/{n}, trend {agree(lambda u: u['trend']['direction'])}/{n}, "
          f"hot-spot bin {agree(hs)}/{n}")
    zw = max((abs(ua[k]["hotspot"]["z"] - ub[k]["hotspot"]["z"]) for k in common
              if ua[k]["hotspot"] and ub[k]["hotspot"]), default=0.0)
    pairs = [(x, y) for k in common for x, y in zip(ua[k]["topIncidents"], ub[k]["topIncidents"]) if x["id"] == y["id"]]
    dw = max((abs(x["distanceKm"] - y["distanceKm"]) for x, y in pairs), default=0.0)
    dr = max((rel(x["distanceKm"], y["distanceKm"]) for x, y in pairs if max(x["distanceKm"], y["distanceKm"]) > 5), default=0.0)
    # Spec section 3: a distance may be off by max(5 m, 0.1 % of d); two tools may each be.
    beyond = sum(abs(x["distanceKm"] - y["distanceKm"]) > 2 * max(0.005, 0.001 * x["distanceKm"]) for x, y in pairs)
    cw = max((rel(x["contribution"], y["contribution"]) for x, y in pairs), default=0.0)
    print(f"  top incidents with the same id: {len(pairs)}; distanceKm max abs diff {dw * 1000:.3f} m, "
          f"max rel diff (d > 5 km) {dr:.3e}, pairs beyond twice the spec tolerance: {beyond}; "
          f"contribution max rel diff {cw:.3e}")
    print(f"  hot-spot z: max abs diff {zw:.3e}")
    ok &= beyond == 0
    ca = {c["name"]: c for c in A.get("corridors", [])}
    cb = {c["name"]: c for c in B.get("corridors", [])}
    cworst = 0.0
    for name in ca:
        if name not in cb:
            print(f"  corridor {name!r} missing in peer   <--")
            ok = False
            continue
        for f in ("lengthKm", "maxScore", "meanScore"):
            cworst = max(cworst, rel(ca[name][f], cb[name][f]))
    print(f"  corridors: {len(ca)} vs {len(cb)}, max rel diff of lengthKm/maxScore/meanScore {cworst:.3e}")
    ok &= len(ca) == len(cb) and cworst <= a.tol
    print("RESULT:", "agree within tolerance" if ok else "DIFFER beyond tolerance", f"(tol {a.tol:g})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
