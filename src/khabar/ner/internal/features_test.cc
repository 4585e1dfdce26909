#include "khabar/ner/internal/features.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"
#include "khabar/ner/gazetteer_builder.h"
#include "khabar/ner/gum_entities.h"
#include "khabar/ner/internal/clusters.h"

namespace khabar::ner::internal {
namespace {

using ::khabar::testing::IsOk;
using ::testing::ElementsAre;

std::vector<WordInput> Words(std::initializer_list<std::string_view> forms) {
  std::vector<WordInput> words;
  for (std::string_view form : forms) words.push_back({form, doc::Upos::kPropn, "NNP"});
  return words;
}

std::set<uint64_t> StaticSet(const SentenceInfo& sentence, size_t position, uint32_t groups) {
  uint64_t features[kMaxFeatures];
  const size_t count = StaticFeatures(sentence, position, groups, features);
  EXPECT_LE(count, kMaxFeatures - kMaxLabelFeatures);
  return std::set<uint64_t>(features, features + count);
}

TEST(FeaturesTest, EntityAndCaseClasses) {
  const uint32_t unseen[4] = {0, 0, 0, 0};
  const uint32_t always_o[4] = {9, 0, 0, 0};
  const uint32_t mostly_loc[4] = {1, 0, 0, 9};
  EXPECT_EQ(EntityClass(unseen), 0);
  EXPECT_EQ(EntityClass(always_o), 1);
  EXPECT_NE(EntityClass(mostly_loc), EntityClass(always_o));
  EXPECT_LE(EntityClass(mostly_loc), 125);
  EXPECT_EQ(CaseClass(0, 0), 0);
  EXPECT_EQ(CaseClass(0, 5), 1);
  EXPECT_EQ(CaseClass(5, 5), 6);
  EXPECT_EQ(CaseClass(1, 100), 2);
}

TEST(FeaturesTest, FeaturesDependOnTheWindowAndAreDeterministic) {
  Lexicon lexicon;
  SentenceInfo a, b, c;
  PrepareSentence(Words({"Karim", "met", "Belhaj", "in", "Derna"}), lexicon, a);
  PrepareSentence(Words({"Karim", "met", "Belhaj", "in", "Derna"}), lexicon, b);
  PrepareSentence(Words({"Karim", "met", "Belhaj", "in", "Tobruk"}), lexicon, c);
  EXPECT_EQ(StaticSet(a, 2, kAllGroups), StaticSet(b, 2, kAllGroups));
  // "Derna" is two words to the right of "Belhaj": the +-2 window sees the change.
  EXPECT_NE(StaticSet(a, 2, kAllGroups), StaticSet(c, 2, kAllGroups));
  EXPECT_EQ(StaticSet(a, 0, kAllGroups), StaticSet(c, 0, kAllGroups));
  EXPECT_EQ(a.Lower(a.words[0]), "karim");
}

TEST(FeaturesTest, GroupsAddFeatures) {
  Lexicon lexicon;
  SentenceInfo sentence;
  PrepareSentence(Words({"Zanfar", "Bank", "paid"}), lexicon, sentence);
  EXPECT_LT(StaticSet(sentence, 1, 0).size(), StaticSet(sentence, 1, kPosGroup).size());
  EXPECT_LT(StaticSet(sentence, 1, kPosGroup).size(), StaticSet(sentence, 1, kAllGroups).size());
}

TEST(FeaturesTest, LabelFeaturesDependOnThePreviousLabels) {
  Lexicon lexicon;
  SentenceInfo sentence;
  PrepareSentence(Words({"Karim", "Belhaj"}), lexicon, sentence);
  uint64_t first[kMaxLabelFeatures], second[kMaxLabelFeatures];
  const size_t count = LabelFeatures(sentence, 1, kAllGroups, 1, kNoLabel, first);
  ASSERT_EQ(LabelFeatures(sentence, 1, kAllGroups, 0, kNoLabel, second), count);
  for (size_t feature = 0; feature < count; ++feature) EXPECT_NE(first[feature], second[feature]);
  EXPECT_EQ(LabelFeatures(sentence, 1, kAllGroups, 1, kStartLabel, first), count + 1);
}

TEST(FeaturesTest, LexiconAndClustersAreLookedUp) {
  Lexicon lexicon;
  lexicon.index = HashTable::Build({WordKey("derna")}, {0});
  lexicon.entity = {42};
  lexicon.casing = {6};
  lexicon.clusters = HashTable::Build({ClusterKey("Derna")}, {7});
  SentenceInfo sentence;
  PrepareSentence(Words({"in", "Derna", "derna"}), lexicon, sentence);
  EXPECT_EQ(sentence.words[1].entity, 42);
  EXPECT_EQ(sentence.words[1].casing, 6);
  EXPECT_EQ(sentence.words[1].cluster, 7u);
  EXPECT_EQ(sentence.words[2].entity, 42);   // the lexicon is lowercased
  EXPECT_EQ(sentence.words[2].cluster, 0u);  // clusters are not
  EXPECT_EQ(sentence.words[0].entity, 0);
}

TEST(FeaturesTest, GazetteerMatchesMultiWordNames) {
  Lexicon lexicon;
  lexicon.gazetteer.names = HashTable::Build(
      {GazetteerKey("new york"), GazetteerKey("york"), GazetteerKey("new york city")},
      {kGazRegion, kGazCity, kGazCity | kGazBigCity});
  lexicon.gazetteer.max_words = 3;
  SentenceInfo sentence;
  PrepareSentence(Words({"in", "New", "York", "City", "today"}), lexicon, sentence);
  EXPECT_EQ(sentence.words[0].gaz_begin, 0);
  EXPECT_EQ(sentence.words[1].gaz_begin, kGazRegion | kGazCity | kGazBigCity);
  EXPECT_EQ(sentence.words[2].gaz_begin, kGazCity);
  EXPECT_EQ(sentence.words[2].gaz_inside, kGazRegion | kGazCity | kGazBigCity);
  EXPECT_EQ(sentence.words[3].gaz_inside, kGazCity | kGazBigCity);
  EXPECT_EQ(sentence.words[4].gaz_begin | sentence.words[4].gaz_inside, 0);
}

TEST(GazetteerBuilderTest, TokenizesNamesLikeUdEnglish) {
  EXPECT_THAT(GazetteerNames("Abu_Hafs_al-Masri"),
              ElementsAre("abu hafs al - masri", "abu hafs al-masri"));
  EXPECT_THAT(GazetteerNames("Washington, D.C."), ElementsAre("washington , d.c."));
  EXPECT_THAT(GazetteerNames("Derna"), ElementsAre("derna"));
  EXPECT_TRUE(GazetteerNames("Paris (Texas)").empty());
  EXPECT_TRUE(GazetteerNames("a b c d e f g h i").empty());
}

TEST(GazetteerBuilderTest, BuildsFromWordNetIsoCodesAndGeoNames) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ner_gazetteer_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ASSERT_THAT(base::WriteFile(
                  (dir / "data.noun").string(),
                  "  1 This software and database is being provided\n"
                  "11111111 18 n 02 Khalifa_Haftar 0 Haftar 0 001 @i 00007846 n 0000 | a general\n"
                  "22222222 15 n 01 Cyrenaica 0 001 @i 00000001 n 0000 | a region\n"
                  "33333333 14 n 01 Zanfar_Bank 0 001 @ 00000002 n 0000 | a bank\n"
                  "44444444 18 n 01 Bedouin 0 001 @ 00000003 n 0000 | not an instance\n"),
              IsOk());
  ASSERT_THAT(base::WriteFile((dir / "iso_3166-1.json").string(),
                              R"({"3166-1": [{"name": "Korea, Republic of", "alpha_2": "KR"}]})"),
              IsOk());
  ASSERT_THAT(base::WriteFile((dir / "iso_3166-2.json").string(),
                              R"({"3166-2": [{"name": "Tripolitania", "code": "LY-X"}]})"),
              IsOk());
  ASSERT_THAT(base::WriteFile(
                  (dir / "cities.txt").string(),
                  "88319\tBenghazi\tBenghazi\tx\t32\t20\tP\tPPLA\tLY\t\t\t\t\t\t650629\t\t\t\t\n"
                  "1\tDarnah\tDarnah\tDerna\t32\t22\tP\tPPLA\tLY\t\t\t\t\t\t80000\t\t\t\t\n"),
              IsOk());
  GazetteerSources sources;
  sources.wordnet_dir = dir.string();
  sources.iso_codes_dir = dir.string();
  sources.geonames_path = (dir / "cities.txt").string();
  StatusOr<Gazetteer> gazetteer = BuildGazetteer(sources);
  std::filesystem::remove_all(dir);
  ASSERT_THAT(gazetteer, IsOk());
  auto bits = [&](std::string_view name) { return gazetteer->names.Find(GazetteerKey(name)); };
  EXPECT_EQ(bits("khalifa haftar"), kGazPerson);
  EXPECT_EQ(bits("haftar"), kGazPerson | kGazLastName);
  EXPECT_EQ(bits("khalifa"), kGazFirstName);
  EXPECT_EQ(bits("cyrenaica"), kGazPlace);
  EXPECT_EQ(bits("zanfar bank"), kGazGroup);
  EXPECT_EQ(bits("bedouin"), HashTable::kMissing);
  EXPECT_EQ(bits("korea , republic of"), kGazCountry);
  EXPECT_EQ(bits("korea"), kGazCountry);
  EXPECT_EQ(bits("tripolitania"), kGazRegion);
  EXPECT_EQ(bits("benghazi"), kGazCity | kGazBigCity);
  EXPECT_EQ(bits("darnah"), kGazCity);
  EXPECT_EQ(gazetteer->max_words, 4u);
}

TEST(GazetteerBuilderTest, ReadsPhoenixActorDictionaries) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("ner_actors_test_" + std::to_string(::getpid()) + ".txt");
  ASSERT_THAT(base::WriteFile(path.string(),
                              "# comment\n"
                              "ZANFAR_BANK_\t[MNCLBY]# a bank\n"
                              "+ZANFAR_BANKING_CORPORATION_\n"
                              "KARIM_BELHAJ_\n"
                              "+KARIM_AL-BELHAJ_\n"
                              "\t[LBYGOV 990101-050630]\n"
                              "CYRENAICA_  [LBY]\n"
                              "+CYRENAICAN_\n"
                              "UNITED_NATIONS COMMISSION_FOR_TESTS_\t[IGOUNO]\n"
                              "\n"
                              "ARMY_OF_1900_ [LBYMIL]\n"),
              IsOk());
  GazetteerSources sources;
  sources.actor_paths = {path.string()};
  StatusOr<Gazetteer> gazetteer = BuildGazetteer(sources);
  std::filesystem::remove(path);
  ASSERT_THAT(gazetteer, IsOk());
  auto bits = [&](std::string_view name) { return gazetteer->names.Find(GazetteerKey(name)); };
  EXPECT_EQ(bits("zanfar bank"), kGazActorGroup);
  EXPECT_EQ(bits("zanfar banking corporation"), kGazActorGroup);
  EXPECT_EQ(bits("karim belhaj"), kGazActorPerson);
  EXPECT_EQ(bits("karim al - belhaj"), kGazActorPerson);
  EXPECT_EQ(bits("cyrenaica"), kGazActorCountry);
  EXPECT_EQ(bits("cyrenaican"), kGazActorCountry);
  EXPECT_EQ(bits("united nations commission for tests"), kGazActorGroup);
  EXPECT_EQ(bits("army of 1900"), HashTable::kMissing);  // names with digits are left out
}

