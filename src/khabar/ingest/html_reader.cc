// HTML page reader: metadata from <head> (Open Graph, Dublin Core, JSON-LD) and the article
// body from <article>/articleBody/<main>, else the block with the most <p> text.
#include <gumbo.h>

#include <array>
#include <cctype>
#include <optional>

#include "khabar/ingest/boilerplate.h"
#include "khabar/ingest/dates.h"
#include "khabar/ingest/internal/html_text.h"
#include "khabar/ingest/internal/json_util.h"
#include "khabar/ingest/internal/readers.h"

namespace khabar::ingest::internal {
namespace {

constexpr int kMaxJsonLdDepth = 16;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool IsDateKey(std::string_view key) {
  static constexpr std::array<std::string_view, 17> kKeys = {"article:published_time",
                                                             "og:published_time",
                                                             "og:article:published_time",
                                                             "og:pubdate",
                                                             "og:published_date",
                                                             "date",
                                                             "pubdate",
                                                             "publishdate",
                                                             "publish-date",
                                                             "publish_date",
                                                             "dc.date",
                                                             "dc.date.issued",
                                                             "dcterms.date",
                                                             "dcterms.created",
                                                             "datepublished",
                                                             "sailthru.date",
                                                             "parsely-pub-date"};
  for (std::string_view known : kKeys) {
    if (key == known) return true;
  }
  return false;
}

struct PageMeta {
  std::string og_title, title_tag, h1, jsonld_headline;
  std::optional<ParsedDate> date, jsonld_date;
  std::string canonical, og_url, site_name, jsonld_publisher;
};

void SetOnce(std::string& field, std::string_view value) {
  if (field.empty()) field = CollapseWhitespace(value);
}

void ReadMetaTag(const GumboNode* node, PageMeta& meta) {
  std::string key = Lower(Attribute(node, "property"));
  if (key.empty()) key = Lower(Attribute(node, "name"));
  if (key.empty()) key = Lower(Attribute(node, "itemprop"));
  std::string_view content = Attribute(node, "content");
  if (key.empty() || content.empty()) return;
  if (key == "og:title" || key == "twitter:title") SetOnce(meta.og_title, content);
  if (key == "og:url") SetOnce(meta.og_url, content);
  if (key == "og:site_name") SetOnce(meta.site_name, content);
  if (!meta.date && IsDateKey(key)) meta.date = ParseDate(content);
}

// Walks a JSON-LD value for datePublished, headline and publisher.name (e.g. inside @graph).
void ReadJsonLd(const nlohmann::json& value, int depth, PageMeta& meta) {
  if (depth > kMaxJsonLdDepth) return;
  if (value.is_array()) {
    for (const nlohmann::json& item : value) ReadJsonLd(item, depth + 1, meta);
    return;
  }
  if (!value.is_object()) return;
  std::string field;
  if (!meta.jsonld_date && GetStringField(value, "datePublished", &field).ok() && !field.empty()) {
    meta.jsonld_date = ParseDate(field);
  }
  field.clear();
  if (GetStringField(value, "headline", &field).ok()) SetOnce(meta.jsonld_headline, field);
  auto publisher = value.find("publisher");
  if (publisher != value.end() && publisher->is_object()) {
    field.clear();
    if (GetStringField(*publisher, "name", &field).ok()) SetOnce(meta.jsonld_publisher, field);
  }
  for (const auto& [key, child] : value.items()) {
    if (child.is_structured()) ReadJsonLd(child, depth + 1, meta);
  }
}

void ReadElementMeta(const GumboNode* node, PageMeta& meta) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_META:
      ReadMetaTag(node, meta);
      break;
    case GUMBO_TAG_TITLE:
      SetOnce(meta.title_tag, NodeText(node));
      break;
    case GUMBO_TAG_H1:
      SetOnce(meta.h1, NodeText(node));
      break;
    case GUMBO_TAG_LINK:
      if (Lower(Attribute(node, "rel")) == "canonical")
        SetOnce(meta.canonical, Attribute(node, "href"));
      break;
    case GUMBO_TAG_TIME:
      if (!meta.date && (Lower(Attribute(node, "itemprop")) == "datepublished" ||
                         gumbo_get_attribute(&node->v.element.attributes, "pubdate") != nullptr)) {
        meta.date = ParseDate(Attribute(node, "datetime"));
      }
      break;
    case GUMBO_TAG_SCRIPT:
      if (Lower(Attribute(node, "type")) == "application/ld+json") {
        StatusOr<nlohmann::json> json = ParseJson(NodeText(node));
        if (json.ok()) ReadJsonLd(*json, 0, meta);
      }
      break;
    default:
      break;
  }
}

