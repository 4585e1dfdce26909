#include "khabar/events/event_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace khabar::events {
namespace {

// "Rebels shelled the town." with one hand-made event: REB 190 against the town.
doc::Document DocumentWithEvent() {
  doc::Document document;
  document.id = "story";
  document.outlet = "Example Wire";
  document.published = "2019-05-29";
  document.raw = "Intro line.  Rebels shelled the town.";
  document.text = "Intro line. Rebels shelled the town.";
  document.offsets.AddAnchor(0, 0);
  document.offsets.AddAnchor(11, 11);  // "Intro line." copied, then two spaces became one
  document.offsets.AddAnchor(12, 13);
  document.sentences = {doc::Sentence{0, 3, {0, 11}}, doc::Sentence{3, 8, {12, 36}}};
  doc::Event event;
  event.sentence = 1;
  event.verb = 4;
  event.source = {3, {12, 18}, "REB", ""};
  event.target = {6, {27, 35}, "EGYGOV", "ARAB_REPUBLIC_OF_EGYPT_"};
  event.cameo = "190";
  event.root = "19";
  event.quad_class = 4;
  event.goldstein = -10;
  event.plover = "ASSAULT";
  event.pattern = "- * TOWN [190]";
  event.pattern_source = "CAMEO.2.0.txt:10";
  document.events.events.push_back(event);
  return document;
}

TEST(EventJsonTest, FollowsTheDesignSchema) {
  doc::Document document = DocumentWithEvent();
  nlohmann::json event = nlohmann::json::parse(EventJson(document, document.events.events[0]));
  EXPECT_EQ(event["cameo"], "190");
  EXPECT_EQ(event["root"], "19");
  EXPECT_EQ(event["quad_class"], 4);
  EXPECT_EQ(event["plover"], "ASSAULT");
  EXPECT_EQ(event["date"], "2019-05-29");
  EXPECT_EQ(event["date_from"], "publication");
  EXPECT_EQ(event["certainty"], "asserted");
  EXPECT_EQ(event["source"]["text"], "Rebels");
  EXPECT_TRUE(event["source"]["actor"].is_null());
  EXPECT_TRUE(event["source"]["country"].is_null());  // an agent-only code names no country
  EXPECT_EQ(event["target"]["actor"], "Arab Republic Of Egypt");
  EXPECT_EQ(event["target"]["country"], "EGY");
  const nlohmann::json& report = event["reports"][0];
  EXPECT_EQ(report["doc"], "story");
  EXPECT_EQ(report["sentence"], "Rebels shelled the town.");  // raw bytes
  EXPECT_EQ(report["span"], nlohmann::json::array({13, 37}));
  EXPECT_EQ(report["pattern"], "- * TOWN [190]");
  EXPECT_TRUE(report["url"].is_null());
}

TEST(EventJsonTest, CountsAreIntegersOrNullAndCumulativeOnesAreListed) {
  doc::Document document = DocumentWithEvent();
  doc::Event& event = document.events.events[0];
  nlohmann::json none = nlohmann::json::parse(EventJson(document, event));
  EXPECT_TRUE(none["fatalities"].is_null());
  EXPECT_EQ(none["cumulative"], nlohmann::json::array());
  event.counts.killed = {450, {}, true};
  event.counts.injured = {2000, {}, false};
  nlohmann::json some = nlohmann::json::parse(EventJson(document, event));
  EXPECT_EQ(some["fatalities"], 450);
  EXPECT_EQ(some["injured"], 2000);
  EXPECT_TRUE(some["arrested"].is_null());
  EXPECT_EQ(some["cumulative"], nlohmann::json::array({"fatalities"}));
}

TEST(EventJsonTest, IdsAreStableAndDistinct) {
  doc::Document document = DocumentWithEvent();
  const std::string id = EventId(document, document.events.events[0]);
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id, EventId(DocumentWithEvent(), document.events.events[0]));
  doc::Event other = document.events.events[0];
  other.cameo = "193";
  EXPECT_NE(id, EventId(document, other));
}

TEST(EventJsonTest, NegatedEventsSaySo) {
  doc::Document document = DocumentWithEvent();
  document.events.events[0].negated = true;
  nlohmann::json event = nlohmann::json::parse(EventJson(document, document.events.events[0]));
  EXPECT_EQ(event["certainty"], "negated");
  EXPECT_EQ(event["negated"], true);
}

}  // namespace
}  // namespace khabar::events
