// `khabar bench store [--json] [--events N] [--backend sqlite|postgres|both] [--db PATH]
// [--pg URI] [--pg-db NAME]`: each store's ingest rate and query latency on synthetic events
// (docs/formats/query.md, "Benchmark").
//
// The events are generated deterministically (a fixed seed): documents of ten one-event
// sentences "<source> <verb> <target> in <place>.", over 1,200 invented actor names, ten verbs
// with their CAMEO codes, 300 invented places in a 20 x 50 degree box and ten years of dates.
// They are written through Store::WriteDocuments in batches of 1,000 documents (one
// transaction each); then each typical query runs many times with varying arguments, and the
// median and 99th percentile latencies are reported (wall clock: a query waits on the disk
// cache as a user's would).
//
// PostgreSQL runs in a scratch database created on the --pg server (default $KHABAR_TEST_PG)
// and dropped afterwards, or in the database --pg-db names, kept. Its ingest time includes
// what loading needs before the first query: writing the search rows
// (store/internal/postgres_search_rows.h) and ANALYZE.
#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>


#include <cstdlib>
#include <unistd.h>

#include "khabar/cli/commands.h"
#include "khabar/query/postgres_event_source.h"
#include "khabar/query/query_filter.h"
#include "khabar/query/sqlite_event_source.h"
#include "khabar/store/internal/postgres_connection.h"
#include "khabar/store/open_store.h"
#include "khabar/store/postgres_store.h"
#include "khabar/store/sqlite_store.h"

