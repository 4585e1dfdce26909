#include "khabar/query/sql_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

namespace khabar::query {
namespace {

using store::Dialect;

// Sorts after every byte that can follow a prefix in an ASCII code or a date.
constexpr char kAfterPrefix = '\x7f';

// Collects the WHERE conditions and their bound values.
class Conditions {
 public:
  Conditions(Dialect dialect, TextOrder order) : dialect_(dialect), order_(order) {}

  // A placeholder for `value`: "?3" (SQLite) or "$3" (PostgreSQL).
  std::string Bind(SqlValue value) {
    params_.push_back(std::move(value));
    return (dialect_ == Dialect::kSqlite ? "?" : "$") + std::to_string(params_.size());
  }
  void Add(std::string condition) { conditions_.push_back(std::move(condition)); }

  std::string Where() const {
    std::string where;
    for (const std::string& condition : conditions_) {
      where += where.empty() ? " WHERE " : " AND ";
      where += condition;
    }
    return where;
  }
  std::vector<SqlValue> TakeParams() { return std::move(params_); }
  Dialect dialect() const { return dialect_; }

  // `column` as the left side of a byte-wise comparison: COLLATE "C" where the database's
  // own collation does not order bytes.
  std::string Bytes(const std::string& column) const {
    return order_ == TextOrder::kCollateC ? column + " COLLATE \"C\"" : column;
  }

