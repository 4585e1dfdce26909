#include "khabar/base/utf8.h"

#include <algorithm>

namespace khabar::base {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  }
  size_t length;
  char32_t value;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (size_t offset = 1; offset < length; ++offset) {
    const auto byte = static_cast<unsigned char>(text[pos + offset]);
    if (!IsContinuation(byte)) return 0;
    value = (value << 6) | (byte & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *code_point = value;
  return length;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

size_t FindInvalidUtf8(std::string_view text) {
  char32_t code_point;
  for (size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t length = DecodeUtf8(text, pos, &code_point);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

Utf8Repair RepairUtf8(std::string_view bytes) {
  Utf8Repair repair;
  size_t first_invalid = FindInvalidUtf8(bytes);
  if (first_invalid == std::string_view::npos) {
    repair.text.assign(bytes);
    return repair;
  }
  repair.text.reserve(bytes.size() + 16);
  repair.text.append(bytes.substr(0, first_invalid));
  char32_t code_point;
  for (size_t pos = first_invalid; pos < bytes.size();) {
    size_t length = DecodeUtf8(bytes, pos, &code_point);
    if (length > 0) {
      repair.text.append(bytes.substr(pos, length));
      pos += length;
      continue;
    }
    repair.invalid_offsets.push_back(pos);
    AppendUtf8(repair.text, kReplacementChar);
    // Skip the lead byte and any continuation bytes that belonged to it.
    ++pos;
    while (pos < bytes.size() && IsContinuation(static_cast<unsigned char>(bytes[pos]))) ++pos;
  }
  return repair;
}

bool LooksBinary(std::string_view bytes) {
  constexpr size_t kProbeBytes = 8192;
  std::string_view probe = bytes.substr(0, std::min(bytes.size(), kProbeBytes));
  size_t control_count = 0;
  for (char ch : probe) {
    auto byte = static_cast<unsigned char>(ch);
    if (byte == 0) return true;
    if (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f') {
      ++control_count;
    }
  }
  return !probe.empty() && control_count * 10 > probe.size();
}

}  // namespace khabar::base