namespace khabar::cli {
namespace {

constexpr int kSentencesPerDocument = 10;
constexpr int kDocumentsPerBatch = 1000;
constexpr int kPlaces = 300;

struct BenchStoreOptions {
  int64_t events = 1000000;
  int runs = 50;
  std::string db;  // empty: a temporary file, removed afterwards
  std::string backend;  // sqlite, postgres or both; empty: both when a server is given
  std::string pg;       // a PostgreSQL server; empty: $KHABAR_TEST_PG
  std::string pg_db;    // keep the PostgreSQL database under this name; empty: a scratch one
  bool json = false;
};

// splitmix64: a small deterministic generator, the same on every platform.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Uniform(double low, double high) { return low + (high - low) * (Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

constexpr std::array<const char*, 30> kGiven = {
    "Khalifa", "Omar", "Hisham", "Ahmed", "Fayez", "Aguila", "Abdel", "Salah", "Mahmoud", "Yusuf",
    "Karim", "Nabil", "Tarek", "Walid", "Samir", "Rami", "Hassan", "Ali", "Mustafa", "Ibrahim",
    "Jamal", "Faris", "Idris", "Bashir", "Nuri", "Saif", "Zaid", "Anwar", "Munir", "Hamza"};
constexpr std::array<const char*, 40> kFamily = {
    "Haftar", "Ashmawy", "Sarraj", "Saleh", "Bashagha", "Dbeibah", "Mansour", "Qaddafi", "Mitig",
    "Zintani", "Obeidi", "Warfalli", "Megarief", "Sweihli", "Ghariani", "Jadran", "Busnaina",
    "Misrati", "Tarhuni", "Barghathi", "Nadhuri", "Mahjoub", "Zawi", "Kikli", "Shaladi", "Hamdi",
    "Farjani", "Ferjani", "Gheit", "Kabir", "Maiteeg", "Naas", "Hadi", "Aoun", "Abdali", "Rifi",
    "Buzaid", "Tajouri", "Ghneiwa", "Juwaili"};
constexpr std::array<const char*, 12> kCountries = {"LBY", "EGY", "TUN", "DZA", "SDN", "TCD",
                                                    "NER", "MLI", "ITA", "FRA", "TUR", "QAT"};
constexpr std::array<const char*, 4> kAgents = {"GOV", "MIL", "REB", ""};
struct Verb {
  const char* word;
  const char* cameo;
  int quad_class;
};
constexpr std::array<Verb, 10> kVerbs = {{{"attacked", "190", 4}, {"met", "040", 1}, {"shelled", "195", 4},
                                          {"accused", "112", 3}, {"arrested", "173", 4}, {"visited", "042", 1},
                                          {"criticized", "111", 3}, {"praised", "051", 1}, {"threatened", "138", 3},
                                          {"besieged", "191", 4}}};
constexpr std::array<const char*, 6> kCertainty = {"asserted", "asserted", "asserted", "reported", "alleged", "denied"};
constexpr std::array<const char*, 12> kSyllables = {"zar", "ka", "bal", "mis", "ra", "tah", "jan", "zur", "gha", "da", "sab", "wi"};

struct Place {
  std::string name;
  double lat, lon;
};

struct World {
  std::vector<std::string> actors;  // "Khalifa Haftar"
  std::vector<std::string> codes;   // the actor's code
  std::vector<Place> places;
};

World MakeWorld() {
  World world;
  Random random(7);
  for (const char* family : kFamily) {
    for (const char* given : kGiven) {
      world.actors.push_back(std::string(given) + " " + family);
      world.codes.push_back(std::string(kCountries[random.Below(kCountries.size())]) +
                            kAgents[random.Below(kAgents.size())]);
    }
  }
  for (int i = 0; i < kPlaces; ++i) {
    std::string name = std::string(kSyllables[random.Below(kSyllables.size())]) +
                       kSyllables[random.Below(kSyllables.size())] + kSyllables[random.Below(kSyllables.size())];
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    world.places.push_back({name + std::to_string(i), random.Uniform(20, 40), random.Uniform(0, 50)});
  }
  return world;
}

// Document `index` of the synthetic corpus: kSentencesPerDocument one-event sentences.
doc::Document MakeDocument(const World& world, int64_t index, int sentences, Random& random) {
  doc::Document document;
  document.id = "bench-" + std::to_string(index);
  document.outlet = "Bench Wire";
  const int day = static_cast<int>(random.Below(3650));
  document.published = fmt::format("{:04}-{:02}-{:02}", 2015 + day / 365, 1 + day % 365 / 31 % 12, 1 + day % 28);
  for (int s = 0; s < sentences; ++s) {
    const size_t source = random.Below(world.actors.size());
    const size_t target = random.Below(world.actors.size());
    const Verb& verb = kVerbs[random.Below(kVerbs.size())];
    const Place& place = world.places[random.Below(world.places.size())];
    const auto begin = static_cast<uint32_t>(document.text.size());
    document.text += world.actors[source];
    const doc::Span source_span{begin, static_cast<uint32_t>(document.text.size())};
    document.text += std::string(" ") + verb.word + " ";
    const auto target_begin = static_cast<uint32_t>(document.text.size());
    document.text += world.actors[target];
    const doc::Span target_span{target_begin, static_cast<uint32_t>(document.text.size())};
    document.text += " in " + place.name + ".";
    const auto end = static_cast<uint32_t>(document.text.size());
    document.text += ' ';
    document.sentences.push_back({0, 0, {begin, end}});
    doc::Event event;
    event.sentence = static_cast<uint32_t>(s);
    event.source = {doc::kNoHead, source_span, world.codes[source], world.actors[source]};
    event.target = {doc::kNoHead, target_span, world.codes[target], world.actors[target]};
    event.cameo = verb.cameo;
    event.root = std::string(verb.cameo).substr(0, 2);
    event.quad_class = verb.quad_class;
    event.goldstein = verb.quad_class >= 3 ? -5.0f : 3.0f;
    event.plover = verb.quad_class == 4 ? "ASSAULT" : "CONSULT";
    event.place = {place.name, 1 + static_cast<int64_t>(&place - world.places.data()), "LY", place.lat,
                   place.lon, doc::PlacePrecision::kCity, {}, true};
    const std::string_view certainty = kCertainty[random.Below(kCertainty.size())];
    event.certainty = certainty == "reported" ? doc::Certainty::kReported
                      : certainty == "alleged" ? doc::Certainty::kAlleged
                      : certainty == "denied"  ? doc::Certainty::kDenied
                                               : doc::Certainty::kAsserted;
    document.events.events.push_back(std::move(event));
  }
  document.raw = document.text;
  uint64_t hash = 14695981039346656037ull;  // FNV-1a of the id: unique per document
  for (const char c : document.id) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  document.content_hash = hash == 0 ? 1 : hash;
  return document;
}

struct Ingest {
  int64_t events = 0;
  double seconds = 0;
};

StatusOr<Ingest> IngestEvents(const World& world, store::Store& store, int64_t events) {
  Random random(42);
  Ingest ingest;
  int64_t document_index = 0;
  while (ingest.events < events) {
    std::vector<doc::Document> batch;
    while (batch.size() < kDocumentsPerBatch && ingest.events < events) {
      const int sentences = static_cast<int>(std::min<int64_t>(kSentencesPerDocument, events - ingest.events));
      batch.push_back(MakeDocument(world, document_index++, sentences, random));
      ingest.events += sentences;
    }
    std::vector<const doc::Document*> pointers;
    for (const doc::Document& document : batch) pointers.push_back(&document);
    const auto start = std::chrono::steady_clock::now();
    KH_RETURN_IF_ERROR(store.WriteDocuments(pointers).status());
    ingest.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return ingest;
}

struct Latency {
  std::string name;
  double p50_ms = 0, p99_ms = 0, mean_rows = 0;
};

// The filter of run `run` of query `kind`; arguments vary with the run, deterministically.
query::QueryFilter TypicalFilter(const World& world, const std::string& kind, Random& random) {
  query::QueryFilter filter;
  if (kind == "actor") {
    filter.actor = std::string(kFamily[random.Below(kFamily.size())]);
  } else if (kind == "root_date") {
    filter.root = std::string(kVerbs[random.Below(kVerbs.size())].cameo).substr(0, 2);
    const int year = 2015 + static_cast<int>(random.Below(10));
    const int month = 1 + static_cast<int>(random.Below(10));
    filter.date_from = fmt::format("{:04}-{:02}", year, month);
    filter.date_to = fmt::format("{:04}-{:02}", year, month + 2);
  } else if (kind == "near") {
    const Place& place = world.places[random.Below(world.places.size())];
    filter.near = query::GeoCircle{place.lat, place.lon, 50};
  } else if (kind == "text") {
    filter.text = std::string(kVerbs[random.Below(kVerbs.size())].word) + " " +
                  world.places[random.Below(world.places.size())].name;
  }
  return filter;
}

StatusOr<Latency> TimeQuery(query::EventSource& source, const World& world, const std::string& kind, int runs) {
  Random random(std::hash<std::string>{}(kind));
  std::vector<double> ms;
  int64_t rows = 0;
  for (int run = 0; run < runs; ++run) {
    query::QueryFilter filter = TypicalFilter(world, kind, random);
    KH_RETURN_IF_ERROR(query::NormalizeFilter(&filter));
    const auto start = std::chrono::steady_clock::now();
    KH_RETURN_IF_ERROR(source.Scan(filter, {100}, [&rows](const query::EventRow&) {
      ++rows;
      return true;
    }));
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  auto percentile = [&ms](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  return Latency{kind, percentile(0.5), percentile(0.99), static_cast<double>(rows) / runs};
}

// One backend's figures.
struct BackendRun {
  std::string backend;  // "sqlite" or "postgres"
  std::string where;    // the file or database, for the text output
  bool reused = false;  // an existing store was queried, not ingested
  Ingest ingest;
  double db_mb = 0;
  std::vector<Latency> latencies;
};

StatusOr<std::vector<Latency>> TimeQueries(query::EventSource& source, const World& world, int runs) {
  std::vector<Latency> latencies;
  for (const char* kind : {"actor", "root_date", "near", "text"}) {
    KH_ASSIGN_OR_RETURN(Latency latency, TimeQuery(source, world, kind, runs));
    latencies.push_back(latency);
  }
  return latencies;
}

StatusOr<BackendRun> RunSqlite(const BenchStoreOptions& options, const World& world) {
  BackendRun run{.backend = "sqlite"};
  std::string path = options.db;
  std::string scratch;
  if (path.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "khabar_bench_store_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return UnavailableError("cannot make a temporary directory");
    scratch = pattern;
    path = scratch + "/bench.db";
  }
  run.where = path;
  std::error_code ignored;
  run.reused = !options.db.empty() && std::filesystem::exists(path, ignored);
  if (!run.reused) {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteStore> store, store::SqliteStore::Open(path));
    KH_ASSIGN_OR_RETURN(run.ingest, IngestEvents(world, *store, options.events));
  }
  {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<query::SqliteEventSource> source, query::SqliteEventSource::Open(path));
    KH_ASSIGN_OR_RETURN(run.latencies, TimeQueries(*source, world, options.runs));
  }
  run.db_mb = static_cast<double>(std::filesystem::file_size(path, ignored)) / 1e6;
  if (!scratch.empty()) std::filesystem::remove_all(scratch, ignored);
  return run;
}


// A database name the bench may create and drop: lower-case letters, digits and '_'.
Status CheckDatabaseName(const std::string& name) {
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return InvalidArgumentError("bad --pg-db '" + name + "': use lower-case letters, digits and _");
    }
  }
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
    return InvalidArgumentError("bad --pg-db '" + name + "': must start with a letter or _");
  }
  return Status::Ok();
}

