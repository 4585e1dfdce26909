#include "khabar/dict/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "khabar/dict/internal/inflect.h"

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(NormalizeKeyTest, LowercasesAsciiAndKeepsPunctuation) {
  EXPECT_EQ(NormalizeKey("AL-QARYA"), "al-qarya");
  EXPECT_EQ(NormalizeKey("U.N."), "u.n.");
  EXPECT_EQ(NormalizeKey("B&Q"), "b&q");
}

TEST(NormalizeKeyTest, LowercasesNonAscii) {
  EXPECT_EQ(NormalizeKey("\xC3\x89TAT"), "\xC3\xA9tat");  // ÉTAT -> état
  EXPECT_EQ(NormalizeKey("\xD0\x9C\xD0\x98\xD0\xA0"), "\xD0\xBC\xD0\xB8\xD1\x80");  // МИР -> мир
}

TEST(NormalizeKeyTest, CopiesIllFormedBytes) {
  EXPECT_EQ(NormalizeKey("A\xFF"
                         "B"),
            "a\xFF"
            "b");
}

TEST(NormalizeKeyTest, IsNormalizedKeyAgreesWithNormalizeKey) {
  for (std::string_view word : {"plain", "Mixed", "\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89", ""}) {
    EXPECT_EQ(IsNormalizedKey(word), NormalizeKey(word) == word) << word;
  }
}

TEST(SplitPhraseTest, UnderscoresAndSpacesSeparateWords) {
  EXPECT_THAT(SplitPhrase("GRAND_VIZIER OF_THE_WEST_"),
              ElementsAre("grand", "vizier", "of", "the", "west"));
  EXPECT_THAT(SplitPhrase("__A__B\t"), ElementsAre("a", "b"));
  EXPECT_THAT(SplitPhrase("_ _"), IsEmpty());
}

// (variant, canonical): every variant's transliteration key is the canonical spelling's.
struct Variant {
  std::string_view variant;
  std::string_view canonical;
};

constexpr Variant kVariants[] = {
    {"Hafter", "Haftar"},       {"Hifter", "Haftar"},         {"HAFTAR", "Haftar"},
    {"Hiftar", "Haftar"},       {"Ashmawi", "Ashmawy"},       {"ASHMAWY", "Ashmawy"},
    {"Hesham", "Hisham"},       {"Mourabitoun", "Murabitun"}, {"Murabitoun", "Murabitun"},
    {"Morabitoun", "Murabitun"}, {"Sissi", "Sisi"},           {"Serraj", "Sarraj"},
    {"Sarradj", "Sarraj"},      {"Kamal", "Kamel"},           {"Kamil", "Kamel"},
    {"Bayt", "Beit"},           {"Bait", "Beit"},             {"Mohammed", "Muhammad"},
    {"Mohamed", "Muhammad"},    {"Mahmoud", "Mahmud"},        {"Omar", "Umar"},
    {"Darnah", "Derna"},        {"Khalifah", "Khalifa"},      {"Khaleefa", "Khalifa"},
    {"Qa'ida", "Qaida"},        {"Qa\u2019ida", "Qaida"},     {"Maqdis", "Makdis"},
    {"Sayyid", "Sayed"},        {"Mi\u015Fr\u0101tah", "Misratah"},  // Mişrātah
    {"\u00C9LYS\u00C9E", "Elysee"},
};

TEST(TransliterationKeyTest, VariantsMeetTheirCanonicalSpelling) {
  for (const Variant& pair : kVariants) {
    EXPECT_EQ(TransliterationKey(pair.variant), TransliterationKey(pair.canonical))
        << pair.variant << " vs " << pair.canonical;
  }
}

TEST(TransliterationKeyTest, NearMissesStayApart) {
  constexpr std::pair<std::string_view, std::string_view> kApart[] = {
      {"Haftar", "Hafez"},   {"Sisi", "Sadat"},    {"Ashmawy", "Ashraf"},  {"Hisham", "Hamas"},
      {"Sarraj", "Sharaa"},  {"Kamel", "Camel"},   {"Murabitun", "Murad"}, {"Morsi", "Moussa"},
      {"Egypt", "Libya"},    {"army", "arms"},     {"Omar", "Amr"},        {"Sisi", "Sissoko"},
      {"Said", "Sayed"},     {"Beit", "Bet"},      {"police", "palace"},   {"Derna", "Durban"}};
  for (const auto& [first, second] : kApart) {
    EXPECT_NE(TransliterationKey(first), TransliterationKey(second)) << first << " vs " << second;
  }
}

TEST(TransliterationKeyTest, DocumentedRules) {
  EXPECT_EQ(TransliterationKey("Haftar"), "hefter");    // a/e/i between consonants -> e
  EXPECT_EQ(TransliterationKey("Ashmawy"), "ashmewi");  // final y after a consonant -> i
  EXPECT_EQ(TransliterationKey("Sisi"), "sesi");        // a final vowel stays
  EXPECT_EQ(TransliterationKey("Mourabitoun"), "murebetun");  // ou -> u
  EXPECT_EQ(TransliterationKey("Darnah"), "derna");     // final h after a vowel dropped
  EXPECT_EQ(TransliterationKey("Bayt"), "beyt");        // ay/ai/ei before a consonant -> ey
  EXPECT_EQ(TransliterationKey("Qaddafi"), "kedefi");   // q -> k, doubled letters -> one
  EXPECT_EQ(TransliterationKey("U.S."), "u.s.");        // punctuation ends a run
  EXPECT_EQ(TransliterationKey("\u041C\u0418\u0420"), "\u043C\u0438\u0440");  // МИР -> мир
  EXPECT_EQ(TransliterationKey(""), "");
}

