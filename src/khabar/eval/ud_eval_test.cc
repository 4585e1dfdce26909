#include "khabar/eval/ud_eval.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status_matchers.h"

namespace khabar::eval {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::DoubleNear;
using ::testing::HasSubstr;

constexpr double kTolerance = 0.005;

// Builds CoNLL-U from compact rows: "ID FORM LEMMA UPOS XPOS HEAD DEPREL" for a word,
// "FIRST-LAST FORM" for a multiword token, "#..." for a comment and "" for the blank line
// that ends a sentence. FEATS, DEPS and MISC are "_".
std::string Conllu(std::initializer_list<std::string_view> rows) {
  std::string out;
  for (std::string_view row : rows) {
    if (row.empty() || row.front() == '#') {
      out.append(row).append("\n");
      continue;
    }
    std::vector<std::string> fields;
    for (size_t start = 0; start <= row.size();) {
      size_t space = std::min(row.find(' ', start), row.size());
      fields.emplace_back(row.substr(start, space - start));
      start = space + 1;
    }
    if (fields.size() == 2) {
      out += fields[0] + "\t" + fields[1] + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
    } else {
      out += fields[0] + "\t" + fields[1] + "\t" + fields[2] + "\t" + fields[3] + "\t" + fields[4] +
             "\t_\t" + fields[5] + "\t" + fields[6] + "\t_\t_\n";
    }
  }
  return out;
}

const std::string kGold = Conllu({
    "# sent_id = a1",
    "# text = Maria didn't call today.",
    "1 Maria Maria PROPN NNP 4 nsubj",
    "2-3 didn't",
    "2 did do AUX VBD 4 aux",
    "3 n't not PART RB 4 advmod",
    "4 call call VERB VB 0 root",
    "5 today today NOUN NN 4 obl:tmod",
    "6 . . PUNCT . 4 punct",
    "",
    "# sent_id = a2",
    "1 Ships ship NOUN NNS 2 nsubj",
    "2 sailed sail VERB VBD 0 root",
    "3 . . PUNCT . 2 punct",
    "",
});

// kGold with its second sentence replaced by `second`.
std::string GoldWithSecondSentence(std::initializer_list<std::string_view> second) {
  std::string first = kGold.substr(0, kGold.find("# sent_id = a2"));
  return first + Conllu(second);
}

UdScores ScoreOrDie(std::string_view gold, std::string_view system) {
  StatusOr<UdScores> scores = ScoreUd(gold, system);
  EXPECT_THAT(scores.status(), IsOk());
  return scores.ok() ? *scores : UdScores();
}

TEST(UdEvalTest, IdenticalFilesScoreHundredEverywhere) {
  UdScores scores = ScoreOrDie(kGold, kGold);
  EXPECT_EQ(scores.tokens.gold, 8u);
  EXPECT_EQ(scores.sentences.gold, 2u);
  EXPECT_EQ(scores.words.gold, 9u);
  for (const UdMetric& metric : {scores.tokens, scores.sentences, scores.words, scores.upos,
                                 scores.xpos, scores.lemma, scores.uas, scores.las}) {
    EXPECT_EQ(metric.precision(), 100.0);
    EXPECT_EQ(metric.recall(), 100.0);
    EXPECT_EQ(metric.f1(), 100.0);
  }
  EXPECT_EQ(scores.las.aligned_accuracy(), 100.0);
  EXPECT_EQ(scores.las.aligned, 9u);
}

TEST(UdEvalTest, WrongHeadLowersUasAndLas) {
  std::string system = GoldWithSecondSentence({
      "1 Ships ship NOUN NNS 2 nsubj",
      "2 sailed sail VERB VBD 0 root",
      "3 . . PUNCT . 1 punct",
      "",
  });
  UdScores scores = ScoreOrDie(kGold, system);
  EXPECT_EQ(scores.uas.correct, 8u);
  EXPECT_EQ(scores.las.correct, 8u);
  EXPECT_THAT(scores.uas.f1(), DoubleNear(88.89, kTolerance));
  EXPECT_EQ(scores.upos.f1(), 100.0);
}

TEST(UdEvalTest, SubtypeDifferenceKeepsLasButRelationDifferenceDoesNot) {
  std::string system = kGold;
  system.replace(system.find("obl:tmod"), 8, "obl");
  EXPECT_EQ(ScoreOrDie(kGold, system).las.f1(), 100.0);

  system.replace(system.find("\tobl"), 4, "\tnmod");
  UdScores scores = ScoreOrDie(kGold, system);
  EXPECT_EQ(scores.las.correct, 8u);
  EXPECT_EQ(scores.uas.correct, 9u);
}

TEST(UdEvalTest, UnderscoreGoldLemmaMatchesAnything) {
  std::string gold = GoldWithSecondSentence({
      "1 Ships _ NOUN NNS 2 nsubj",
      "2 sailed sail VERB VBD 0 root",
      "3 . . PUNCT . 2 punct",
      "",
  });
  EXPECT_EQ(ScoreOrDie(gold, kGold).lemma.f1(), 100.0);
  // The other way round an underscore is just a wrong lemma.
  EXPECT_EQ(ScoreOrDie(kGold, gold).lemma.correct, 8u);
}

TEST(UdEvalTest, SplitTokenLowersTokenPrecisionAndRecall) {
  std::string system = GoldWithSecondSentence({
      "1 Ships ship NOUN NNS 2 nsubj",
      "2 sail sail VERB VB 0 root",
      "3 ed ed X AFX 2 dep",
      "4 . . PUNCT . 2 punct",
      "",
  });
  UdScores scores = ScoreOrDie(kGold, system);
  EXPECT_EQ(scores.tokens.correct, 7u);
  EXPECT_EQ(scores.tokens.system, 9u);
  EXPECT_THAT(scores.tokens.precision(), DoubleNear(77.78, kTolerance));
  EXPECT_THAT(scores.tokens.recall(), DoubleNear(87.50, kTolerance));
  EXPECT_EQ(scores.words.correct, 8u);
  EXPECT_EQ(scores.sentences.f1(), 100.0);
}

TEST(UdEvalTest, UnsplitMultiwordTokenAlignsNoneOfItsWords) {
  std::string system = Conllu({
                           "1 Maria Maria PROPN NNP 3 nsubj",
                           "2 didn't do AUX VBD 3 aux",
                           "3 call call VERB VB 0 root",
                           "4 today today NOUN NN 3 obl:tmod",
                           "5 . . PUNCT . 3 punct",
                           "",
                       }) +
                       kGold.substr(kGold.find("# sent_id = a2"));
  UdScores scores = ScoreOrDie(kGold, system);
  EXPECT_EQ(scores.tokens.f1(), 100.0);
  // LCS over {did, n't} and {didn't} is empty.
  EXPECT_EQ(scores.words.correct, 7u);
  EXPECT_THAT(scores.words.precision(), DoubleNear(87.50, kTolerance));
  EXPECT_THAT(scores.words.recall(), DoubleNear(77.78, kTolerance));
  // Heads of the aligned words still align to each other.
  EXPECT_EQ(scores.uas.correct, 7u);
  EXPECT_EQ(scores.uas.aligned_accuracy(), 100.0);
  EXPECT_THAT(scores.uas.f1(), DoubleNear(82.35, kTolerance));
}

TEST(UdEvalTest, MultiwordPartsAlignByLowercasedForm) {
  std::string system = kGold;
  system.replace(system.find("2\tdid\t"), 6, "2\tDID\t");
  system.replace(system.find("3\tn't\tnot"), 9, "3\tnot\tnot");
  UdScores scores = ScoreOrDie(kGold, system);
  EXPECT_EQ(scores.words.correct, 8u);  // "did" ~ "DID"; "n't" != "not"
  EXPECT_EQ(scores.upos.correct, 8u);
}

TEST(UdEvalTest, DifferentMultiwordTokenizationsAlignWordsInsideTheirSpan) {
  std::string gold = Conllu({
      "1-2 al",
      "1 a a ADP _ 3 case",
      "2 el el DET _ 3 det",
      "3 campo campo NOUN _ 0 root",
      "",
  });
  std::string system = Conllu({
      "1-3 alcampo",
      "1 a a ADP _ 3 case",
      "2 el el DET _ 3 det",
      "3 campo campo NOUN _ 0 root",
      "",
  });
  UdScores scores = ScoreOrDie(gold, system);
  EXPECT_EQ(scores.tokens.correct, 0u);
  EXPECT_EQ(scores.words.f1(), 100.0);
  EXPECT_EQ(scores.las.f1(), 100.0);
}

TEST(UdEvalTest, MergedSentencesLowerSentenceScore) {
  std::string system = Conllu({
      "1 Maria Maria PROPN NNP 4 nsubj",
      "2-3 didn't",
      "2 did do AUX VBD 4 aux",
      "3 n't not PART RB 4 advmod",
      "4 call call VERB VB 0 root",
      "5 today today NOUN NN 4 obl:tmod",
      "6 . . PUNCT . 4 punct",
      "7 Ships ship NOUN NNS 8 nsubj",
      "8 sailed sail VERB VBD 0 root",
      "9 . . PUNCT . 8 punct",
      "",
  });
  system.replace(system.find("VBD\t_\t0"), 7, "VBD\t_\t4");
  UdScores scores = ScoreOrDie(kGold, system);
  EXPECT_EQ(scores.sentences.gold, 2u);
  EXPECT_EQ(scores.sentences.system, 1u);
  EXPECT_EQ(scores.sentences.correct, 0u);
  EXPECT_EQ(scores.tokens.f1(), 100.0);
  EXPECT_EQ(scores.words.f1(), 100.0);
  EXPECT_EQ(scores.upos.f1(), 100.0);
  EXPECT_EQ(scores.lemma.f1(), 100.0);
  EXPECT_EQ(scores.uas.correct, 8u);  // only the former root of the second sentence
}

TEST(UdEvalTest, SpacesInsideFormsAreNotPartOfTheText) {
  // "10 000" with an ASCII space and "5 000" with a no-break space (U+00A0) as tokens.
  std::string gold =
      "1\t10 000\t_\tNUM\tCD\t_\t0\troot\t_\t_\n"
      "2\t5\xC2\xA0\x30\x30\x30\t_\tNUM\tCD\t_\t1\tconj\t_\t_\n\n";
  std::string system = Conllu({
      "1 10 _ NUM CD 0 root",
      "2 000 _ NUM CD 1 flat",
      "3 5000 _ NUM CD 1 conj",
      "",
  });
  UdScores scores = ScoreOrDie(gold, system);
  EXPECT_EQ(scores.tokens.correct, 1u);
  EXPECT_EQ(scores.words.correct, 1u);
  EXPECT_EQ(scores.sentences.f1(), 100.0);
}

TEST(UdEvalTest, DifferentTextsNameFirstDifferingCharacter) {
  std::string system = kGold;
  system.replace(system.find("1\tMaria\t"), 8, "1\tMario\t");
  EXPECT_THAT(
      ScoreUd(kGold, system).status(),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("at character 4"), HasSubstr("gold file: 'adidn'tcalltoday.Shi'"),
                     HasSubstr("system file: 'odidn'tcalltoday.Shi'"))));
}

