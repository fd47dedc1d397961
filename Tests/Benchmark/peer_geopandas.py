#!/usr/bin/env python3
"""Side-by-side peer of CorridorRisk's `risk-report`, written with the Python geo stack.

    peer_geopandas.py INFRA.geojson INCIDENTS.csv OUT.json [--as-of YYYY-MM-DD] [--model FILE]
                      [--distance tm-corrected|tm|exact] [--threads N] [--timings]

It scores the same model (spec v2.0, /work/shared/spec/risk-model.md sections 1-7) the way an
expert would write it for speed with GeoPandas / shapely 2 / pyproj / numpy / pandas / pyarrow
(and scipy.stats for the Gamma quantiles of the smoothing):

* incidents: pyarrow's multithreaded CSV reader (only the needed columns, as strings), then
  vectorised validation (RE2 regexes and casts in pyarrow.compute, numpy masks); dates and
  sub-event types are parsed once per distinct value (dictionary encoding), never per row;
  targets come from `notes` with one RE2 regex per target (the spec's keyword table).
  Reads ACLED exports (both layouts) and the native CSV (`id,date,lon,lat,precision,...`).
  ACLED's non-violent sub-event types are the `nonViolent` category (weight 0: `excluded`).
* units: geodesic segmentation with pyproj.Geod (10 km chainage, tail merge, cut points on the
  geodesic edge), sites as points / polygons with geodesic area and perimeter.
* join: units are grouped into 1-degree longitude zones, each with its own transverse
  Mercator (pyproj); each zone's unit envelopes, grown by each precision class's reach
  R_i = sqrt(R^2 + rho^2), go in one shapely STRtree per class, and the zone's incidents of
  that class are queried in bulk; distances come from shapely.distance, the spread kernel
  (R/R_i)^2 (1 - (d/R_i)^2)^2 from numpy. Every unit lives in exactly one zone, so per-unit
  sums (numpy bincount: exposure, sum of squares, previous / recent / prior threat and the 12
  history points, each point computed directly from its definition) and top-5 lists (lexsort)
  are complete per zone. Zones run on a thread pool (shapely, pyproj and pyarrow release the GIL).
* distances (--distance): `tm-corrected` (default) divides the planar distance by the mean
  transverse-Mercator scale factor along the incident-unit line, k = 1 + (x1^2+x1*x2+x2^2)/(6*rho*nu),
  which leaves ~1e-5 relative error; `tm` is the plain planar distance (up to ~1.2e-4 long);
  `exact` finds the nearest point in the projection, maps it back to lon/lat and takes the
  geodesic (pyproj.Geod.inv) to it (slow; for validation).
* hot spots: Getis-Ord Gi* with STRtree candidates in lon/lat and geodesic confirmation
  (band + 1 m), bins and Benjamini-Hochberg bins (binFdr).
* smoothing: global Empirical-Bayes (Marshall) on equivalent counts, Gamma posterior
  quantiles from scipy.stats.gamma.ppf; `lowData` from the incident count.

No Python loop runs over incidents or incident-unit pairs; the loops left are over assets,
zones, precision classes, history points, distinct date/category strings and the few units'
top-5 candidates. Places (spec section 8) are not computed: `places` is null (no gazetteer).
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import math
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import shapely
import geopandas as gpd
from pyproj import Geod, Transformer

GEOD = Geod(ellps="WGS84")
WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)

# ---------------------------------------------------------------------------------------------
# Model parameters (spec section 3 defaults; the report echoes them)

CATEGORIES = ["hijacking", "suicideBombing", "bombing", "armedAssault", "hostageTaking", "kidnapping",
              "shelling", "sabotage", "armedClash", "unrest", "nonViolent", "other"]
CATEGORY_WEIGHTS = {"hijacking": 3.0, "suicideBombing": 3.0, "bombing": 2.0, "armedAssault": 2.0,
                    "hostageTaking": 2.0, "kidnapping": 1.5, "shelling": 1.5, "sabotage": 1.5,
                    "armedClash": 1.0, "unrest": 0.5, "nonViolent": 0.0, "other": 0.5}
TARGETS = ["rail", "road", "energy", "maritime", "aviation", "mining", "foreignNationals",
           "security", "civilians", "government", "other"]
BIT = {t: 1 << i for i, t in enumerate(TARGETS)}

PARAMS = {
    "segmentKm": 10.0, "radiusKm": 25.0, "halfLifeDays": 365.0, "kappa": 10.0, "trendDays": 180,
    "hotspotKm": 50.0,
    "categoryWeights": dict(CATEGORY_WEIGHTS),
    "precisionFactors": {"1": 1.0, "2": 0.8, "3": 0.5},
    "targetMultiplier": 1.5,
    "severity": {"fatalities": 1.0, "injured": 0.5, "hostages": 0.25},
    "topIncidents": 5, "tierBounds": [20.0, 40.0, 60.0, 80.0], "trendRising": 1.25, "trendFalling": 0.8,
    "precisionModel": "spread", "trendModel": "v2.0",
    "uncertaintyKm": {"1": 0.0, "2": 10.0, "3": 50.0},
    "lowDataIncidents": 2, "intervalLevel": 0.9, "historyPoints": 12, "historyStepDays": 30,
    "placeNearKm": 50.0, "placeEndKm": 15.0,
}
TIERS = ["minimal", "low", "moderate", "high", "extreme"]


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


# ACLED sub_event_type -> category (spec section 1); anything else is `other`. ACLED's only
# sub-type "Other" is a Strategic development (non-violent) unless `event_type` says otherwise.
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

# Target keywords (spec section 1). Whole words (letters and digits delimit a word; non-ASCII
# counts as a letter), case-insensitive, plural `s`/`es`, two-word keywords separated by spaces.
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
_NONWORD = r"[^0-9A-Za-z\x{80}-\x{10FFFF}]"


def keyword_regex(words):
    alts = "|".join(w.lower().replace(" ", " +") for w in words)
    return f"(?:^|{_NONWORD})(?:{alts})(?:e?s)?(?:$|{_NONWORD})"


LINEAR_KINDS = ("rail", "road", "pipeline")
SITE_KINDS = ("port", "airport", "station", "mine", "powerPlant", "dam", "borderCrossing", "other")
RELEVANT = {"rail": "rail", "station": "rail", "road": "road", "borderCrossing": "road",
            "pipeline": "energy", "powerPlant": "energy", "dam": "energy", "port": "maritime",
            "airport": "aviation", "mine": "mining"}

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


class Timer:
    def __init__(self, enabled):
        self.enabled = enabled
        self.t0 = self.last = time.perf_counter()

    def __call__(self, phase):
        now = time.perf_counter()
        if self.enabled:
            print(f"  {phase:<22} {now - self.last:7.3f} s", file=sys.stderr)
        self.last = now


# ---------------------------------------------------------------------------------------------
# Calendar days (days since 1970-01-01, proleptic Gregorian; Hinnant's algorithms)

def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def day_string(z):
    y, m, d = civil_from_days(int(z))
    return f"{y:04d}-{m:02d}-{d:02d}"


def valid_day(y, m, d):
    if not 1 <= m <= 12 or d < 1:
        return None
    leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
    dim = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return days_from_civil(y, m, d) if d <= dim else None


def _digits(s):
    return s.isascii() and s.isdigit()


def parse_iso(s):
    if len(s) == 10 and s[4] == "-" and s[7] == "-" and _digits(s[:4]) and _digits(s[5:7]) and _digits(s[8:]):
        return valid_day(int(s[:4]), int(s[5:7]), int(s[8:]))
    return None


def parse_acled_date(s):
    """`YYYY-MM-DD`, `DD-MM-YYYY` or `D[D] Month YYYY` (full, three-letter month or Sept)."""
    v = parse_iso(s)
    if v is not None:
        return v
    if len(s) == 10 and s[2] == "-" and s[5] == "-" and _digits(s[:2]) and _digits(s[3:5]) and _digits(s[6:]):
        return valid_day(int(s[6:]), int(s[3:5]), int(s[:2]))
    sp = s.find(" ")
    if len(s) < 10 or sp not in (1, 2) or s[-5] != " " or not _digits(s[:sp]) or not _digits(s[-4:]):
        return None
    name = s[sp + 1:-5].lower()
    if len(name) < 3:
        return None
    for m, month in enumerate(MONTHS):
        if month.startswith(name) and (len(name) in (len(month), 3) or (m == 8 and len(name) == 4)):
            return valid_day(int(s[-4:]), m + 1, int(s[:sp]))
    return None


# ---------------------------------------------------------------------------------------------
# Infrastructure (spec sections 1, 2, 6)

class InputFailure(Exception):
    pass


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
        name = props.get("name")
        name = aid if name is None else name
        if not isinstance(name, str):
            raise fail("name must be a string")
        crit = props.get("criticality")
        crit = 1.0 if crit is None else crit
        if isinstance(crit, bool) or not isinstance(crit, (int, float)) or not (0 < crit <= 10):
            raise fail(f"criticality must be in (0, 10], got {crit!r}")
        cpec = props.get("cpec")
        cpec = False if cpec is None else cpec
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
        geom = feat.get("geometry")
        if not geom:
            raise fail("missing geometry")
        gtype = geom.get("type")
        linear = kind in LINEAR_KINDS
        if linear and gtype not in ("LineString", "MultiLineString"):
            raise fail(f"a {kind} asset needs a LineString or MultiLineString, got {gtype}")
        if not linear and gtype not in ("Point", "Polygon", "MultiPolygon"):
            raise fail(f"a {kind} site needs a Point, Polygon or MultiPolygon, got {gtype}")
        shape = shapely.force_2d(shapely.from_geojson(json.dumps(geom)))
        if gtype in ("Polygon", "MultiPolygon") and not shapely.is_valid(shape):
            raise fail(f"invalid {gtype}: {shapely.is_valid_reason(shape)}")
        if aid in seen:
            raise fail(f"duplicate asset id (also feature {seen[aid]})")
        seen[aid] = index
        assets.append(dict(id=aid, kind=kind, name=name, criticality=float(crit), cpec=cpec,
                           corridors=corridors, geometry=shape, gtype=gtype))
    return assets


def segment_assets(assets, p):
    """Scoring units (spec section 2): chainage segments of linear assets, one unit per site."""
    L = p["segmentKm"] * 1000.0
    R = p["radiusKm"]
    point_area = math.pi * R * R / 3
    units, warnings = [], []
    for ai, a in enumerate(assets):
        g = a["geometry"]
        if a["kind"] in LINEAR_KINDS:
            parts = [g] if a["gtype"] == "LineString" else list(shapely.get_parts(g))
            chain, k = 0.0, 0
            for pn, part in enumerate(parts):
                v = shapely.get_coordinates(part)
                keep = np.r_[True, np.any(v[1:] != v[:-1], axis=1)]
                v = v[keep]
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
                # Every cut point and mid-chainage point, interpolated on its geodesic edge at once.
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
                    units.append(dict(
                        id=f"{a['id']}#{k}", asset=ai, startKm=(chain + a0) / 1000, endKm=(chain + b0) / 1000,
                        lengthKm=(b0 - a0) / 1000, coords=[coords], kind="line",
                        rep=(mp[s, 0], mp[s, 1]),
                        W=(b0 - a0) / 1000 * (16.0 / 15.0) * R + point_area, segment=True))
                chain += length
        else:
            W = point_area
            if a["gtype"] == "Point":
                x, y = shapely.get_coordinates(g)[0]
                rep, coords, gk = (x, y), [np.array([[x, y]])], "point"
            else:
                area = perim = 0.0
                polys = [g] if a["gtype"] == "Polygon" else list(shapely.get_parts(g))
                coords = []
                for poly in polys:
                    rings = [shapely.get_exterior_ring(poly)] + interior_rings(poly)
                    for ri, ring in enumerate(rings):
                        c = shapely.get_coordinates(ring)
                        coords.append(c)
                        open_ring = c[:-1] if len(c) > 1 and np.array_equal(c[0], c[-1]) else c
                        ra, rp = GEOD.polygon_area_perimeter(open_ring[:, 0], open_ring[:, 1])
                        area += abs(ra) if ri == 0 else -abs(ra)
                        perim += rp
                W += area / 1e6 + perim / 1000 * (8.0 / 15.0) * R
                c = shapely.centroid(g)
                rep, gk = (shapely.get_x(c), shapely.get_y(c)), "polygon"
            units.append(dict(id=a["id"], asset=ai, startKm=0.0, endKm=0.0, lengthKm=0.0, coords=coords,
                              kind=gk, rep=rep, W=W, segment=False, polys=a["geometry"]))
    return units, warnings


def interior_rings(poly):
    return [shapely.get_interior_ring(poly, i) for i in range(shapely.get_num_interior_rings(poly))]


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


def densify_geodesic(c, step=20_000.0):
    """Inserts geodesic points so no edge is longer than `step` m (a geodesic is not straight in
    the projection; at 20 km the sagitta is centimetres)."""
    if len(c) < 2:
        return c
    _, _, d = GEOD.inv(c[:-1, 0], c[:-1, 1], c[1:, 0], c[1:, 1])
    d = np.atleast_1d(d)
    long_edges = np.flatnonzero(d > step)
    if len(long_edges) == 0:
        return c
    out = [c[:long_edges[0] + 1]]
    for e, nxt in zip(long_edges, list(long_edges[1:]) + [len(c) - 1]):
        npts = int(math.ceil(d[e] / step)) - 1
        mid = GEOD.npts(c[e, 0], c[e, 1], c[e + 1, 0], c[e + 1, 1], npts)
        out.append(np.asarray(mid).reshape(-1, 2))
        out.append(c[e + 1:nxt + 1])
    return np.vstack(out)


# ---------------------------------------------------------------------------------------------
# Incidents (spec section 1): pyarrow CSV + vectorised validation

NUMBER_RE = r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
NONFINITE_RE = r"^[+-]?(?:nan|inf|infinity)$"


def _np_bool(a):
    return np.asarray(pc.fill_null(a, False).to_numpy(zero_copy_only=False), dtype=bool)


def trim(a):
    return pc.utf8_trim(a, characters=" \t")


def parse_number(a):
    """(value, empty, malformed, nonfinite) for a trimmed string array. Fast path: one cast of
    the whole column; only a column with something that is not a number takes the regexes."""
    try:
        v = pc.cast(a, pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64, copy=False)
        nonfinite = ~np.isfinite(v)
        no = np.zeros(len(v), dtype=bool)
        return v, no, no, nonfinite
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    empty = _np_bool(pc.equal(pc.utf8_length(a), 0))
    ok = _np_bool(pc.match_substring_regex(a, NUMBER_RE))
    nonfinite = _np_bool(pc.match_substring_regex(a, NONFINITE_RE, ignore_case=True))
    vals = pc.cast(pc.if_else(pa.array(ok), a, pa.scalar(None, pa.string())), pa.float64())
    v = vals.to_numpy(zero_copy_only=False).astype(np.float64)
    v[nonfinite] = np.nan
    return v, empty, ~ok & ~nonfinite & ~empty, nonfinite


def parse_count(a):
    """(value, invalid): empty is 0; a non-negative whole number up to 1e15, `2.0` accepted."""
    v, empty, bad, nonfinite = parse_number(a)
    with np.errstate(invalid="ignore"):
        invalid = ~empty & (bad | nonfinite | ~(v >= 0) | (v != np.floor(v)) | ~(v <= 1e15))
    v = np.where(empty | invalid, 0.0, v)
    return v, invalid


def map_distinct(a, fn, dtype):
    """Applies `fn` once per distinct value of a string array (dictionary encoding)."""
    enc = pc.dictionary_encode(a)
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.unify_dictionaries().combine_chunks() if enc.num_chunks else pa.array([], pa.dictionary(pa.int32(), pa.string()))
    values = enc.dictionary.to_pylist()
    table = np.array([fn(x) for x in values], dtype=dtype) if values else np.zeros(0, dtype=dtype)
    idx = enc.indices.to_numpy(zero_copy_only=False)
    return table[idx] if len(values) else np.zeros(len(idx), dtype=dtype), values, idx


PATTERNS = [(BIT[t], keyword_regex(words)) for t, words in KEYWORDS]


def note_targets(notes, threads, wanted=None):
    """Target bits from `notes` (spec keyword table): ASCII-lowercased, then one RE2 pass per
    target; chunks of the column run on a thread pool (pyarrow releases the GIL). `wanted`
    (target bits) skips the passes for targets that no asset is relevant to: they cannot
    change any number in the report."""
    chunks = notes.chunks if isinstance(notes, pa.ChunkedArray) else [notes]
    patterns = [(b, pat) for b, pat in PATTERNS if wanted is None or b & wanted]

    def one(chunk):
        low = pc.ascii_lower(chunk)
        bits = np.zeros(len(chunk), dtype=np.uint16)
        for bit, pat in patterns:
            bits[_np_bool(pc.match_substring_regex(low, pat))] |= bit
        return bits
    if not chunks:
        return np.zeros(0, dtype=np.uint16)
    with ThreadPoolExecutor(max(1, threads)) as ex:
        return np.concatenate(list(ex.map(one, chunks)))


def read_header(path):
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as f:
        header = next(csv.reader(f), None)
    if header is None:
        raise InputFailure(f"{path}: is empty: no header line")
    return [h.strip(" \t").lower() for h in header]


def detect_layout(names):
    s = set(names)
    if "event_id_cnty" in s and "sub_event_type" in s:
        return "acled"
    if {"id", "date", "lon", "lat"} <= s:
        return "native"
    raise InputFailure("unrecognised incidents layout (this peer reads ACLED and the native CSV)")


def read_incidents(path, threads, wanted_targets=None, p=PARAMS):
    names = read_header(path)
    layout = detect_layout(names)
    cols = [f"c{i}" for i in range(len(names))]
    pos = {}
    for i, n in enumerate(names):
        pos.setdefault(n, cols[i])

    def col(name, required=True):
        if name not in pos and required:
            raise InputFailure(f"{path}: {layout} header has no '{name}' column")
        return pos.get(name)

    if layout == "acled":
        want = dict(id=col("event_id_cnty"), date=col("event_date"), lat=col("latitude"),
                    lon=col("longitude"), precision=col("geo_precision"), category=col("sub_event_type"),
                    notes=col("notes", False), fatalities=col("fatalities", False),
                    civilian=col("civilian_targeting", False), event_type=col("event_type", False))
    else:
        want = dict(id=col("id"), date=col("date"), lon=col("lon"), lat=col("lat"),
                    precision=col("precision"), category=col("category", False), target=col("target", False),
                    fatalities=col("fatalities", False), injured=col("injured", False),
                    hostages=col("hostages", False))
    want = {k: v for k, v in want.items() if v is not None}
    skipped = []

    def on_invalid(row):  # a wrong number of fields: rejected (record_lines finds where)
        skipped.append(row.actual_columns)
        return "skip"

    include = list(dict.fromkeys(want.values()))
    table = pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(skip_rows=1, column_names=cols, use_threads=threads > 1),
        parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(include_columns=include, column_types={c: pa.string() for c in include},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False))
    n = table.num_rows
    get = lambda key: table.column(want[key]) if key in want else None  # noqa: E731

    ids = trim(get("id"))
    id_missing = _np_bool(pc.equal(pc.utf8_length(ids), 0))
    id_control = _np_bool(pc.match_substring_regex(ids, r"[\x00-\x1f\x7f]"))

    date_raw = trim(get("date"))
    parser = parse_acled_date if layout == "acled" else parse_iso
    day, _, _ = map_distinct(date_raw, lambda s: -(2 ** 31) if (s == "" or parser(s) is None) else parser(s), np.int64)
    date_missing = _np_bool(pc.equal(pc.utf8_length(date_raw), 0))
    date_bad = (day == -(2 ** 31)) & ~date_missing

    lon, lon_empty, lon_bad, lon_nf = parse_number(trim(get("lon")))
    lat, lat_empty, lat_bad, lat_nf = parse_number(trim(get("lat")))
    with np.errstate(invalid="ignore"):
        lon_range = ~lon_empty & ~lon_bad & ~lon_nf & ~((lon >= -180) & (lon <= 180))
        lat_range = ~lat_empty & ~lat_bad & ~lat_nf & ~((lat >= -90) & (lat <= 90))
    null_island = (lon == 0) & (lat == 0)

    prec_raw = trim(get("precision"))
    prec, prec_invalid = parse_count(prec_raw)
    prec_missing = _np_bool(pc.equal(pc.utf8_length(prec_raw), 0))
    prec_bad = ~prec_missing & (prec_invalid | ~np.isin(prec, (1, 2, 3)))

    counts = {}
    for key in ("fatalities", "injured", "hostages"):
        if key in want:
            counts[key] = parse_count(trim(get(key)))
        else:
            counts[key] = (np.zeros(n), np.zeros(n, dtype=bool))

    # The first failing check gives the reason, in the Swift reader's order.
    checks = [
        (id_missing, "missing id"), (id_control, "malformed id (contains a control character)"),
        (date_missing, "missing date"), (date_bad, "malformed date"),
        (lon_empty, "missing longitude"), (lon_bad, "malformed longitude"),
        (lon_nf, "longitude is not a finite number"), (lon_range, "longitude is outside [-180, 180]"),
        (lat_empty, "missing latitude"), (lat_bad, "malformed latitude"),
        (lat_nf, "latitude is not a finite number"), (lat_range, "latitude is outside [-90, 90]"),
        (null_island, "coordinates are exactly (0, 0), the usual stand-in for an unknown location"),
        (prec_missing, "missing precision"), (prec_bad, "precision must be 1, 2 or 3"),
        (counts["fatalities"][1], "fatalities must be a non-negative whole number"),
        (counts["injured"][1], "injured must be a non-negative whole number"),
        (counts["hostages"][1], "hostages must be a non-negative whole number"),
    ]
    bad = np.zeros(n, dtype=bool)
    reason_code = np.full(n, -1, dtype=np.int16)
    for code, (mask, _) in enumerate(checks):
        fresh = mask & ~bad
        reason_code[fresh] = code
        bad |= mask

    # Duplicate ids: a repeat of an id accepted earlier (dictionary codes are first-seen order).
    ok_idx = np.flatnonzero(~bad)
    dup = np.zeros(n, dtype=bool)
    first_of = None
    if len(ok_idx):
        enc = pc.dictionary_encode(ids.take(pa.array(ok_idx)))
        if isinstance(enc, pa.ChunkedArray):
            enc = enc.unify_dictionaries().combine_chunks()
        codes = enc.indices.to_numpy(zero_copy_only=False)
        _, first = np.unique(codes, return_index=True)
        is_first = np.zeros(len(codes), dtype=bool)
        is_first[first] = True
        dup[ok_idx[~is_first]] = True
        if (~is_first).any():
            first_of = (ok_idx, codes, first)
    accepted = ~bad & ~dup

    # Category weight index and target bits.
    if layout == "acled":
        sub = trim(get("category"))
        cat, _, _ = map_distinct(sub, lambda s: CATEGORIES.index(ACLED_CATEGORY.get(s.lower(), "other")), np.int8)
        if "event_type" in want:
            # Sub-type "Other" is non-violent only under event_type "Strategic developments" (or none).
            is_other = _np_bool(pc.equal(pc.ascii_lower(sub), "other"))
            if is_other.any():
                et = pc.ascii_lower(trim(get("event_type")))
                strategic = _np_bool(pc.equal(et, "strategic developments")) | _np_bool(pc.equal(pc.utf8_length(et), 0))
                cat[is_other & ~strategic] = CATEGORIES.index("other")
        targets = np.zeros(n, dtype=np.uint16)
        if "notes" in want:
            targets = note_targets(get("notes"), threads, wanted_targets)
        civ = get("civilian")
        civilian = _np_bool(pc.greater(pc.utf8_length(trim(civ)), 0)) if civ is not None else np.zeros(n, dtype=bool)
        targets[(targets == 0) & civilian] = BIT["civilians"]
        targets[targets == 0] = BIT["other"]
    else:
        if "category" in want:
            cat, _, _ = map_distinct(trim(get("category")), lambda s: CATEGORIES.index(s if s in CATEGORY_WEIGHTS else "other"), np.int8)
        else:
            cat = np.full(n, CATEGORIES.index("other"), dtype=np.int8)
        if "target" in want:
            def target_bits(s):
                b = 0
                for part in s.replace(",", ";").split(";"):
                    part = part.strip(" \t")
                    if part:
                        b |= BIT.get(part, BIT["other"])
                return b or BIT["other"]
            targets, _, _ = map_distinct(get("target"), target_bits, np.uint16)
        else:
            targets = np.full(n, BIT["other"], dtype=np.uint16)

    # Physical lines, only when something is rejected (it needs a second pass over the file).
    rejected = []
    lines = None
    if bad.any() or dup.any() or skipped:
        lines, odd = record_lines(path, len(names))
        if len(lines) != n or len(odd) != len(skipped):
            raise InputFailure(f"{path}: could not locate the rejected records' lines "
                               f"({len(lines)} + {len(odd)} records found, pyarrow read {n} + {len(skipped)})")
        raw_ids = ids.to_pylist() if bad.any() or dup.any() else []
        for i in np.flatnonzero(bad):
            code = reason_code[i]
            rid = raw_ids[i] if raw_ids[i] and len(raw_ids[i]) <= 200 else None
            rejected.append(dict(line=int(lines[i]), id=rid, reason=checks[code][1]))
        if first_of is not None:
            ok_idx, codes, first = first_of
            first_line = lines[ok_idx[first[codes]]]
            is_dup = dup[ok_idx]
            for i, fl in zip(ok_idx[is_dup], first_line[is_dup]):
                rejected.append(dict(line=int(lines[i]), id=raw_ids[i], reason=f"duplicate id (first accepted on line {int(fl)})"))
        id_col = int(want["id"][1:])
        for line, fields in odd:
            rid = fields[id_col].strip(" \t") if id_col < len(fields) else ""
            rejected.append(dict(line=line, id=rid if 0 < len(rid) <= 200 else None,
                                 reason=f"has {len(fields)} fields, the header has {len(names)}"))
        rejected.sort(key=lambda r: (r["line"] is None, r["line"] or 0))

    keep = np.flatnonzero(accepted)
    sev = p["severity"]
    F, I, G = counts["fatalities"][0], counts["injured"][0], counts["hostages"][0]
    inc = dict(
        ids=ids.take(pa.array(keep)) if len(keep) < n else ids,
        day=day[keep], lon=lon[keep], lat=lat[keep], precision=prec[keep].astype(np.int8),
        category=cat[keep], targets=targets[keep],
        casualties=(sev["fatalities"] * F + sev["injured"] * I + sev["hostages"] * G)[keep],
    )
    return inc, rejected, n + len(skipped), layout


def record_lines(path, ncols, chunk=1 << 26):
    """Where each CSV record starts (physical line, header = 1), from one vectorised byte scan:
    a line feed ends a record when the quotes before it are balanced; blank lines are no
    records. Returns the lines of the records with `ncols` fields, in order, and (line, fields)
    of the others (pyarrow skips those). Only run when something is rejected."""
    data = np.memmap(path, dtype=np.uint8, mode="r")
    nl, qt, cm = [], [], []
    for off in range(0, len(data), chunk):
        block = data[off:off + chunk]
        nl.append(np.flatnonzero(block == 10) + off)
        qt.append(np.flatnonzero(block == 34) + off)
        cm.append(np.flatnonzero(block == 44) + off)
    nl, qt, cm = (np.concatenate(a) if a else np.zeros(0, np.int64) for a in (nl, qt, cm))
    ends = nl[np.searchsorted(qt, nl) % 2 == 0]               # record terminators
    commas = cm[np.searchsorted(qt, cm) % 2 == 0]             # field separators
    starts = ends + 1
    starts = starts[starts < len(data)]
    nxt = data[np.minimum(starts, len(data) - 1)]
    nxt2 = data[np.minimum(starts + 1, len(data) - 1)]
    blank = (nxt == 10) | ((nxt == 13) & (nxt2 == 10) & (starts + 1 < len(data)))
    starts = starts[~blank]
    line = np.searchsorted(nl, starts) + 1                    # line feeds before the start, + 1
    k = np.searchsorted(ends, starts)                         # each record's terminator
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
# The join (spec section 3)

def zone_plan(units, radius_m, width=1.0):
    rep_lon = np.array([u["rep"][0] for u in units])
    keys = np.floor(rep_lon / width + 0.5).astype(int)
    zones = []
    for key in np.unique(keys):
        members = np.flatnonzero(keys == key)
        allc = np.vstack([c for m in members for c in units[m]["coords"]])
        x0, y0 = allc.min(axis=0)
        x1, y1 = allc.max(axis=0)
        dlat = radius_m / 110_000 * 1.02
        maxlat = min(89.9, max(abs(y0), abs(y1)) + dlat)
        dlon = min(360.0, radius_m / (111_320 * math.cos(math.radians(maxlat))) * 1.02)
        zones.append(dict(cm=key * width, units=members,
                          window=(x0 - dlon, max(-90, y0 - dlat), x1 + dlon, min(90, y1 + dlat))))
    return zones


def build_zone_geometries(zone, units):
    """Unit geometries densified along their geodesics and projected to the zone's TM."""
    crs = f"+proj=tmerc +lat_0=0 +lon_0={zone['cm']} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
    geoms = []
    for m in zone["units"]:
        u = units[m]
        if u["kind"] == "point":
            geoms.append(shapely.points(u["coords"][0][0]))
        elif u["kind"] == "line":
            geoms.append(shapely.linestrings(densify_geodesic(u["coords"][0])))
        else:
            g = u["polys"]
            single = shapely.get_type_id(g) == 3
            rebuilt = []
            for poly in ([g] if single else list(shapely.get_parts(g))):
                shell = densify_geodesic(shapely.get_coordinates(shapely.get_exterior_ring(poly)))
                holes = [densify_geodesic(shapely.get_coordinates(h)) for h in interior_rings(poly)]
                rebuilt.append(shapely.Polygon(shell, holes))
            geoms.append(rebuilt[0] if single else shapely.MultiPolygon(rebuilt))
    series = gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(crs)
    return crs, np.asarray(series.values), Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def rho_nu(lat_deg):
    s = np.sin(np.radians(lat_deg))
    w = 1 - WGS84_E2 * s * s
    return WGS84_A * WGS84_A * (1 - WGS84_E2) / (w * w)


