#include "khabar/serve/api.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "khabar/events/cameo_codebook.h"
#include "khabar/query/event_format.h"
#include "khabar/serve/report_segments.h"
#include "khabar/serve/serve_queries.h"
#include "khabar/store/actor_keys.h"

namespace khabar::serve {
namespace {

using json = nlohmann::ordered_json;
using query::EventRow;
using query::SqlQuery;
using query::SqlRow;

constexpr int kQuadClasses = 4;
constexpr const char* kFigures[] = {"fatalities", "injured", "displaced", "arrested", "kidnapped"};

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json TextOrNull(std::string_view text) { return text.empty() ? json(nullptr) : json(std::string(text)); }

int HttpStatus(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    default: return 500;
  }
}

// The event line of `khabar query --format jsonl`, with its report_count and corroboration.
std::string EventJson(const EventRow& row) { return query::EventRowJson(row); }

// The single integer a COUNT query returns.
StatusOr<int64_t> SelectCount(StoreReader& reader, const SqlQuery& sql) {
  int64_t count = 0;
  KH_RETURN_IF_ERROR(reader.Select(sql, [&count](const SqlRow& row) {
    count = row.Int64(0);
    return false;
  }));
  return count;
}

Style StyleOf(const StoreReader& reader) { return {reader.dialect(), reader.text_order()}; }

json ByQuad(const std::array<int64_t, kQuadClasses + 1>& counts) {
  json by_quad = json::object();
  for (int quad = 1; quad <= kQuadClasses; ++quad) by_quad[std::to_string(quad)] = counts[quad];
  return by_quad;
}

// --- /api/events/{id} ---------------------------------------------------------------------

std::optional<int64_t> EventFigure(const EventRow& event, std::string_view name) {
  if (name == "fatalities") return event.fatalities;
  if (name == "injured") return event.injured;
  if (name == "displaced") return event.displaced;
  if (name == "arrested") return event.arrested;
  return event.kidnapped;
}

json ExtraValue(const nlohmann::json& extra, const char* key) {
  const auto found = extra.find(key);
  if (found == extra.end()) return nullptr;
  return json::parse(found->dump(), nullptr, false);
}

// The report's own coding from reports.extra; a report stored before cross-article merging
// ('{}') is its event's only report, so it takes the event's coding.
void AddCoding(const EventRow& event, const nlohmann::json& extra, json& out) {
  json figures = json::object();
  if (extra.empty()) {
    out["cameo"] = event.cameo;
    out["source_code"] = TextOrNull(event.source_code);
    out["target_code"] = TextOrNull(event.target_code);
    out["certainty"] = event.certainty;
    out["attributed_to"] = TextOrNull(event.attributed_to);
    for (const char* figure : kFigures) {
      const std::optional<int64_t> value = EventFigure(event, figure);
      figures[figure] = value.has_value() ? json(*value) : json(nullptr);
    }
  } else {
    for (const char* key : {"cameo", "source_code", "target_code", "certainty", "attributed_to"}) {
      out[key] = ExtraValue(extra, key);
    }
    for (const char* figure : kFigures) figures[figure] = ExtraValue(extra, figure);
  }
  out["figures"] = std::move(figures);
}

json ReportJson(const EventRow& event, const SqlRow& row) {
  const ReportCoding coding = ParseReportExtra(row.Text(kReportExtra));
  const std::string_view key = row.Text(kReportKey);
  json segments = json::array();
  const int64_t sentence_begin = row.Int64(kReportSpanBegin);
  for (Segment& piece : CutSentence(row.Text(kReportSentence), sentence_begin, coding.spans)) {
    segments.push_back({{"text", std::move(piece.text)}, {"role", TextOrNull(piece.role)}});
  }
  json out;
  out["report_id"] = key.empty() ? std::to_string(row.Int64(kReportRowId)) : std::string(key);
  out["doc_id"] = row.String(kReportDoc);
  out["outlet"] = TextOrNull(row.Text(kReportOutlet));
  out["url"] = TextOrNull(row.Text(kReportUrl));
  out["title"] = TextOrNull(row.Text(kReportTitle));
  out["published"] = TextOrNull(row.Text(kReportPublished));
  out["sentence"] = row.String(kReportSentence);
  out["sentence_begin"] = sentence_begin;
  out["sentence_end"] = row.Int64(kReportSpanEnd);
  out["segments"] = std::move(segments);
  AddCoding(event, coding.json, out);
  const std::optional<double> score = row.OptionalDouble(kReportMergeScore);
  out["merge_score"] = score.has_value() ? json(*score) : json(nullptr);
  out["merge_reason"] = TextOrNull(row.Text(kReportMergeReason));
  return out;
}

// --- /api/actors --------------------------------------------------------------------------

struct ActorCount {
  std::string name, code;
  int64_t events = 0;
};

// Whether the actor answers q: every word of q, by transliteration key, among the words of
// its name; or, when q looks like an actor code, its code starts with q.
bool ActorMatches(const ActorCount& actor, const std::string& q, const std::vector<std::string>& keys) {
  if (q.empty()) return true;
  if (query::LooksLikeActorCode(q) && actor.code.compare(0, q.size(), q) == 0) return true;
  if (keys.empty()) return false;
  const std::vector<std::string> name_keys = store::ActorKeys(actor.name);
  return std::all_of(keys.begin(), keys.end(), [&name_keys](const std::string& key) {
    return std::find(name_keys.begin(), name_keys.end(), key) != name_keys.end();
  });
}

// --- /api/network -------------------------------------------------------------------------

struct Edge {
  std::string source, target;
  int64_t weight = 0;
  std::array<int64_t, kQuadClasses + 1> by_quad{};
};

struct Node {
  int64_t events = 0;
  std::map<std::string, int64_t> names;  // actor name -> events under it
};

std::string NodeName(const std::string& code, const Node& node) {
  std::string best = code;
  int64_t best_count = 0;
  for (const auto& [name, count] : node.names) {
    if (!name.empty() && count > best_count) {
      best = name;
      best_count = count;
    }
  }
  return best;
}

void CountNode(std::map<std::string, Node>& nodes, const std::string& code, const std::string& name,
               int64_t events) {
  Node& node = nodes[code];
  node.events += events;
  node.names[name] += events;
}

}  // namespace

