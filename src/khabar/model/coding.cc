#include "khabar/model/coding.h"

#include <bit>
#include <utility>

#include "khabar/base/check.h"

namespace khabar::model {
namespace {

constexpr uint8_t kContinuationBit = 0x80;
constexpr uint8_t kPayloadMask = 0x7F;
constexpr int kBitsPerGroup = 7;
// The last group of a maximal varint may only carry the bits left over.
constexpr uint8_t kLastGroupMax32 = 0x0F;  // 32 - 4 * 7 = 4 bits
constexpr uint8_t kLastGroupMax64 = 0x01;  // 64 - 9 * 7 = 1 bit

template <typename T>
void AppendVarint(std::string* out, T v) {
  while (v >= kContinuationBit) {
    out->push_back(static_cast<char>((v & kPayloadMask) | kContinuationBit));
    v >>= kBitsPerGroup;
  }
  out->push_back(static_cast<char>(v));
}

// Parses a varint of at most `max_bytes` whose final byte is at most `last_max` when it is
// the max_bytes-th byte. Returns the number of bytes consumed, 0 on failure.
template <typename T>
size_t ParseVarint(std::string_view bytes, size_t max_bytes, uint8_t last_max, T* v) {
  T result = 0;
  for (size_t idx = 0; idx < max_bytes && idx < bytes.size(); ++idx) {
    const auto byte = static_cast<uint8_t>(bytes[idx]);
    if (idx + 1 == max_bytes && byte > last_max) return 0;
    result |= static_cast<T>(byte & kPayloadMask) << (kBitsPerGroup * idx);
    if ((byte & kContinuationBit) == 0) {
      *v = result;
      return idx + 1;
    }
  }
  return 0;
}

}  // namespace

void EncodeFixed32(char* p, uint32_t v) {
  for (int byte_idx = 0; byte_idx < 4; ++byte_idx) {
    p[byte_idx] = static_cast<char>(v >> (8 * byte_idx));
  }
}

uint32_t DecodeFixed32(const char* p) {
  uint32_t v = 0;
  for (int byte_idx = 0; byte_idx < 4; ++byte_idx) {
    v |= static_cast<uint32_t>(static_cast<uint8_t>(p[byte_idx])) << (8 * byte_idx);
  }
  return v;
}

uint64_t DecodeFixed64(const char* p) {
  return static_cast<uint64_t>(DecodeFixed32(p)) |
         (static_cast<uint64_t>(DecodeFixed32(p + 4)) << 32);
}

void Encoder::PutFixed32(uint32_t v) {
  char buffer[4];
  EncodeFixed32(buffer, v);
  data_.append(buffer, sizeof buffer);
}

void Encoder::PutFixed64(uint64_t v) {
  PutFixed32(static_cast<uint32_t>(v));
  PutFixed32(static_cast<uint32_t>(v >> 32));
}

void Encoder::PutVarint32(uint32_t v) { AppendVarint(&data_, v); }
void Encoder::PutVarint64(uint64_t v) { AppendVarint(&data_, v); }
void Encoder::PutFloat(float v) { PutFixed32(std::bit_cast<uint32_t>(v)); }

void Encoder::PutString(std::string_view s) {
  KH_DCHECK(s.size() <= UINT32_MAX);
  PutVarint32(static_cast<uint32_t>(s.size()));
  data_.append(s);
}

std::string Encoder::Release() { return std::exchange(data_, std::string()); }

bool Decoder::GetFixed32(uint32_t* v) {
  if (remaining() < 4) return false;
  *v = DecodeFixed32(bytes_.data() + position_);
  position_ += 4;
  return true;
}

bool Decoder::GetFixed64(uint64_t* v) {
  if (remaining() < 8) return false;
  *v = DecodeFixed64(bytes_.data() + position_);
  position_ += 8;
  return true;
}

bool Decoder::GetVarint32(uint32_t* v) {
  size_t used = ParseVarint(bytes_.substr(position_), kMaxVarint32Bytes, kLastGroupMax32, v);
  position_ += used;
  return used != 0;
}

bool Decoder::GetVarint64(uint64_t* v) {
  size_t used = ParseVarint(bytes_.substr(position_), kMaxVarint64Bytes, kLastGroupMax64, v);
  position_ += used;
  return used != 0;
}

bool Decoder::GetFloat(float* v) {
  uint32_t bits;
  if (!GetFixed32(&bits)) return false;
  *v = std::bit_cast<float>(bits);
  return true;
}

bool Decoder::GetString(std::string_view* s) {
  const size_t start = position_;
  uint32_t length;
  if (!GetVarint32(&length) || !GetBytes(length, s)) {
    position_ = start;
    return false;
  }
  return true;
}

bool Decoder::GetBytes(size_t n, std::string_view* s) {
  if (remaining() < n) return false;
  *s = bytes_.substr(position_, n);
  position_ += n;
  return true;
}

bool Decoder::Skip(size_t n) {
  if (remaining() < n) return false;
  position_ += n;
  return true;
}

}  // namespace khabar::model
