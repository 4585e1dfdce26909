#include "khabar/where/gazetteer.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/where/place_key.h"
#include "khabar/where/where_stage.h"

namespace khabar::where {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

// One GeoNames line with the 19 columns; the places are invented or, where the name matters
// (Tripoli), given made-up figures.
std::string City(int id, std::string_view name, std::string_view alternates, std::string_view code,
                 std::string_view country, int population) {
  return fmt::format("{}\t{}\t{}\t{}\t1.5\t2.5\tP\t{}\t{}\t\t01\t\t\t\t{}\t\t10\tAfrica/Nowhere\t2024-01-01\n", id,
                     name, name, alternates, code, country, population);
}

constexpr char kCountries[] = R"({"3166-1": [
  {"alpha_2": "LY", "alpha_3": "LBY", "name": "Libya", "official_name": "State of Libya"},
  {"alpha_2": "LB", "alpha_3": "LBN", "name": "Lebanon"},
  {"alpha_2": "SY", "alpha_3": "SYR", "name": "Syrian Arab Republic", "common_name": "Syria"},
  {"alpha_2": "XX"}
]})";

constexpr char kSubdivisions[] = R"({"3166-2": [
  {"code": "LY-ZZ", "name": "Wadi Qamar", "type": "District"},
  {"code": "LY-ZZ-1", "name": "Lower Qamar", "type": "Part", "parent": "ZZ"},
  {"code": "LB-SS", "name": "South", "type": "Region"}
]})";

std::unique_ptr<Gazetteer> Build(const std::string& cities) {
  StatusOr<std::unique_ptr<Gazetteer>> gazetteer =
      Gazetteer::FromText(cities, "cities.txt", kCountries, "iso_3166-1.json", kSubdivisions, "iso_3166-2.json");
  EXPECT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  return gazetteer.ok() ? std::move(*gazetteer) : nullptr;
}

std::string Names(const Gazetteer& gazetteer, std::string_view text) {
  std::vector<std::string_view> words = PlaceNameWords(text);
  std::string out;
  for (const Candidate& candidate : gazetteer.Find(words)) {
    const Place& place = gazetteer.place(candidate.place);
    out += fmt::format("{}{}/{}{}", out.empty() ? "" : " ", gazetteer.name(place), place.country_code(),
                       candidate.exact ? "" : "~");
  }
  return out;
}

std::string SampleCities() {
  return City(1, "Qaryat Zahrah", "Zahra,Karyat Zahra,QZH,zhr", "PPLA", "LY", 80000) +
         City(2, "Tripoli", "Tarabulus", "PPLC", "LY", 1000000) +
         City(3, "Tripoli", "Trablous", "PPLA", "LB", 200000) +
         City(4, "Mişrātah Jadīdah", "", "PPL", "LY", 9000);
}

TEST(GazetteerTest, LoadsCitiesCountriesAndFirstLevelSubdivisions) {
  std::unique_ptr<Gazetteer> gazetteer = Build(SampleCities());
  ASSERT_NE(gazetteer, nullptr);
  EXPECT_EQ(gazetteer->size(), 3u + 2u + 4u);  // three countries, two admin1, four cities
  EXPECT_EQ(Names(*gazetteer, "Libya"), "Libya/LY");
  EXPECT_EQ(Names(*gazetteer, "State of Libya"), "Libya/LY");
  EXPECT_EQ(Names(*gazetteer, "Syria"), "Syria/SY");
  EXPECT_EQ(Names(*gazetteer, "Wadi Qamar"), "Wadi Qamar/LY");
  EXPECT_EQ(Names(*gazetteer, "Lower Qamar"), "");
  EXPECT_EQ(Names(*gazetteer, "South"), "");  // a region named by a compass word alone
  EXPECT_EQ(gazetteer->Alpha2("LBY"), "LY");
  EXPECT_EQ(gazetteer->Alpha2("ZZZ"), "");
}

