#include "khabar/ner/internal/word_vectors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "khabar/base/status_matchers.h"

namespace khabar::ner::internal {
namespace {

using ::khabar::testing::IsOk;
using ::testing::ElementsAre;

// An invented file in the wink layout: 3 dimensions, then the l2 norm and the word index.
// "vectors" also occurs as a word, and the object lists the words out of index order.
constexpr std::string_view kTinyJson =
    R"({"precision":8,"l2NormIndex":3,"wordIndex":4,"size":4,"dimensions":3,)"
    R"("words":["the","vectors","caf\u00e9","say \"hi\""],)"
    R"("vectors":{"the":[1,0,0,1,0],"caf\u00e9":[0,1,0,1,2],)"
    R"( "vectors" : [ 0.5 , 0.5 , 0 , 0.7071 , 1 ],"say \"hi\"":[0,0,-2.5e-1,0.25,3]},)"
    R"("unkVector":[0,0,0,0,-1]})";

TEST(WordVectorsTest, ParsesWordsAndVectorsInIndexOrder) {
  StatusOr<WordVectors> vectors = ParseWinkEmbeddings(kTinyJson, 100);
  ASSERT_THAT(vectors.status(), IsOk());
  EXPECT_EQ(vectors->dimensions, 3u);
  EXPECT_THAT(vectors->words, ElementsAre("the", "vectors", "caf\xC3\xA9", "say \"hi\""));
  EXPECT_THAT(vectors->values,
              ElementsAre(1, 0, 0, 0.5f, 0.5f, 0, 0, 1, 0, 0, 0, -0.25f));
}

TEST(WordVectorsTest, KeepsOnlyTheMostFrequentWords) {
  StatusOr<WordVectors> vectors = ParseWinkEmbeddings(kTinyJson, 2);
  ASSERT_THAT(vectors.status(), IsOk());
  EXPECT_THAT(vectors->words, ElementsAre("the", "vectors"));
  EXPECT_EQ(vectors->values.size(), 6u);
}

TEST(WordVectorsTest, RejectsBrokenFiles) {
  EXPECT_FALSE(ParseWinkEmbeddings("{}", 10).ok());
  EXPECT_FALSE(ParseWinkEmbeddings(R"({"dimensions":3})", 10).ok());
  // A vector of the wrong length, a repeated index, a bad number, an unterminated object.
  EXPECT_FALSE(ParseWinkEmbeddings(R"({"dimensions":3,"vectors":{"a":[1,2,1,0]}})", 10).ok());
  EXPECT_FALSE(
      ParseWinkEmbeddings(R"({"dimensions":1,"vectors":{"a":[1,1,0],"b":[1,1,0]}})", 10).ok());
  EXPECT_FALSE(ParseWinkEmbeddings(R"({"dimensions":1,"vectors":{"a":[x,1,0]}})", 10).ok());
  EXPECT_FALSE(ParseWinkEmbeddings(R"({"dimensions":1,"vectors":{"a":[1,1,0])", 10).ok());
  EXPECT_FALSE(ParseWinkEmbeddings(R"({"dimensions":1,"vectors":{"a\q":[1,1,0]}})", 10).ok());
  // Words past max_words are not parsed, but still need a well-formed index.
  EXPECT_TRUE(ParseWinkEmbeddings(R"({"dimensions":1,"vectors":{"a":[x,1,5]}})", 3).ok());
  EXPECT_FALSE(ParseWinkEmbeddings(R"({"dimensions":1,"vectors":{"a":[1,1,-5]}})", 3).ok());
}
}  // namespace
}  // namespace khabar::ner::internal
