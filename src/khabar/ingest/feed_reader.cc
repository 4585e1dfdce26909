// RSS 2.0, RSS 1.0 (RDF) and Atom feed reader on libxml2, with recovery and no network.
//
// libxml2 is driven through a parser context whose end-of-element SAX callback records which
// elements were closed, so that an item cut off by truncation is recognised and skipped.
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <mutex>
#include <string>
#include <unordered_set>

#include "khabar/ingest/boilerplate.h"
#include "khabar/ingest/dates.h"
#include "khabar/ingest/internal/readers.h"

namespace khabar::ingest::internal {
namespace {

constexpr size_t kMaxFieldBytes = 8 << 20;
// No entity substitution, no DTD loading, no network: external entities are never fetched.
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                              XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC |
                              XML_PARSE_COMPACT;

struct ParseState {
  std::unordered_set<const xmlNode*> closed;
  bool has_error = false;
  uint64_t error_line = 0;
  std::string error_message;
};

ParseState* StateOf(void* context) {
  return static_cast<ParseState*>(static_cast<xmlParserCtxtPtr>(context)->_private);
}

void OnEndElement(void* context, const xmlChar* localname, const xmlChar* prefix,
                  const xmlChar* uri) {
  auto* parser = static_cast<xmlParserCtxtPtr>(context);
  if (parser->node != nullptr) StateOf(context)->closed.insert(parser->node);
  xmlSAX2EndElementNs(context, localname, prefix, uri);
}

void OnError(void* context, xmlErrorPtr error) {
  ParseState* state = StateOf(context);
  if (state == nullptr || error == nullptr || state->has_error || error->level < XML_ERR_ERROR)
    return;
  state->has_error = true;
  state->error_line = error->line > 0 ? static_cast<uint64_t>(error->line) : 0;
  std::string message = error->message == nullptr ? "unknown error" : error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  state->error_message = std::move(message);
}

std::string_view LocalName(const xmlNode* node) {
  return node->name == nullptr ? std::string_view() : reinterpret_cast<const char*>(node->name);
}

// Text and CDATA children only: entity references are never expanded.
std::string ElementText(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != nullptr) {
      text.append(reinterpret_cast<const char*>(child->content));
      if (text.size() > kMaxFieldBytes) break;
    }
  }
  return text;
}

std::string AttributeValue(const xmlNode* node, const char* name) {
  for (const xmlAttr* attribute = node->properties; attribute != nullptr;
       attribute = attribute->next) {
    if (LocalName(reinterpret_cast<const xmlNode*>(attribute)) != name) continue;
    const xmlNode* value = attribute->children;
    if (value != nullptr && value->content != nullptr)
      return reinterpret_cast<const char*>(value->content);
  }
  return "";
}

// The serialised children of an Atom type="xhtml" content element.
std::string SerializeChildren(xmlNode* node) {
  std::string html;
  xmlBufferPtr buffer = xmlBufferCreate();
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    xmlBufferEmpty(buffer);
    if (xmlNodeDump(buffer, node->doc, child, 0, 0) > 0) {
      html.append(reinterpret_cast<const char*>(xmlBufferContent(buffer)));
    }
  }
  xmlBufferFree(buffer);
  return html;
}

std::vector<std::string> BodyParagraphs(xmlNode* node) {
  if (AttributeValue(node, "type") == "xhtml")
    return HtmlFragmentParagraphs(SerializeChildren(node));
  std::string text = ElementText(node);
  if (text.find('<') == std::string::npos) return SplitParagraphs(text);
  return HtmlFragmentParagraphs(text);
}

struct ItemFields {
  xmlNode* body = nullptr;
  int body_rank = 0;  // content:encoded / content (2) beat description / summary (1)
  std::string date, updated, link, id;
};

void ReadItemField(xmlNode* child, ItemFields& fields, Draft& draft) {
  std::string_view name = LocalName(child);
  if (name == "title") {
    if (draft.document.title.empty()) draft.document.title = CollapseWhitespace(ElementText(child));
  } else if (name == "link") {
    std::string rel = AttributeValue(child, "rel");
    std::string href = AttributeValue(child, "href");
    if (!href.empty() && (rel.empty() || rel == "alternate") && fields.link.empty())
      fields.link = href;
    if (href.empty() && fields.link.empty()) fields.link = CollapseWhitespace(ElementText(child));
  } else if (name == "guid" || name == "id") {
    if (fields.id.empty()) fields.id = CollapseWhitespace(ElementText(child));
  } else if (name == "pubDate" || name == "published" || name == "date" || name == "issued") {
    if (fields.date.empty()) fields.date = ElementText(child);
  } else if (name == "updated" || name == "modified") {
    if (fields.updated.empty()) fields.updated = ElementText(child);
  } else if (name == "encoded" || name == "content" || name == "description" || name == "summary") {
    int rank = name == "encoded" || name == "content" ? 2 : 1;
    if (rank > fields.body_rank) fields.body = child, fields.body_rank = rank;
  }
}

