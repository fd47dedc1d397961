#!/usr/bin/env python3
"""Side-by-side peer of CorridorRisk's `risk-report`, written the way a DuckDB expert would.

    peer_duckdb.py INFRA.geojson INCIDENTS.csv OUT.json [--as-of YYYY-MM-DD] [--model FILE]
                   [--distance tm-corrected|tm] [--threads N] [--timings]

The same model as peer_geopandas.py (spec v2.0, /work/shared/spec/risk-model.md sections 1-7),
with DuckDB and its spatial extension doing the data work in SQL:

* incidents: `read_csv` (explicit dialect, every column as text, `store_rejects` for records
  with the wrong number of fields), then one SQL pass of validation in the spec's order (id,
  date, longitude, latitude, (0, 0), precision, counts; the reason of the first failing check),
  duplicate ids with a window function. Dates (`YYYY-MM-DD`, `DD Month YYYY`, `DD-MM-YYYY`) are
  parsed once per distinct string; targets come from `notes` with one RE2 `regexp_matches` per
  target (the spec's keyword table, ASCII case-insensitive whole words); the ACLED sub-event
  type -> category table (with `nonViolent`) is a CASE.
* units: the GeoJSON is read and segmented in Python with pyproj.Geod (geodesic chainage, cut
  points on the geodesic edge, tail merge; sites with geodesic area and perimeter), the unit
  geometries are densified along their geodesics and handed to DuckDB as WKT.
* join: units are grouped into 1-degree longitude zones by their representative point, each
  with its own transverse Mercator (`ST_Transform(..., always_xy := true)`); for every zone and
  every precision class (reach R_i = sqrt(R^2 + rho^2)) one `ST_DWithin` spatial join (DuckDB's
  SPATIAL_JOIN operator, an R-tree over the zone's units) with `ST_Distance` for the planar
  distance, all zones and classes in one UNION ALL statement. `tm-corrected` (default) divides
  that distance by the mean TM scale along the incident-unit line (as peer_geopandas.py); `tm`
  keeps the plain planar distance (the Swift tool's approximation).
* scoring: contributions, per-unit sums (exposure, sum of squares, previous / recent / prior
  threat, the 12 history points each straight from its definition), the top five (window
  function over the candidates, ties by id), scores, tiers, trends and the corridor table are
  SQL group-bys. Gi* neighbours are an SQL range join confirmed with ST_Distance_Spheroid
  (band + 1 m); the z-scores, p-values, bins, Benjamini-Hochberg bins and the Empirical-Bayes
  smoothing (scipy.stats.gamma.ppf) run in numpy after the SQL.

Needs duckdb==1.5.5 and duckdb-extension-spatial==1.5.5 (the extension is loaded from that
package: nothing is downloaded), numpy, pyproj and scipy. Places (spec section 8) are not
computed: `places` is null (no gazetteer).
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import math
import os
import re
import sys
import tempfile
import threading
import time

import duckdb
import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)

# ---------------------------------------------------------------------------------------------
# Model parameters (spec section 3 defaults; the report echoes them)

CATEGORIES = ["hijacking", "suicideBombing", "bombing", "armedAssault", "hostageTaking", "kidnapping",
              "shelling", "sabotage", "armedClash", "unrest", "nonViolent", "other"]
TARGETS = ["rail", "road", "energy", "maritime", "aviation", "mining", "foreignNationals",
           "security", "civilians", "government", "other"]
BIT = {t: 1 << i for i, t in enumerate(TARGETS)}
TIERS = ["minimal", "low", "moderate", "high", "extreme"]

PARAMS = {
    "segmentKm": 10.0, "radiusKm": 25.0, "halfLifeDays": 365.0, "kappa": 10.0, "trendDays": 180,
    "hotspotKm": 50.0,
    "categoryWeights": {"hijacking": 3.0, "suicideBombing": 3.0, "bombing": 2.0, "armedAssault": 2.0,
                        "hostageTaking": 2.0, "kidnapping": 1.5, "shelling": 1.5, "sabotage": 1.5,
                        "armedClash": 1.0, "unrest": 0.5, "nonViolent": 0.0, "other": 0.5},
    "precisionFactors": {"1": 1.0, "2": 0.8, "3": 0.5},
    "targetMultiplier": 1.5,
    "severity": {"fatalities": 1.0, "injured": 0.5, "hostages": 0.25},
    "topIncidents": 5, "tierBounds": [20.0, 40.0, 60.0, 80.0], "trendRising": 1.25, "trendFalling": 0.8,
    "precisionModel": "spread", "trendModel": "v2.0",
    "uncertaintyKm": {"1": 0.0, "2": 10.0, "3": 50.0},
    "lowDataIncidents": 2, "intervalLevel": 0.9, "historyPoints": 12, "historyStepDays": 30,
    "placeNearKm": 50.0, "placeEndKm": 15.0,
}

# ACLED sub_event_type (lowercased) -> category; anything else is `other`. "Other" is a
# Strategic development (non-violent) unless the export's event_type says otherwise.
ACLED_CATEGORY = {
    "suicide bomb": "suicideBombing", "remote explosive/landmine/ied": "bombing", "grenade": "bombing",
    "attack": "armedAssault", "abduction/forced disappearance": "kidnapping",
    "shelling/artillery/missile attack": "shelling", "air/drone strike": "shelling",
    "looting/property destruction": "sabotage", "armed clash": "armedClash",
    "violent demonstration": "unrest", "mob violence": "unrest", "excessive force against protesters": "unrest",
    "peaceful protest": "nonViolent", "protest with intervention": "nonViolent", "agreement": "nonViolent",
    "arrests": "nonViolent", "change to group/activity": "nonViolent",
    "headquarters or base established": "nonViolent", "non-violent transfer of territory": "nonViolent",
    "other": "nonViolent",
}

KEYWORDS = [
    ("rail", ["train", "railway", "rail", "track", "locomotive", "bogie", "Jaffar Express"]),
    ("road", ["bus", "convoy", "highway", "vehicle", "truck", "road"]),
    ("foreignNationals", ["Chinese", "foreigner", "foreign national", "expatriate"]),
    ("energy", ["pipeline", "gas", "power", "pylon", "grid", "electricity"]),
    ("maritime", ["port", "harbour", "harbor", "vessel", "ship", "boat", "jetty"]),
    ("aviation", ["airport", "aircraft", "airfield", "helicopter"]),
    ("mining", ["mine", "miner", "mining", "coal"]),
    ("security", ["police", "policeman", "policemen", "soldier", "FC", "army", "Levies", "troops",
                  "military", "checkpost", "checkpoint", "paramilitary", "Frontier Corps"]),
]
_NONWORD = r"[^0-9A-Za-z\x{80}-\x{10FFFF}]"  # letters and digits delimit a word; non-ASCII is a letter


def keyword_regex(words):
    """Whole words, ASCII case-insensitive (explicit [aA] classes: RE2's (?i) would also fold
    the Kelvin sign and the long s), plural s/es, two-word keywords separated by spaces."""
    def word(w):
        return "".join(" +" if ch == " " else f"[{ch.lower()}{ch.upper()}]" if ch.isalpha() else re.escape(ch)
                       for ch in w)
    return f"(?:^|{_NONWORD})(?:{'|'.join(word(w) for w in words)})(?:[eE]?[sS])?(?:$|{_NONWORD})"


LINEAR_KINDS = ("rail", "road", "pipeline")
SITE_KINDS = ("port", "airport", "station", "mine", "powerPlant", "dam", "borderCrossing", "other")
RELEVANT = {"rail": "rail", "station": "rail", "road": "road", "borderCrossing": "road",
            "pipeline": "energy", "powerPlant": "energy", "dam": "energy", "port": "maritime",
            "airport": "aviation", "mine": "mining"}

NUMBER_RE = r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
NONFINITE_RE = r"^[+-]?(?:[nN][aA][nN]|[iI][nN][fF]|[iI][nN][fF][iI][nN][iI][tT][yY])$"


class InputFailure(Exception):
    pass


class Timer:
    def __init__(self, enabled):
        self.enabled = enabled
        self.t0 = self.last = time.perf_counter()

    def __call__(self, phase):
        now = time.perf_counter()
        if self.enabled:
            print(f"  {phase:<22} {now - self.last:7.3f} s", file=sys.stderr)
        self.last = now


def load_model(path):
    """Parameters with a model file's overrides (spec section 6: any subset of the echoed keys)."""
    with open(path, "rb") as f:
        doc = json.load(f)
    if not isinstance(doc, dict):
        raise InputFailure(f"{path}: a model file is a JSON object")
    p = json.loads(json.dumps(PARAMS))
    for key, value in doc.items():
        if key not in p:
            raise InputFailure(f"{path}: unknown model key {key!r}")
        if isinstance(p[key], dict):
            if not isinstance(value, dict) or any(k not in p[key] for k in value):
                raise InputFailure(f"{path}: {key} must be an object with keys among {sorted(p[key])}")
            p[key].update({k: float(v) for k, v in value.items()})
        else:
            p[key] = value
    if p["precisionModel"] not in ("spread", "weight") or p["trendModel"] not in ("v2.0", "v1.1"):
        raise InputFailure(f"{path}: precisionModel is spread|weight, trendModel v2.0|v1.1")
    return p


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def sql_num(v):
    """A DOUBLE literal (a bare 0.5 would be a DECIMAL in DuckDB)."""
    return f"{float(v)!r}::DOUBLE"


