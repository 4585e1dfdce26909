#include "khabar/store/postgres_store.h"

#include <chrono>
#include <ctime>
#include <string>
#include <utility>

#include <algorithm>

#include "khabar/base/check.h"
#include "khabar/store/actor_keys.h"
#include "khabar/store/internal/event_columns.h"
#include "khabar/store/internal/postgres_migrator.h"
#include "khabar/store/internal/sqlite_queries.h"
#include "khabar/store/migration.h"

namespace khabar::store {

using internal::PgConnection;
using internal::PgParams;
using internal::PgResult;
namespace queries = internal::queries;

namespace {

// The prepared statements: the SQLite store's queries (internal/sqlite_queries.h) with $N
// placeholders, and RETURNING id where SQLite reads sqlite3_last_insert_rowid.
constexpr const char* kFindUrl = "find_url";
constexpr const char* kFindContent = "find_content";
constexpr const char* kInsertDocument = "insert_document";
constexpr const char* kInsertText = "insert_text";
constexpr const char* kInsertSentence = "insert_sentence";
constexpr const char* kFindEvent = "find_event";
constexpr const char* kInsertEvent = "insert_event";
constexpr const char* kInsertReport = "insert_report";
constexpr const char* kInsertQuarantine = "insert_quarantine";
constexpr const char* kFingerprints = "fingerprints";
constexpr const char* kSummary = "summary";
constexpr const char* kInsertActorKey = "insert_actor_key";
constexpr const char* kInsertEventText = "insert_event_text";
constexpr const char* kCandidateReports = "candidate_reports";
constexpr const char* kFindDocumentSource = "find_document_source";
constexpr const char* kUpdateMergedEvent = "update_merged_event";

// "2026-11-21T06:03:22Z".
std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// Name, geonameid, country, lat, lon, precision (all NULL: no place).
void AddPlace(PgParams& params, const doc::EventPlace& place) {
  if (place.precision == doc::PlacePrecision::kNone) {
    for (int column = 0; column < 6; ++column) params.AddNull();
    return;
  }
  params.AddText(place.name);
  if (place.geonameid == 0) {
    params.AddNull();
  } else {
    params.AddInt64(place.geonameid);
  }
  params.AddText(place.country);
  if (place.has_coordinates) {
    params.AddDouble(place.lat);
    params.AddDouble(place.lon);
  } else {  // countries and admin1 regions: no point to put on a map (as SqliteStore)
    params.AddNull();
    params.AddNull();
  }
  params.AddText(doc::PlacePrecisionName(place.precision));
}

}  // namespace

PostgresStore::PostgresStore(PgConnection connection)
    : connection_(std::move(connection)), description_(connection_.description()) {}

PostgresStore::~PostgresStore() = default;

StatusOr<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& conninfo) {
  KH_RETURN_IF_ERROR(ValidateMigrations(EmbeddedMigrations()));
  KH_ASSIGN_OR_RETURN(PgConnection connection, PgConnection::Open(conninfo));
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(connection)));
  KH_RETURN_IF_ERROR(
      internal::MigratePostgres(store->connection_, EmbeddedMigrations(), UtcNow()));
  KH_RETURN_IF_ERROR(store->PrepareStatements());
  return store;
}

Status PostgresStore::PrepareStatements() {
  using internal::PostgresPlaceholders;
  const std::pair<const char*, std::string> statements[] = {
      {kFindUrl, PostgresPlaceholders(queries::kFindUrl)},
      {kFindContent, PostgresPlaceholders(queries::kFindContent)},
      {kInsertDocument, PostgresPlaceholders(queries::kInsertDocument) + " RETURNING id"},
      {kInsertText, PostgresPlaceholders(queries::kInsertText)},
      {kInsertSentence, PostgresPlaceholders(queries::kInsertSentence)},
      {kFindEvent, PostgresPlaceholders(queries::kFindEvent)},
      {kInsertEvent, PostgresPlaceholders(queries::kInsertEvent) + " RETURNING id"},
      {kInsertReport, PostgresPlaceholders(queries::kInsertReport)},
      {kInsertQuarantine, PostgresPlaceholders(queries::kInsertQuarantine)},
      {kFingerprints, PostgresPlaceholders(queries::kFingerprints)},
      {kSummary, PostgresPlaceholders(queries::kSummary)},
      {kInsertActorKey, PostgresPlaceholders(queries::kInsertActorKey)},
      // PostgreSQL's event_text is a plain table (schema version 4): the columns by name.
      {kInsertEventText, "INSERT INTO event_text (body, event_id) VALUES ($1, $2)"},
      {kCandidateReports, PostgresPlaceholders(queries::kCandidateReports)},
      {kFindDocumentSource, PostgresPlaceholders(queries::kFindDocumentSource)},
      {kUpdateMergedEvent, PostgresPlaceholders(queries::kUpdateMergedEvent)},
  };
  for (const auto& [name, sql] : statements) {
    KH_RETURN_IF_ERROR(connection_.Prepare(name, sql));
  }
  return Status::Ok();
}

