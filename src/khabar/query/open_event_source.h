// OpenEventSource: the EventSource a command-line --db spec names, as store::OpenStore picks
// the store: a PostgreSQL URI ("postgresql://..." or "postgres://...") or libpq key=value
// connection string ("host=db.example dbname=khabar") is a PostgresEventSource; anything else
// is the path of a SQLite file, a SqliteEventSource.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<EventSource> source, OpenEventSource(options.db));
//
// Thread-safety: pure functions.
#ifndef KHABAR_QUERY_OPEN_EVENT_SOURCE_H_
#define KHABAR_QUERY_OPEN_EVENT_SOURCE_H_

#include <memory>
#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/query/event_source.h"

namespace khabar::query {

// store::IsPostgresSpec: a PostgreSQL URI, or a string libpq parses as key=value pairs (a
// path such as "events.db" does not: it has no '='). The store decides the same way.
bool IsPostgresSourceSpec(std::string_view spec);

// The errors of SqliteEventSource::Open or PostgresEventSource::Open, their message naming
// the database without its password (store::RedactStoreSpec).
StatusOr<std::unique_ptr<EventSource>> OpenEventSource(const std::string& spec);

}  // namespace khabar::query

#endif  // KHABAR_QUERY_OPEN_EVENT_SOURCE_H_