def reach_classes(p):
    """The kernel reach R_i (m) and height (R/R_i)^2 of each precision class (spec section 3.1),
    deduplicated as (radius, scale) pairs, and the class of each precision 1..3."""
    R = p["radiusKm"] * 1000.0
    classes, of = [], np.zeros(4, dtype=np.int8)
    for prec in (1, 2, 3):
        rho = 0.0 if p["precisionModel"] == "weight" else p["uncertaintyKm"][str(prec)] * 1000.0
        ri = R if rho == 0 else math.sqrt(R * R + rho * rho)
        entry = (ri, (R / ri) ** 2)
        if entry not in classes:
            classes.append(entry)
        of[prec] = classes.index(entry)
    return classes, of


def join_zone(zone, units, inc, order_lon, lon_sorted, p, mode, relevance, classes):
    """Every incident-unit pair closer than the incident's reach R_i among the zone's units,
    reduced to per-unit sums and top-K candidates."""
    x0, y0, x1, y1 = zone["window"]
    # The window in longitude, also shifted by +-360 degrees so incidents across the
    # antimeridian are found (the zone's transverse Mercator handles them: PROJ reduces
    # lon - lon_0 into [-180, 180)).
    parts = []
    for shift in (-360.0, 0.0, 360.0):
        lo = np.searchsorted(lon_sorted, x0 + shift, side="left")
        hi = np.searchsorted(lon_sorted, x1 + shift, side="right")
        if hi > lo:
            parts.append(order_lon[lo:hi])
    cand = np.unique(np.concatenate(parts)) if len(parts) > 1 else (parts[0] if parts else order_lon[:0])
    lat_c = inc["lat"][cand]
    cand = cand[(lat_c >= y0) & (lat_c <= y1)]
    nu = len(zone["units"])
    points = p["historyPoints"]
    out = dict(units=zone["units"], E=np.zeros(nu), S2=np.zeros(nu), N=np.zeros(nu, np.int64),
               P=np.zeros(nu), RC=np.zeros(nu), PR=np.zeros(nu), H=np.zeros((points, nu)),
               used=np.zeros(0, np.int64), top=[])
    if len(cand) == 0:
        return out
    crs, geoms, tf = build_zone_geometries(zone, units)
    x, y = tf.transform(inc["lon"][cand], inc["lat"][cand])
    pts = shapely.points(x, y)
    # Candidates: unit envelopes grown by the class's reach (one bulk bbox query per precision
    # class, so an exactly placed incident never searches as far as a vague one), then exact
    # planar distances. (Faster than query(predicate="dwithin") and distance, which measure twice.)
    slack = 1.0 if mode == "tm" else 1.001
    b = shapely.bounds(geoms)
    ccls = inc["cls"][cand]
    qi, qj = [], []
    for k, (rk, _) in enumerate(classes):
        mine = np.flatnonzero(ccls == k)
        if len(mine) == 0:
            continue
        r = rk * slack
        tree = shapely.STRtree(shapely.box(b[:, 0] - r, b[:, 1] - r, b[:, 2] + r, b[:, 3] + r))
        a, c = tree.query(pts[mine])
        qi.append(mine[a])
        qj.append(c)
    ii = np.concatenate(qi) if qi else np.zeros(0, np.int64)
    jj = np.concatenate(qj) if qj else np.zeros(0, np.int64)
    if len(ii) == 0:
        return out
    d = shapely.distance(pts[ii], geoms[jj])
    reach = inc["reach"][cand[ii]]
    near = d < reach * slack
    ii, jj, d, reach = ii[near], jj[near], d[near], reach[near]
    if mode == "tm-corrected":
        # Mean TM scale along the line from the incident to the unit's nearest point; the
        # nearest point's easting is taken as the incident's clipped to the unit's extent.
        xi = x[ii]
        xn = np.clip(xi, b[jj, 0], b[jj, 2])
        d = d / (1 + (xi * xi + xi * xn + xn * xn) / (6 * rho_nu(inc["lat"][cand])[ii]))
    elif mode == "exact":
        line = shapely.shortest_line(pts[ii], geoms[jj])
        c = shapely.get_coordinates(line).reshape(-1, 2, 2)
        back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        nlon, nlat = back.transform(c[:, 1, 0], c[:, 1, 1])
        _, _, dg = GEOD.inv(inc["lon"][cand[ii]], inc["lat"][cand[ii]], nlon, nlat)
        d = np.where(d > 0, dg, 0.0)
    keep = d < reach
    ii, jj, d, reach = ii[keep], jj[keep], d[keep], reach[keep]
    gi = cand[ii]
    q = d / reach
    kern = inc["scale"][gi] * ((1 - q * q) * (1 - q * q))
    g = np.where((inc["targets"][gi] & relevance[zone["units"]][jj]) != 0, p["targetMultiplier"], 1.0)
    base = inc["weight"][gi] * g * kern
    c = base * inc["decay_now"][gi]
    keep = c > 0
    if not keep.all():
        gi, ii, jj, d, base, c = gi[keep], ii[keep], jj[keep], d[keep], base[keep], c[keep]
    used = np.zeros(len(cand), dtype=bool)
    used[ii] = True
    age = inc["age"][gi]
    # History (spec section 3.3), each point from its definition: the incidents dated on or
    # before T - k*step, decayed to that day.
    step, H = p["historyStepDays"], p["halfLifeDays"]
    hist = np.zeros((points, nu))
    for k in range(points):
        lag = age - k * step
        w = np.where(lag >= 0, base * np.exp2(-np.maximum(lag, 0) / H), 0.0)
        hist[points - 1 - k] = np.bincount(jj, weights=w, minlength=nu)
    out.update(E=np.bincount(jj, weights=c, minlength=nu), S2=np.bincount(jj, weights=c * c, minlength=nu),
               N=np.bincount(jj, minlength=nu), P=np.bincount(jj, weights=base * inc["decay_prev"][gi], minlength=nu),
               RC=np.bincount(jj, weights=np.where(inc["recent"][gi], c, 0.0), minlength=nu),
               PR=np.bincount(jj, weights=base * inc["decay_prior"][gi], minlength=nu),
               H=hist, used=cand[used])
    out["top"] = top_candidates(jj, c, gi, d, nu, p["topIncidents"])
    return out


