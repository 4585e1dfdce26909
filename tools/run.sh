#!/usr/bin/env bash
# The main job: installs what is missing, builds a release, trains the models if they are
# absent, codes the articles into khabar.db and prints a summary.
#   bash tools/run.sh                      # the sample articles in ../shared/corpus/seeds
#   bash tools/run.sh my/articles --meta my/articles.meta.jsonl
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$KH_ROOT"

kh_install_deps
kh_build release
kh_train_models

if [ $# -eq 0 ]; then
  seeds=$(realpath -m "${KHABAR_CORPUS:-$(kh_data_dir)/../corpus/seeds}")
  set -- "$seeds" --meta "$seeds/articles.meta.jsonl"
fi
kh_log "coding $1 into khabar.db"
exec ./khabar code "$@" --db khabar.db