Draft ReadItem(xmlNode* item, size_t item_index, const std::string& outlet) {
  Draft draft;
  ItemFields fields;
  for (xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) ReadItemField(child, fields, draft);
  }
  doc::Document& document = draft.document;
  document.outlet = outlet;
  document.url = fields.link;
  document.id = !fields.id.empty() ? fields.id : fields.link;
  std::optional<ParsedDate> date = ParseDate(fields.date.empty() ? fields.updated : fields.date);
  if (date) {
    document.published = date->ymd;
    document.published_precision = date->precision;
    document.published_from = doc::DateSource::kInput;
  }
  if (fields.body != nullptr) draft.paragraphs = BodyParagraphs(fields.body);
  document.source_line = item_index;
  draft.line = static_cast<uint64_t>(xmlGetLineNo(item) > 0 ? xmlGetLineNo(item) : 0);
  return draft;
}

// The element holding the items and the one holding the feed title.
struct FeedLayout {
  xmlNode* items_parent = nullptr;
  xmlNode* title_parent = nullptr;
  std::string_view item_name;
};

xmlNode* FirstChild(xmlNode* node, std::string_view name) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && LocalName(child) == name) return child;
  }
  return nullptr;
}

std::optional<FeedLayout> FindLayout(xmlNode* root) {
  std::string_view name = LocalName(root);
  if (name == "feed") return FeedLayout{root, root, "entry"};
  xmlNode* channel = FirstChild(root, "channel");
  if (name == "rss" && channel != nullptr) return FeedLayout{channel, channel, "item"};
  if (name == "RDF") return FeedLayout{root, channel != nullptr ? channel : root, "item"};
  return std::nullopt;
}

void ReadItems(const FeedLayout& layout, const ParseState& state,
               const std::optional<doc::Diagnostic>& xml_warning, const ReadContext& context) {
  std::string outlet;
  if (xmlNode* title = FirstChild(layout.title_parent, "title")) {
    outlet = CollapseWhitespace(ElementText(title));
  }
  size_t item_index = 0;
  for (xmlNode* child = layout.items_parent->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE || LocalName(child) != layout.item_name) continue;
    ++item_index;
    if (!state.closed.contains(child)) {
      context.Error(static_cast<uint64_t>(std::max(0L, xmlGetLineNo(child))), 0,
                    DataLossError("incomplete " + std::string(layout.item_name) + " " +
                                  std::to_string(item_index) + " skipped (truncated feed)"));
      continue;
    }
    Draft draft = ReadItem(child, item_index, outlet);
    if (xml_warning) draft.document.diagnostics.push_back(*xml_warning);
    context.on_draft(std::move(draft));
  }
}

// Items whose end tag was never parsed: the feed was cut off inside them.
size_t CountIncomplete(const FeedLayout& layout, const ParseState& state) {
  size_t incomplete = 0;
  for (xmlNode* child = layout.items_parent->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && LocalName(child) == layout.item_name &&
        !state.closed.contains(child)) {
      ++incomplete;
    }
  }
  return incomplete;
}

// A libxml2 error costs something (an error) when items were lost or no feed was found;
// otherwise recovery kept every item and it is a warning, recorded on each document.
std::optional<doc::Diagnostic> ReportXmlError(const ParseState& state, bool lost_items,
                                              const ReadContext& context) {
  if (!state.has_error) return std::nullopt;
  std::string message = "XML error: " + state.error_message;
  if (lost_items) {
    context.Error(state.error_line, 0, InvalidArgumentError(message));
    return std::nullopt;
  }
  context.on_warning(
      IngestError{std::string(context.path), state.error_line, 0, InvalidArgumentError(message)});
  return doc::Diagnostic{0, "line " + std::to_string(state.error_line) + ": " + message};
}

void ReportNotAFeed(const xmlNode* root, const ParseState& state, const ReadContext& context) {
  if (root != nullptr) {
    context.Error(0, 0,
                  InvalidArgumentError("not an RSS or Atom feed (root element <" +
                                       std::string(LocalName(root)) + ">)"));
  } else if (!state.has_error) {
    context.Error(0, 0, InvalidArgumentError("no XML root element"));
  }
}

void InitLibxml2() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

void ReadFeed(std::string_view text, const ReadContext& context) {
  InitLibxml2();
  xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(text.data(), static_cast<int>(text.size()));
  if (parser == nullptr) {
    context.Error(0, 0, ResourceExhaustedError("cannot create an XML parser"));
    return;
  }
  ParseState state;
  xmlCtxtUseOptions(parser, kParseOptions);
  parser->_private = &state;
  parser->sax->endElementNs = OnEndElement;
  parser->sax->serror = OnError;
  xmlParseDocument(parser);
  xmlDocPtr document = parser->myDoc;
  parser->myDoc = nullptr;
  xmlFreeParserCtxt(parser);
  xmlNode* root = document == nullptr ? nullptr : xmlDocGetRootElement(document);
  std::optional<FeedLayout> layout = root == nullptr ? std::nullopt : FindLayout(root);
  bool lost_items = !layout || CountIncomplete(*layout, state) > 0;
  std::optional<doc::Diagnostic> xml_warning = ReportXmlError(state, lost_items, context);
  if (layout) {
    ReadItems(*layout, state, xml_warning, context);
  } else {
    ReportNotAFeed(root, state, context);
  }
  if (document != nullptr) xmlFreeDoc(document);
}

}  // namespace khabar::ingest::internal
