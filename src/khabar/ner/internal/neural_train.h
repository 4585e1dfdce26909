// Training the neural NER scorer (neural.h): softmax cross-entropy per word, Adam, dropout on
// the input and both hidden layers, word dropout (a word is read as unknown, so the network
// learns to label names without a pretrained vector from their context), minibatches of whole
// sentences, early stopping on a dev score the caller computes.
//
//   NeuralTrainOptions options;
//   KH_ASSIGN_OR_RETURN(NeuralModel model,
//                       TrainNeural(vectors, examples, [&](const NeuralModel& m) {
//                         return DevF1(m);
//                       }, options));
//
// Bit-for-bit reproducible on one machine: one thread, a seeded generator, and the bias
// gradients summed in a fixed order (Eigen's rowwise().sum() starts vectorising at the first
// aligned address, so two runs used to differ from the second epoch on). Two full trainings
// run side by side wrote byte-identical models. Another CPU may vectorise the matrix products
// differently (these files are built with -march=native), so the floors keep a margin.
#ifndef KHABAR_NER_INTERNAL_NEURAL_TRAIN_H_
#define KHABAR_NER_INTERNAL_NEURAL_TRAIN_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/ner/internal/neural.h"
#include "khabar/ner/internal/word_vectors.h"
#include "khabar/ner/labels.h"

namespace khabar::ner::internal {

struct NeuralTrainOptions {
  NeuralShape shape;
  int epochs = 20;
  int patience = 4;
  uint32_t batch_sentences = 16;
  float learning_rate = 2e-3f;
  float dropout = 0.3f;       // input and hidden units
  float word_dropout = 0.1f;  // words read as unknown
  uint32_t seed = 1;
  std::function<void(std::string_view)> progress;
};

// Training words with gold labels; sentences are [begin, end) ranges of both.
struct NeuralExamples {
  std::span<const WordInput> words;
  std::span<const BioLabel> labels;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
};

// The vocabulary and 8-bit codes of `vectors` (lowercased; the first of two words with the
// same lowercase key wins) in a model of `shape`, whose other tables are zero.
NeuralModel NeuralModelWithVectors(const WordVectors& vectors, const NeuralShape& shape);

// The mean cross-entropy of `model` on every example as one batch, without dropout, and its
// gradient with respect to each of model.TrainedTables() (for tests: a finite-difference
// check of the backward pass).
double NeuralLossAndGradients(NeuralModel& model, const NeuralExamples& examples,
                              std::vector<std::vector<float>>& gradients);

// Trains the network; returns the epoch with the best `dev_score` (the last epoch when
// dev_score is empty). InvalidArgument when the vectors' dimensions are not shape.word_dims or
// there are no examples.
StatusOr<NeuralModel> TrainNeural(const WordVectors& vectors, const NeuralExamples& examples,
                                  const std::function<double(const NeuralModel&)>& dev_score,
                                  const NeuralTrainOptions& options);

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_NEURAL_TRAIN_H_
