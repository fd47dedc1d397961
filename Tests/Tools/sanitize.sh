#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer, each in its own build folder (.build-<name>).
#
#   Tests/Tools/sanitize.sh address   # AddressSanitizer, with LeakSanitizer checking every
#                                     # allocation is freed when the test process exits
#   Tests/Tools/sanitize.sh thread    # ThreadSanitizer: data races between tasks
#   Tests/Tools/sanitize.sh all       # both, one after the other
#
# The tests are Swift Testing tests; XCTest's runner is switched off (--disable-xctest)
# because its own harness leaks a few hundred bytes that are not ours; Foundation's own leaks
# (reached from the test harness only) are listed in lsan.supp. Slow (minutes): run it outside
# CI, before a release or after touching GEOS or PROJ handles.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-all}"

run() {
    local sanitizer="$1"
    echo "== $sanitizer sanitizer"
    ASAN_OPTIONS="detect_leaks=1:halt_on_error=1" \
    LSAN_OPTIONS="suppressions=$PWD/Tests/Tools/lsan.supp:print_suppressions=0" \
    TSAN_OPTIONS="halt_on_error=1" SWIFT_BACKTRACE="enable=no" \
        swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" --disable-xctest
}

case "$mode" in
    address|thread) run "$mode" ;;
    all) run address; run thread ;;
    *) echo "usage: $0 address|thread|all" >&2; exit 64 ;;
esac
echo "== clean"
