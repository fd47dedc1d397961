#!/usr/bin/env bash
# Makes the seed corpora of the GDAL targets (FuzzGDALNetwork, FuzzGDALIncidents, FuzzProfile)
# in Corpus/<target>/seed-*, from the Balochistan fixtures, with ogr2ogr and sqlite3. Each seed's
# first byte is the target's selector (see the target's source): for FuzzGDALNetwork '0'–'3' are
# .osm, .geojson, .fgb, .gpkg with the default profile and '4'–'7' the same with the other
# profile; for FuzzGDALIncidents '0'–'3' are .gpkg, .fgb, .geojson, .csv and '4'–'7' the same
# with the second read without text.
# GeoPackages are shrunk (optional tables dropped, 512-byte pages) to stay under -max_len.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../../Fixtures/balochistan
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Drops a GeoPackage's optional tables and triggers and rewrites it with 512-byte pages.
shrink() {
    if [ "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_extensions'")" = 1 ]; then
        sqlite3 "$1" "DELETE FROM gpkg_extensions WHERE extension_name LIKE 'gpkg_metadata%'"
    fi
    sqlite3 "$1" <<'SQL'
DROP TRIGGER IF EXISTS gpkg_tile_matrix_zoom_level_insert;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_zoom_level_update;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_matrix_width_insert;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_matrix_width_update;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_matrix_height_insert;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_matrix_height_update;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_pixel_x_size_insert;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_pixel_x_size_update;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_pixel_y_size_insert;
DROP TRIGGER IF EXISTS gpkg_tile_matrix_pixel_y_size_update;
DROP TABLE IF EXISTS gpkg_tile_matrix;
DROP TABLE IF EXISTS gpkg_tile_matrix_set;
DROP TABLE IF EXISTS gpkg_metadata_reference;
DROP TABLE IF EXISTS gpkg_metadata;
PRAGMA page_size=512;
VACUUM;
SQL
}

# seed <selector> <file> <output>: the selector byte, then the file.
seed() { { printf '%s' "$1"; cat "$2"; } > "$3"; }

# --- FuzzGDALNetwork ---------------------------------------------------------------------------
out=Corpus/FuzzGDALNetwork
mkdir -p "$out"
fields=id,kind,name,criticality,cpec,corridors
lists=(-mapFieldType StringList=String)   # FlatGeobuf has no list fields; GeoPackage writes them as (n:a,b)
# A rail line, a road and two sites (small: short lines, no notes or sources).
where="id IN ('rail-quetta-chaman', 'road-n25', 'site-gwadar-port', 'site-khojak-tunnel')"
ogr2ogr -f GeoJSON -select "$fields" -where "$where" "$work/n.geojson" "$fixtures/infrastructure.geojson" 2>&1 | { grep -v "natively support StringList" || true; }
seed 1 "$work/n.geojson" "$out/seed-four.geojson"
ogr2ogr -f FlatGeobuf "${lists[@]}" -select "$fields" -where "$where" -lco SPATIAL_INDEX=NO "$work/n.fgb" "$fixtures/infrastructure.geojson" 2>&1 | { grep -v "natively support StringList" || true; }
seed 2 "$work/n.fgb" "$out/seed-four.fgb"
ogr2ogr -f FlatGeobuf "${lists[@]}" -select "$fields" -limit 2 -nlt LINESTRING -where "kind = 'rail'" "$work/ni.fgb" "$fixtures/infrastructure.geojson" 2>&1 | { grep -v "natively support StringList" || true; }
seed 2 "$work/ni.fgb" "$out/seed-rail-indexed.fgb"
ogr2ogr -f GPKG "${lists[@]}" -select "$fields" -where "$where" -lco SPATIAL_INDEX=NO "$work/n.gpkg" "$fixtures/infrastructure.geojson" 2>&1 | { grep -v "natively support StringList" || true; }
shrink "$work/n.gpkg"
seed 3 "$work/n.gpkg" "$out/seed-four.gpkg"
# Projected (UTM 42N), so the reader transforms to lon/lat.
ogr2ogr -f GPKG "${lists[@]}" -select "$fields" -limit 2 -t_srs EPSG:32642 -nlt LINESTRING -where "kind = 'rail'" -lco SPATIAL_INDEX=NO \
    "$work/nu.gpkg" "$fixtures/infrastructure.geojson" 2>&1 | { grep -v "natively support StringList" || true; }
