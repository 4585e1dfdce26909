// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of iSCSI (RFC 3720),
// ext4 and leveldb. Debian ships no libcrc32c-dev, so this is a portable table-driven
// implementation (slicing-by-8, Kounavis and Berry, "Novel Table Lookup-Based Algorithms
// for High-Performance CRC Generation", IEEE Trans. Computers 57(11), 2008).
//
//   uint32_t crc = Crc32c(section_bytes);
//   uint32_t same = Crc32cExtend(Crc32c(first_half), second_half);
//
// Stateless; safe from any thread.
#ifndef KHABAR_MODEL_CRC32C_H_
#define KHABAR_MODEL_CRC32C_H_

#include <cstdint>
#include <string_view>

namespace khabar::model {

// CRC-32C of `bytes`; Crc32c("123456789") == 0xE3069283, Crc32c("") == 0.
uint32_t Crc32c(std::string_view bytes);

// CRC-32C of A + `bytes`, given `crc` == Crc32c(A).
uint32_t Crc32cExtend(uint32_t crc, std::string_view bytes);

}  // namespace khabar::model

#endif  // KHABAR_MODEL_CRC32C_H_
