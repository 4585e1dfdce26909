// The lines of a PETRARCH dictionary file, cleaned the way every loader needs them:
//   - a UTF-8 byte-order mark is dropped; ill-formed UTF-8 and control characters other
//     than tab become U+FFFD, with one warning per affected line;
//   - lines end at "\n", "\r\n" or a lone "\r";
//   - "#" starts a comment that runs to the end of the line, wherever it appears;
//   - "<!-- ... -->" is removed, within a line or across lines (text before and after it
//     is kept); a line that starts with "<!" but not "<!--" is a comment (PETRARCH's rule);
//   - surrounding whitespace is trimmed and lines left empty are dropped.
//
//   WarningSink sink("x.actors.txt", &warnings);
//   DictText text(bytes, sink);
//   for (const DictLine& line : text.lines()) Parse(line.number, line.text);
//
// Thread-safety: immutable after construction. Not movable: lines view the owned text.
#ifndef KHABAR_DICT_INTERNAL_DICT_TEXT_H_
#define KHABAR_DICT_INTERNAL_DICT_TEXT_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/dict/warning.h"

namespace khabar::dict::internal {

struct DictLine {
  uint32_t number = 0;    // 1-based line number in the file
  std::string_view text;  // comments removed, trimmed; never empty
  bool indented = false;  // the raw line began with a space or tab
};

class DictText {
 public:
  DictText(std::string_view bytes, WarningSink& warnings);
  DictText(const DictText&) = delete;
  DictText& operator=(const DictText&) = delete;

  const std::vector<DictLine>& lines() const { return lines_; }
  // Physical lines in the file, blank and comment lines included.
  uint32_t line_count() const { return line_count_; }

 private:
  void Repair(std::string_view bytes, WarningSink& warnings);
  void Split(WarningSink& warnings);
  // Removes comments from one raw line; returns the remaining text (may be empty).
  std::string_view StripComments(std::string_view raw, uint32_t number, bool* in_block,
                                 uint32_t* block_start);

  std::string text_;
  std::deque<std::string> joined_;  // lines rebuilt around an inline "<!-- -->"
  std::vector<DictLine> lines_;
  uint32_t line_count_ = 0;
};

// ASCII whitespace trimmed from both ends.
std::string_view Trim(std::string_view text);

}  // namespace khabar::dict::internal

#endif  // KHABAR_DICT_INTERNAL_DICT_TEXT_H_
