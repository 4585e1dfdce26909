#!/usr/bin/env bash
# tools/bench_serve.sh DB [SECONDS]: load-tests `khabar serve` (docs/api.md, "Load").
#
# Starts `khabar serve --db DB --port 0` on a free loopback port, runs
# `wrk -t2 -c16 -d${SECONDS}s --latency` (Debian's wrk, installed by kh_install_deps) against
# /api/events?page_size=50 and one filtered URL, stops the server and prints one JSON object:
# requests per second, p99 latency in ms and the non-2xx responses of each URL.
#
# KHABAR=path/to/khabar picks the binary (default: build/release's, else build/h's).
# BENCH_SERVE_URLS="path1 path2" replaces the URLs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
db=${1:?usage: tools/bench_serve.sh DB [SECONDS]}
seconds=${2:-10}
khabar=${KHABAR:-}
if [ -z "$khabar" ]; then
  for candidate in "$root/build/release/src/khabar/cli/khabar" "$root/build/h/src/khabar/cli/khabar"; do
    if [ -x "$candidate" ]; then khabar=$candidate; break; fi
  done
fi
[ -x "$khabar" ] || { echo "bench_serve: no khabar binary; build it or set KHABAR" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench_serve: wrk is not installed (tools/lib.sh kh_install_deps)" >&2; exit 2; }
[ -f "$db" ] || { echo "bench_serve: no database at $db" >&2; exit 2; }
urls=${BENCH_SERVE_URLS:-"/api/events?page_size=50 /api/events?page_size=50&root=19&from=2019-01-01"}

work=$(mktemp -d "${TMPDIR:-/tmp}/bench_serve.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$khabar" serve --db "$db" --port 0 --quiet >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
port=""
for _ in $(seq 300); do
  port=$(sed -n 's|^serving http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/server.out")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "bench_serve: the server did not start" >&2; cat "$work/server.err" >&2; exit 1; }

# wrk prints latencies as 812.00us, 12.34ms or 1.20s: in ms.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

runs=""
for url in $urls; do
  wrk -t2 -c16 -d"${seconds}s" --latency "http://127.0.0.1:$port$url" >"$work/wrk.out"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/wrk.out")")
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$work/wrk.out")
  errors=$(awk '/Socket errors:/ { print }' "$work/wrk.out" | tr -d '\n' | sed 's/"/\\"/g')
  runs+="${runs:+,}{\"url\":\"$url\",\"requests\":${requests:-0},\"requests_per_s\":${rps:-0},\"p99_ms\":$p99,\"non_2xx\":${non2xx:-0},\"socket_errors\":\"${errors}\"}"
done

events=$(sqlite3 -readonly "$db" "SELECT COUNT(*) FROM events" 2>/dev/null || echo null)
printf '{"db":"%s","events":%s,"seconds":%s,"wrk":"-t2 -c16 --latency","runs":[%s]}\n' \
  "$db" "$events" "$seconds" "$runs"
