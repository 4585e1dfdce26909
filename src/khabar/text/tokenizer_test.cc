#include "khabar/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::text {
namespace {

std::string Join(std::string_view text) {
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize(text, &tokens);
  std::string joined;
  for (const doc::Token& token : tokens) {
    if (!joined.empty()) joined += " | ";
    joined += token.span.In(text);
  }
  return joined;
}

struct TokenizeCase {
  const char* name;
  const char* text;
  const char* tokens;
};

class TokenizerCaseTest : public ::testing::TestWithParam<TokenizeCase> {};

TEST_P(TokenizerCaseTest, SplitsLikeEwt) { EXPECT_EQ(Join(GetParam().text), GetParam().tokens); }

INSTANTIATE_TEST_SUITE_P(
    Cases, TokenizerCaseTest,
    ::testing::Values(
        TokenizeCase{"Punctuation", "Rain fell, then (briefly) stopped.",
                     "Rain | fell | , | then | ( | briefly | ) | stopped | ."},
        TokenizeCase{"Contraction", "They don't know.", "They | don't | know | ."},
        TokenizeCase{"Possessive", "The mayor's office", "The | mayor's | office"},
        TokenizeCase{"PluralPossessive", "the workers' union", "the | workers' | union"},
        TokenizeCase{"DetachedClitic", "the P&L #'s in '72 were lovin' it",
                     "the | P&L | # | 's | in | '72 | were | lovin' | it"},
        TokenizeCase{"SingleQuotes", "a 'dangerous' plan", "a | ' | dangerous | ' | plan"},
        TokenizeCase{"ClosingQuoteAfterS", "'the workers' said", "' | the | workers | ' | said"},
        TokenizeCase{"HyphenSplit", "a search-engine firm", "a | search | - | engine | firm"},
        TokenizeCase{"HyphenPrefixKept", "an e-mail on non-violent pre-war plans",
                     "an | e-mail | on | non-violent | pre-war | plans"},
        TokenizeCase{"ArabicArticleSplit", "Omar al-Farouq met el-Masri",
                     "Omar | al | - | Farouq | met | el | - | Masri"},
        TokenizeCase{"YearRangeSplit", "from 1998-2003", "from | 1998 | - | 2003"},
        TokenizeCase{"PhoneKept", "call 555-0142 or 1-800-555-0199", "call | 555-0142 | or | 1-800-555-0199"},
        TokenizeCase{"Numbers", "2,000 troops, 3.5 percent, the 1990s",
                     "2,000 | troops | , | 3.5 | percent | , | the | 1990s"},
        TokenizeCase{"DateAndTime", "on 9/11 at 10:30", "on | 9/11 | at | 10:30"},
        TokenizeCase{"SlashDateAndFraction", "by 04/30/2001, 2/3 of them", "by | 04/30/2001 | , | 2 | / | 3 | of | them"},
        TokenizeCase{"Mailto", "<mailto:jo@example.org>", "< | mailto:jo@example.org | >"},
        TokenizeCase{"NumberUnit", "at 5pm, 6:00am or 10km; 1990s", "at | 5 | pm | , | 6:00 | am | or | 10 | km | ; | 1990s"},
        TokenizeCase{"FileExtension", "open the .doc file", "open | the | .doc | file"},
        TokenizeCase{"Money", "$45 or 12%", "$ | 45 | or | 12 | %"},
        TokenizeCase{"Url", "see https://example.org/a?b=1, now", "see | https://example.org/a?b=1 | , | now"},
        TokenizeCase{"WwwUrl", "(www.example.com)", "( | www.example.com | )"},
        TokenizeCase{"Email", "mail jo.smith@example.co.uk.", "mail | jo.smith@example.co.uk | ."},
        TokenizeCase{"Handle", "@NewsDesk and #Libya", "@NewsDesk | and | #Libya"},
        TokenizeCase{"Titles", "Maj. Gen. Ali and Dr. Noor", "Maj. | Gen. | Ali | and | Dr. | Noor"},
        TokenizeCase{"Countries", "the U.S. and the U.N. agreed", "the | U.S. | and | the | U.N. | agreed"},
        TokenizeCase{"NumberAbbreviation", "No. 5 said no.", "No. | 5 | said | no | ."},
        TokenizeCase{"Initials", "J. R. Smith", "J. | R. | Smith"},
        TokenizeCase{"SentenceFinalStop", "It ended. Then", "It | ended | . | Then"},
        TokenizeCase{"Ellipsis", "wait... what", "wait | ... | what"},
        TokenizeCase{"RepeatedMarks", "No!!! Really?!", "No | !!! | Really | ?!"},
        TokenizeCase{"DoubleDash", "yes--no", "yes | -- | no"},
        TokenizeCase{"Accented", "Mişrātah and São Paulo", "Mişrātah | and | São | Paulo"},
        TokenizeCase{"ArabicScript", "قال حفتر، اليوم", "قال | حفتر | ، | اليوم"},
        TokenizeCase{"Quotes", "\"Go,\" he said.", "\" | Go | , | \" | he | said | ."},
        TokenizeCase{"MissingSpace", "the end.The next", "the | end | . | The | next"},
        TokenizeCase{"Domain", "on example.com today", "on | example.com | today"},
        TokenizeCase{"Emoticon", "great :) thanks", "great | :) | thanks"},
        TokenizeCase{"Ampersand", "AT&T and R&D", "AT&T | and | R&D"}),
    [](const ::testing::TestParamInfo<TokenizeCase>& info) { return info.param.name; });

TEST(TokenizerTest, MarksSpacesAndParagraphs) {
  std::string text = "One two.\n\nThree";
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize(text, &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[0].paragraph_start);
  EXPECT_TRUE(tokens[0].space_after);
  EXPECT_FALSE(tokens[1].space_after);
  EXPECT_FALSE(tokens[1].paragraph_start);
  EXPECT_TRUE(tokens[2].space_after);
  EXPECT_TRUE(tokens[3].paragraph_start);
  EXPECT_FALSE(tokens[3].space_after);
}

TEST(TokenizerTest, SingleNewlineIsNotAParagraph) {
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize("a\nb", &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_FALSE(tokens[1].paragraph_start);
}

TEST(TokenizerTest, AbbreviationClassifier) {
  EXPECT_TRUE(Tokenizer::IsAbbreviation("Gen"));
  EXPECT_TRUE(Tokenizer::IsAbbreviation("U.S"));
  EXPECT_TRUE(Tokenizer::IsAbbreviation("K"));
  EXPECT_FALSE(Tokenizer::IsAbbreviation("ended"));
  EXPECT_TRUE(Tokenizer::IsTitle("Lt"));
  EXPECT_FALSE(Tokenizer::IsTitle("etc"));
}

}  // namespace
}  // namespace khabar::text
