#include "khabar/store/open_store.h"

#include <libpq-fe.h>

#include <algorithm>

#include "khabar/store/postgres_store.h"
#include "khabar/store/sqlite_store.h"

namespace khabar::store {

namespace {

bool IsPostgresUri(std::string_view spec) {
  return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

// The end of the key=value value starting at `value`: a closing quote or the next blank.
size_t KeyValueEnd(const std::string& pairs, size_t value) {
  if (pairs[value] != '\'') return std::min(pairs.find_first_of(" \t", value), pairs.size());
  size_t end = value + 1;
  for (; end < pairs.size() && pairs[end] != '\''; ++end) {
    if (pairs[end] == '\\') ++end;  // an escaped quote or backslash
  }
  return std::min(end + 1, pairs.size());
}

// key=value pairs with the value of "password" ("password=secret", "password = 'se cret'")
// replaced by "***".
std::string RedactKeyValuePassword(std::string_view spec) {
  std::string out(spec);
  for (size_t key = out.find("password"); key != std::string::npos;
       key = out.find("password", key + 1)) {
    if (key > 0 && out[key - 1] != ' ' && out[key - 1] != '\t') continue;  // e.g. "sslpassword"
    size_t value = out.find_first_not_of(" \t", key + 8);
    if (value == std::string::npos || out[value] != '=') continue;
    value = out.find_first_not_of(" \t", value + 1);
    if (value == std::string::npos) break;
    out.replace(value, KeyValueEnd(out, value) - value, "***");
  }
  return out;
}

}  // namespace

bool IsPostgresSpec(std::string_view spec) {
  if (IsPostgresUri(spec)) return true;
  if (spec.find('=') == std::string_view::npos) return false;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(spec).c_str(), &error);
  PQfreemem(error);
  if (options == nullptr) return false;
  PQconninfoFree(options);
  return true;
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
  if (!IsPostgresUri(spec)) return RedactKeyValuePassword(spec);
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

StatusOr<std::string> ConninfoWithDatabase(const std::string& conninfo, const std::string& dbname) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    return InvalidArgumentError("bad PostgreSQL connection string '" + RedactStoreSpec(conninfo) +
                                "': " + message);
  }
  auto quote = [](const std::string& value) {
    std::string quoted = "'";
    for (const char c : value) {
      if (c == '\'' || c == '\\') quoted.push_back('\\');
      quoted.push_back(c);
    }
    return quoted + "'";
  };
  std::string out;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::string(option->keyword) == "dbname" || option->val == nullptr) continue;
    out += std::string(option->keyword) + "=" + quote(option->val) + " ";
  }
  PQconninfoFree(options);
  return out + "dbname=" + quote(dbname);
}

}  // namespace khabar::store
