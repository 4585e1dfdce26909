#include "khabar/query/open_event_source.h"

#include "khabar/query/postgres_event_source.h"
#include "khabar/query/sqlite_event_source.h"
#include "khabar/store/open_store.h"

namespace khabar::query {

bool IsPostgresSourceSpec(std::string_view spec) { return store::IsPostgresSpec(spec); }

StatusOr<std::unique_ptr<EventSource>> OpenEventSource(const std::string& spec) {
  if (IsPostgresSourceSpec(spec)) {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<PostgresEventSource> source, PostgresEventSource::Open(spec));
    return std::unique_ptr<EventSource>(std::move(source));
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<SqliteEventSource> source, SqliteEventSource::Open(spec));
  return std::unique_ptr<EventSource>(std::move(source));
}

}  // namespace khabar::query