def top_candidates(jj, c, gi, d, nu, K):
    """Per unit, the K largest contributions plus any tied with the K-th (the id tie-break is
    settled later on that small set). Pairs under half their unit's largest contribution are
    dropped first unless that leaves a unit with fewer than K, so the sort is over a few pairs."""
    if K <= 0 or len(c) == 0:
        return []
    cmax = np.zeros(nu)
    np.maximum.at(cmax, jj, c)
    hi = c >= 0.5 * cmax[jj]
    short = np.bincount(jj[hi], minlength=nu) < K
    sel = np.flatnonzero(hi | short[jj])
    js, cs = jj[sel], c[sel]
    o = np.lexsort((-cs, js))
    js, cs, sel = js[o], cs[o], sel[o]
    starts = np.flatnonzero(np.r_[True, js[1:] != js[:-1]])
    counts = np.diff(np.r_[starts, len(js)])
    rank = np.arange(len(js)) - np.repeat(starts, counts)
    kth = cs[starts + np.minimum(counts, K) - 1]
    sel = sel[(rank < K) | (cs == np.repeat(kth, counts))]
    return list(zip(jj[sel].tolist(), c[sel].tolist(), gi[sel].tolist(), d[sel].tolist()))


# ---------------------------------------------------------------------------------------------
# Hot spots (Getis-Ord Gi*) and their false-discovery-rate bins

