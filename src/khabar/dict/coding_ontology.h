// The PETRARCH Internal Coding Ontology (PICO): CAMEO event code -> PETRARCH-2's internal
// integer, whose hexadecimal digits encode the event's category, so that codes of nested
// verbs can be combined by addition ("A will [help B]": 0x3000 + 0x0040 -> 033).
//
//   990:0x1000#a comment           (invented codes)
//   991:0x1000-0xFFFF
//   9911:-0xFFFF+0x2045+0x300
//
//   KH_ASSIGN_OR_RETURN(dict::CodingOntology pico, dict::CodingOntology::Load(path, &warnings));
//   std::optional<int64_t> value = pico.Find("991");  // 0x1000 - 0xFFFF
//
// Each line is "CODE:EXPRESSION" where the expression is a sum of signed hexadecimal
// terms ("0x" optional: the last line is "---:0"); everything after '#' is a comment (as in
// UniversalPetrarch's reader, so "9:0x1#0x2#0x3" is 0x1). A
// repeated code keeps its first value (warning).
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_DICT_CODING_ONTOLOGY_H_
#define KHABAR_DICT_CODING_ONTOLOGY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/source.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

struct OntologyEntry {
  uint32_t line = 0;
  std::string code;   // CAMEO code, e.g. "991"
  int64_t value = 0;  // PICO value, e.g. 0x1000 - 0xFFFF
};

class CodingOntology {
 public:
  // Never fails: each bad line becomes a warning and is skipped.
  static CodingOntology Parse(std::string_view bytes, std::string_view file_name,
                              Warnings* warnings);
  static StatusOr<CodingOntology> Load(const std::string& path, Warnings* warnings);

  const std::vector<OntologyEntry>& entries() const { return entries_; }
  const std::string& file() const { return file_; }

  // The PICO value of a CAMEO code, if listed.
  std::optional<int64_t> Find(std::string_view code) const;

 private:
  std::string file_;
  std::vector<OntologyEntry> entries_;
  std::unordered_map<std::string, uint32_t> index_;  // code -> entry
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_CODING_ONTOLOGY_H_