// Creates `name` on the server unless it exists; true when it existed.
StatusOr<bool> EnsureDatabase(store::internal::PgConnection& server, const std::string& name) {
  store::internal::PgParams params;
  params.AddText(name);
  KH_ASSIGN_OR_RETURN(store::internal::PgResult found,
                      server.Query("SELECT 1 FROM pg_database WHERE datname = $1", params, "looking for the database"));
  if (found.rows() > 0) return true;
  // A name cannot be a bound parameter; CheckDatabaseName allows only [a-z0-9_].
  KH_RETURN_IF_ERROR(server.Exec("CREATE DATABASE " + name, "creating the bench database"));
  return false;
}

StatusOr<BackendRun> RunPostgresIn(const BenchStoreOptions& options, const World& world,
                                   const std::string& conninfo, bool exists) {
  BackendRun run{.backend = "postgres", .reused = exists};
  if (!run.reused) {
    const auto start = std::chrono::steady_clock::now();
    {
      KH_ASSIGN_OR_RETURN(std::unique_ptr<store::PostgresStore> store, store::PostgresStore::Open(conninfo));
      KH_ASSIGN_OR_RETURN(run.ingest, IngestEvents(world, *store, options.events));
    }
    // Loading ends when the first query can run: search rows (written by Open) and statistics.
    KH_ASSIGN_OR_RETURN(std::unique_ptr<query::PostgresEventSource> source, query::PostgresEventSource::Open(conninfo));
    KH_ASSIGN_OR_RETURN(store::internal::PgConnection connection, store::internal::PgConnection::Open(conninfo));
    KH_RETURN_IF_ERROR(connection.Exec("ANALYZE", "analyzing the bench database"));
    run.ingest.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<query::PostgresEventSource> source, query::PostgresEventSource::Open(conninfo));
  KH_ASSIGN_OR_RETURN(run.latencies, TimeQueries(*source, world, options.runs));
  KH_ASSIGN_OR_RETURN(store::internal::PgConnection connection, store::internal::PgConnection::Open(conninfo));
  KH_ASSIGN_OR_RETURN(store::internal::PgResult size,
                      connection.Query("SELECT pg_database_size(current_database())", {}, "measuring the database"));
  run.db_mb = static_cast<double>(size.Int64(0, 0)) / 1e6;
  return run;
}

