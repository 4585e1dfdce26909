// Issue lists (PETRARCH issue files): phrases that tag an event with an issue code.
//
//   <ISSUE CATEGORY="WATER" TYPE="ALL">         opens a category (</ISSUE> closes it)
//   n:well [WELLS]                              "n:" adds the regular plural
//   v:irrigate [IRRIGATION]                     "v:" adds -s, -ed and -ing forms
//   rain+n:water [RAINWATER]                    '+' gives "rain water" and "rain-water"
//   ~wishing well                               sentence-level exclusion
//   ~~holy well                                 story-level exclusion
//
//   KH_ASSIGN_OR_RETURN(dict::IssueList issues, dict::IssueList::Load(path, &warnings));
//   for (const dict::PhraseMatch& match : issues.FindIssues(tokens))
//     Count(issues.issues()[match.values[0]].code);
//
// Duplicates: an expanded form belongs to the first issue line producing it; a later line
// with the same code and kind is only counted, one with another is a warning.
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_DICT_ISSUE_LIST_H_
#define KHABAR_DICT_ISSUE_LIST_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/phrase_matcher.h"
#include "khabar/dict/source.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

enum class IssueKind : uint8_t {
  kCode,            // "phrase [CODE]"
  kIgnoreSentence,  // "~phrase": no issue coding for the sentence
  kIgnoreStory,     // "~~phrase": none for the story
};

struct Issue {
  uint32_t line = 0;
  std::string phrase;    // as written, with its n:/v:/+ operators
  std::string code;      // empty for the ignore kinds
  std::string category;  // from the enclosing <ISSUE CATEGORY="...">, or empty
  IssueKind kind = IssueKind::kCode;
};

class IssueList {
 public:
  // Never fails: each bad line becomes a warning and is skipped.
  static IssueList Parse(std::string_view bytes, std::string_view file_name, Warnings* warnings);
  static StatusOr<IssueList> Load(const std::string& path, Warnings* warnings);

  const std::vector<Issue>& issues() const { return issues_; }
  const std::string& file() const { return file_; }

  // Every issue phrase in the tokens; values are issue ids.
  std::vector<PhraseMatch> FindIssues(std::span<const std::string_view> tokens) const {
    return matcher_.FindAll(tokens);
  }
  const PhraseMatcher& matcher() const { return matcher_; }
  size_t duplicate_phrases() const { return duplicate_phrases_; }

 private:
  class Parser;

  std::string file_;
  std::vector<Issue> issues_;
  PhraseMatcher matcher_;
  size_t duplicate_phrases_ = 0;
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_ISSUE_LIST_H_
