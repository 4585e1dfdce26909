#include "khabar/doc/words.h"

#include <array>

namespace khabar::doc {
namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "_",   "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

}  // namespace

std::string_view UposName(Upos upos) {
  size_t index = static_cast<size_t>(upos);
  return index < kUposNames.size() ? kUposNames[index] : "_";
}

Upos ParseUpos(std::string_view name) {
  for (size_t index = 1; index < kUposNames.size(); ++index) {
    if (kUposNames[index] == name) return static_cast<Upos>(index);
  }
  return Upos::kNone;
}

}  // namespace khabar::doc
