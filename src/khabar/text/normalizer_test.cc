#include "khabar/text/normalizer.h"

#include <gtest/gtest.h>

#include <string>

namespace khabar::text {
namespace {

struct NormalizeCase {
  const char* name;
  std::string raw;
  std::string text;
};

class NormalizerCaseTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizerCaseTest, ProducesExpectedText) {
  const NormalizeCase& c = GetParam();
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize(c.raw, text, offsets);
  EXPECT_EQ(text, c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizerCaseTest,
    ::testing::Values(
        NormalizeCase{"Ascii", "Plain ASCII stays.", "Plain ASCII stays."},
        NormalizeCase{"CurlyDouble", "\xE2\x80\x9Cyes\xE2\x80\x9D", "\"yes\""},
        NormalizeCase{"CurlySingle", "it\xE2\x80\x99s", "it's"},
        NormalizeCase{"Guillemets", "\xC2\xABnon\xC2\xBB", "\"non\""},
        NormalizeCase{"EnDash", "1990\xE2\x80\x93" "95", "1990-95"},
        NormalizeCase{"EmDash", "wait\xE2\x80\x94no", "wait--no"},
        NormalizeCase{"Minus", "\xE2\x88\x92" "5", "-5"},
        NormalizeCase{"Ellipsis", "so\xE2\x80\xA6", "so..."},
        NormalizeCase{"Nbsp", "10\xC2\xA0km", "10 km"},
        NormalizeCase{"NarrowNbsp", "5\xE2\x80\xAF%", "5 %"},
        NormalizeCase{"ZeroWidthSpace", "ab\xE2\x80\x8B" "cd", "abcd"},
        NormalizeCase{"SoftHyphen", "news\xC2\xADpaper", "newspaper"},
        NormalizeCase{"LeadingBom", "\xEF\xBB\xBFStart", "Start"},
        NormalizeCase{"NfdToNfc", "Cafe\xCC\x81", "Caf\xC3\xA9"},
        NormalizeCase{"NfcUnchanged", "Caf\xC3\xA9", "Caf\xC3\xA9"},
        NormalizeCase{"Arabic", "\xD8\xAD\xD9\x81\xD8\xAA\xD8\xB1",
                      "\xD8\xAD\xD9\x81\xD8\xAA\xD8\xB1"},
        NormalizeCase{"AngstromSingleton", "\xE2\x84\xAB", "\xC3\x85"},
        NormalizeCase{"ZwnjKept", "a\xE2\x80\x8C" "b", "a\xE2\x80\x8C" "b"},
        NormalizeCase{"Empty", "", ""}),
    [](const ::testing::TestParamInfo<NormalizeCase>& info) { return info.param.name; });

// The raw bytes behind each normalised span.
std::string RawOf(const std::string& raw, const doc::OffsetMap& offsets, uint32_t begin, uint32_t end) {
  return std::string(offsets.ToRawSpan({begin, end}).In(raw));
}

TEST(NormalizerTest, AsciiNeedsNoAnchors) {
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize("Nothing to do here.", text, offsets);
  EXPECT_TRUE(offsets.IsIdentity());
}

TEST(NormalizerTest, CurlyQuotesMapBackExactly) {
  std::string raw = "He said \xE2\x80\x9Cno\xE2\x80\x9D today.";
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize(raw, text, offsets);
  ASSERT_EQ(text, "He said \"no\" today.");
  EXPECT_EQ(RawOf(raw, offsets, 8, 9), "\xE2\x80\x9C");
  EXPECT_EQ(RawOf(raw, offsets, 9, 11), "no");
  EXPECT_EQ(RawOf(raw, offsets, 11, 12), "\xE2\x80\x9D");
  EXPECT_EQ(RawOf(raw, offsets, 13, 18), "today");
  EXPECT_EQ(RawOf(raw, offsets, 0, 2), "He");
}

TEST(NormalizerTest, NfdWordMapsToWholeRawWord) {
  std::string raw = "the Cafe\xCC\x81 opened";
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize(raw, text, offsets);
  ASSERT_EQ(text, "the Caf\xC3\xA9 opened");
  EXPECT_EQ(RawOf(raw, offsets, 4, 9), "Cafe\xCC\x81");
  EXPECT_EQ(RawOf(raw, offsets, 10, 16), "opened");
}

TEST(NormalizerTest, NbspMapsToItsBytes) {
  std::string raw = "10\xC2\xA0km away";
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize(raw, text, offsets);
  ASSERT_EQ(text, "10 km away");
  EXPECT_EQ(RawOf(raw, offsets, 0, 2), "10");
  EXPECT_EQ(RawOf(raw, offsets, 3, 5), "km");
  EXPECT_EQ(RawOf(raw, offsets, 6, 10), "away");
}

TEST(NormalizerTest, DeletedCharactersStayInsideTheirNeighbour) {
  std::string raw = "x\xE2\x80\x9C" "ab\xE2\x80\x8B" "cd ef";
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize(raw, text, offsets);
  ASSERT_EQ(text, "x\"abcd ef");
  EXPECT_EQ(RawOf(raw, offsets, 2, 6), "ab\xE2\x80\x8B" "cd");
  EXPECT_EQ(RawOf(raw, offsets, 7, 9), "ef");
}

TEST(NormalizerTest, LongCombiningRunIsBounded) {
  std::string raw = "a";
  for (int i = 0; i < 500; ++i) raw += "\xCC\x81";
  std::string text;
  doc::OffsetMap offsets;
  Normalizer().Normalize(raw, text, offsets);
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(offsets.ToRawSpan({0, static_cast<uint32_t>(text.size())}).end, raw.size());
}

}  // namespace
}  // namespace khabar::text
