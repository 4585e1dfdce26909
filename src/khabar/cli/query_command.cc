// `khabar query --db X [filters] [--format table|jsonl|csv|geojson] [--limit N]`: the stored
// events that match every filter given (docs/formats/query.md).
// `khabar export --db X --format gdelt`: every stored event as GDELT-like TSV, the columns of
// `khabar code --format tsv`.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "khabar/cli/commands.h"
#include "khabar/query/event_format.h"
#include "khabar/query/open_event_source.h"
#include "khabar/query/query_filter.h"

namespace khabar::cli {
namespace {

constexpr const char* kDbHelp =
    "the store written by `khabar code --db`: a SQLite file, or a PostgreSQL URI"
    " (postgresql://user@host/db) or connection string (\"host=... dbname=...\")";

struct QueryOptions {
  std::string db;
  query::QueryFilter filter;
  std::string near;
  double radius_km = 0;
  std::string format = "table";
  int64_t limit = 100;
};

void PrintLine(const std::string& line) {
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
}

// Prints rows as they come in one of the formats; Begin and End frame the output.
class RowPrinter {
 public:
  RowPrinter(std::string format, bool with_distance)
      : format_(std::move(format)), with_distance_(with_distance) {}

  void Begin() {
    if (format_ == "table") PrintLine(query::EventRowTableHeader(with_distance_));
    if (format_ == "csv") PrintLine(query::EventRowCsvHeader());
    if (format_ == "gdelt") PrintLine(query::EventRowTsvHeader());
    if (format_ == "geojson") std::fputs("{\"type\":\"FeatureCollection\",\"features\":[\n", stdout);
  }
  void Print(const query::EventRow& row) {
    ++rows_;
    if (format_ == "table") PrintLine(query::EventRowTableLine(row, with_distance_));
    if (format_ == "jsonl") PrintLine(query::EventRowJson(row));
    if (format_ == "csv") PrintLine(query::EventRowCsv(row));
    if (format_ == "gdelt") PrintLine(query::EventRowTsv(row));
    if (format_ == "geojson") {
      if (rows_ > 1) std::fputs(",\n", stdout);
      const std::string feature = query::EventRowGeoJsonFeature(row);
      std::fwrite(feature.data(), 1, feature.size(), stdout);
    }
  }
  void End(int64_t limit) {
    if (format_ == "geojson") std::fputs("\n]}\n", stdout);
    if (format_ != "table") return;
    if (limit > 0 && rows_ == limit) {
      fmt::print("{} events shown; more may match (--limit {}, 0 for all)\n", rows_, limit);
    } else {
      fmt::print("{} event{}\n", rows_, rows_ == 1 ? "" : "s");
    }
  }

 private:
  std::string format_;
  bool with_distance_;
  int64_t rows_ = 0;
};

// Runs the filter and prints the rows. 2 for a usage or set-up error, 1 for a failed query.
int RunQuery(const char* verb, QueryOptions options) {
  auto fail = [verb](const Status& status, int code) {
    fmt::print(stderr, "khabar {}: {}\n", verb, status.message());
    return code;
  };
  if (!options.near.empty()) {
    StatusOr<query::GeoCircle> circle = query::ParseLatLon(options.near);
    if (!circle.ok()) return fail(circle.status(), 2);
    if (options.radius_km == 0) return fail(InvalidArgumentError("--near needs --radius-km"), 2);
    options.filter.near = *circle;
    options.filter.near->radius_km = options.radius_km;
  } else if (options.radius_km != 0) {
    return fail(InvalidArgumentError("--radius-km needs --near LAT,LON"), 2);
  }
  if (options.limit < 0) return fail(InvalidArgumentError("bad --limit: expected 0 (all) or more"), 2);
  if (Status status = query::NormalizeFilter(&options.filter); !status.ok()) return fail(status, 2);
  StatusOr<std::unique_ptr<query::EventSource>> source = query::OpenEventSource(options.db);
  if (!source.ok()) return fail(source.status(), 2);
  RowPrinter printer(options.format, options.filter.near.has_value());
  printer.Begin();
  const Status status = (*source)->Scan(options.filter, {options.limit}, [&printer](const query::EventRow& row) {
    printer.Print(row);
    return true;
  });
  if (!status.ok()) {
    return fail(status, status.code() == StatusCode::kInvalidArgument ? 2 : 1);
  }
  printer.End(options.limit);
  return 0;
}

void AddFilterOptions(CLI::App& command, QueryOptions& options) {
  query::QueryFilter& filter = options.filter;
  command.add_option("--actor", filter.actor, "actor name, any spelling (Hafter finds Haftar), or code prefix (LBYMIL)");
  command.add_option("--code", filter.code, "actor code prefix on either side: LBY, LBYMIL");
  command.add_option("--cameo", filter.cameo, "CAMEO code prefix: 19, 190, 0231");
  command.add_option("--root", filter.root, "CAMEO root, two digits");
  command.add_option("--quad-class", filter.quad_class, "quad class 1-4");
  command.add_option("--plover", filter.plover, "PLOVER type: ASSAULT, PROTEST, ...");
  command.add_option("--from", filter.date_from, "first date, YYYY[-MM[-DD]], inclusive");
  command.add_option("--to", filter.date_to, "last date, YYYY[-MM[-DD]], inclusive");
  command.add_option("--country", filter.country, "LY: the place's alpha-2 country; LBY: an actor's alpha-3 country");
  command.add_option("--near", options.near, "LAT,LON of a point; with --radius-km");
  command.add_option("--radius-km", options.radius_km, "distance from --near in km");
  command.add_option("--certainty", filter.certainty, "asserted, reported, alleged, denied, hypothetical, negated (comma-separated: any of them)")
      ->delimiter(',');
  command.add_option("--text", filter.text, "words that all occur in a report's sentence or the actor names; word* for a prefix");
}

}  // namespace

void RegisterQueryCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* command = app.add_subcommand("query", "Find stored events by actor, code, date, place, certainty or text");
  command->add_option("--db", options->db, kDbHelp)->required();
  AddFilterOptions(*command, *options);
  command->add_option("--format", options->format, "table, jsonl (the event line), csv or geojson")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}));
  command->add_option("--limit", options->limit, "at most this many events, by date; 0 for all")->capture_default_str();
  command->callback([options, exit_code] { *exit_code = RunQuery("query", *options); });
}

void RegisterExportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* command = app.add_subcommand("export", "Write every stored event as GDELT-like TSV");
  command->add_option("--db", options->db, kDbHelp)->required();
  command->add_option("--format", options->format, "gdelt: the columns of `khabar code --format tsv`")
      ->required()
      ->check(CLI::IsMember({"gdelt"}));
  command->callback([options, exit_code] {
    options->limit = 0;
    *exit_code = RunQuery("export", *options);
  });
}

}  // namespace khabar::cli
