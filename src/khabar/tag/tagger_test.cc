#include "khabar/tag/tagger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"
#include "khabar/model/container.h"
#include "khabar/tag/tag_stage.h"
#include "khabar/tag/train.h"

namespace khabar::tag {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;

const std::string kTiny = std::string(KH_SOURCE_DIR) + "/src/khabar/tag/testdata/tiny.conllu";

TrainOptions TinyOptions() {
  TrainOptions options;
  options.train_paths = {kTiny};
  options.dev_path = kTiny;
  options.epochs = 8;
  options.folds = 2;
  options.two_pass = true;
  options.rare_cutoff = 1;
  options.min_weight = 0.0f;
  options.wordnet_dir = "";
  options.training_data = "tiny";
  return options;
}

// One trained model shared by the tests of this file.
const Tagger& TinyTagger() {
  static const Tagger* tagger = [] {
    StatusOr<TrainReport> report = TrainTagger(TinyOptions());
    EXPECT_THAT(report, IsOk());
    return report.ok() ? report->tagger.release() : nullptr;
  }();
  return *tagger;
}

std::vector<std::string> Tags(const Tagger& tagger, const std::vector<std::string_view>& forms) {
  TagScratch scratch;
  std::vector<uint16_t> labels(forms.size());
  tagger.Tag(forms, scratch, labels);
  std::vector<std::string> tags;
  for (uint16_t label : labels) {
    tags.push_back(std::string(tagger.UposLabelName(label)) + "/" +
                   std::string(tagger.XposName(tagger.xpos(label))));
  }
  return tags;
}

TEST(TaggerTest, LearnsTheTrainingSentences) {
  StatusOr<treebank::Treebank> gold = treebank::ReadTreebank(kTiny);
  ASSERT_THAT(gold, IsOk());
  TagAccuracy accuracy = EvaluateTagger(TinyTagger(), *gold);
  EXPECT_EQ(accuracy.upos, 100.0);
  EXPECT_EQ(accuracy.xpos, 100.0);
  EXPECT_EQ(accuracy.lemma, 100.0);
  EXPECT_EQ(accuracy.multiword, 100.0);
  EXPECT_EQ(accuracy.words, 42u);
}

TEST(TaggerTest, TagsANewSentence) {
  EXPECT_THAT(Tags(TinyTagger(), {"The", "militia", "captured", "the", "airport", "."}),
              ElementsAre("DET/DT", "NOUN/NN", "VERB/VBD", "DET/DT", "NOUN/NN", "PUNCT/."));
}

TEST(TaggerTest, SaveLoadRoundTrip) {
  const Tagger& tagger = TinyTagger();
  std::string bytes = tagger.Serialize("tiny", "2026-11-21");
  StatusOr<std::unique_ptr<Tagger>> loaded = Tagger::FromBytes(bytes);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ((*loaded)->Serialize("tiny", "2026-11-21"), bytes);
  EXPECT_EQ((*loaded)->two_pass(), tagger.two_pass());
  std::vector<std::string_view> forms = {"Police", "don't", "shelled", "the", "port", "."};
  EXPECT_EQ(Tags(**loaded, forms), Tags(tagger, forms));

  std::string path = (std::filesystem::temp_directory_path() / "khabar_tagger_test.khm").string();
  ASSERT_THAT(tagger.Save(path, "tiny"), IsOk());
  StatusOr<std::unique_ptr<Tagger>> from_file = Tagger::Load(path);
  ASSERT_THAT(from_file, IsOk());
  EXPECT_EQ(Tags(**from_file, forms), Tags(tagger, forms));
  std::filesystem::remove(path);
}

TEST(TaggerTest, LoaderRejectsCorruptedFiles) {
  std::string bytes = TinyTagger().Serialize("tiny", "2026-11-21");
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x20;
  EXPECT_THAT(Tagger::FromBytes(flipped), StatusIs(StatusCode::kDataLoss, ::testing::_));
  EXPECT_THAT(Tagger::FromBytes(bytes.substr(0, bytes.size() - 3)),
              StatusIs(StatusCode::kDataLoss, ::testing::_));
  EXPECT_THAT(Tagger::FromBytes("not a model"),
              StatusIs(StatusCode::kInvalidArgument, ::testing::_));
  model::ModelWriter parser(model::ComponentKind::kParser, kTaggerSchemaVersion, "x");
  EXPECT_THAT(Tagger::FromBytes(parser.Serialize()),
              StatusIs(StatusCode::kInvalidArgument, ::testing::_));
  // A well-formed container whose weights section is garbage.
  model::ModelWriter garbage(model::ComponentKind::kTagger, kTaggerSchemaVersion, "x");
  garbage.AddSection(kLabelsSection, std::string("\x01\x02NN\x01\x04NOUN\x00", 11));
  garbage.AddSection(kLexiconSection, std::string("\x03\x00\x00", 3));
  garbage.AddSection(kWeightsSection, std::string("\x01\x03\xff\xff", 4));
  EXPECT_THAT(Tagger::FromBytes(garbage.Serialize()),
              StatusIs(StatusCode::kDataLoss, ::testing::_));
}

doc::Document TokenizedDocument(std::string text, std::vector<doc::Span> spans) {
  doc::Document document;
  document.text = std::move(text);
  for (const doc::Span& span : spans) document.tokens.push_back(doc::Token{span});
  document.sentences.push_back(doc::Sentence{
      0, static_cast<doc::TokenIndex>(spans.size()), {spans.front().begin, spans.back().end}});
  return document;
}

TEST(TagStageTest, SplitsTagsAndLemmatizes) {
  StatusOr<std::unique_ptr<Tagger>> tagger = Tagger::FromBytes(TinyTagger().Serialize("tiny", ""));
  ASSERT_THAT(tagger, IsOk());
  TagStage stage(std::move(tagger).value());
  doc::Document document =
      TokenizedDocument("Officials don't know.", {{0, 9}, {10, 15}, {16, 20}, {20, 21}});
  ASSERT_THAT(stage.Process(document), IsOk());
  const doc::WordLayer& layer = document.words;
  ASSERT_EQ(layer.words.size(), 5u);
  ASSERT_EQ(layer.sentences.size(), 1u);
  std::vector<std::string> got;
  for (const doc::Word& word : layer.words) {
    got.push_back(std::string(layer.Form(document.text, word)) + "/" +
                  std::string(UposName(word.upos)) + "/" + std::string(layer.XposName(word)) +
                  "/" + std::string(layer.Lemma(word)) + "/" + std::to_string(word.token));
  }
  EXPECT_THAT(got, ElementsAre("Officials/NOUN/NNS/official/0", "do/AUX/VBP/do/1",
                               "n't/PART/RB/not/1", "know/VERB/VB/know/2", "./PUNCT/././3"));
  EXPECT_EQ(layer.words[1].span, (doc::Span{10, 12}));
  EXPECT_EQ(layer.words[2].span, (doc::Span{12, 15}));
  EXPECT_EQ(layer.words[0].head, doc::kNoHead);
  EXPECT_FALSE(layer.parsed());
}

TEST(TagStageTest, ProcessReplacesAnEarlierLayer) {
  TagStage stage(std::make_unique<Tagger>(TinyTagger().parts()));
  doc::Document document = TokenizedDocument("Troops stormed it", {{0, 6}, {7, 14}, {15, 17}});
  TagScratch scratch;
  EXPECT_THAT(stage.Process(document, scratch), IsOk());
  EXPECT_THAT(stage.Process(document, scratch), IsOk());
  EXPECT_EQ(document.words.words.size(), 3u);
  EXPECT_EQ(document.words.sentences.size(), 1u);
}

TEST(TagStageTest, RejectsTokensOutsideTheText) {
  TagStage stage(std::make_unique<Tagger>(TinyTagger().parts()));
  doc::Document document = TokenizedDocument("short", {{0, 5}, {6, 40}});
  EXPECT_THAT(stage.Process(document), StatusIs(StatusCode::kInvalidArgument, ::testing::_));
}

// Found by tagger_model_fuzzer: the lemmatizer section is optional, but a model loaded
// without one saved its empty tables with capacity 2^64, so the saved file did not load.
TEST(TaggerLoaderTest, ModelWithoutOptionalSectionsSavesAndLoadsAgain) {
  model::ModelWriter writer(model::ComponentKind::kTagger, kTaggerSchemaVersion, "x");
  writer.set_build_date("2026-11-21");
  writer.AddSection(kLabelsSection, std::string("\x01\x02NN\x01\x04NOUN\x00", 11));
  writer.AddSection(kLexiconSection, std::string("\x03\x00\x00", 3));     // empty table, 0 rows
  writer.AddSection(kWeightsSection, std::string("\x01\x03\x00\x00", 4));  // 1 class, no rows
  StatusOr<std::unique_ptr<Tagger>> tagger = Tagger::FromBytes(writer.Serialize());
  ASSERT_THAT(tagger, IsOk());
  std::string lemma;
  (*tagger)->lemmatizer().Lemmatize("Rebels", 0, lemma);
  EXPECT_EQ(lemma, "Rebels");
  const std::string saved = (*tagger)->Serialize("x", "2026-11-21");
  StatusOr<std::unique_ptr<Tagger>> again = Tagger::FromBytes(saved);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ((*again)->Serialize("x", "2026-11-21"), saved);
  EXPECT_THAT(Tags(**again, {"Rebels", "fled"}), ElementsAre("NOUN/NN", "NOUN/NN"));
}

}  // namespace
}  // namespace khabar::tag
