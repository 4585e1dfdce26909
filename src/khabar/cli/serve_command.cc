// `khabar serve --db X [--port 8080] [--host 127.0.0.1] [--web-root DIR]`: the read-only JSON
// API over a store (SQLite or PostgreSQL) and the dashboard (docs/api.md), until SIGINT or
// SIGTERM.
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "khabar/cli/commands.h"
#include "khabar/serve/actor_aliases.h"
#include "khabar/serve/api.h"
#include "khabar/serve/http_server.h"
#include "khabar/serve/store_reader.h"

#ifndef KH_DEFAULT_WEB_ROOT
#define KH_DEFAULT_WEB_ROOT "web"
#endif

namespace khabar::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root = KH_DEFAULT_WEB_ROOT;
  std::string dictionary_dir;
  bool quiet = false;
};

// SIGINT and SIGTERM, blocked in every thread started after this, so that the main thread
// takes them with sigwait() and stops the server from normal code.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

serve::ActorAliases LoadAliases(const ServeOptions& options) {
  StatusOr<serve::ActorAliases> aliases = serve::LoadActorAliases(options.dictionary_dir);
  if (!aliases.ok()) {
    fmt::print(stderr, "khabar serve: actors will have no aliases: {}\n", aliases.status().message());
    return {};
  }
  return std::move(aliases).value();
}

int RunServe(const ServeOptions& options) {
  const sigset_t signals = BlockStopSignals();
  serve::ReaderPool pool([db = options.db] { return serve::OpenReader(db); });
  if (StatusOr<serve::ReaderPool::Lease> first = pool.Acquire(); !first.ok()) {
    fmt::print(stderr, "khabar serve: {}\n", first.status().message());
    return 2;
  }
  const serve::ActorAliases aliases = LoadAliases(options);
  const serve::Api api(&pool, &aliases);
  serve::HttpServer server(&api, {.host = options.host, .port = options.port, .web_root = options.web_root});
  StatusOr<int> port = server.Bind();
  if (!port.ok()) {
    fmt::print(stderr, "khabar serve: {}\n", port.status().message());
    return 2;
  }
  fmt::print("serving http://{}:{}/ (Ctrl-C to stop)\n", options.host, *port);
  std::fflush(stdout);
  std::atomic<bool> stopping = false;
  Status served = Status::Ok();
  std::thread serving([&] {
    served = server.Serve();
    if (!stopping) kill(getpid(), SIGTERM);  // wake the main thread
  });
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  stopping = true;
  server.Stop();
  serving.join();
  if (!served.ok()) {
    fmt::print(stderr, "khabar serve: {}\n", served.message());
    return 1;
  }
  if (!options.quiet) fmt::print(stderr, "khabar serve: stopped\n");
  return 0;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand("serve", "Serve the store as a read-only JSON API and the dashboard");
  command->add_option("--db", options->db, "the store written by `khabar code --db`: a SQLite file, or a PostgreSQL URI"
                      " (postgresql://user@host/db) or connection string (\"host=... dbname=...\")")->required();
  command->add_option("--port", options->port, "TCP port; 0 for any free port")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  command->add_option("--host", options->host, "address to listen on")->capture_default_str();
  command->add_option("--web-root", options->web_root, "directory of the dashboard (index.html)")->capture_default_str();
  command->add_option("--dictionaries", options->dictionary_dir,
                      "Directory of the Phoenix CAMEO dictionaries, for actor aliases (default: $KHABAR_DATA/cameo)");
  command->add_flag("-q,--quiet", options->quiet, "no note on stopping");
  command->callback([options, exit_code] { *exit_code = RunServe(*options); });
}

}  // namespace khabar::cli
