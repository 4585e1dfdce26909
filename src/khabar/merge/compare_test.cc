#include "khabar/merge/compare.h"

#include <gtest/gtest.h>

namespace khabar::merge {
namespace {

// Haftar's forces attack Tripoli on 5 April 2019, as one outlet reports it.
Report Attack() {
  Report report;
  report.outlet = "sahara wire";
  report.cameo = "190";
  report.root = "19";
  report.source_code = "LBYMIL";
  report.source_actor = "Khalifa Haftar";
  report.target_code = "LBYGOV";
  report.target_actor = "Libya";
  report.date = "2019-04-05";
  report.date_precision = "day";
  report.date_from_text = true;
  report.days = DaysOf(report.date, "day", true);
  report.has_place = true;
  report.place_name = "Tripoli";
  report.place_country = "LY";
  report.has_coordinates = true;
  report.lat = 32.8872;
  report.lon = 13.1913;
  report.words = {"attack", "force", "haftar", "tripoli"};
  return report;
}

TEST(CompareTest, TheSameAttackInOtherWordsMerges) {
  Report other = Attack();
  other.cameo = "193";
  other.words = {"assault", "force", "haftar", "launch", "tripoli"};
  const Evidence evidence = Compare(other, Attack());
  EXPECT_TRUE(evidence.Merges()) << evidence.Reason();
  EXPECT_EQ(evidence.Reason().substr(0, 6), "score ");
}

TEST(CompareTest, ViolenceRootsAreOneFamily) {
  Report shelling = Attack();
  shelling.cameo = "183";
  shelling.root = "18";
  EXPECT_TRUE(Compare(shelling, Attack()).veto.empty());
  Report meeting = Attack();
  meeting.cameo = "043";
  meeting.root = "04";
  EXPECT_NE(Compare(meeting, Attack()).veto.find("root families"), std::string::npos);
}

TEST(CompareTest, VetoesDifferentCountriesDaysPlacesAndReversedRoles) {
  Report other_country = Attack();
  other_country.source_code = "EGYMIL";
  EXPECT_NE(Compare(other_country, Attack()).veto.find("countries"), std::string::npos);

  Report week_later = Attack();
  week_later.date = "2019-04-12";
  week_later.days = DaysOf(week_later.date, "day", true);
  EXPECT_NE(Compare(week_later, Attack()).veto.find("dates apart"), std::string::npos);

  Report benghazi = Attack();
  benghazi.place_name = "Benghazi";
  benghazi.lat = 32.1167;
  benghazi.lon = 20.0667;
  EXPECT_NE(Compare(benghazi, Attack()).veto.find("places apart"), std::string::npos);

  Report reversed = Attack();
  std::swap(reversed.source_code, reversed.target_code);
  std::swap(reversed.source_actor, reversed.target_actor);
  EXPECT_NE(Compare(reversed, Attack()).veto.find("reversed"), std::string::npos);
}

TEST(CompareTest, ANextDayReportOfThePublicationDayStillMerges) {
  Report next_day = Attack();
  next_day.date = "2019-04-06";
  next_day.date_from_text = false;  // "Haftar's forces attacked Tripoli", published a day later
  next_day.days = DaysOf(next_day.date, "day", false);
  EXPECT_TRUE(Compare(next_day, Attack()).Merges()) << Compare(next_day, Attack()).Reason();
}

TEST(ActorAgreementTest, Levels) {
  EXPECT_EQ(ActorAgreement("LBYMIL", true, "LBYMIL", true), 1.0);
  EXPECT_EQ(ActorAgreement("LBY", true, "LBYMIL", true), 0.8);
  EXPECT_EQ(ActorAgreement("MIL", false, "LBYMIL", true), 0.6);
  EXPECT_EQ(ActorAgreement("LBYGOV", true, "LBYMIL", true), 0.4);
  EXPECT_EQ(ActorAgreement("", false, "LBYMIL", true), 0.3);
  EXPECT_EQ(ActorAgreement("COP", false, "MIL", false), 0.2);
  EXPECT_EQ(ActorAgreement("REB", false, "REBUAF", false), 0.6);
  EXPECT_EQ(ActorAgreement("EGYMIL", true, "LBYMIL", true), -1);
}

TEST(WordOverlapTest, Jaccard) {
  EXPECT_DOUBLE_EQ(WordOverlap({"a", "b", "c"}, {"b", "c", "d"}), 0.5);
  EXPECT_DOUBLE_EQ(WordOverlap({}, {"a"}), 0);
}

TEST(DistanceTest, TripoliToBenghazi) {
  EXPECT_NEAR(DistanceKm(32.8872, 13.1913, 32.1167, 20.0667), 648, 5);
}

}  // namespace
}  // namespace khabar::merge