std::string ErrorJson(std::string_view message) { return Dump(json{{"error", std::string(message)}}); }

ApiResponse Api::Get(std::string_view path, const Params& params) const {
  StatusOr<std::string> body = NotFoundError("no API route " + std::string(path));
  constexpr std::string_view kEventPrefix = "/api/events/";
  if (path == "/api/events") {
    body = Events(params);
  } else if (path.starts_with(kEventPrefix) && path.size() > kEventPrefix.size() &&
             path.find('/', kEventPrefix.size()) == std::string_view::npos) {
    body = Event(path.substr(kEventPrefix.size()), params);
  } else if (path == "/api/actors") {
    body = Actors(params);
  } else if (path == "/api/articles") {
    body = Articles(params);
  } else if (path == "/api/stats/daily") {
    body = Daily(params);
  } else if (path == "/api/stats/roots") {
    body = Roots(params);
  } else if (path == "/api/network") {
    body = Network(params);
  }
  if (!body.ok()) return {HttpStatus(body.status()), ErrorJson(body.status().message())};
  return {200, std::move(body).value()};
}

StatusOr<std::string> Api::Events(const Params& params) const {
  KH_ASSIGN_OR_RETURN(const query::QueryFilter filter, ParseEventFilter(params, {"page", "page_size"}));
  KH_ASSIGN_OR_RETURN(const int64_t page, IntParam(params, "page", {.fallback = 1, .min = 1, .max = kMaxPage}));
  KH_ASSIGN_OR_RETURN(const int64_t page_size,
                      IntParam(params, "page_size", {.fallback = kDefaultPageSize, .min = 1, .max = kMaxPageSize}));
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  KH_ASSIGN_OR_RETURN(const SqlQuery count_sql, EventCountQuery(filter, StyleOf(*reader)));
  KH_ASSIGN_OR_RETURN(const int64_t total, SelectCount(*reader, count_sql));
  std::string events;
  KH_RETURN_IF_ERROR(reader->events().Scan(
      filter, {.limit = page_size, .offset = (page - 1) * page_size}, [&events](const EventRow& row) {
        if (!events.empty()) events += ',';
        events += EventJson(row);
        return true;
      }));
  return "{\"page\":" + std::to_string(page) + ",\"page_size\":" + std::to_string(page_size) +
         ",\"total\":" + std::to_string(total) + ",\"events\":[" + events + "]}";
}

