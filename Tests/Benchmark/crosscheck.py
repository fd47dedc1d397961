#!/usr/bin/env python3
"""Compares two CorridorRisk JSON reports (spec v2.0) unit by unit: the Swift `risk-report` one
and a peer's (or any two reports of the same inputs).

    crosscheck.py OURS.json PEER.json [--tol 1e-3] [--floor 5e-3] [--quiet]

Prints the incident accounting side by side, then for every numeric field the largest relative
difference over the units with matching ids (|a-b| / max(|a|, |b|, floor * the field's largest
value); for the scores, floor * 100/kappa * the largest risk, since a small score is 100 *
risk / kappa), the unit where it occurs and the mean signed difference (a systematic bias shows
as a mean close to the max). The fields: exposure, threat, risk, score, effectiveIncidents, the
trend's previousThreat / recentThreat / priorThreat, the chainage, the smoothed threat, low,
high and their scores, and the 12 history points (one field, every point compared). Then how
often the categorical fields agree — tier, trend direction, smoothed tier, lowData, the hot-spot
bin and binFdr, the top incident — and, for each disagreement, whether it is explained: the two
reports' numbers fall on either side of the rule's boundary (a tier bound, the 1.25 / 0.8 trend
ratios, the low-data count, a p-value bin edge or the report's own Benjamini-Hochberg cut-off),
so a difference within the tolerance flipped it.

Exit status: 0 when every compared number is within --tol (counts: within --tol relative or
+-2), every categorical disagreement is explained, the null-ness of hotspot / smoothed and the
history lengths agree, read / rejected / future / excluded are equal, beyondRadius / used differ
by at most 0.01 % of `read`, the rejected (line, id) pairs and the corridors agree; 1 otherwise;
2 on bad input. The floor exists because a unit reached only by incidents at the very edge of
their kernel has a relative error that means nothing: K(d) -> 0 there, and a distance that
differs by a metre (both tools may approximate it, spec section 3) changes it by percents. (The
absolute error of one contribution is at most about eps * its value at d = 0, for a relative
distance difference eps, whatever d: the relative one grows as 4 q^2 eps / (1 - q^2), q = d/R_i.)
With both peers' `--distance tm` (the Swift tool's approximation) the reports agree to ~1e-6
and the floor does not matter.
Uses only the standard library (no numpy), so it runs with any python3.
"""
import argparse
import json
import math
import sys

FIELDS = ["exposure", "threat", "risk", "score", "effectiveIncidents", "previousThreat", "recentThreat",
          "priorThreat", "startKm", "endKm", "lengthKm", "smoothed.threat", "smoothed.low", "smoothed.high",
          "smoothed.score", "smoothed.scoreLow", "smoothed.scoreHigh"]
COUNTS = ["incidentCount"]
BUCKETS = ["read", "rejected", "future", "excluded", "beyondRadius", "used"]
TIERS = ["minimal", "low", "moderate", "high", "extreme"]


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is b else math.inf
    m = max(abs(a), abs(b))
    return 0.0 if m == 0 else abs(a - b) / m


def value(u, f):
    if f in ("previousThreat", "recentThreat", "priorThreat"):
        return (u.get("trend") or {}).get(f)
    if f.startswith("smoothed."):
        return (u.get("smoothed") or {}).get(f[9:])
    return u.get(f)


def straddle(a, b, bound):
    """Whether `bound` lies between a and b (inclusive): the two sides of a decision."""
    return a is not None and b is not None and min(a, b) <= bound <= max(a, b)


def bh_cutoffs(units, tol):
    """The report's Benjamini-Hochberg cut-offs p(k(q)) for q = 0.01, 0.05, 0.10 (None: no k),
    and whether each is fragile: some p(k) lies within 10 * tol of its k*q/m, so a difference
    within the tolerance can move k(q), and with it the bins of every unit in between."""
    ps = sorted(u["hotspot"]["p"] for u in units if u.get("hotspot"))
    m = len(ps)
    cut, fragile = {}, {}
    for q in (0.01, 0.05, 0.10):
        best, weak = None, False
        for k, pk in enumerate(ps):
            line = (k + 1) * q / m
            if pk <= line:
                best = pk
            weak |= abs(pk - line) <= 10 * tol * line
        cut[q], fragile[q] = best, weak
    return cut, fragile


