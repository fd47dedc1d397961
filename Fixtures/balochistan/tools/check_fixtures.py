#!/usr/bin/env python3
"""Validate the bundled fixtures (standard library only).

    python3 Fixtures/balochistan/tools/check_fixtures.py [/path/to/shared/data]

Checks infrastructure.geojson, incidents.csv and the samples against spec section 1 and the
fixture conventions, then rebuilds everything into a temporary directory with build_fixtures.py
and compares the bytes (so the committed files are exactly what the script produces). With the
data directory missing, the rebuild comparison is skipped. Exit status 1 on any failure.
"""

import csv
import datetime
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.normpath(os.path.join(HERE, "..", ".."))
BAL = os.path.join(FIX, "balochistan")
SMP = os.path.join(FIX, "samples")
DOCS = os.path.normpath(os.path.join(FIX, "..", "Docs", "DATA.md"))

sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import build_fixtures as B  # noqa: E402  (vocabularies and headers)

LON_RANGE = (60.0, 75.0)
LAT_RANGE = (23.0, 37.0)
REQUIRED_ASSETS = [
    "rail-ml3-rohri-quetta", "rail-quetta-chaman", "rail-ml4-quetta-taftan", "road-m8", "road-n85",
    "road-n25", "road-n50", "road-n10", "road-n40", "road-n65", "road-n70", "road-n35-kkh",
    "site-gwadar-port", "site-gwadar-old-airport", "site-new-gwadar-airport", "site-turbat-airport",
    "site-panjgur-airport", "site-jinnah-airport", "site-port-qasim", "site-quetta-railway-station",
    "site-sibi-junction", "site-saindak-mine", "site-reko-diq-mine", "site-dasu-dam",
    "site-dasu-powerhouse", "site-hubco-power", "site-taftan-rail-border", "site-khojak-tunnel",
]
FOUNDING = {
    "inc_2025_03_jaffar_hijack": "2025-03-11",
    "inc_2024_11_quetta_station": "2024-11-09",
    "inc_2024_10_duki_mines": "2024-10-10",
    "inc_2021_07_dasu_bus": "2021-07-14",
}

failures = []
infos = []


def fail(msg):
    failures.append(msg)


def info(msg):
    infos.append(msg)


def raw(path):
    with open(path, "rb") as f:
        return f.read()


def text_checks(path, bom=False, crlf=False):
    data = raw(path)
    name = os.path.relpath(path, FIX)
    if bom != data.startswith(b"\xef\xbb\xbf"):
        fail("%s: BOM %s expected" % (name, "is" if bom else "not"))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("%s: not UTF-8 (%s)" % (name, e))
    if not data.endswith(b"\r\n" if crlf else b"\n"):
        fail("%s: does not end with a line ending" % name)
    if crlf:
        if re.search(rb"(?<!\r)\n", data):
            fail("%s: bare LF found (CRLF expected)" % name)
    elif b"\r" in data:
        fail("%s: CR found (LF endings expected)" % name)


def read_csv_rows(path):
    text = raw(path).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def haversine_km(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def check_coord(where, c):
    if not (isinstance(c, list) and len(c) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in c)):
        fail("%s: coordinate %r is not [lon, lat]" % (where, c))
        return False
    lon, lat = c
    if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
        fail("%s: coordinate %r outside 60-75 E / 23-37 N (lon/lat swapped?)" % (where, c))
        return False
    return True


def load_places(data_dir):
    path = os.path.join(data_dir, "places.csv")
    if not os.path.exists(path):
        path = os.path.join(BAL, "places.csv")
    rows = list(csv.DictReader(io.StringIO(raw(path).decode("utf-8-sig"), newline="")))
    return {r["id"]: r for r in rows}


