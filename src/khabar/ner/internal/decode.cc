#include "khabar/ner/internal/decode.h"

namespace khabar::ner::internal {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

double LogAdd(double a, double b) {
  if (a == kMinusInfinity) return b;
  if (b == kMinusInfinity) return a;
  const double high = std::max(a, b);
  return high + std::log1p(std::exp(std::min(a, b) - high));
}

}  // namespace

void Marginals(size_t size, DecodeScratch& scratch, const uint8_t* labels, float* confidence) {
  if (size == 0) return;
  std::vector<double>& alpha = scratch.forward;
  std::vector<double>& beta = scratch.backward;
  alpha.assign(size * kClasses, kMinusInfinity);
  beta.assign(size * kClasses, kMinusInfinity);
  auto label_score = [&](size_t position, uint32_t row, uint32_t label) {
    return static_cast<double>(scratch.label[(position * kPrevRows + row) * kClasses + label]);
  };
  for (size_t position = 0; position < size; ++position) {
    for (uint32_t label = 0; label < kClasses; ++label) {
      double sum = kMinusInfinity;
      if (position == 0) {
        if (Allowed(kStartRow, label)) sum = label_score(0, kStartRow, label);
      } else {
        for (uint32_t row = 0; row < kClasses; ++row) {
          if (!Allowed(row, label)) continue;
          sum = LogAdd(sum,
                       alpha[(position - 1) * kClasses + row] + label_score(position, row, label));
        }
      }
      if (sum != kMinusInfinity) sum += scratch.emission[position * kClasses + label];
      alpha[position * kClasses + label] = sum;
    }
  }
  for (uint32_t label = 0; label < kClasses; ++label) beta[(size - 1) * kClasses + label] = 0.0;
  for (size_t position = size - 1; position-- > 0;) {
    for (uint32_t row = 0; row < kClasses; ++row) {
      double sum = kMinusInfinity;
      for (uint32_t label = 0; label < kClasses; ++label) {
        if (!Allowed(row, label)) continue;
        sum = LogAdd(sum, label_score(position + 1, row, label) +
                              scratch.emission[(position + 1) * kClasses + label] +
                              beta[(position + 1) * kClasses + label]);
      }
      beta[position * kClasses + row] = sum;
    }
  }
  double log_z = kMinusInfinity;
  for (uint32_t label = 0; label < kClasses; ++label) {
    log_z = LogAdd(log_z, alpha[(size - 1) * kClasses + label]);
  }
  for (size_t position = 0; position < size; ++position) {
    const size_t cell = position * kClasses + labels[position];
    const double probability = std::exp(alpha[cell] + beta[cell] - log_z);
    // Scores from a damaged or extreme model can overflow to infinities and NaN.
    confidence[position] =
        probability >= 0.0 ? static_cast<float>(std::min(probability, 1.0)) : 0.0f;
  }
}

}  // namespace khabar::ner::internal