Status PostgresStore::EnsureConnected() {
  if (!connection_.broken()) return Status::Ok();
  KH_RETURN_IF_ERROR(connection_.Reset());
  return PrepareStatements();
}

StatusOr<PgResult> PostgresStore::Run(const char* statement, const PgParams& params,
                                      std::string_view context, bool binary_results) {
  return connection_.ExecPrepared(statement, params, context, binary_results);
}

StatusOr<std::vector<DocumentWrite>> PostgresStore::WriteDocuments(
    std::span<const doc::Document* const> documents) {
  std::lock_guard<std::mutex> lock(mutex_);
  KH_RETURN_IF_ERROR(EnsureConnected());
  const std::string now = UtcNow();
  batch_now_ = now;
  KH_RETURN_IF_ERROR(connection_.Exec("BEGIN", "starting a batch"));
  PgParams key;
  key.AddInt64(kWriteLockKey);
  const Status locked =
      connection_.Query("SELECT pg_advisory_xact_lock($1)", key, "taking the write lock").status();
  StatusOr<std::vector<DocumentWrite>> writes =
      locked.ok() ? WriteBatch(documents, now) : StatusOr<std::vector<DocumentWrite>>(locked);
  if (writes.ok()) {
    Status committed = connection_.Exec("COMMIT", "committing a batch");
    if (!committed.ok()) writes = std::move(committed);
  }
  if (!writes.ok() && connection_.in_transaction()) {
    (void)connection_.Exec("ROLLBACK", "rolling back a batch");  // report the first error
  }
  return writes;
}

StatusOr<std::vector<DocumentWrite>> PostgresStore::WriteBatch(
    std::span<const doc::Document* const> documents, std::string_view now) {
  std::vector<DocumentWrite> writes;
  writes.reserve(documents.size());
  for (size_t doc_idx = 0; doc_idx < documents.size(); ++doc_idx) {
    KH_DCHECK(documents[doc_idx] != nullptr);
    StatusOr<DocumentWrite> write = WriteOne(*documents[doc_idx], now);
    if (!write.ok()) {
      return write.status().WithPrefix("batch document " + std::to_string(doc_idx) + " ('" +
                                       documents[doc_idx]->id + "')");
    }
    writes.push_back(std::move(write).value());
  }
  return writes;
}

StatusOr<DocumentWrite> PostgresStore::WriteOne(const doc::Document& document,
                                                std::string_view now) {
  KH_RETURN_IF_ERROR(ValidateDocument(document));
  KH_ASSIGN_OR_RETURN(std::optional<DocumentWrite> duplicate, FindDuplicate(document));
  if (duplicate.has_value()) return std::move(*duplicate);
  KH_ASSIGN_OR_RETURN(int64_t row_id, InsertDocument(document, now));
  KH_RETURN_IF_ERROR(InsertText(document, row_id));
  KH_RETURN_IF_ERROR(InsertSentences(document, row_id));
  KH_RETURN_IF_ERROR(internal::WriteEvents(document, row_id, *this));
  return DocumentWrite{DocumentWrite::Outcome::kInserted, row_id, ""};
}