 private:
  Dialect dialect_;
  TextOrder order_;
  std::vector<std::string> conditions_;
  std::vector<SqlValue> params_;
};

// `column` starts with `prefix`, as a range the column's index can serve.
std::string PrefixRange(const Conditions& where, const std::string& column,
                        const std::string& begin, const std::string& end) {
  const std::string bytes = where.Bytes(column);
  return "(" + bytes + " >= " + begin + " AND " + bytes + " < " + end + ")";
}

std::string ActorCodeCondition(Conditions& where, const std::string& prefix) {
  const std::string begin = where.Bind(prefix);
  const std::string end = where.Bind(prefix + kAfterPrefix);
  return "(" + PrefixRange(where, "e.source_code", begin, end) + " OR " +
         PrefixRange(where, "e.target_code", begin, end) + ")";
}

void AddActor(const QueryFilter& filter, Conditions& where) {
  if (filter.actor.empty()) return;
  std::string by_name;
  for (const std::string& key : ActorFilterKeys(filter.actor)) {
    if (!by_name.empty()) by_name += " AND ";
    by_name += "e.id IN (SELECT k.event_id FROM event_actor_keys k WHERE k.actor_key = " +
               where.Bind(key) + ")";
  }
  if (!LooksLikeActorCode(filter.actor)) {
    where.Add("(" + by_name + ")");
  } else if (by_name.empty()) {
    where.Add(ActorCodeCondition(where, filter.actor));
  } else {
    where.Add("((" + by_name + ") OR " + ActorCodeCondition(where, filter.actor) + ")");
  }
}

void AddCodes(const QueryFilter& filter, Conditions& where) {
  if (!filter.code.empty()) where.Add(ActorCodeCondition(where, filter.code));
  if (!filter.cameo.empty()) {
    // The root is the code's first two digits: naming it lets events_root_cameo serve the range.
    if (filter.cameo.size() >= 2) where.Add("e.root = " + where.Bind(filter.cameo.substr(0, 2)));
    const std::string begin = where.Bind(filter.cameo);
    where.Add(PrefixRange(where, "e.cameo", begin, where.Bind(filter.cameo + kAfterPrefix)));
  }
  if (!filter.root.empty()) where.Add("e.root = " + where.Bind(filter.root));
  if (filter.quad_class != 0) where.Add("e.quad_class = " + where.Bind(int64_t{filter.quad_class}));
  if (!filter.plover.empty()) where.Add("e.plover = " + where.Bind(filter.plover));
}

void AddDates(const QueryFilter& filter, Conditions& where) {
  if (filter.date_from.empty() && filter.date_to.empty()) return;
  where.Add("e.date <> ''");
  const std::string date = where.Bytes("e.date");
  if (!filter.date_from.empty()) where.Add(date + " >= " + where.Bind(filter.date_from));
  // "2019-05" covers every day of May: compare with "2019-05\x7f".
  if (!filter.date_to.empty()) where.Add(date + " < " + where.Bind(filter.date_to + kAfterPrefix));
}

void AddCountry(const QueryFilter& filter, Conditions& where) {
  if (filter.country.empty()) return;
  const std::string country = where.Bind(filter.country);
  if (filter.country.size() == 2) {
    where.Add("e.location_country = " + country);
  } else {
    where.Add("(e.source_country = " + country + " OR e.target_country = " + country + ")");
  }
}

// The distance in km from the --near point to the event's place, as SQL.
std::string DistanceSql(Dialect dialect, const std::string& lat, const std::string& lon) {
  if (dialect == Dialect::kSqlite) {
    return "khabar_distance_km(e.location_lat, e.location_lon, " + lat + ", " + lon + ")";
  }
  return "(2 * 6371.0088 * asin(least(1.0, sqrt(power(sin(radians(e.location_lat - " + lat +
         ") / 2), 2) + cos(radians(" + lat + ")) * cos(radians(e.location_lat)) * power(sin(radians(e.location_lon - " +
         lon + ") / 2), 2)))))";
}

// The --near condition: a latitude/longitude box the index can serve, then the exact distance.
// Returns the distance expression for the result column.
std::string AddNear(const QueryFilter& filter, Conditions& where) {
  if (!filter.near.has_value()) return "";
  constexpr double kKmPerDegree = 111.19508;  // one degree of a great circle, 6371.0088 km radius
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const GeoCircle& near = *filter.near;
  const double dlat = near.radius_km / kKmPerDegree;
  where.Add("e.location_lat BETWEEN " + where.Bind(near.lat - dlat) + " AND " + where.Bind(near.lat + dlat));
  const double max_lat = std::abs(near.lat) + dlat;
  // Near a pole or across the antimeridian the box would wrap: keep only the latitude band.
  if (max_lat < 89.0) {
    const double dlon = dlat / std::cos(max_lat * kRadians);
    if (near.lon - dlon >= -180 && near.lon + dlon <= 180) {
      where.Add("e.location_lon BETWEEN " + where.Bind(near.lon - dlon) + " AND " +
                where.Bind(near.lon + dlon));
    }
  }
  const std::string distance =
      DistanceSql(where.dialect(), where.Bind(near.lat), where.Bind(near.lon));
  where.Add(distance + " <= " + where.Bind(near.radius_km));
  return distance;
}

Status AddText(const QueryFilter& filter, Conditions& where) {
  if (filter.text.empty()) return Status::Ok();
  if (where.dialect() == Dialect::kPostgres) {
    const std::string tsquery = PostgresTsQuery(filter.text);
    if (tsquery.empty()) return InvalidArgumentError("bad --text '" + filter.text + "': no word in it");
    // The GIN index event_text_body serves exactly this expression (migration 0004).
    where.Add("e.id IN (SELECT x.event_id FROM event_text x WHERE to_tsvector('simple', x.body) @@ "
              "to_tsquery('simple', " + where.Bind(tsquery) + "))");
    return Status::Ok();
  }
  const std::string expression = Fts5Expression(filter.text);
  if (expression.empty()) {
    return InvalidArgumentError("bad --text '" + filter.text + "': no word in it");
  }
  where.Add("e.id IN (SELECT x.event_id FROM event_text x WHERE event_text MATCH " +
            where.Bind(expression) + ")");
  return Status::Ok();
}

void AddCertainty(const QueryFilter& filter, Conditions& where) {
  if (filter.certainty.empty()) return;
  std::string in;
  for (const std::string& certainty : filter.certainty) {
    in += (in.empty() ? "" : ", ") + where.Bind(certainty);
  }
  where.Add("e.certainty IN (" + in + ")");
}

constexpr std::string_view kEventColumns =
    "e.id, e.event_id, e.date, e.date_precision, e.date_from, e.source_text, e.source_actor,"
    " e.source_code, e.source_country, e.target_text, e.target_actor, e.target_code,"
    " e.target_country, e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.location_name,"
    " e.location_geonameid, e.location_country, e.location_lat, e.location_lon,"
    " e.location_precision, e.fatalities, e.injured, e.displaced, e.arrested, e.kidnapped,"
    " e.certainty, e.attributed_to, e.negated, e.report_count, e.corroboration";

// The report's sentence: bytes span_begin..span_end of the article as ingested.
std::string SentenceSql(Dialect dialect) {
  if (dialect == Dialect::kSqlite) {
    return "CAST(substr(CAST(t.raw_text AS BLOB), r.span_begin + 1, r.span_end - r.span_begin) AS TEXT)";
  }
  return "convert_from(substring(convert_to(t.raw_text, 'UTF8') FROM r.span_begin + 1 FOR "
         "r.span_end - r.span_begin), 'UTF8')";
}

struct SearchWord {
  std::string_view word;
  bool prefix;  // written with a trailing '*'
};

// The words of --text that have a letter or digit, split at whitespace.
std::vector<SearchWord> SearchWords(std::string_view text) {
  std::vector<SearchWord> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n')) ++pos;
    const size_t begin = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\n') ++pos;
    std::string_view word = text.substr(begin, pos - begin);
    const bool prefix = !word.empty() && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    bool has_alnum = false;
    for (const char c : word) {
      has_alnum = has_alnum || static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    }
    if (has_alnum) words.push_back({word, prefix});
  }
  return words;
}

}  // namespace

