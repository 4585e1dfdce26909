// Publication dates: parsing the date formats found in news input, and finding a dateline
// near the top of an article.
//
//   std::optional<ingest::ParsedDate> date = ingest::ParseDate("Wed, 29 May 2019 10:00:00 GMT");
//   // date->ymd == "2019-05-29", date->precision == "day"
//
// Stateless; safe from any thread.
#ifndef KHABAR_INGEST_DATES_H_
#define KHABAR_INGEST_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::ingest {

struct ParsedDate {
  std::string ymd;        // "YYYY-MM-DD"; day (and month) "01" when the precision is coarser
  std::string precision;  // "day", "month" or "year"
};

// Parses one date written as ISO 8601 / RFC 3339 ("2019-05-29", "2019-05-29T10:00:00+02:00",
// "2019-05", "2019"), RFC 822 ("Wed, 29 May 2019 10:00:00 GMT") or in words ("May 29, 2019",
// "29 May 2019", "Wednesday, May 29 2019"), optionally followed by a time ("at 1:12 pm").
// The calendar date is taken as written: timestamps are not converted to UTC. Returns nullopt
// unless the whole string (after trimming) is a date, with a year in 1800-2199 and a valid day.
std::optional<ParsedDate> ParseDate(std::string_view text);

// A date-only line ("May 11, 2019 at 1:12 pm", "Published: 11 May 2019", "2019-05-11").
struct Dateline {
  ParsedDate date;
  size_t paragraph_index = 0;  // index into the paragraphs searched
};

// A dateline paragraph by itself: nothing but a date, optionally prefixed by "Published",
// "Posted", "Updated", "First published" or "Last updated" (with an optional colon or "on").
std::optional<ParsedDate> ParseDatelineParagraph(std::string_view paragraph);

// Looks for a dateline (ParseDatelineParagraph) among the first kDatelineParagraphs
// paragraphs. Never matches a date inside a sentence.
inline constexpr size_t kDatelineParagraphs = 4;
std::optional<Dateline> FindDateline(const std::vector<std::string>& paragraphs);

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_DATES_H_
