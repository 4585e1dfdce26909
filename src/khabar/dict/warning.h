// Warnings from the dictionary loaders: one per bad or suspicious line, "file:line: message".
//
// Loading never stops at a bad line: the line is skipped (or read the way PETRARCH reads
// it, when that is unambiguous) and a Warning says what happened, so that a dictionary
// editor can fix the file.
//
//   dict::Warnings warnings;
//   dict::AgentDictionary agents = dict::AgentDictionary::Parse(bytes, "my.agents.txt", &warnings);
//   for (const dict::Warning& warning : warnings) fmt::print(stderr, "{}\n", warning.ToString());
//
// Thread-safety: plain values.
#ifndef KHABAR_DICT_WARNING_H_
#define KHABAR_DICT_WARNING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::dict {

struct Warning {
  std::string file;
  uint32_t line = 0;  // 1-based; 0 when the warning concerns the whole file
  std::string message;

  // "file:line: message", or "file: message" when line is 0.
  std::string ToString() const;
};

using Warnings = std::vector<Warning>;

// At most this many warnings are kept per file; one more line then says how many were
// dropped, so that a binary or badly broken file cannot flood the caller.
inline constexpr size_t kMaxWarningsPerFile = 1000;

// Collects the warnings of one file into a caller's vector (which may be null: count only).
class WarningSink {
 public:
  WarningSink(std::string_view file, Warnings* out) : file_(file), out_(out) {}
  WarningSink(const WarningSink&) = delete;
  WarningSink& operator=(const WarningSink&) = delete;
  // Emits the "N more warnings" line if any were dropped.
  ~WarningSink();

  void Add(uint32_t line, std::string message);

  const std::string& file() const { return file_; }
  Warnings* out() const { return out_; }
  // Warnings reported so far, including dropped ones.
  size_t count() const { return count_; }

 private:
  std::string file_;
  Warnings* out_;
  size_t count_ = 0;
};

// Quotes a piece of a dictionary line for a warning, shortened to a readable length.
std::string Quote(std::string_view text);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_WARNING_H_
