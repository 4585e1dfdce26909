// Little-endian fixed-width and varint coding for model files (leveldb's coding.h).
//
// Every multi-byte field in a .khm file goes through these two classes, so the byte
// layout described in docs/formats/model.md is independent of the host.
//
//   Encoder out;
//   out.PutVarint32(3);
//   out.PutString("NOUN");
//   Decoder in(out.data());
//   uint32_t count;
//   std::string_view tag;
//   if (!in.GetVarint32(&count) || !in.GetString(&tag)) return DataLossError("truncated");
//
// Thread-safety: Encoder and Decoder are values without shared state; one object must not
// be used from two threads at once. A Decoder does not own its bytes: they must outlive it.
#ifndef KHABAR_MODEL_CODING_H_
#define KHABAR_MODEL_CODING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace khabar::model {

// Longest encodings, in bytes.
inline constexpr size_t kMaxVarint32Bytes = 5;
inline constexpr size_t kMaxVarint64Bytes = 10;

// Appends encoded values to an owned buffer.
class Encoder {
 public:
  void PutFixed32(uint32_t v);
  void PutFixed64(uint64_t v);
  // Base-128, low group first, high bit set on every byte but the last.
  void PutVarint32(uint32_t v);
  void PutVarint64(uint64_t v);
  // The IEEE-754 bits of `v` as a fixed32.
  void PutFloat(float v);
  // Varint32 length followed by the bytes. REQUIRES: s.size() < 2^32.
  void PutString(std::string_view s);
  // Raw bytes, no length prefix.
  void PutBytes(std::string_view s) { data_.append(s); }

  const std::string& data() const { return data_; }
  size_t size() const { return data_.size(); }
  // Returns the buffer and leaves the encoder empty.
  std::string Release();

 private:
  std::string data_;
};

// Reads encoded values from a borrowed buffer. Never reads out of bounds: every getter
// returns false on truncation or overflow and then leaves the position unchanged.
class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : bytes_(bytes) {}

  bool GetFixed32(uint32_t* v);
  bool GetFixed64(uint64_t* v);
  // False when the varint is truncated, longer than its maximum encoding, or its value
  // does not fit (a 5th byte above 0x0F for 32 bits, a 10th byte above 0x01 for 64).
  bool GetVarint32(uint32_t* v);
  bool GetVarint64(uint64_t* v);
  bool GetFloat(float* v);
  // `s` views the decoder's bytes.
  bool GetString(std::string_view* s);
  // Views the next `n` bytes.
  bool GetBytes(size_t n, std::string_view* s);
  // Advances by `n` bytes.
  bool Skip(size_t n);

  bool done() const { return position_ == bytes_.size(); }
  size_t position() const { return position_; }
  size_t remaining() const { return bytes_.size() - position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

// Stateless helpers for callers that patch bytes in place. REQUIRES: 4 / 8 bytes at `p`.
void EncodeFixed32(char* p, uint32_t v);
uint32_t DecodeFixed32(const char* p);
uint64_t DecodeFixed64(const char* p);

}  // namespace khabar::model

#endif  // KHABAR_MODEL_CODING_H_
