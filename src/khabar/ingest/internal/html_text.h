// Text extraction from gumbo trees, shared by the HTML and feed readers.
// Stateless; safe from any thread.
#ifndef KHABAR_INGEST_INTERNAL_HTML_TEXT_H_
#define KHABAR_INGEST_INTERNAL_HTML_TEXT_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace khabar::ingest::internal {

// Elements deeper than this are ignored: no article nests its text this deep, and the cap
// bounds recursion on hostile input.
inline constexpr int kMaxHtmlDepth = 200;

// The value of attribute `name` of an element node, or "" (also for non-elements).
std::string_view Attribute(const GumboNode* node, const char* name);

// True for subtrees that never hold article text: nav, header, footer, aside, script, style,
// form, figure, ... and elements whose class or id names a share/social/related/newsletter/
// comment/cookie/promo widget or an advertisement ("ad", "ads", "ad-*", "advert*").
bool IsDroppedElement(const GumboNode* node);

// Paragraphs of the subtree under `root`: block elements and <br> end paragraphs, dropped
// elements are skipped, whitespace is collapsed.
std::vector<std::string> ExtractParagraphs(const GumboNode* root);

// All the text under `node` (no dropping), whitespace collapsed.
std::string NodeText(const GumboNode* node);

// Depth-first search for the first element with `tag` (within kMaxHtmlDepth).
const GumboNode* FindFirst(const GumboNode* node, GumboTag tag);

}  // namespace khabar::ingest::internal

#endif  // KHABAR_INGEST_INTERNAL_HTML_TEXT_H_
