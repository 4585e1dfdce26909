#include "khabar/ner/internal/neural_train.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <unordered_set>

namespace khabar::ner::internal {
namespace {

using ConstMatrix = Eigen::Map<const Eigen::MatrixXf>;
using Matrix = Eigen::Map<Eigen::MatrixXf>;
using ConstVector = Eigen::Map<const Eigen::VectorXf>;

// Uniform in [0, 1) from the generator's bits, the same on every platform.
float Uniform(std::mt19937_64& rng) { return static_cast<float>(rng() >> 40) * 0x1p-24f; }

void FillUniform(std::vector<float>& values, float limit, std::mt19937_64& rng) {
  for (float& value : values) value = (2.0f * Uniform(rng) - 1.0f) * limit;
}

// Adam (Kingma & Ba 2015) over one parameter table.
struct AdamSlot {
  std::vector<float>* values = nullptr;
  std::vector<float> gradient, first, second;
};

class Adam {
 public:
  Adam(float learning_rate, std::vector<std::vector<float>*> tables)
      : learning_rate_(learning_rate) {
    for (std::vector<float>* table : tables) {
      AdamSlot slot;
      slot.values = table;
      slot.gradient.assign(table->size(), 0.0f);
      slot.first.assign(table->size(), 0.0f);
      slot.second.assign(table->size(), 0.0f);
      slots_.push_back(std::move(slot));
    }
  }
  std::vector<float>& gradient(size_t table) { return slots_[table].gradient; }

  void Step() {
    ++steps_;
    constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEpsilon = 1e-8f;
    const float correction1 = 1.0f - std::pow(kBeta1, static_cast<float>(steps_));
    const float correction2 = 1.0f - std::pow(kBeta2, static_cast<float>(steps_));
    const float rate = learning_rate_ * std::sqrt(correction2) / correction1;
    for (AdamSlot& slot : slots_) {
      float* values = slot.values->data();
      for (size_t i = 0; i < slot.gradient.size(); ++i) {
        const float g = slot.gradient[i];
        slot.first[i] = kBeta1 * slot.first[i] + (1.0f - kBeta1) * g;
        slot.second[i] = kBeta2 * slot.second[i] + (1.0f - kBeta2) * g * g;
        values[i] -= rate * slot.first[i] / (std::sqrt(slot.second[i]) + kEpsilon);
        slot.gradient[i] = 0.0f;
      }
    }
  }

 private:
  float learning_rate_;
  int steps_ = 0;
  std::vector<AdamSlot> slots_;
};

// Indices of the trained tables in the Adam slots (NeuralModel::TrainedTables() order); the
// layers' weights and biases follow, then the output's.
enum Table : size_t { kUnknown, kHashedWord, kCase, kXpos, kPrefix, kSuffix, kShape, kFirstLayer };

void Initialise(NeuralModel& model, std::mt19937_64& rng) {
  const float input_fan = static_cast<float>(kNeuralWindow * model.shape.input_dims());
  const float hidden = static_cast<float>(model.shape.hidden);
  FillUniform(model.unknown_word, 0.1f, rng);
  // Hashed words start at zero, so that a bucket no training word reaches adds nothing.
  for (std::vector<float>* table : {&model.case_table,
                                    &model.xpos_table, &model.prefix_table, &model.suffix_table,
                                    &model.shape_table}) {
    FillUniform(*table, 0.25f, rng);
  }
  for (uint32_t layer = 0; layer < model.shape.depth; ++layer) {
    const float fan_in = layer == 0 ? input_fan : kNeuralWindow * hidden;
    FillUniform(model.conv_weights[layer], std::sqrt(6.0f / (fan_in + hidden)), rng);
  }
  const uint32_t units = model.shape.lstm;
  if (units > 0) {
    FillUniform(model.lstm_input, std::sqrt(6.0f / (hidden + 4.0f * units)), rng);
    FillUniform(model.lstm_forward, std::sqrt(6.0f / (5.0f * units)), rng);
    FillUniform(model.lstm_backward, std::sqrt(6.0f / (5.0f * units)), rng);
    for (uint32_t direction = 0; direction < 2; ++direction) {  // forget gates start open
      std::fill_n(model.lstm_bias.begin() + (4 * direction + 1) * units, units, 1.0f);
    }
  }
  const float top = static_cast<float>(model.shape.top_dims());
  FillUniform(model.output_weights, std::sqrt(6.0f / (top + kLabelCount)), rng);
}

// Scaled keep masks: 0 with probability `rate`, else 1 / (1 - rate).
void DrawMask(size_t size, float rate, std::mt19937_64& rng, std::vector<float>& mask) {
  mask.resize(size);
  const float keep = 1.0f / (1.0f - rate);
  for (float& value : mask) value = Uniform(rng) < rate ? 0.0f : keep;
}

// One minibatch: its words' ids and labels, and per column its sentence.
struct Batch {
  std::vector<NeuralWordIds> ids;
  std::vector<uint8_t> labels;
  std::vector<uint32_t> sentence_of;

