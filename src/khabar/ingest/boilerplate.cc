#include "khabar/ingest/boilerplate.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace khabar::ingest {
namespace {

constexpr size_t kMinWrappedLine = 50;
constexpr size_t kMaxWrappedLine = 80;
constexpr size_t kMaxPromptBytes = 160;
constexpr size_t kMaxCrossLinkBytes = 250;
constexpr size_t kMaxCaptionBytes = 300;
constexpr size_t kMaxCreditBytes = 80;
constexpr size_t kMaxRepublishedBytes = 250;
constexpr size_t kMaxShareBytes = 60;
constexpr size_t kMaxMastheadBytes = 80;
constexpr size_t kHeadlineSearchParagraphs = 3;

bool IsSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v';
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool IsBlank(std::string_view line) {
  for (char ch : line) {
    if (!IsSpace(ch)) return false;
  }
  return true;
}

// A block of two or more lines, all but the last between 50 and 80 bytes, was wrapped by a
// text editor: its lines belong to one paragraph.
bool LooksHardWrapped(const std::vector<std::string_view>& block) {
  if (block.size() < 2) return false;
  for (size_t index = 0; index + 1 < block.size(); ++index) {
    size_t length = CollapseWhitespace(block[index]).size();
    if (length < kMinWrappedLine || length > kMaxWrappedLine) return false;
  }
  return true;
}

void FlushBlock(std::vector<std::string_view>& block, std::vector<std::string>& paragraphs) {
  if (LooksHardWrapped(block)) {
    std::string joined;
    for (std::string_view line : block) {
      joined.append(line);
      joined.push_back(' ');
    }
    paragraphs.push_back(CollapseWhitespace(joined));
  } else {
    for (std::string_view line : block) {
      std::string paragraph = CollapseWhitespace(line);
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    }
  }
  block.clear();
}

// The prefix of `lower` before a ':' (or " -", " –") that ends a short label, e.g. "read more".
std::string_view LabelBeforeColon(std::string_view lower) {
  size_t colon = lower.find(':');
  if (colon == std::string_view::npos || colon > 24) return {};
  return lower.substr(0, colon);
}

bool IsSocialPrompt(std::string_view lower) {
  static constexpr std::array<std::string_view, 8> kPrefixes = {
      "follow us",        "like us on", "join us on", "find us on",
      "subscribe to our", "follow @",   "follow the", "sign up for our"};
  if (lower.size() > kMaxPromptBytes) return false;
  for (std::string_view prefix : kPrefixes) {
    if (!StartsWith(lower, prefix)) continue;
    // "Follow the money" is prose; only prompts that name a network or a handle count.
    if (prefix == "follow the" || prefix == "sign up for our" || prefix == "subscribe to our") {
      return lower.find("newsletter") != std::string_view::npos ||
             lower.find("twitter") != std::string_view::npos ||
             lower.find("channel") != std::string_view::npos;
    }
    return true;
  }
  return false;
}

bool IsCrossLink(std::string_view lower) {
  static constexpr std::array<std::string_view, 7> kLabels = {
      "read", "read more", "read also", "also read", "see also", "related", "watch"};
  if (lower.size() > kMaxCrossLinkBytes) return false;
  std::string_view label = LabelBeforeColon(lower);
  for (std::string_view known : kLabels) {
    if (label == known) return true;
  }
  return lower == "read more" || lower == "read more." || lower == "continue reading";
}

bool IsReadingTime(std::string_view lower) {
  size_t pos = 0;
  while (pos < lower.size() && std::isdigit(static_cast<unsigned char>(lower[pos]))) ++pos;
  if (pos == 0) return false;
  std::string_view rest = lower.substr(pos);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  for (std::string_view unit : {"minutes read", "minute read", "mins read", "min read"}) {
    if (rest == unit || rest == std::string(unit) + ".") return true;
  }
  return false;
}

bool HasSentenceBreak(std::string_view text) {
  for (size_t pos = 0; pos + 1 < text.size(); ++pos) {
    if ((text[pos] == '.' || text[pos] == '?' || text[pos] == '!') && text[pos + 1] == ' ') {
      return true;
    }
  }
  return false;
}

// "Some caption [AFP/Getty]", "[Photo credit]": a short paragraph ending in a short bracketed
// credit, with no sentence break before it and no terminal punctuation before the bracket.
bool IsBracketCaption(std::string_view text) {
  if (text.size() > kMaxCaptionBytes || text.empty() || text.back() != ']') return false;
  size_t open = text.rfind('[');
  if (open == std::string_view::npos || text.size() - open > kMaxCreditBytes) return false;
  std::string_view before = text.substr(0, open);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty()) return true;
  char last = before.back();
  if (last == '.' || last == '?' || last == '!' || last == '"' ||
      EndsWith(before, "\xE2\x80\x9D")) {
    return false;
  }
  return !HasSentenceBreak(before);
}