// The price of a consonant skeleton: names that differ only in short vowels collide. The
// exact key still tells them apart, and FindActors prefers an exact match.
TEST(TransliterationKeyTest, KnownCollisionsOfDistinctNames) {
  EXPECT_EQ(TransliterationKey("Hisham"), TransliterationKey("Hashem"));
  EXPECT_EQ(TransliterationKey("Fattah"), TransliterationKey("Fatah"));
  EXPECT_EQ(TransliterationKey("Sissy"), TransliterationKey("Sisi"));  // capitalised: a match
}

TEST(TransliterationKeyTest, IllFormedUtf8FallsBackToTheExactKey) {
  EXPECT_EQ(TransliterationKey("A\xFF" "B"), "a\xFF" "b");
}

TEST(TransliterationKeyTest, ArticlesAreTheirOwnWord) {
  EXPECT_TRUE(IsArticle("al"));
  EXPECT_TRUE(IsArticle("El"));
  EXPECT_TRUE(IsArticle("AL"));
  EXPECT_FALSE(IsArticle("all"));
  EXPECT_FALSE(IsArticle("a"));
  EXPECT_FALSE(IsArticle("il"));
}

std::vector<std::string> Keys(std::vector<std::string_view> tokens, ArticleMode mode) {
  TransliteratedTokens out;
  TransliterateTokens(tokens, mode, &out);
  return out.keys;
}

TEST(TransliterateTokensTest, TokenizedHyphenatedArticleIsOneOptionalWord) {
  // The tokenizer writes "el-Sisi" as "el", "-", "Sisi".
  EXPECT_THAT(Keys({"el", "-", "Sisi"}, ArticleMode::kKeep), ElementsAre("al", "sesi"));
  EXPECT_THAT(Keys({"al", "Sisi"}, ArticleMode::kKeep), ElementsAre("al", "sesi"));
  EXPECT_THAT(Keys({"Al-Sisi"}, ArticleMode::kKeep), ElementsAre("al", "sesi"));
  EXPECT_THAT(Keys({"el", "-", "Sisi"}, ArticleMode::kDrop), ElementsAre("sesi"));
  EXPECT_THAT(Keys({"al-sisi"}, ArticleMode::kDrop), ElementsAre("sesi"));
  EXPECT_THAT(Keys({"Sisi"}, ArticleMode::kDrop), ElementsAre("sesi"));
}

TEST(TransliterateTokensTest, OriginsPointAtTheTokens) {
  TransliteratedTokens out;
  std::vector<std::string_view> tokens = {"Hisham", "el", "-", "Ashmawy", "-", "led"};
  TransliterateTokens(tokens, ArticleMode::kKeep, &out);
  EXPECT_THAT(out.keys, ElementsAre("heshem", "al", "ashmewi", "-", "led"));
  EXPECT_THAT(out.origins, ElementsAre(0u, 1u, 3u, 4u, 5u));
  TransliterateTokens(tokens, ArticleMode::kDrop, &out);
  EXPECT_THAT(out.origins, ElementsAre(0u, 3u, 4u, 5u));
}

TEST(TransliterateTokensTest, LoneFinalArticleIsKept) {
  EXPECT_THAT(Keys({"al"}, ArticleMode::kDrop), ElementsAre("al"));
}

TEST(InflectTest, RegularPlural) {
  EXPECT_EQ(internal::RegularPlural("guard"), "guards");
  EXPECT_EQ(internal::RegularPlural("militia"), "militias");
  EXPECT_EQ(internal::RegularPlural("deputy"), "deputies");
  EXPECT_EQ(internal::RegularPlural("envoy"), "envoys");
  EXPECT_EQ(internal::RegularPlural("boss"), "bosses");
  EXPECT_EQ(internal::RegularPlural("church"), "churches");
}

TEST(InflectTest, RegularVerbForms) {
  EXPECT_THAT(internal::RegularVerbForms("attack"),
              ElementsAre("attacks", "attacked", "attacking"));
  EXPECT_THAT(internal::RegularVerbForms("seize"), ElementsAre("seizes", "seized", "seizing"));
  EXPECT_THAT(internal::RegularVerbForms("rally"), ElementsAre("rallies", "rallied", "rallying"));
  EXPECT_THAT(internal::RegularVerbForms("relay"), ElementsAre("relays", "relayed", "relaying"));
  EXPECT_THAT(internal::RegularVerbForms("agree"), ElementsAre("agrees", "agreed", "agreeing"));
  EXPECT_THAT(internal::RegularVerbForms("tie"), ElementsAre("ties", "tied", "tying"));
  EXPECT_THAT(internal::RegularVerbForms("fax"), ElementsAre("faxes", "faxed", "faxing"));
}

}  // namespace
}  // namespace khabar::dict