  void Clear() {
    ids.clear();
    labels.clear();
    sentence_of.clear();
  }
  // Appends the words of examples.sentences[sentence], whose ids are in `word_ids` (one per
  // example word), as the batch's sentence `key`.
  void AddSentence(const NeuralExamples& examples, std::span<const NeuralWordIds> word_ids,
                   size_t sentence, uint32_t key) {
    const auto [first, last] = examples.sentences[sentence];
    for (uint32_t word = first; word < last; ++word) {
      ids.push_back(word_ids[word]);
      labels.push_back(static_cast<uint8_t>(examples.labels[word]));
      sentence_of.push_back(key);
    }
  }
};

// The ids of every example word, computed once.
std::vector<NeuralWordIds> ExampleIds(const NeuralModel& model, const NeuralExamples& examples) {
  std::vector<NeuralWordIds> ids(examples.words.size());
  std::string lower, buffer;
  for (size_t word = 0; word < ids.size(); ++word) {
    ids[word] = NeuralIds(model, examples.words[word], lower, buffer);
  }
  return ids;
}

class Trainer {
 public:
  Trainer(NeuralModel& model, const NeuralTrainOptions& options)
      : model_(model),
        options_(options),
        adam_(options.learning_rate, model.TrainedTables()),
        lstm_(kFirstLayer + 2 * model.shape.depth),
        output_(lstm_ + (model.shape.lstm > 0 ? 4 : 0)) {}

  // Forward, backward and one Adam step; returns the batch's summed loss.
  double Step(const Batch& batch, std::mt19937_64& rng) {
    const double loss = Gradients(batch, rng);
    adam_.Step();
    return loss;
  }

  // Forward and backward: the batch's summed loss, its mean gradient added to the Adam slots.
  double Gradients(const Batch& batch, std::mt19937_64& rng) {
    const size_t n = batch.ids.size();
    const uint32_t dims = model_.shape.input_dims();
    const uint32_t hidden = model_.shape.hidden;
    scratch_.input.resize(size_t{dims} * n);
    for (size_t t = 0; t < n; ++t) {
      NeuralFillColumn(model_, batch.ids[t], scratch_.input.data() + t * dims);
    }
    DrawMask(scratch_.input.size(), options_.dropout, rng, input_mask_);
    layer_masks_.resize(model_.shape.depth);
    NeuralMasks masks;
    masks.input = input_mask_;
    for (std::vector<float>& mask : layer_masks_) {
      DrawMask(size_t{hidden} * n, options_.dropout, rng, mask);
      masks.layers.push_back(mask);
    }
    if (model_.shape.lstm > 0) {
      DrawMask(2 * size_t{model_.shape.lstm} * n, options_.dropout, rng, lstm_mask_);
      masks.lstm = lstm_mask_;
    }
    NeuralForward(model_, n, batch.sentence_of, masks, scratch_);
    const double loss = OutputGradient(batch);
    Backward(batch);
    return loss;
  }