bool IsPhotoCredit(std::string_view lower) {
  std::string_view label = LabelBeforeColon(lower);
  return lower.size() <= kMaxPromptBytes &&
         (label == "photo" || label == "photo credit" || label == "image" || label == "credit" ||
          label == "picture" || label == "image credit" || label == "file photo");
}

bool IsRepublished(std::string_view lower) {
  if (lower.size() > kMaxRepublishedBytes) return false;
  if (StartsWith(lower, "republished with")) return true;
  bool about_this = StartsWith(lower, "this article") || StartsWith(lower, "this story") ||
                    StartsWith(lower, "this piece") || StartsWith(lower, "a version of this");
  return about_this && (lower.find("republished") != std::string_view::npos ||
                        lower.find("originally published") != std::string_view::npos ||
                        lower.find("first published") != std::string_view::npos ||
                        lower.find("first appeared") != std::string_view::npos ||
                        lower.find("originally appeared") != std::string_view::npos);
}

bool IsShareWidget(std::string_view lower) {
  if (lower.size() > kMaxShareBytes) return false;
  return StartsWith(lower, "share this") || StartsWith(lower, "share on ") ||
         StartsWith(lower, "click to share") || lower == "share" || lower == "share:";
}

// Case and spacing folded, for comparing headlines.
std::string FoldLine(std::string_view text) { return Lower(CollapseWhitespace(text)); }

bool HasTerminalPunctuation(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!' ||
                           text.back() == '"' || EndsWith(text, "\xE2\x80\x9D"));
}

// "Title - Outlet", "Title | Outlet", "Title – Outlet" (en or em dash).
bool IsTitleWithOutlet(const std::string& folded, const std::string& title,
                       const std::string& outlet) {
  if (title.empty() || outlet.empty() || !StartsWith(folded, title) || !EndsWith(folded, outlet)) {
    return false;
  }
  if (folded.size() < title.size() + outlet.size()) return false;
  std::string middle = CollapseWhitespace(
      std::string_view(folded).substr(title.size(), folded.size() - title.size() - outlet.size()));
  return middle == "-" || middle == "|" || middle == ":" || middle == "\xE2\x80\x93" ||
         middle == "\xE2\x80\x94";
}

// Removes leading headline copies (and masthead lines above the first one). Returns the title.
std::string RemoveHeadline(std::vector<std::string>& paragraphs, std::string_view title,
                           std::string_view outlet) {
  std::string result(title);
  std::string folded_title = FoldLine(title);
  if (folded_title.empty() && paragraphs.size() >= 2 && paragraphs[0].size() <= kMaxCaptionBytes &&
      FoldLine(paragraphs[0]) == FoldLine(paragraphs[1])) {
    folded_title = FoldLine(paragraphs[0]);
    result = paragraphs[0];
  }
  if (folded_title.empty()) return result;
  std::string folded_outlet = FoldLine(outlet);
  size_t last_headline = std::string::npos;
  size_t limit = std::min(paragraphs.size(), kHeadlineSearchParagraphs + 1);
  for (size_t index = 0; index < limit; ++index) {
    std::string folded = FoldLine(paragraphs[index]);
    if (folded == folded_title || IsTitleWithOutlet(folded, folded_title, folded_outlet)) {
      last_headline = index;
    }
  }
  if (last_headline == std::string::npos) return result;
  std::vector<std::string> kept;
  for (size_t index = 0; index < paragraphs.size(); ++index) {
    if (index > last_headline) {
      kept.push_back(std::move(paragraphs[index]));
      continue;
    }
    std::string folded = FoldLine(paragraphs[index]);
    bool headline =
        folded == folded_title || IsTitleWithOutlet(folded, folded_title, folded_outlet);
    bool masthead = paragraphs[index].size() <= kMaxMastheadBytes &&
                    !HasTerminalPunctuation(paragraphs[index]) &&
                    !ParseDatelineParagraph(paragraphs[index]).has_value();
    if (!headline && !masthead) kept.push_back(std::move(paragraphs[index]));
  }
  paragraphs = std::move(kept);
  return result;
}

