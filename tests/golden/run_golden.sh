#!/usr/bin/env bash
# End-to-end golden test: runs the khabar CLI as a user would and compares its output.
#
#   run_golden.sh KHABAR CASE_DIR [--update]
#
# A case directory holds:
#   cmd              the command lines to run, one per line, with `khabar` standing for the
#                    binary; they run in a scratch copy of the case directory
#   expected.out     what the commands print on stdout and stderr, each line prefixed with
#                    "1|" (stdout) or "2|" (stderr), then "exit N" per command
#   any inputs the commands read
# --update rewrites expected.out from the current output; reviewers read the diff.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export KHABAR_MODELS=${KHABAR_MODELS:-$repo/models}
khabar=$(realpath "$1")
case_dir=$(realpath "$2")
update=${3:-}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$case_dir"/. "$scratch"/
cd "$scratch"

actual="$scratch/.actual"
: > "$actual"
while IFS= read -r line || [ -n "$line" ]; do
  [ -z "$line" ] && continue
  case "$line" in \#*) continue ;; esac
  echo "\$ $line" >> "$actual"
  command=${line/#khabar/\"$khabar\"}
  eval "$command" > .stdout 2> .stderr < /dev/null
  code=$?
  sed 's/^/1|/' .stdout >> "$actual"
  sed 's/^/2|/' .stderr >> "$actual"
  echo "exit $code" >> "$actual"
done < cmd

if [ "$update" = "--update" ]; then
  cp "$actual" "$case_dir/expected.out"
  echo "updated $case_dir/expected.out"
  exit 0
fi
if ! diff -u "$case_dir/expected.out" "$actual"; then
  echo "golden mismatch in $case_dir (rerun with --update to accept)" >&2
  exit 1
fi
