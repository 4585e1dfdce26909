#include "khabar/parse/jackknife.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"

namespace khabar::parse {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Eight invented sentences, two per fold with four folds. "zorp" (X/FW) occurs only in
// the third and fourth sentences, i.e. only in fold 2 of 4.
constexpr char kTinyTreebank[] =
    "# sent_id = t1\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tferry\tferry\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tearly\tearly\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t2\n"
    "1\tFarmers\tfarmer\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tplanted\tplant\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\trice\trice\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tspring\tspring\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t3\n"
    "1\tChildren\tchild\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tsang\tsing\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tzorp\tzorp\tX\tFW\t_\t2\tobj\t_\t_\n"
    "4\thappily\thappily\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t4\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tshouted\tshout\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tzorp\tzorp\tX\tFW\t_\t2\tobj\t_\t_\n"
    "4\tloudly\tloudly\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t5\n"
    "1\tPrices\tprice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tmarket\tmarket\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t6\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tstorm\tstorm\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tclosed\tclose\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "5\told\told\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
    "6\troad\troad\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t7\n"
    "1\tWorkers\tworker\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\trepaired\trepair\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tbridge\tbridge\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\twinter\twinter\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t8\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcouncil\tcouncil\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tlate\tlate\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";
constexpr size_t kTinySentences = 8;
constexpr size_t kTinyWords = 46;

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

const std::string& TinyPath() {
  static const std::string path = WriteTemp("jackknife_tiny.conllu", kTinyTreebank);
  return path;
}

treebank::Treebank TinyTreebank() {
  StatusOr<treebank::Treebank> bank = treebank::Treebank::Parse(kTinyTreebank, "tiny");
  EXPECT_THAT(bank, IsOk());
  return bank.ok() ? std::move(*bank) : treebank::Treebank();
}

// A small, fast tagger configuration (no WordNet, few epochs).
tag::TrainOptions TinyTaggerOptions() {
  tag::TrainOptions options;
  options.train_paths = {TinyPath()};
  options.epochs = 6;
  options.min_weight = 0.0f;
  options.wordnet_dir = "";
  options.training_data = "tiny";
  return options;
}

JackknifeOptions TinyJackknife() {
  JackknifeOptions options;
  options.fold_tagger = TinyTaggerOptions();
  options.folds = 4;
  return options;
}

std::vector<std::string> Column(const treebank::Treebank& bank,
                                std::string_view treebank::Word::*column) {
  std::vector<std::string> values;
  for (const treebank::Word& word : bank.words()) values.emplace_back(word.*column);
  return values;
}

TEST(JackknifeTest, FoldsAreContiguousAndBalanced) {
  std::vector<uint32_t> folds;
  for (size_t sentence_idx = 0; sentence_idx < 10; ++sentence_idx) {
    folds.push_back(FoldOf(sentence_idx, 10, 4));
  }
  EXPECT_THAT(folds, ElementsAre(0, 0, 0, 1, 1, 2, 2, 2, 3, 3));
  EXPECT_EQ(FoldOf(0, 1, 4), 0u);
}

TEST(JackknifeTest, FoldTextsPartitionTheSentences) {
  const treebank::Treebank bank = TinyTreebank();
  std::string held_out_in_order;
  for (uint32_t fold = 0; fold < 4; ++fold) {
    const std::string held_out = FoldText(bank, fold, 4, true);
    const std::string held_in = FoldText(bank, fold, 4, false);
    held_out_in_order += held_out;
    EXPECT_THAT(held_out, HasSubstr("sent_id = t" + std::to_string(2 * fold + 1) + "\n"));
    EXPECT_THAT(held_in, Not(HasSubstr("sent_id = t" + std::to_string(2 * fold + 2) + "\n")));
    EXPECT_EQ(held_out.size() + held_in.size(), std::string(kTinyTreebank).size());
  }
  EXPECT_EQ(held_out_in_order, kTinyTreebank);
}

TEST(JackknifeTest, TagsEverySentenceOnceKeepingTheTree) {
  StatusOr<JackknifedTreebanks> tagged =
      JackknifeTag({TinyPath()}, TinyJackknife(), ::testing::TempDir());
  ASSERT_THAT(tagged, IsOk());
  ASSERT_EQ(tagged->conllu.size(), 1u);
  EXPECT_EQ(tagged->accuracy.words, kTinyWords);
  StatusOr<treebank::Treebank> bank = treebank::Treebank::Parse(tagged->conllu[0], "tagged");
  ASSERT_THAT(bank, IsOk());
  const treebank::Treebank gold = TinyTreebank();
  ASSERT_EQ(bank->sentences().size(), kTinySentences);
  for (size_t sentence_idx = 0; sentence_idx < kTinySentences; ++sentence_idx) {
    EXPECT_EQ(bank->Comments(bank->sentences()[sentence_idx])[0],
              "# sent_id = t" + std::to_string(sentence_idx + 1));
  }
  EXPECT_EQ(Column(*bank, &treebank::Word::form), Column(gold, &treebank::Word::form));
  EXPECT_EQ(Column(*bank, &treebank::Word::deprel), Column(gold, &treebank::Word::deprel));
  for (size_t word_idx = 0; word_idx < gold.word_count(); ++word_idx) {
    EXPECT_EQ(bank->words()[word_idx].head, gold.words()[word_idx].head);
  }
}

TEST(JackknifeTest, HeldOutSentencesAreTaggedByATaggerThatNeverSawThem) {
  // The tagger trained on everything learns "zorp" as X; the one for fold 2 never saw it.
  StatusOr<tag::TrainReport> full = tag::TrainTagger(TinyTaggerOptions());
  ASSERT_THAT(full, IsOk());
  treebank::Treebank gold = TinyTreebank();
  StatusOr<treebank::Treebank> self_tagged =
      treebank::Treebank::Parse(tag::TagTreebank(*full->tagger, gold), "self");
  ASSERT_THAT(self_tagged, IsOk());
  StatusOr<JackknifedTreebanks> tagged =
      JackknifeTag({TinyPath()}, TinyJackknife(), ::testing::TempDir());
  ASSERT_THAT(tagged, IsOk());
  StatusOr<treebank::Treebank> jackknifed = treebank::Treebank::Parse(tagged->conllu[0], "jk");
  ASSERT_THAT(jackknifed, IsOk());
  for (size_t word_idx = 0; word_idx < gold.word_count(); ++word_idx) {
    if (self_tagged->words()[word_idx].form != "zorp") continue;
    EXPECT_EQ(self_tagged->words()[word_idx].upos, "X");
    EXPECT_NE(jackknifed->words()[word_idx].upos, "X");
  }
}

TEST(JackknifeTest, FilesTheTaggersNeverSeeAreTaggedByOneFullTagger) {
  // The fold taggers learn from a copy under another name: nothing to hold out.
  JackknifeOptions options = TinyJackknife();
  options.fold_tagger.train_paths = {WriteTemp("jackknife_copy.conllu", kTinyTreebank)};
  StatusOr<JackknifedTreebanks> tagged = JackknifeTag({TinyPath()}, options, ::testing::TempDir());
  ASSERT_THAT(tagged, IsOk());
  StatusOr<tag::TrainReport> full = tag::TrainTagger(options.fold_tagger);
  ASSERT_THAT(full, IsOk());
  treebank::Treebank gold = TinyTreebank();
  EXPECT_EQ(tagged->conllu[0], tag::TagTreebank(*full->tagger, gold));
}

TEST(JackknifeTest, IsDeterministic) {
  StatusOr<JackknifedTreebanks> first =
      JackknifeTag({TinyPath()}, TinyJackknife(), ::testing::TempDir());
  StatusOr<JackknifedTreebanks> second =
      JackknifeTag({TinyPath()}, TinyJackknife(), ::testing::TempDir());
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(first->conllu, second->conllu);
}

TEST(JackknifeTest, TrainsAndEvaluatesAParserOnPredictedTags) {
  tag::TrainOptions tagger_options = TinyTaggerOptions();
  tagger_options.output_path = ::testing::TempDir() + "jackknife_tagger.khm";
  ASSERT_THAT(tag::TrainTagger(tagger_options), IsOk());
  StatusOr<tag::TrainOptions> fold_tagger =
      FoldTaggerOptions(tagger_options.output_path, {TinyPath()});
  ASSERT_THAT(fold_tagger, IsOk());
  EXPECT_EQ(fold_tagger->wordnet_features, false);

  ParserTrainOptions parser;
  parser.train_files = {TinyPath()};
  parser.dev_file = TinyPath();
  parser.output_path = ::testing::TempDir() + "jackknife_parser.khm";
  parser.epochs = 4;
  parser.hash_bits = 16;
  JackknifeOptions options = TinyJackknife();
  options.tagger_model_path = tagger_options.output_path;
  options.work_dir = ::testing::TempDir() + "jackknife_work";
  std::vector<std::string> lines;
  options.progress = [&lines](std::string_view line) { lines.emplace_back(line); };
  StatusOr<JackknifeReport> report = TrainParserOnPredictedTags(parser, options);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->parser.train_sentences, kTinySentences);
  EXPECT_EQ(report->train_tags.words, kTinyWords);
  EXPECT_EQ(report->dev_tags.words, kTinyWords);
  EXPECT_EQ(lines.size(), 5u);  // the dev file, then four folds
  EXPECT_TRUE(std::filesystem::exists(options.work_dir + "/train1-tagged.conllu"));