// ".", "!", "?" or "…" at the end, possibly followed by closing quotes.
bool EndsLikeSentence(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kClosingQuotes = {"\"", "'", "\xE2\x80\x9D",
                                                                     "\xE2\x80\x99", "\xC2\xBB"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view quote : kClosingQuotes) {
      if (!EndsWith(text, quote)) continue;
      text.remove_suffix(quote.size());
      stripped = true;
    }
  }
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' ||
                           EndsWith(text, "\xE2\x80\xA6"));
}

size_t CountWords(std::string_view collapsed) {
  if (collapsed.empty()) return 0;
  return 1 + static_cast<size_t>(std::count(collapsed.begin(), collapsed.end(), ' '));
}

}  // namespace

namespace {

// A short line that does not end like a sentence.
bool IsHeadlineShaped(const std::string& line) {
  return CountWords(line) <= kMaxHeadlineWords && !EndsLikeSentence(line);
}

bool IsBoilerplateOrDateline(const std::string& line) {
  return ClassifyBoilerplate(line) != BoilerplateRule::kNone ||
         ParseDatelineParagraph(line).has_value();
}

}  // namespace

std::string FindTextHeadline(std::string_view text) {
  std::vector<std::string_view> lines = SplitLines(text);
  size_t first = 0;
  while (first < lines.size() && IsBlank(lines[first])) ++first;
  size_t end = first;
  while (end < lines.size() && !IsBlank(lines[end])) ++end;
  std::vector<std::string_view> block(lines.begin() + first, lines.begin() + end);
  // A hard-wrapped block is one paragraph of several lines; otherwise each line is its own.
  if (block.empty() || LooksHardWrapped(block)) return "";
  // Pages often open with a site slogan above the headline: of the headline-shaped lines
  // before the body, the last one (nearest the body) is the headline. Boilerplate lines
  // and datelines between them are passed over.
  std::string headline;
  size_t headline_line = 0;
  size_t seen = 0;
  for (size_t index = first; index < lines.size() && seen < kMaxLeadingLines; ++index) {
    if (IsBlank(lines[index])) continue;
    ++seen;
    std::string line = CollapseWhitespace(lines[index]);
    if (IsBoilerplateOrDateline(line)) continue;
    if (!IsHeadlineShaped(line)) break;
    headline = std::move(line);
    headline_line = index;
  }
  bool more_text = std::any_of(lines.begin() + headline_line + 1, lines.end(),
                               [](std::string_view line) { return !IsBlank(line); });
  return more_text ? headline : "";
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    bool space = IsSpace(text[pos]);
    bool nbsp = !space && pos + 1 < text.size() && text[pos] == '\xC2' && text[pos + 1] == '\xA0';
    if (space || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++pos;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[pos]);
  }
  return out;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::vector<std::string_view> block;
  for (std::string_view line : SplitLines(text)) {
    if (IsBlank(line)) {
      FlushBlock(block, paragraphs);
    } else {
      block.push_back(line);
    }
  }
  FlushBlock(block, paragraphs);
  return paragraphs;
}

BoilerplateRule ClassifyBoilerplate(std::string_view paragraph) {
  std::string text = CollapseWhitespace(paragraph);
  std::string lower = Lower(text);
  if (IsSocialPrompt(lower)) return BoilerplateRule::kSocialPrompt;
  if (IsCrossLink(lower)) return BoilerplateRule::kCrossLink;
  if (IsReadingTime(lower)) return BoilerplateRule::kReadingTime;
  if (lower == "comments are closed." || lower == "comments are closed") {
    return BoilerplateRule::kCommentsClosed;
  }
  if (IsBracketCaption(text) || IsPhotoCredit(lower)) return BoilerplateRule::kPhotoCaption;
  if (IsRepublished(lower)) return BoilerplateRule::kRepublished;
  if (IsShareWidget(lower)) return BoilerplateRule::kShareWidget;
  return BoilerplateRule::kNone;
}

CleanupResult RemoveBoilerplate(std::vector<std::string> paragraphs, std::string_view title,
                                std::string_view outlet) {
  CleanupResult result;
  std::vector<std::string> kept;
  for (std::string& paragraph : paragraphs) {
    if (ClassifyBoilerplate(paragraph) == BoilerplateRule::kNone)
      kept.push_back(std::move(paragraph));
  }
  result.title = RemoveHeadline(kept, title, outlet);
  if (std::optional<Dateline> dateline = FindDateline(kept)) {
    result.dateline = std::move(dateline->date);
    kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(dateline->paragraph_index));
  }
  result.paragraphs = std::move(kept);
  return result;
}

}  // namespace khabar::ingest