TEST(FeaturesTest, NormalisesQuotesAndFinalPeriods) {
  auto normalised = [](std::string_view form) {
    std::string out;
    AppendNormalised(form, out);
    return out;
  };
  EXPECT_EQ(normalised("Mr."), "mr");
  EXPECT_EQ(normalised("."), ".");
  EXPECT_EQ(normalised("\xE2\x80\x99s"), "'s");
  EXPECT_EQ(normalised("\xE2\x80\x9CHi\xE2\x80\x9D"), "\"hi\"");
  Lexicon lexicon;
  lexicon.index = HashTable::Build({WordKey("mr.")}, {0});
  lexicon.entity = {7};
  lexicon.casing = {6};
  SentenceInfo sentence;
  PrepareSentence(Words({"Mr", "Karim"}), lexicon, sentence, kAllGroups);
  EXPECT_EQ(sentence.words[0].entity, 7);
  PrepareSentence(Words({"Mr", "Karim"}), lexicon, sentence, kAllGroups & ~kNormGroup);
  EXPECT_EQ(sentence.words[0].entity, 0);
}

TEST(FeaturesTest, SentenceCasingStyle) {
  Lexicon lexicon;
  SentenceInfo sentence;
  PrepareSentence(Words({"where", "is", "tampa", "bay"}), lexicon, sentence);
  EXPECT_EQ(sentence.casing_style, 1);
  PrepareSentence(Words({"Where", "is", "tampa", "bay"}), lexicon, sentence);
  EXPECT_EQ(sentence.casing_style, 4);
  PrepareSentence(Words({"WHERE", "IS", "TAMPA", "BAY"}), lexicon, sentence);
  EXPECT_EQ(sentence.casing_style, 3);
  PrepareSentence(Words({"Where", "Is", "Tampa", "Bay"}), lexicon, sentence);
  EXPECT_EQ(sentence.casing_style, 2);
  PrepareSentence(Words({"Where", "is", "Tampa", "bay", "?"}), lexicon, sentence);
  EXPECT_EQ(sentence.casing_style, 0);
}