  StatusOr<Parser> loaded = Parser::Load(parser.output_path);
  ASSERT_THAT(loaded, IsOk());
  StatusOr<std::unique_ptr<tag::Tagger>> tagger = tag::Tagger::Load(tagger_options.output_path);
  ASSERT_THAT(tagger, IsOk());
  StatusOr<AttachmentScores> scores = EvaluateParserOnPredictedTags(*loaded, **tagger, TinyPath());
  ASSERT_THAT(scores, IsOk());
  EXPECT_EQ(scores->words, kTinyWords);
}

TEST(JackknifeTest, RejectsBadOptions) {
  JackknifeOptions one_fold = TinyJackknife();
  one_fold.folds = 1;
  EXPECT_THAT(JackknifeTag({TinyPath()}, one_fold, ::testing::TempDir()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("2 folds")));
  ParserTrainOptions parser;
  parser.train_files = {TinyPath()};
  parser.dev_file = TinyPath();
  EXPECT_THAT(TrainParserOnPredictedTags(parser, TinyJackknife()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("tagger model")));
  parser.train_files = {::testing::TempDir() + "missing.conllu"};
  parser.dev_file.clear();
  EXPECT_THAT(TrainParserOnPredictedTags(parser, TinyJackknife()),
              StatusIs(StatusCode::kNotFound, ::testing::_));
}

}  // namespace
}  // namespace khabar::parse