def fdr_bins(pv, z):
    """Benjamini-Hochberg bins as ArcGIS applies them (spec section 3): over the m p-values,
    sorted, k(q) is the largest k with p(k) <= k*q/m, and a unit passes q when p <= p(k(q))."""
    ps = np.sort(pv)
    m = len(ps)
    level = np.zeros(m, dtype=np.int64)
    for q, lv in ((0.10, 1), (0.05, 2), (0.01, 3)):
        ok = np.flatnonzero(ps <= np.arange(1, m + 1) * q / m)
        if len(ok):
            level[pv <= ps[ok[-1]]] = lv
    return np.where(z < 0, -level, level)


def bins(pv, z):
    level = np.where(pv <= 0.01, 3, np.where(pv <= 0.05, 2, np.where(pv <= 0.10, 1, 0)))
    return np.where(z < 0, -level, level)


def hotspots(rep, x, dist_km):
    n = len(x)
    if n < 3:
        return [None] * n
    mean = x.mean()
    S = math.sqrt(((x - mean) ** 2).sum() / n)
    if not S > 0:
        return [None] * n
    D = dist_km * 1000.0 + 1.0  # the band plus one metre (spec section 3)
    dlat = D / 110_000 * 1.02
    maxlat = np.minimum(89.9, np.abs(rep[:, 1]) + dlat)
    dlon = np.minimum(360.0, D / (111_320 * np.cos(np.radians(maxlat))) * 1.02)
    tree = shapely.STRtree(shapely.points(rep))
    pairs = []
    for shift in (-360.0, 0.0, 360.0):  # neighbours across the antimeridian too
        boxes = shapely.box(rep[:, 0] - dlon + shift, rep[:, 1] - dlat, rep[:, 0] + dlon + shift, rep[:, 1] + dlat)
        pairs.append(tree.query(boxes))
    i, j = np.unique(np.concatenate(pairs, axis=1), axis=1)
    _, _, dd = GEOD.inv(rep[i, 0], rep[i, 1], rep[j, 0], rep[j, 1])
    ok = np.atleast_1d(dd) <= D
    i, j = i[ok], j[ok]
    k = np.bincount(i, minlength=n).astype(float)
    s = np.bincount(i, weights=x[j], minlength=n)
    den = S * np.sqrt((n * k - k * k) / (n - 1))
    has = den > 0
    out = [None] * n
    if not has.any():
        return out
    z = (s[has] - mean * k[has]) / den[has]
    pv = np.array([math.erfc(abs(v) / math.sqrt(2)) for v in z])
    b, bf = bins(pv, z), fdr_bins(pv, z)
    for t, u in enumerate(np.flatnonzero(has)):
        out[u] = dict(z=float(z[t]), p=float(pv[t]), bin=int(b[t]), binFdr=int(bf[t]))
    return out


