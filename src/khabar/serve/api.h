// Api: the read-only JSON API of `khabar serve` over a store (docs/api.md), independent of
// the HTTP library: a GET path and its decoded query parameters in, a status and a JSON body
// out. http_server.h routes /api/ requests here.
//
//   ReaderPool pool([path] { return OpenSqliteReader(path); });
//   Api api(&pool, &aliases);
//   ApiResponse response = api.Get("/api/events", {{"root", "19"}, {"page_size", "20"}});
//
// Thread-safety: Get() may run from many threads at once (each takes its own reader from
// the pool). The pool and the aliases must outlive the Api.
#ifndef KHABAR_SERVE_API_H_
#define KHABAR_SERVE_API_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "khabar/serve/actor_aliases.h"
#include "khabar/serve/params.h"
#include "khabar/serve/store_reader.h"

namespace khabar::serve {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

inline constexpr int64_t kDefaultPageSize = 50;
inline constexpr int64_t kMaxPageSize = 500;
inline constexpr int64_t kMaxPage = 10'000'000;
inline constexpr int64_t kDefaultNetworkEdges = 100;
inline constexpr int64_t kMaxNetworkEdges = 5000;
inline constexpr int64_t kDefaultActors = 50;
inline constexpr int64_t kMaxActors = 1000;

class Api {
 public:
  Api(ReaderPool* pool, const ActorAliases* aliases) : pool_(pool), aliases_(aliases) {}

  // Answers GET `path` (starting with /api/): 200 with the view, 400 {"error"} for a bad
  // parameter, 404 {"error"} for an unknown route or event, 500 {"error"} when the store
  // fails. Never throws.
  ApiResponse Get(std::string_view path, const Params& params) const;

 private:
  StatusOr<std::string> Events(const Params& params) const;
  StatusOr<std::string> Event(std::string_view event_id, const Params& params) const;
  StatusOr<std::string> Actors(const Params& params) const;
  StatusOr<std::string> Articles(const Params& params) const;
  StatusOr<std::string> Daily(const Params& params) const;
  StatusOr<std::string> Roots(const Params& params) const;
  StatusOr<std::string> Network(const Params& params) const;

  ReaderPool* pool_;
  const ActorAliases* aliases_;
};

// {"error": message} as JSON text.
std::string ErrorJson(std::string_view message);

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_API_H_
