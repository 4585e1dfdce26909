// Paragraph splitting and boilerplate removal, shared by every reader.
//
//   std::vector<std::string> paragraphs = ingest::SplitParagraphs(text);
//   ingest::CleanupResult cleaned = ingest::RemoveBoilerplate(paragraphs, title, outlet);
//
// The rules are listed, with examples, in docs/formats/ingest.md. They are deliberately
// conservative: each matches a short whole paragraph, never part of a sentence.
//
// Stateless; safe from any thread.
#ifndef KHABAR_INGEST_BOILERPLATE_H_
#define KHABAR_INGEST_BOILERPLATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/ingest/dates.h"

namespace khabar::ingest {

// Splits text into paragraphs. A blank line always ends a paragraph. Inside a block of
// lines, each line is its own paragraph unless the block looks hard-wrapped (two or more
// lines, all but the last 50-80 bytes long), in which case its lines are joined by a space.
// Whitespace inside a paragraph is collapsed to single spaces; empty paragraphs are dropped.
std::vector<std::string> SplitParagraphs(std::string_view text);

// Collapses runs of whitespace (ASCII and U+00A0) to one space and trims both ends.
std::string CollapseWhitespace(std::string_view text);

// Which rule, if any, makes `paragraph` boilerplate by itself (independent of position).
enum class BoilerplateRule {
  kNone,
  kSocialPrompt,    // "Follow us on Twitter: @handle", "Like us on Facebook"
  kCrossLink,       // "Read: ...", "Read more: ...", "Also read: ...", "See also: ..."
  kReadingTime,     // "2 min read", "5 minutes read"
  kCommentsClosed,  // "Comments are closed."
  kPhotoCaption,    // "Some caption [AFP/Getty]", "[Photo credit]", "Photo: Agency"
  kRepublished,     // "This article was republished with permission from ..."
  kShareWidget,     // "Share this article", "Share on Facebook"
};
BoilerplateRule ClassifyBoilerplate(std::string_view paragraph);

struct CleanupResult {
  std::vector<std::string> paragraphs;  // what remains, in order
  std::string title;                    // the title, or one found as a repeated headline
  std::optional<ParsedDate> dateline;   // a date-only line found (and removed) near the top
};

// Plain-text headline rule. Among the first kMaxLeadingLines non-blank lines, the lines
// before the body that are headline-shaped (at most kMaxHeadlineWords words, not ending
// like a sentence: ".", "!", "?" or an ellipsis, possibly followed by closing quotes) are
// candidates; boilerplate lines (ClassifyBoilerplate) and datelines are passed over, and
// the first sentence-like line ends the search. The last candidate, nearest the body, is
// the headline (a site slogan above it is not), provided more text follows it. A
// hard-wrapped first paragraph has no headline. Empty otherwise.
// The text reader offers it as the title when neither the input nor the sidecar has one;
// RemoveBoilerplate then removes it from the body like any headline copy.
inline constexpr size_t kMaxHeadlineWords = 20;
inline constexpr size_t kMaxLeadingLines = 6;
std::string FindTextHeadline(std::string_view text);

// Removes boilerplate paragraphs (ClassifyBoilerplate), the headline (leading paragraphs
// equal to `title`, or to "title - outlet"; with no title, two identical leading paragraphs
// become the title), masthead lines above the headline, and a date-only dateline near the top.
CleanupResult RemoveBoilerplate(std::vector<std::string> paragraphs, std::string_view title,
                                std::string_view outlet);

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_BOILERPLATE_H_
