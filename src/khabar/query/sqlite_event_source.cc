#include "khabar/query/sqlite_event_source.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>
#include <variant>

#include "khabar/query/sql_builder.h"
#include "khabar/store/migration.h"
#include "khabar/store/sqlite_store.h"

namespace khabar::query {
namespace {

using store::internal::SqliteConnection;
using store::internal::SqliteStatement;

// khabar_distance_km(lat1, lon1, lat2, lon2): NULL when any argument is NULL.
void DistanceFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  double values[4];
  for (int i = 0; i < argc && i < 4; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(context);
      return;
    }
    values[i] = sqlite3_value_double(argv[i]);
  }
  sqlite3_result_double(context, DistanceKm(values[0], values[1], values[2], values[3]));
}

std::optional<int64_t> OptionalInt(const SqliteStatement& row, int column) {
  if (row.ColumnIsNull(column)) return std::nullopt;
  return row.ColumnInt64(column);
}

std::optional<double> OptionalDouble(const SqliteStatement& row, int column) {
  if (row.ColumnIsNull(column)) return std::nullopt;
  return row.ColumnDouble(column);
}

std::string Text(const SqliteStatement& row, int column) { return std::string(row.ColumnText(column)); }

void ReadRow(const SqliteStatement& row, EventRow* out) {
  out->row_id = row.ColumnInt64(kColRowId);
  out->event_id = Text(row, kColEventId);
  out->date = Text(row, kColDate);
  out->date_precision = Text(row, kColDatePrecision);
  out->date_from = Text(row, kColDateFrom);
  out->source_text = Text(row, kColSourceText);
  out->source_actor = Text(row, kColSourceActor);
  out->source_code = Text(row, kColSourceCode);
  out->source_country = Text(row, kColSourceCountry);
  out->target_text = Text(row, kColTargetText);
  out->target_actor = Text(row, kColTargetActor);
  out->target_code = Text(row, kColTargetCode);
  out->target_country = Text(row, kColTargetCountry);
  out->cameo = Text(row, kColCameo);
  out->root = Text(row, kColRoot);
  out->quad_class = static_cast<int>(row.ColumnInt64(kColQuadClass));
  out->goldstein = OptionalDouble(row, kColGoldstein);
  out->plover = Text(row, kColPlover);
  out->has_location = !row.ColumnIsNull(kColLocationName);
  out->location_name = Text(row, kColLocationName);
  out->geonameid = OptionalInt(row, kColGeonameid);
  out->location_country = Text(row, kColLocationCountry);
  out->lat = OptionalDouble(row, kColLat);
  out->lon = OptionalDouble(row, kColLon);
  out->location_precision = Text(row, kColLocationPrecision);
  out->fatalities = OptionalInt(row, kColFatalities);
  out->injured = OptionalInt(row, kColInjured);
  out->displaced = OptionalInt(row, kColDisplaced);
  out->arrested = OptionalInt(row, kColArrested);
  out->kidnapped = OptionalInt(row, kColKidnapped);
  out->certainty = Text(row, kColCertainty);
  out->attributed_to = Text(row, kColAttributedTo);
  out->negated = row.ColumnInt64(kColNegated) != 0;
  out->report_count = row.ColumnInt64(kColReportCount);
  out->corroboration = row.ColumnInt64(kColCorroboration);
  out->distance_km = OptionalDouble(row, kColDistanceKm);
  out->has_report = !row.ColumnIsNull(kColDoc);
  out->doc = Text(row, kColDoc);
  out->outlet = Text(row, kColOutlet);
  out->url = Text(row, kColUrl);
  out->published = Text(row, kColPublished);
  out->span_begin = row.ColumnInt64(kColSpanBegin);
  out->span_end = row.ColumnInt64(kColSpanEnd);
  out->pattern = Text(row, kColPattern);
  out->sentence = Text(row, kColSentence);
}

void BindAll(const SqlQuery& query, SqliteStatement& statement) {
  for (size_t i = 0; i < query.params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    const SqlValue& value = query.params[i];
    if (const auto* text = std::get_if<std::string>(&value)) statement.BindText(index, *text);
    if (const auto* number = std::get_if<int64_t>(&value)) statement.BindInt64(index, *number);
    if (const auto* real = std::get_if<double>(&value)) statement.BindDouble(index, *real);
  }
}

