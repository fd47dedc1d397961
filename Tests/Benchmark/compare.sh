#!/usr/bin/env bash
# compare.sh — side-by-side benchmark of the Swift `risk-report` against two peers: the same
# job written with GeoPandas (peer_geopandas.py) and with DuckDB + its spatial extension
# (peer_duckdb.py).
#
# Usage (from anywhere):
#   Tests/Benchmark/compare.sh [options]
#
# Options:
#   -r, --repeat R       timed runs of each tool per dataset, interleaved (default 5)
#   -s, --sizes LIST     comma-separated INCIDENTSxKM datasets, each optionally ending in `r` for
#                        the generator's `--shape real` (e.g. 1000000x5000r)
#                        (default 100000x5000,1000000x5000,3000000x5000,1000000x50000)
#   -S, --shape MODE     the generator's shape for every dataset: uniform (default) or real
#                        (`risk-bench generate --shape real`; the names get an `r`: 1000000x5000r)
#       --seed S         generator seed (default 1)
#   -p, --peers LIST     which peers to run: geopandas,duckdb (default both)
#   -d, --data-dir DIR   where datasets are generated / reused (default /tmp/corridorrisk-bench;
#                        each is DIR/<incidents>x<km>[r]-s<seed>/{infrastructure.geojson,acled.csv})
#   -o, --out DIR        results directory (default DATA_DIR/results-YYYYmmdd-HHMMSS)
#   -b, --bin-dir DIR    use prebuilt risk-report and risk-bench from DIR: no Swift build
#       --skip-build     use the existing .build/release binaries
#       --no-crosscheck  skip the per-dataset crosschecks (and the peers' spec-example check)
#   -h, --help           this text
#
# Environment: PYTHON  the interpreter the venv is made from (default: python3)
#
# What it does:
#   (a) makes Tests/Benchmark/.venv (gitignored) with the pinned geopandas, shapely, pyproj,
#       numpy, pandas, pyarrow, scipy, duckdb and duckdb-extension-spatial below, unless it
#       already has exactly those versions (the spatial extension comes from its PyPI package:
#       DuckDB never downloads it);
#       then checks that each peer reproduces the spec's worked example (spec_check.py);
#   (b) builds risk-report and risk-bench in release mode (retried: another engineer's edits
#       can make SwiftPM stop with "modified during the build"), unless -b or --skip-build;
#   (c) generates each dataset with `risk-bench generate` unless DIR/.complete says it exists;
#   (d) runs the three tools R times per dataset, interleaved, the order rotating each round
#       (bench_runner.py: wall clock and peak RSS of each child from os.wait4);
#   (e) prints the table (medians, each peer's ratio to Swift, the 3M/1M wall-time ratio of each
#       tool as a linear-growth check) and crosschecks each peer's last output against Swift's
#       (crosscheck.py).
#
# Examples: Tests/Benchmark/compare.sh -r 3 -s 1000000x5000,1000000x50000
#           Tests/Benchmark/compare.sh -b /tmp/rr-bin -S real -s 1000000x5000
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REPEAT=5
SIZES="100000x5000,1000000x5000,3000000x5000,1000000x50000"
SHAPE=uniform
SEED=1
PEERS="geopandas,duckdb"
DATA_DIR=/tmp/corridorrisk-bench
OUT=""
BUILD=1
BIN_DIR=""
CROSSCHECK=1
PYTHON="${PYTHON:-python3}"

# Pinned versions of the peers' stack (Python 3.11). The DuckDB spatial extension is the PyPI
# package of the same version as duckdb (loaded from its file; nothing is downloaded).
PINS=(geopandas==1.2.0 shapely==2.2.0 pyproj==3.7.2 numpy==2.4.6 pandas==3.1.1 pyarrow==26.0.1
      scipy==1.17.1 duckdb==1.5.5 duckdb-extension-spatial==1.5.5)