StatusOr<BackendRun> RunPostgres(const BenchStoreOptions& options, const World& world, const std::string& server_spec) {
  const std::string name = options.pg_db.empty() ? "khabar_bench_store_" + std::to_string(getpid()) : options.pg_db;
  KH_RETURN_IF_ERROR(CheckDatabaseName(name));
  StatusOr<std::string> conninfo_or = store::ConninfoWithDatabase(server_spec, name);
  if (!conninfo_or.ok()) return conninfo_or.status().WithPrefix("--pg");
  const std::string conninfo = std::move(conninfo_or).value();
  KH_ASSIGN_OR_RETURN(store::internal::PgConnection server, store::internal::PgConnection::Open(server_spec));
  KH_ASSIGN_OR_RETURN(bool exists, EnsureDatabase(server, name));
  StatusOr<BackendRun> run = RunPostgresIn(options, world, conninfo, exists);
  if (options.pg_db.empty()) {
    const Status dropped = server.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "dropping the bench database");
    if (run.ok() && !dropped.ok()) return dropped;
  }
  if (run.ok()) run->where = "postgres " + server.description() + ", database " + name;
  return run;
}

std::string LatencyJson(const std::vector<Latency>& latencies) {
  std::string queries;
  for (const Latency& latency : latencies) {
    queries += fmt::format("{}\"{}\":{{\"p50_ms\":{:.2f},\"p99_ms\":{:.2f},\"mean_rows\":{:.1f}}}",
                           queries.empty() ? "" : ",", latency.name, latency.p50_ms, latency.p99_ms,
                           latency.mean_rows);
  }
  return queries;
}

