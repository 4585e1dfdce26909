#!/usr/bin/env bash
# Every test: installs what is missing, builds a release with the tests, trains the models
# if absent, and runs the whole ctest suite (unit, golden, fuzz-corpus replay, accuracy
# floors). .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$KH_ROOT"

kh_install_deps
kh_build release
kh_train_models

kh_log "running the test suite"
export KHABAR_DATA=${KHABAR_DATA:-$(kh_data_dir)}
ctest --test-dir build/release -j "$KH_JOBS" --output-on-failure
