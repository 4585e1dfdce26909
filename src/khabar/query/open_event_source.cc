#include "khabar/query/open_event_source.h"

#include <libpq-fe.h>

#include "khabar/query/postgres_event_source.h"
#include "khabar/query/sqlite_event_source.h"
#include "khabar/store/open_store.h"

namespace khabar::query {

bool IsPostgresSourceSpec(std::string_view spec) {
  if (store::IsPostgresSpec(spec)) return true;
  if (spec.find('=') == std::string_view::npos) return false;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(spec).c_str(), &error);
  PQfreemem(error);
  if (options == nullptr) return false;
  PQconninfoFree(options);
  return true;
}

StatusOr<std::unique_ptr<EventSource>> OpenEventSource(const std::string& spec) {
  if (IsPostgresSourceSpec(spec)) {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<PostgresEventSource> source, PostgresEventSource::Open(spec));
    return std::unique_ptr<EventSource>(std::move(source));
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<SqliteEventSource> source, SqliteEventSource::Open(spec));
  return std::unique_ptr<EventSource>(std::move(source));
}

}  // namespace khabar::query