StatusOr<std::optional<DocumentWrite>> PostgresStore::FindDuplicate(
    const doc::Document& document) {
  if (!document.url.empty()) {
    PgParams params;
    params.AddText(document.url);
    KH_ASSIGN_OR_RETURN(PgResult found, Run(kFindUrl, params, "looking up a url"));
    if (found.rows() > 0) {
      return std::optional<DocumentWrite>(DocumentWrite{
          DocumentWrite::Outcome::kDuplicateUrl, found.Int64(0, 0), std::string(found.Value(0, 1))});
    }
  }
  PgParams params;
  params.AddInt64(HashToColumn(document.content_hash));
  KH_ASSIGN_OR_RETURN(PgResult found, Run(kFindContent, params, "looking up a content hash"));
  if (found.rows() == 0) return std::optional<DocumentWrite>();
  return std::optional<DocumentWrite>(DocumentWrite{DocumentWrite::Outcome::kDuplicateContent,
                                                    found.Int64(0, 0),
                                                    std::string(found.Value(0, 1))});
}

StatusOr<int64_t> PostgresStore::InsertDocument(const doc::Document& document,
                                                std::string_view now) {
  PgParams params;
  params.AddText(document.id);
  params.AddText(document.outlet);
  params.AddText(document.url);
  params.AddText(document.title);
  params.AddText(document.published);
  params.AddText(document.published_precision);
  params.AddText(doc::DateSourceName(document.published_from));
  params.AddText(document.source_path);
  params.AddInt64(static_cast<int64_t>(document.source_line));
  params.AddInt64(HashToColumn(document.content_hash));
  params.AddText(document.near_duplicate_of);
  params.AddInt64(static_cast<int64_t>(document.tokens.size()));
  params.AddInt64(static_cast<int64_t>(document.sentences.size()));
  params.AddText(now);
  if (document.minhash.empty()) {
    params.AddNull();
  } else {
    params.AddBytes(document.minhash);
  }
  KH_ASSIGN_OR_RETURN(PgResult inserted, Run(kInsertDocument, params, "inserting a document"));
  return inserted.Int64(0, 0);
}

Status PostgresStore::InsertText(const doc::Document& document, int64_t row_id) {
  PgParams params;
  params.AddInt64(row_id);
  params.AddText(document.raw);
  params.AddText(document.text);
  return Run(kInsertText, params, "inserting a document's text").status();
}

Status PostgresStore::InsertSentences(const doc::Document& document, int64_t row_id) {
  for (size_t sentence_idx = 0; sentence_idx < document.sentences.size(); ++sentence_idx) {
    const doc::Sentence& sentence = document.sentences[sentence_idx];
    const doc::Span raw = document.offsets.ToRawSpan(sentence.span);
    PgParams params;
    params.AddInt64(row_id);
    params.AddInt64(static_cast<int64_t>(sentence_idx));
    params.AddInt64(sentence.span.begin);
    params.AddInt64(sentence.span.end);
    params.AddInt64(raw.begin);
    params.AddInt64(raw.end);
    params.AddInt64(sentence.token_count());
    KH_RETURN_IF_ERROR(Run(kInsertSentence, params, "inserting a sentence").status());
  }
  return Status::Ok();
}

StatusOr<std::vector<internal::StoredReport>> PostgresStore::CandidateReports(
    const internal::CandidateWindow& window) {
  PgParams params;
  for (const std::string& root : window.roots) params.AddText(root);
  params.AddText(window.first_day);
  params.AddText(window.last_day);
  for (const std::string& coarse : window.coarse) params.AddText(coarse);
  params.AddText(window.source_country);
  params.AddText(window.target_country);
  params.AddText(window.place_country);
  params.AddInt64(window.crossed_roles ? 1 : 0);
  KH_ASSIGN_OR_RETURN(PgResult rows, Run(kCandidateReports, params, "finding events to merge with"));
  std::vector<internal::StoredReport> reports;
  for (int row = 0; row < rows.rows(); ++row) {
    StatusOr<merge::Report> report = merge::ReportFromColumns(rows.Value(row, 3), rows.Value(row, 4));
    if (!report.ok()) {
      return report.status().WithPrefix(description_ + ": a report of event " +
                                        std::string(rows.Value(row, 1)));
    }
    reports.push_back({rows.Int64(row, 0), std::string(rows.Value(row, 1)), rows.Int64(row, 2),
                       std::move(report).value()});
  }
  return reports;
}