def day_string(z):
    z = int(z) + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return f"{yoe + era * 400 + (m <= 2):04d}-{m:02d}-{d:02d}"


# ---------------------------------------------------------------------------------------------
# Infrastructure and scoring units (spec sections 1, 2, 6), in Python with pyproj.Geod

def feature_id(feature):
    for cand in ((feature.get("properties") or {}).get("id"), feature.get("id")):
        if isinstance(cand, str):
            return cand
        if isinstance(cand, (int, float)) and not isinstance(cand, bool) and math.isfinite(cand) \
                and float(cand).is_integer() and abs(cand) < 1e15:
            return str(int(cand))
    return None


def read_infrastructure(path):
    with open(path, "rb") as f:
        doc = json.load(f)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise InputFailure(f"{path}: not a GeoJSON FeatureCollection")
    assets, seen = [], {}
    for index, feat in enumerate(doc.get("features") or []):
        def fail(reason):
            return InputFailure(f"{path}: feature {index} (id {feature_id(feat)!r}): {reason}")
        raw = feature_id(feat)
        if raw is None:
            raise fail("missing id (give properties.id or the Feature's id)")
        aid = raw.strip(" \t")
        if not aid or any(ord(c) < 0x20 or ord(c) == 0x7F for c in aid):
            raise fail("missing or malformed id")
        props = feat.get("properties") or {}
        kind = props.get("kind")
        if kind not in LINEAR_KINDS and kind not in SITE_KINDS:
            raise fail(f"unknown or missing kind {kind!r}")
        name = aid if props.get("name") is None else props["name"]
        if not isinstance(name, str):
            raise fail("name must be a string")
        crit = 1.0 if props.get("criticality") is None else props["criticality"]
        if isinstance(crit, bool) or not isinstance(crit, (int, float)) or not (0 < crit <= 10):
            raise fail(f"criticality must be in (0, 10], got {crit!r}")
        cpec = False if props.get("cpec") is None else props["cpec"]
        if not isinstance(cpec, bool):
            raise fail("cpec must be true or false")
        corr = props.get("corridors")
        if corr is None:
            corridors = []
        elif isinstance(corr, str):
            corridors = [corr]
        elif isinstance(corr, list) and all(isinstance(c, str) for c in corr):
            corridors = list(dict.fromkeys(corr))
        else:
            raise fail("corridors must be an array of names or one name")
        geom = feat.get("geometry") or {}
        gtype = geom.get("type")
        linear = kind in LINEAR_KINDS
        if linear and gtype not in ("LineString", "MultiLineString"):
            raise fail(f"a {kind} asset needs a LineString or MultiLineString, got {gtype}")
        if not linear and gtype not in ("Point", "Polygon", "MultiPolygon"):
            raise fail(f"a {kind} site needs a Point, Polygon or MultiPolygon, got {gtype}")
        try:
            c = geom["coordinates"]
            if gtype == "Point":
                parts = np.asarray(c, dtype=float)[:2].reshape(1, 2)
            elif gtype == "LineString":
                parts = [np.asarray(c, dtype=float)[:, :2]]
            elif gtype == "MultiLineString":
                parts = [np.asarray(p, dtype=float)[:, :2] for p in c]
            elif gtype == "Polygon":
                parts = [[np.asarray(r, dtype=float)[:, :2] for r in c]]
            else:
                parts = [[np.asarray(r, dtype=float)[:, :2] for r in poly] for poly in c]
        except (KeyError, TypeError, ValueError, IndexError):
            raise fail(f"malformed {gtype} coordinates") from None
        if aid in seen:
            raise fail(f"duplicate asset id (also feature {seen[aid]})")
        seen[aid] = index
        assets.append(dict(id=aid, kind=kind, name=name, criticality=float(crit), cpec=cpec,
                           corridors=corridors, gtype=gtype, parts=parts))
    return assets


def points_at(s, v, cum, az):
    """Points at chainages `s` (m) along a polyline with geodesic edges (vectorised)."""
    n = len(v)
    j = np.clip(np.searchsorted(cum, s, side="right") - 1, 0, max(n - 2, 0))
    off = s - cum[j]
    out = v[j].copy()
    at_end = s >= cum[np.minimum(j + 1, n - 1)]
    out[at_end] = v[np.minimum(j + 1, n - 1)][at_end]
    inner = (off > 0) & ~at_end
    if inner.any():
        lon, lat, _ = GEOD.fwd(v[j[inner], 0], v[j[inner], 1], az[j[inner]], off[inner])
        out[inner, 0], out[inner, 1] = lon, lat
    return out


def densify(c, step=20_000.0):
    """Geodesic points inserted so no edge is longer than `step` m (edges are geodesics, which
    are not straight in the projection)."""
    if len(c) < 2:
        return c
    _, _, d = GEOD.inv(c[:-1, 0], c[:-1, 1], c[1:, 0], c[1:, 1])
    long_edges = np.flatnonzero(np.atleast_1d(d) > step)
    if len(long_edges) == 0:
        return c
    out, last = [], 0
    for e in long_edges:
        out.append(c[last:e + 1])
        mid = GEOD.npts(c[e, 0], c[e, 1], c[e + 1, 0], c[e + 1, 1], int(math.ceil(d[e] / step)) - 1)
        out.append(np.asarray(mid).reshape(-1, 2))
        last = e + 1
    out.append(c[last:])
    return np.vstack(out)


