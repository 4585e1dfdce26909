#include "khabar/serve/params.h"

#include <algorithm>
#include <charconv>

namespace khabar::serve {
namespace {

bool Contains(std::initializer_list<std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// "a,b" -> {"a", "b"}, skipping empty pieces.
std::vector<std::string> SplitCommas(std::string_view text) {
  std::vector<std::string> pieces;
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t comma = std::min(text.find(',', begin), text.size());
    if (comma > begin) pieces.emplace_back(text.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return pieces;
}

StatusOr<double> DoubleParam(const Params& params, std::string_view name) {
  const std::string text = Param(params, name);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return InvalidArgumentError("bad " + std::string(name) + " '" + text + "': expected a number");
  }
  return value;
}

Status ParseNear(const Params& params, query::QueryFilter* filter) {
  const bool has_near = params.count("near") > 0;
  const bool has_radius = params.count("radius_km") > 0;
  if (!has_near && !has_radius) return Status::Ok();
  if (!has_near) return InvalidArgumentError("radius_km needs near=LAT,LON");
  if (!has_radius) return InvalidArgumentError("near needs radius_km");
  StatusOr<query::GeoCircle> circle = query::ParseLatLon(Param(params, "near"));
  if (!circle.ok()) return InvalidArgumentError(ParamMessage(circle.status().message()));
  KH_ASSIGN_OR_RETURN(circle->radius_km, DoubleParam(params, "radius_km"));
  filter->near = *circle;
  return Status::Ok();
}

}  // namespace

std::string Param(const Params& params, std::string_view name) {
  const auto found = params.find(std::string(name));
  return found == params.end() ? "" : found->second;
}

std::string ParamMessage(std::string_view message) {
  static constexpr std::pair<std::string_view, std::string_view> kRenames[] = {
      {"--quad-class", "quad"}, {"--radius-km", "radius_km"}, {"--", ""}};
  std::string out(message);
  for (const auto& [flag, param] : kRenames) {
    for (size_t at = out.find(flag); at != std::string::npos; at = out.find(flag, at + param.size())) {
      out.replace(at, flag.size(), param);
    }
  }
  return out;
}

Status CheckParamNames(const Params& params, std::initializer_list<std::string_view> allowed,
                       std::initializer_list<std::string_view> also_allowed) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    if (!Contains(allowed, it->first) && !Contains(also_allowed, it->first)) {
      return InvalidArgumentError("unknown parameter '" + it->first + "'");
    }
    if (params.count(it->first) > 1) {
      return InvalidArgumentError("parameter '" + it->first + "' given more than once");
    }
  }
  return Status::Ok();
}

StatusOr<query::QueryFilter> ParseEventFilter(const Params& params,
                                              std::initializer_list<std::string_view> also_allowed) {
  KH_RETURN_IF_ERROR(CheckParamNames(
      params, {"actor", "code", "cameo", "root", "quad", "plover", "from", "to", "country", "near",
               "radius_km", "certainty", "text"},
      also_allowed));
  query::QueryFilter filter;
  filter.actor = Param(params, "actor");
  filter.code = Param(params, "code");
  filter.cameo = Param(params, "cameo");
  filter.root = Param(params, "root");
  KH_ASSIGN_OR_RETURN(const int64_t quad, IntParam(params, "quad", {.fallback = 0, .min = 1, .max = 4}));
  filter.quad_class = static_cast<int>(quad);
  filter.plover = Param(params, "plover");
  filter.date_from = Param(params, "from");
  filter.date_to = Param(params, "to");
  filter.country = Param(params, "country");
  KH_RETURN_IF_ERROR(ParseNear(params, &filter));
  filter.certainty = SplitCommas(Param(params, "certainty"));
  filter.text = Param(params, "text");
  if (Status status = query::NormalizeFilter(&filter); !status.ok()) {
    return InvalidArgumentError(ParamMessage(status.message()));
  }
  return filter;
}

StatusOr<int64_t> IntParam(const Params& params, std::string_view name, IntRange range) {
  const auto found = params.find(std::string(name));
  if (found == params.end()) return range.fallback;
  const std::string& text = found->second;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return InvalidArgumentError("bad " + std::string(name) + " '" + text + "': expected a whole number");
  }
  if (value < range.min || value > range.max) {
    return InvalidArgumentError("bad " + std::string(name) + " " + text + ": expected " +
                                std::to_string(range.min) + " to " + std::to_string(range.max));
  }
  return value;
}

}  // namespace khabar::serve