shrink "$work/nu.gpkg"
seed 3 "$work/nu.gpkg" "$out/seed-rail-utm42n.gpkg"

# OpenStreetMap tags: two ways of N-25 that join (one route), a railway, a station, a closed way
# (port) and an untagged way; read with the osm profile, and once with native.
cat > "$work/n.osm" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="make-seeds">
 <node id="1" lat="30.10" lon="66.90"/>
 <node id="2" lat="30.20" lon="67.00"/>
 <node id="3" lat="30.25" lon="67.10"/>
 <node id="4" lat="29.90" lon="67.30"><tag k="railway" v="station"/><tag k="name" v="Sibi"/></node>
 <node id="5" lat="29.50" lon="67.00"/>
 <node id="6" lat="25.12" lon="62.33"/>
 <node id="7" lat="25.13" lon="62.33"/>
 <node id="8" lat="25.13" lon="62.34"/>
 <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="trunk"/><tag k="ref" v="N-25"/><tag k="name" v="RCD Highway"/></way>
 <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="trunk"/><tag k="ref" v="N-25"/></way>
 <way id="12"><nd ref="5"/><nd ref="4"/><nd ref="2"/><tag k="railway" v="rail"/><tag k="name" v="ML-3"/><tag k="usage" v="main"/></way>
 <way id="13"><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="6"/><tag k="landuse" v="port"/><tag k="name" v="Gwadar"/></way>
 <way id="14"><nd ref="3"/><nd ref="4"/><tag k="highway" v="service"/></way>
</osm>
XML
seed 0 "$work/n.osm" "$out/seed-ways.osm"
seed 4 "$work/n.osm" "$out/seed-ways-native.osm"
# The same tags in a GeoJSON file, read with the osm profile.
cat > "$work/t.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"highway": "trunk", "ref": "N-25", "name": "RCD Highway"}, "geometry": {"type": "LineString", "coordinates": [[66.9, 30.1], [67.0, 30.2]]}},
{"type": "Feature", "properties": {"highway": "trunk", "ref": "N-25"}, "geometry": {"type": "LineString", "coordinates": [[67.0, 30.2], [67.1, 30.25]]}},
{"type": "Feature", "properties": {"railway": "rail", "name": "ML-3"}, "geometry": {"type": "LineString", "coordinates": [[67.0, 29.5], [67.3, 29.9]]}},
{"type": "Feature", "properties": {"waterway": "dam"}, "geometry": {"type": "LineString", "coordinates": [[66.5, 29.0], [66.51, 29.01]]}},
{"type": "Feature", "properties": {"power": "plant"}, "geometry": {"type": "Point", "coordinates": [66.0, 28.0]}}
]}
JSON
seed 5 "$work/t.geojson" "$out/seed-osm-tags.geojson"
ogr2ogr -f GPKG -nlt GEOMETRY -lco SPATIAL_INDEX=NO "$work/t.gpkg" "$work/t.geojson" 2>&1 | { grep -v "natively support StringList" || true; }
shrink "$work/t.gpkg"
seed 7 "$work/t.gpkg" "$out/seed-osm-tags.gpkg"

# --- FuzzGDALIncidents -------------------------------------------------------------------------
out=Corpus/FuzzGDALIncidents
mkdir -p "$out"
# Every field as text (as the native CSV has them), the points from lon/lat.
csv=(-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO)
ogr2ogr -f GPKG "${csv[@]}" -a_srs EPSG:4326 -limit 4 -lco SPATIAL_INDEX=NO "$work/i.gpkg" "$fixtures/incidents.csv"
shrink "$work/i.gpkg"
seed 4 "$work/i.gpkg" "$out/seed-four.gpkg"
ogr2ogr -f GPKG "${csv[@]}" -s_srs EPSG:4326 -t_srs EPSG:32642 -limit 2 -lco SPATIAL_INDEX=NO "$work/iu.gpkg" "$fixtures/incidents.csv"
shrink "$work/iu.gpkg"
seed 0 "$work/iu.gpkg" "$out/seed-two-utm42n.gpkg"
ogr2ogr -f FlatGeobuf "${csv[@]}" -a_srs EPSG:4326 -limit 4 -select id,date,precision,category,target,fatalities,injured,hostages \
    "$work/i.fgb" "$fixtures/incidents.csv"
