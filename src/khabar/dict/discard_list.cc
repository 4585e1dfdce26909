#include "khabar/dict/discard_list.h"

#include <unordered_set>

#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/normalize.h"

namespace khabar::dict {

DiscardList DiscardList::Parse(std::string_view bytes, std::string_view file_name,
                               Warnings* warnings) {
  DiscardList list;
  list.file_ = std::string(file_name);
  WarningSink sink(file_name, warnings);
  internal::DictText text(bytes, sink);
  std::unordered_set<std::string> seen;  // words of each phrase, with its stem flag
  for (const internal::DictLine& line : text.lines()) {
    Discard discard;
    discard.line = line.number;
    std::string_view phrase = line.text;
    if (phrase.front() == '+') {
      discard.scope = DiscardScope::kStory;
      phrase = internal::Trim(phrase.substr(1));
    }
    discard.whole_word = phrase.ends_with('_');
    std::vector<std::string> words = SplitPhrase(phrase);
    if (words.empty()) {
      sink.Add(line.number, "discard line " + Quote(line.text) + " has no phrase; skipped");
      continue;
    }
    std::string key = discard.whole_word ? "=" : "~";
    for (const std::string& word : words) key += " " + word;
    if (!seen.insert(std::move(key)).second) {
      ++list.duplicate_phrases_;
      continue;
    }
    discard.phrase = std::string(phrase);
    auto id = static_cast<uint32_t>(list.discards_.size());
    if (discard.whole_word) {
      list.matcher_.Add(words, id);
    } else {
      list.matcher_.AddWithStem(words, id);
    }
    list.discards_.push_back(std::move(discard));
  }
  return list;
}

StatusOr<DiscardList> DiscardList::Load(const std::string& path, Warnings* warnings) {
  KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(path));
  return Parse(bytes, path, warnings);
}

}  // namespace khabar::dict