def wkt_coords(c):
    return ", ".join(f"{x!r} {y!r}" for x, y in np.asarray(c, dtype=float).tolist())


def segment_assets(assets, p):
    """Scoring units (spec section 2): dicts with id, asset, chainage, kernel area W, the
    representative point (None for polygons: their planar centroid comes from ST_Centroid)
    and the densified lon/lat geometry as WKT."""
    L = p["segmentKm"] * 1000.0
    R = p["radiusKm"]
    point_area = math.pi * R * R / 3
    units, warnings = [], []
    for ai, a in enumerate(assets):
        if a["kind"] in LINEAR_KINDS:
            chain, k = 0.0, 0
            for pn, v in enumerate(a["parts"]):
                if len(v):
                    v = v[np.r_[True, np.any(v[1:] != v[:-1], axis=1)]]
                if len(v) < 2:
                    warnings.append(f"asset {a['id']}: part {pn + 1} has zero length and was skipped")
                    continue
                az, _, dist = GEOD.inv(v[:-1, 0], v[:-1, 1], v[1:, 0], v[1:, 1])
                az, dist = np.atleast_1d(az), np.atleast_1d(dist)
                cum = np.r_[0.0, np.cumsum(dist)]
                length = cum[-1]
                if not length > 0:
                    warnings.append(f"asset {a['id']}: part {pn + 1} has zero length and was skipped")
                    continue
                cuts = [0.0]
                j = 1.0
                while j * L < length:
                    cuts.append(j * L)
                    j += 1
                cuts.append(length)
                if len(cuts) > 2 and length - cuts[-2] < L / 2:
                    del cuts[-2]
                cuts = np.asarray(cuts)
                mids = (cuts[:-1] + cuts[1:]) / 2
                pts = points_at(np.r_[cuts, mids], v, cum, az)
                cp, mp = pts[:len(cuts)], pts[len(cuts):]
                for s in range(len(cuts) - 1):
                    a0, b0 = cuts[s], cuts[s + 1]
                    inner = np.flatnonzero((cum > a0) & (cum < b0))
                    coords = np.vstack([cp[s:s + 1], v[inner], cp[s + 1:s + 2]])
                    if np.array_equal(coords[-1], coords[-2]):
                        coords = coords[:-1]
                    k += 1
                    wkt = (f"LINESTRING ({wkt_coords(densify(coords))})" if len(coords) > 1
                           else f"POINT ({wkt_coords(coords[:1])})")
                    units.append(dict(id=f"{a['id']}#{k}", asset=ai, startKm=(chain + a0) / 1000,
                                      endKm=(chain + b0) / 1000, lengthKm=(b0 - a0) / 1000,
                                      W=(b0 - a0) / 1000 * (16.0 / 15.0) * R + point_area,
                                      rep=(float(mp[s, 0]), float(mp[s, 1])), wkt=wkt))
                chain += length
        elif a["gtype"] == "Point":
            x, y = a["parts"][0]
            units.append(dict(id=a["id"], asset=ai, startKm=0.0, endKm=0.0, lengthKm=0.0, W=point_area,
                              rep=(float(x), float(y)), wkt=f"POINT ({wkt_coords([[x, y]])})"))
        else:
            area = perim = 0.0
            polys = []
            for rings in a["parts"]:
                texts = []
                for ri, ring in enumerate(rings):
                    open_ring = ring[:-1] if len(ring) > 1 and np.array_equal(ring[0], ring[-1]) else ring
                    ra, rp = GEOD.polygon_area_perimeter(open_ring[:, 0], open_ring[:, 1])
                    area += abs(ra) if ri == 0 else -abs(ra)
                    perim += rp
                    texts.append(f"({wkt_coords(densify(ring))})")
                polys.append(f"({', '.join(texts)})")
            wkt = f"POLYGON {polys[0]}" if len(polys) == 1 else f"MULTIPOLYGON ({', '.join(polys)})"
            # The centroid is of the undensified polygon (spec section 6: planar, in lon/lat).
            plain = [f"({', '.join('(' + wkt_coords(r) + ')' for r in rings)})" for rings in a["parts"]]
            units.append(dict(id=a["id"], asset=ai, startKm=0.0, endKm=0.0, lengthKm=0.0,
                              W=point_area + area / 1e6 + perim / 1000 * (8.0 / 15.0) * R, rep=None, wkt=wkt,
                              plain=f"MULTIPOLYGON ({', '.join(plain)})"))
    return units, warnings


# ---------------------------------------------------------------------------------------------
# Incidents (spec section 1): read_csv + SQL validation

def read_header(path):
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as f:
        header = next(csv.reader(f), None)
    if header is None:
        raise InputFailure(f"{path}: is empty: no header line")
    return [h.strip(" \t").lower() for h in header]


def number_sql(col, name, limit):
    """(value expression, [(condition, reason), ...]) for a trimmed text column `col`."""
    checks = [
        (f"{col} = ''", f"missing {name}"),
        (f"NOT (regexp_matches({col}, '{NUMBER_RE}') OR regexp_matches({col}, '{NONFINITE_RE}'))",
         f"malformed {name}"),
        (f"NOT isfinite(coalesce(TRY_CAST({col} AS DOUBLE), 'inf'::DOUBLE))", f"{name} is not a finite number"),
        (f"abs(TRY_CAST({col} AS DOUBLE)) > {limit}", f"{name} is outside [-{limit}, {limit}]"),
    ]
    return f"TRY_CAST({col} AS DOUBLE)", checks


def count_sql(col):
    """(value, invalid) SQL for a count: empty is 0; a non-negative whole number up to 1e15."""
    v = f"TRY_CAST({col} AS DOUBLE)"
    invalid = (f"({col} <> '' AND NOT (regexp_matches({col}, '{NUMBER_RE}') AND isfinite(coalesce({v}, 'inf'::DOUBLE))"
               f" AND {v} >= 0 AND {v} = floor({v}) AND {v} <= 1e15))")
    return f"CASE WHEN {invalid} OR {col} = '' THEN 0 ELSE {v} END", invalid


DATE_SQL_ISO = r"""CASE WHEN regexp_matches(s, '^\d{4}-\d{2}-\d{2}$')
                   THEN [TRY_CAST(substr(s, 1, 4) AS INT), TRY_CAST(substr(s, 6, 2) AS INT), TRY_CAST(substr(s, 9, 2) AS INT)] END"""
DATE_SQL_ACLED = r"""CASE
      WHEN regexp_matches(s, '^\d{4}-\d{2}-\d{2}$')
        THEN [TRY_CAST(substr(s, 1, 4) AS INT), TRY_CAST(substr(s, 6, 2) AS INT), TRY_CAST(substr(s, 9, 2) AS INT)]
      WHEN regexp_matches(s, '^\d{2}-\d{2}-\d{4}$')
        THEN [TRY_CAST(substr(s, 7, 4) AS INT), TRY_CAST(substr(s, 4, 2) AS INT), TRY_CAST(substr(s, 1, 2) AS INT)]
      WHEN regexp_matches(s, '^\d{1,2} [A-Za-z]{3,9} \d{4}$')
        THEN [TRY_CAST(split_part(s, ' ', 3) AS INT),
              CASE WHEN length(split_part(s, ' ', 2)) = 3
                     THEN list_position(['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'], lower(split_part(s, ' ', 2)))
                   WHEN lower(split_part(s, ' ', 2)) = 'sept' THEN 9
                   ELSE list_position(['january','february','march','april','may','june','july','august','september',
                                       'october','november','december'], lower(split_part(s, ' ', 2))) END,
              TRY_CAST(split_part(s, ' ', 1) AS INT)]
    END"""


