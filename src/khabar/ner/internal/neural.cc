#include "khabar/ner/internal/neural.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "khabar/base/ascii.h"
#include "khabar/ner/labels.h"

namespace khabar::ner::internal {
namespace {

using ConstMatrix = Eigen::Map<const Eigen::MatrixXf>;
using Matrix = Eigen::Map<Eigen::MatrixXf>;
using ConstVector = Eigen::Map<const Eigen::VectorXf>;

constexpr uint32_t kMaxDims = 4096;
constexpr uint32_t kMaxBuckets = 1u << 20;

using base::IsAsciiDigit;
using base::IsAsciiLower;
using base::IsAsciiUpper;

bool IsAsciiPunct(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x80 && !IsAsciiDigit(c) && !base::IsAsciiAlpha(c);
}

void PutFloats(const std::vector<float>& values, model::Encoder& out) {
  out.PutVarint32(static_cast<uint32_t>(values.size()));
  for (float value : values) out.PutFloat(value);
}

bool GetFloats(model::Decoder& in, size_t expected, std::vector<float>& values) {
  uint32_t count = 0;
  if (!in.GetVarint32(&count) || count != expected || count > in.remaining() / 4) return false;
  values.resize(count);
  for (float& value : values) {
    if (!in.GetFloat(&value) || !std::isfinite(value)) return false;
  }
  return true;
}

// Adds `bias` to every column and applies ReLU, then the mask when there is one.
void BiasReluMask(Matrix layer, const std::vector<float>& bias, std::span<const float> mask) {
  layer.colwise() += ConstVector(bias.data(), static_cast<Eigen::Index>(bias.size()));
  layer = layer.cwiseMax(0.0f);
  if (!mask.empty()) {
    layer.array() *= ConstMatrix(mask.data(), layer.rows(), layer.cols()).array();
  }
}

}  // namespace

void NeuralModel::Allocate(const NeuralShape& new_shape) {
  shape = new_shape;
  const size_t hidden = shape.hidden;
  unknown_word.assign(shape.word_dims, 0.0f);
  hashed_word_table.assign(size_t{shape.hashed_word_buckets} * shape.hashed_word_dims, 0.0f);
  case_table.assign(size_t{kNeuralCaseKinds} * shape.case_dims, 0.0f);
  xpos_table.assign(size_t{shape.xpos_buckets} * shape.xpos_dims, 0.0f);
  for (std::vector<float>* table : {&prefix_table, &suffix_table, &shape_table}) {
    table->assign(size_t{shape.affix_buckets} * shape.affix_dims, 0.0f);
  }
  conv_weights.resize(shape.depth);
  conv_bias.resize(shape.depth);
  for (uint32_t layer = 0; layer < shape.depth; ++layer) {
    const size_t in = layer == 0 ? shape.input_dims() : hidden;
    conv_weights[layer].assign(hidden * kNeuralWindow * in, 0.0f);
    conv_bias[layer].assign(hidden, 0.0f);
  }
  const size_t gates = 4 * size_t{shape.lstm};
  lstm_input.assign(2 * gates * hidden, 0.0f);
  lstm_bias.assign(2 * gates, 0.0f);
  lstm_forward.assign(gates * shape.lstm, 0.0f);
  lstm_backward.assign(gates * shape.lstm, 0.0f);
  output_weights.assign(size_t{kLabelCount} * shape.top_dims(), 0.0f);
  output_bias.assign(kLabelCount, 0.0f);
}

std::vector<std::vector<float>*> NeuralModel::TrainedTables() {
  std::vector<std::vector<float>*> tables = {&unknown_word, &hashed_word_table, &case_table,
                                             &xpos_table,   &prefix_table,      &suffix_table,
                                             &shape_table};
  for (uint32_t layer = 0; layer < conv_weights.size(); ++layer) {
    tables.push_back(&conv_weights[layer]);
    tables.push_back(&conv_bias[layer]);
  }
  if (shape.lstm > 0) {
    for (std::vector<float>* table : {&lstm_input, &lstm_bias, &lstm_forward, &lstm_backward}) {
      tables.push_back(table);
    }
  }
  tables.push_back(&output_weights);
  tables.push_back(&output_bias);
  return tables;
}

std::vector<const std::vector<float>*> NeuralModel::TrainedTables() const {
  const std::vector<std::vector<float>*> tables = const_cast<NeuralModel*>(this)->TrainedTables();
  return {tables.begin(), tables.end()};
}

namespace {

// The serialised fields of a shape; schema 3 files end before `lstm`.
std::vector<uint32_t*> ShapeFields(NeuralShape& shape, uint32_t schema) {
  std::vector<uint32_t*> fields = {
      &shape.word_dims,  &shape.hashed_word_dims, &shape.hashed_word_buckets, &shape.case_dims,
      &shape.xpos_dims,  &shape.xpos_buckets,     &shape.affix_dims,          &shape.affix_buckets,
      &shape.hidden,     &shape.depth};
  if (schema >= 4) fields.push_back(&shape.lstm);
  return fields;
}

// How many floats the trained tables of `shape` hold (every factor is at most 2^20).
uint64_t TrainedValues(const NeuralShape& shape) {
  const uint64_t hidden = shape.hidden;
  uint64_t values = shape.word_dims + uint64_t{shape.hashed_word_buckets} * shape.hashed_word_dims +
                    uint64_t{kNeuralCaseKinds} * shape.case_dims +
                    uint64_t{shape.xpos_buckets} * shape.xpos_dims +
                    3ull * shape.affix_buckets * shape.affix_dims;
  values += hidden * kNeuralWindow * shape.input_dims() + hidden;
  values += (shape.depth - 1ull) * (hidden * kNeuralWindow * hidden + hidden);
  const uint64_t gates = 4ull * shape.lstm;
  values += 2 * gates * (hidden + 1) + 2 * gates * shape.lstm;
  return values + kLabelCount * uint64_t{shape.top_dims()} + kLabelCount;
}

}  // namespace

void NeuralModel::Encode(model::Encoder& out) const {
  NeuralShape copy = shape;
  for (uint32_t* value : ShapeFields(copy, kNeuralSchema)) out.PutVarint32(*value);
  out.PutFloat(weight);
  vocabulary.Encode(out);
  out.PutVarint32(static_cast<uint32_t>(word_scales.size()));
  out.PutBytes(std::string_view(reinterpret_cast<const char*>(word_codes.data()),
                                word_codes.size()));
  for (float scale : word_scales) out.PutFloat(scale);
  for (const std::vector<float>* table : TrainedTables()) {
    PutFloats(*table, out);
  }
}

StatusOr<NeuralModel> NeuralModel::Decode(std::string_view bytes, uint32_t schema) {
  model::Decoder in(bytes);
  NeuralShape shape;
  for (uint32_t* value : ShapeFields(shape, schema)) {
    const bool may_be_zero = value == &shape.hashed_word_dims || value == &shape.lstm;
    if (!in.GetVarint32(value) || (*value == 0 && !may_be_zero) || *value > kMaxBuckets) {
      return DataLossError("bad network shape");
    }
  }
  if (shape.word_dims > kMaxDims || shape.hashed_word_dims > kMaxDims ||
      shape.case_dims > kMaxDims || shape.xpos_dims > kMaxDims || shape.affix_dims > kMaxDims ||
      shape.hidden > kMaxDims || shape.depth > 16 || shape.lstm > kMaxDims || TrainedValues(shape) * 4 > bytes.size()) {
    return DataLossError("network larger than its bytes");
  }
  NeuralModel model;
  model.Allocate(shape);
  if (!in.GetFloat(&model.weight) || !std::isfinite(model.weight)) {
    return DataLossError("bad network weight");
  }
  uint32_t rows = 0;
  KH_ASSIGN_OR_RETURN(model.vocabulary, HashTable::Decode(in, 0xFFFFFFFEu));
  if (!in.GetVarint32(&rows) || uint64_t{rows} * (shape.word_dims + 4) > in.remaining() ||
      !model.vocabulary.AllValuesBelow(rows)) {
    return DataLossError("bad vocabulary size");
  }
  std::string_view codes;
  in.GetBytes(size_t{rows} * shape.word_dims, &codes);
  model.word_codes.assign(codes.begin(), codes.end());
  model.word_scales.resize(rows);
  for (float& scale : model.word_scales) {
    if (!in.GetFloat(&scale) || !std::isfinite(scale)) return DataLossError("bad word scale");
  }
  // Allocate() sized every table; the stored ones must have exactly those sizes.
  for (std::vector<float>* table : model.TrainedTables()) {
    if (!GetFloats(in, table->size(), *table)) return DataLossError("bad network table");
  }
  if (!in.done()) return DataLossError("trailing bytes");
  return model;
}

uint32_t NeuralCaseKind(std::string_view form) {
  if (form.empty()) return 6;
  bool upper = false, lower = false, digit = false, other = false, punct_only = true;
  for (char c : form) {
    upper |= IsAsciiUpper(c);
    lower |= IsAsciiLower(c);
    digit |= IsAsciiDigit(c);
    other |= static_cast<unsigned char>(c) >= 0x80;
    punct_only &= IsAsciiPunct(c);
  }
  if (punct_only) return 5;
  if (digit) return 4;
  if (upper && !lower) return 2;
  if (IsAsciiUpper(form[0])) {
    return std::any_of(form.begin() + 1, form.end(), IsAsciiUpper) ? 3 : 1;
  }
  if (upper) return 3;
  if (lower) return 0;
  return other ? 6 : 7;
}

void AppendNeuralShape(std::string_view form, std::string& out) {
  char last = 0;
  int run = 0;
  for (char c : form) {
    const char symbol = IsAsciiUpper(c) ? 'X' : IsAsciiLower(c) ? 'x' : IsAsciiDigit(c) ? 'd' : c;
    run = symbol == last ? run + 1 : 1;
    last = symbol;
    if (run <= 4) out += symbol;
  }
}

NeuralWordIds NeuralIds(const NeuralModel& model, const WordInput& word, std::string& lower,
                        std::string& buffer) {
  const NeuralShape& shape = model.shape;
  lower.clear();
  AppendLower(word.form, lower);
  NeuralWordIds ids;
  const uint64_t key = WordKey(lower);
  ids.word_row = model.vocabulary.Find(key);
  ids.hashed_word = static_cast<uint32_t>(key % shape.hashed_word_buckets);
  ids.case_kind = NeuralCaseKind(word.form);
  ids.xpos = static_cast<uint32_t>(HashBytes(40, word.xpos) % shape.xpos_buckets);
  ids.prefix = static_cast<uint32_t>(HashBytes(41, lower.substr(0, 3)) % shape.affix_buckets);
  const std::string_view tail =
      lower.size() > 3 ? std::string_view(lower).substr(lower.size() - 3) : lower;
  ids.suffix = static_cast<uint32_t>(HashBytes(42, tail) % shape.affix_buckets);
  buffer.clear();
  AppendNeuralShape(word.form, buffer);
  ids.shape = static_cast<uint32_t>(HashBytes(43, buffer) % shape.affix_buckets);
  return ids;
}

namespace {

float* CopyRow(const std::vector<float>& table, uint32_t row, uint32_t dims, float* out) {
  const float* from = table.data() + size_t{row} * dims;
  return std::copy(from, from + dims, out);
}

}  // namespace

void NeuralFillColumn(const NeuralModel& model, const NeuralWordIds& ids, float* column) {
  const NeuralShape& shape = model.shape;
  if (ids.word_row == HashTable::kMissing) {
    column = std::copy(model.unknown_word.begin(), model.unknown_word.end(), column);
  } else {
    const int8_t* codes = model.word_codes.data() + size_t{ids.word_row} * shape.word_dims;
    const float scale = model.word_scales[ids.word_row];
    for (uint32_t d = 0; d < shape.word_dims; ++d) *column++ = codes[d] * scale;
  }
  column = CopyRow(model.hashed_word_table, ids.hashed_word, shape.hashed_word_dims, column);
  column = CopyRow(model.case_table, ids.case_kind, shape.case_dims, column);
  column = CopyRow(model.xpos_table, ids.xpos, shape.xpos_dims, column);
  column = CopyRow(model.prefix_table, ids.prefix, shape.affix_dims, column);
  column = CopyRow(model.suffix_table, ids.suffix, shape.affix_dims, column);
  CopyRow(model.shape_table, ids.shape, shape.affix_dims, column);
}

void NeuralInput(const NeuralModel& model, std::span<const WordInput> words,
                 NeuralScratch& scratch) {
  const size_t dims = model.shape.input_dims();
  scratch.input.resize(dims * words.size());
  for (size_t word = 0; word < words.size(); ++word) {
    NeuralFillColumn(model, NeuralIds(model, words[word], scratch.lower, scratch.buffer),
                     scratch.input.data() + word * dims);
  }
}

namespace {

// The column that block `block` of column t's window reads (t - 1, t or t + 1), or -1 when
// that column is outside the n columns or in another sentence.
ptrdiff_t WindowSource(size_t t, uint32_t block, size_t n, std::span<const uint32_t> sentence_of) {
  const ptrdiff_t source = static_cast<ptrdiff_t>(t) + block - 1;
  const bool inside = source >= 0 && static_cast<size_t>(source) < n &&
                      (sentence_of.empty() || sentence_of[source] == sentence_of[t]);
  return inside ? source : -1;
}

}  // namespace

void NeuralIm2Col(const float* in, uint32_t rows, size_t n, std::span<const uint32_t> sentence_of,
                  float* columns) {
  for (size_t t = 0; t < n; ++t) {
    for (uint32_t block = 0; block < kNeuralWindow; ++block) {
      float* out = columns + (t * kNeuralWindow + block) * rows;
      const ptrdiff_t source = WindowSource(t, block, n, sentence_of);
      if (source >= 0) {
        std::copy(in + source * rows, in + (source + 1) * rows, out);
      } else {
        std::fill(out, out + rows, 0.0f);
      }
    }
  }
}

void NeuralCol2ImAdd(const float* columns, uint32_t rows, size_t n,
                     std::span<const uint32_t> sentence_of, float* in_gradient) {
  for (size_t t = 0; t < n; ++t) {
    for (uint32_t block = 0; block < kNeuralWindow; ++block) {
      const ptrdiff_t source = WindowSource(t, block, n, sentence_of);
      if (source < 0) continue;
      const float* from = columns + (t * kNeuralWindow + block) * rows;
      float* to = in_gradient + source * rows;
      for (uint32_t row = 0; row < rows; ++row) to[row] += from[row];
    }
  }
}

std::vector<std::pair<size_t, size_t>> NeuralSentenceRanges(size_t columns,
                                                            std::span<const uint32_t> sentence_of) {
  std::vector<std::pair<size_t, size_t>> ranges;
  size_t begin = 0;
  for (size_t t = 1; t <= columns; ++t) {
    if (t == columns || (!sentence_of.empty() && sentence_of[t] != sentence_of[t - 1])) {
      ranges.emplace_back(begin, t);
      begin = t;
    }
  }
  return ranges;
}

namespace {

float Sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

// One direction of the BiLSTM over the columns [begin, end) of one sentence: forward (0) from
// begin, backward (1) from end - 1. Reads scratch.lstm_projection, writes that direction's
// rows of the gates, cells, their tanh and the states.
void LstmDirection(const NeuralModel& model, uint32_t direction, size_t begin, size_t end,
                   NeuralScratch& scratch) {
  const uint32_t units = model.shape.lstm;
  const Eigen::Index gates = 4 * Eigen::Index{units};
  const ConstMatrix recurrent((direction == 0 ? model.lstm_forward : model.lstm_backward).data(),
                              gates, units);
  const std::vector<float> zeros(units, 0.0f);
  const float* previous_state = zeros.data();
  const float* previous_cell = zeros.data();
  Eigen::VectorXf z(gates);
  for (size_t k = 0; k < end - begin; ++k) {
    const auto [t, gate_at, state_at] = LstmStepAt(units, direction, begin, end, k);
    z.noalias() = ConstVector(scratch.lstm_projection.data() + gate_at, gates) +
                  recurrent * ConstVector(previous_state, units);
    float* gate = scratch.lstm_gates.data() + gate_at;
    float* cell = scratch.lstm_cells.data() + state_at;
    float* cell_tanh = scratch.lstm_cell_tanh.data() + state_at;
    float* state = scratch.lstm_states.data() + state_at;
    for (uint32_t u = 0; u < units; ++u) {
      const float in = Sigmoid(z[u]), forget = Sigmoid(z[units + u]);
      const float candidate = std::tanh(z[2 * units + u]), out = Sigmoid(z[3 * units + u]);
      gate[u] = in;
      gate[units + u] = forget;
      gate[2 * units + u] = candidate;
      gate[3 * units + u] = out;
      cell[u] = forget * previous_cell[u] + in * candidate;
      cell_tanh[u] = std::tanh(cell[u]);
      state[u] = out * cell_tanh[u];
    }
    previous_state = state;
    previous_cell = cell;
  }
}

// The BiLSTM over the last convolution layer, and scratch.top: that layer over the forward
// and backward states (the states through masks.lstm).
void LstmForward(const NeuralModel& model, size_t columns, std::span<const uint32_t> sentence_of,
                 const NeuralMasks& masks, NeuralScratch& scratch) {
  const auto n = static_cast<Eigen::Index>(columns);
  const uint32_t hidden = model.shape.hidden, units = model.shape.lstm;
  const Eigen::Index gate_rows = 8 * Eigen::Index{units}, state_rows = 2 * Eigen::Index{units};
  const ConstMatrix below(scratch.hidden[model.shape.depth - 1].data(), hidden, n);
  scratch.lstm_projection.resize(gate_rows * columns);
  Matrix projection(scratch.lstm_projection.data(), gate_rows, n);
  projection.noalias() = ConstMatrix(model.lstm_input.data(), gate_rows, hidden) * below;
  projection.colwise() += ConstVector(model.lstm_bias.data(), gate_rows);
  scratch.lstm_gates.resize(gate_rows * columns);
  for (std::vector<float>* buffer :
       {&scratch.lstm_cells, &scratch.lstm_cell_tanh, &scratch.lstm_states}) {
    buffer->resize(state_rows * columns);
  }
  for (const auto& [begin, end] : NeuralSentenceRanges(columns, sentence_of)) {
    LstmDirection(model, 0, begin, end, scratch);
    LstmDirection(model, 1, begin, end, scratch);
  }
  scratch.top.resize(size_t{model.shape.top_dims()} * columns);
  Matrix top(scratch.top.data(), model.shape.top_dims(), n);
  top.topRows(hidden) = below;
  top.bottomRows(state_rows) = ConstMatrix(scratch.lstm_states.data(), state_rows, n);
  if (!masks.lstm.empty()) {
    top.bottomRows(state_rows).array() *=
        ConstMatrix(masks.lstm.data(), state_rows, n).array();
  }
}

}  // namespace

const float* NeuralTop(const NeuralModel& model, const NeuralScratch& scratch) {
  return model.shape.lstm > 0 ? scratch.top.data()
                              : scratch.hidden[model.shape.depth - 1].data();
}

void NeuralForward(const NeuralModel& model, size_t columns, std::span<const uint32_t> sentence_of,
                   const NeuralMasks& masks, NeuralScratch& scratch) {
  const auto n = static_cast<Eigen::Index>(columns);
  const uint32_t hidden = model.shape.hidden;
  const uint32_t depth = model.shape.depth;
  if (!masks.input.empty()) {
    Matrix(scratch.input.data(), model.shape.input_dims(), n).array() *=
        ConstMatrix(masks.input.data(), model.shape.input_dims(), n).array();
  }
  scratch.columns.resize(depth);
  scratch.branch.resize(depth);
  scratch.hidden.resize(depth);
  for (uint32_t layer = 0; layer < depth; ++layer) {
    const uint32_t in_rows = layer == 0 ? model.shape.input_dims() : hidden;
    const float* in = layer == 0 ? scratch.input.data() : scratch.hidden[layer - 1].data();
    std::vector<float>& window = scratch.columns[layer];
    window.resize(size_t{kNeuralWindow} * in_rows * columns);
    NeuralIm2Col(in, in_rows, columns, sentence_of, window.data());
    scratch.branch[layer].resize(size_t{hidden} * columns);
    Matrix branch(scratch.branch[layer].data(), hidden, n);
    branch.noalias() =
        ConstMatrix(model.conv_weights[layer].data(), hidden, kNeuralWindow * in_rows) *
        ConstMatrix(window.data(), kNeuralWindow * in_rows, n);
    BiasReluMask(branch, model.conv_bias[layer],
                 layer < masks.layers.size() ? masks.layers[layer] : std::span<const float>());
    scratch.hidden[layer] = scratch.branch[layer];
    if (layer > 0) {
      Matrix(scratch.hidden[layer].data(), hidden, n) += ConstMatrix(in, hidden, n);
    }
  }
  if (model.shape.lstm > 0) LstmForward(model, columns, sentence_of, masks, scratch);
  const uint32_t top_dims = model.shape.top_dims();
  scratch.logits.resize(size_t{kLabelCount} * columns);
  Matrix logits(scratch.logits.data(), kLabelCount, n);
  logits.noalias() = ConstMatrix(model.output_weights.data(), kLabelCount, top_dims) *
                     ConstMatrix(NeuralTop(model, scratch), top_dims, n);
  logits.colwise() += ConstVector(model.output_bias.data(), kLabelCount);
}

void NeuralLogProbs(const NeuralModel& model, std::span<const WordInput> words,
                    NeuralScratch& scratch, float* out) {
  if (words.empty()) return;
  NeuralInput(model, words, scratch);
  NeuralForward(model, words.size(), {}, {}, scratch);
  for (size_t word = 0; word < words.size(); ++word) {
    const float* logits = scratch.logits.data() + word * kLabelCount;
    const float top = *std::max_element(logits, logits + kLabelCount);
    double sum = 0;
    for (uint32_t label = 0; label < kLabelCount; ++label) sum += std::exp(logits[label] - top);
    const float log_sum = top + static_cast<float>(std::log(sum));
    for (uint32_t label = 0; label < kLabelCount; ++label) {
      out[word * kLabelCount + label] = logits[label] - log_sum;
    }
  }
}

}  // namespace khabar::ner::internal