# ------------------------------------------------------------------ infrastructure
def check_infrastructure(places):
    path = os.path.join(BAL, "infrastructure.geojson")
    text_checks(path)
    fc = json.loads(raw(path).decode("utf-8"))
    if fc.get("type") != "FeatureCollection":
        fail("infrastructure: not a FeatureCollection")
    point_set = {(float(p["lon"]), float(p["lat"])) for p in places.values()}
    ids = []
    by_kind = {}
    corridors = {}
    for i, f in enumerate(fc.get("features", [])):
        p = f.get("properties", {})
        fid = p.get("id")
        where = "infrastructure feature %d (%s)" % (i, fid)
        if f.get("type") != "Feature":
            fail(where + ": not a Feature")
        if not isinstance(fid, str) or not fid:
            fail(where + ": missing id")
        if "id" in f and f["id"] != fid:
            fail(where + ": Feature id differs from properties.id")
        ids.append(fid)
        kind = p.get("kind")
        if kind not in B.KINDS:
            fail(where + ": bad kind %r" % kind)
        by_kind[kind] = by_kind.get(kind, 0) + 1
        crit = p.get("criticality")
        if not (isinstance(crit, (int, float)) and not isinstance(crit, bool) and 0 < crit <= 10):
            fail(where + ": criticality %r not in (0, 10]" % crit)
        if not isinstance(p.get("cpec"), bool):
            fail(where + ": cpec not a boolean")
        cors = p.get("corridors")
        if not (isinstance(cors, list) and cors and all(isinstance(c, str) and c for c in cors)):
            fail(where + ": corridors must be a non-empty array of names")
        else:
            for c in cors:
                corridors.setdefault(c, []).append(fid)
        for k in ("name", "note", "criticalityReason", "cpecReason"):
            if not (isinstance(p.get(k), str) and p[k].strip()):
                fail(where + ": missing %s" % k)
        srcs = p.get("sources")
        if not (isinstance(srcs, list) and srcs and all(s in places for s in srcs)):
            fail(where + ": sources must list place ids from places.csv")
        g = f.get("geometry") or {}
        gt = g.get("type")
        if kind in B.KINDS_LINEAR:
            if gt not in ("LineString", "MultiLineString"):
                fail(where + ": linear kind with %s geometry" % gt)
                continue
            parts = [g["coordinates"]] if gt == "LineString" else g["coordinates"]
            for part in parts:
                if len(part) < 2:
                    fail(where + ": line part with fewer than 2 points")
                for c in part:
                    if check_coord(where, c) and tuple(c) not in point_set:
                        fail(where + ": vertex %r is not a places.csv point" % (c,))
                for a, b in zip(part, part[1:]):
                    if a == b:
                        fail(where + ": consecutive duplicate vertex %r" % (a,))
                if srcs and [[float(places[s]["lon"]), float(places[s]["lat"])] for s in srcs] != part:
                    fail(where + ": vertices do not follow `sources` in order")
            length = sum(haversine_km(a, b) for part in parts for a, b in zip(part, part[1:]))
            info("%-26s %-4s %8.1f km (haversine, schematic)" % (fid, kind, length))
            if not p["note"].startswith("SCHEMATIC"):
                fail(where + ": line note must say it is schematic")
        else:
            if gt == "Point":
                c = g["coordinates"]
                if check_coord(where, c) and tuple(c) not in point_set:
                    fail(where + ": point %r is not a places.csv point" % (c,))
                if srcs and [float(places[srcs[0]]["lon"]), float(places[srcs[0]]["lat"])] != c:
                    fail(where + ": point differs from its source place")
            elif gt == "Polygon":
                ring = g["coordinates"][0]
                for c in ring:
                    check_coord(where, c)
                if ring[0] != ring[-1] or len(ring) < 4:
                    fail(where + ": polygon ring not closed")
                area2 = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))
                if area2 <= 0:
                    fail(where + ": outer ring not counter-clockwise")
                lons = [c[0] for c in ring]
                lats = [c[1] for c in ring]
                centre = ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)
                src = places[srcs[0]]
                if abs(centre[0] - float(src["lon"])) > 1e-9 or abs(centre[1] - float(src["lat"])) > 1e-9:
                    fail(where + ": polygon not centred on its source point")
                w = haversine_km((min(lons), centre[1]), (max(lons), centre[1]))
                h = haversine_km((centre[0], min(lats)), (centre[0], max(lats)))
                if not (1.3 < w < 1.7 and 1.3 < h < 1.7):
                    fail(where + ": polygon is %.2f x %.2f km, expected about 1.5 x 1.5" % (w, h))
                info("%-26s polygon %.2f km x %.2f km" % (fid, w, h))
                if "SCHEMATIC" not in p["note"].upper():
                    fail(where + ": polygon note must say it is schematic")
            else:
                fail(where + ": site kind with %s geometry" % gt)
    if len(ids) != len(set(ids)):
        fail("infrastructure: duplicate asset ids")
    for rid in REQUIRED_ASSETS:
        if rid not in ids:
            fail("infrastructure: required asset %s missing" % rid)
    return ids, by_kind, corridors, fc