std::string Fts5Expression(std::string_view text) {
  std::string expression;
  for (const auto& [word, prefix] : SearchWords(text)) {
    if (!expression.empty()) expression += ' ';
    expression += '"';
    for (const char c : word) {
      if (c == '"') expression += '"';  // FTS5 escapes a quote by doubling it
      expression += c;
    }
    expression += '"';
    if (prefix) expression += '*';
  }
  return expression;
}

std::string PostgresTsQuery(std::string_view text) {
  std::string query;
  for (const auto& [word, prefix] : SearchWords(text)) {
    if (!query.empty()) query += " & ";
    query += '\'';
    for (const char c : word) {
      if (c == '\'' || c == '\\') query += c;  // tsquery escapes a quote or backslash by doubling it
      query += c;
    }
    query += '\'';
    if (prefix) query += ":*";
  }
  return query;
}

namespace {

// The filter's conditions; returns the --near distance expression ("" without --near).
StatusOr<std::string> AddFilter(const QueryFilter& filter, Conditions& where) {
  if (!filter.event_id.empty()) where.Add("e.event_id = " + where.Bind(filter.event_id));
  AddActor(filter, where);
  AddCodes(filter, where);
  AddDates(filter, where);
  AddCountry(filter, where);
  std::string distance = AddNear(filter, where);
  AddCertainty(filter, where);
  KH_RETURN_IF_ERROR(AddText(filter, where));
  return distance;
}

// " LIMIT n OFFSET m" with bound values; SQLite needs a LIMIT before an OFFSET (-1: none).
std::string LimitOffset(int64_t limit, int64_t offset, Conditions& where) {
  std::string text;
  if (limit > 0) {
    text += " LIMIT " + where.Bind(limit);
  } else if (offset > 0 && where.dialect() == Dialect::kSqlite) {
    text += " LIMIT -1";
  }
  if (offset > 0) text += " OFFSET " + where.Bind(offset);
  return text;
}

}  // namespace

StatusOr<SqlQuery> BuildEventQuery(const QueryFilter& filter, int64_t limit, Dialect dialect,
                                   int64_t offset, TextOrder order) {
  Conditions where(dialect, order);
  KH_ASSIGN_OR_RETURN(const std::string distance, AddFilter(filter, where));
  const std::string distance_column =
      distance.empty() ? (dialect == Dialect::kSqlite ? "NULL" : "CAST(NULL AS DOUBLE PRECISION)") : distance;
  std::string inner = "SELECT " + std::string(kEventColumns) + ", " + distance_column +
                      " AS distance_km FROM events e" + where.Where() + " ORDER BY e.date, e.id";
  inner += LimitOffset(limit, offset, where);
  SqlQuery query;
  query.sql = "SELECT e.*, d.doc_id, d.outlet, d.url, d.published, r.span_begin, r.span_end,"
              " r.pattern, " + SentenceSql(dialect) + " FROM (" + inner + ") e"
              " LEFT JOIN reports r ON r.id = (SELECT MIN(r2.id) FROM reports r2 WHERE r2.event_id = e.id)"
              " LEFT JOIN documents d ON d.id = r.document_id"
              " LEFT JOIN document_texts t ON t.document_id = r.document_id"
              " ORDER BY e.date, e.id";
  query.params = where.TakeParams();
  return query;
}

StatusOr<SqlQuery> BuildFilteredEventsQuery(const QueryFilter& filter, Dialect dialect,
                                            TextOrder order) {
  Conditions where(dialect, order);
  KH_RETURN_IF_ERROR(AddFilter(filter, where).status());
  SqlQuery query;
  query.sql = "SELECT e.* FROM events e" + where.Where();
  query.params = where.TakeParams();
  return query;
}

}  // namespace khabar::query