  const std::vector<float>& gradient(size_t table) { return adam_.gradient(table); }

 private:
  // logits -> (softmax - one-hot) / n in place; the summed cross-entropy.
  double OutputGradient(const Batch& batch) {
    const size_t n = batch.ids.size();
    double loss = 0;
    for (size_t t = 0; t < n; ++t) {
      float* logits = scratch_.logits.data() + t * kLabelCount;
      const float top = *std::max_element(logits, logits + kLabelCount);
      double sum = 0;
      for (uint32_t label = 0; label < kLabelCount; ++label) {
        logits[label] = std::exp(logits[label] - top);
        sum += logits[label];
      }
      loss -= std::log(logits[batch.labels[t]] / sum);
      for (uint32_t label = 0; label < kLabelCount; ++label) {
        logits[label] = static_cast<float>(logits[label] / sum) / static_cast<float>(n);
      }
      logits[batch.labels[t]] -= 1.0f / static_cast<float>(n);
    }
    return loss;
  }

  // out[row] += the sum of the row, column by column. Eigen's rowwise().sum() vectorises from
  // the first aligned address, so its summation order (and the trained model) would depend on
  // where the allocator put the buffer; this order does not.
  static void AddRowSums(const Eigen::Ref<const Eigen::MatrixXf>& gradient, float* out) {
    for (Eigen::Index column = 0; column < gradient.cols(); ++column) {
      const float* values = gradient.data() + column * gradient.rows();
      for (Eigen::Index row = 0; row < gradient.rows(); ++row) out[row] += values[row];
    }
  }

  // Gradient of a ReLU layer's output (after its mask) -> of its pre-activation, in place.
  static void ThroughReluMask(Matrix gradient, const std::vector<float>& activation,
                              const std::vector<float>& mask) {
    const ConstMatrix out(activation.data(), gradient.rows(), gradient.cols());
    const ConstMatrix keep(mask.data(), gradient.rows(), gradient.cols());
    gradient.array() *= (out.array() > 0.0f).cast<float>() * keep.array();
  }

  void Backward(const Batch& batch) {
    const auto n = static_cast<Eigen::Index>(batch.ids.size());
    const uint32_t hidden = model_.shape.hidden;
    const uint32_t depth = model_.shape.depth;
    const uint32_t top_dims = model_.shape.top_dims();
    const ConstMatrix d_logits(scratch_.logits.data(), kLabelCount, n);
    Matrix(adam_.gradient(output_).data(), kLabelCount, top_dims).noalias() +=
        d_logits * ConstMatrix(NeuralTop(model_, scratch_), top_dims, n).transpose();
    AddRowSums(d_logits, adam_.gradient(output_ + 1).data());
    d_top_.resize(size_t{top_dims} * n);
    Matrix(d_top_.data(), top_dims, n).noalias() =
        ConstMatrix(model_.output_weights.data(), kLabelCount, top_dims).transpose() * d_logits;
    if (model_.shape.lstm > 0) {
      LstmBackward(batch);
    } else {
      d_hidden_ = d_top_;
    }
    for (uint32_t layer = depth; layer-- > 0;) {
      const uint32_t in_rows = layer == 0 ? model_.shape.input_dims() : hidden;
      const uint32_t window = kNeuralWindow * in_rows;
      d_branch_ = d_hidden_;
      Matrix d_branch(d_branch_.data(), hidden, n);
      ThroughReluMask(d_branch, scratch_.branch[layer], layer_masks_[layer]);
      Matrix(adam_.gradient(kFirstLayer + 2 * layer).data(), hidden, window).noalias() +=
          d_branch * ConstMatrix(scratch_.columns[layer].data(), window, n).transpose();
      AddRowSums(d_branch, adam_.gradient(kFirstLayer + 2 * layer + 1).data());
      d_columns_.resize(size_t{window} * n);
      Matrix(d_columns_.data(), window, n).noalias() =
          ConstMatrix(model_.conv_weights[layer].data(), hidden, window).transpose() * d_branch;
      if (layer > 0) {  // residual: the layer's input gets its output's gradient as well
        NeuralCol2ImAdd(d_columns_.data(), hidden, n, batch.sentence_of, d_hidden_.data());
      } else {
        d_input_.assign(size_t{in_rows} * n, 0.0f);
        NeuralCol2ImAdd(d_columns_.data(), in_rows, n, batch.sentence_of, d_input_.data());
      }
    }
    ScatterInputGradient(batch);
  }

