// Fuzzes the when stage's parsers of outside text: the temporal-expression finder and
// resolver on arbitrary words (the first two bytes pick the reference date and tense), and
// the dates gold-line parser. Checks that expressions are in order, inside the sentence and
// not overlapping, and that every resolved date is a real date of its precision.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/when/calendar.h"
#include "khabar/when/dates_eval.h"
#include "khabar/when/temporal_expression.h"

namespace {

constexpr size_t kMaxInputBytes = 16 * 1024;

void Require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "temporal_expression_fuzzer invariant violated: %s\n", what);
    std::abort();
  }
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find_first_of(" \n\t", at);
    if (end == std::string_view::npos) end = text.size();
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

void CheckDate(const khabar::doc::EventDate& date) {
  using khabar::doc::DatePrecision;
  if (date.precision == DatePrecision::kDay)
    Require(khabar::when::IsValidDate(date.year, date.month, date.day), "bad day");
  if (date.precision == DatePrecision::kMonth)
    Require(date.month >= 1 && date.month <= 12 && date.day == 0, "bad month");
  if (date.precision == DatePrecision::kYear) Require(date.month == 0 && date.day == 0, "bad year");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > kMaxInputBytes) return 0;
  constexpr int kDaysSpan = 20000;  // about 55 years from 1990-01-01
  const int offset = (data[0] << 8 | data[1]) % kDaysSpan;
  const khabar::when::CivilDate reference = khabar::when::AddDays({1990, 1, 1}, offset);
  const auto tense = data[0] & 1 ? khabar::when::Tense::kFuture : khabar::when::Tense::kPast;
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

  std::vector<std::string_view> forms = Words(text);
  int previous_last = -1;
  for (const khabar::when::TemporalExpression& found :
       khabar::when::FindTemporalExpressions(forms)) {
    Require(found.first > previous_last, "expressions overlap or out of order");
    Require(found.first <= found.last && found.last < static_cast<int>(forms.size()),
            "expression out of range");
    previous_last = found.last;
    CheckDate(khabar::when::Resolve(found, reference, tense, std::nullopt));
    CheckDate(khabar::when::Resolve(found, reference, tense, reference));
  }
  khabar::StatusOr<khabar::when::DateCase> parsed = khabar::when::ParseDateCase(text);
  if (parsed.ok()) Require(!parsed->verb.empty() && !parsed->text.empty(), "empty case accepted");
  return 0;
}