TEST(FeaturesTest, OtherCorporaGetCopiesOfEveryFeature) {
  Lexicon lexicon;
  SentenceInfo sentence;
  PrepareSentence(Words({"Karim", "met", "Belhaj"}), lexicon, sentence, kAllGroups);
  const std::set<uint64_t> main = StaticSet(sentence, 1, kAllGroups);
  uint64_t label_main[kMaxLabelFeatures];
  const size_t label_count = LabelFeatures(sentence, 1, kAllGroups, 1, kNoLabel, label_main);
  sentence.domain = 1;
  const std::set<uint64_t> other = StaticSet(sentence, 1, kAllGroups);
  EXPECT_EQ(other.size(), 2 * main.size());
  EXPECT_TRUE(std::includes(other.begin(), other.end(), main.begin(), main.end()));
  uint64_t label_other[kMaxLabelFeatures];
  EXPECT_EQ(LabelFeatures(sentence, 1, kAllGroups, 1, kNoLabel, label_other), 2 * label_count);
}

TEST(GazetteerBuilderTest, MissingSourceIsNotFound) {
  GazetteerSources sources;
  sources.geonames_path = "/nonexistent/cities5000.txt";
  EXPECT_EQ(BuildGazetteer(sources).status().code(), StatusCode::kNotFound);
}

