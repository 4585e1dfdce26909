#include "khabar/dict/warning.h"

#include <utility>

namespace khabar::dict {

std::string Warning::ToString() const {
  // Appends one piece at a time: GCC 12 warns (-Wrestrict) on `out += ":" + ...`.
  std::string out = file;
  if (line != 0) {
    out.push_back(':');
    out.append(std::to_string(line));
  }
  out.append(": ");
  out.append(message);
  return out;
}

WarningSink::~WarningSink() {
  if (out_ == nullptr || count_ <= kMaxWarningsPerFile) return;
  out_->push_back(
      {file_, 0, std::to_string(count_ - kMaxWarningsPerFile) + " more warnings not shown"});
}

void WarningSink::Add(uint32_t line, std::string message) {
  ++count_;
  if (out_ == nullptr || count_ > kMaxWarningsPerFile) return;
  out_->push_back({file_, line, std::move(message)});
}

std::string Quote(std::string_view text) {
  constexpr size_t kMaxQuotedBytes = 60;
  std::string out = "\"";
  if (text.size() <= kMaxQuotedBytes) {
    out += text;
  } else {
    // Cut on a UTF-8 boundary so the warning stays valid text.
    size_t cut = kMaxQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    out += text.substr(0, cut);
    out += "...";
  }
  out += "\"";
  return out;
}

}  // namespace khabar::dict
