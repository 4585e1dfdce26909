// CodeAlgebra: CAMEO codes as PETRARCH-2 internal coding ontology (PICO) values, so that
// the codes of nested verbs can be combined and negated by arithmetic
// (cameo/dictionaries.rst, "Combinations"; dict/coding_ontology.h).
//
//   internal::CodeAlgebra algebra(dictionaries.ontology);
//   algebra.Combine("030", "070") == "033";   // "A will [help B]": 0x3000 + 0x0040
//   algebra.Negate("110") == "050";           // 0x1007F - 0xFFFF = 0x0080
//
// Values outside the table fall back to their nearest listed ancestor: the lowest hex
// digits are cleared one at a time ("0x1080" -> 0x1000 -> "010").
//
// Thread-safety: immutable after construction.
#ifndef KHABAR_EVENTS_INTERNAL_CODE_ALGEBRA_H_
#define KHABAR_EVENTS_INTERNAL_CODE_ALGEBRA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "khabar/dict/coding_ontology.h"

namespace khabar::events::internal {

class CodeAlgebra {
 public:
  // REQUIRES: `ontology` outlives this object.
  explicit CodeAlgebra(const dict::CodingOntology& ontology);

  std::optional<int64_t> Value(std::string_view code) const { return ontology_->Find(code); }
  // The code listed for `value`, else for its nearest ancestor; empty if none.
  std::string CodeOf(int64_t value) const;
  // The code of "not <code>"; empty when the code is not in the ontology.
  std::string Negate(std::string_view code) const;
  // The code of an upper verb governing a lower verb's event. Following PETRARCH-2, a
  // category-only upper code (one hex digit, e.g. 0x2000 "appeal") absorbs a lower code
  // without a category (0x0046 "military aid") by addition; otherwise the upper code
  // stands. Empty when neither code is in the ontology.
  std::string Combine(std::string_view upper, std::string_view lower) const;
  // True when `code` is category-only (PICO 0x1000 .. 0xF000 with no lower digits).
  bool IsCategoryOnly(std::string_view code) const;

 private:
  const dict::CodingOntology* ontology_;
  std::unordered_map<int64_t, std::string> by_value_;  // first code listed for a value
};

}  // namespace khabar::events::internal

#endif  // KHABAR_EVENTS_INTERNAL_CODE_ALGEBRA_H_