# ------------------------------------------------------------------ incidents
def parse_native(rows, where, expect_n=None):
    header = rows[0]
    if header != B.NATIVE_HEADER:
        fail("%s: header is %r" % (where, header))
    out = []
    seen = set()
    for n, r in enumerate(rows[1:], start=2):
        w = "%s row %d" % (where, n)
        if len(r) != 12:
            fail("%s: %d fields" % (w, len(r)))
            continue
        d = dict(zip(header, r))
        if d["id"] in seen or not d["id"]:
            fail(w + ": empty or duplicate id")
        seen.add(d["id"])
        try:
            dt = datetime.date.fromisoformat(d["date"])
            if dt.isoformat() != d["date"]:
                raise ValueError
        except ValueError:
            fail(w + ": bad date %r" % d["date"])
        if d["precision"] not in ("1", "2", "3"):
            fail(w + ": precision %r" % d["precision"])
        if d["category"] not in B.CATEGORIES:
            fail(w + ": category %r" % d["category"])
        ts = d["target"].split(";")
        if any(t not in B.TARGETS for t in ts) or len(set(ts)) != len(ts):
            fail(w + ": target %r" % d["target"])
        elif ts != sorted(ts, key=B.TARGETS.index):
            fail(w + ": targets not in vocabulary order: %r" % d["target"])
        for k in ("fatalities", "injured", "hostages"):
            if d[k] != "" and not d[k].isdigit():
                fail(w + ": %s %r" % (k, d[k]))
        try:
            check_coord(w, [float(d["lon"]), float(d["lat"])])
        except ValueError:
            fail(w + ": non-numeric coordinate")
        if not d["description"] or " — " not in d["description"]:
            fail(w + ": description must be '<place> — <summary>'")
        if not d["source"].startswith("http"):
            fail(w + ": source %r" % d["source"])
        out.append(d)
    if expect_n is not None and len(out) != expect_n:
        fail("%s: %d rows, expected %d" % (where, len(out), expect_n))
    return out


def check_incidents(data_dir):
    path = os.path.join(BAL, "incidents.csv")
    text_checks(path)
    rows = parse_native(read_csv_rows(path), "incidents.csv", expect_n=41)
    by_id = {r["id"]: r for r in rows}
    for iid, date in FOUNDING.items():
        if iid not in by_id:
            fail("incidents.csv: founding incident %s missing" % iid)
        elif by_id[iid]["date"] != date:
            fail("incidents.csv: %s dated %s, expected %s" % (iid, by_id[iid]["date"], date))
    src = os.path.join(data_dir, "incidents.csv")
    if os.path.exists(src):
        data = {r["id"]: r for r in csv.DictReader(io.StringIO(raw(src).decode("utf-8-sig"), newline=""))}
        if set(data) != set(by_id):
            fail("incidents.csv: ids differ from the data's")
        for iid, r in by_id.items():
            s = data.get(iid)
            if not s:
                continue
            for a, b in (("date", "date"), ("lon", "lon"), ("lat", "lat"), ("precision", "geo_precision"),
                         ("fatalities", "fatalities"), ("injured", "injured"), ("hostages", "hostages"),
                         ("source", "source")):
                if r[a] != s[b]:
                    fail("incidents.csv %s: %s %r differs from data %r" % (iid, a, r[a], s[b]))
            if r["description"] != s["place"] + " — " + s["summary"]:
                fail("incidents.csv %s: description differs from '<place> — <summary>'" % iid)
    return rows


