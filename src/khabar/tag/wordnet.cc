#include "khabar/tag/wordnet.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string_view>

#include "khabar/base/file.h"
#include "khabar/tag/internal/features.h"

namespace khabar::tag {

using internal::HashIndex;

namespace {

// Calls `line_fn` for each line of `text`.
template <typename LineFn>
void ForEachLine(std::string_view text, LineFn line_fn) {
  while (!text.empty()) {
    size_t newline = text.find('\n');
    line_fn(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  }
}

// The single-word lemmas of a data.* line: "offset lex_filenum ss_type w_cnt word lex_id
// [word lex_id ...] ...", w_cnt in hexadecimal. Empty for licence lines.
std::vector<std::string_view> SynsetWords(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (start < line.size() && fields.size() < 4) {
    size_t space = line.find(' ', start);
    if (space == std::string_view::npos) return {};
    fields.push_back(line.substr(start, space - start));
    start = space + 1;
  }
  if (fields.size() < 4 || line[0] == ' ') return {};
  size_t word_count = std::strtoul(std::string(fields[3]).c_str(), nullptr, 16);
  std::vector<std::string_view> words;
  for (size_t word_idx = 0; word_idx < word_count && start < line.size(); ++word_idx) {
    size_t space = line.find(' ', start);
    if (space == std::string_view::npos) break;
    std::string_view word = line.substr(start, space - start);
    if (!word.empty() && word.find('_') == std::string_view::npos) words.push_back(word);
    size_t lex_id_end = line.find(' ', space + 1);  // skip lex_id
    if (lex_id_end == std::string_view::npos) break;
    start = lex_id_end + 1;
  }
  return words;
}

}  // namespace

StatusOr<internal::HashIndex> BuildWordNetLexicon(const std::string& dir) {
  std::map<std::string, uint32_t> bits;
  const std::pair<std::string, uint32_t> parts_of_speech[] = {{"noun", internal::kWordNetNoun},
                                                              {"verb", internal::kWordNetVerb},
                                                              {"adj", internal::kWordNetAdjective},
                                                              {"adv", internal::kWordNetAdverb}};
  for (const auto& [name, bit] : parts_of_speech) {
    KH_ASSIGN_OR_RETURN(std::string index,
                        base::ReadFile(dir + "/index." + name, base::kDefaultMaxFileBytes));
    ForEachLine(index, [&, bit = bit](std::string_view line) {
      if (line.empty() || line[0] == ' ') return;  // the licence header
      std::string_view lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') == std::string_view::npos) bits[std::string(lemma)] |= bit;
    });
    KH_ASSIGN_OR_RETURN(std::string exceptions,
                        base::ReadFile(dir + "/" + name + ".exc", base::kDefaultMaxFileBytes));
    ForEachLine(exceptions, [&, bit = bit](std::string_view line) {
      std::string_view form = line.substr(0, line.find(' '));
      if (!form.empty() && form.find('_') == std::string_view::npos) {
        bits[std::string(form)] |= bit << internal::kWordNetInflected;
      }
    });
  }
  // Nouns written capitalised in WordNet (Paris, Easter) versus lowercase.
  KH_ASSIGN_OR_RETURN(std::string nouns, base::ReadFile(dir + "/data.noun", 64ull << 20));
  ForEachLine(nouns, [&](std::string_view line) {
    for (std::string_view word : SynsetWords(line)) {
      std::string lower;
      internal::AppendLower(word, lower);
      auto found = bits.find(lower);
      if (found == bits.end()) continue;
      bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
      found->second |= capitalised ? internal::kWordNetProper : internal::kWordNetCommon;
    }
  });
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (const auto& [word, word_bits] : bits) {
    keys.push_back(internal::WordNetKey(word));
    values.push_back(word_bits);
  }
  return HashIndex::Build(keys, values);
}

StatusOr<size_t> AddWordNetExceptions(const std::string& dir,
                                      const std::vector<std::string>& xpos_names,
                                      Lemmatizer::Builder& builder) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> files = {
      {"noun.exc", {"NNS"}},
      {"verb.exc", {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}},
      {"adj.exc", {"JJR", "JJS"}},
      {"adv.exc", {"RBR", "RBS"}},
  };
  for (std::string_view part : {"noun", "verb", "adj", "adv"}) {
    KH_ASSIGN_OR_RETURN(std::string index, base::ReadFile(dir + "/index." + std::string(part),
                                                          base::kDefaultMaxFileBytes));
    ForEachLine(index, [&](std::string_view line) {
      if (line.empty() || line[0] == ' ') return;  // the licence header
      std::string_view lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') == std::string_view::npos) builder.AddKnownLemma(lemma);
    });
  }
  size_t used = 0;
  for (const auto& [file, tags] : files) {
    KH_ASSIGN_OR_RETURN(std::string text,
                        base::ReadFile(dir + "/" + file, base::kDefaultMaxFileBytes));
    std::vector<uint16_t> xpos_ids;
    for (const std::string& tag : tags) {
      auto found = std::find(xpos_names.begin(), xpos_names.end(), tag);
      if (found != xpos_names.end())
        xpos_ids.push_back(static_cast<uint16_t>(found - xpos_names.begin()));
    }
    std::string_view rest = text;
    while (!rest.empty()) {
      size_t newline = rest.find('\n');
      std::string_view line = rest.substr(0, newline);
      rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
      size_t space = line.find(' ');
      if (space == std::string_view::npos || line.find('_') != std::string_view::npos) continue;
      std::string_view form = line.substr(0, space);
      std::string_view base = line.substr(space + 1);
      base = base.substr(0, base.find(' '));
      for (uint16_t xpos : xpos_ids) builder.AddException(form, xpos, base);
      ++used;
    }
  }
  return used;
}

}  // namespace khabar::tag
