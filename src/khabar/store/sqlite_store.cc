#include "khabar/store/sqlite_store.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <thread>

#include "khabar/base/check.h"
#include "khabar/store/actor_keys.h"
#include "khabar/store/internal/event_columns.h"
#include "khabar/store/internal/sqlite_migrator.h"
#include "khabar/store/internal/sqlite_queries.h"
#include "khabar/store/migration.h"

namespace khabar::store {

using internal::SqliteConnection;
using internal::SqliteStatement;
namespace queries = internal::queries;

struct SqliteStore::Statements {
  SqliteStatement begin;
  SqliteStatement commit;
  SqliteStatement find_url;
  SqliteStatement find_content;
  SqliteStatement insert_document;
  SqliteStatement insert_text;
  SqliteStatement insert_sentence;
  SqliteStatement find_event;
  SqliteStatement insert_event;
  SqliteStatement insert_report;
  SqliteStatement insert_actor_key;
  SqliteStatement insert_event_text;
  SqliteStatement insert_quarantine;
  SqliteStatement fingerprints;
  SqliteStatement summary;
  SqliteStatement candidate_reports;
  SqliteStatement find_document_source;
  SqliteStatement update_merged_event;
};

namespace {

// "2026-11-21T06:03:22Z".
std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

SqliteStore::SqliteStore(SqliteConnection connection) : connection_(std::move(connection)) {}

SqliteStore::~SqliteStore() = default;

StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  KH_RETURN_IF_ERROR(ValidateMigrations(EmbeddedMigrations()));
  KH_ASSIGN_OR_RETURN(SqliteConnection connection, SqliteConnection::Open(path));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(connection)));
  KH_RETURN_IF_ERROR(store->Configure());
  KH_RETURN_IF_ERROR(internal::MigrateSqlite(store->connection_, EmbeddedMigrations(), UtcNow()));
  KH_RETURN_IF_ERROR(store->PrepareStatements());
  return store;
}

Status SqliteStore::Configure() {
  KH_RETURN_IF_ERROR(connection_.SetBusyTimeout(kBusyTimeoutMs));
  KH_RETURN_IF_ERROR(internal::CheckIsKhabarDatabase(connection_));  // before changing anything
  KH_RETURN_IF_ERROR(SetWalMode());
  KH_RETURN_IF_ERROR(connection_.Exec("PRAGMA synchronous = NORMAL", "setting synchronous"));
  // 64 MB of page cache (the default is 2 MB): a million events' indexes stay in memory
  // instead of being re-read from the OS on every insert (`khabar bench store`).
  KH_RETURN_IF_ERROR(connection_.Exec("PRAGMA cache_size = -65536", "setting the cache size"));
  return connection_.Exec("PRAGMA foreign_keys = ON", "enabling foreign keys");
}

Status SqliteStore::SetWalMode() {
  // Switching to WAL needs an exclusive lock, and SQLite reports a busy file at once instead of
  // calling the busy handler, so retry here. The mode is persistent: once any process has set
  // it, the pragma no longer needs the lock.
  constexpr auto kRetryPause = std::chrono::milliseconds(10);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  StatusOr<std::string> mode = connection_.QueryText("PRAGMA journal_mode = WAL");
  while (!mode.ok() && mode.status().code() == StatusCode::kUnavailable &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kRetryPause);
    mode = connection_.QueryText("PRAGMA journal_mode = WAL");
  }
  if (!mode.ok()) return mode.status();
  if (*mode == "wal" || (*mode == "memory" && path() == ":memory:")) return Status::Ok();
  return FailedPreconditionError("sqlite " + path() +
                                 ": cannot switch to WAL mode (journal_mode is " + *mode + ")");
}