def near(tol, *xs):
    """Whether the positive numbers xs are all within 10 * tol of each other (relative)."""
    xs = [x for x in xs if x is not None]
    return bool(xs) and min(xs) > 0 and max(xs) <= min(xs) * (1 + 10 * tol)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare two CorridorRisk JSON reports unit by unit.")
    ap.add_argument("ours")
    ap.add_argument("peer")
    ap.add_argument("--tol", type=float, default=1e-3, help="relative tolerance for the exit status (default 1e-3)")
    ap.add_argument("--floor", type=float, default=5e-3,
                    help="values below this fraction of the field's largest are compared to it (default 5e-3)")
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    a = ap.parse_args(argv)
    try:
        A = json.load(open(a.ours))
        B = json.load(open(a.peer))
    except (OSError, ValueError) as e:
        print(f"crosscheck: cannot read a report: {e}", file=sys.stderr)
        return 2
    out = [] if a.quiet else None

    def say(line=""):
        (out.append(line) if out is not None else print(line))

    ok = True
    problems = []
    say(f"asOf: {A.get('asOf')} vs {B.get('asOf')}" + ("" if A.get("asOf") == B.get("asOf") else "   <-- differs"))
    if A.get("asOf") != B.get("asOf"):
        ok = False
        problems.append("asOf")
    ia, ib = A["incidents"], B["incidents"]
    read = max(ia.get("read", 0), 1)
    say(f"{'incidents':<14}{'ours':>12}{'peer':>12}{'diff':>9}")
    for k in BUCKETS:
        if k not in ia or k not in ib:
            say(f"  {k:<12}{str(ia.get(k)):>12}{str(ib.get(k)):>12}   <-- missing")
            ok = False
            problems.append(f"incidents.{k} missing")
            continue
        d = ib[k] - ia[k]
        flag = "" if d == 0 else "   <--" if (abs(d) > 1e-4 * read or k in ("read", "rejected", "future", "excluded")) \
            else "   (within the distance tolerance at R_i)"
        say(f"  {k:<12}{ia[k]:>12}{ib[k]:>12}{d:>+9}{flag}")
        good = d == 0 if k in ("read", "rejected", "future", "excluded") else abs(d) <= 1e-4 * read
        if not good:
            ok = False
            problems.append(f"incidents.{k}")
    ra = {(r.get("line"), r.get("id")) for r in A.get("rejected", [])}
    rb = {(r.get("line"), r.get("id")) for r in B.get("rejected", [])}
    if ra != rb:
        say(f"  rejected (line, id): {len(ra & rb)} in both, {len(ra - rb)} only ours, {len(rb - ra)} only peer"
            f"; e.g. ours {sorted(ra - rb, key=str)[:3]} peer {sorted(rb - ra, key=str)[:3]}   <--")
        ok = False
        problems.append("rejected (line, id)")
    elif ra:
        say(f"  rejected: the same {len(ra)} (line, id) pairs")

    ua = {u["id"]: u for u in A["units"]}
    ub = {u["id"]: u for u in B["units"]}
    common = [k for k in ua if k in ub]
    if len(common) != len(ua) or len(common) != len(ub):
        say(f"units: {len(ua)} ours, {len(ub)} peer, {len(common)} matching ids   <--")
        ok = False
        problems.append("unit ids")
    else:
        say(f"units: {len(common)} matching ids, same order: {[u['id'] for u in A['units']] == [u['id'] for u in B['units']]}")
    if not common:
        print("\n".join(out or []))
        print("RESULT: DIFFER beyond tolerance (no common units)")
        return 1
    n = len(common)

    # Null-ness and shapes that must agree exactly.
    for label, fn in (("hotspot", lambda u: u.get("hotspot") is None), ("smoothed", lambda u: u.get("smoothed") is None),
                      ("history length", lambda u: len(u.get("history") or [])),
                      ("lowData present", lambda u: "lowData" in u)):
        bad = [k for k in common if fn(ua[k]) != fn(ub[k])]
        if bad:
            say(f"  {label}: differs on {len(bad)} units, e.g. {bad[0]} ({fn(ua[bad[0]])} / {fn(ub[bad[0]])})   <--")
            ok = False
            problems.append(label)

    say(f"{'field':<20}{'max rel diff':>14}{'mean signed':>14}  worst unit (ours / peer)")
    series = [(f, lambda u, f=f: [value(u, f)]) for f in FIELDS + COUNTS]
    series.append(("history", lambda u: list(u.get("history") or [])))
    kappa = (A.get("parameters") or {}).get("kappa", 10.0)
    risk_max = max((abs(u["risk"]) for k in common for u in (ua[k], ub[k]) if u.get("risk") is not None), default=0.0)
    for f, get in series:
        worst, where, total, count = -1.0, None, 0.0, 0
        vals = [abs(v) for k in common for u in (ua[k], ub[k]) for v in get(u) if v is not None]
        floor = a.floor * max(vals, default=0.0)
        if f in ("score", "smoothed.score", "smoothed.scoreLow", "smoothed.scoreHigh"):
            # A score near 0 is 100 * risk / kappa: it gets the floor of the risk it comes from
            # (the score's own largest value, near 100, would make that floor 10x too tight).
            floor = a.floor * 100 / kappa * risk_max
        for k in common:
            xs, ys = get(ua[k]), get(ub[k])
            for j, (x, y) in enumerate(zip(xs, ys)):
                if x is None and y is None:
                    continue
                if x is None or y is None:
                    r = math.inf
                else:
                    m = max(abs(x), abs(y), floor)
                    r = 0.0 if m == 0 else abs(x - y) / m
                    total += 0.0 if m == 0 else (x - y) / m
                    count += 1
                if r > worst:
                    worst, where = r, (k, j)
        if where is None:
            say(f"  {f:<18}{'(no values)':>14}")
            continue
        x, y = get(ua[where[0]])[where[1]], get(ub[where[0]])[where[1]]
        label = where[0] + (f"[{where[1]}]" if f == "history" else "")
        if f in COUNTS:
            good = all(rel(value(ua[k], f), value(ub[k], f)) <= a.tol or abs(value(ua[k], f) - value(ub[k], f)) <= 2
                       for k in common)
        else:
            good = worst <= a.tol
        say(f"  {f:<18}{worst:>14.3e}{total / max(count, 1):>+14.2e}  {label} ({x} / {y}){'' if good else '   <--'}")
        if not good:
            ok = False
            problems.append(f)

    # Categorical fields: agreement, and whether each disagreement is explained by a boundary.
    pa = A.get("parameters") or {}
    bounds = pa.get("tierBounds", [20.0, 40.0, 60.0, 80.0])
    rising, falling = pa.get("trendRising", 1.25), pa.get("trendFalling", 0.8)
    low = pa.get("lowDataIncidents", 2)
    v11 = pa.get("trendModel") == "v1.1"
    (cut_a, weak_a), (cut_b, weak_b) = bh_cutoffs(A["units"], a.tol), bh_cutoffs(B["units"], a.tol)

    def trend_pair(u):
        t = u.get("trend") or {}
        return (u.get("threat"), t.get("previousThreat")) if v11 else (t.get("recentThreat"), t.get("priorThreat"))

    def explain_tier(x, y, key):
        return any(straddle(value(x, key), value(y, key), b) for b in bounds)

    def explain_trend(x, y):
        (na, ba), (nb, bb) = trend_pair(x), trend_pair(y)
        if None in (na, ba, nb, bb):
            return False
        return any(near(a.tol, na, f * ba) or near(a.tol, nb, f * bb) for f in (rising, falling))

    def explain_low(x, y):
        return straddle(x.get("incidentCount"), y.get("incidentCount"), low + 0.5)

    def explain_bin(x, y, fdr):
        hx, hy = x.get("hotspot"), y.get("hotspot")
        if not hx or not hy:
            return False
        if (hx["z"] < 0) != (hy["z"] < 0):
            return max(abs(hx["z"]), abs(hy["z"])) < 1e-6
        for q in (0.01, 0.05, 0.10):
            ea, eb = (cut_a[q], cut_b[q]) if fdr else (q, q)
            side_a = ea is not None and hx["p"] <= ea
            side_b = eb is not None and hy["p"] <= eb
            if side_a != side_b and (near(a.tol, hx["p"], hy["p"], ea, eb) or (fdr and (weak_a[q] or weak_b[q]))):
                return True
        return False

    cats = [
        ("tier", lambda u: u.get("tier"), lambda x, y: explain_tier(x, y, "score")),
        ("trend direction", lambda u: (u.get("trend") or {}).get("direction"), explain_trend),
        ("smoothed tier", lambda u: (u.get("smoothed") or {}).get("tier"), lambda x, y: explain_tier(x, y, "smoothed.score")),
        ("lowData", lambda u: u.get("lowData"), explain_low),
        ("hot-spot bin", lambda u: (u.get("hotspot") or {}).get("bin"), lambda x, y: explain_bin(x, y, False)),
        ("hot-spot binFdr", lambda u: (u.get("hotspot") or {}).get("binFdr"), lambda x, y: explain_bin(x, y, True)),
    ]
    parts = []
    for label, fn, explain in cats:
        differ = [k for k in common if fn(ua[k]) != fn(ub[k])]
        unexplained = [k for k in differ if not explain(ua[k], ub[k])]
        parts.append(f"{label} {n - len(differ)}/{n}" + (f" ({len(differ) - len(unexplained)} at a boundary)"
                                                          if len(differ) > len(unexplained) else ""))
        if unexplained:
            k = unexplained[0]
            say(f"  {label}: {len(unexplained)} disagreements not explained by a boundary, e.g. {k} "
                f"({fn(ua[k])} / {fn(ub[k])})   <--")
            ok = False
            problems.append(label)
    top = lambda u: u["topIncidents"][0]["id"] if u["topIncidents"] else None  # noqa: E731
    top5 = lambda u: tuple(t["id"] for t in u["topIncidents"])  # noqa: E731
    agree = lambda fn: sum(fn(ua[k]) == fn(ub[k]) for k in common)  # noqa: E731
    say("  agreement: " + ", ".join(parts) + f", top incident {agree(top)}/{n}, top-5 ids {agree(top5)}/{n}")
    zw = max((abs(ua[k]["hotspot"]["z"] - ub[k]["hotspot"]["z"]) for k in common
              if ua[k].get("hotspot") and ub[k].get("hotspot")), default=0.0)
    pairs = [(x, y) for k in common for x, y in zip(ua[k]["topIncidents"], ub[k]["topIncidents"]) if x["id"] == y["id"]]
    dw = max((abs(x["distanceKm"] - y["distanceKm"]) for x, y in pairs), default=0.0)
    dr = max((rel(x["distanceKm"], y["distanceKm"]) for x, y in pairs if max(x["distanceKm"], y["distanceKm"]) > 5), default=0.0)
    # Spec section 3: a distance may be off by max(5 m, 0.1 % of d); two tools may each be.
    beyond = sum(abs(x["distanceKm"] - y["distanceKm"]) > 2 * max(0.005, 0.001 * x["distanceKm"]) for x, y in pairs)
    cw = max((rel(x["contribution"], y["contribution"]) for x, y in pairs), default=0.0)
    ages = sum(x["ageDays"] != y["ageDays"] for x, y in pairs)
    say(f"  top incidents with the same id: {len(pairs)}; distanceKm max abs diff {dw * 1000:.3f} m, "
        f"max rel diff (d > 5 km) {dr:.3e}, pairs beyond twice the spec tolerance: {beyond}; "
        f"contribution max rel diff {cw:.3e}; ageDays differing: {ages}")
    say(f"  hot-spot z: max abs diff {zw:.3e}")
    if beyond or ages:
        ok = False
        problems.append("top incidents")
    ca = {c["name"]: c for c in A.get("corridors", [])}
    cb = {c["name"]: c for c in B.get("corridors", [])}
    cworst, kmbad = 0.0, []
    for name in ca:
        if name not in cb:
            say(f"  corridor {name!r} missing in peer   <--")
            ok = False
            continue
        for f in ("lengthKm", "maxScore", "meanScore"):
            cworst = max(cworst, rel(ca[name][f], cb[name][f]))
        # km by tier may move only with the units whose tier flipped (at a bound, checked above).
        moved = sum(ua[k]["lengthKm"] for k in common if name in (ua[k].get("corridors") or [])
                    and ua[k]["tier"] != ub[k]["tier"])
        slack = moved + a.tol * max(ca[name]["lengthKm"], 1e-9)
        if any(abs(ca[name]["kmByTier"][t] - cb[name]["kmByTier"][t]) > slack for t in TIERS):
            kmbad.append(name)
    say(f"  corridors: {len(ca)} vs {len(cb)}, max rel diff of lengthKm/maxScore/meanScore {cworst:.3e}, "
        f"kmByTier consistent with the tiers: {'yes' if not kmbad else 'no, e.g. ' + repr(kmbad[0]) + '   <--'}")
    if len(ca) != len(cb) or cworst > a.tol or kmbad:
        ok = False
        problems.append("corridors")
    if out is not None:
        for line in out:
            if "<--" in line:
                print(line)
    print("RESULT:", "agree within tolerance" if ok else "DIFFER beyond tolerance", f"(tol {a.tol:g}, floor {a.floor:g})"
          + ("" if ok else f": {', '.join(dict.fromkeys(problems))}"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
