#!/usr/bin/env bash
# compare.sh — side-by-side benchmark of the Swift `risk-report` against the GeoPandas peer.
#
# Usage (from anywhere):
#   Tests/Benchmark/compare.sh [options]
#
# Options:
#   -r, --repeat R       timed runs of each tool per dataset, interleaved (default 5)
#   -s, --sizes LIST     comma-separated INCIDENTSxKM datasets
#                        (default 100000x5000,1000000x5000,3000000x5000,1000000x50000)
#       --seed S         generator seed (default 1)
#   -d, --data-dir DIR   where datasets are generated / reused (default /tmp/corridorrisk-bench;
#                        each is DIR/<incidents>x<km>-s<seed>/{infrastructure.geojson,acled.csv})
#   -o, --out DIR        results directory (default DATA_DIR/results-YYYYmmdd-HHMMSS)
#       --skip-build     use the existing .build/release binaries
#       --no-crosscheck  skip the per-dataset crosscheck
#   -h, --help           this text
#
# Environment: PYTHON  the interpreter the venv is made from (default: python3)
#
# What it does:
#   (a) makes Tests/Benchmark/.venv (gitignored) with the pinned geopandas, shapely, pyproj,
#       numpy, pandas and pyarrow below, unless it already has exactly those versions;
#   (b) builds risk-report and risk-bench in release mode (retried: another engineer's edits
#       can make SwiftPM stop with "modified during the build");
#   (c) generates each dataset with `risk-bench generate` unless DIR/.complete says it exists;
#   (d) runs both tools R times per dataset, interleaved (bench_runner.py: wall clock and
#       peak RSS of each child from os.wait4);
#   (e) prints the table (medians, peer/Swift ratios, the Swift 3M/1M wall-time ratio as a
#       linear-growth check) and runs crosscheck.py on the last outputs of each dataset.
#
# Example: Tests/Benchmark/compare.sh -r 3 -s 1000000x5000,1000000x50000
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REPEAT=5
SIZES="100000x5000,1000000x5000,3000000x5000,1000000x50000"
SEED=1
DATA_DIR=/tmp/corridorrisk-bench
OUT=""
BUILD=1
CROSSCHECK=1
PYTHON="${PYTHON:-python3}"

# Pinned versions of the peer's stack (Python 3.11).
PINS=(geopandas==1.2.0 shapely==2.2.0 pyproj==3.7.2 numpy==2.4.6 pandas==3.1.1 pyarrow==26.0.1)

die() { echo "compare.sh: error: $*" >&2; exit 1; }
say() { echo "==> $*"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    -r|--repeat) REPEAT="${2:?}"; shift 2 ;;
    -s|--sizes) SIZES="${2:?}"; shift 2 ;;
    --seed) SEED="${2:?}"; shift 2 ;;
    -d|--data-dir) DATA_DIR="${2:?}"; shift 2 ;;
    -o|--out) OUT="${2:?}"; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --no-crosscheck) CROSSCHECK=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat must be a positive whole number, got '$REPEAT'"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "--seed must be a whole number, got '$SEED'"
OUT="${OUT:-$DATA_DIR/results-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$DATA_DIR" "$OUT"

# (a) the peer's virtual environment ------------------------------------------------------
VENV="$HERE/.venv"
VPY="$VENV/bin/python"
venv_ok() {
  [[ -x "$VPY" ]] || return 1
  "$VPY" - "${PINS[@]}" <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    if version(name) != want:
        sys.exit(1)
import geopandas, shapely, pyproj, numpy, pandas, pyarrow  # noqa: F401  (they import)
EOF
}
if venv_ok; then
  say "venv: $VENV has the pinned versions"
else
  say "venv: installing ${PINS[*]} into $VENV"
  command -v "$PYTHON" >/dev/null || die "no '$PYTHON' to make the venv with (set PYTHON=...)"
  [[ -x "$VPY" ]] || "$PYTHON" -m venv "$VENV" || die "could not create $VENV"
  "$VPY" -m pip install --quiet --upgrade pip || die "pip upgrade failed"
  "$VPY" -m pip install --quiet "${PINS[@]}" || die "pip install of ${PINS[*]} failed"
  venv_ok || die "the venv still lacks the pinned versions after installing"
