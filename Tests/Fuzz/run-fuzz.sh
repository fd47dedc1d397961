#!/usr/bin/env bash
# Fuzzes every reader with libFuzzer (coverage-guided, AddressSanitizer on), for a bounded time.
#
#   Tests/Fuzz/run-fuzz.sh [seconds-per-target] [target ...]
#
# Targets (each input's first byte is a selector where noted; see the target's source):
#   FuzzIncidents       ACLED, GTD, native CSV and GeoJSON incidents from bytes (first byte: the
#                       layout), one piece against three; the `.layer` format must be refused.
#   FuzzInfrastructure  GeoJSON assets from bytes; a sample of the small accepted networks is
#                       then segmented and scored (FUZZ_SCORE_EVERY, default 32).
#   FuzzModel           JSON model files (ModelParameters.parse, then validate()).
#   FuzzProfile         JSON asset profiles (--profile FILE); an accepted one then reads a small
#                       fixed GeoJSON network through GDAL.
#   FuzzGDALNetwork     network files read through GDAL (NetworkReader); first byte: .osm,
#                       .geojson, .fgb or .gpkg, and the default or the other profile.
#   FuzzGDALIncidents   incident point layers read through GDAL (IncidentLayerReader); first byte:
#                       .gpkg, .fgb, .geojson or .csv, and a second read without text.
# The GDAL targets write each input to a file in /tmp/corridor-fuzz-<tag>-<pid>/ (GDAL only
# opens paths); their seeds are made by ./make-seeds.sh. Each target starts from the seed corpus
# in Corpus/<target> (with Dict/<target>.dict as a libFuzzer dictionary if there is one) and
# keeps what it learns in corpus-<target>/ (not committed). A crash or broken invariant stops the
# target and leaves the input in artifacts/; turn it into a regression test in
# Tests/CorridorRiskTests/HostileInputTests (the GDAL targets: Tests/CorridorRiskGDALTests).
# Default: 60 seconds each. FUZZ_RUNS=N also stops each target after N inputs (whichever comes
# first: the seconds are then a cap). FUZZ_BUILD_JOBS=N builds with -j N. FUZZ_TOLERATE='A|B' lets
# the targets accept a non-InputError whose text contains A or B (to fuzz past a known, reported
# finding; off by default). FUZZ_TRACE=1 says what each input became (with -runs=0 on the seeds).
# Outside CI: it needs a few minutes to build.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzIncidents FuzzInfrastructure FuzzModel FuzzProfile FuzzGDALNetwork FuzzGDALIncidents)

# lld links libFuzzer's driver cleanly where gold fails; the targets define <Module>_main
# (SwiftPM's name for an executable's entry point) and hand control to libFuzzer.
flags=(-c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
[ -z "${FUZZ_BUILD_JOBS:-}" ] || flags+=(-j "$FUZZ_BUILD_JOBS")
# This nested package's incremental build can miss a changed signature in the main package;
# touching the small fuzz modules' sources rebuilds them, so they never link against a stale one.
touch Sources/*/*.swift
for t in "${targets[@]}"; do
    swift build "${flags[@]}" --product "$t" 2>&1 | grep -E "error|Build" | tail -2
done
bin="$(swift build "${flags[@]}" --show-bin-path)"

mkdir -p artifacts
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus-$t"
    extra=()
    [ -z "${FUZZ_RUNS:-}" ] || extra+=(-runs="$FUZZ_RUNS")
    [ ! -f "Dict/$t.dict" ] || extra+=(-dict="Dict/$t.dict")
    echo "== $t: $seconds s${FUZZ_RUNS:+, at most $FUZZ_RUNS runs}"
    if ! "$bin/$t" "corpus-$t" "Corpus/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
            -max_len=262144 -artifact_prefix="artifacts/$t-" -print_final_stats=1 ${extra[@]+"${extra[@]}"} 2> "artifacts/$t.log"; then
        echo "!! $t found a failure: see artifacts/$t.log and artifacts/$t-*"
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "artifacts/$t.log" | tail -3
done
exit $status
