// Pins the store's copies of the event JSON's recipes (events/event_json.cc) on known inputs.
// The expected values were produced by events::EventId, events::CountryOf and
// events::EventJson themselves; if one of these tests fails, the two copies have drifted
// and stored event ids no longer match the ids of `khabar code --events` output.
#include "khabar/store/internal/event_columns.h"

#include <gtest/gtest.h>

namespace khabar::store::internal {
namespace {

doc::Event MakeEvent(uint32_t sentence, doc::WordIndex verb, std::string source,
                     std::string cameo, std::string target) {
  doc::Event event;
  event.sentence = sentence;
  event.verb = verb;
  event.source.code = std::move(source);
  event.cameo = std::move(cameo);
  event.target.code = std::move(target);
  return event;
}

TEST(EventColumnsTest, EventIdMatchesTheEventJsonRecipe) {
  doc::Document document;
  document.id = "afp-2019-05-28-0042";
  EXPECT_EQ(EventId(document, MakeEvent(2, 7, "EGYGOV", "0332", "LBYMIL")), "7c3deebe1d0d8d87");
  // No verb (kNoHead) and no target still give a stable id.
  EXPECT_EQ(EventId(document, MakeEvent(0, doc::kNoHead, "MIL", "190", "")), "9bf8b747f71dc222");
}

TEST(EventColumnsTest, EventIdIgnoresEverythingButItsKey) {
  doc::Document document;
  document.id = "x";
  doc::Event event = MakeEvent(0, 1, "EGYGOV", "040", "LBYMIL");
  const std::string id = EventId(document, event);
  event.pattern = "* MEET";
  event.goldstein = 1;
  event.source.actor = "EGYPT_";
  EXPECT_EQ(EventId(document, event), id);
  event.verb = 2;
  EXPECT_NE(EventId(document, event), id);
}

TEST(EventColumnsTest, CountryOfNeedsAnActorAndACountryPrefix) {
  doc::EventArgument argument;
  argument.code = "EGYMIL";
  argument.actor = "EGYPT_";
  EXPECT_EQ(CountryOf(argument), "EGY");
  argument.code = "IGOUNO";
  EXPECT_EQ(CountryOf(argument), "");
  argument.code = "EGYMIL";
  argument.actor.clear();  // an agent-only code
  EXPECT_EQ(CountryOf(argument), "");
  const doc::EventArgument too_short{doc::kNoHead, {}, "EG", "X"};
  EXPECT_EQ(CountryOf(too_short), "");
}

TEST(EventColumnsTest, ActorDisplayNameMatchesTheEventJson) {
  EXPECT_EQ(ActorDisplayName("ABDEL_FATTAH_AL-SISI"), "Abdel Fattah Al-Sisi");
  EXPECT_EQ(ActorDisplayName("KHALIFA_(BELQASIM)_HAFTAR_"), "Khalifa (Belqasim) Haftar");
  EXPECT_EQ(ActorDisplayName("EGYPT_"), "Egypt");
  EXPECT_EQ(ActorDisplayName(""), "");
}

TEST(EventColumnsTest, GoldsteinKeepsTheFloatsShortestDecimal) {
  EXPECT_EQ(GoldsteinColumn(2.8f), 2.8);
  EXPECT_EQ(GoldsteinColumn(-10.0f), -10.0);
  EXPECT_EQ(GoldsteinColumn(0.0f), 0.0);
}

}  // namespace
}  // namespace khabar::store::internal
