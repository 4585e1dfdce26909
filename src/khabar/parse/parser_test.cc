#include "khabar/parse/parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <tuple>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/model/container.h"
#include "khabar/parse/parse_stage.h"
#include "khabar/parse/train.h"

namespace khabar::parse {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

// A tiny hand-written treebank: FORM UPOS XPOS HEAD DEPREL per word.
constexpr char kTinyTreebank[] =
    "1\tCats\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tsleep\t_\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tfarmer\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsold\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\this\t_\tPRON\tPRP$\t_\t5\tnmod:poss\t_\t_\n"
    "5\tgoats\t_\tNOUN\tNNS\t_\t3\tobj\t_\t_\n"
    "6\tin\t_\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "7\tthe\t_\tDET\tDT\t_\t8\tdet\t_\t_\n"
    "8\tmarket\t_\tNOUN\tNN\t_\t3\tobl\t_\t_\n"
    "9\t.\t_\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tRain\t_\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
    "2\tfell\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tall\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tnight\t_\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_\n"
    "\n"
    "1\tShe\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaid\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthat\t_\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
    "4\tprices\t_\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n"
    "5\trose\t_\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
    "6\tsharply\t_\tADV\tRB\t_\t5\tadvmod\t_\t_\n"
    "\n"
    "1\tA\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tvote\t_\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twas\t_\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\theld\t_\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tyesterday\t_\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_\n"
    "6\ton\t_\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "7\tthe\t_\tDET\tDT\t_\t8\tdet\t_\t_\n"
    "8\tplan\t_\tNOUN\tNN\t_\t2\tnmod\t_\t_\n"
    "\n";

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

ParserTrainOptions TinyOptions(const std::string& model_name) {
  ParserTrainOptions options;
  options.train_files = {WriteTemp("parse_tiny.conllu", kTinyTreebank)};
  options.output_path = ::testing::TempDir() + model_name;
  options.epochs = 30;
  options.hash_bits = 16;
  options.training_data = "tiny";
  return options;
}

class TinyParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    options_ = new ParserTrainOptions(TinyOptions("parse_tiny.khm"));
    StatusOr<TrainReport> report = TrainParser(*options_);
    ASSERT_THAT(report, IsOk());
    report_ = new TrainReport(*report);
  }
  static void TearDownTestSuite() {
    delete options_;
    delete report_;
  }
  static ParserTrainOptions* options_;
  static TrainReport* report_;
};
ParserTrainOptions* TinyParserTest::options_ = nullptr;
TrainReport* TinyParserTest::report_ = nullptr;

TEST_F(TinyParserTest, TrainingFitsTheTinyTreebank) {
  EXPECT_EQ(report_->train_sentences, 5u);
  EXPECT_EQ(report_->train_words, 30u);
  // "A vote ... on the plan": nmod(vote, plan) crosses obl:tmod(held, yesterday) and is
  // lifted to "held" for training, so the parser cannot reproduce that one arc.
  EXPECT_EQ(report_->nonprojective_sentences, 1u);
  EXPECT_EQ(report_->lifted_arcs, 1u);
  StatusOr<Parser> parser = Parser::Load(options_->output_path);
  ASSERT_THAT(parser, IsOk());
  StatusOr<AttachmentScores> scores = EvaluateParser(*parser, options_->train_files[0]);
  ASSERT_THAT(scores, IsOk());
  EXPECT_EQ(scores->words, 30u);
  EXPECT_EQ(scores->head_correct, 29u);
  EXPECT_EQ(scores->labelled_correct, 29u);
}

TEST_F(TinyParserTest, LabelledScoreComparesUniversalRelations) {
  StatusOr<Parser> parser = Parser::Load(options_->output_path);
  ASSERT_THAT(parser, IsOk());
  // The parser says nmod:poss and obl:tmod; gold without subtypes still matches.
  std::string plain = kTinyTreebank;
  for (const std::string subtyped : {"nmod:poss", "obl:tmod"}) {
    for (size_t at = plain.find(subtyped); at != std::string::npos; at = plain.find(subtyped)) {
      plain.replace(at, subtyped.size(), subtyped.substr(0, subtyped.find(':')));
    }
  }
  StatusOr<AttachmentScores> scores =
      EvaluateParser(*parser, WriteTemp("parse_tiny_plain.conllu", plain));
  ASSERT_THAT(scores, IsOk());
  EXPECT_EQ(scores->labelled_correct, 29u);
}

