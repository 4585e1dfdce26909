#include "khabar/dict/internal/brackets.h"

#include "khabar/dict/internal/dict_text.h"

namespace khabar::dict::internal {

BracketSplit SplitBrackets(std::string_view text) {
  BracketSplit split;
  size_t open = text.find('[');
  split.head = Trim(text.substr(0, open));
  while (open != std::string_view::npos) {
    size_t close = text.find(']', open + 1);
    size_t next_open = text.find('[', open + 1);
    if (close == std::string_view::npos ||
        (next_open != std::string_view::npos && next_open < close)) {
      split.unclosed = true;
      return split;
    }
    split.groups.push_back(Trim(text.substr(open + 1, close - open - 1)));
    next_open = text.find('[', close + 1);
    std::string_view gap =
        Trim(text.substr(close + 1, next_open == std::string_view::npos ? std::string_view::npos
                                                                        : next_open - close - 1));
    if (!gap.empty() && split.between.empty()) split.between = gap;
    open = next_open;
  }
  return split;
}

}  // namespace khabar::dict::internal