def read_incidents(con, path, wanted, p, tick):
    """Creates table `inc` (accepted incidents: k, id, day, lon, lat, precision, category,
    targets, casualty measure) and returns (rejected list, records read, layout)."""
    names = read_header(path)
    s = set(names)
    if "event_id_cnty" in s and "sub_event_type" in s:
        layout = "acled"
    elif {"id", "date", "lon", "lat"} <= s:
        layout = "native"
    else:
        raise InputFailure(f"{path}: unrecognised incidents layout (this peer reads ACLED and the native CSV)")
    pos = {}
    for i, n in enumerate(names):
        pos.setdefault(n, f"c{i}")

    def col(name, required=True):
        if name not in pos and required:
            raise InputFailure(f"{path}: {layout} header has no '{name}' column")
        return pos.get(name)
    if layout == "acled":
        want = dict(id=col("event_id_cnty"), date=col("event_date"), lat=col("latitude"), lon=col("longitude"),
                    precision=col("geo_precision"), sub=col("sub_event_type"), notes=col("notes", False),
                    fatalities=col("fatalities", False), civilian=col("civilian_targeting", False),
                    event_type=col("event_type", False))
    else:
        want = dict(id=col("id"), date=col("date"), lon=col("lon"), lat=col("lat"), precision=col("precision"),
                    category=col("category", False), target=col("target", False),
                    fatalities=col("fatalities", False), injured=col("injured", False),
                    hostages=col("hostages", False))
    want = {k: v for k, v in want.items() if v is not None}
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names))) + "}"
    # Every column as text, in file order (rowid); records with a wrong number of fields go to
    # reject_errors (strict mode) instead of stopping the read.
    con.execute(f"""
        CREATE TABLE raw AS
        SELECT {', '.join(f"coalesce(trim({c}, ' ' || chr(9)), '') AS {k}" for k, c in want.items() if k != 'notes')}
               {', coalesce(' + want['notes'] + ", '') AS notes" if 'notes' in want else ''}
        FROM read_csv({sql_str(path)}, columns = {columns}, header = false, skip = 1, delim = ',', quote = '"',
                      escape = '"', auto_detect = false, store_rejects = true, max_line_size = 16777216)""")
    odd_lines = con.execute("SELECT count(DISTINCT line) FROM reject_errors").fetchone()[0]
    n = con.execute("SELECT count(*) FROM raw").fetchone()[0]
    tick("  read_csv")

    lon_v, lon_checks = number_sql("lon", "longitude", 180)
    lat_v, lat_checks = number_sql("lat", "latitude", 90)
    prec_v, prec_bad = count_sql("precision")
    checks = [("id = ''", "missing id"),
              ("regexp_matches(id, '[\\x00-\\x1f\\x7f]')", "malformed id (contains a control character)"),
              ("date = ''", "missing date"), ("dy.day IS NULL", "malformed date")]
    checks += lon_checks + lat_checks
    checks += [(f"{lon_v} = 0 AND {lat_v} = 0",
                "coordinates are exactly (0, 0), the usual stand-in for an unknown location"),
               ("precision = ''", "missing precision"),
               (f"{prec_bad} OR {prec_v} NOT IN (1, 2, 3)", "precision must be 1, 2 or 3")]
    counts = {}
    for key in ("fatalities", "injured", "hostages"):
        if key in want:
            v, bad = count_sql(key)
            counts[key] = v
            checks.append((bad, f"{key} must be a non-negative whole number"))
        else:
            counts[key] = "0"
    reason = "CASE " + " ".join(f"WHEN {c} THEN {sql_str(r)}" for c, r in checks) + " END"

    # Category and targets.
    if layout == "acled":
        cases = " ".join(f"WHEN {sql_str(k)} THEN {sql_str(v)}" for k, v in ACLED_CATEGORY.items() if k != "other")
        other = "'nonViolent'"
        if "event_type" in want:
            other = "CASE WHEN lower(event_type) IN ('strategic developments', '') THEN 'nonViolent' ELSE 'other' END"
        category = f"CASE lower(sub) {cases} WHEN 'other' THEN {other} ELSE 'other' END"
        bits = [f"CASE WHEN regexp_matches(notes, {sql_str(keyword_regex(words))}) THEN {BIT[t]} ELSE 0 END"
                for t, words in KEYWORDS if BIT[t] & wanted] if "notes" in want else []
        found = " | ".join(bits) if bits else "0"
        fallback = f"CASE WHEN civilian <> '' THEN {BIT['civilians']} ELSE {BIT['other']} END" \
            if "civilian" in want else str(BIT["other"])
        targets = f"(SELECT CASE WHEN b = 0 THEN {fallback} ELSE b END FROM (SELECT ({found}) AS b))"
    else:
        category = ("CASE WHEN category IN (" + ", ".join(sql_str(c) for c in CATEGORIES) + ") THEN category ELSE 'other' END"
                    if "category" in want else "'other'")
        if "target" in want:
            tcase = "CASE trim(x, ' ' || chr(9)) " + " ".join(f"WHEN {sql_str(t)} THEN {BIT[t]}" for t in TARGETS) \
                + f" WHEN '' THEN 0 ELSE {BIT['other']} END"
            targets = (f"(SELECT CASE WHEN b = 0 THEN {BIT['other']} ELSE b END FROM (SELECT list_reduce("
                       f"list_transform(string_split_regex(target, '[;,]'), lambda x: {tcase}), lambda a, b: a | b) AS b))")
        else:
            targets = str(BIT["other"])
    sev = p["severity"]
    casualties = (f"{sql_num(sev['fatalities'])} * {counts['fatalities']} + {sql_num(sev['injured'])} * {counts['injured']}"
                  f" + {sql_num(sev['hostages'])} * {counts['hostages']}")
    date_expr = DATE_SQL_ACLED if layout == "acled" else DATE_SQL_ISO
    # Dates are parsed once per distinct string, then joined back.
    con.execute(f"""
        CREATE TABLE checked AS
        WITH dates AS (
            SELECT s, date_diff('day', DATE '1970-01-01', try(make_date(ymd[1], ymd[2], ymd[3]))) AS day
            FROM (SELECT s, {date_expr} AS ymd FROM (SELECT DISTINCT date AS s FROM raw))
        )
        SELECT r.rowid AS row, r.id, dy.day, {lon_v} AS lon, {lat_v} AS lat, {prec_v}::TINYINT AS precision,
               {reason} AS reason
               {', ' + category + ' AS category, ' + targets + '::USMALLINT AS targets, ' + casualties + ' AS casualties'}
        FROM raw r LEFT JOIN dates dy ON dy.s = r.date""")
    # Duplicate ids: a repeat of an id accepted earlier in the file.
    con.execute("""
        CREATE TABLE accepted AS
        SELECT *, row_number() OVER (PARTITION BY id ORDER BY row) AS nth, min(row) OVER (PARTITION BY id) AS first_row
        FROM checked WHERE reason IS NULL""")
    con.execute("""
        CREATE TABLE inc AS
        SELECT row_number() OVER (ORDER BY row) - 1 AS k, row, id, day, lon, lat, precision, category, targets, casualties
        FROM accepted WHERE nth = 1 ORDER BY row""")
    tick("  validate (SQL)")

    rejected = []
    bad = con.execute("""
        SELECT row, id, reason, NULL AS first_row FROM checked WHERE reason IS NOT NULL
        UNION ALL
        SELECT row, id, 'duplicate id', first_row FROM accepted WHERE nth > 1
        ORDER BY row""").fetchall()
    if bad or odd_lines:
        # DuckDB numbers records, not physical lines: where each record starts comes from one
        # vectorised byte scan of the file, run only when something is rejected.
        lines, odd = record_lines(path, len(names))
        if len(lines) != n or len(odd) != odd_lines:
            raise InputFailure(f"{path}: could not locate the rejected records' lines ({len(lines)} + {len(odd)} "
                               f"records found, DuckDB read {n} + {odd_lines}; DuckDB's CSV reader takes a record "
                               "whose extra fields are all empty for a valid row)")
        for row, rid, why, first in bad:
            rid = rid if rid and len(rid) <= 200 else None
            if first is not None:
                why = f"duplicate id (first accepted on line {int(lines[first])})"
            rejected.append(dict(line=int(lines[row]), id=rid, reason=why))
        id_col = int(want["id"][1:])
        for line, fields in odd:
            rid = fields[id_col].strip(" \t") if id_col < len(fields) else ""
            rejected.append(dict(line=line, id=rid if 0 < len(rid) <= 200 else None,
                                 reason=f"has {len(fields)} fields, the header has {len(names)}"))
        rejected.sort(key=lambda r: r["line"])
    return rejected, n + odd_lines, layout