StatusOr<internal::OptionalSource> PostgresStore::FindDocumentSource(std::string_view doc_id) {
  PgParams params;
  params.AddText(doc_id);
  KH_ASSIGN_OR_RETURN(PgResult found, Run(kFindDocumentSource, params,
                                          "looking up the original of a syndicated copy"));
  if (found.rows() == 0) return internal::OptionalSource();
  return internal::OptionalSource(internal::DocumentSource{
      std::string(found.Value(0, 0)), std::string(found.Value(0, 1)), std::string(found.Value(0, 2))});
}

StatusOr<int64_t> PostgresStore::FoundEvent(const doc::Document& document, const doc::Event& event,
                                          const std::string& event_id) {
  const internal::DateColumns date = internal::EventDateColumns(document, event);
  return InsertEvent(document, event, event_id, date.precision, date.from, batch_now_);
}

Status PostgresStore::AddReport(const internal::NewReport& report) {
  const doc::Document& document = *report.document;
  const doc::Event& event = *report.event;
  const doc::Span raw = document.offsets.ToRawSpan(document.sentences[event.sentence].span);
  PgParams params;  // the columns of queries::kInsertReport, in order
  params.AddInt64(report.event_row);
  params.AddInt64(report.document_row);
  params.AddInt64(static_cast<int64_t>(event.sentence));
  params.AddInt64(raw.begin);
  params.AddInt64(raw.end);
  params.AddText(event.pattern);
  params.AddText(report.report->key);
  params.AddText(merge::JoinWords(report.report->words));
  if (report.merge_score.has_value()) {
    params.AddDouble(*report.merge_score);
  } else {
    params.AddNull();
  }
  params.AddText(report.merge_reason);
  params.AddText(merge::ReportExtraJson(*report.report));
  KH_RETURN_IF_ERROR(Run(kInsertReport, params, "inserting a report").status());
  std::string body(raw.In(document.raw));
  for (const std::string& name : {report.report->source_actor, report.report->target_actor}) {
    if (!name.empty()) body += ' ' + name;
  }
  PgParams text;
  text.AddText(body);
  text.AddInt64(report.event_row);
  KH_RETURN_IF_ERROR(Run(kInsertEventText, text, "indexing the text of a report").status());
  const std::string source_text(event.source.empty() ? "" : document.RawText(event.source.span));
  const std::string target_text(event.target.empty() ? "" : document.RawText(event.target.span));
  return InsertActorKeys({source_text, report.report->source_actor, target_text,
                          report.report->target_actor},
                         report.event_row);
}

