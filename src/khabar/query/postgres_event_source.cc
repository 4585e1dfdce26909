#include "khabar/query/postgres_event_source.h"

#include <charconv>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <variant>

#include "khabar/store/internal/postgres_search_rows.h"
#include "khabar/store/migration.h"
#include "khabar/store/postgres_store.h"

namespace khabar::query {
namespace {

using store::internal::PgConnection;
using store::internal::PgParams;
using store::internal::PgResult;

PgParams ToParams(const std::vector<SqlValue>& values) {
  PgParams params;
  for (const SqlValue& value : values) {
    if (const auto* text = std::get_if<std::string>(&value)) params.AddText(*text);
    if (const auto* number = std::get_if<int64_t>(&value)) params.AddInt64(*number);
    if (const auto* real = std::get_if<double>(&value)) params.AddDouble(*real);
  }
  return params;
}

// One row of a text-format result.
class ResultRow {
 public:
  ResultRow(const PgResult& result, int row) : result_(result), row_(row) {}

  std::string Text(int column) const { return std::string(result_.Value(row_, column)); }
  int64_t Int(int column) const { return result_.Int64(row_, column); }
  bool IsNull(int column) const { return result_.IsNull(row_, column); }
  std::optional<int64_t> OptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }
  std::optional<double> OptionalDouble(int column) const {
    if (IsNull(column)) return std::nullopt;
    // The server writes a double in its shortest exact form (extra_float_digits >= 1).
    return std::strtod(Text(column).c_str(), nullptr);
  }
  bool Bool(int column) const { return result_.Value(row_, column) == "t"; }

 private:
  const PgResult& result_;
  int row_;
};

void ReadRow(const ResultRow& row, EventRow* out) {
  out->row_id = row.Int(kColRowId);
  out->event_id = row.Text(kColEventId);
  out->date = row.Text(kColDate);
  out->date_precision = row.Text(kColDatePrecision);
  out->date_from = row.Text(kColDateFrom);
  out->source_text = row.Text(kColSourceText);
  out->source_actor = row.Text(kColSourceActor);
  out->source_code = row.Text(kColSourceCode);
  out->source_country = row.Text(kColSourceCountry);
  out->target_text = row.Text(kColTargetText);
  out->target_actor = row.Text(kColTargetActor);
  out->target_code = row.Text(kColTargetCode);
  out->target_country = row.Text(kColTargetCountry);
  out->cameo = row.Text(kColCameo);
  out->root = row.Text(kColRoot);
  out->quad_class = static_cast<int>(row.Int(kColQuadClass));
  out->goldstein = row.OptionalDouble(kColGoldstein);
  out->plover = row.Text(kColPlover);
  out->has_location = !row.IsNull(kColLocationName);
  out->location_name = row.Text(kColLocationName);
  out->geonameid = row.OptionalInt(kColGeonameid);
  out->location_country = row.Text(kColLocationCountry);
  out->lat = row.OptionalDouble(kColLat);
  out->lon = row.OptionalDouble(kColLon);
  out->location_precision = row.Text(kColLocationPrecision);
  out->fatalities = row.OptionalInt(kColFatalities);
  out->injured = row.OptionalInt(kColInjured);
  out->displaced = row.OptionalInt(kColDisplaced);
  out->arrested = row.OptionalInt(kColArrested);
  out->kidnapped = row.OptionalInt(kColKidnapped);
  out->certainty = row.Text(kColCertainty);
  out->attributed_to = row.Text(kColAttributedTo);
  out->negated = row.Bool(kColNegated);
  out->report_count = row.Int(kColReportCount);
  out->corroboration = row.Int(kColCorroboration);
  out->distance_km = row.OptionalDouble(kColDistanceKm);
  out->has_report = !row.IsNull(kColDoc);
  out->doc = row.Text(kColDoc);
  out->outlet = row.Text(kColOutlet);
  out->url = row.Text(kColUrl);
  out->published = row.Text(kColPublished);
  out->span_begin = row.Int(kColSpanBegin);
  out->span_end = row.Int(kColSpanEnd);
  out->pattern = row.Text(kColPattern);
  out->sentence = row.Text(kColSentence);
}

// Calls `visit` with each row of `result`; false when it asked to stop.
bool VisitRows(const PgResult& result, const std::function<bool(const EventRow&)>& visit) {
  EventRow row;
  for (int i = 0; i < result.rows(); ++i) {
    ReadRow(ResultRow(result, i), &row);
    if (!visit(row)) return false;
  }
  return true;
}

// SqlRow over one row of a text-format result.
class PgSqlRow : public SqlRow {
 public:
  PgSqlRow(const PgResult& result, int row) : result_(result), row_(row) {}
  bool IsNull(int column) const override { return result_.IsNull(row_, column); }
  int64_t Int64(int column) const override {
    const std::string_view text = Text(column);
    if (text == "t" || text == "f") return text == "t" ? 1 : 0;  // a boolean, as SQLite stores it
    int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double Double(int column) const override {
    // The server writes a double in its shortest exact form (extra_float_digits >= 1).
    return IsNull(column) ? 0.0 : std::strtod(std::string(Text(column)).c_str(), nullptr);
  }
  std::string_view Text(int column) const override { return result_.Value(row_, column); }

 private:
  const PgResult& result_;
  int row_;
};

// The schema version schema_migrations records (0 when the database has none).
StatusOr<int64_t> StoredSchemaVersion(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(PgResult table, connection.Query("SELECT to_regclass('schema_migrations') IS NOT NULL",
                                                       PgParams(), "looking for schema_migrations"));
  if (table.Value(0, 0) != "t") return int64_t{0};
  KH_ASSIGN_OR_RETURN(PgResult version, connection.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                                                         PgParams(), "reading the schema version"));
  return version.Int64(0, 0);
}

// OK when a reader that does not migrate or index can read the database as this build would.
Status CheckReadable(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(const int64_t version, StoredSchemaVersion(connection));
  const int32_t latest = store::LatestVersion(store::EmbeddedMigrations());
  const std::string where = "the store at postgres " + connection.description();
  if (version != latest) {
    return FailedPreconditionError(
        where + " has schema version " + std::to_string(version) + "; this khabar reads version " +
        std::to_string(latest) +
        (version < latest ? " (open it once with `khabar query --db` to migrate it)" : " (a newer khabar wrote it)"));
  }
  KH_ASSIGN_OR_RETURN(const bool unsearched, store::internal::HasUnsearchedEvents(connection));
  if (unsearched) {
    return FailedPreconditionError(where + " has events not yet indexed for search (open it once with"
                                   " `khabar query --db` to index them)");
  }
  return Status::Ok();
}

// Whether the database's default collation orders the texts of a prefix range byte-wise.
StatusOr<TextOrder> ProbeTextOrder(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(
      PgResult probe,
      connection.Query("SELECT 'B' < 'a' AND 'LBY' < 'LBY-' AND 'LBY-' < 'LBYA'"
                       " AND 'LBYMIL' < 'LBY' || chr(127) AND '2019-05-31' < '2019-05' || chr(127)"
                       " AND '2019-05' || chr(127) < '2019-06'",
                       PgParams(), "checking the collation"));
  return probe.Value(0, 0) == "t" ? TextOrder::kDatabase : TextOrder::kCollateC;
}

}  // namespace