  // d_top_ -> the BiLSTM's gradients, and d_hidden_: the last convolution layer's (its direct
  // share in d_top_ plus what the LSTM input weights pass down).
  void LstmBackward(const Batch& batch) {
    const auto n = static_cast<Eigen::Index>(batch.ids.size());
    const uint32_t hidden = model_.shape.hidden, units = model_.shape.lstm;
    const Eigen::Index gate_rows = 8 * Eigen::Index{units}, state_rows = 2 * Eigen::Index{units};
    const ConstMatrix d_top(d_top_.data(), model_.shape.top_dims(), n);
    d_states_.resize(state_rows * n);
    Matrix d_states(d_states_.data(), state_rows, n);
    d_states = d_top.bottomRows(state_rows).array() *
               ConstMatrix(lstm_mask_.data(), state_rows, n).array();
    d_gates_.assign(gate_rows * n, 0.0f);
    previous_states_.assign(state_rows * n, 0.0f);
    for (const auto& [begin, end] : NeuralSentenceRanges(batch.ids.size(), batch.sentence_of)) {
      LstmDirectionBackward(0, begin, end);
      LstmDirectionBackward(1, begin, end);
    }
    const ConstMatrix d_gates(d_gates_.data(), gate_rows, n);
    const ConstMatrix previous(previous_states_.data(), state_rows, n);
    const Eigen::Index gates = 4 * Eigen::Index{units};
    for (uint32_t direction = 0; direction < 2; ++direction) {
      Matrix(adam_.gradient(lstm_ + 2 + direction).data(), gates, units).noalias() +=
          d_gates.middleRows(direction * gates, gates) *
          previous.middleRows(direction * Eigen::Index{units}, units).transpose();
    }
    const ConstMatrix below(scratch_.hidden[model_.shape.depth - 1].data(), hidden, n);
    Matrix(adam_.gradient(lstm_).data(), gate_rows, hidden).noalias() +=
        d_gates * below.transpose();
    AddRowSums(d_gates, adam_.gradient(lstm_ + 1).data());
    d_hidden_.resize(size_t{hidden} * n);
    Matrix d_hidden(d_hidden_.data(), hidden, n);
    d_hidden = d_top.topRows(hidden);
    d_hidden.noalias() +=
        ConstMatrix(model_.lstm_input.data(), gate_rows, hidden).transpose() * d_gates;
  }

