// The search rows of the PostgreSQL store (schema version 4, docs/formats/query.md): the actor
// keys (event_actor_keys, store/actor_keys.h) and the full-text body (event_text) of each
// event, as SqliteStore writes them with every event.
//
// PostgresStore does not write them yet; until it does, BackfillSearchRows fills them in for
// every event that has a report but no event_text row: the events written since the last
// backfill, or by an older build. PostgresEventSource::Open runs it before querying.
//
//   KH_ASSIGN_OR_RETURN(int64_t indexed, BackfillSearchRows(connection));
//
// The body of an event's text row is its report's sentence (raw-text bytes span_begin..
// span_end), then its source and target actor names, each after a space when not empty: the
// body SqliteStore::InsertEventText writes.
//
// Thread-compatible: one connection, one thread.
#ifndef KHABAR_STORE_INTERNAL_POSTGRES_SEARCH_ROWS_H_
#define KHABAR_STORE_INTERNAL_POSTGRES_SEARCH_ROWS_H_

#include <cstdint>

#include "khabar/base/status.h"
#include "khabar/store/internal/postgres_connection.h"

namespace khabar::store::internal {

// Writes the search rows of every event with reports but no event_text row, in one
// transaction under the store's write lock (PostgresStore::kWriteLockKey), so a concurrent
// writer's batch is either wholly before it or wholly after it. Returns how many events it
// indexed; a cheap count comparison returns 0 at once when every report has its row.
// REQUIRES: the database is migrated to schema version 4 or later; no open transaction.
StatusOr<int64_t> BackfillSearchRows(PgConnection& connection);

// Whether some event with reports has no event_text row, i.e. BackfillSearchRows has work to
// do; for readers that must not write. The count comparison first, then (only when it differs,
// as it does once a merged event has more reports than search rows) an anti-join.
StatusOr<bool> HasUnsearchedEvents(PgConnection& connection);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_POSTGRES_SEARCH_ROWS_H_
