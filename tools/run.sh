#!/usr/bin/env bash
# The main job: installs what is missing, builds a release, trains the models if they are
# absent, codes the articles into khabar.db, where reports of one event from several articles
# are merged (events also as JSON Lines in khabar.events.jsonl), prints the top events with
# their report and outlet counts, and serves the dashboard on http://127.0.0.1:8080/.
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
kh_log "the top events in khabar.db, by outlets and reports (every event, as JSON Lines, in khabar.events.jsonl)"
sqlite3 -header -column khabar.db "
  SELECT e.date, CASE WHEN e.source_code = '' THEN '(unknown)'
                      ELSE substr(e.source_code || ' ' || e.source_actor, 1, 24) END AS source, e.cameo,
         substr(e.target_code || ' ' || e.target_actor, 1, 24) AS target, e.plover,
         COALESCE(e.location_name, '') AS place, COALESCE(e.fatalities, '') AS killed,
         e.report_count AS reports, e.corroboration AS outlets, e.certainty
  FROM events e
  ORDER BY e.corroboration DESC, e.report_count DESC, abs(COALESCE(e.goldstein, 0)) DESC, e.date, e.id
  LIMIT ${KHABAR_TOP:-15}"
sqlite3 khabar.db "
  SELECT printf('%d reports in %d events; events reported by more than one article: %d',
                (SELECT COUNT(*) FROM reports), COUNT(*), COALESCE(SUM(report_count > 1), 0))
  FROM events"

# The dashboard (docs/dashboard.md) on the database just written, until Ctrl-C.
# KHABAR_SERVE=0 stops here; KHABAR_PORT picks the port (default 8080).
if [ "${KHABAR_SERVE:-1}" != 0 ]; then
  kh_log "serving the dashboard and its API (docs/api.md); open the address below, Ctrl-C stops"
  exec ./khabar serve --db khabar.db --port "${KHABAR_PORT:-8080}"
fi