  // Backpropagation through time for one direction over one sentence (see LstmDirection in
  // neural.cc): fills that direction's rows of d_gates_ (the pre-activation gradients) and of
  // previous_states_ (the state each step read).
  void LstmDirectionBackward(uint32_t direction, size_t begin, size_t end) {
    const uint32_t units = model_.shape.lstm;
    const Eigen::Index gates = 4 * Eigen::Index{units};
    const ConstMatrix recurrent(
        (direction == 0 ? model_.lstm_forward : model_.lstm_backward).data(), gates, units);
    Eigen::VectorXf d_state_next = Eigen::VectorXf::Zero(units);
    Eigen::VectorXf d_cell_next = Eigen::VectorXf::Zero(units);
    for (size_t k = end - begin; k-- > 0;) {
      const auto [t, gate_at, state_at] = LstmStepAt(units, direction, begin, end, k);
      const float* gate = scratch_.lstm_gates.data() + gate_at;
      const float* cell_tanh = scratch_.lstm_cell_tanh.data() + state_at;
      const float* d_state = d_states_.data() + state_at;
      const float* previous_cell = nullptr;
      if (k > 0) {
        const size_t previous_at = LstmStepAt(units, direction, begin, end, k - 1).state_at;
        previous_cell = scratch_.lstm_cells.data() + previous_at;
        std::copy_n(scratch_.lstm_states.data() + previous_at, units,
                    previous_states_.data() + state_at);
      }
      float* d_gate = d_gates_.data() + gate_at;
      for (uint32_t u = 0; u < units; ++u) {
        const float in = gate[u], forget = gate[units + u];
        const float candidate = gate[2 * units + u], out = gate[3 * units + u];
        const float dh = d_state[u] + d_state_next[u];
        const float dc = dh * out * (1.0f - cell_tanh[u] * cell_tanh[u]) + d_cell_next[u];
        d_gate[u] = dc * candidate * in * (1.0f - in);
        d_gate[units + u] =
            previous_cell ? dc * previous_cell[u] * forget * (1.0f - forget) : 0.0f;
        d_gate[2 * units + u] = dc * in * (1.0f - candidate * candidate);
        d_gate[3 * units + u] = dh * cell_tanh[u] * out * (1.0f - out);
        d_cell_next[u] = dc * forget;
      }
      d_state_next.noalias() = recurrent.transpose() * ConstVector(d_gate, gates);
    }
  }

  // The input gradient (through the input mask) into the trained tables.
  void ScatterInputGradient(const Batch& batch) {
    const NeuralShape& shape = model_.shape;
    const uint32_t dims = shape.input_dims();
    auto add = [](const float* from, uint32_t size, float* to) {
      for (uint32_t i = 0; i < size; ++i) to[i] += from[i];
    };
    for (size_t t = 0; t < batch.ids.size(); ++t) {
      float* gradient = d_input_.data() + t * dims;
      const float* mask = input_mask_.data() + t * dims;
      for (uint32_t d = 0; d < dims; ++d) gradient[d] *= mask[d];
      const NeuralWordIds& ids = batch.ids[t];
      if (ids.word_row == HashTable::kMissing) {
        add(gradient, shape.word_dims, adam_.gradient(kUnknown).data());
      }
      gradient += shape.word_dims;
      const std::pair<Table, uint32_t> rows[] = {
          {kHashedWord, ids.hashed_word}, {kCase, ids.case_kind}, {kXpos, ids.xpos},
          {kPrefix, ids.prefix},          {kSuffix, ids.suffix},  {kShape, ids.shape}};
      for (const auto& [table, row] : rows) {
        const uint32_t size = TableDims(table);
        add(gradient, size, adam_.gradient(table).data() + size_t{row} * size);
        gradient += size;
      }
    }
  }

  uint32_t TableDims(Table table) const {
    const NeuralShape& shape = model_.shape;
    switch (table) {
      case kHashedWord: return shape.hashed_word_dims;
      case kCase: return shape.case_dims;
      case kXpos: return shape.xpos_dims;
      default: return shape.affix_dims;
    }
  }