TEST(ClustersTest, WordsInTheSameContextsShareAClass) {
  TextCorpus text;
  const std::vector<std::string_view> towns = {"Derna", "Tobruk", "Sirte", "Misrata"};
  const std::vector<std::string_view> verbs = {"left", "reached", "saw", "bombed"};
  std::vector<std::vector<std::string_view>> sentences;
  for (std::string_view town : towns) {
    for (std::string_view verb : verbs) {
      sentences.push_back({"they", verb, "the", "city", "of", town, "."});
      sentences.push_back({"in", town, ",", "people", verb, "it", "."});
    }
  }
  for (const auto& sentence : sentences) text.AddSentence(sentence);
  ClusterOptions options;
  options.cluster_count = 4;
  options.min_count = 2;
  options.iterations = 10;
  const HashTable clusters = ClusterWords(text, options);
  const uint32_t derna = clusters.Find(ClusterKey("Derna"));
  ASSERT_NE(derna, HashTable::kMissing);
  for (std::string_view town : towns) EXPECT_EQ(clusters.Find(ClusterKey(town)), derna) << town;
  EXPECT_NE(clusters.Find(ClusterKey("left")), derna);
  EXPECT_LE(derna, 4u);
  // Deterministic.
  const HashTable again = ClusterWords(text, options);
  EXPECT_EQ(again.Find(ClusterKey("left")), clusters.Find(ClusterKey("left")));
}

TEST(GumEntitiesTest, ConvertsNamedMentionsToFlatNames) {
  const std::string conllu =
      "# sent_id = 1\n"
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-organization-new-x-y-1-sgl-Zanfar_Bank\n"
      "2\tZanfar\tZanfar\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tBank\tBank\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)\n"
      "4\tpaid\tpay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-person-new-x-y-1-sgl\n"
      "6\tmayor\tmayor\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tDerna\tDerna\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-x-y-1-sgl-Derna)2)\n"
      "9\tand\tand\tCCONJ\tCC\t_\t10\tcc\t_\t_\n"
      "10\tSalma\tSalma\tPROPN\tNNP\t_\t6\tconj\t_\tEntity=(4-person-new-x-y-1-sgl\n"
      "11\tIdris\tIdris\tPROPN\tNNP\t_\t10\tflat\t_\tEntity=4)\n"
      "12\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
      "\n";
  StatusOr<std::string> iob2 = GumEntitiesToIob2(conllu, "gum");
  ASSERT_THAT(iob2, IsOk());
  EXPECT_EQ(
      *iob2,
      "1\tThe\tO\n2\tZanfar\tB-ORG\n3\tBank\tI-ORG\n4\tpaid\tO\n5\tthe\tO\n6\tmayor\tO\n"
      "7\tof\tO\n8\tDerna\tB-LOC\n9\tand\tO\n10\tSalma\tB-PER\n11\tIdris\tI-PER\n12\t.\tO\n\n");
}

}  // namespace
}  // namespace khabar::ner::internal
