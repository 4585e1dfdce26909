// The query parameters of the API (docs/api.md): the event filters of `khabar query`, under
// the names of its flags without the dashes (quad for --quad-class, radius_km for
// --radius-km), and the paging and limit parameters. Validation is NormalizeFilter's, with
// the messages naming the parameter instead of the flag.
//
//   KH_ASSIGN_OR_RETURN(query::QueryFilter filter, ParseEventFilter(params, {"page", "page_size"}));
//   KH_ASSIGN_OR_RETURN(int64_t page, IntParam(params, "page", {.fallback = 1, .min = 1, .max = kMaxPage}));
//
// Every error is InvalidArgument with a message naming the parameter.
// Thread-safety: pure functions.
#ifndef KHABAR_SERVE_PARAMS_H_
#define KHABAR_SERVE_PARAMS_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/query/query_filter.h"

namespace khabar::serve {

// Decoded query parameters, as cpp-httplib gives them (httplib::Params).
using Params = std::multimap<std::string, std::string>;

// Fails for a parameter that is neither in `allowed` nor in `also_allowed`, or given twice.
Status CheckParamNames(const Params& params, std::initializer_list<std::string_view> allowed,
                       std::initializer_list<std::string_view> also_allowed = {});

// The filter of actor, code, cameo, root, quad, plover, from, to, country, near, radius_km,
// certainty (comma-separated) and text, checked (NormalizeFilter); also fails for any parameter that
// is not a filter and not in `also_allowed`.
StatusOr<query::QueryFilter> ParseEventFilter(const Params& params,
                                              std::initializer_list<std::string_view> also_allowed);

struct IntRange {
  int64_t fallback = 0;  // when the parameter is absent
  int64_t min = 0;
  int64_t max = 0;
};

// A decimal integer parameter within [range.min, range.max].
StatusOr<int64_t> IntParam(const Params& params, std::string_view name, IntRange range);

// The value of `name`, or "" when absent.
std::string Param(const Params& params, std::string_view name);

// A NormalizeFilter/ParseLatLon message with each flag (--quad-class) renamed to its
// parameter (quad).
std::string ParamMessage(std::string_view message);

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_PARAMS_H_