// SqlRow over the current row of a stepped statement.
class SqliteRow : public SqlRow {
 public:
  explicit SqliteRow(const SqliteStatement& statement) : statement_(statement) {}
  bool IsNull(int column) const override { return statement_.ColumnIsNull(column); }
  int64_t Int64(int column) const override { return statement_.ColumnInt64(column); }
  double Double(int column) const override { return statement_.ColumnDouble(column); }
  std::string_view Text(int column) const override { return statement_.ColumnText(column); }

 private:
  const SqliteStatement& statement_;
};

// The schema version the file's schema_migrations records (0 when it has none).
StatusOr<int64_t> StoredSchemaVersion(SqliteConnection& connection) {
  KH_ASSIGN_OR_RETURN(const int64_t tables,
                      connection.QueryInt64("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                                            " AND name = 'schema_migrations'"));
  if (tables == 0) return int64_t{0};
  return connection.QueryInt64("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
}

}  // namespace

StatusOr<SqliteConnection> SqliteEventSource::OpenReader(const std::string& path) {
  KH_ASSIGN_OR_RETURN(SqliteConnection connection, SqliteConnection::Open(path));
  KH_RETURN_IF_ERROR(connection.SetBusyTimeout(store::SqliteStore::kBusyTimeoutMs));
  KH_RETURN_IF_ERROR(connection.CreateFunction("khabar_distance_km", 4, &DistanceFunction));
  return connection;
}

StatusOr<std::unique_ptr<SqliteEventSource>> SqliteEventSource::Open(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return NotFoundError("no database at " + path);
  }
  {
    // Migrates an older file so the search tables exist; closed before reading.
    KH_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteStore> store, store::SqliteStore::Open(path));
  }
  KH_ASSIGN_OR_RETURN(SqliteConnection connection, OpenReader(path));
  return std::unique_ptr<SqliteEventSource>(new SqliteEventSource(std::move(connection)));
}

StatusOr<std::unique_ptr<SqliteEventSource>> SqliteEventSource::OpenReadOnly(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return NotFoundError("no database at " + path);
  }
  KH_ASSIGN_OR_RETURN(SqliteConnection connection, OpenReader(path));
  KH_RETURN_IF_ERROR(connection.Exec("PRAGMA query_only = ON", "making the connection read-only"));
  KH_ASSIGN_OR_RETURN(const int64_t version, StoredSchemaVersion(connection));
  const int32_t latest = store::LatestVersion(store::EmbeddedMigrations());
  if (version != latest) {
    return FailedPreconditionError(
        "the store at " + path + " has schema version " + std::to_string(version) + "; this khabar reads version " +
        std::to_string(latest) +
        (version < latest ? " (open it once with `khabar query --db` to migrate it)" : " (a newer khabar wrote it)"));
  }
  return std::unique_ptr<SqliteEventSource>(new SqliteEventSource(std::move(connection)));
}

Status SqliteEventSource::Select(const SqlQuery& query, const std::function<bool(const SqlRow&)>& visit) {
  KH_ASSIGN_OR_RETURN(SqliteStatement statement, connection_.Prepare(query.sql));
  BindAll(query, statement);
  const SqliteRow row(statement);
  while (true) {
    KH_ASSIGN_OR_RETURN(bool has_row, statement.Step("reading the store"));
    if (!has_row) return Status::Ok();
    if (!visit(row)) return Status::Ok();
  }
}

Status SqliteEventSource::Scan(const QueryFilter& filter, const ScanOptions& options,
                               const std::function<bool(const EventRow&)>& visit) {
  KH_ASSIGN_OR_RETURN(SqlQuery query,
                      BuildEventQuery(filter, options.limit, store::Dialect::kSqlite, options.offset));
  KH_ASSIGN_OR_RETURN(SqliteStatement statement, connection_.Prepare(query.sql));
  BindAll(query, statement);
  EventRow row;
  while (true) {
    KH_ASSIGN_OR_RETURN(bool has_row, statement.Step("querying events"));
    if (!has_row) return Status::Ok();
    ReadRow(statement, &row);
    if (!visit(row)) return Status::Ok();
  }
}

}  // namespace khabar::query
