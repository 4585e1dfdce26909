#include "khabar/dict/internal/roles.h"

#include <string>
#include <utility>

#include "khabar/base/ascii.h"
#include "khabar/dict/internal/brackets.h"
#include "khabar/dict/internal/dict_text.h"

namespace khabar::dict::internal {
namespace {

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch != ' ' && ch != '\t') out.push_back(ch);
  }
  return out;
}

std::optional<Date> ParseBound(std::string_view digits, uint32_t line, WarningSink& warnings) {
  std::string note;
  std::optional<Date> date = ParseDictionaryDate(digits, &note);
  if (!date) {
    warnings.Add(line, "bad date " + Quote(digits) + "; code skipped");
  } else if (!note.empty()) {
    warnings.Add(line, note);
  }
  return date;
}

// Fills role->first/last from "", "<D", ">D", "D1-D2" or "D"; false on an error.
bool ParseRestriction(std::string_view spec, uint32_t line, WarningSink& warnings,
                      ActorRole* role) {
  if (spec.empty()) return true;
  std::optional<Date> first = Date::Min();
  std::optional<Date> last = Date::Max();
  size_t dash = spec.find('-');
  if (spec.front() == '<') {
    last = ParseBound(spec.substr(1), line, warnings);
  } else if (spec.front() == '>') {
    first = ParseBound(spec.substr(1), line, warnings);
  } else if (dash != std::string_view::npos) {
    first = ParseBound(spec.substr(0, dash), line, warnings);
    if (first) last = ParseBound(spec.substr(dash + 1), line, warnings);
  } else {
    first = ParseBound(spec, line, warnings);
    if (first)
      warnings.Add(line, "bare date " + Quote(spec) + " read as \">" + std::string(spec) + "\"");
  }
  if (!first || !last) return false;
  if (*last < *first) {
    warnings.Add(line, "date range " + Quote(spec) + " ends before it starts; code skipped");
    return false;
  }
  role->first = *first;
  role->last = *last;
  return true;
}

}  // namespace

bool IsCodeText(std::string_view code) {
  if (code.empty()) return false;
  for (char ch : code) {
    bool letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    bool symbol =
        ch == '-' || ch == '+' || ch == '/' || ch == '~' || ch == '!' || ch == '_' || ch == ':';
    if (!letter && !base::IsAsciiDigit(ch) && !symbol) return false;
  }
  return true;
}

std::optional<ActorRole> ParseActorRole(std::string_view group, uint32_t line,
                                        WarningSink& warnings) {
  size_t space = group.find_first_of(" \t");
  std::string_view code = group.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? "" : Trim(group.substr(space));
  if (code.empty() || code.front() == '<' || code.front() == '>' ||
      base::IsAsciiDigit(code.front())) {
    std::string message;  // built in steps: GCC 12 -Wrestrict misfires on "[" + ...
    message.push_back('[');
    message.append(group);
    message.append("] has no code; skipped");
    warnings.Add(line, std::move(message));
    return std::nullopt;
  }
  if (!IsCodeText(code)) {
    warnings.Add(line, "bad code " + Quote(code) + "; skipped");
    return std::nullopt;
  }
  ActorRole role;
  role.code = std::string(code);
  bool lowered = false;
  for (char& ch : role.code) {
    if (ch >= 'a' && ch <= 'z') {
      ch = static_cast<char>(ch - 'a' + 'A');
      lowered = true;
    }
  }
  if (lowered) warnings.Add(line, "code " + Quote(code) + " upper-cased");
  if (!ParseRestriction(WithoutSpaces(rest), line, warnings, &role)) return std::nullopt;
  return role;
}

}  // namespace khabar::dict::internal
