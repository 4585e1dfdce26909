#include "khabar/tag/lemmatizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::tag {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

enum : uint16_t { kNn, kNns, kNnp, kPrp, kVbd, kVbg, kVbz };

std::string Lemma(const Lemmatizer& lemmatizer, std::string_view form, uint16_t xpos) {
  std::string out;
  lemmatizer.Lemmatize(form, xpos, out);
  return out;
}

Lemmatizer Learned() {
  Lemmatizer::Builder builder;
  builder.AddWord("running", kVbg, "run");
  builder.AddWord("walking", kVbg, "walk");
  builder.AddWord("talking", kVbg, "talk");
  builder.AddWord("went", kVbd, "go");
  builder.AddWord("walked", kVbd, "walk");
  builder.AddWord("jumped", kVbd, "jump");
  builder.AddWord("boxes", kNns, "box");
  builder.AddWord("foxes", kNns, "fox");
  builder.AddWord("Paris", kNnp, "Paris");
  builder.AddWord("Rome", kNnp, "Rome");
  builder.AddWord("I", kPrp, "I");
  builder.AddWord("I", kPrp, "I");
  builder.AddWord("i", kPrp, "I");
  builder.AddWord("is", kVbz, "be");
  builder.AddWord("_", kNn, "_");
  builder.AddException("mice", kNns, "mouse");
  builder.AddException("went", kVbd, "wend");  // the treebank wins
  return builder.Build({});
}

TEST(LemmatizerTest, TreebankLexicon) {
  Lemmatizer lemmatizer = Learned();
  EXPECT_EQ(Lemma(lemmatizer, "running", kVbg), "run");
  EXPECT_EQ(Lemma(lemmatizer, "Running", kVbg), "run");
  EXPECT_EQ(Lemma(lemmatizer, "went", kVbd), "go");
  EXPECT_EQ(Lemma(lemmatizer, "is", kVbz), "be");
}

TEST(LemmatizerTest, FormAsWrittenBeforeLowercased) {
  Lemmatizer lemmatizer = Learned();
  EXPECT_EQ(Lemma(lemmatizer, "I", kPrp), "I");
  EXPECT_EQ(Lemma(lemmatizer, "i", kPrp), "I");
}

TEST(LemmatizerTest, ExceptionListsFillGaps) {
  Lemmatizer lemmatizer = Learned();
  EXPECT_EQ(Lemma(lemmatizer, "mice", kNns), "mouse");
  EXPECT_EQ(Lemma(lemmatizer, "Mice", kNns), "mouse");
}

TEST(LemmatizerTest, SuffixRulesForUnknownWords) {
  Lemmatizer lemmatizer = Learned();
  EXPECT_EQ(Lemma(lemmatizer, "shelling", kVbg), "shell");
  EXPECT_EQ(Lemma(lemmatizer, "stormed", kVbd), "storm");
  EXPECT_EQ(Lemma(lemmatizer, "taxes", kNns), "tax");
  EXPECT_EQ(Lemma(lemmatizer, "Derna", kNnp), "Derna");
  // No rule for this tag: the form itself.
  EXPECT_EQ(Lemma(lemmatizer, "Quickly", kNn), "Quickly");
}

TEST(LemmatizerTest, ShorterSuffixWinsWhenOnlyItGivesAKnownLemma) {
  Lemmatizer::Builder builder;
  // "-elled" -> "-el" is all the long suffix has seen ...
  builder.AddWord("travelled", kVbd, "travel");
  builder.AddWord("labelled", kVbd, "label");
  builder.AddWord("modelled", kVbd, "model");
  // ... while "-ed" -> "" is the general rule.
  builder.AddWord("walked", kVbd, "walk");
  builder.AddWord("jumped", kVbd, "jump");
  builder.AddWord("stormed", kVbd, "storm");
  builder.AddKnownLemma("shell");
  Lemmatizer lemmatizer = builder.Build({});
  EXPECT_EQ(Lemma(lemmatizer, "shelled", kVbd), "shell");
  EXPECT_EQ(Lemma(lemmatizer, "cancelled", kVbd), "cancel");  // nothing known: longest rule
}

TEST(LemmatizerTest, EncodeDecodeRoundTrip) {
  Lemmatizer lemmatizer = Learned();
  model::Encoder out;
  lemmatizer.Encode(out);
  model::Decoder in(out.data());
  StatusOr<Lemmatizer> decoded = Lemmatizer::Decode(in);
  ASSERT_THAT(decoded, IsOk());
  EXPECT_TRUE(in.done());
  for (auto [form, xpos] : std::vector<std::pair<std::string, uint16_t>>{
           {"running", kVbg}, {"i", kPrp}, {"mice", kNns}, {"shelling", kVbg}, {"Derna", kNnp}}) {
    EXPECT_EQ(Lemma(*decoded, form, xpos), Lemma(lemmatizer, form, xpos)) << form;
  }
}

TEST(LemmatizerTest, DecodeRejectsTruncationAndBadScripts) {
  Lemmatizer lemmatizer = Learned();
  model::Encoder out;
  lemmatizer.Encode(out);
  for (size_t length = 0; length < out.size(); ++length) {
    model::Decoder in(std::string_view(out.data()).substr(0, length));
    EXPECT_THAT(Lemmatizer::Decode(in), StatusIs(StatusCode::kDataLoss, ::testing::_)) << length;
  }
  model::Encoder bad;
  bad.PutVarint32(1);
  bad.PutVarint32(2);  // "lower" must be 0 or 1
  bad.PutVarint32(0);
  bad.PutString("");
  model::Decoder in(bad.data());
  EXPECT_THAT(Lemmatizer::Decode(in),
              StatusIs(StatusCode::kDataLoss, ::testing::HasSubstr("script")));
}

}  // namespace
}  // namespace khabar::tag