StatusOr<std::unique_ptr<PostgresEventSource>> PostgresEventSource::Open(const std::string& conninfo) {
  {
    // Migrates an older database so the search tables exist; closed before reading.
    KH_ASSIGN_OR_RETURN(std::unique_ptr<store::PostgresStore> store, store::PostgresStore::Open(conninfo));
  }
  KH_ASSIGN_OR_RETURN(PgConnection connection, PgConnection::Open(conninfo));
  KH_RETURN_IF_ERROR(store::internal::BackfillSearchRows(connection).status());
  KH_ASSIGN_OR_RETURN(TextOrder order, ProbeTextOrder(connection));
  return std::unique_ptr<PostgresEventSource>(new PostgresEventSource(std::move(connection), order));
}

StatusOr<std::unique_ptr<PostgresEventSource>> PostgresEventSource::OpenReadOnly(const std::string& conninfo) {
  KH_ASSIGN_OR_RETURN(PgConnection connection, PgConnection::Open(conninfo));
  KH_RETURN_IF_ERROR(connection.Exec("SET default_transaction_read_only = on", "making the session read-only"));
  KH_RETURN_IF_ERROR(CheckReadable(connection));
  KH_ASSIGN_OR_RETURN(TextOrder order, ProbeTextOrder(connection));
  return std::unique_ptr<PostgresEventSource>(new PostgresEventSource(std::move(connection), order));
}

Status PostgresEventSource::Select(const SqlQuery& query, const std::function<bool(const SqlRow&)>& visit) {
  KH_ASSIGN_OR_RETURN(PgResult result, connection_.Query(query.sql, ToParams(query.params), "reading the store"));
  for (int i = 0; i < result.rows(); ++i) {
    if (!visit(PgSqlRow(result, i))) break;
  }
  return Status::Ok();
}

Status PostgresEventSource::Scan(const QueryFilter& filter, const ScanOptions& options,
                                 const std::function<bool(const EventRow&)>& visit) {
  KH_ASSIGN_OR_RETURN(SqlQuery query,
                      BuildEventQuery(filter, options.limit, store::Dialect::kPostgres, options.offset, order_));
  if (options.limit > 0 && options.limit <= kSingleQueryLimit) return ScanAll(query, visit);
  return ScanCursor(query, visit);
}

Status PostgresEventSource::ScanAll(const SqlQuery& query,
                                    const std::function<bool(const EventRow&)>& visit) {
  KH_ASSIGN_OR_RETURN(PgResult result, connection_.Query(query.sql, ToParams(query.params), "querying events"));
  VisitRows(result, visit);
  return Status::Ok();
}

Status PostgresEventSource::ScanCursor(const SqlQuery& query,
                                       const std::function<bool(const EventRow&)>& visit) {
  KH_RETURN_IF_ERROR(connection_.Exec("BEGIN READ ONLY", "starting to read events"));
  Status status = connection_
                      .Query("DECLARE khabar_events NO SCROLL CURSOR FOR " + query.sql,
                             ToParams(query.params), "querying events")
                      .status();
  const std::string fetch = "FETCH FORWARD " + std::to_string(kFetchRows) + " FROM khabar_events";
  while (status.ok()) {
    StatusOr<PgResult> rows = connection_.Query(fetch, PgParams(), "reading events");
    status = rows.status();
    if (!status.ok() || rows->rows() == 0 || !VisitRows(*rows, visit)) break;
  }
  // Committing a read-only transaction closes the cursor.
  if (status.ok()) return connection_.Exec("COMMIT", "finishing reading events");
  if (connection_.in_transaction()) (void)connection_.Exec("ROLLBACK", "rolling back");
  return status;
}

}  // namespace khabar::query
