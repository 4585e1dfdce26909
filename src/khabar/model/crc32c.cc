#include "khabar/model/crc32c.h"

#include <array>
#include <cstddef>

#include "khabar/model/coding.h"

namespace khabar::model {
namespace {

constexpr uint32_t kReflectedPolynomial = 0x82F63B78;
constexpr int kSlices = 8;
using Tables = std::array<std::array<uint32_t, 256>, kSlices>;

// tables[k][b] is the CRC of byte b followed by k zero bytes.
constexpr Tables MakeTables() {
  Tables tables{};
  for (uint32_t byte = 0; byte < 256; ++byte) {
    uint32_t crc = byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1) ? kReflectedPolynomial : 0);
    tables[0][byte] = crc;
  }
  for (int slice = 1; slice < kSlices; ++slice) {
    for (uint32_t byte = 0; byte < 256; ++byte) {
      uint32_t previous = tables[slice - 1][byte];
      tables[slice][byte] = (previous >> 8) ^ tables[0][previous & 0xFF];
    }
  }
  return tables;
}

constexpr Tables kTables = MakeTables();

uint32_t StepByte(uint32_t crc, char byte) {
  return (crc >> 8) ^ kTables[0][(crc ^ static_cast<uint8_t>(byte)) & 0xFF];
}

// Consumes eight bytes at once; `p` needs no alignment.
uint32_t StepEight(uint32_t crc, const char* p) {
  const uint32_t low = DecodeFixed32(p) ^ crc;
  const uint32_t high = DecodeFixed32(p + 4);
  return kTables[7][low & 0xFF] ^ kTables[6][(low >> 8) & 0xFF] ^ kTables[5][(low >> 16) & 0xFF] ^
         kTables[4][low >> 24] ^ kTables[3][high & 0xFF] ^ kTables[2][(high >> 8) & 0xFF] ^
         kTables[1][(high >> 16) & 0xFF] ^ kTables[0][high >> 24];
}

}  // namespace

uint32_t Crc32cExtend(uint32_t crc, std::string_view bytes) {
  uint32_t state = ~crc;
  const char* p = bytes.data();
  size_t left = bytes.size();
  for (; left >= kSlices; left -= kSlices, p += kSlices) state = StepEight(state, p);
  for (; left > 0; --left, ++p) state = StepByte(state, *p);
  return ~state;
}

uint32_t Crc32c(std::string_view bytes) { return Crc32cExtend(0, bytes); }

}  // namespace khabar::model
