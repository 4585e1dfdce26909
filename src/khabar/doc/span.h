// Span: a half-open byte range [begin, end) into a Document's text.
#ifndef KHABAR_DOC_SPAN_H_
#define KHABAR_DOC_SPAN_H_

#include <cstdint>
#include <string_view>

namespace khabar::doc {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace khabar::doc

#endif  // KHABAR_DOC_SPAN_H_
