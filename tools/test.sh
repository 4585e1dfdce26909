#!/usr/bin/env bash
# Every test: installs what is missing, builds a release with the tests, trains the models
# if absent, and runs the whole ctest suite (unit, golden, fuzz-corpus replay, accuracy
# floors); builds with ASan+UBSan meanwhile, in the background, and runs the fast suite again
# under the sanitizers.
# The store's PostgreSQL tests run against a throwaway server started here (kh_start_test_postgres)
# and stopped on exit; if it cannot start, the run fails rather than skipping them.
# .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$KH_ROOT"

kh_install_deps
kh_build release

# The sanitizer build of the fast suite's programs (with the CLI, which its golden cases run;
# not the benchmarks; at -O0 -g1, which compiles in half the time of -O1, CMakePresets.json)
# runs in the background at a low priority while the models train and the release suite
# runs: training leaves a core idle much of the time, and the build takes it.
( renice -n 15 "$BASHPID" >/dev/null; kh_build asan kh_fast_tests ) &
asan_build=$!
kh_kill_tree() {  # a process and everything it started
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kh_kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
kh_cleanup() {
  kh_kill_tree "$asan_build"
  kh_stop_test_postgres
}
trap kh_cleanup EXIT

kh_train_models

export KHABAR_DATA=${KHABAR_DATA:-$(kh_data_dir)}
export KHABAR_MODELS=$KH_ROOT/models
kh_start_test_postgres
export KHABAR_REQUIRE_PG=1
# The dashboard's browser test (browser_dashboard) fails rather than skips without chromium.
export KHABAR_REQUIRE_BROWSER=1
kh_log "running the test suite (release)"
ctest --test-dir build/release -j "$KH_JOBS" --output-on-failure

if ! wait "$asan_build"; then
  kh_log "the sanitizer build failed; see build/asan.log"
  exit 1
fi
kh_log "running the fast suite under ASan and UBSan"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build/asan -L fast -j "$KH_JOBS" --output-on-failure