def record_lines(path, ncols, chunk=1 << 26):
    """Where each CSV record starts (physical line, header = 1): a line feed ends a record when
    the quotes before it are balanced; blank lines are no records. Returns the lines of the
    records with `ncols` fields, in order, and (line, fields) of the others."""
    data = np.memmap(path, dtype=np.uint8, mode="r")
    nl, qt, cm = [], [], []
    for off in range(0, len(data), chunk):
        block = data[off:off + chunk]
        nl.append(np.flatnonzero(block == 10) + off)
        qt.append(np.flatnonzero(block == 34) + off)
        cm.append(np.flatnonzero(block == 44) + off)
    nl, qt, cm = (np.concatenate(a) if a else np.zeros(0, np.int64) for a in (nl, qt, cm))
    ends = nl[np.searchsorted(qt, nl) % 2 == 0]
    commas = cm[np.searchsorted(qt, cm) % 2 == 0]
    starts = ends + 1
    starts = starts[starts < len(data)]
    nxt = data[np.minimum(starts, len(data) - 1)]
    nxt2 = data[np.minimum(starts + 1, len(data) - 1)]
    blank = (nxt == 10) | ((nxt == 13) & (nxt2 == 10) & (starts + 1 < len(data)))
    starts = starts[~blank]
    line = np.searchsorted(nl, starts) + 1
    k = np.searchsorted(ends, starts)
    stops = ends[np.minimum(k, len(ends) - 1)] if len(ends) else np.zeros(len(starts), np.int64)
    stops = np.where(k < len(ends), stops, len(data))
    fields = np.searchsorted(commas, stops) - np.searchsorted(commas, starts) + 1
    good = fields == ncols
    odd = []
    for s0, s1, ln in zip(starts[~good], stops[~good], line[~good]):
        text = bytes(data[s0:s1]).decode("utf-8", "replace").rstrip("\r")
        odd.append((int(ln), next(csv.reader([text]), [])))
    return line[good], odd


# ---------------------------------------------------------------------------------------------
# The join and the per-unit sums (spec section 3), in SQL

def reach_classes(p):
    R = p["radiusKm"] * 1000.0
    classes, of = [], {}
    for prec in (1, 2, 3):
        rho = 0.0 if p["precisionModel"] == "weight" else p["uncertaintyKm"][str(prec)] * 1000.0
        ri = R if rho == 0 else math.sqrt(R * R + rho * rho)
        entry = (ri, (R / ri) ** 2)
        if entry not in classes:
            classes.append(entry)
        of[prec] = classes.index(entry)
    return classes, of


def widen(x0, y0, x1, y1, metres):
    """A lon/lat box grown by `metres` (as the Swift tool's Envelope.widened)."""
    dlat = metres / 110_000 * 1.01
    maxlat = min(89.9, max(abs(y0), abs(y1)) + dlat)
    dlon = min(360.0, metres / (111_320 * math.cos(math.radians(maxlat))) * 1.01)
    return x0 - dlon, max(-90.0, y0 - dlat), x1 + dlon, min(90.0, y1 + dlat)


def tm(cm):
    return f"+proj=tmerc +lat_0=0 +lon_0={cm!r} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"