TEST(UdEvalTest, CommentsAndEmptyNodesAreSkipped) {
  std::string system = kGold;
  system.insert(system.find("4\tcall"), "3.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n");
  system = "# newdoc id = extra\n" + system;
  EXPECT_EQ(ScoreOrDie(kGold, system).las.f1(), 100.0);
}

struct MalformedCase {
  const char* name;
  const char* conllu;
  const char* location;  // "LINE:" of the error
  const char* message;
};

class UdEvalMalformedTest : public ::testing::TestWithParam<MalformedCase> {};

const std::string kOneWord = "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";

TEST_P(UdEvalMalformedTest, NamesFileAndLine) {
  const MalformedCase& test = GetParam();
  EXPECT_THAT(
      ScoreUd(test.conllu, kOneWord).status(),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr(std::string("gold:") + test.location), HasSubstr(test.message))));
  EXPECT_THAT(
      ScoreUd(kOneWord, test.conllu).status(),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr(std::string("system:") + test.location), HasSubstr(test.message))));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UdEvalMalformedTest,
    ::testing::Values(
        MalformedCase{"FewColumns", "# c\n1\tYes\tyes\n\n", "2:", "10 tab-separated columns"},
        MalformedCase{"BadId", "x\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
                      "1:", "Cannot parse word ID 'x'"},
        MalformedCase{"IdOutOfSequence", "2\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
                      "1:", "Incorrect word ID '2'"},
        MalformedCase{"BadMultiwordId", "1-x\tYes\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
                      "1:", "Cannot parse multi-word token ID '1-x'"},
        MalformedCase{"BadHead", "1\tYes\tyes\tINTJ\tUH\t_\t_\troot\t_\t_\n\n",
                      "1:", "Cannot parse HEAD '_'"},
        MalformedCase{"NegativeHead", "1\tYes\tyes\tINTJ\tUH\t_\t-1\troot\t_\t_\n\n",
                      "1:", "HEAD cannot be negative"},
        MalformedCase{"HeadOutside", "1\tYes\tyes\tINTJ\tUH\t_\t2\troot\t_\t_\n\n",
                      "2:", "HEAD '2' points outside of the sentence"},
        MalformedCase{"Cycle",
                      "1\tYe\tye\tINTJ\tUH\t_\t2\troot\t_\t_\n"
                      "2\ts\ts\tINTJ\tUH\t_\t1\troot\t_\t_\n\n",
                      "3:", "There is a cycle in a sentence"},
        MalformedCase{"TwoRoots",
                      "1\tYe\tye\tINTJ\tUH\t_\t0\troot\t_\t_\n"
                      "2\ts\ts\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
                      "3:", "There are multiple roots in a sentence"},
        // The script opens a sentence at a second blank line, which then has no root.
        MalformedCase{"DoubleBlankLine", "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n\n",
                      "3:", "There are multiple roots in a sentence"},
        MalformedCase{"SpaceOnlyForm", "1\t \tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
                      "1:", "There is an empty FORM"},
        MalformedCase{"NoFinalBlankLine", "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n",
                      "2:", "does not end with empty line"},
        MalformedCase{"InvalidUtf8", "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n\xFF\n",
                      "3:", "invalid UTF-8"}),
    [](const ::testing::TestParamInfo<MalformedCase>& info) { return info.param.name; });

}  // namespace
}  // namespace khabar::eval
