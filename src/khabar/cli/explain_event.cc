// `khabar explain --db DB EVENT...`: which reports were merged into each stored event, and
// why (docs/formats/merge.md). Reads the event as `khabar serve` answers /api/events/ID
// (serve/api.h), so the two always agree; prints it for an analyst or, with --json, as that
// JSON.
#include "khabar/cli/explain_event.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "khabar/serve/api.h"
#include "khabar/serve/store_reader.h"

namespace khabar::cli {
namespace {

using Json = nlohmann::json;

std::string Text(const Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return "";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

std::string Or(std::string text, std::string_view fallback = "-") {
  return text.empty() ? std::string(fallback) : text;
}

std::string Figures(const Json& figures) {
  std::string text;
  if (!figures.is_object()) return text;
  for (const auto& [name, value] : figures.items()) {
    if (value.is_null()) continue;
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", name, value.dump());
  }
  return text;
}

// The event's consensus figures: its fatalities, injured, ... fields.
std::string EventFigures(const Json& event) {
  Json figures = Json::object();
  for (const char* name : {"fatalities", "injured", "displaced", "arrested", "kidnapped"}) {
    if (event.contains(name)) figures[name] = event[name];
  }
  return Figures(figures);
}

void PrintEvent(const Json& event) {
  fmt::print("event {}: {} {} {} on {} ({}){}\n", Text(event, "id"),
             Or(Text(event["source"], "code")), Text(event, "cameo"),
             Or(Text(event["target"], "code")), Or(Text(event, "date")),
             Or(Text(event, "date_precision")),
             event["location"].is_object() ? " in " + Text(event["location"], "name") : "");
  fmt::print("  {} reports from {} outlets; certainty {}; consensus figures: {}\n",
             Text(event, "report_count"), Text(event, "corroboration"), Text(event, "certainty"),
             Or(EventFigures(event), "none"));
}

void PrintReport(size_t index, const Json& report) {
  const std::string reason = Text(report, "merge_reason");
  fmt::print("  report {} ({}): {}, {}, article {}{}\n", index + 1, Text(report, "report_id"),
             Or(Text(report, "outlet"), "unknown outlet"), Or(Text(report, "published"), "undated"),
             Text(report, "doc_id"), reason.empty() ? ", founded the event" : "");
  fmt::print("    \"{}\"\n", Text(report, "sentence"));
  fmt::print("    coded {} {} {}; certainty {}; figures: {}\n", Or(Text(report, "source_code")),
             Text(report, "cameo"), Or(Text(report, "target_code")), Text(report, "certainty"),
             Or(Figures(report["figures"]), "none"));
  if (!reason.empty()) fmt::print("    joined: {}\n", reason);
}

}  // namespace

int ExplainStoredEvents(const std::string& db, const std::vector<std::string>& event_ids,
                        bool json) {
  serve::ReaderPool pool([db] { return serve::OpenReader(db); });
  const serve::ActorAliases no_aliases;
  const serve::Api api(&pool, &no_aliases);
  int exit_code = 0;
  for (const std::string& event_id : event_ids) {
    const serve::ApiResponse response = api.Get("/api/events/" + event_id, {});
    const Json body = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (response.status != 200 || !body.is_object()) {
      fmt::print(stderr, "khabar explain: {}: {}\n", event_id,
                 Or(Text(body, "error"), response.body));
      exit_code = response.status == 404 ? 1 : 2;
      continue;
    }
    if (json) {
      fmt::print("{}\n", body.dump());
      continue;
    }
    PrintEvent(body["event"]);
    for (size_t index = 0; index < body["reports"].size(); ++index)
      PrintReport(index, body["reports"][index]);
  }
  return exit_code;
}

}  // namespace khabar::cli