Status PostgresStore::InsertActorKeys(std::initializer_list<std::string_view> names,
                                      int64_t event_row) {
  std::vector<std::string> keys;
  for (std::string_view name : names) {
    std::vector<std::string> more = ActorKeys(name);
    keys.insert(keys.end(), more.begin(), more.end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const std::string& key : keys) {
    PgParams params;
    params.AddText(key);
    params.AddInt64(event_row);
    KH_RETURN_IF_ERROR(Run(kInsertActorKey, params, "inserting an actor key").status());
  }
  return Status::Ok();
}

Status PostgresStore::UpdateMergedEvent(int64_t event_row, const merge::Consensus& consensus) {
  PgParams params;
  params.AddInt64(event_row);
  params.AddInt64(consensus.reports);
  params.AddInt64(consensus.corroboration);
  for (int figure = 0; figure < merge::kFigureCount; ++figure) {
    if (consensus.figures[figure] < 0) {
      params.AddNull();
    } else {
      params.AddInt64(consensus.figures[figure]);
    }
  }
  return Run(kUpdateMergedEvent, params, "updating a merged event").status();
}

StatusOr<int64_t> PostgresStore::InsertEvent(const doc::Document& document,
                                             const doc::Event& event, const std::string& event_id,
                                             std::string_view date_precision,
                                             std::string_view date_from, std::string_view now) {
  {
    // The same id twice: the first row stands; the caller adds a report to it.
    PgParams params;
    params.AddText(event_id);
    KH_ASSIGN_OR_RETURN(PgResult found, Run(kFindEvent, params, "looking up an event id"));
    if (found.rows() > 0) return found.Int64(0, 0);
  }
  PgParams params;  // the columns of queries::kInsertEvent, in order
  params.AddText(event_id);
  params.AddText(event.date.precision != doc::DatePrecision::kNone
                     ? doc::FormatEventDate(event.date)
                     : document.published);
  params.AddText(date_precision);
  params.AddText(date_from);
  params.AddText(event.source.empty() ? "" : document.RawText(event.source.span));
  params.AddText(doc::ActorDisplayName(event.source.actor));
  params.AddText(event.source.code);
  params.AddText(doc::EventCountry(event.source));
  params.AddText(event.target.empty() ? "" : document.RawText(event.target.span));
  params.AddText(doc::ActorDisplayName(event.target.actor));
  params.AddText(event.target.code);
  params.AddText(doc::EventCountry(event.target));
  params.AddText(event.cameo);
  params.AddText(event.root);
  params.AddInt64(event.quad_class);
  params.AddDouble(internal::GoldsteinColumn(event.goldstein));
  params.AddText(event.plover);
  const bool negated = event.negated && event.certainty == doc::Certainty::kAsserted;
  params.AddText(negated ? "negated" : doc::CertaintyName(event.certainty));
  params.AddText(event.negated ? "true" : "false");
  params.AddText(now);
  AddPlace(params, event.place);
  for (const doc::EventCount* count : {&event.counts.killed, &event.counts.injured,
                                       &event.counts.displaced, &event.counts.arrested,
                                       &event.counts.kidnapped}) {
    if (count->value < 0) {
      params.AddNull();
    } else {
      params.AddInt64(count->value);
    }
  }
  params.AddText(event.attributed_to.empty() ? "" : document.RawText(event.attributed_to));
  KH_ASSIGN_OR_RETURN(PgResult inserted, Run(kInsertEvent, params, "inserting event " + event_id));
  return inserted.Int64(0, 0);
}

Status PostgresStore::Quarantine(const QuarantineRecord& record) {
  if (record.stage.empty() || record.code.empty()) {
    return InvalidArgumentError("quarantine record without a stage or code");
  }
  if (record.line > static_cast<uint64_t>(INT64_MAX) ||
      record.byte_offset > static_cast<uint64_t>(INT64_MAX)) {
    return InvalidArgumentError("quarantine record line or byte offset out of range");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  KH_RETURN_IF_ERROR(EnsureConnected());
  PgParams params;
  params.AddText(record.path);
  params.AddText(record.doc_id);
  params.AddText(record.stage);
  params.AddInt64(static_cast<int64_t>(record.line));
  params.AddInt64(static_cast<int64_t>(record.byte_offset));
  params.AddText(record.code);
  params.AddText(record.message);
  params.AddText(UtcNow());
  return Run(kInsertQuarantine, params, "quarantining a record").status();
}

StatusOr<StoreSummary> PostgresStore::Summarize() {
  std::lock_guard<std::mutex> lock(mutex_);
  KH_RETURN_IF_ERROR(EnsureConnected());
  KH_ASSIGN_OR_RETURN(PgResult row, Run(kSummary, PgParams(), "summarising"));
  if (row.rows() != 1) return InternalError("postgres " + description_ + ": summary query returned no row");
  return StoreSummary{row.Int64(0, 0), row.Int64(0, 1), row.Int64(0, 2),
                      row.Int64(0, 3), row.Int64(0, 4), row.Int64(0, 5)};
}

StatusOr<std::vector<StoredFingerprint>> PostgresStore::LoadFingerprints() {
  std::lock_guard<std::mutex> lock(mutex_);
  KH_RETURN_IF_ERROR(EnsureConnected());
  // Binary results: TEXT and BYTEA columns arrive as their bytes, with no escaping.
  KH_ASSIGN_OR_RETURN(PgResult rows,
                      Run(kFingerprints, PgParams(), "loading fingerprints", /*binary=*/true));
  std::vector<StoredFingerprint> fingerprints;
  fingerprints.reserve(static_cast<size_t>(rows.rows()));
  for (int row = 0; row < rows.rows(); ++row) {
    fingerprints.push_back({std::string(rows.Value(row, 0)),
                            rows.IsNull(row, 1) ? std::string() : std::string(rows.Value(row, 1))});
  }
  return fingerprints;
}

}  // namespace khabar::store