void CollectMeta(const GumboNode* node, int depth, PageMeta& meta) {
  if (depth > kMaxHtmlDepth || node->type != GUMBO_NODE_ELEMENT) return;
  ReadElementMeta(node, meta);
  const GumboVector& children = node->v.element.children;
  for (unsigned int index = 0; index < children.length; ++index) {
    CollectMeta(static_cast<const GumboNode*>(children.data[index]), depth + 1, meta);
  }
}

size_t TextLength(const std::vector<std::string>& paragraphs) {
  size_t length = 0;
  for (const std::string& paragraph : paragraphs) length += paragraph.size();
  return length;
}

bool IsBodyCandidate(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
         Lower(Attribute(node, "itemprop")).find("articlebody") != std::string::npos ||
         Lower(Attribute(node, "role")) == "main";
}

// Finds the explicit body container (articleBody beats <article> beats <main>) and, for the
// fallback, the element whose direct <p> children hold the most text.
struct BodySearch {
  const GumboNode* article_body = nullptr;
  const GumboNode* article = nullptr;
  size_t article_length = 0;
  const GumboNode* main = nullptr;
  const GumboNode* densest = nullptr;
  size_t densest_length = 0;

  void Visit(const GumboNode* node, int depth) {
    if (depth > kMaxHtmlDepth || node->type != GUMBO_NODE_ELEMENT || IsDroppedElement(node)) return;
    if (IsBodyCandidate(node)) Classify(node);
    size_t p_length = 0;
    const GumboVector& children = node->v.element.children;
    for (unsigned int index = 0; index < children.length; ++index) {
      auto* child = static_cast<const GumboNode*>(children.data[index]);
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_P) {
        p_length += NodeText(child).size();
      }
      Visit(child, depth + 1);
    }
    if (p_length > densest_length) densest = node, densest_length = p_length;
  }

  void Classify(const GumboNode* node) {
    if (Lower(Attribute(node, "itemprop")).find("articlebody") != std::string::npos) {
      if (article_body == nullptr) article_body = node;
    } else if (node->v.element.tag == GUMBO_TAG_ARTICLE) {
      size_t length = TextLength(ExtractParagraphs(node));
      if (length > article_length) article = node, article_length = length;
    } else if (main == nullptr) {
      main = node;
    }
  }
};

std::vector<std::string> ExtractBody(const GumboNode* root) {
  BodySearch search;
  search.Visit(root, 0);
  for (const GumboNode* candidate : {search.article_body, search.article, search.main}) {
    if (candidate == nullptr) continue;
    std::vector<std::string> paragraphs = ExtractParagraphs(candidate);
    if (!paragraphs.empty()) return paragraphs;
  }
  if (search.densest != nullptr) return ExtractParagraphs(search.densest);
  const GumboNode* body = FindFirst(root, GUMBO_TAG_BODY);
  return body == nullptr ? std::vector<std::string>() : ExtractParagraphs(body);
}

void FillMetadata(const PageMeta& meta, doc::Document& document) {
  for (const std::string* title :
       {&meta.og_title, &meta.jsonld_headline, &meta.title_tag, &meta.h1}) {
    if (!title->empty()) {
      document.title = *title;
      break;
    }
  }
  document.url = !meta.canonical.empty() ? meta.canonical : meta.og_url;
  document.outlet = !meta.site_name.empty() ? meta.site_name : meta.jsonld_publisher;
  const std::optional<ParsedDate>& date = meta.date ? meta.date : meta.jsonld_date;
  if (date) {
    document.published = date->ymd;
    document.published_precision = date->precision;
    document.published_from = doc::DateSource::kMetaTag;
  }
}

bool HasClosingTag(std::string_view html) {
  std::string lower = Lower(html.substr(html.size() > 4096 ? html.size() - 4096 : 0));
  return lower.find("</html") != std::string::npos || lower.find("</body") != std::string::npos;
}

}  // namespace

void ReadHtml(std::string_view text, const ReadContext& context) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
  PageMeta meta;
  CollectMeta(output->root, 0, meta);
  Draft draft;
  FillMetadata(meta, draft.document);
  draft.paragraphs = ExtractBody(output->root);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (!HasClosingTag(text)) {
    std::string message = "truncated HTML: no closing </body> or </html> tag";
    draft.document.diagnostics.push_back(doc::Diagnostic{text.size(), message});
    context.on_warning(
        IngestError{std::string(context.path), 0, text.size(), DataLossError(message)});
  }
  if (draft.paragraphs.empty()) {
    context.Error(0, 0, InvalidArgumentError("no article text found in the HTML body"));
    return;
  }
  context.on_draft(std::move(draft));
}

}  // namespace khabar::ingest::internal