def join(con, p, mode, T):
    """Creates table `pairs` (u, k, d, base, age): every incident-unit pair closer than the
    incident's R_i, with its contribution before decay. Returns the number of zones."""
    classes, class_of = reach_classes(p)
    rmax = max(r for r, _ in classes)
    cw = " ".join(f"WHEN {sql_str(c)} THEN {sql_num(w)}" for c, w in p["categoryWeights"].items())
    pf = " ".join(f"WHEN {k} THEN {sql_num(v)}" for k, v in p["precisionFactors"].items())
    cls = " ".join(f"WHEN {k} THEN {v}" for k, v in class_of.items())
    reach = " ".join(f"WHEN {k} THEN {sql_num(classes[v][0])}" for k, v in class_of.items())
    scale = " ".join(f"WHEN {k} THEN {sql_num(classes[v][1])}" for k, v in class_of.items())
    # The incidents the join sees: not after T and of a category with a weight.
    con.execute(f"""
        CREATE TABLE scored AS
        SELECT k, lon, lat, targets, {T} - day AS age,
               (CASE category {cw} END) * (1 + ln(1 + casualties)) * (CASE precision {pf} END) AS weight,
               (CASE precision {cls} END)::TINYINT AS cls, CASE precision {reach} END AS reach,
               CASE precision {scale} END AS scale
        FROM inc WHERE day <= {T} AND (CASE category {cw} END) > 0 ORDER BY lon""")
    zones = con.execute("""
        SELECT zone, min(ST_XMin(g)), min(ST_YMin(g)), max(ST_XMax(g)), max(ST_YMax(g))
        FROM units GROUP BY zone ORDER BY zone""").fetchall()
    slack = 1.0 if mode == "tm" else 1.001
    # Each zone's incidents (its units' extent grown by the largest reach, also 360 degrees east
    # and west), projected once to the zone's transverse Mercator: one PROJ transformation per zone.
    projected = []
    for zone, x0, y0, x1, y1 in zones:
        wx0, wy0, wx1, wy1 = widen(x0, y0, x1, y1, rmax)
        lon_ok = " OR ".join(f"lon + {s} BETWEEN {wx0!r} AND {wx1!r}" for s in (0, 360, -360))
        projected.append(f"""
            SELECT {zone}::INT AS zone, cls, k, lat, weight, targets, age, reach, scale,
                   ST_Transform(ST_Point(lon, lat), 'EPSG:4326', {sql_str(tm(float(zone)))}, always_xy := true) AS g
            FROM scored WHERE lat BETWEEN {wy0!r} AND {wy1!r} AND ({lon_ok})""")
    if projected:
        con.execute(f"CREATE TABLE zinc AS {' UNION ALL '.join(projected)} ORDER BY zone, cls")
    # One ST_DWithin spatial join (R-tree over the zone's units) per zone and precision class.
    branches = []
    for zone, *_ in zones:
        for c, (rk, _) in enumerate(classes):
            branches.append(f"""
            SELECT u.u, i.k, i.lat, ST_X(i.g) AS x, u.x0, u.x1, ST_Distance(u.g, i.g) AS dp,
                   i.weight, i.targets, i.age, i.reach, i.scale, u.rel
            FROM (SELECT * FROM zinc WHERE zone = {zone} AND cls = {c}) i
            JOIN (SELECT u, g, rel, ST_XMin(g) AS x0, ST_XMax(g) AS x1 FROM units_tm WHERE zone = {zone}) u
              ON ST_DWithin(u.g, i.g, {rk * slack!r})""")
    if mode == "tm-corrected":
        # Mean TM scale along the line from the incident to the unit's nearest point, whose
        # easting is taken as the incident's clipped to the unit's extent.
        xn = "greatest(x0, least(x1, x))"
        rho_nu = (f"({WGS84_A * WGS84_A * (1 - WGS84_E2)!r} / pow(1 - {WGS84_E2!r} * pow(sin(radians(lat)), 2), 2))")
        dist = f"dp / (1 + (x * x + x * {xn} + {xn} * {xn}) / (6 * {rho_nu}))"
    else:
        dist = "dp"
    mult = sql_num(p["targetMultiplier"])
    con.execute(f"""
        CREATE TABLE pairs AS
        SELECT u, k, d, age,
               weight * (CASE WHEN (targets & rel) <> 0 THEN {mult} ELSE 1.0::DOUBLE END)
                      * scale * pow(1 - (d / reach) * (d / reach), 2) AS base
        FROM (SELECT *, {dist} AS d FROM ({' UNION ALL '.join(branches) if branches else 'SELECT NULL::INT AS u, NULL::BIGINT AS k, NULL::DOUBLE AS lat, NULL::DOUBLE AS x, NULL::DOUBLE AS x0, NULL::DOUBLE AS x1, NULL::DOUBLE AS dp, NULL::DOUBLE AS weight, NULL::USMALLINT AS targets, NULL::INT AS age, NULL::DOUBLE AS reach, NULL::DOUBLE AS scale, NULL::USMALLINT AS rel WHERE false'}))
        WHERE d < reach""")
    return len(zones)


def unit_sums(con, p):
    """Per-unit sums over the pairs, with every decay taken from its definition."""
    H, t = sql_num(p["halfLifeDays"]), int(p["trendDays"])
    step, points = int(p["historyStepDays"]), int(p["historyPoints"])
    decay = lambda lag: f"pow(2.0::DOUBLE, -({lag}) / {H})"  # noqa: E731
    hist = ", ".join(f"coalesce(sum(base * {decay(f'age - {k * step}')}) FILTER (WHERE age >= {k * step}), 0) AS h{k}"
                     for k in range(points))
    con.execute(f"""
        CREATE TABLE sums AS
        SELECT u, sum(c) AS E, sum(c * c) AS S2, count(*) AS N,
               coalesce(sum(base * {decay(f'age - {t}')}) FILTER (WHERE age >= {t}), 0) AS P,
               coalesce(sum(c) FILTER (WHERE age < {t}), 0) AS RC,
               coalesce(sum(base * {decay(f'age - {t}')}) FILTER (WHERE age >= {t} AND age < {2 * t}), 0) AS PR,
               {hist},
               list_min(max(c, {int(p['topIncidents'])})) AS kth
        FROM (SELECT *, base * {decay('age')} AS c FROM pairs) WHERE c > 0 GROUP BY u""")


# ---------------------------------------------------------------------------------------------
# Hot spots and smoothing: numpy / scipy after the SQL

def fdr_bins(pv, z):
    ps = np.sort(pv)
    m = len(ps)
    level = np.zeros(m, dtype=np.int64)
    for q, lv in ((0.10, 1), (0.05, 2), (0.01, 3)):
        ok = np.flatnonzero(ps <= np.arange(1, m + 1) * q / m)
        if len(ok):
            level[pv <= ps[ok[-1]]] = lv
    return np.where(z < 0, -level, level)


def hotspots(con, x, band_km):
    n = len(x)
    if n < 3:
        return [None] * n
    mean = x.mean()
    S = math.sqrt(((x - mean) ** 2).sum() / n)
    if not S > 0:
        return [None] * n
    D = band_km * 1000.0 + 1.0
    dlat = D / 110_000 * 1.02
    # Neighbours: a range join on degree boxes (also 360 degrees east and west), confirmed with
    # the geodesic distance (ST_Distance_Spheroid takes lat, lon).
    nb = con.execute(f"""
        WITH r AS (SELECT u, rep_lon AS lon, rep_lat AS lat,
                          least(360.0, {D!r} / (111320 * cos(radians(least(89.9, abs(rep_lat) + {dlat!r})))) * 1.02) AS dlon
                   FROM units),
             s AS (SELECT u, lon, lat, lon + sh AS slon FROM r, (VALUES (0.0), (360.0), (-360.0)) v(sh))
        SELECT a.u, count(DISTINCT b.u)::BIGINT AS k, list(DISTINCT b.u) AS js
        FROM r a JOIN s b ON b.lat BETWEEN a.lat - {dlat!r} AND a.lat + {dlat!r}
                         AND b.slon BETWEEN a.lon - a.dlon AND a.lon + a.dlon
        WHERE ST_Distance_Spheroid(ST_Point(a.lat, a.lon)::POINT_2D, ST_Point(b.lat, b.lon)::POINT_2D) <= {D!r}
        GROUP BY a.u ORDER BY a.u""").fetchall()
    k = np.zeros(n)
    s = np.zeros(n)
    for u, cnt, js in nb:
        k[u] = cnt
        s[u] = x[np.asarray(js, dtype=np.int64)].sum()
    den = S * np.sqrt((n * k - k * k) / (n - 1))
    has = den > 0
    out = [None] * n
    if not has.any():
        return out
    z = (s[has] - mean * k[has]) / den[has]
    pv = np.array([math.erfc(abs(v) / math.sqrt(2)) for v in z])
    level = np.where(pv <= 0.01, 3, np.where(pv <= 0.05, 2, np.where(pv <= 0.10, 1, 0)))
    b, bf = np.where(z < 0, -level, level), fdr_bins(pv, z)
    for t, u in enumerate(np.flatnonzero(has)):
        out[u] = dict(z=float(z[t]), p=float(pv[t]), bin=int(b[t]), binFdr=int(bf[t]))
    return out