Status SqliteStore::PrepareStatements() {
  auto prepare = [this](std::string_view sql) { return connection_.Prepare(sql); };
  KH_ASSIGN_OR_RETURN(SqliteStatement begin, prepare("BEGIN IMMEDIATE"));
  KH_ASSIGN_OR_RETURN(SqliteStatement commit, prepare("COMMIT"));
  KH_ASSIGN_OR_RETURN(SqliteStatement find_url, prepare(queries::kFindUrl));
  KH_ASSIGN_OR_RETURN(SqliteStatement find_content, prepare(queries::kFindContent));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_document, prepare(queries::kInsertDocument));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_text, prepare(queries::kInsertText));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_sentence, prepare(queries::kInsertSentence));
  KH_ASSIGN_OR_RETURN(SqliteStatement find_event, prepare(queries::kFindEvent));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_event, prepare(queries::kInsertEvent));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_report, prepare(queries::kInsertReport));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_actor_key, prepare(queries::kInsertActorKey));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_event_text, prepare(queries::kInsertEventText));
  KH_ASSIGN_OR_RETURN(SqliteStatement insert_quarantine, prepare(queries::kInsertQuarantine));
  KH_ASSIGN_OR_RETURN(SqliteStatement fingerprints, prepare(queries::kFingerprints));
  KH_ASSIGN_OR_RETURN(SqliteStatement summary, prepare(queries::kSummary));
  KH_ASSIGN_OR_RETURN(SqliteStatement candidate_reports, prepare(queries::kCandidateReports));
  KH_ASSIGN_OR_RETURN(SqliteStatement find_document_source, prepare(queries::kFindDocumentSource));
  KH_ASSIGN_OR_RETURN(SqliteStatement update_merged_event, prepare(queries::kUpdateMergedEvent));
  statements_.reset(new Statements{
      std::move(begin), std::move(commit), std::move(find_url), std::move(find_content),
      std::move(insert_document), std::move(insert_text), std::move(insert_sentence),
      std::move(find_event), std::move(insert_event), std::move(insert_report),
      std::move(insert_actor_key), std::move(insert_event_text), std::move(insert_quarantine), std::move(fingerprints), std::move(summary),
      std::move(candidate_reports), std::move(find_document_source), std::move(update_merged_event)});
  return Status::Ok();
}

StatusOr<std::vector<DocumentWrite>> SqliteStore::WriteDocuments(
    std::span<const doc::Document* const> documents) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string now = UtcNow();
  batch_now_ = now;
  {
    SqliteStatement::Scope scope(statements_->begin);
    KH_RETURN_IF_ERROR(statements_->begin.Run("starting a batch"));
  }
  StatusOr<std::vector<DocumentWrite>> writes = WriteBatch(documents, now);
  if (writes.ok()) {
    SqliteStatement::Scope scope(statements_->commit);
    Status committed = statements_->commit.Run("committing a batch");
    if (!committed.ok()) writes = std::move(committed);
  }
  if (!writes.ok() && !connection_.autocommit()) {
    (void)connection_.Exec("ROLLBACK", "rolling back a batch");  // report the first error
  }
  return writes;
}

