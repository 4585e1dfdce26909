#include "khabar/events/internal/code_algebra.h"

namespace khabar::events::internal {
namespace {

// PICO writes negation as adding -0xFFFF, so a value is k * 0xFFFF + r with 0 <= r < 0xFFFF.
constexpr int64_t kNegation = 0xFFFF;
constexpr int64_t kCategoryMask = 0xF000;
constexpr int64_t kDetailMask = 0x0FFF;

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

CodeAlgebra::CodeAlgebra(const dict::CodingOntology& ontology) : ontology_(&ontology) {
  for (const dict::OntologyEntry& entry : ontology.entries()) by_value_.emplace(entry.value, entry.code);
}

std::string CodeAlgebra::CodeOf(int64_t value) const {
  auto exact = by_value_.find(value);
  if (exact != by_value_.end()) return exact->second;
  int64_t negations = FloorDiv(value, kNegation);
  int64_t rest = value - negations * kNegation;
  for (int64_t mask : {~int64_t{0xF}, ~int64_t{0xFF}, ~int64_t{0xFFF}, int64_t{0}}) {
    auto it = by_value_.find(negations * kNegation + (rest & mask));
    if (it != by_value_.end()) return it->second;
  }
  return std::string();
}

std::string CodeAlgebra::Negate(std::string_view code) const {
  std::optional<int64_t> value = Value(code);
  if (!value) return std::string();
  return CodeOf(*value - kNegation);
}

bool CodeAlgebra::IsCategoryOnly(std::string_view code) const {
  std::optional<int64_t> value = Value(code);
  return value && *value > 0 && *value < kNegation && (*value & kDetailMask) == 0 &&
         (*value & kCategoryMask) != 0;
}

std::string CodeAlgebra::Combine(std::string_view upper, std::string_view lower) const {
  std::optional<int64_t> up = Value(upper);
  std::optional<int64_t> low = Value(lower);
  if (!up) return low ? std::string(lower) : std::string();
  if (!low) return std::string(upper);
  // A negated lower value (reject, -0xFFFF + ...) has a category of its own as well: adding
  // it to "threaten" (0x6000) would turn the threat into a rejection.
  bool lower_has_category = *low < 0 || *low >= kNegation || (*low & kCategoryMask) != 0;
  if (IsCategoryOnly(upper) && !lower_has_category) {
    std::string combined = CodeOf(*up + *low);
    if (!combined.empty()) return combined;
  }
  return std::string(upper);
}

}  // namespace khabar::events::internal
