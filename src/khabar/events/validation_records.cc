#include "khabar/events/validation_records.h"

#include <algorithm>
#include <cctype>

#include "khabar/base/file.h"

namespace khabar::events {
namespace {

std::string DecodeEntities(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t at = 0; at < text.size();) {
    bool replaced = false;
    if (text[at] == '&') {
      for (const auto& [name, value] : kEntities) {
        if (text.substr(at, name.size()) == name) {
          out += value;
          at += name.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[at++];
  }
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string StripComments(std::string_view bytes) {
  std::string out;
  for (size_t at = 0; at < bytes.size();) {
    size_t open = bytes.find("<!--", at);
    if (open == std::string_view::npos) {
      out.append(bytes.substr(at));
      break;
    }
    out.append(bytes.substr(at, open - at));
    // The records' header comment nests "<!-- ... -->": count the depth.
    size_t scan = open + 4;
    for (int depth = 1; depth > 0 && scan != std::string_view::npos;) {
      size_t next_open = bytes.find("<!--", scan);
      size_t next_close = bytes.find("-->", scan);
      if (next_close == std::string_view::npos) {
        scan = std::string_view::npos;
      } else if (next_open < next_close) {
        ++depth;
        scan = next_open + 4;
      } else {
        --depth;
        scan = next_close + 3;
      }
    }
    if (scan == std::string_view::npos) break;
    at = scan;
  }
  return out;
}

// The value of attribute `name` in an element's attribute text, or "" (found=false).
std::string Attribute(std::string_view attributes, std::string_view name, bool* found = nullptr) {
  for (size_t at = 0; (at = attributes.find(name, at)) != std::string_view::npos; at += name.size()) {
    bool boundary = at == 0 || std::isspace(static_cast<unsigned char>(attributes[at - 1]));
    size_t eq = at + name.size();
    if (!boundary || eq >= attributes.size() || attributes[eq] != '=') continue;
    if (eq + 1 >= attributes.size() || attributes[eq + 1] != '"') continue;
    size_t close = attributes.find('"', eq + 2);
    if (close == std::string_view::npos) break;
    if (found != nullptr) *found = true;
    return DecodeEntities(attributes.substr(eq + 2, close - eq - 2));
  }
  if (found != nullptr) *found = false;
  return std::string();
}

void ParseBody(std::string_view body, ValidationRecord& record) {
  for (size_t at = 0; (at = body.find("<EventCoding", at)) != std::string_view::npos;) {
    size_t close = body.find('>', at);
    if (close == std::string_view::npos) break;
    std::string_view attributes = body.substr(at + 12, close - at - 12);
    bool has_noevents = false, has_error = false;
    std::string noevents = Attribute(attributes, "noevents", &has_noevents);
    std::string error = Attribute(attributes, "error", &has_error);
    if (has_noevents) {
      record.expectation = RecordExpectation::kNoEvents;
    } else if (has_error) {
      record.expectation = error == "bad_input_parse" ? RecordExpectation::kBadParse : RecordExpectation::kNoEvents;
    } else {
      record.gold.push_back(Triple{Attribute(attributes, "sourcecode"), Attribute(attributes, "targetcode"),
                                   Attribute(attributes, "eventcode")});
    }
    at = close;
  }
  size_t text = body.find("<Text>");
  size_t text_end = body.find("</Text>");
  if (text != std::string_view::npos && text_end != std::string_view::npos && text_end > text) {
    record.text = CollapseSpaces(DecodeEntities(body.substr(text + 6, text_end - text - 6)));
  }
  if (record.gold.empty() && record.expectation == RecordExpectation::kEvents) {
    record.expectation = RecordExpectation::kNoEvents;
  }
}

}  // namespace

StatusOr<std::vector<ValidationRecord>> ParseValidationRecords(std::string_view bytes) {
  std::string clean = StripComments(bytes);
  std::string_view view = clean;
  std::vector<ValidationRecord> records;
  for (size_t at = 0; (at = view.find("<Sentence ", at)) != std::string_view::npos;) {
    size_t open_end = view.find('>', at);
    size_t close = view.find("</Sentence>", at);
    if (open_end == std::string_view::npos || close == std::string_view::npos) break;
    std::string_view attributes = view.substr(at + 10, open_end - at - 10);
    ValidationRecord record;
    record.id = Attribute(attributes, "id");
    record.category = Attribute(attributes, "category");
    record.date = Attribute(attributes, "date");
    record.evaluate = Attribute(attributes, "evaluate") != "false";
    ParseBody(view.substr(open_end + 1, close - open_end - 1), record);
    records.push_back(std::move(record));
    at = close;
  }
  if (records.empty()) return InvalidArgumentError("no <Sentence> records found");
  return records;
}

StatusOr<std::vector<ValidationRecord>> ReadValidationRecords(const std::string& path) {
  constexpr uint64_t kMaxBytes = 64 << 20;
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, kMaxBytes));
  StatusOr<std::vector<ValidationRecord>> records = ParseValidationRecords(bytes);
  if (!records.ok()) return records.status().WithPrefix(path);
  return records;
}

bool CameoScore::Add(const ValidationRecord& record, std::vector<Triple> coded) {
  std::sort(coded.begin(), coded.end());
  coded.erase(std::unique(coded.begin(), coded.end()), coded.end());
  ++records;
  if (record.expectation == RecordExpectation::kNoEvents) {
    ++gold;
    extra += coded.size();
    bool correct = coded.empty();
    found += correct ? 1 : 0;
    records_correct += correct ? 1 : 0;
    return correct;
  }
  std::vector<Triple> expected = record.gold;
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  gold += expected.size();
  for (const Triple& triple : coded) {
    if (std::binary_search(expected.begin(), expected.end(), triple)) {
      ++found;
    } else {
      ++extra;
    }
  }
  bool correct = coded == expected;
  records_correct += correct ? 1 : 0;
  return correct;
}

}  // namespace khabar::events