TEST_F(TinyParserTest, ParsesThroughThePublicApi) {
  StatusOr<Parser> parser = Parser::Load(options_->output_path);
  ASSERT_THAT(parser, IsOk());
  const std::vector<Word> words = {{"Cats", parser->UposId("NOUN"), parser->XposId("NNS")},
                                   {"sleep", parser->UposId("VERB"), parser->XposId("VBP")},
                                   {".", parser->UposId("PUNCT"), parser->XposId(".")}};
  ParseScratch scratch;
  std::vector<int32_t> heads(words.size());
  std::vector<uint16_t> labels(words.size());
  parser->Parse(words, scratch, heads, labels);
  EXPECT_THAT(heads, ::testing::ElementsAre(2, 0, 2));
  EXPECT_EQ(parser->LabelName(labels[0]), "nsubj");
  EXPECT_EQ(parser->LabelName(labels[1]), "root");
  EXPECT_EQ(parser->UposId("NOT-A-TAG"), kUnknownTag);
}

// A document tagged by hand: "Cats sleep." then "Rain fell all night".
doc::Document TaggedDocument() {
  doc::Document document;
  document.text = "Cats sleep. Rain fell all night";
  const std::vector<std::tuple<doc::Span, doc::Upos, uint16_t>> words = {
      {{0, 4}, doc::Upos::kNoun, 0},   {{5, 10}, doc::Upos::kVerb, 1},
      {{10, 11}, doc::Upos::kPunct, 2}, {{12, 16}, doc::Upos::kNoun, 3},
      {{17, 21}, doc::Upos::kVerb, 4},  {{22, 25}, doc::Upos::kDet, 5},
      {{26, 31}, doc::Upos::kNoun, 3}};
  for (const auto& [span, upos, xpos] : words) {
    document.tokens.push_back(doc::Token{span});
    doc::Word word;
    word.span = span;
    word.token = static_cast<uint32_t>(document.words.words.size());
    word.upos = upos;
    word.xpos = xpos;
    document.words.words.push_back(word);
  }
  document.sentences = {doc::Sentence{0, 3, {0, 11}}, doc::Sentence{3, 7, {12, 31}}};
  document.words.sentences = {{0, 3}, {3, 7}};
  document.words.xpos_names = std::make_shared<const std::vector<std::string>>(
      std::vector<std::string>{"NNS", "VBP", ".", "NN", "VBD", "DT"});
  return document;
}

TEST_F(TinyParserTest, StageWritesHeadsAndRelationsIntoTheWordLayer) {
  StatusOr<std::unique_ptr<ParseStage>> stage = ParseStage::Create(options_->output_path);
  ASSERT_THAT(stage, IsOk());
  doc::Document document = TaggedDocument();
  ASSERT_THAT((*stage)->Process(document), IsOk());
  const doc::WordLayer& layer = document.words;
  ASSERT_TRUE(layer.parsed());
  std::vector<std::string> got;
  for (const doc::Word& word : layer.words) {
    const std::string head = word.head == doc::kRootHead ? "ROOT" : std::string(layer.words[word.head].span.In(document.text));
    got.push_back(std::string(word.span.In(document.text)) + "<-" + head + ":" +
                  std::string(layer.DeprelName(word)));
  }
  EXPECT_THAT(got, ::testing::ElementsAre("Cats<-sleep:nsubj", "sleep<-ROOT:root",
                                          ".<-sleep:punct", "Rain<-fell:nsubj",
                                          "fell<-ROOT:root", "all<-night:det",
                                          "night<-fell:obl:tmod"));
}

TEST_F(TinyParserTest, StageNeedsATaggedDocument) {
  StatusOr<std::unique_ptr<ParseStage>> stage = ParseStage::Create(options_->output_path);
  ASSERT_THAT(stage, IsOk());
  doc::Document untagged;
  untagged.text = "Cats sleep.";
  EXPECT_THAT((*stage)->Process(untagged), StatusIs(StatusCode::kFailedPrecondition, HasSubstr("tagged")));
  doc::Document mismatched = TaggedDocument();
  mismatched.words.sentences.pop_back();
  EXPECT_THAT((*stage)->Process(mismatched), StatusIs(StatusCode::kInvalidArgument, ::testing::_));
  mismatched = TaggedDocument();
  mismatched.words.sentences.back().word_end = 40;
  EXPECT_THAT((*stage)->Process(mismatched), StatusIs(StatusCode::kInvalidArgument, ::testing::_));
}