StatusOr<std::vector<DocumentWrite>> SqliteStore::WriteBatch(
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

StatusOr<DocumentWrite> SqliteStore::WriteOne(const doc::Document& document, std::string_view now) {
  KH_RETURN_IF_ERROR(ValidateDocument(document));
  KH_ASSIGN_OR_RETURN(std::optional<DocumentWrite> duplicate, FindDuplicate(document));
  if (duplicate.has_value()) return std::move(*duplicate);
  KH_ASSIGN_OR_RETURN(int64_t row_id, InsertDocument(document, now));
  KH_RETURN_IF_ERROR(InsertText(document, row_id));
  KH_RETURN_IF_ERROR(InsertSentences(document, row_id));
  KH_RETURN_IF_ERROR(internal::WriteEvents(document, row_id, *this));
  return DocumentWrite{DocumentWrite::Outcome::kInserted, row_id, ""};
}

StatusOr<std::optional<DocumentWrite>> SqliteStore::FindDuplicate(const doc::Document& document) {
  if (!document.url.empty()) {
    SqliteStatement& find = statements_->find_url;
    SqliteStatement::Scope scope(find);
    find.BindText(1, document.url);
    KH_ASSIGN_OR_RETURN(bool found, find.Step("looking up a url"));
    if (found) {
      return std::optional<DocumentWrite>(DocumentWrite{DocumentWrite::Outcome::kDuplicateUrl,
                                                        find.ColumnInt64(0),
                                                        std::string(find.ColumnText(1))});
    }
  }
  SqliteStatement& find = statements_->find_content;
  SqliteStatement::Scope scope(find);
  find.BindInt64(1, HashToColumn(document.content_hash));
  KH_ASSIGN_OR_RETURN(bool found, find.Step("looking up a content hash"));
  if (!found) return std::optional<DocumentWrite>();
  return std::optional<DocumentWrite>(DocumentWrite{DocumentWrite::Outcome::kDuplicateContent,
                                                    find.ColumnInt64(0),
                                                    std::string(find.ColumnText(1))});
}

StatusOr<int64_t> SqliteStore::InsertDocument(const doc::Document& document, std::string_view now) {
  SqliteStatement& insert = statements_->insert_document;
  SqliteStatement::Scope scope(insert);
  insert.BindText(1, document.id);
  insert.BindText(2, document.outlet);
  insert.BindText(3, document.url);
  insert.BindText(4, document.title);
  insert.BindText(5, document.published);
  insert.BindText(6, document.published_precision);
  insert.BindText(7, doc::DateSourceName(document.published_from));
  insert.BindText(8, document.source_path);
  insert.BindInt64(9, static_cast<int64_t>(document.source_line));
  insert.BindInt64(10, HashToColumn(document.content_hash));
  insert.BindText(11, document.near_duplicate_of);
  insert.BindInt64(12, static_cast<int64_t>(document.tokens.size()));
  insert.BindInt64(13, static_cast<int64_t>(document.sentences.size()));
  insert.BindText(14, now);
  if (document.minhash.empty()) {
    insert.BindNull(15);
  } else {
    insert.BindBlob(15, document.minhash);
  }
  KH_RETURN_IF_ERROR(insert.Run("inserting a document"));
  return connection_.LastInsertRowId();
}

Status SqliteStore::InsertText(const doc::Document& document, int64_t row_id) {
  SqliteStatement& insert = statements_->insert_text;
  SqliteStatement::Scope scope(insert);
  insert.BindInt64(1, row_id);
  insert.BindText(2, document.raw);
  insert.BindText(3, document.text);
  return insert.Run("inserting a document's text");
}

Status SqliteStore::InsertSentences(const doc::Document& document, int64_t row_id) {
  SqliteStatement& insert = statements_->insert_sentence;
  for (size_t sentence_idx = 0; sentence_idx < document.sentences.size(); ++sentence_idx) {
    const doc::Sentence& sentence = document.sentences[sentence_idx];
    const doc::Span raw = document.offsets.ToRawSpan(sentence.span);
    SqliteStatement::Scope scope(insert);
    insert.BindInt64(1, row_id);
    insert.BindInt64(2, static_cast<int64_t>(sentence_idx));
    insert.BindInt64(3, sentence.span.begin);
    insert.BindInt64(4, sentence.span.end);
    insert.BindInt64(5, raw.begin);
    insert.BindInt64(6, raw.end);
    insert.BindInt64(7, sentence.token_count());
    KH_RETURN_IF_ERROR(insert.Run("inserting a sentence"));
  }
  return Status::Ok();
}

StatusOr<std::vector<internal::StoredReport>> SqliteStore::CandidateReports(
    const internal::CandidateWindow& window) {
  SqliteStatement& select = statements_->candidate_reports;
  SqliteStatement::Scope scope(select);
  int column = 1;
  for (const std::string& root : window.roots) select.BindText(column++, root);
  select.BindText(column++, window.first_day);
  select.BindText(column++, window.last_day);
  for (const std::string& coarse : window.coarse) select.BindText(column++, coarse);
  select.BindText(column++, window.source_country);
  select.BindText(column++, window.target_country);
  select.BindText(column++, window.place_country);
  select.BindInt64(column++, window.crossed_roles ? 1 : 0);
  std::vector<internal::StoredReport> reports;
  while (true) {
    KH_ASSIGN_OR_RETURN(bool has_row, select.Step("finding events to merge with"));
    if (!has_row) return reports;
    StatusOr<merge::Report> report = merge::ReportFromColumns(select.ColumnText(3), select.ColumnText(4));
    if (!report.ok()) {
      return report.status().WithPrefix("sqlite " + path() + ": a report of event " +
                                        std::string(select.ColumnText(1)));
    }
    reports.push_back({select.ColumnInt64(0), std::string(select.ColumnText(1)),
                       select.ColumnInt64(2), std::move(report).value()});
  }
}

StatusOr<internal::OptionalSource> SqliteStore::FindDocumentSource(std::string_view doc_id) {
  SqliteStatement& find = statements_->find_document_source;
  SqliteStatement::Scope scope(find);
  find.BindText(1, doc_id);
  KH_ASSIGN_OR_RETURN(bool found, find.Step("looking up the original of a syndicated copy"));
  if (!found) return internal::OptionalSource();
  return internal::OptionalSource(internal::DocumentSource{
      std::string(find.ColumnText(0)), std::string(find.ColumnText(1)), std::string(find.ColumnText(2))});
}

StatusOr<int64_t> SqliteStore::FoundEvent(const doc::Document& document, const doc::Event& event,
                                          const std::string& event_id) {
  const internal::DateColumns date = internal::EventDateColumns(document, event);
  return InsertEvent(document, event, event_id, date.precision, date.from, batch_now_);
}

Status SqliteStore::AddReport(const internal::NewReport& report) {
  const doc::Document& document = *report.document;
  const doc::Event& event = *report.event;
  const doc::Span raw = document.offsets.ToRawSpan(document.sentences[event.sentence].span);
  const std::string words = merge::JoinWords(report.report->words);
  const std::string extra = merge::ReportExtraJson(*report.report);
  {
    SqliteStatement& insert = statements_->insert_report;
    SqliteStatement::Scope scope(insert);
    insert.BindInt64(1, report.event_row);
    insert.BindInt64(2, report.document_row);
    insert.BindInt64(3, static_cast<int64_t>(event.sentence));
    insert.BindInt64(4, raw.begin);
    insert.BindInt64(5, raw.end);
    insert.BindText(6, event.pattern);
    insert.BindText(7, report.report->key);
    insert.BindText(8, words);
    if (report.merge_score.has_value()) {
      insert.BindDouble(9, *report.merge_score);
    } else {
      insert.BindNull(9);
    }
    insert.BindText(10, report.merge_reason);
    insert.BindText(11, extra);
    KH_RETURN_IF_ERROR(insert.Run("inserting a report"));
  }
  KH_RETURN_IF_ERROR(InsertEventText(document, event, raw, report.event_row));
  if (!report.merge_score.has_value()) return Status::Ok();
  // A merged report's own wording of the actors finds the event too (--actor).
  return InsertActorKeys(std::string(event.source.empty() ? "" : document.RawText(event.source.span)),
                         report.report->source_actor,
                         std::string(event.target.empty() ? "" : document.RawText(event.target.span)),
                         report.report->target_actor, report.event_row);
}

Status SqliteStore::UpdateMergedEvent(int64_t event_row, const merge::Consensus& consensus) {
  SqliteStatement& update = statements_->update_merged_event;
  SqliteStatement::Scope scope(update);
  update.BindInt64(1, event_row);
  update.BindInt64(2, consensus.reports);
  update.BindInt64(3, consensus.corroboration);
  for (int figure = 0; figure < merge::kFigureCount; ++figure) {
    if (consensus.figures[figure] < 0) {
      update.BindNull(4 + figure);
    } else {
      update.BindInt64(4 + figure, consensus.figures[figure]);
    }
  }
  return update.Run("updating merged event " + std::to_string(event_row));
}

Status SqliteStore::InsertEventText(const doc::Document& document, const doc::Event& event,
                                    doc::Span raw_sentence, int64_t event_row) {
  std::string body(raw_sentence.In(document.raw));
  for (const doc::EventArgument* argument : {&event.source, &event.target}) {
    const std::string name = argument->empty() ? "" : doc::ActorDisplayName(argument->actor);
    if (name.empty()) continue;
    body += ' ';
    body += name;
  }
  SqliteStatement& insert = statements_->insert_event_text;
  SqliteStatement::Scope scope(insert);
  insert.BindText(1, body);
  insert.BindInt64(2, event_row);
  return insert.Run("indexing the text of event " + std::to_string(event_row));
}

Status SqliteStore::InsertActorKeys(const std::string& source_text, const std::string& source_actor,
                                    const std::string& target_text, const std::string& target_actor,
                                    int64_t event_row) {
  std::vector<std::string> keys;
  for (const std::string* text : {&source_text, &source_actor, &target_text, &target_actor}) {
    std::vector<std::string> more = ActorKeys(*text);
    keys.insert(keys.end(), more.begin(), more.end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  SqliteStatement& insert = statements_->insert_actor_key;
  for (const std::string& key : keys) {
    SqliteStatement::Scope scope(insert);
    insert.BindText(1, key);
    insert.BindInt64(2, event_row);
    KH_RETURN_IF_ERROR(insert.Run("inserting an actor key of event " + std::to_string(event_row)));
  }
  return Status::Ok();
}

namespace {

// Columns first .. first+5: name, geonameid, country, lat, lon, precision (NULL: no place).
void BindPlace(SqliteStatement& insert, int first, const doc::EventPlace& place) {
  if (place.precision == doc::PlacePrecision::kNone) {
    for (int column = first; column < first + 6; ++column) insert.BindNull(column);
    return;
  }
  insert.BindText(first, place.name);
  if (place.geonameid == 0) {
    insert.BindNull(first + 1);
  } else {
    insert.BindInt64(first + 1, place.geonameid);
  }
  insert.BindText(first + 2, place.country);
  if (place.has_coordinates) {
    insert.BindDouble(first + 3, place.lat);
    insert.BindDouble(first + 4, place.lon);
  } else {  // countries and admin1 regions: no point to put on a map
    insert.BindNull(first + 3);
    insert.BindNull(first + 4);
  }
  insert.BindText(first + 5, doc::PlacePrecisionName(place.precision));
}

}  // namespace

StatusOr<int64_t> SqliteStore::InsertEvent(const doc::Document& document, const doc::Event& event,
                                           const std::string& event_id,
                                           std::string_view date_precision,
                                           std::string_view date_from, std::string_view now) {
  {
    // The same id twice: the same event coded twice in one sentence, or in an earlier document
    // with the same doc_id. The first row stands; the caller adds a report to it.
    SqliteStatement& find = statements_->find_event;
    SqliteStatement::Scope scope(find);
    find.BindText(1, event_id);
    KH_ASSIGN_OR_RETURN(bool found, find.Step("looking up an event id"));
    if (found) return find.ColumnInt64(0);
  }
  const std::string source_text(event.source.empty() ? "" : document.RawText(event.source.span));
  const std::string target_text(event.target.empty() ? "" : document.RawText(event.target.span));
  const std::string source_actor = doc::ActorDisplayName(event.source.actor);
  const std::string target_actor = doc::ActorDisplayName(event.target.actor);
  SqliteStatement& insert = statements_->insert_event;
  SqliteStatement::Scope scope(insert);
  insert.BindText(1, event_id);
  // Bound text is not copied: every string outlives the statement's run.
  const std::string date =
      event.date.precision != doc::DatePrecision::kNone ? doc::FormatEventDate(event.date) : document.published;
  const std::string attributed_to(event.attributed_to.empty() ? "" : document.RawText(event.attributed_to));
  insert.BindText(2, date);
  insert.BindText(3, date_precision);
  insert.BindText(4, date_from);
  insert.BindText(5, source_text);
  insert.BindText(6, source_actor);
  insert.BindText(7, event.source.code);
  insert.BindText(8, doc::EventCountry(event.source));
  insert.BindText(9, target_text);
  insert.BindText(10, target_actor);
  insert.BindText(11, event.target.code);
  insert.BindText(12, doc::EventCountry(event.target));
  insert.BindText(13, event.cameo);
  insert.BindText(14, event.root);
  insert.BindInt64(15, event.quad_class);
  insert.BindDouble(16, internal::GoldsteinColumn(event.goldstein));
  insert.BindText(17, event.plover);
  const bool negated = event.negated && event.certainty == doc::Certainty::kAsserted;
  insert.BindText(18, negated ? "negated" : doc::CertaintyName(event.certainty));
  insert.BindInt64(19, event.negated ? 1 : 0);
  insert.BindText(20, now);
  BindPlace(insert, 21, event.place);
  int column = 27;
  for (const doc::EventCount* count : {&event.counts.killed, &event.counts.injured, &event.counts.displaced,
                                       &event.counts.arrested, &event.counts.kidnapped}) {
    if (count->value < 0) {
      insert.BindNull(column++);
    } else {
      insert.BindInt64(column++, count->value);
    }
  }
  insert.BindText(32, attributed_to);
  KH_RETURN_IF_ERROR(insert.Run("inserting event " + event_id));
  const int64_t event_row = connection_.LastInsertRowId();
  KH_RETURN_IF_ERROR(InsertActorKeys(source_text, source_actor, target_text, target_actor, event_row));
  return event_row;
}

Status SqliteStore::Quarantine(const QuarantineRecord& record) {
  if (record.stage.empty() || record.code.empty()) {
    return InvalidArgumentError("quarantine record without a stage or code");
  }
  if (record.line > static_cast<uint64_t>(INT64_MAX) ||
      record.byte_offset > static_cast<uint64_t>(INT64_MAX)) {
    return InvalidArgumentError("quarantine record line or byte offset out of range");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string now = UtcNow();
  SqliteStatement& insert = statements_->insert_quarantine;
  SqliteStatement::Scope scope(insert);
  insert.BindText(1, record.path);
  insert.BindText(2, record.doc_id);
  insert.BindText(3, record.stage);
  insert.BindInt64(4, static_cast<int64_t>(record.line));
  insert.BindInt64(5, static_cast<int64_t>(record.byte_offset));
  insert.BindText(6, record.code);
  insert.BindText(7, record.message);
  insert.BindText(8, now);
  return insert.Run("quarantining a record");
}

StatusOr<StoreSummary> SqliteStore::Summarize() {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement& select = statements_->summary;
  SqliteStatement::Scope scope(select);
  KH_ASSIGN_OR_RETURN(bool has_row, select.Step("summarising"));
  if (!has_row) return InternalError("sqlite " + path() + ": summary query returned no row");
  return StoreSummary{select.ColumnInt64(0), select.ColumnInt64(1), select.ColumnInt64(2),
                      select.ColumnInt64(3), select.ColumnInt64(4), select.ColumnInt64(5)};
}

StatusOr<std::vector<StoredFingerprint>> SqliteStore::LoadFingerprints() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<StoredFingerprint> fingerprints;
  SqliteStatement& select = statements_->fingerprints;
  SqliteStatement::Scope scope(select);
  while (true) {
    KH_ASSIGN_OR_RETURN(bool has_row, select.Step("loading fingerprints"));
    if (!has_row) return fingerprints;
    fingerprints.push_back({std::string(select.ColumnText(0)), std::string(select.ColumnBlob(1))});
  }
}

}  // namespace khabar::store