seed 5 "$work/i.fgb" "$out/seed-four.fgb"
ogr2ogr -f GeoJSON "${csv[@]}" -a_srs EPSG:4326 -limit 3 -select id,date,precision,category,target,fatalities,injured,hostages,source \
    "$work/i.geojson" "$fixtures/incidents.csv"
seed 6 "$work/i.geojson" "$out/seed-three.geojson"
# Typed fields (AUTODETECT_TYPE: date a Date, counts Integer), as QGIS or ogr2ogr make them.
ogr2ogr -f GPKG "${csv[@]}" -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326 -limit 3 -select id,date,precision,category,fatalities \
    -lco SPATIAL_INDEX=NO "$work/it.gpkg" "$fixtures/incidents.csv"
shrink "$work/it.gpkg"
seed 0 "$work/it.gpkg" "$out/seed-typed-fields.gpkg"
# Rejections: a duplicate id, a bad date, (0, 0), a non-point; and a CSV read by GDAL (WKT column).
cat > "$work/r.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"id": "a", "date": "2024-01-02", "precision": 1, "category": "bombing", "target": "rail", "fatalities": 2}, "geometry": {"type": "Point", "coordinates": [67.0, 30.1]}},
{"type": "Feature", "properties": {"id": "a", "date": "2024-01-03", "precision": 1}, "geometry": {"type": "Point", "coordinates": [67.0, 30.2]}},
{"type": "Feature", "properties": {"id": "b", "date": "2024-13-01", "precision": 2}, "geometry": {"type": "Point", "coordinates": [67.0, 30.3]}},
{"type": "Feature", "properties": {"id": "c", "date": "2024-02-01", "precision": 3}, "geometry": {"type": "Point", "coordinates": [0, 0]}},
{"type": "Feature", "properties": {"id": "d", "date": "2024-02-01", "precision": 1, "injured": -1}, "geometry": {"type": "Point", "coordinates": [67.0, 30.4]}},
{"type": "Feature", "properties": {"id": "e", "date": "2024-02-01", "precision": 1}, "geometry": {"type": "LineString", "coordinates": [[67.0, 30.4], [67.1, 30.4]]}}
]}
JSON
seed 2 "$work/r.geojson" "$out/seed-rejections.geojson"
printf '7id,date,precision,category,fatalities,WKT\nx1,2024-03-04,1,bombing,1,POINT (67.0 30.0)\nx2,2024-03-05,2,kidnapping,,\n' > "$out/seed-wkt.csv"

# --- FuzzProfile -------------------------------------------------------------------------------
out=Corpus/FuzzProfile
mkdir -p "$out"
cat > "$out/seed-data-md.json" <<'JSON'
{
  "id": "ASSET_ID",
  "name": "NAME",
  "routeKey": ["ROUTE_NO", "NAME"],
  "criticality": "CRIT",
  "corridors": "CORRIDOR",
  "rules": [
    {"where": {"TYPE": ["Motorway", "National Highway"]}, "kind": "road", "criticality": 3},
    {"where": {"TYPE": "Railway"}, "kind": "rail", "cpec": false, "corridors": "National rail"},
    {"where": {"AIRPORT": "*"}, "kind": "airport"}
  ]
}
JSON
cat > "$out/seed-native.json" <<'JSON'
{"id": "id", "name": "name", "kind": "kind", "criticality": "criticality", "cpec": "cpec", "corridors": "corridors"}
JSON
cat > "$out/seed-osm.json" <<'JSON'
{"name": "name", "routeKey": ["ref", "name"], "rules": [
 {"where": {"highway": ["motorway", "trunk"]}, "kind": "road", "criticality": 3, "cpec": true, "corridors": ["CPEC western", "N-25"]},
 {"where": {"railway": "rail", "usage": "*"}, "kind": "rail"},
 {"where": {"landuse": "port"}, "kind": "port", "criticality": 10},
 {"where": {"waterway": "dam"}, "kind": "dam"},
 {"where": {"power": "plant"}, "kind": "powerPlant"},
 {"where": {"man_made": "pipeline"}, "kind": "pipeline", "criticality": 0.5}
]}
JSON
ls -l Corpus/FuzzGDALNetwork Corpus/FuzzGDALIncidents Corpus/FuzzProfile
