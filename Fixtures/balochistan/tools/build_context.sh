#!/usr/bin/env bash
# Builds Fixtures/balochistan/context.geojson: the land, the coastline and the international land
# borders around Balochistan that the HTML map draws under the network (Docs/DATA.md, "Map context").
#
#   Fixtures/balochistan/tools/build_context.sh
#
# Source: Natural Earth 1:10m (public domain), as Debian ships it in libmagics++-data 4.13.0-1:
#   ne_10m_admin_0_boundary_lines_land (v3.0.0)  international land borders
#   ne_10m_land (v3.0.1)                         land polygons; their outline is the coastline
# Needs apt-get (to download the package; nothing is installed), dpkg-deb, GDAL's ogr2ogr
# (gdal-bin) and python3. Both layers are clipped to lon 55-78 E, lat 20-38 N, simplified to
# 0.01 degree (about 1 km, far below a pixel at the map's scale) and written with 4 decimals.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../context.geojson"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download libmagics++-data >/dev/null 2>&1 || { echo "build_context: apt-get download libmagics++-data failed" >&2; exit 1; }
dpkg-deb -x libmagics++-data_*.deb pkg

ne="pkg/usr/share/magics/10m"
box=(55 20 78 38)
common=(-f GeoJSON -spat "${box[@]}" -clipsrc "${box[@]}" -simplify 0.01 -lco COORDINATE_PRECISION=4 -dialect sqlite)
ogr2ogr "${common[@]}" borders.geojson "$ne/ne_10m_admin_0_boundary_lines_land.shp" \
    -sql "SELECT 'border' AS kind, geometry FROM ne_10m_admin_0_boundary_lines_land"
ogr2ogr "${common[@]}" coast.geojson "$ne/ne_10m_land.shp" \
    -sql "SELECT 'coast' AS kind, ST_Boundary(geometry) AS geometry FROM ne_10m_land"
ogr2ogr "${common[@]}" land.geojson "$ne/ne_10m_land.shp" -sql "SELECT 'land' AS kind, geometry FROM ne_10m_land"
python3 - "$out" <<'PY'
import json, sys
features = []
for name in ["land.geojson", "coast.geojson", "borders.geojson"]:
    for f in json.load(open(name))["features"]:
        if f["geometry"] and f["geometry"]["type"] in ("LineString", "MultiLineString", "Polygon", "MultiPolygon"):
            features.append({"type": "Feature", "properties": {"kind": f["properties"]["kind"]}, "geometry": f["geometry"]})
doc = {"type": "FeatureCollection",
       "attribution": "Made with Natural Earth (public domain): 1:10m land and admin-0 land borders, via Debian libmagics++-data 4.13.0-1",
       "features": features}
with open(sys.argv[1], "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
def points(c):
    return 1 if isinstance(c[0], (int, float)) else sum(points(x) for x in c)
print("context: %d features, %d points" % (len(features), sum(points(f["geometry"]["coordinates"]) for f in features)),
      file=sys.stderr)
PY
