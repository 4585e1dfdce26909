#include "khabar/ingest/internal/html_text.h"

#include <array>
#include <cctype>

#include "khabar/ingest/boilerplate.h"
#include "khabar/ingest/internal/readers.h"

namespace khabar::ingest::internal {
namespace {

constexpr size_t kMaxParagraphText = 1 << 20;  // bytes gathered before a forced break

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

// A class/id token naming an advertisement: "ad", "ads", "ad-slot", "advert", "advertisement".
bool IsAdToken(std::string_view token) {
  return token == "ad" || token == "ads" || token.starts_with("ad-") || token.starts_with("ads-") ||
         token.starts_with("advert") || token.ends_with("-ad") || token.ends_with("-ads");
}

bool NamesWidget(std::string_view names) {
  static constexpr std::array<std::string_view, 7> kWidgets = {
      "share", "social", "related", "newsletter", "comment", "cookie", "promo"};
  std::string lower = Lower(names);
  for (std::string_view widget : kWidgets) {
    if (lower.find(widget) != std::string::npos) return true;
  }
  size_t start = 0;
  while (start < lower.size()) {
    size_t end = lower.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = lower.size();
    if (IsAdToken(std::string_view(lower).substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

class ParagraphCollector {
 public:
  void Walk(const GumboNode* node, int depth) {
    if (depth > kMaxHtmlDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      current_.append(node->v.text.text);
      if (current_.size() > kMaxParagraphText) Flush();
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    if (depth > 0 && IsDroppedElement(node)) return;
    bool block = IsBlockTag(node->v.element.tag);
    if (block) Flush();
    const GumboVector& children = node->v.element.children;
    for (unsigned int index = 0; index < children.length; ++index) {
      Walk(static_cast<const GumboNode*>(children.data[index]), depth + 1);
    }
    if (block) Flush();
  }

  std::vector<std::string> Take() {
    Flush();
    return std::move(paragraphs_);
  }

 private:
  void Flush() {
    std::string paragraph = CollapseWhitespace(current_);
    current_.clear();
    if (!paragraph.empty()) paragraphs_.push_back(std::move(paragraph));
  }

  std::string current_;
  std::vector<std::string> paragraphs_;
};

void AppendText(const GumboNode* node, int depth, std::string& out) {
  if (depth > kMaxHtmlDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out.append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned int index = 0; index < children.length; ++index) {
    AppendText(static_cast<const GumboNode*>(children.data[index]), depth + 1, out);
  }
}

const GumboNode* FindFirstAt(const GumboNode* node, GumboTag tag, int depth) {
  if (depth > kMaxHtmlDepth || node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned int index = 0; index < children.length; ++index) {
    const GumboNode* found =
        FindFirstAt(static_cast<const GumboNode*>(children.data[index]), tag, depth + 1);
    if (found != nullptr) return found;
  }
  return nullptr;
}

}  // namespace

std::string_view Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool IsDroppedElement(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  if (IsDroppedTag(node->v.element.tag)) return true;
  if (Attribute(node, "aria-hidden") == "true" ||
      gumbo_get_attribute(&node->v.element.attributes, "hidden")) {
    return true;
  }
  std::string names(Attribute(node, "class"));
  names.push_back(' ');
  names.append(Attribute(node, "id"));
  return NamesWidget(names);
}

std::vector<std::string> ExtractParagraphs(const GumboNode* root) {
  ParagraphCollector collector;
  collector.Walk(root, 0);
  return collector.Take();
}

std::string NodeText(const GumboNode* node) {
  std::string text;
  AppendText(node, 0, text);
  return CollapseWhitespace(text);
}

const GumboNode* FindFirst(const GumboNode* node, GumboTag tag) {
  return FindFirstAt(node, tag, 0);
}

std::vector<std::string> HtmlFragmentParagraphs(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  const GumboNode* body = FindFirst(output->root, GUMBO_TAG_BODY);
  std::vector<std::string> paragraphs =
      body == nullptr ? std::vector<std::string>() : ExtractParagraphs(body);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return paragraphs;
}

}  // namespace khabar::ingest::internal