fi

# (b) the Swift binaries ----------------------------------------------------------------------
BIN="$ROOT/.build/release"
if [[ $BUILD -eq 1 ]]; then
  command -v swift >/dev/null || die "no swift toolchain on PATH (or use --skip-build)"
  for product in risk-report risk-bench; do
    ok=0
    for attempt in 1 2 3 4 5; do
      say "swift build -c release --product $product (attempt $attempt)"
      if (cd "$ROOT" && swift build -c release --product "$product") >"$OUT/build-$product.log" 2>&1; then
        ok=1; break
      fi
      tail -3 "$OUT/build-$product.log" >&2
      sleep 10
    done
    [[ $ok -eq 1 ]] || die "swift build of $product failed; see $OUT/build-$product.log"
  done
fi
for b in risk-report risk-bench; do
  [[ -x "$BIN/$b" ]] || die "$BIN/$b is missing (build it, or drop --skip-build)"
done

# (c) the datasets ----------------------------------------------------------------------------
ARGS=()
NAMES=()
label() {  # 1000000x5000 -> 1Mx5000km
  local n="$1" k="$2" t
  if (( n % 1000000 == 0 )); then t="$((n / 1000000))M"; elif (( n % 1000 == 0 )); then t="$((n / 1000))k"; else t="$n"; fi
  echo "${t}x${k}km"
}
IFS=',' read -r -a SPECS <<<"$SIZES"
for spec in "${SPECS[@]}"; do
  [[ "$spec" =~ ^([0-9]+)x([0-9]+)$ ]] || die "bad size '$spec' (expected INCIDENTSxKM, e.g. 1000000x5000)"
  n="${BASH_REMATCH[1]}"; km="${BASH_REMATCH[2]}"
  dir="$DATA_DIR/${n}x${km}-s${SEED}"
  if [[ -f "$dir/.complete" && -f "$dir/acled.csv" && -f "$dir/infrastructure.geojson" ]]; then
    say "dataset $dir exists"
  else
    say "generating $n incidents x ${km} km (seed $SEED) in $dir"
    rm -rf "$dir"; mkdir -p "$dir"
    "$BIN/risk-bench" generate --incidents "$n" --network-km "$km" --seed "$SEED" --output-dir "$dir" \
      || die "risk-bench generate failed for $spec"
    touch "$dir/.complete"
  fi
  name="$(label "$n" "$km")"
  NAMES+=("$name")
  ARGS+=("$name=$dir")
done

# (d) + (e) the runs and the table -------------------------------------------------------------
LINEAR=""
for small in "${NAMES[@]}"; do
  for big in "${NAMES[@]}"; do
    if [[ "$small" == 1Mx*km && "$big" == "3M${small#1M}" ]]; then LINEAR="$small,$big,3"; fi
  done
done
say "timing: $REPEAT interleaved runs per tool per dataset; results in $OUT"
"$VPY" "$HERE/bench_runner.py" --swift "$BIN/risk-report" --peer "$VPY $HERE/peer_geopandas.py" \
  --out "$OUT" --repeat "$REPEAT" ${LINEAR:+--linear "$LINEAR"} "${ARGS[@]}"

status=0
if [[ $CROSSCHECK -eq 1 ]]; then
  for name in "${NAMES[@]}"; do
    echo
    say "crosscheck $name (Swift vs peer, last run)"
    "$VPY" "$HERE/crosscheck.py" "$OUT/$name.swift.json" "$OUT/$name.peer.json" | tee "$OUT/$name.crosscheck.txt" \
      || status=1
  done
fi
echo
say "done: summary in $OUT/summary.txt, every sample in $OUT/samples.csv, logs in $OUT/runs.log"
[[ $status -eq 0 ]] || echo "compare.sh: warning: at least one crosscheck reported differences beyond tolerance" >&2
exit $status
