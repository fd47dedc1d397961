#!/usr/bin/env bash
# Fuzzes every reader with libFuzzer (coverage-guided, AddressSanitizer on), for a bounded time.
#
#   Tests/Fuzz/run-fuzz.sh [seconds-per-target] [target ...]
#
# Targets: FuzzIncidents (ACLED, GTD, native CSV and GeoJSON incidents, chosen by the first
# byte), FuzzInfrastructure (GeoJSON assets, then scored), FuzzModel (JSON model files).
# Each starts from the seed corpus in Corpus/<target> and keeps what it learns in
# corpus-<target>/ (not committed). A crash or broken invariant stops the target and leaves the
# input in artifacts/; turn it into a regression test in Tests/CorridorRiskTests/HostileInputTests.
# Default: 60 seconds each. Outside CI: it needs a few minutes to build.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzIncidents FuzzInfrastructure FuzzModel)

# lld links libFuzzer's driver cleanly where gold fails; the targets define <Module>_main
# (SwiftPM's name for an executable's entry point) and hand control to libFuzzer.
flags=(-c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
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
    echo "== $t: $seconds s"
    if ! "$bin/$t" "corpus-$t" "Corpus/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
            -max_len=262144 -artifact_prefix="artifacts/$t-" -print_final_stats=1 2> "artifacts/$t.log"; then
        echo "!! $t found a failure: see artifacts/$t.log and artifacts/$t-*"
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "artifacts/$t.log" | tail -3
done
exit $status