void PrintJson(const std::vector<BackendRun>& runs, const BenchStoreOptions& options, const std::string& note) {
  std::string backends;
  for (const BackendRun& run : runs) {
    const double rate = run.ingest.seconds > 0 ? run.ingest.events / run.ingest.seconds : 0;
    backends += fmt::format("{}\"{}\":{{\"events\":{},\"ingest_seconds\":{:.2f},\"ingest_events_per_second\":{:.0f},"
                            "\"db_mb\":{:.1f},\"queries\":{{{}}}}}",
                            backends.empty() ? "" : ",", run.backend, run.reused ? 0 : run.ingest.events,
                            run.ingest.seconds, rate, run.db_mb, LatencyJson(run.latencies));
  }
  fmt::print("{{\"events\":{},\"runs\":{},\"backends\":{{{}}}{}}}\n", options.events, options.runs, backends,
             note.empty() ? "" : fmt::format(",\"note\":\"{}\"", note));
}

void PrintText(const std::vector<BackendRun>& runs, const BenchStoreOptions& options, const std::string& note) {
  if (!note.empty()) fmt::print("note: {}\n", note);
  for (const BackendRun& run : runs) {
    const double rate = run.ingest.seconds > 0 ? run.ingest.events / run.ingest.seconds : 0;
    if (run.reused) {
      fmt::print("{} store {}: reused, not ingested; {:.1f} MB\n", run.backend, run.where, run.db_mb);
    } else {
      fmt::print("{} ingest: {} events in {:.2f} s = {:.0f} events/s; {:.1f} MB\n", run.backend, run.ingest.events,
                 run.ingest.seconds, rate, run.db_mb);
    }
    for (const Latency& latency : run.latencies) {
      fmt::print("{} query {:<10} p50 {:8.2f} ms  p99 {:8.2f} ms  ({:.1f} rows, limit 100, {} runs)\n", run.backend,
                 latency.name, latency.p50_ms, latency.p99_ms, latency.mean_rows, options.runs);
    }
  }
}

int RunBenchStore(const BenchStoreOptions& options) {
  auto fail = [](const Status& status) {
    fmt::print(stderr, "khabar bench store: {}\n", status.message());
    return 1;
  };
  if (options.events < 1 || options.runs < 1) {
    fmt::print(stderr, "khabar bench store: --events and --runs must be at least 1\n");
    return 2;
  }
  const char* env_pg = std::getenv("KHABAR_TEST_PG");
  const std::string server = !options.pg.empty() ? options.pg : (env_pg != nullptr ? env_pg : "");
  std::string backend = options.backend;
  std::string note;
  if (backend.empty()) {
    backend = server.empty() ? "sqlite" : "both";
    if (server.empty()) note = "SQLite only: give a PostgreSQL server with --pg URI or KHABAR_TEST_PG to measure it too";
  }
  if (backend != "sqlite" && server.empty()) {
    fmt::print(stderr, "khabar bench store: --backend {} needs a PostgreSQL server: --pg URI or KHABAR_TEST_PG\n",
               backend);
    return 2;
  }
  const World world = MakeWorld();
  std::vector<BackendRun> runs;
  if (backend != "postgres") {
    StatusOr<BackendRun> run = RunSqlite(options, world);
    if (!run.ok()) return fail(run.status());
    runs.push_back(std::move(run).value());
  }
  if (backend != "sqlite") {
    StatusOr<BackendRun> run = RunPostgres(options, world, server);
    if (!run.ok()) return fail(run.status());
    runs.push_back(std::move(run).value());
  }
  if (options.json) {
    PrintJson(runs, options, note);
  } else {
    PrintText(runs, options, note);
  }
  return 0;
}

}  // namespace

void RegisterBenchStore(CLI::App& bench, int* exit_code) {
  auto options = std::make_shared<BenchStoreOptions>();
  CLI::App* command = bench.add_subcommand("store", "SQLite and PostgreSQL stores: ingest events/s and query latency on synthetic events");
  command->add_option("--events", options->events, "synthetic events to ingest")->capture_default_str();
  command->add_option("--runs", options->runs, "runs of each typical query")->capture_default_str();
  command->add_option("--db", options->db, "keep the SQLite store at this path; an existing file is queried, not re-ingested");
  command->add_option("--backend", options->backend, "sqlite, postgres or both (default: both when a server is given, else sqlite)")
      ->check(CLI::IsMember({"sqlite", "postgres", "both"}));
  command->add_option("--pg", options->pg, "PostgreSQL server (URI or conninfo) that may create databases; default $KHABAR_TEST_PG");
  command->add_option("--pg-db", options->pg_db, "keep the PostgreSQL database under this name; an existing one is queried, not re-ingested");
  command->add_flag("--json", options->json, "print one JSON object");
  command->callback([options, exit_code] { *exit_code = RunBenchStore(*options); });
}

}  // namespace khabar::cli
