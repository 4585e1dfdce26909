#include "khabar/store/open_store.h"

#include "khabar/store/postgres_store.h"
#include "khabar/store/sqlite_store.h"

namespace khabar::store {

bool IsPostgresSpec(std::string_view spec) {
  return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& spec) {
  if (IsPostgresSpec(spec)) {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<PostgresStore> store, PostgresStore::Open(spec));
    return std::unique_ptr<Store>(std::move(store));
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, SqliteStore::Open(spec));
  return std::unique_ptr<Store>(std::move(store));
}

std::string RedactStoreSpec(std::string_view spec) {
  if (!IsPostgresSpec(spec)) return std::string(spec);
  std::string out(spec);
  // userinfo: between "://" and the first '@' before the path, query or fragment.
  const size_t start = out.find("://") + 3;
  const size_t authority_end = out.find_first_of("/?#", start);
  const size_t at = out.rfind('@', authority_end == std::string::npos ? out.size() : authority_end);
  if (at != std::string::npos && at >= start) {
    const size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  // password=... among the query parameters.
  const size_t query = out.find('?');
  for (size_t pos = query; pos != std::string::npos && pos < out.size();
       pos = out.find('&', pos + 1)) {
    if (out.compare(pos + 1, 9, "password=") == 0) {
      const size_t value = pos + 10;
      const size_t end = out.find('&', value);
      out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
    }
  }
  return out;
}

}  // namespace khabar::store
