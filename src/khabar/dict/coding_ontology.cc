#include "khabar/dict/coding_ontology.h"

#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/internal/roles.h"

namespace khabar::dict {
namespace {

// Values beyond this are not PICO codes (they use at most five hex digits).
constexpr int64_t kMaxMagnitude = int64_t{1} << 40;

int HexDigit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// Sums "[+-]0xHEX" terms ("0x" optional, as with Python's int(x, 16); blanks allowed
// between terms); nullopt if malformed.
std::optional<int64_t> ParseHexSum(std::string_view text) {
  int64_t total = 0;
  size_t pos = 0;
  auto skip_blanks = [&] {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  };
  skip_blanks();
  if (pos == text.size()) return std::nullopt;
  while (pos < text.size()) {
    int sign = 1;
    if (text[pos] == '+' || text[pos] == '-') sign = text[pos++] == '-' ? -1 : 1;
    skip_blanks();
    if (text.substr(pos, 2) == "0x" || text.substr(pos, 2) == "0X") pos += 2;
    int64_t term = 0;
    size_t digits = 0;
    for (; pos < text.size() && HexDigit(text[pos]) >= 0; ++pos, ++digits) {
      term = term * 16 + HexDigit(text[pos]);
      if (term > kMaxMagnitude) return std::nullopt;
    }
    if (digits == 0) return std::nullopt;
    total += sign * term;
    skip_blanks();
  }
  return total;
}

}  // namespace

CodingOntology CodingOntology::Parse(std::string_view bytes, std::string_view file_name,
                                     Warnings* warnings) {
  CodingOntology ontology;
  ontology.file_ = std::string(file_name);
  WarningSink sink(file_name, warnings);
  internal::DictText text(bytes, sink);
  for (const internal::DictLine& line : text.lines()) {
    size_t colon = line.text.find(':');
    std::string_view code = internal::Trim(line.text.substr(0, colon));
    std::optional<int64_t> value;
    if (colon != std::string_view::npos && internal::IsCodeText(code)) {
      value = ParseHexSum(line.text.substr(colon + 1));
    }
    if (!value) {
      sink.Add(line.number, "expected \"CODE:0xHEX\", got " + Quote(line.text) + "; skipped");
      continue;
    }
    auto [it, inserted] = ontology.index_.try_emplace(
        std::string(code), static_cast<uint32_t>(ontology.entries_.size()));
    if (!inserted) {
      sink.Add(line.number, "code " + Quote(code) + " already defined at line " +
                                std::to_string(ontology.entries_[it->second].line) +
                                "; kept the first");
      continue;
    }
    ontology.entries_.push_back({line.number, std::string(code), *value});
  }
  return ontology;
}

StatusOr<CodingOntology> CodingOntology::Load(const std::string& path, Warnings* warnings) {
  KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(path));
  return Parse(bytes, path, warnings);
}

std::optional<int64_t> CodingOntology::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  if (it == index_.end()) return std::nullopt;
  return entries_[it->second].value;
}

}  // namespace khabar::dict