TEST(GazetteerTest, MatchesAlternateNamesAndTransliterations) {
  std::unique_ptr<Gazetteer> gazetteer = Build(SampleCities());
  ASSERT_NE(gazetteer, nullptr);
  EXPECT_EQ(Names(*gazetteer, "Zahra"), "Qaryat Zahrah/LY");
  EXPECT_EQ(Names(*gazetteer, "Zahrah"), "Qaryat Zahrah/LY~");  // Zahrah ~ Zahra
  EXPECT_EQ(Names(*gazetteer, "Qaryet Zahra"), "Qaryat Zahrah/LY~");
  EXPECT_EQ(Names(*gazetteer, "Misratah Jadidah"), "Mişrātah Jadīdah/LY");
  EXPECT_EQ(Names(*gazetteer, "Misrata Jadida"), "Mişrātah Jadīdah/LY~");
  // Codes and lower-case romanisations are not names.
  EXPECT_EQ(Names(*gazetteer, "QZH"), "");
  EXPECT_EQ(Names(*gazetteer, "zhr"), "");
}

TEST(GazetteerTest, CountryAdjectivesAreNotPlaces) {
  std::unique_ptr<Gazetteer> gazetteer = Build(SampleCities());
  ASSERT_NE(gazetteer, nullptr);
  EXPECT_EQ(Names(*gazetteer, "Libyan"), "");
  EXPECT_EQ(Names(*gazetteer, "Lebanese"), "");
  std::vector<std::string_view> libyan = {"Libyan"};
  EXPECT_EQ(gazetteer->FindCountry(libyan), nullptr);
}

TEST(GazetteerTest, BadLinesAreSkippedWithFileAndLine) {
  std::string cities = SampleCities() + "not\ta\tplace\n" +
                       City(5, "Wadi Nur", "", "PPL", "LY", 7000) +
                       "x5\tBad Id\tBad Id\t\t1\t2\tP\tPPL\tLY\t\t\t\t\t\t0\t\t0\tA/B\t2024-01-01\n";
  std::unique_ptr<Gazetteer> gazetteer = Build(cities);
  ASSERT_NE(gazetteer, nullptr);
  ASSERT_THAT(gazetteer->warnings(), SizeIs(3));  // two city lines and one country entry
  EXPECT_THAT(gazetteer->warnings()[0], HasSubstr("iso_3166-1.json: entry 4"));
  EXPECT_THAT(gazetteer->warnings()[1], HasSubstr("cities.txt:5: expected 19 tab-separated columns, found 3"));
  EXPECT_THAT(gazetteer->warnings()[2], HasSubstr("cities.txt:7:"));
  EXPECT_EQ(Names(*gazetteer, "Wadi Nur"), "Wadi Nur/LY");
}

TEST(GazetteerTest, MalformedCountryFileIsAnError) {
  StatusOr<std::unique_ptr<Gazetteer>> gazetteer = Gazetteer::FromText("", "c", "{", "iso.json", "", "");
  EXPECT_FALSE(gazetteer.ok());
  EXPECT_THAT(std::string(gazetteer.status().message()), HasSubstr("iso.json"));
}

const Place* Choose(const Gazetteer& gazetteer, std::string_view name, const PlaceContext& context) {
  std::vector<std::string_view> words = PlaceNameWords(name);
  std::vector<Candidate> candidates = gazetteer.Find(words);
  return ChoosePlace(gazetteer, candidates, context);
}

TEST(GazetteerTest, HomonymsFollowTheArticleThenPopulationAndCapitals) {
  std::unique_ptr<Gazetteer> gazetteer = Build(SampleCities());
  ASSERT_NE(gazetteer, nullptr);
  PlaceContext none;
  EXPECT_EQ(Choose(*gazetteer, "Tripoli", none)->country_code(), "LY");  // capital, bigger
  PlaceContext lebanon;
  lebanon.article_countries = {"LB"};
  EXPECT_EQ(Choose(*gazetteer, "Tripoli", lebanon)->country_code(), "LB");
  PlaceContext actors;
  actors.actor_countries = {"LB"};
  EXPECT_EQ(Choose(*gazetteer, "Tripoli", actors)->country_code(), "LB");
  PlaceContext both;
  both.article_countries = {"LB", "LY"};
  EXPECT_EQ(Choose(*gazetteer, "Tripoli", both)->country_code(), "LY");
  EXPECT_EQ(Choose(*gazetteer, "Nowhere", none), nullptr);
}

}  // namespace
}  // namespace khabar::where