def smoothing(E, S2, W, p):
    total = E.sum()
    if len(E) == 0 or not total > 0:
        return None
    phi = S2.sum() / total
    e, b = E / phi, W / 1000.0
    m = e.sum() / b.sum()
    s2 = (b * (e / b - m) ** 2).sum() / b.sum() - m / b.mean()
    if not s2 > 0:
        full = np.full(len(E), phi * m)
        return full, full, full
    from scipy.stats import gamma  # imported early on a background thread (see run)
    shape, rate = m * m / s2 + e, m / s2 + b
    level = p["intervalLevel"]
    return (phi * shape / rate, phi * gamma.ppf((1 - level) / 2, shape) / rate,
            phi * gamma.ppf((1 + level) / 2, shape) / rate)


# ---------------------------------------------------------------------------------------------

def spatial_extension_path():
    import duckdb_extension_spatial
    return os.path.join(os.path.dirname(duckdb_extension_spatial.__file__), "extensions",
                        "v" + duckdb.__version__.lstrip("v"), "spatial.duckdb_extension")


def run(infra_path, incidents_path, out_path, as_of=None, mode="tm-corrected", threads=None, timings=False,
        model=None):
    p = load_model(model) if model else PARAMS
    threads = threads or os.cpu_count() or 1
    tick = Timer(timings)
    con = duckdb.connect(config={"threads": threads, "preserve_insertion_order": True})
    con.load_extension(spatial_extension_path())
    tick("connect + spatial")
    assets = read_infrastructure(infra_path)
    units, warnings = segment_assets(assets, p)
    tick("infrastructure + segment")
    wanted = 0
    rel = []
    for a in assets:
        r = (BIT[RELEVANT[a["kind"]]] if a["kind"] in RELEVANT else 0) | (BIT["foreignNationals"] if a["cpec"] else 0)
        wanted |= r
        rel.append(r)
    n_units = len(units)
    # The units go in through a temporary CSV (a Python parameter or a registered array would
    # make the duckdb module import pandas and pyarrow, a second of start-up; a long VALUES list
    # keeps the SQL parser busy).
    with tempfile.TemporaryDirectory(prefix="peer_duckdb-") as tmp:
        path = os.path.join(tmp, "units.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            for ui, u in enumerate(units):
                w.writerow([ui, u["wkt"], u.get("plain") or "", "" if u["rep"] is None else repr(u["rep"][0]),
                            "" if u["rep"] is None else repr(u["rep"][1]), repr(float(u["W"])), rel[u["asset"]],
                            repr(assets[u["asset"]]["criticality"]), repr(float(u["lengthKm"])),
                            "true" if assets[u["asset"]]["kind"] in LINEAR_KINDS else "false"])
        con.execute(f"""
            CREATE TABLE unit_input AS SELECT * FROM read_csv({sql_str(path)}, header = false, auto_detect = false,
                delim = ',', quote = '"', escape = '"', max_line_size = 1073741824,
                columns = {{'u': 'INT', 'wkt': 'VARCHAR', 'plain': 'VARCHAR', 'rep_lon0': 'DOUBLE', 'rep_lat0': 'DOUBLE',
                           'W': 'DOUBLE', 'rel': 'USMALLINT', 'crit': 'DOUBLE', 'len': 'DOUBLE', 'linear': 'BOOLEAN'}})""")
    con.execute("""
        CREATE TABLE units AS
        SELECT u, ST_GeomFromText(wkt) AS g, W, rel, crit, len, linear,
               coalesce(rep_lon0, ST_X(ST_Centroid(ST_GeomFromText(plain)))) AS rep_lon,
               coalesce(rep_lat0, ST_Y(ST_Centroid(ST_GeomFromText(plain)))) AS rep_lat
        FROM unit_input""")
    invalid = con.execute("SELECT u FROM units WHERE ST_GeometryType(g) IN ('POLYGON', 'MULTIPOLYGON') "
                          "AND NOT ST_IsValid(g) ORDER BY u LIMIT 1").fetchall()
    if invalid:
        raise InputFailure(f"{infra_path}: asset {units[invalid[0][0]]['id']}: invalid polygon")
    # 1-degree zones by representative point (round half away from zero, as the Swift tool).
    con.execute("ALTER TABLE units ADD COLUMN zone INT")
    con.execute("UPDATE units SET zone = round(rep_lon)::INT")
    con.execute("""
        CREATE TABLE units_tm AS
        SELECT u, zone, rel, ST_Transform(g, 'EPSG:4326',
               '+proj=tmerc +lat_0=0 +lon_0=' || zone || ' +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs',
               always_xy := true) AS g
        FROM units""")
    tick("units to DuckDB")

    # scipy.stats takes about a second to import: do it on a thread while DuckDB reads and joins
    # (it releases the GIL), and wait for it only when the smoothing needs it.
    preload = threading.Thread(target=importlib.import_module, args=("scipy.stats",), daemon=True)
    preload.start()
    rejected, read, layout = read_incidents(con, incidents_path, wanted, p, tick)
    tick("read incidents")
    if as_of is not None:
        try:
            y, m, d = (int(v) for v in as_of.split("-"))
            T = con.execute(f"SELECT date_diff('day', DATE '1970-01-01', make_date({y}, {m}, {d}))").fetchone()[0]
        except (ValueError, duckdb.Error):
            raise InputFailure(f"--as-of {as_of!r} is not a YYYY-MM-DD date") from None
    else:
        T = con.execute("SELECT max(day) FROM inc").fetchone()[0]

    points = int(p["historyPoints"])
    future = excluded = used = beyond = 0
    if T is not None and n_units:
        cw = " ".join(f"WHEN {sql_str(c)} THEN {sql_num(w)}" for c, w in p["categoryWeights"].items())
        future, excluded = con.execute(f"""
            SELECT count(*) FILTER (WHERE day > {T}), count(*) FILTER (WHERE day <= {T} AND (CASE category {cw} END) <= 0)
            FROM inc""").fetchone()
        join(con, p, mode, T)
        tick("join (SQL)")
        unit_sums(con, p)
        used = con.execute("SELECT count(DISTINCT k) FROM pairs WHERE base * pow(2.0::DOUBLE, -age / "
                           f"{sql_num(p['halfLifeDays'])}) > 0").fetchone()[0]
        beyond = con.execute("SELECT count(*) FROM scored").fetchone()[0] - used
        tick("sums (SQL)")
    else:
        con.execute("CREATE TABLE sums AS SELECT NULL::INT AS u, 0.0::DOUBLE AS E, 0.0::DOUBLE AS S2, 0::BIGINT AS N, "
                    "0.0::DOUBLE AS P, 0.0::DOUBLE AS RC, 0.0::DOUBLE AS PR, "
                    + ", ".join(f"0.0::DOUBLE AS h{k}" for k in range(points)) + ", 0.0::DOUBLE AS kth WHERE false")

    # Scores, tiers and trends per unit.
    kappa, tb = sql_num(p["kappa"]), [sql_num(b) for b in p["tierBounds"]]
    tier = lambda s: (f"CASE WHEN {s} >= {tb[3]} THEN 4 WHEN {s} >= {tb[2]} THEN 3 WHEN {s} >= {tb[1]} THEN 2 "  # noqa: E731
                      f"WHEN {s} >= {tb[0]} THEN 1 ELSE 0 END")
    now, before = ("threat", "prev") if p["trendModel"] == "v1.1" else ("recent", "prior")
    rising, falling = sql_num(p["trendRising"]), sql_num(p["trendFalling"])
    hist = ", ".join(f"1000 * coalesce(s.h{points - 1 - k}, 0) / u.W" for k in range(points))
    con.execute(f"""
        CREATE TABLE result AS
        SELECT *, {tier('score')} AS tier,
               CASE WHEN {now} = 0 AND {before} = 0 THEN 'none' WHEN {now} >= {rising} * {before} THEN 'rising'
                    WHEN {now} <= {falling} * {before} THEN 'falling' ELSE 'stable' END AS direction
        FROM (SELECT u.u, u.W, u.crit, u.len, u.linear, coalesce(s.E, 0) AS E, coalesce(s.S2, 0) AS S2,
                     coalesce(s.N, 0) AS N, 1000 * coalesce(s.E, 0) / u.W AS threat,
                     1000 * coalesce(s.E, 0) / u.W * u.crit AS risk,
                     100 * (1 - exp(-(1000 * coalesce(s.E, 0) / u.W * u.crit) / {kappa})) AS score,
                     1000 * coalesce(s.P, 0) / u.W AS prev, 1000 * coalesce(s.RC, 0) / u.W AS recent,
                     1000 * coalesce(s.PR, 0) / u.W AS prior, [{hist}] AS history
              FROM units u LEFT JOIN sums s USING (u))
        ORDER BY u""")
    res = con.execute("SELECT u, E, S2, N, threat, risk, score, tier, prev, recent, prior, direction, history, W, crit "
                      "FROM result ORDER BY u").fetchall()
    # The top incidents: candidates at or above each unit's K-th contribution, ranked with the
    # id as tie-break (code-point order: DuckDB compares VARCHAR bytewise).
    tops = [[] for _ in range(n_units)]
    if T is not None and n_units:
        K = int(p["topIncidents"])
        rows = con.execute(f"""
            SELECT u, id, d, age, c FROM (
                SELECT p.u, i.id, p.d, p.age, p.c,
                       row_number() OVER (PARTITION BY p.u ORDER BY p.c DESC, i.id) AS rk
                FROM (SELECT *, base * pow(2.0::DOUBLE, -age / {sql_num(p['halfLifeDays'])}) AS c FROM pairs) p
                JOIN sums s USING (u) JOIN inc i ON i.k = p.k
                WHERE p.c >= s.kth AND p.c > 0)
            WHERE rk <= {K} ORDER BY u, rk""").fetchall()
        E_of = {r[0]: r[1] for r in res}
        for u, rid, d, age, c in rows:
            tops[u].append(dict(id=rid, distanceKm=d / 1000, ageDays=int(age), contribution=c, share=c / E_of[u]))
    tick("scores + top incidents (SQL)")

    E = np.array([r[1] for r in res], dtype=float)
    S2 = np.array([r[2] for r in res], dtype=float)
    threat = np.array([r[4] for r in res], dtype=float)
    W = np.array([r[13] for r in res], dtype=float)
    crit = np.array([r[14] for r in res], dtype=float)
    hs = hotspots(con, threat, p["hotspotKm"])
    preload.join()
    sm = smoothing(E, S2, W, p)
    if sm is not None:
        tbn = np.asarray(p["tierBounds"])
        sm_scores = [100 * (1 - np.exp(-(v * crit) / p["kappa"])) for v in sm]
        sm_tier = np.searchsorted(tbn, sm_scores[0], side="right")
    tick("hot spots + smoothing")

    out_units = []
    for (ui, e, s2, cnt, th, risk, score, ti, prev, recent, prior, direction, history, _, _) in res:
        u = units[ui]
        a = assets[u["asset"]]
        out_units.append(dict(
            id=u["id"], assetId=a["id"], assetName=a["name"], kind=a["kind"], corridors=a["corridors"],
            startKm=u["startKm"], endKm=u["endKm"], lengthKm=u["lengthKm"],
            exposure=e, threat=th, risk=risk, score=score, tier=TIERS[ti], incidentCount=int(cnt),
            effectiveIncidents=e * e / s2 if s2 > 0 else 0.0, topIncidents=tops[ui],
            trend=dict(previousThreat=prev, recentThreat=recent, priorThreat=prior, direction=direction),
            hotspot=hs[ui],
            smoothed=None if sm is None else dict(
                threat=float(sm[0][ui]), low=float(sm[1][ui]), high=float(sm[2][ui]),
                score=float(sm_scores[0][ui]), scoreLow=float(sm_scores[1][ui]), scoreHigh=float(sm_scores[2][ui]),
                tier=TIERS[sm_tier[ui]]),
            lowData=bool(cnt <= p["lowDataIncidents"]), history=list(history), places=None))

    # Corridors (spec section 4), in SQL over the scored units.
    names = list(dict.fromkeys(c for a in assets for c in a["corridors"]))
    corridors = []
    if names:
        con.execute("CREATE TABLE membership (u INT, name VARCHAR)")
        con.execute("INSERT INTO membership VALUES " + ", ".join(
            f"({ui}, {sql_str(c)})" for ui, u in enumerate(units) for c in assets[u["asset"]]["corridors"]))
        kbt = ", ".join(f"coalesce(sum(len) FILTER (WHERE linear AND tier = {i}), 0.0) AS {t}" for i, t in enumerate(TIERS))
        rows = {r[0]: r for r in con.execute(f"""
            SELECT name, coalesce(sum(len) FILTER (WHERE linear), 0.0) AS length, max(score) AS max_score,
                   sum(score * len) FILTER (WHERE linear) / nullif(sum(len) FILTER (WHERE linear), 0) AS mean_score,
                   {kbt}
            FROM membership JOIN result USING (u) GROUP BY name""").fetchall()}
        for name in names:
            r = rows[name]
            corridors.append(dict(name=name, lengthKm=r[1], maxScore=r[2], meanScore=r[3],
                                  kmByTier={t: r[4 + i] for i, t in enumerate(TIERS)}))

    report = dict(
        asOf=day_string(T) if T is not None else None, parameters=p,
        incidents=dict(read=read, rejected=len(rejected), future=int(future), excluded=int(excluded),
                       beyondRadius=int(beyond), used=int(used)),
        rejected=rejected, units=out_units, corridors=corridors, warnings=warnings,
        engine=dict(name="peer_duckdb", duckdb=duckdb.__version__, layout=layout, distance=mode, threads=threads))
    with open(out_path, "w") as f:
        json.dump(report, f, separators=(",", ":"))
        f.write("\n")
    tick("write json")
    if timings:
        print(f"  {'total':<22} {time.perf_counter() - tick.t0:7.3f} s", file=sys.stderr)
    return report


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("infrastructure")
    ap.add_argument("incidents")
    ap.add_argument("output")
    ap.add_argument("--as-of", help="score as of this day (YYYY-MM-DD); default: the latest valid incident")
    ap.add_argument("--model", help="a model file (JSON) overriding the spec's defaults (spec section 6)")
    ap.add_argument("--distance", choices=["tm-corrected", "tm"], default="tm-corrected")
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    ap.add_argument("--timings", action="store_true", help="print phase timings to stderr")
    a = ap.parse_args(argv)
    try:
        run(a.infrastructure, a.incidents, a.output, a.as_of, a.distance, a.threads, a.timings, a.model)
    except (InputFailure, OSError, ValueError) as e:
        print(f"peer_duckdb: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
