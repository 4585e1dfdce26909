#include "khabar/ner/recognizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"
#include "khabar/model/container.h"
#include "khabar/ner/iob2.h"
#include "khabar/ner/train.h"

namespace khabar::ner {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

const std::string kTiny = std::string(KH_SOURCE_DIR) + "/src/khabar/ner/testdata/tiny.iob2";

NerTrainOptions TinyOptions(DecoderKind decoder) {
  NerTrainOptions options;
  options.train_paths = {kTiny};
  options.dev_path = kTiny;
  options.decoder = decoder;
  options.epochs = 10;
  options.min_weight = 0.0f;
  options.word_dropout = 0.0f;
  options.refit_with_dev = false;
  options.training_data = "tiny";
  return options;  // no tagger, gazetteer, clusters or extra text
}

// One trained model per decoder, shared by the tests of this file.
const Recognizer& TinyRecognizer(DecoderKind decoder) {
  static const Recognizer* viterbi = nullptr;
  static const Recognizer* greedy = nullptr;
  const Recognizer*& slot = decoder == DecoderKind::kViterbi ? viterbi : greedy;
  if (slot == nullptr) {
    StatusOr<NerTrainReport> report = TrainNer(TinyOptions(decoder));
    EXPECT_THAT(report, IsOk());
    slot = report.ok() ? report->recognizer.release() : new Recognizer(RecognizerParts{});
  }
  return *slot;
}

std::vector<BioLabel> Label(const Recognizer& recognizer, std::vector<std::string_view> forms,
                            std::vector<float>* confidence = nullptr) {
  std::vector<NerWord> words;
  for (std::string_view form : forms) words.push_back({form, doc::Upos::kNone, ""});
  std::vector<BioLabel> labels(words.size());
  NerScratch scratch;
  if (confidence != nullptr) confidence->assign(words.size(), -1.0f);
  recognizer.Label(words, scratch, labels,
                   confidence ? std::span<float>(*confidence) : std::span<float>());
  return labels;
}

class RecognizerTest : public ::testing::TestWithParam<DecoderKind> {};

TEST_P(RecognizerTest, LearnsTheTrainingSentences) {
  const Recognizer& recognizer = TinyRecognizer(GetParam());
  StatusOr<Iob2Corpus> corpus = ReadIob2(kTiny);
  ASSERT_THAT(corpus, IsOk());
  const NerScores scores = EvaluateNer(recognizer, nullptr, *corpus);
  EXPECT_EQ(scores.all.gold, 12u);
  // Viterbi fits the seven sentences exactly; greedy decoding, with its predicted history,
  // may miss a word.
  EXPECT_GE(scores.all.F1(), GetParam() == DecoderKind::kViterbi ? 100.0 : 90.0);
}

TEST_P(RecognizerTest, OutputIsWellFormedWithConfidences) {
  const Recognizer& recognizer = TinyRecognizer(GetParam());
  std::vector<float> confidence;
  const std::vector<BioLabel> labels = Label(
      recognizer, {"Karim", "Belhaj", "met", "Salma", "Idris", "in", "Derna", "."}, &confidence);
  std::optional<BioLabel> previous;
  for (size_t position = 0; position < labels.size(); ++position) {
    EXPECT_TRUE(AllowedAfter(previous, labels[position])) << position;
    EXPECT_GE(confidence[position], 0.0f);
    EXPECT_LE(confidence[position], 1.0f);
    previous = labels[position];
  }
  EXPECT_EQ(labels[0], BioLabel::kBPer);
  EXPECT_EQ(labels[6], BioLabel::kBLoc);
  EXPECT_TRUE(Label(recognizer, {}).empty());
}

TEST_P(RecognizerTest, ModelRoundTripsThroughBytes) {
  const Recognizer& recognizer = TinyRecognizer(GetParam());
  const std::string bytes = recognizer.Serialize("tiny", "2026-11-21");
  StatusOr<std::unique_ptr<Recognizer>> loaded = Recognizer::FromBytes(bytes);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ((*loaded)->Serialize("tiny", "2026-11-21"), bytes);
  EXPECT_EQ((*loaded)->parts().decoder, GetParam());
  const std::vector<std::string_view> forms = {"Nour", "Radio", "hired", "Salma", "Idris", "."};
  EXPECT_EQ(Label(**loaded, forms), Label(recognizer, forms));
}

INSTANTIATE_TEST_SUITE_P(Decoders, RecognizerTest,
                         ::testing::Values(DecoderKind::kViterbi, DecoderKind::kGreedy));

TEST(RecognizerLoadTest, TruncatedOrDamagedModelsFailCleanly) {
  const std::string bytes = TinyRecognizer(DecoderKind::kViterbi).Serialize("tiny", "2026-11-21");
  for (size_t length = 0; length < bytes.size(); length += 7) {
    EXPECT_FALSE(Recognizer::FromBytes(bytes.substr(0, length)).ok()) << length;
  }
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  EXPECT_THAT(Recognizer::FromBytes(flipped), StatusIs(StatusCode::kDataLoss, ::testing::_));
}

TEST(RecognizerLoadTest, RejectsOtherComponentsAndBadSections) {
  model::ModelWriter tagger(model::ComponentKind::kTagger, 1, "x");
  EXPECT_THAT(Recognizer::FromBytes(tagger.Serialize()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("expected ner")));
  model::ModelWriter empty(model::ComponentKind::kNer, kNerSchemaVersion, "x");
  EXPECT_THAT(Recognizer::FromBytes(empty.Serialize()),
              StatusIs(StatusCode::kNotFound, ::testing::_));
  model::ModelWriter wrong_labels(model::ComponentKind::kNer, kNerSchemaVersion, "x");
  wrong_labels.AddSection(kNerLabelsSection, std::string("\x01\x01O", 3));
  EXPECT_THAT(Recognizer::FromBytes(wrong_labels.Serialize()),
              StatusIs(StatusCode::kDataLoss, HasSubstr("labels")));
}

TEST(RecognizerLoadTest, SchemaOneFilesMayNotUseTheNewerBits) {
  RecognizerParts parts = TinyRecognizer(DecoderKind::kViterbi).parts();
  const std::string current = Recognizer(parts).Serialize("tiny", "2026-11-21");
  ASSERT_THAT(Recognizer::FromBytes(current), IsOk());
  // The same sections in a schema-1 container: the schema-2 feature groups are unknown there.
  StatusOr<model::ModelReader> reader = model::ModelReader::FromBytes(
      current, model::ComponentKind::kNer, kNerSchemaVersion, kNerSchemaVersion);
  ASSERT_THAT(reader, IsOk());
  model::ModelWriter old(model::ComponentKind::kNer, 1, "tiny");
  for (uint32_t section :
       {kNerLabelsSection, kNerSettingsSection, kNerLexiconSection, kNerWeightsSection}) {
    StatusOr<std::string_view> bytes = reader->Section(section);
    ASSERT_THAT(bytes, IsOk());
    old.AddSection(section, std::string(*bytes));
  }
  const bool new_groups = (parts.feature_groups & ~uint32_t{127}) != 0;
  EXPECT_EQ(Recognizer::FromBytes(old.Serialize()).ok(), !new_groups);
}

TEST(RecognizerLoadTest, MissingFileIsNotFound) {
  EXPECT_THAT(Recognizer::Load("/nonexistent/ner.khm"),
              StatusIs(StatusCode::kNotFound, ::testing::_));
}

TEST(TrainNerTest, IsDeterministicAndWritesTheModel) {
  const std::string path = ::testing::TempDir() + "/ner_tiny.khm";
  NerTrainOptions options = TinyOptions(DecoderKind::kViterbi);
  options.output_path = path;
  StatusOr<NerTrainReport> first = TrainNer(options);
  ASSERT_THAT(first, IsOk());
  StatusOr<NerTrainReport> second = TrainNer(options);
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(first->recognizer->Serialize("tiny", "2026-11-21"),
            second->recognizer->Serialize("tiny", "2026-11-21"));
  EXPECT_EQ(first->train_sentences, 7u);
  EXPECT_EQ(first->other_type_words, 1u);
  EXPECT_GE(first->best_epoch, 1);
  StatusOr<std::unique_ptr<Recognizer>> loaded = Recognizer::Load(path);
  ASSERT_THAT(loaded, IsOk());
  StatusOr<NerScores> scores = EvaluateNerFile(**loaded, nullptr, kTiny);
  ASSERT_THAT(scores, IsOk());
  EXPECT_DOUBLE_EQ(scores->all.F1(), first->best_dev.all.F1());
}

// With word vectors the model carries the network, which survives the round trip through
// bytes and labels as before.
TEST(TrainNerTest, TrainsTheNetworkWithWordVectors) {
  const std::string vectors = ::testing::TempDir() + "/ner_tiny_vectors.json";
  ASSERT_THAT(base::WriteFile(vectors,
                              R"({"dimensions":3,"vectors":{"met":[0,0,1,1,0],)"
                              R"("derna":[0,1,0,1,1],"tobruk":[0,0.9,0.1,1,2],)"
                              R"("belhaj":[1,0,0,1,3]}})"),
              IsOk());
  NerTrainOptions options = TinyOptions(DecoderKind::kViterbi);
  options.embeddings_path = vectors;
  options.neural.shape.word_dims = 3;
  options.neural.shape.hidden = 8;
  options.neural.epochs = 3;
  options.neural_weights = {2.0f};
  StatusOr<NerTrainReport> report = TrainNer(options);
  ASSERT_THAT(report, IsOk());
  const Recognizer& recognizer = *report->recognizer;
  ASSERT_FALSE(recognizer.parts().neural.empty());
  EXPECT_EQ(recognizer.parts().neural.weight, 2.0f);
  EXPECT_EQ(recognizer.parts().neural.vocabulary_rows(), 4u);
  const std::string bytes = recognizer.Serialize("tiny", "2026-11-21");
  StatusOr<std::unique_ptr<Recognizer>> loaded = Recognizer::FromBytes(bytes);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ((*loaded)->Serialize("tiny", "2026-11-21"), bytes);
  const std::vector<std::string_view> forms = {"Belhaj", "met", "Salma", "in", "Derna", "."};
  EXPECT_EQ(Label(**loaded, forms), Label(recognizer, forms));
  options.embeddings_path = ::testing::TempDir() + "/no_such_vectors.json";
  EXPECT_EQ(TrainNer(options).status().code(), StatusCode::kNotFound);
}

TEST(TrainNerTest, ThreadCountDoesNotChangeTheModel) {
  NerTrainOptions options = TinyOptions(DecoderKind::kViterbi);
  options.ensemble = 3;
  options.word_dropout = 0.2f;
  options.refit_with_dev = true;
  options.threads = 1;
  StatusOr<NerTrainReport> one = TrainNer(options);
  ASSERT_THAT(one, IsOk());
  options.threads = 3;
  StatusOr<NerTrainReport> three = TrainNer(options);
  ASSERT_THAT(three, IsOk());
  EXPECT_EQ(one->recognizer->Serialize("tiny", "2026-11-21"),
            three->recognizer->Serialize("tiny", "2026-11-21"));
  // The refit trains on train + dev (here the same file twice).
  EXPECT_EQ(one->train_sentences, 14u);
}

TEST(TrainNerTest, RejectsBadOptions) {
  NerTrainOptions options;
  EXPECT_THAT(TrainNer(options), StatusIs(StatusCode::kInvalidArgument, ::testing::_));
  options = TinyOptions(DecoderKind::kViterbi);
  options.train_paths = {"/nonexistent/train.iob2"};
  EXPECT_THAT(TrainNer(options), StatusIs(StatusCode::kNotFound, ::testing::_));
}

}  // namespace
}  // namespace khabar::ner