TEST_F(TinyParserTest, UnseenWordsStillGetOneRootedTree) {
  StatusOr<Parser> parser = Parser::Load(options_->output_path);
  ASSERT_THAT(parser, IsOk());
  std::vector<Word> words;
  for (const char* form : {"zq", "xv", "wk", "ub", "yy", "ot", "pp"}) words.push_back({form});
  ParseScratch scratch;
  std::vector<int32_t> heads(words.size());
  std::vector<uint16_t> labels(words.size());
  parser->Parse(words, scratch, heads, labels);
  int roots = 0;
  for (size_t idx = 0; idx < words.size(); ++idx) {
    EXPECT_GE(heads[idx], 0);
    EXPECT_LE(heads[idx], static_cast<int32_t>(words.size()));
    EXPECT_NE(heads[idx], static_cast<int32_t>(idx + 1));
    roots += heads[idx] == 0 ? 1 : 0;
  }
  EXPECT_EQ(roots, 1);
  parser->Parse({}, scratch, {}, {});  // an empty sentence is fine
}

TEST_F(TinyParserTest, ModelRoundTripsThroughTheContainer) {
  StatusOr<Parser> parser = Parser::Load(options_->output_path);
  ASSERT_THAT(parser, IsOk());
  const std::string bytes = parser->Serialize("tiny");
  StatusOr<Parser> again = Parser::FromBytes(bytes);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->parts().weights, parser->parts().weights);
  EXPECT_EQ(again->parts().label_names, parser->parts().label_names);
  EXPECT_EQ(again->parts().xpos_names, parser->parts().xpos_names);
  EXPECT_EQ(again->parts().root_label, parser->parts().root_label);
  EXPECT_EQ(again->parts().hash_bits, 16u);
}

TEST_F(TinyParserTest, TrainingIsDeterministic) {
  ParserTrainOptions options = TinyOptions("parse_tiny_again.khm");
  ASSERT_THAT(TrainParser(options), IsOk());
  StatusOr<Parser> first = Parser::Load(options_->output_path);
  StatusOr<Parser> second = Parser::Load(options.output_path);
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(first->parts().weights, second->parts().weights);
}

TEST_F(TinyParserTest, CorruptModelsAreRejected) {
  StatusOr<Parser> parser = Parser::Load(options_->output_path);
  ASSERT_THAT(parser, IsOk());
  const std::string bytes = parser->Serialize("tiny");
  std::string flipped = bytes;
  flipped[flipped.size() - 3] ^= 0x5a;
  EXPECT_THAT(Parser::FromBytes(flipped), StatusIs(StatusCode::kDataLoss, HasSubstr("")));
  EXPECT_FALSE(Parser::FromBytes(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_THAT(Parser::FromBytes("not a model"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("")));
  const std::string path = WriteTemp("parse_corrupt.khm", flipped);
  EXPECT_THAT(Parser::Load(path), StatusIs(StatusCode::kDataLoss, HasSubstr(path)));
  EXPECT_THAT(Parser::Load(::testing::TempDir() + "parse_missing.khm"),
              StatusIs(StatusCode::kNotFound, HasSubstr("")));
}

TEST(ParserFromPartsTest, RejectsInconsistentParts) {
  ParserParts parts;
  parts.upos_names = {""};
  parts.xpos_names = {""};
  parts.label_names = {"root"};
  parts.hash_bits = 8;
  parts.weights.assign((1u << 8) + internal::ActionCount(1), 0.0f);
  EXPECT_THAT(Parser::FromParts(parts), IsOk());
  ParserParts short_weights = parts;
  short_weights.weights.pop_back();
  EXPECT_THAT(Parser::FromParts(short_weights),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("weight")));
  ParserParts bad_root = parts;
  bad_root.root_label = 3;
  EXPECT_THAT(Parser::FromParts(bad_root),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("root")));
}

