// The neural scorer of the NER model: a two-layer convolutional network over pretrained word
// vectors (Collobert et al. 2011, "window approach", with a second layer; Strubell et al.
// 2017 show such stacks match BiLSTMs on NER). Its per-word label log-probabilities are added,
// times a weight, to the perceptron's emission scores before Viterbi (recognizer.cc), so that
// the perceptron's sparse features and the network's dense ones vote together.
//
// Input of word t: its GloVe vector (lowercased form; frozen, 8-bit, a trained vector for
// words without one), and small trained embeddings of its case kind, its predicted XPOS and
// its last three bytes. Layer 1 sees words t-1, t, t+1 of the input, layer 2 the same window
// of layer 1 (so each word sees two words either side); both ReLU; then a linear layer to the
// kLabelCount labels and a softmax. Words outside the sentence are zeros. Optionally
// (shape.lstm > 0, an experiment that did not beat the windows: tools/recipes/ner.md) a
// BiLSTM reads the last layer over the whole sentence, and the output layer reads both.
//
//   std::vector<float> log_probs(words.size() * kLabelCount);
//   NeuralScratch scratch;
//   NeuralLogProbs(model, words, scratch, log_probs.data());
//
// Thread-safety: NeuralModel is immutable once built; each thread needs its own scratch.
#ifndef KHABAR_NER_INTERNAL_NEURAL_H_
#define KHABAR_NER_INTERNAL_NEURAL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/model/coding.h"
#include "khabar/ner/internal/features.h"
#include "khabar/ner/internal/hash_table.h"

namespace khabar::ner::internal {

inline constexpr uint32_t kNeuralCaseKinds = 8;
inline constexpr uint32_t kNeuralWindow = 3;  // each layer sees t-1, t, t+1
// The NER model schema whose network layout NeuralModel::Encode writes (recognizer.h).
inline constexpr uint32_t kNeuralSchema = 4;

// Sizes of the network; all serialised, so a model describes itself.
struct NeuralShape {
  uint32_t word_dims = 100;  // pretrained (frozen)
  uint32_t hashed_word_dims = 0;  // 0: none (32 overfitted on UNER EWT)
  uint32_t hashed_word_buckets = 1;
  uint32_t case_dims = 8;
  uint32_t xpos_dims = 16;
  uint32_t xpos_buckets = 64;
  uint32_t affix_dims = 16;  // each of prefix, suffix and shape
  uint32_t affix_buckets = 4096;
  uint32_t hidden = 128;
  uint32_t depth = 2;  // convolution layers; the second and later are residual
  uint32_t lstm = 0;   // units of each direction of the BiLSTM over the last layer; 0: none

  uint32_t input_dims() const {
    return word_dims + hashed_word_dims + case_dims + xpos_dims + 3 * affix_dims;
  }
  // What the output layer reads: the last convolution layer, then the forward and the
  // backward LSTM states.
  uint32_t top_dims() const { return hidden + 2 * lstm; }
};

// Everything the network consists of. Matrices are column-major (Eigen's default): layer 0's
// convolution is hidden x (3 * input_dims), later ones hidden x (3 * hidden), the output
// kLabelCount x top_dims(). The BiLSTM (shape.lstm = H > 0) has the input weights of both
// directions stacked (8H x hidden: forward gates i, f, g, o, then backward), their biases (8H),
// and a recurrent matrix per direction (4H x H).
struct NeuralModel {
  NeuralShape shape;
  HashTable vocabulary;              // WordKey(lowercased form) -> row of word_codes
  std::vector<int8_t> word_codes;    // rows x word_dims; value = code * word_scales[row]
  std::vector<float> word_scales;    // per row
  std::vector<float> unknown_word;   // word_dims: words without a pretrained vector
  std::vector<float> hashed_word_table;  // hashed_word_buckets x hashed_word_dims (trained)
  std::vector<float> case_table;     // kNeuralCaseKinds x case_dims
  std::vector<float> xpos_table;     // xpos_buckets x xpos_dims
  std::vector<float> prefix_table, suffix_table, shape_table;  // affix_buckets x affix_dims
  std::vector<std::vector<float>> conv_weights, conv_bias;      // per layer
  std::vector<float> lstm_input, lstm_bias, lstm_forward, lstm_backward;
  std::vector<float> output_weights, output_bias;
  float weight = 1.0f;  // how much the log-probabilities count beside the perceptron's scores

  bool empty() const { return conv_weights.empty(); }
  size_t vocabulary_rows() const { return word_scales.size(); }
  // Sizes every trained table for `shape` (zeros); the vocabulary is left alone.
  void Allocate(const NeuralShape& new_shape);
  // The trained tables, in a fixed order (serialisation, training).
  std::vector<std::vector<float>*> TrainedTables();
  std::vector<const std::vector<float>*> TrainedTables() const;