  NeuralModel& model_;
  const NeuralTrainOptions& options_;
  Adam adam_;
  NeuralScratch scratch_;
  size_t lstm_;    // Adam slot of the LSTM input weights (bias, forward, backward follow)
  size_t output_;  // Adam slot of the output weights (its bias is the next)
  std::vector<float> input_mask_, lstm_mask_;
  std::vector<std::vector<float>> layer_masks_;
  std::vector<float> d_hidden_, d_branch_, d_columns_, d_input_, d_top_;
  std::vector<float> d_states_, d_gates_, previous_states_;
};

void Report(const NeuralTrainOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

}  // namespace

double NeuralLossAndGradients(NeuralModel& model, const NeuralExamples& examples,
                              std::vector<std::vector<float>>& gradients) {
  NeuralTrainOptions options;
  options.dropout = 0.0f;
  Trainer trainer(model, options);
  const std::vector<NeuralWordIds> ids = ExampleIds(model, examples);
  Batch batch;
  for (uint32_t sentence = 0; sentence < examples.sentences.size(); ++sentence) {
    batch.AddSentence(examples, ids, sentence, sentence);
  }
  std::mt19937_64 rng(1);
  const double loss = trainer.Gradients(batch, rng);
  gradients.clear();
  for (size_t table = 0; table < model.TrainedTables().size(); ++table) {
    gradients.push_back(trainer.gradient(table));
  }
  return loss / static_cast<double>(batch.ids.size());
}

NeuralModel NeuralModelWithVectors(const WordVectors& vectors, const NeuralShape& shape) {
  NeuralModel model;
  model.Allocate(shape);
  std::vector<uint64_t> kept_keys;
  std::vector<uint32_t> rows;
  std::unordered_set<uint64_t> seen;
  std::string lower;
  for (size_t word = 0; word < vectors.words.size(); ++word) {
    lower.clear();
    AppendLower(vectors.words[word], lower);
    const uint64_t key = WordKey(lower);
    if (!seen.insert(key).second) continue;  // the first, most frequent word keeps the key
    const float* values = vectors.Row(word);
    float largest = 0;
    for (uint32_t d = 0; d < shape.word_dims; ++d) largest = std::max(largest, std::abs(values[d]));
    const float scale = largest > 0 ? largest / 127.0f : 1.0f;
    for (uint32_t d = 0; d < shape.word_dims; ++d) {
      model.word_codes.push_back(static_cast<int8_t>(std::lround(values[d] / scale)));
    }
    rows.push_back(static_cast<uint32_t>(model.word_scales.size()));
    model.word_scales.push_back(scale);
    kept_keys.push_back(key);
  }
  model.vocabulary = HashTable::Build(kept_keys, rows);
  return model;
}

StatusOr<NeuralModel> TrainNeural(const WordVectors& vectors, const NeuralExamples& examples,
                                  const std::function<double(const NeuralModel&)>& dev_score,
                                  const NeuralTrainOptions& options) {
  if (vectors.dimensions != options.shape.word_dims) {
    return InvalidArgumentError("word vectors have " + std::to_string(vectors.dimensions) +
                                " dimensions, the network " +
                                std::to_string(options.shape.word_dims));
  }
  if (examples.sentences.empty()) return InvalidArgumentError("no training sentences");
  NeuralModel model = NeuralModelWithVectors(vectors, options.shape);
  std::mt19937_64 rng(options.seed);
  Initialise(model, rng);
  // Each word's ids once; word dropout replaces the row per epoch.
  const std::vector<NeuralWordIds> ids = ExampleIds(model, examples);
  Trainer trainer(model, options);
  std::vector<size_t> order(examples.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  NeuralModel best = model;
  double best_score = -1;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    double loss = 0;
    size_t words = 0;
    Batch batch;
    for (size_t begin = 0; begin < order.size(); begin += options.batch_sentences) {
      batch.Clear();
      const size_t end = std::min(order.size(), begin + options.batch_sentences);
      for (size_t k = begin; k < end; ++k) {
        batch.AddSentence(examples, ids, order[k], static_cast<uint32_t>(k));
      }
      for (NeuralWordIds& word_ids : batch.ids) {  // word dropout, one draw per word in order
        if (Uniform(rng) < options.word_dropout) {
          word_ids.word_row = HashTable::kMissing;
          word_ids.hashed_word = 0;
        }
      }
      if (batch.ids.empty()) continue;
      loss += trainer.Step(batch, rng);
      words += batch.ids.size();
    }
    const double score = dev_score ? dev_score(model) : 0.0;
    Report(options, "network epoch " + std::to_string(epoch) + ": loss " +
                        std::to_string(loss / std::max<size_t>(words, 1)) + ", dev " +
                        std::to_string(score));
    if (!dev_score || score > best_score) {
      best_score = score;
      best = model;
      since_best = 0;
    } else if (++since_best >= options.patience) {
      break;
    }
  }
  return best;
}

}  // namespace khabar::ner::internal