StatusOr<std::string> Api::Event(std::string_view event_id, const Params& params) const {
  KH_RETURN_IF_ERROR(CheckParamNames(params, {}));
  query::QueryFilter filter;
  filter.event_id = std::string(event_id);
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  KH_ASSIGN_OR_RETURN(const std::vector<EventRow> rows, reader->events().Find(filter, {.limit = 1}));
  if (rows.empty()) return NotFoundError("no event '" + std::string(event_id) + "'");
  const EventRow& event = rows.front();
  json reports = json::array();
  KH_RETURN_IF_ERROR(reader->Select(ReportsQuery(event.row_id, reader->dialect()), [&](const SqlRow& row) {
    reports.push_back(ReportJson(event, row));
    return true;
  }));
  return "{\"event\":" + EventJson(event) + ",\"reports\":" + Dump(reports) + "}";
}

StatusOr<std::string> Api::Actors(const Params& params) const {
  KH_RETURN_IF_ERROR(CheckParamNames(params, {"q", "limit"}));
  KH_ASSIGN_OR_RETURN(const int64_t limit,
                      IntParam(params, "limit", {.fallback = kDefaultActors, .min = 1, .max = kMaxActors}));
  const std::string q = Param(params, "q");
  const std::vector<std::string> keys = store::ActorKeys(q);
  if (!q.empty() && keys.empty() && !query::LooksLikeActorCode(q)) {
    return InvalidArgumentError("bad q '" + q + "': no name or code in it");
  }
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  json actors = json::array();
  KH_RETURN_IF_ERROR(reader->Select(ActorCountsQuery(reader->dialect()), [&](const SqlRow& row) {
    const ActorCount actor{row.String(0), row.String(1), row.Int64(2)};
    if (!ActorMatches(actor, q, keys)) return true;
    actors.push_back({{"name", actor.name.empty() ? actor.code : actor.name},
                      {"code", TextOrNull(actor.code)},
                      {"events", actor.events},
                      {"aliases", aliases_->Find(actor.name)}});
    return static_cast<int64_t>(actors.size()) < limit;
  }));
  return Dump(json{{"actors", std::move(actors)}});
}

StatusOr<std::string> Api::Articles(const Params& params) const {
  KH_RETURN_IF_ERROR(CheckParamNames(params, {"page", "page_size"}));
  KH_ASSIGN_OR_RETURN(const int64_t page, IntParam(params, "page", {.fallback = 1, .min = 1, .max = kMaxPage}));
  KH_ASSIGN_OR_RETURN(const int64_t page_size,
                      IntParam(params, "page_size", {.fallback = kDefaultPageSize, .min = 1, .max = kMaxPageSize}));
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  KH_ASSIGN_OR_RETURN(const int64_t total, SelectCount(*reader, ArticleCountQuery()));
  json articles = json::array();
  const SqlQuery sql = ArticlesQuery(page_size, (page - 1) * page_size, reader->dialect());
  KH_RETURN_IF_ERROR(reader->Select(sql, [&articles](const SqlRow& row) {
    articles.push_back({{"doc_id", row.String(0)},
                        {"outlet", TextOrNull(row.Text(1))},
                        {"url", TextOrNull(row.Text(2))},
                        {"title", TextOrNull(row.Text(3))},
                        {"published", TextOrNull(row.Text(4))},
                        {"events", row.Int64(5)}});
    return true;
  }));
  return Dump(json{{"page", page}, {"page_size", page_size}, {"total", total}, {"articles", std::move(articles)}});
}