  void Encode(model::Encoder& out) const;
  // DataLoss for sizes that disagree with the shape or the bytes present. Files of schema 3
  // have no `lstm` field in their shape.
  static StatusOr<NeuralModel> Decode(std::string_view bytes, uint32_t schema);
};

// Per-thread working memory.
struct NeuralScratch {
  std::vector<float> input, logits;
  // Per layer: its window columns, its ReLU branch (after the mask) and its output (the
  // branch plus, from layer 1 on, the layer's input).
  std::vector<std::vector<float>> columns, branch, hidden;
  // The BiLSTM: input projections (8H x n, biases added), gate values after their
  // nonlinearities (8H x n), cells and their tanh (2H x n), states (2H x n, before dropout),
  // and what the output layer reads (top_dims() x n).
  std::vector<float> lstm_projection, lstm_gates, lstm_cells, lstm_cell_tanh, lstm_states, top;
  std::string lower, buffer;
};

// Which of the kNeuralCaseKinds a form is: lowercase, capitalised, all caps, mixed case,
// with a digit, punctuation only, other.
uint32_t NeuralCaseKind(std::string_view form);

// Which rows of the model's tables make up a word's input column.
struct NeuralWordIds {
  uint32_t word_row = HashTable::kMissing;  // kMissing: unknown_word
  uint32_t hashed_word = 0;
  uint32_t case_kind = 0;
  uint32_t xpos = 0;
  uint32_t prefix = 0;
  uint32_t suffix = 0;
  uint32_t shape = 0;
};
NeuralWordIds NeuralIds(const NeuralModel& model, const WordInput& word, std::string& lower,
                        std::string& buffer);
// The word shape: X for an uppercase letter, x lowercase, d digit, other bytes as they are;
// runs of one symbol stop at four ("Xxxxx" for "Tripoli", "dddd" for "2014").
void AppendNeuralShape(std::string_view form, std::string& out);
// Writes the word's input_dims values to `column`.
void NeuralFillColumn(const NeuralModel& model, const NeuralWordIds& ids, float* column);

// The input column of each word, into scratch.input (input_dims x words.size()).
void NeuralInput(const NeuralModel& model, std::span<const WordInput> words,
                 NeuralScratch& scratch);

// Dropout masks of one training pass (scaled keep masks, the size of the layer they multiply);
// an empty one means no dropout there.
struct NeuralMasks {
  std::span<const float> input;
  std::vector<std::span<const float>> layers;  // per layer (its branch)
  std::span<const float> lstm;                 // the BiLSTM states (2H x n)
};

// [begin, end) column ranges of the sentences in a batch (sentence_of: one entry per column;
// empty: one sentence of `columns` columns).
std::vector<std::pair<size_t, size_t>> NeuralSentenceRanges(size_t columns,
                                                            std::span<const uint32_t> sentence_of);

// The network on the `columns` input columns in scratch.input, into scratch.columns, branch,
// hidden (per layer), the lstm_* buffers and top (with a BiLSTM) and logits (kLabelCount x
// columns). sentence_of (one entry
// per column, or empty for one sentence) keeps the windows inside their sentences.
void NeuralForward(const NeuralModel& model, size_t columns, std::span<const uint32_t> sentence_of,
                   const NeuralMasks& masks, NeuralScratch& scratch);

// columns (3 * rows x n) from in (rows x n): block k of column t is in[:, t + k - 1] when that
// column exists and is in the same sentence, else zeros.
void NeuralIm2Col(const float* in, uint32_t rows, size_t n, std::span<const uint32_t> sentence_of,
                  float* columns);
// The adjoint: in_gradient (rows x n) += what each window block of `columns` read.
void NeuralCol2ImAdd(const float* columns, uint32_t rows, size_t n,
                     std::span<const uint32_t> sentence_of, float* in_gradient);

// Step k of one BiLSTM direction over the sentence columns [begin, end): the forward
// direction (0) runs from begin, the backward (1) from end - 1. gate_at is where the step's
// 4H gate values start in scratch.lstm_projection and lstm_gates (8H rows per column),
// state_at where its H values start in lstm_cells, lstm_cell_tanh and lstm_states (2H rows).
struct NeuralLstmStep {
  size_t column, gate_at, state_at;
};
inline NeuralLstmStep LstmStepAt(uint32_t units, uint32_t direction, size_t begin, size_t end,
                                 size_t k) {
  const size_t column = direction == 0 ? begin + k : end - 1 - k;
  return {column, (2 * column + direction) * 4 * size_t{units},
          (2 * column + direction) * size_t{units}};
}

// What the output layer read in the last NeuralForward (top_dims() x columns).
const float* NeuralTop(const NeuralModel& model, const NeuralScratch& scratch);

// log P(label | sentence) for every word: out[word * kLabelCount + label].
void NeuralLogProbs(const NeuralModel& model, std::span<const WordInput> words,
                    NeuralScratch& scratch, float* out);

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_NEURAL_H_