# ------------------------------------------------------------------ samples
def check_samples():
    p = os.path.join(SMP, "acled-current.csv")
    text_checks(p)
    rows = read_csv_rows(p)
    if rows[0] != B.ACLED_CURRENT_HEADER:
        fail("acled-current.csv: header differs from ACLED's current column order")
    cur = [dict(zip(rows[0], r)) for r in rows[1:]]
    if any(len(r) != len(rows[0]) for r in rows[1:]):
        fail("acled-current.csv: ragged rows")
    styles = {"iso": 0, "long": 0}
    for r in cur:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["event_date"]):
            styles["iso"] += 1
        elif re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", r["event_date"]):
            styles["long"] += 1
        if not re.fullmatch(r"SAMPLE-PAK-\d{4}", r["event_id_cnty"]):
            fail("acled-current.csv: id %r" % r["event_id_cnty"])
    if not (styles["iso"] and styles["long"]):
        fail("acled-current.csv: needs both YYYY-MM-DD and 'DD Month YYYY' dates")
    notes = "".join(r["notes"] for r in cur)
    for ch, what in ((",", "comma"), ('"', "double quote"), ("\n", "newline")):
        if ch not in notes:
            fail("acled-current.csv: no note contains a %s" % what)
    if not any(r["civilian_targeting"] for r in cur):
        fail("acled-current.csv: civilian_targeting never filled")
    subs = {r["sub_event_type"] for r in cur}
    for s in ("Suicide bomb", "Remote explosive/landmine/IED", "Attack", "Abduction/forced disappearance",
              "Armed clash", "Looting/property destruction"):
        if s not in subs:
            fail("acled-current.csv: sub_event_type %r not exercised" % s)

    p = os.path.join(SMP, "acled-legacy.csv")
    text_checks(p, bom=True, crlf=True)
    rows = read_csv_rows(p)
    if rows[0] != B.ACLED_LEGACY_HEADER:
        fail("acled-legacy.csv: header differs from ACLED's legacy column order")
    leg = [dict(zip(rows[0], r)) for r in rows[1:]]
    dates = [r["event_date"] for r in leg]
    if not any(re.fullmatch(r"\d{2} [A-Z][a-z]{2} \d{4}", d) for d in dates):
        fail("acled-legacy.csv: no 'DD Mon YYYY' date")
    if not any(re.fullmatch(r"\d{2}-\d{2}-\d{4}", d) for d in dates):
        fail("acled-legacy.csv: no DD-MM-YYYY date")
    if not all(2018 <= int(r["year"]) <= 2022 for r in leg):
        fail("acled-legacy.csv: rows outside 2018-2022")

    p = os.path.join(SMP, "gtd-sample.csv")
    text_checks(p)
    rows = read_csv_rows(p)
    need = ["eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country", "country_txt",
            "region", "region_txt", "provstate", "city", "latitude", "longitude", "specificity",
            "vicinity", "summary", "success", "suicide", "attacktype1", "attacktype1_txt",
            "targtype1", "targtype1_txt", "targsubtype1", "targsubtype1_txt", "target1",
            "natlty1_txt", "targtype2", "targtype2_txt", "targsubtype2", "targsubtype2_txt",
            "targtype3", "targtype3_txt", "targsubtype3", "targsubtype3_txt", "gname", "nkill",
            "nwound", "nhostkid", "scite1", "dbsource"]
    missing = [c for c in need if c not in rows[0]]
    if missing:
        fail("gtd-sample.csv: missing columns %s" % missing)
    gtd = [dict(zip(rows[0], r)) for r in rows[1:]]
    if not all(re.fullmatch(r"20(1[89]|2[01])\d{4}9\d{3}", r["eventid"]) for r in gtd):
        fail("gtd-sample.csv: eventids must be YYYYMMDD9nnn within 2018-2021")
    if not any(r["targtype1_txt"] == "Transportation" and r["targsubtype1_txt"] == "Train/Train Tracks/Trolley" for r in gtd):
        fail("gtd-sample.csv: no Transportation / Train row")
    if not any(r["attacktype1_txt"] == "Bombing/Explosion" and r["suicide"] == "1" for r in gtd):
        fail("gtd-sample.csv: no suicide bombing row")
    if not any(r["attacktype1_txt"] == "Hostage Taking (Kidnapping)" for r in gtd):
        fail("gtd-sample.csv: no kidnapping row")
    if not any("-99" in (r["nkill"], r["nwound"], r["nhostkid"]) for r in gtd):
        fail("gtd-sample.csv: no -99 count")
    if not any(r["iday"] == "0" for r in gtd):
        fail("gtd-sample.csv: no iday = 0 row")

    p = os.path.join(SMP, "incidents.geojson")
    text_checks(p)
    fc = json.loads(raw(p).decode("utf-8"))
    kinds = set()
    for i, f in enumerate(fc["features"]):
        w = "samples/incidents.geojson feature %d" % i
        if f["geometry"]["type"] != "Point":
            fail(w + ": not a Point")
        check_coord(w, f["geometry"]["coordinates"])
        t = f["properties"].get("target")
        kinds.add(type(t).__name__)
        ts = t if isinstance(t, list) else t.split(";")
        if any(x not in B.TARGETS for x in ts):
            fail(w + ": target %r" % t)
        if f["properties"].get("category") not in B.CATEGORIES:
            fail(w + ": category")
    if kinds != {"list", "str"}:
        fail("samples/incidents.geojson: target should appear both as array and as string")

    for name in ("acled-current.csv", "acled-legacy.csv", "gtd-sample.csv", "incidents.geojson.csv"):
        p = os.path.join(SMP, "expected", name)
        text_checks(p)
        rows = read_csv_rows(p)
        if rows[0] != B.EXPECTED_HEADER:
            fail("expected/%s: header" % name)
    return len(cur), len(leg), len(gtd), len(fc["features"])


