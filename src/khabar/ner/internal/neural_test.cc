#include "khabar/ner/internal/neural.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/ner/internal/neural_train.h"
#include "khabar/ner/labels.h"

namespace khabar::ner::internal {
namespace {

using ::khabar::testing::IsOk;

// Invented vectors in 4 dimensions: names of people point one way, places another.
WordVectors TinyVectors() {
  WordVectors vectors;
  vectors.dimensions = 4;
  auto add = [&](std::string word, std::vector<float> values) {
    vectors.words.push_back(std::move(word));
    vectors.values.insert(vectors.values.end(), values.begin(), values.end());
  };
  add("the", {0.1f, 0.1f, 0.0f, 0.0f});
  add("met", {0.0f, 0.0f, 0.9f, 0.1f});
  add("in", {0.0f, 0.0f, 0.1f, 0.9f});
  add("amira", {1.0f, 0.0f, 0.0f, 0.0f});
  add("yusuf", {0.9f, 0.1f, 0.0f, 0.0f});
  add("layla", {0.95f, 0.05f, 0.0f, 0.0f});
  add("misrata", {0.0f, 1.0f, 0.0f, 0.0f});
  add("sabha", {0.1f, 0.9f, 0.0f, 0.0f});
  add("derna", {0.05f, 0.95f, 0.0f, 0.0f});
  return vectors;
}

NeuralShape TinyShape() {
  NeuralShape shape;
  shape.word_dims = 4;
  shape.case_dims = 2;
  shape.xpos_dims = 2;
  shape.xpos_buckets = 4;
  shape.affix_dims = 2;
  shape.affix_buckets = 16;
  shape.hidden = 6;
  shape.depth = 2;
  return shape;
}

TEST(NeuralTest, CaseKindsAndShapes) {
  EXPECT_EQ(NeuralCaseKind("misrata"), 0u);
  EXPECT_EQ(NeuralCaseKind("Misrata"), 1u);
  EXPECT_EQ(NeuralCaseKind("LNA"), 2u);
  EXPECT_EQ(NeuralCaseKind("McCain"), 3u);
  EXPECT_EQ(NeuralCaseKind("2014"), 4u);
  EXPECT_EQ(NeuralCaseKind(","), 5u);
  std::string shape;
  AppendNeuralShape("Tripoli", shape);
  EXPECT_EQ(shape, "Xxxxx");
  shape.clear();
  AppendNeuralShape("F-16s", shape);
  EXPECT_EQ(shape, "X-ddx");
}

TEST(NeuralTest, VocabularyQuantisesTheVectors) {
  const NeuralModel model = NeuralModelWithVectors(TinyVectors(), TinyShape());
  ASSERT_EQ(model.vocabulary_rows(), 9u);
  std::string lower, buffer;
  const NeuralWordIds ids = NeuralIds(model, {"Amira", doc::Upos::kPropn, "NNP"}, lower, buffer);
  ASSERT_NE(ids.word_row, HashTable::kMissing);
  std::vector<float> column(model.shape.input_dims());
  NeuralFillColumn(model, ids, column.data());
  EXPECT_NEAR(column[0], 1.0f, 0.01f);
  EXPECT_NEAR(column[1], 0.0f, 0.01f);
  EXPECT_EQ(NeuralIds(model, {"Qasr", doc::Upos::kPropn, "NNP"}, lower, buffer).word_row,
            HashTable::kMissing);
}

// <Col2ImAdd(y), x> == <y, Im2Col(x)> for every x, y: the backward pass is the forward's
// adjoint, across a sentence boundary too.
TEST(NeuralTest, Col2ImIsTheAdjointOfIm2Col) {
  constexpr uint32_t kRows = 3;
  constexpr size_t kColumns = 5;
  const std::vector<uint32_t> sentence_of = {0, 0, 1, 1, 1};
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> uniform(-1, 1);
  std::vector<float> x(kRows * kColumns), y(kNeuralWindow * kRows * kColumns);
  for (float& v : x) v = uniform(rng);
  for (float& v : y) v = uniform(rng);
  std::vector<float> windows(y.size());
  NeuralIm2Col(x.data(), kRows, kColumns, sentence_of, windows.data());
  std::vector<float> back(x.size(), 0.0f);
  NeuralCol2ImAdd(y.data(), kRows, kColumns, sentence_of, back.data());
  double forward = 0, adjoint = 0;
  for (size_t i = 0; i < y.size(); ++i) forward += y[i] * windows[i];
  for (size_t i = 0; i < x.size(); ++i) adjoint += back[i] * x[i];
  EXPECT_NEAR(forward, adjoint, 1e-4);
  // Word 2 starts a sentence: its left block is zeros, not word 1.
  for (uint32_t row = 0; row < kRows; ++row) {
    EXPECT_EQ(windows[(2 * kNeuralWindow + 0) * kRows + row], 0.0f);
  }
}

struct TinyData {
  std::vector<WordInput> words;
  std::vector<BioLabel> labels;
  NeuralExamples examples;
};

// "PERSON met PERSON in PLACE" with every name of the tiny vocabulary.
TinyData TinySentences() {
  TinyData data;
  const std::vector<std::string_view> people = {"Amira", "Yusuf", "Layla"};
  const std::vector<std::string_view> places = {"Misrata", "Sabha", "Derna"};
  for (std::string_view first : people) {
    for (std::string_view second : people) {
      for (std::string_view place : places) {
        const auto begin = static_cast<uint32_t>(data.words.size());
        data.words.insert(data.words.end(), {{first, doc::Upos::kPropn, "NNP"},
                                             {"met", doc::Upos::kVerb, "VBD"},
                                             {second, doc::Upos::kPropn, "NNP"},
                                             {"in", doc::Upos::kAdp, "IN"},
                                             {place, doc::Upos::kPropn, "NNP"}});
        data.labels.insert(data.labels.end(), {BioLabel::kBPer, BioLabel::kO, BioLabel::kBPer,
                                               BioLabel::kO, BioLabel::kBLoc});
        data.examples.sentences.emplace_back(begin, static_cast<uint32_t>(data.words.size()));
      }
    }
  }
  data.examples.words = data.words;
  data.examples.labels = data.labels;
  return data;
}

NeuralTrainOptions TinyTrainOptions() {
  NeuralTrainOptions options;
  options.shape = TinyShape();
  options.epochs = 60;
  options.batch_sentences = 4;
  options.learning_rate = 0.02f;
  options.dropout = 0.0f;
  options.word_dropout = 0.0f;
  return options;
}

TEST(NeuralTest, LearnsTheTinyTask) {
  const TinyData data = TinySentences();
  StatusOr<NeuralModel> model = TrainNeural(TinyVectors(), data.examples, {}, TinyTrainOptions());
  ASSERT_THAT(model.status(), IsOk());
  const std::vector<WordInput> sentence = {{"Layla", doc::Upos::kPropn, "NNP"},
                                           {"met", doc::Upos::kVerb, "VBD"},
                                           {"Yusuf", doc::Upos::kPropn, "NNP"},
                                           {"in", doc::Upos::kAdp, "IN"},
                                           {"Derna", doc::Upos::kPropn, "NNP"}};
  std::vector<float> log_probs(sentence.size() * kLabelCount);
  NeuralScratch scratch;
  NeuralLogProbs(*model, sentence, scratch, log_probs.data());
  const std::vector<BioLabel> expected = {BioLabel::kBPer, BioLabel::kO, BioLabel::kBPer,
                                          BioLabel::kO, BioLabel::kBLoc};
  for (size_t word = 0; word < sentence.size(); ++word) {
    const float* row = log_probs.data() + word * kLabelCount;
    const auto best = static_cast<BioLabel>(std::max_element(row, row + kLabelCount) - row);
    EXPECT_EQ(best, expected[word]) << "word " << word;
    double total = 0;
    for (uint32_t label = 0; label < kLabelCount; ++label) total += std::exp(row[label]);
    EXPECT_NEAR(total, 1.0, 1e-4);
  }
}

TEST(NeuralTest, TrainingIsDeterministic) {
  const TinyData data = TinySentences();
  NeuralTrainOptions options = TinyTrainOptions();
  options.epochs = 3;
  options.dropout = 0.2f;
  options.word_dropout = 0.1f;
  StatusOr<NeuralModel> first = TrainNeural(TinyVectors(), data.examples, {}, options);
  StatusOr<NeuralModel> second = TrainNeural(TinyVectors(), data.examples, {}, options);
  ASSERT_THAT(first.status(), IsOk());
  ASSERT_THAT(second.status(), IsOk());
  EXPECT_EQ(first->conv_weights, second->conv_weights);
  EXPECT_EQ(first->output_weights, second->output_weights);
}

TEST(NeuralTest, EncodeDecodeRoundTrip) {
  const TinyData data = TinySentences();
  NeuralTrainOptions options = TinyTrainOptions();
  options.epochs = 2;
  StatusOr<NeuralModel> model = TrainNeural(TinyVectors(), data.examples, {}, options);
  ASSERT_THAT(model.status(), IsOk());
  model->weight = 6.0f;
  model::Encoder out;
  model->Encode(out);
  const std::string bytes = out.Release();
  StatusOr<NeuralModel> decoded = NeuralModel::Decode(bytes, kNeuralSchema);
  ASSERT_THAT(decoded.status(), IsOk());
  EXPECT_EQ(decoded->weight, 6.0f);
  EXPECT_EQ(decoded->word_codes, model->word_codes);
  EXPECT_EQ(decoded->conv_weights, model->conv_weights);
  EXPECT_EQ(decoded->suffix_table, model->suffix_table);
  // Every truncation is refused, never read past.
  for (size_t size = 0; size < bytes.size(); size += 7) {
    EXPECT_FALSE(NeuralModel::Decode(std::string_view(bytes).substr(0, size), kNeuralSchema).ok()) << size;
  }
}

// "NAME the the the the met" (a person) and "NAME the the the the in" (a place), with names
// the vectors do not know: only the last word, five words away, tells the first one's type.
TinyData FarContextSentences() {
  TinyData data;
  for (std::string_view name : {"Zed", "Qor", "Vim", "Bex"}) {
    for (std::string_view last : {"met", "in"}) {
      const auto begin = static_cast<uint32_t>(data.words.size());
      data.words.push_back({name, doc::Upos::kPropn, "NNP"});
      for (int k = 0; k < 4; ++k) data.words.push_back({"the", doc::Upos::kDet, "DT"});
      data.words.push_back({last, doc::Upos::kVerb, "VBD"});
      data.labels.push_back(last == "met" ? BioLabel::kBPer : BioLabel::kBLoc);
      data.labels.insert(data.labels.end(), 5, BioLabel::kO);
      data.examples.sentences.emplace_back(begin, static_cast<uint32_t>(data.words.size()));
    }
  }
  data.examples.words = data.words;
  data.examples.labels = data.labels;
  return data;
}

// How many sentences of `data` get their first word's label right.
int FirstWordsRight(const NeuralModel& model, const TinyData& data) {
  int right = 0;
  NeuralScratch scratch;
  for (const auto& [begin, end] : data.examples.sentences) {
    const std::span<const WordInput> sentence(data.words.data() + begin, end - begin);
    std::vector<float> log_probs(sentence.size() * kLabelCount);
    NeuralLogProbs(model, sentence, scratch, log_probs.data());
    const auto best = static_cast<BioLabel>(
        std::max_element(log_probs.begin(), log_probs.begin() + kLabelCount) - log_probs.begin());
    right += best == data.labels[begin] ? 1 : 0;
  }
  return right;
}

TEST(NeuralTest, TheLstmCarriesContextBeyondTheWindows) {
  const TinyData data = FarContextSentences();
  NeuralTrainOptions options = TinyTrainOptions();
  options.shape.depth = 1;  // the windows see one word either side
  options.shape.hidden = 16;
  options.epochs = 400;
  options.learning_rate = 0.005f;
  StatusOr<NeuralModel> windows_only = TrainNeural(TinyVectors(), data.examples, {}, options);
  options.shape.lstm = 4;
  StatusOr<NeuralModel> with_lstm = TrainNeural(TinyVectors(), data.examples, {}, options);
  ASSERT_THAT(windows_only.status(), IsOk());
  ASSERT_THAT(with_lstm.status(), IsOk());
  EXPECT_LE(FirstWordsRight(*windows_only, data), 6);  // it cannot tell the pairs apart
  EXPECT_EQ(FirstWordsRight(*with_lstm, data), 8);
}

// The backward pass against central differences of the loss, for a sample of the values of
// every trained table, with and without the BiLSTM.
TEST(NeuralTest, GradientsMatchFiniteDifferences) {
  const TinyData data = FarContextSentences();
  for (uint32_t lstm : {0u, 3u}) {
    NeuralTrainOptions options = TinyTrainOptions();
    options.shape.lstm = lstm;
    options.epochs = 3;
    StatusOr<NeuralModel> model = TrainNeural(TinyVectors(), data.examples, {}, options);
    ASSERT_THAT(model.status(), IsOk());
    std::vector<std::vector<float>> gradients;
    NeuralLossAndGradients(*model, data.examples, gradients);
    std::vector<std::vector<float>*> tables = model->TrainedTables();
    ASSERT_EQ(tables.size(), gradients.size());
    std::vector<std::vector<float>> ignored;
    for (size_t table = 0; table < tables.size(); ++table) {
      std::vector<float>& values = *tables[table];
      for (size_t i = 0; i < values.size(); i += 1 + values.size() / 7) {
        const float saved = values[i];
        constexpr float kStep = 1e-2f;
        values[i] = saved + kStep;
        const double up = NeuralLossAndGradients(*model, data.examples, ignored);
        values[i] = saved - kStep;
        const double down = NeuralLossAndGradients(*model, data.examples, ignored);
        values[i] = saved;
        EXPECT_NEAR(gradients[table][i], (up - down) / (2 * kStep), 2e-3)
            << "lstm " << lstm << ", table " << table << ", value " << i;
      }
    }
  }
}

TEST(NeuralTest, TheLstmRoundTripsAndSchema3FilesStillLoad) {
  const TinyData data = TinySentences();
  NeuralTrainOptions options = TinyTrainOptions();
  options.epochs = 2;
  options.shape.lstm = 3;
  StatusOr<NeuralModel> model = TrainNeural(TinyVectors(), data.examples, {}, options);
  ASSERT_THAT(model.status(), IsOk());
  model::Encoder out;
  model->Encode(out);
  StatusOr<NeuralModel> decoded = NeuralModel::Decode(out.Release(), kNeuralSchema);
  ASSERT_THAT(decoded.status(), IsOk());
  EXPECT_EQ(decoded->shape.lstm, 3u);
  EXPECT_EQ(decoded->lstm_input, model->lstm_input);
  EXPECT_EQ(decoded->lstm_backward, model->lstm_backward);
  EXPECT_EQ(decoded->output_weights, model->output_weights);

  // Schema 3 wrote the same bytes without the shape's last field (lstm, here 0).
  options.shape.lstm = 0;
  StatusOr<NeuralModel> plain = TrainNeural(TinyVectors(), data.examples, {}, options);
  ASSERT_THAT(plain.status(), IsOk());
  model::Encoder plain_out;
  plain->Encode(plain_out);
  std::string bytes = plain_out.Release();
  size_t field_end = 0;
  for (int field = 0; field < 10; ++field) {
    while (static_cast<unsigned char>(bytes[field_end]) & 0x80) ++field_end;
    ++field_end;
  }
  ASSERT_EQ(bytes[field_end], '\0');
  bytes.erase(field_end, 1);
  StatusOr<NeuralModel> schema3 = NeuralModel::Decode(bytes, 3);
  ASSERT_THAT(schema3.status(), IsOk());
  EXPECT_EQ(schema3->shape.lstm, 0u);
  EXPECT_EQ(schema3->conv_weights, plain->conv_weights);
  EXPECT_FALSE(NeuralModel::Decode(bytes, kNeuralSchema).ok());
}

TEST(NeuralTest, RefusesVectorsOfAnotherSize) {
  const TinyData data = TinySentences();
  NeuralTrainOptions options = TinyTrainOptions();
  options.shape.word_dims = 5;
  EXPECT_FALSE(TrainNeural(TinyVectors(), data.examples, {}, options).ok());
  EXPECT_FALSE(TrainNeural(TinyVectors(), NeuralExamples{}, {}, TinyTrainOptions()).ok());
}

}  // namespace
}  // namespace khabar::ner::internal
