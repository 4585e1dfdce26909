// The fixed SQL text of the SQLite store, kept in one place so tests can check its query
// plans. Parameters are ?N placeholders; values are always bound, never spliced in.
#ifndef KHABAR_STORE_INTERNAL_SQLITE_QUERIES_H_
#define KHABAR_STORE_INTERNAL_SQLITE_QUERIES_H_

#include <string_view>

namespace khabar::store::internal::queries {

// "url <> ''" repeats the partial index's condition so the planner may use documents_url.
inline constexpr std::string_view kFindUrl =
    "SELECT id, doc_id FROM documents WHERE url = ?1 AND url <> ''";
inline constexpr std::string_view kFindContent =
    "SELECT id, doc_id FROM documents WHERE content_hash = ?1";
// simhash was retired in schema version 2 and is written as 0; minhash is a BLOB or NULL.
inline constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (doc_id, outlet, url, title, published, published_precision,"
    " published_from, source_path, source_line, content_hash, simhash, near_duplicate_of,"
    " token_count, sentence_count, ingested_at, minhash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?12, ?13, ?14, ?15)";
inline constexpr std::string_view kInsertText =
    "INSERT INTO document_texts (document_id, raw_text, normalized_text) VALUES (?1, ?2, ?3)";
inline constexpr std::string_view kInsertSentence =
    "INSERT INTO sentences (document_id, sentence_index, begin_byte, end_byte, raw_begin,"
    " raw_end, token_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
// An event id is unique (events.event_id); a document's events are looked up before insertion.
inline constexpr std::string_view kFindEvent = "SELECT id FROM events WHERE event_id = ?1";
inline constexpr std::string_view kInsertEvent =
    "INSERT INTO events (event_id, date, date_precision, date_from, source_text, source_actor,"
    " source_code, source_country, target_text, target_actor, target_code, target_country,"
    " cameo, root, quad_class, goldstein, plover, certainty, negated, created_at,"
    " location_name, location_geonameid, location_country, location_lat, location_lon,"
    " location_precision, fatalities, injured, displaced, arrested, kidnapped, attributed_to)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)";
// Two events of one sentence with the same id share one report row (the UNIQUE constraint).
// Schema version 5 adds the report's own coding (extra), its key, words and merge evidence.
inline constexpr std::string_view kInsertReport =
    "INSERT INTO reports (event_id, document_id, sentence_index, span_begin, span_end, pattern,"
    " report_key, words, merge_score, merge_reason, extra)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING";
// Cross-article merging (internal/event_merger.h): the reports of the newest events of a
// root family in a date window. events_root_date serves the inner query.
// Only events whose first report's actor and place countries cannot veto the report (its
// countries ?12 source, ?13 target, ?14 place; '' when unknown), so the 64 newest are the
// plausible ones, not merely the newest of the day. ?15 = 1 lets the actors match crossed
// (mutual cooperation, merge::Compare).
inline constexpr std::string_view kCandidateReports =
    "SELECT r.event_id, e.event_id, r.document_id, r.extra, r.words"
    " FROM reports r JOIN events e ON e.id = r.event_id"
    " WHERE r.event_id IN (SELECT c.id FROM ("
    // Two index range scans of events_root_date, days then months and years: an OR of the
    // two in one scan made the planner read every event of the family.
    "SELECT id, source_country, target_country, location_country FROM events"
    " WHERE root IN (?1, ?2, ?3, ?4, ?5) AND date >= ?6 AND date <= ?7"
    " UNION ALL SELECT id, source_country, target_country, location_country FROM events"
    " WHERE root IN (?1, ?2, ?3, ?4, ?5) AND date IN (?8, ?9, ?10, ?11)) c"
    " WHERE (((c.source_country IN ('', ?12) OR ?12 = '') AND (c.target_country IN ('', ?13) OR ?13 = ''))"
    " OR (?15 = 1 AND (c.source_country IN ('', ?13) OR ?13 = '') AND (c.target_country IN ('', ?12) OR ?12 = '')))"
    " AND (c.location_country IS NULL OR c.location_country IN ('', ?14) OR ?14 = '')"
    " ORDER BY c.id DESC LIMIT 64)"
    " ORDER BY r.event_id DESC, r.id";
inline constexpr std::string_view kFindDocumentSource =
    "SELECT outlet, url, doc_id FROM documents WHERE doc_id = ?1 ORDER BY id LIMIT 1";
inline constexpr std::string_view kUpdateMergedEvent =
    "UPDATE events SET report_count = ?2, corroboration = ?3, fatalities = ?4, injured = ?5,"
    " displaced = ?6, arrested = ?7, kidnapped = ?8 WHERE id = ?1";
// Schema version 4: what `khabar query` searches (actor_keys.h, docs/formats/query.md).
inline constexpr std::string_view kInsertActorKey =
    "INSERT INTO event_actor_keys (actor_key, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
inline constexpr std::string_view kInsertEventText =
    "INSERT INTO event_text (body, event_id) VALUES (?1, ?2)";
inline constexpr std::string_view kInsertQuarantine =
    "INSERT INTO quarantine (path, doc_id, stage, line, byte_offset, code, message, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr std::string_view kFingerprints =
    "SELECT doc_id, minhash FROM documents ORDER BY id";
// One statement, so the counts come from one snapshot even while another process writes.
inline constexpr std::string_view kSummary =
    "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences),"
    " (SELECT COALESCE(SUM(token_count), 0) FROM documents), (SELECT COUNT(*) FROM events),"
    " (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM quarantine)";

}  // namespace khabar::store::internal::queries

#endif  // KHABAR_STORE_INTERNAL_SQLITE_QUERIES_H_