# ------------------------------------------------------------------ rebuild comparison
def check_rebuild(data_dir):
    if not os.path.exists(os.path.join(data_dir, "incidents.csv")):
        info("rebuild comparison skipped: %s not found" % data_dir)
        return
    tmp = tempfile.mkdtemp(prefix="fixtures-check-")
    try:
        out = os.path.join(tmp, "Fixtures")
        docs = os.path.join(tmp, "DATA.md")
        if os.path.exists(DOCS):
            shutil.copyfile(DOCS, docs)
        cmd = [sys.executable, os.path.join(HERE, "build_fixtures.py"), data_dir, "--out", out]
        cmd += ["--docs", docs] if os.path.exists(DOCS) else ["--no-docs"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        n = 0
        for root, _, files in os.walk(out):
            for fn in files:
                rel = os.path.relpath(os.path.join(root, fn), out)
                mine = os.path.join(FIX, rel)
                if not os.path.exists(mine) or raw(mine) != raw(os.path.join(root, fn)):
                    fail("rebuild: %s differs from a fresh build (rerun build_fixtures.py)" % rel)
                n += 1
        if os.path.exists(DOCS) and raw(DOCS) != raw(docs):
            fail("rebuild: Docs/DATA.md generated blocks are stale (rerun build_fixtures.py)")
        info("rebuild comparison: %d generated files identical" % n)
    finally:
        shutil.rmtree(tmp)


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else B.DEFAULT_DATA
    places = load_places(data_dir)
    ids, by_kind, corridors, fc = check_infrastructure(places)
    rows = check_incidents(data_dir)
    ns = check_samples()
    check_rebuild(data_dir)

    # informative: incidents farther than R = 25 km from every asset vertex/point (rough: vertices only
    # would overstate distance, so measure to segments with a local equirectangular projection)
    def dist_to_feature_km(pt, f):
        g = f["geometry"]
        lat0 = math.radians(pt[1])

        def xy(c):
            return ((c[0] - pt[0]) * 111.32 * math.cos(lat0), (c[1] - pt[1]) * 110.57)
        if g["type"] == "Point":
            return haversine_km(pt, g["coordinates"])
        parts = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
        best = float("inf")
        for part in parts:
            for a, b in zip(part, part[1:]):
                (ax, ay), (bx, by) = xy(a), xy(b)
                dx, dy = bx - ax, by - ay
                t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
        return best
    far = []
    for r in rows:
        pt = (float(r["lon"]), float(r["lat"]))
        d = min(dist_to_feature_km(pt, f) for f in fc["features"])
        if d > 25:
            far.append("%s (%.0f km)" % (r["id"], d))
    info("incidents beyond 25 km of every asset (approx.): %s" % (", ".join(far) or "none"))
    info("assets by kind: " + ", ".join("%s %d" % (k, by_kind[k]) for k in B.KINDS if k in by_kind))
    info("samples: acled-current %d, acled-legacy %d, gtd %d, geojson %d" % ns)
    for line in infos:
        print("info: " + line)
    for line in failures:
        print("FAIL: " + line)
    print("%d assets, %d incidents, %d corridors: %s" % (len(ids), len(rows), len(corridors),
                                                         "FAILED (%d)" % len(failures) if failures else "all checks passed"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