die() { echo "compare.sh: error: $*" >&2; exit 1; }
say() { echo "==> $*"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    -r|--repeat) REPEAT="${2:?}"; shift 2 ;;
    -s|--sizes) SIZES="${2:?}"; shift 2 ;;
    -S|--shape) SHAPE="${2:?}"; shift 2 ;;
    --seed) SEED="${2:?}"; shift 2 ;;
    -p|--peers) PEERS="${2:?}"; shift 2 ;;
    -d|--data-dir) DATA_DIR="${2:?}"; shift 2 ;;
    -o|--out) OUT="${2:?}"; shift 2 ;;
    -b|--bin-dir) BIN_DIR="${2:?}"; BUILD=0; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --no-crosscheck) CROSSCHECK=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat must be a positive whole number, got '$REPEAT'"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "--seed must be a whole number, got '$SEED'"
[[ "$SHAPE" == uniform || "$SHAPE" == real ]] || die "--shape must be uniform or real, got '$SHAPE'"
IFS=',' read -r -a PEER_LIST <<<"$PEERS"
[[ ${#PEER_LIST[@]} -gt 0 ]] || die "--peers needs at least one of geopandas, duckdb"
for peer in "${PEER_LIST[@]}"; do
  [[ "$peer" == geopandas || "$peer" == duckdb ]] || die "unknown peer '$peer' (geopandas, duckdb)"
done
OUT="${OUT:-$DATA_DIR/results-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$DATA_DIR" "$OUT"

# (a) the peers' virtual environment ----------------------------------------------------------
VENV="$HERE/.venv"
VPY="$VENV/bin/python"
venv_ok() {
  [[ -x "$VPY" ]] || return 1
  "$VPY" - "${PINS[@]}" <<'EOF' 2>/dev/null
import os, sys
from importlib.metadata import version
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    if version(name) != want:
        sys.exit(1)
import geopandas, shapely, pyproj, numpy, pandas, pyarrow, scipy.stats, duckdb  # noqa: F401  (they import)
import duckdb_extension_spatial
ext = os.path.join(os.path.dirname(duckdb_extension_spatial.__file__), "extensions",
                   "v" + duckdb.__version__.lstrip("v"), "spatial.duckdb_extension")
duckdb.connect().load_extension(ext)
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
  venv_ok || die "the venv still lacks the pinned versions (or DuckDB cannot load the spatial extension)"
fi

# (a') each peer reproduces the spec's worked example (section 7) ------------------------------
if [[ $CROSSCHECK -eq 1 ]]; then
  EX="$ROOT/Fixtures/tests/spec-example"
  for peer in "${PEER_LIST[@]}"; do
    "$VPY" "$HERE/peer_$peer.py" "$EX/infrastructure.geojson" "$EX/incidents.csv" "$OUT/spec-example.$peer.json" \
      --as-of 2024-12-31 >>"$OUT/runs.log" 2>&1 || die "peer_$peer.py failed on the spec example; see $OUT/runs.log"
    "$VPY" "$HERE/spec_check.py" "$OUT/spec-example.$peer.json" | sed 's/^/==> /' \
      || die "peer_$peer.py no longer reproduces the spec's worked example"
  done
fi

# (b) the Swift binaries ----------------------------------------------------------------------
if [[ -n "$BIN_DIR" ]]; then
  BIN="$(cd "$BIN_DIR" 2>/dev/null && pwd)" || die "--bin-dir $BIN_DIR does not exist"
  say "using the prebuilt binaries in $BIN (no Swift build)"
else
  BIN="$ROOT/.build/release"
fi
if [[ $BUILD -eq 1 ]]; then
  command -v swift >/dev/null || die "no swift toolchain on PATH (or use -b BIN_DIR / --skip-build)"
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
  [[ -x "$BIN/$b" ]] || die "$BIN/$b is missing (build it, point -b at prebuilt binaries, or drop --skip-build)"
done

# (c) the datasets ----------------------------------------------------------------------------
ARGS=()
NAMES=()
label() {  # 1000000 5000 [r] -> 1Mx5000km[r]
  local n="$1" k="$2" s="$3" t
  if (( n % 1000000 == 0 )); then t="$((n / 1000000))M"; elif (( n % 1000 == 0 )); then t="$((n / 1000))k"; else t="$n"; fi
  echo "${t}x${k}km${s}"
}
shape_checked=0
IFS=',' read -r -a SPECS <<<"$SIZES"
for spec in "${SPECS[@]}"; do
  [[ "$spec" =~ ^([0-9]+)x([0-9]+)(r?)$ ]] \
    || die "bad size '$spec' (expected INCIDENTSxKM, e.g. 1000000x5000, or 1000000x5000r for the real shape)"
  n="${BASH_REMATCH[1]}"; km="${BASH_REMATCH[2]}"; suffix="${BASH_REMATCH[3]}"
  [[ "$SHAPE" == real ]] && suffix=r
  shape_args=()
  if [[ "$suffix" == r ]]; then
    if [[ $shape_checked -eq 0 ]]; then
      "$BIN/risk-bench" generate --help 2>&1 | grep -q -- '--shape' \
        || die "$BIN/risk-bench has no --shape option yet (needed for the real shape); rebuild it"
      shape_checked=1
    fi
    shape_args=(--shape real)
  fi
  dir="$DATA_DIR/${n}x${km}${suffix}-s${SEED}"
  if [[ -f "$dir/.complete" && -f "$dir/acled.csv" && -f "$dir/infrastructure.geojson" ]]; then
    say "dataset $dir exists"
  else
    say "generating $n incidents x ${km} km (${suffix:+real }shape${suffix:- uniform}, seed $SEED) in $dir"
    rm -rf "$dir"; mkdir -p "$dir"
    "$BIN/risk-bench" generate --incidents "$n" --network-km "$km" --seed "$SEED" "${shape_args[@]}" --output-dir "$dir" \
      || die "risk-bench generate failed for $spec"
    touch "$dir/.complete"
  fi
  name="$(label "$n" "$km" "$suffix")"
  NAMES+=("$name")
  ARGS+=("$name=$dir")
done

# (d) + (e) the runs and the table -------------------------------------------------------------
LINEAR=()
for small in "${NAMES[@]}"; do
  for big in "${NAMES[@]}"; do
    if [[ "$small" == 1Mx* && "$big" == "3M${small#1M}" ]]; then LINEAR+=(--linear "$small,$big,3"); fi
  done
done
PEER_ARGS=()
for peer in "${PEER_LIST[@]}"; do
  PEER_ARGS+=(--peer "$peer=$VPY $HERE/peer_$peer.py")
done
say "timing: $REPEAT interleaved runs per tool per dataset (Swift, ${PEERS//,/, }); results in $OUT"
"$VPY" "$HERE/bench_runner.py" --swift "$BIN/risk-report" "${PEER_ARGS[@]}" \
  --out "$OUT" --repeat "$REPEAT" "${LINEAR[@]}" "${ARGS[@]}"

status=0
if [[ $CROSSCHECK -eq 1 ]]; then
  for name in "${NAMES[@]}"; do
    for peer in "${PEER_LIST[@]}"; do
      echo
      say "crosscheck $name (Swift vs $peer, last run)"
      "$VPY" "$HERE/crosscheck.py" "$OUT/$name.swift.json" "$OUT/$name.$peer.json" | tee "$OUT/$name.$peer.crosscheck.txt" \
        || status=1
    done
  done
fi
echo
say "done: summary in $OUT/summary.txt, every sample in $OUT/samples.csv, logs in $OUT/runs.log"
[[ $status -eq 0 ]] || echo "compare.sh: warning: at least one crosscheck reported differences beyond tolerance" >&2
exit $status
