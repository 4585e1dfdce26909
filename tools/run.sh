#!/usr/bin/env bash
# The main job: installs what is missing, builds a release, trains the models if they are
# absent, codes the articles into khabar.db (events also as JSON Lines in
# khabar.events.jsonl) and prints a summary with the events in a table.
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
./khabar code "$@" --db khabar.db > khabar.events.jsonl
kh_log "events in khabar.db (all of them, as JSON Lines, in khabar.events.jsonl)"
sqlite3 -header -column khabar.db "
  SELECT e.date, CASE WHEN e.source_code = '' THEN '(unknown)'
                      ELSE substr(e.source_code || ' ' || e.source_actor, 1, 24) END AS source, e.cameo,
         substr(e.target_code || ' ' || e.target_actor, 1, 24) AS target, e.plover,
         COALESCE(e.location_name, '') AS place, COALESCE(e.fatalities, '') AS killed,
         e.certainty
  FROM events e JOIN reports r ON r.event_id = e.id
  ORDER BY r.document_id, r.sentence_index, e.id"