TEST(TrainParserTest, RejectsBadOptionsAndData) {
  ParserTrainOptions options;
  EXPECT_THAT(TrainParser(options), StatusIs(StatusCode::kInvalidArgument, HasSubstr("training")));
  options.train_files = {
      WriteTemp("parse_noroot.conllu", "1\tHi\t_\tINTJ\tUH\t_\t0\tdiscourse\t_\t_\n\n")};
  EXPECT_THAT(TrainParser(options), StatusIs(StatusCode::kInvalidArgument, HasSubstr("root")));
  options.train_files = {::testing::TempDir() + "parse_absent.conllu"};
  EXPECT_FALSE(TrainParser(options).ok());
}

// Found while fuzzing the parser loader (ASan, parser_model_fuzzer): with "root" as its
// only label (a model trained on one-word sentences) no move was allowed once every word
// was shifted, so Parse shifted past the end of the sentence and read out of bounds.
TEST(ParserLoaderTest, ModelWithOnlyTheRootLabelParsesLongerSentences) {
  model::ModelWriter writer(model::ComponentKind::kParser, kParserSchemaVersion, "x");
  writer.AddSection(kSettingsSection, std::string("\x03\x01\x08\x02\x00\x03\x02", 7));
  writer.AddSection(kVocabularySection, std::string("\x01\x00\x01\x00\x01\x04root", 10));
  writer.AddSection(kWeightsSection, std::string("\x00", 1));
  StatusOr<Parser> parser = Parser::FromBytes(writer.Serialize());
  ASSERT_THAT(parser, IsOk());
  ASSERT_EQ(parser->label_count(), 1u);
  const std::vector<Word> words = {{"Rebels"}, {"seized"}, {"the"}, {"port"}};
  ParseScratch scratch;
  std::vector<int32_t> heads(words.size());
  std::vector<uint16_t> labels(words.size());
  parser->Parse(words, scratch, heads, labels);
  int roots = 0;
  for (size_t idx = 0; idx < words.size(); ++idx) {
    EXPECT_GE(heads[idx], 0);
    EXPECT_LE(heads[idx], static_cast<int32_t>(words.size()));
    EXPECT_NE(heads[idx], static_cast<int32_t>(idx + 1));
    EXPECT_EQ(labels[idx], 0u);
    roots += heads[idx] == 0 ? 1 : 0;
  }
  EXPECT_EQ(roots, 1);
}

// The weight section is checked before the table is allocated: a few bytes may ask for
// 2^26 floats, and a bad section must be rejected without allocating them.
TEST(ParserLoaderTest, RejectsBadWeightSections) {
  auto model = [](uint8_t hash_bits, std::string weights) {
    model::ModelWriter writer(model::ComponentKind::kParser, kParserSchemaVersion, "x");
    writer.AddSection(kSettingsSection, std::string("\x03\x01") + static_cast<char>(hash_bits) +
                                            std::string("\x02\x00\x03\x02", 4));
    writer.AddSection(kVocabularySection, std::string("\x01\x00\x01\x00\x02\x04root\x01x", 12));
    writer.AddSection(kWeightsSection, std::move(weights));
    return writer.Serialize();
  };
  const std::string one_weight("\x01\x05\x00\x00\x80\x3f", 6);  // weights[5] = 1.0
  StatusOr<Parser> parser = Parser::FromBytes(model(8, one_weight));
  ASSERT_THAT(parser, IsOk());
  EXPECT_EQ(parser->parts().weights.size(), 256u + 5u);
  EXPECT_EQ(parser->parts().weights[5], 1.0f);
  EXPECT_THAT(Parser::FromBytes(model(26, one_weight + '\0')),
              StatusIs(StatusCode::kDataLoss, HasSubstr("trailing")));
  EXPECT_THAT(Parser::FromBytes(model(8, std::string("\x01\x85\x02\x00\x00\x80\x3f", 7))),
              StatusIs(StatusCode::kDataLoss, HasSubstr("range")));
  EXPECT_THAT(Parser::FromBytes(model(26, std::string("\x02\x05\x00\x00\x80\x3f", 6))),
              StatusIs(StatusCode::kDataLoss, HasSubstr("")));
}

}  // namespace
}  // namespace khabar::parse