# ---------------------------------------------------------------------------------------------
# Empirical-Bayes smoothing (spec section 3.2)

def smoothing(E, S2, W, crit, p):
    """(threat, low, high) per unit, or None when no unit has any exposure."""
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

def run(infra_path, incidents_path, out_path, as_of=None, mode="tm-corrected", threads=None, timings=False,
        model=None):
    p = load_model(model) if model else PARAMS
    threads = threads or os.cpu_count() or 1
    tick = Timer(timings)
    # scipy.stats takes over a second to import; do it while the CSV is read (the reader and
    # shapely release the GIL), and wait for it only when the smoothing needs it.
    preload = threading.Thread(target=importlib.import_module, args=("scipy.stats",), daemon=True)
    preload.start()
    assets = read_infrastructure(infra_path)
    tick("read infrastructure")
    wanted = 0
    for a in assets:
        wanted |= (BIT[RELEVANT[a["kind"]]] if a["kind"] in RELEVANT else 0) | (BIT["foreignNationals"] if a["cpec"] else 0)
    inc, rejected, read, layout = read_incidents(incidents_path, threads, wanted, p)
    tick("read incidents")
    units, warnings = segment_assets(assets, p)
    tick("segment")

    if as_of is not None:
        T = parse_iso(as_of)
        if T is None:
            raise InputFailure(f"--as-of {as_of!r} is not a YYYY-MM-DD date")
    else:
        T = int(inc["day"].max()) if len(inc["day"]) else None

    n_units = len(units)
    points = p["historyPoints"]
    E, S2, N = np.zeros(n_units), np.zeros(n_units), np.zeros(n_units, np.int64)
    P, RC, PR, HIST = np.zeros(n_units), np.zeros(n_units), np.zeros(n_units), np.zeros((points, n_units))
    tops = [[] for _ in range(n_units)]
    future = excluded = used = beyond = 0
    if T is not None and n_units:
        cw = np.array([p["categoryWeights"][c] for c in CATEGORIES])
        now = inc["day"] <= T
        future = int((~now).sum())
        weighted = now & (cw[inc["category"]] > 0)
        excluded = int(now.sum() - weighted.sum())  # a category weighted 0 (nonViolent)
        sel = np.flatnonzero(weighted)
        age = (T - inc["day"][sel]).astype(np.float64)
        t, H = p["trendDays"], p["halfLifeDays"]
        pf = np.array([0.0, p["precisionFactors"]["1"], p["precisionFactors"]["2"], p["precisionFactors"]["3"]])
        classes, class_of = reach_classes(p)
        radius = np.array([r for r, _ in classes])
        scale = np.array([s for _, s in classes])
        cls = class_of[inc["precision"][sel]]
        J = dict(
            lon=inc["lon"][sel], lat=inc["lat"][sel], targets=inc["targets"][sel], age=age,
            weight=cw[inc["category"][sel]] * (1 + np.log(1 + inc["casualties"][sel])) * pf[inc["precision"][sel]],
            cls=cls, reach=radius[cls], scale=scale[cls],
            decay_now=np.exp2(-age / H),
            decay_prev=np.where(age >= t, np.exp2(-(age - t) / H), 0.0),
            recent=age < t,                                                       # (T - t, T]
            decay_prior=np.where((age >= t) & (age < 2 * t), np.exp2(-(age - t) / H), 0.0),  # (T - 2t, T - t]
        )
        relevance = np.zeros(n_units, dtype=np.uint16)
        for ui, u in enumerate(units):
            a = assets[u["asset"]]
            r = BIT[RELEVANT[a["kind"]]] if a["kind"] in RELEVANT else 0
            relevance[ui] = r | (BIT["foreignNationals"] if a["cpec"] else 0)
        order_lon = np.argsort(J["lon"], kind="stable")
        lon_sorted = J["lon"][order_lon]
        zones = zone_plan(units, float(radius.max()))
        used_mask = np.zeros(len(sel), dtype=bool)
        with ThreadPoolExecutor(max(1, threads)) as ex:
            results = ex.map(lambda z: join_zone(z, units, J, order_lon, lon_sorted, p, mode, relevance, classes), zones)
            for r in results:
                us = r["units"]
                E[us], S2[us], N[us], P[us], RC[us], PR[us] = r["E"], r["S2"], r["N"], r["P"], r["RC"], r["PR"]
                HIST[:, us] = r["H"]
                used_mask[r["used"]] = True
                for lj, c, gi, d in r["top"]:
                    tops[us[lj]].append((c, gi, d))
        used = int(used_mask.sum())
        beyond = len(sel) - used
        tick("join")
        # Ties on contribution: smaller id first (code-point order = UTF-8 byte order).
        cand = sorted({gi for t_ in tops for _, gi, _ in t_})
        cand_ids = dict(zip(cand, inc["ids"].take(pa.array(sel[cand], type=pa.int64())).to_pylist())) if cand else {}
        for ui in range(n_units):
            tl = sorted(tops[ui], key=lambda e: (-e[0], cand_ids[e[1]].encode()))[:p["topIncidents"]]
            tops[ui] = [dict(id=cand_ids[gi], distanceKm=d / 1000, ageDays=int(J["age"][gi]), contribution=c,
                             share=c / E[ui]) for c, gi, d in tl]

    W = np.array([u["W"] for u in units])
    crit = np.array([assets[u["asset"]]["criticality"] for u in units])
    kappa = p["kappa"]
    tb = np.asarray(p["tierBounds"])
    score_of = lambda th: 100 * (1 - np.exp(-(th * crit) / kappa))  # noqa: E731
    tier_of = lambda s: np.searchsorted(tb, s, side="right")  # noqa: E731
    threat = 1000 * E / W if n_units else np.zeros(0)
    risk = threat * crit
    score = score_of(threat)
    tier_idx = tier_of(score)
    prev, recent, prior = (1000 * P / W, 1000 * RC / W, 1000 * PR / W) if n_units else (np.zeros(0),) * 3
    history = 1000 * HIST / W if n_units else HIST
    rep = np.array([u["rep"] for u in units]).reshape(-1, 2)
    hs = hotspots(rep, threat, p["hotspotKm"])
    preload.join()
    sm = smoothing(E, S2, W, crit, p)
    if sm is not None:
        sm_scores = [score_of(v) for v in sm]
        sm_tier = tier_of(sm_scores[0])
    tick("score + hot spots")

    out_units = []
    v11 = p["trendModel"] == "v1.1"
    for ui, u in enumerate(units):
        a = assets[u["asset"]]
        th, pr, rc, po = float(threat[ui]), float(prev[ui]), float(recent[ui]), float(prior[ui])
        now_, before = (th, pr) if v11 else (rc, po)
        direction = ("none" if now_ == 0 and before == 0 else "rising" if now_ >= p["trendRising"] * before
                     else "falling" if now_ <= p["trendFalling"] * before else "stable")
        out_units.append(dict(
            id=u["id"], assetId=a["id"], assetName=a["name"], kind=a["kind"], corridors=a["corridors"],
            startKm=u["startKm"], endKm=u["endKm"], lengthKm=u["lengthKm"],
            exposure=float(E[ui]), threat=th, risk=float(risk[ui]), score=float(score[ui]), tier=TIERS[tier_idx[ui]],
            incidentCount=int(N[ui]), effectiveIncidents=float(E[ui] ** 2 / S2[ui]) if S2[ui] > 0 else 0.0,
            topIncidents=tops[ui],
            trend=dict(previousThreat=pr, recentThreat=rc, priorThreat=po, direction=direction),
            hotspot=hs[ui],
            smoothed=None if sm is None else dict(
                threat=float(sm[0][ui]), low=float(sm[1][ui]), high=float(sm[2][ui]),
                score=float(sm_scores[0][ui]), scoreLow=float(sm_scores[1][ui]), scoreHigh=float(sm_scores[2][ui]),
                tier=TIERS[sm_tier[ui]]),
            lowData=bool(N[ui] <= p["lowDataIncidents"]),
            history=[float(v) for v in history[:, ui]],
            places=None))

    corridors = []
    for name in dict.fromkeys(c for a in assets for c in a["corridors"]):
        members = [u for u in out_units if name in u["corridors"]]
        segs = [u for u in members if u["kind"] in LINEAR_KINDS]
        length = sum(u["lengthKm"] for u in segs)
        kbt = {t_: 0.0 for t_ in TIERS}
        for s in segs:
            kbt[s["tier"]] += s["lengthKm"]
        corridors.append(dict(
            name=name, lengthKm=length, maxScore=max((u["score"] for u in members), default=None),
            meanScore=None if not segs or length == 0 else sum(s["score"] * s["lengthKm"] for s in segs) / length,
            kmByTier=kbt))

    report = dict(
        asOf=day_string(T) if T is not None else None,
        parameters=p,
        incidents=dict(read=read, rejected=len(rejected), future=future, excluded=excluded, beyondRadius=beyond,
                       used=used),
        rejected=rejected, units=out_units, corridors=corridors, warnings=warnings,
        engine=dict(name="peer_geopandas", layout=layout, distance=mode, threads=threads))
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
    ap.add_argument("--distance", choices=["tm-corrected", "tm", "exact"], default="tm-corrected")
    ap.add_argument("--threads", type=int, default=None, help="worker threads (default: all cores)")
    ap.add_argument("--timings", action="store_true", help="print phase timings to stderr")
    a = ap.parse_args(argv)
    try:
        run(a.infrastructure, a.incidents, a.output, a.as_of, a.distance, a.threads, a.timings, a.model)
    except (InputFailure, OSError, ValueError) as e:
        print(f"peer_geopandas: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
