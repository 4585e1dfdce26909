// Pins the event recipes shared by the JSON Lines output and the store on known inputs: a
// change here changes every stored event id.
#include "khabar/doc/events.h"

#include <gtest/gtest.h>

namespace khabar::doc {
namespace {

Event MakeEvent(uint32_t sentence, WordIndex verb, std::string source,
                     std::string cameo, std::string target) {
  Event event;
  event.sentence = sentence;
  event.verb = verb;
  event.source.code = std::move(source);
  event.cameo = std::move(cameo);
  event.target.code = std::move(target);
  return event;
}

TEST(EventRecipesTest, EventIdIsPinned) {
  EXPECT_EQ(EventId("afp-2019-05-28-0042", MakeEvent(2, 7, "EGYGOV", "0332", "LBYMIL")), "7c3deebe1d0d8d87");
  // No verb (kNoHead) and no target still give a stable id.
  EXPECT_EQ(EventId("afp-2019-05-28-0042", MakeEvent(0, kNoHead, "MIL", "190", "")), "9bf8b747f71dc222");
}

TEST(EventRecipesTest, EventIdIgnoresEverythingButItsKey) {
  Event event = MakeEvent(0, 1, "EGYGOV", "040", "LBYMIL");
  const std::string id = EventId("x", event);
  event.pattern = "* MEET";
  event.goldstein = 1;
  event.source.actor = "EGYPT_";
  EXPECT_EQ(EventId("x", event), id);
  event.verb = 2;
  EXPECT_NE(EventId("x", event), id);
}

TEST(EventRecipesTest, EventCountryNeedsAnActorAndACountryPrefix) {
  EventArgument argument;
  argument.code = "EGYMIL";
  argument.actor = "EGYPT_";
  EXPECT_EQ(EventCountry(argument), "EGY");
  argument.code = "IGOUNO";
  EXPECT_EQ(EventCountry(argument), "");
  argument.code = "EGYMIL";
  argument.actor.clear();  // an agent-only code
  EXPECT_EQ(EventCountry(argument), "");
  const EventArgument too_short{kNoHead, {}, "EG", "X"};
  EXPECT_EQ(EventCountry(too_short), "");
}

TEST(EventRecipesTest, ActorDisplayNameTitleCasesTheDictionaryPhrase) {
  EXPECT_EQ(ActorDisplayName("ABDEL_FATTAH_AL-SISI"), "Abdel Fattah Al-Sisi");
  EXPECT_EQ(ActorDisplayName("KHALIFA_(BELQASIM)_HAFTAR_"), "Khalifa (Belqasim) Haftar");
  EXPECT_EQ(ActorDisplayName("EGYPT_"), "Egypt");
  EXPECT_EQ(ActorDisplayName(""), "");
  EXPECT_EQ(ActorDisplayName("UN"), "UN");
  EXPECT_EQ(ActorDisplayName("NATO_"), "NATO");
  EXPECT_EQ(ActorDisplayName("CHINA"), "China");
}

}  // namespace
TEST(EventRecipesTest, DatesPrintToTheirPrecision) {
  EventDate date{2019, 5, 28, DatePrecision::kDay, true, {}};
  EXPECT_EQ(FormatEventDate(date), "2019-05-28");
  date.precision = DatePrecision::kMonth;
  EXPECT_EQ(FormatEventDate(date), "2019-05");
  date.precision = DatePrecision::kYear;
  EXPECT_EQ(FormatEventDate(date), "2019");
  date.precision = DatePrecision::kNone;
  EXPECT_EQ(FormatEventDate(date), "");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kMonth), "month");
  EXPECT_EQ(PlacePrecisionName(PlacePrecision::kAdmin1), "admin1");
  EXPECT_EQ(CertaintyName(Certainty::kHypothetical), "hypothetical");
}

}  // namespace khabar::doc
