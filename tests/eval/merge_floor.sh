#!/usr/bin/env bash
# The accuracy floor of cross-article merging (docs/formats/merge.md, "Accuracy"): runs
# `khabar eval merge --json` on the dev and held-out gold and fails when precision or recall of
# "same event" drops more than two points below the level reached (dev 82.61 / 52.78, test
# 66.67 / 50.00). Needs the trained models (KHABAR_MODELS) and KHABAR_DATA.
#   bash tests/eval/merge_floor.sh path/to/khabar
set -euo pipefail
khabar=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
status=0

check() {  # gold file, precision floor, recall floor
  local json precision recall
  json=$("$khabar" eval merge --gold "$root/$1" --json)
  echo "$1: $json"
  precision=$(grep -o '"precision":[0-9.]*' <<<"$json" | cut -d: -f2)
  recall=$(grep -o '"recall":[0-9.]*' <<<"$json" | cut -d: -f2)
  if awk -v p="$precision" -v r="$recall" -v fp="$2" -v fr="$3" 'BEGIN { exit !(p >= fp && r >= fr) }'; then
    echo "ok: precision $precision >= $2, recall $recall >= $3"
  else
    echo "FAIL: precision $precision (floor $2), recall $recall (floor $3)"
    status=1
  fi
}

check eval/merge.dev.jsonl 80.6 50.7
check eval/merge.test.jsonl 64.6 48.0
exit $status
