#include "khabar/events/cameo_codebook.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string>

#include "khabar/base/file.h"
#include "khabar/events/internal/goldstein_table.h"

namespace khabar::events {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Calls line_fn(line) for each line of `bytes` with comments ('#' on) removed and trimmed.
template <typename LineFn>
void ForEachLine(std::string_view bytes, LineFn line_fn) {
  while (!bytes.empty()) {
    size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
    line = Trim(line.substr(0, line.find('#')));
    if (!line.empty()) line_fn(line);
  }
}

// Looks `code` up, then its prefixes down to two digits.
template <typename Map>
const typename Map::mapped_type* FindWithPrefix(const Map& map, std::string_view code) {
  for (size_t length = code.size(); length >= 2; --length) {
    auto it = map.find(std::string(code.substr(0, length)));
    if (it != map.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace

CameoCodebook::CameoCodebook() {
  ForEachLine(internal::kGoldsteinTable, [this](std::string_view line) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::string code(Trim(line.substr(0, tab)));
    std::string value(Trim(line.substr(tab + 1)));
    if (!AllDigits(code)) return;
    goldstein_[code] = std::strtof(value.c_str(), nullptr);
  });
}

CameoCodebook CameoCodebook::FromPloverText(std::string_view bytes) {
  CameoCodebook codebook;
  ForEachLine(bytes, [&codebook](std::string_view line) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    std::string_view code = Trim(line.substr(0, colon));
    std::string_view rest = line.substr(colon + 1);
    std::string_view type = Trim(rest.substr(0, rest.find(',')));
    if (!AllDigits(code) || type.empty()) return;
    codebook.plover_[std::string(code)] = std::string(type);
  });
  return codebook;
}

StatusOr<CameoCodebook> CameoCodebook::Load(const std::string& plover_path) {
  constexpr uint64_t kMaxBytes = 1 << 20;
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(plover_path, kMaxBytes));
  return FromPloverText(bytes);
}

bool CameoCodebook::IsEventCode(std::string_view code) {
  return code.size() >= 2 && code.size() <= 4 && AllDigits(code);
}

std::string_view CameoCodebook::RootName(std::string_view root) {
  // CAMEO Event Data Codebook 1.1b3 (Schrodt 2012), the names of the twenty roots.
  static constexpr std::string_view kNames[] = {
      "MAKE PUBLIC STATEMENT", "APPEAL", "EXPRESS INTENT TO COOPERATE", "CONSULT",
      "ENGAGE IN DIPLOMATIC COOPERATION", "ENGAGE IN MATERIAL COOPERATION", "PROVIDE AID", "YIELD",
      "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST",
      "EXHIBIT FORCE POSTURE", "REDUCE RELATIONS", "COERCE", "ASSAULT", "FIGHT",
      "USE UNCONVENTIONAL MASS VIOLENCE"};
  if (root.size() != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9') return {};
  const int number = (root[0] - '0') * 10 + (root[1] - '0');
  if (number < 1 || number > 20) return {};
  return kNames[number - 1];
}

std::string CameoCodebook::Root(std::string_view code) { return std::string(code.substr(0, 2)); }

int CameoCodebook::QuadClass(std::string_view code) {
  if (!IsEventCode(code)) return 0;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  constexpr int kLastRoot = 20;
  if (root < 1 || root > kLastRoot) return 0;
  constexpr int kLastVerbalCoop = 5, kLastMaterialCoop = 8, kLastVerbalConflict = 13;
  if (root <= kLastVerbalCoop) return 1;
  if (root <= kLastMaterialCoop) return 2;
  if (root <= kLastVerbalConflict) return 3;
  return 4;
}

float CameoCodebook::Goldstein(std::string_view code) const {
  const float* value = FindWithPrefix(goldstein_, code);
  return value == nullptr ? 0.0f : *value;
}

std::string CameoCodebook::Plover(std::string_view code) const {
  const std::string* value = FindWithPrefix(plover_, code);
  return value == nullptr ? std::string() : *value;
}

}  // namespace khabar::events
