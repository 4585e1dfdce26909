#include "khabar/events/plover_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::events {
namespace {

TEST(PloverGsrTypeTest, MapsCameoRootsToTheGoldCategories) {
  EXPECT_EQ(PloverGsrType("036"), "AGREE");
  EXPECT_EQ(PloverGsrType("0874"), "RETREAT");
  EXPECT_EQ(PloverGsrType("0813"), "CONCEDE");
  EXPECT_EQ(PloverGsrType("080"), "CONCEDE");
  EXPECT_EQ(PloverGsrType("090"), "INVESTIGATE");
  EXPECT_EQ(PloverGsrType("1041"), "DEMAND");
  EXPECT_EQ(PloverGsrType("112"), "DISAPPROVE");
  EXPECT_EQ(PloverGsrType("1822"), "ASSAULT");
  EXPECT_EQ(PloverGsrType("190"), "FIGHT");
  EXPECT_EQ(PloverGsrType("203"), "FIGHT");
}

TEST(PloverGsrTypeTest, StatementsAndInvalidCodesHaveNoType) {
  EXPECT_EQ(PloverGsrType("010"), "");
  EXPECT_EQ(PloverGsrType("020"), "");
  EXPECT_EQ(PloverGsrType("212"), "");
  EXPECT_EQ(PloverGsrType("1a"), "");
  EXPECT_EQ(PloverGsrType(""), "");
}

TEST(ActorCountryTest, TakesTheFirstThreeLetters) {
  EXPECT_EQ(ActorCountry("EGYMIL"), "EGY");
  EXPECT_EQ(ActorCountry("IGOUNO"), "IGO");
  EXPECT_EQ(ActorCountry("MIL"), "MIL");
  EXPECT_EQ(ActorCountry("US"), "");
  EXPECT_EQ(GoldCountry("JAP"), "JPN");
  EXPECT_EQ(GoldCountry("ITL"), "ITA");
}

constexpr const char* kGold = R"([
 {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
 {"id": "A-1", "date": "2000-01-01", "event": "AGREE", "text": "Jordan and Britain agreed.",
  "source": [{"actorText": "Jordan", "code": "JOR"}, {"actorText": "Britain", "code": "GBR"}],
  "target": ""},
 {"id": "F-1", "date": "2000-01-01", "event": "FIGHT", "text": "Police opened fire and arrested them.",
  "source": [{"actorText": "police", "code": "EGY", "sector": "COP"}],
  "target": [{"actorText": "Tokyo", "code": "JAP"}]},
 {"id": "C-1", "event": "COERCE", "text": "Police opened fire and arrested them.",
  "source": [{"actorText": "police", "code": "EGY"}]}
])";

TEST(ParsePloverGoldTest, GroupsRecordsByTextAndSkipsTheHeader) {
  StatusOr<std::vector<PloverItem>> items = ParsePloverGold(kGold);
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_EQ(items->size(), 2u);
  const PloverItem& agree = (*items)[0];
  EXPECT_EQ(agree.date, "2000-01-01");
  ASSERT_EQ(agree.gold.size(), 1u);
  EXPECT_EQ(agree.gold[0].type, "AGREE");
  EXPECT_EQ(agree.gold[0].sources, (std::set<std::string>{"GBR", "JOR"}));
  EXPECT_TRUE(agree.gold[0].targets.empty());
  const PloverItem& fight = (*items)[1];
  ASSERT_EQ(fight.gold.size(), 2u);
  EXPECT_EQ(fight.gold[0].targets, (std::set<std::string>{"JPN"}));
  EXPECT_EQ(fight.gold[1].type, "COERCE");
  EXPECT_TRUE(fight.gold[1].targets.empty());
}

TEST(ParsePloverGoldTest, RejectsMalformedInput) {
  EXPECT_FALSE(ParsePloverGold("[{").ok());
  EXPECT_FALSE(ParsePloverGold("{}").ok());
  EXPECT_FALSE(ParsePloverGold("[]").ok());
  EXPECT_FALSE(ParsePloverGold("[1]").ok());
}

TEST(PloverScoreTest, ScoresTypeSetsAndActorsOfMatchingTypes) {
  StatusOr<std::vector<PloverItem>> items = ParsePloverGold(kGold);
  ASSERT_TRUE(items.ok());
  PloverScore score;
  // AGREE found with one right and one wrong source; an untyped statement is ignored.
  score.Add((*items)[0], {{"AGREE", "JOR", ""}, {"AGREE", "FRA", ""}, {"", "USA", "JOR"}});
  // FIGHT found (with a source of the wrong country), COERCE missed, ASSAULT extra; the
  // ASSAULT's actors are not scored.
  score.Add((*items)[1], {{"FIGHT", "IRQ", "JPN"}, {"ASSAULT", "EGY", ""}});
  EXPECT_EQ(score.items, 2u);
  EXPECT_EQ(score.records, 3u);
  EXPECT_EQ(score.event.tp, 2u);
  EXPECT_EQ(score.event.fp, 1u);
  EXPECT_EQ(score.event.fn, 1u);
  EXPECT_DOUBLE_EQ(score.event.f1(), 200.0 * 2 / 6);
  // Sources: AGREE {JOR,GBR} vs {JOR,FRA}; FIGHT {EGY} vs {IRQ}; COERCE {EGY} vs {}.
  EXPECT_EQ(score.source.tp, 1u);
  EXPECT_EQ(score.source.fp, 2u);
  EXPECT_EQ(score.source.fn, 3u);
  // Targets: AGREE {} vs {}; FIGHT {JPN} vs {JPN}; COERCE {} vs {}.
  EXPECT_EQ(score.target.tp, 1u);
  EXPECT_EQ(score.target.fp, 0u);
  EXPECT_EQ(score.target.fn, 0u);
  EXPECT_EQ(score.per_type["COERCE"].fn, 1u);
  EXPECT_EQ(score.per_type["ASSAULT"].fp, 1u);
  EXPECT_EQ(score.per_type["FIGHT"].tp, 1u);
}

TEST(PrfCountsTest, UndefinedMeasuresAreZero) {
  PrfCounts counts;
  EXPECT_EQ(counts.precision(), 0);
  EXPECT_EQ(counts.recall(), 0);
  EXPECT_EQ(counts.f1(), 0);
}

}  // namespace
}  // namespace khabar::events