StatusOr<std::string> Api::Daily(const Params& params) const {
  KH_ASSIGN_OR_RETURN(const query::QueryFilter filter, ParseEventFilter(params, {}));
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  KH_ASSIGN_OR_RETURN(const SqlQuery sql, DailyCountsQuery(filter, StyleOf(*reader)));
  std::map<std::string, std::array<int64_t, kQuadClasses + 1>> days;  // quad 0 holds the total
  int64_t undated_or_coarse = 0;
  KH_RETURN_IF_ERROR(reader->Select(sql, [&](const SqlRow& row) {
    const int64_t quad = row.Int64(1);
    const int64_t count = row.Int64(2);
    if (row.Text(0).empty()) {
      undated_or_coarse += count;
      return true;
    }
    std::array<int64_t, kQuadClasses + 1>& day = days[row.String(0)];
    day[0] += count;
    if (quad >= 1 && quad <= kQuadClasses) day[quad] += count;
    return true;
  }));
  json out_days = json::array();
  for (const auto& [date, counts] : days) {
    out_days.push_back({{"date", date}, {"count", counts[0]}, {"by_quad", ByQuad(counts)}});
  }
  return Dump(json{{"days", std::move(out_days)}, {"undated_or_coarse", undated_or_coarse}});
}

StatusOr<std::string> Api::Roots(const Params& params) const {
  KH_ASSIGN_OR_RETURN(const query::QueryFilter filter, ParseEventFilter(params, {}));
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  KH_ASSIGN_OR_RETURN(const SqlQuery sql, RootCountsQuery(filter, StyleOf(*reader)));
  json roots = json::array();
  KH_RETURN_IF_ERROR(reader->Select(sql, [&roots](const SqlRow& row) {
    const std::string root = row.String(0);
    roots.push_back({{"root", root},
                     {"name", TextOrNull(events::CameoCodebook::RootName(root))},
                     {"count", row.Int64(1)}});
    return true;
  }));
  return Dump(json{{"roots", std::move(roots)}});
}

StatusOr<std::string> Api::Network(const Params& params) const {
  KH_ASSIGN_OR_RETURN(const query::QueryFilter filter, ParseEventFilter(params, {"limit"}));
  KH_ASSIGN_OR_RETURN(const int64_t limit, IntParam(params, "limit", {.fallback = kDefaultNetworkEdges,
                                                                      .min = 1, .max = kMaxNetworkEdges}));
  KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool_->Acquire());
  KH_ASSIGN_OR_RETURN(const SqlQuery sql, DyadCountsQuery(filter, StyleOf(*reader)));
  std::map<std::pair<std::string, std::string>, Edge> edges;
  std::map<std::string, Node> nodes;
  KH_RETURN_IF_ERROR(reader->Select(sql, [&](const SqlRow& row) {
    const std::string source = row.String(0), target = row.String(2);
    const int64_t quad = row.Int64(4), count = row.Int64(5);
    Edge& edge = edges[{source, target}];
    edge.source = source;
    edge.target = target;
    edge.weight += count;
    if (quad >= 1 && quad <= kQuadClasses) edge.by_quad[quad] += count;
    CountNode(nodes, source, row.String(1), count);
    if (target != source) CountNode(nodes, target, row.String(3), count);
    return true;
  }));
  std::vector<Edge> ranked;
  for (auto& [dyad, edge] : edges) ranked.push_back(std::move(edge));
  std::stable_sort(ranked.begin(), ranked.end(), [](const Edge& a, const Edge& b) { return a.weight > b.weight; });
  if (static_cast<int64_t>(ranked.size()) > limit) ranked.resize(limit);
  json out_edges = json::array();
  std::map<std::string, bool> used;
  for (const Edge& edge : ranked) {
    out_edges.push_back({{"source", edge.source}, {"target", edge.target}, {"weight", edge.weight},
                         {"by_quad", ByQuad(edge.by_quad)}});
    used[edge.source] = used[edge.target] = true;
  }
  json out_nodes = json::array();
  for (const auto& [code, is_used] : used) {
    const Node& node = nodes[code];
    out_nodes.push_back({{"id", code}, {"name", NodeName(code, node)}, {"events", node.events}});
  }
  return Dump(json{{"nodes", std::move(out_nodes)}, {"edges", std::move(out_edges)}});
}

}  // namespace khabar::serve
