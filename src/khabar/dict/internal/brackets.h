// Splitting a dictionary line into its phrase and its "[...]" groups, shared by the
// loaders ("TOMAS_ILVE_ [VRDGOV 011222-041207] [VRDELI]", "CONSTABULARY {} [~COP]").
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_INTERNAL_BRACKETS_H_
#define KHABAR_DICT_INTERNAL_BRACKETS_H_

#include <string_view>
#include <vector>

namespace khabar::dict::internal {

struct BracketSplit {
  std::string_view head;                 // text before the first '[', trimmed
  std::vector<std::string_view> groups;  // contents of each "[...]", trimmed
  std::string_view between;              // non-space text between or after groups, if any
  bool unclosed = false;                 // a '[' without its ']'
};

BracketSplit SplitBrackets(std::string_view text);

}  // namespace khabar::dict::internal

#endif  // KHABAR_DICT_INTERNAL_BRACKETS_H_
