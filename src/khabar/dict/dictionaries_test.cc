#include "khabar/dict/dictionaries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"

namespace khabar::dict {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

// A tiny invented dictionary set written to a temporary directory.
class DictionariesTest : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  void SetUp() override {
    // One directory per test and process: ctest runs the tests of this file in parallel,
    // and some write files (a binary agents.txt, overlays) that others must not see.
    dir_ = ::testing::TempDir() + "/dict_test_set_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
           std::to_string(getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Write("verbs.txt",
          "&ANIMAL\n+HORSE\n--- RIDE [080] ---\nRIDE {RIDES RODE RIDING RIDDEN}\n"
          "- * &ANIMAL (TO +) [081]\n");
    Write("a.actors.txt", "NORTHMARK [NMK]\n+NORTHMARKER\n");
    Write("b.actors.txt", "SOUTHMARK [SMK]\n\t[SMKGOV >200101]\n");
    Write("agents.txt", "RIDER [~MIL]\n");
    Write("discards.txt", "+DERBY\n");
    Write("issues.txt", "n:horse [HORSES]\n");
    Write("pico.txt", "080:0x0200\n081:0x020B\n");
    files_.verbs = "verbs.txt";
    files_.actors = {"a.actors.txt", "b.actors.txt"};
    files_.agents = "agents.txt";
    files_.discards = "discards.txt";
    files_.issues = "issues.txt";
    files_.ontology = "pico.txt";
  }

  void Write(const std::string& name, std::string_view text) {
    ASSERT_THAT(base::WriteFile(dir_ + "/" + name, text), IsOk());
  }

  std::string dir_;
  DictionaryFiles files_;
};

TEST_F(DictionariesTest, LoadsEveryFileAndReports) {
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_TRUE(loaded->warnings.empty());
  EXPECT_EQ(loaded->verbs.patterns().size(), 1u);
  EXPECT_EQ(loaded->actors.actors().size(), 2u);
  EXPECT_EQ(loaded->agents.agents().size(), 1u);
  EXPECT_EQ(loaded->discards.discards().size(), 1u);
  EXPECT_EQ(loaded->issues.issues().size(), 1u);
  EXPECT_EQ(loaded->ontology.Find("081"), 0x020B);
  ASSERT_EQ(loaded->reports.size(), 7u);
  EXPECT_EQ(loaded->reports[0].file, "verbs.txt");
  EXPECT_EQ(loaded->reports[0].summary,
            "1 blocks, 1 verbs (5 forms), 1 patterns, 1 synsets, 0 transformations");
  EXPECT_EQ(loaded->reports[2].file, "b.actors.txt");
  EXPECT_EQ(loaded->reports[2].entries, 1u);
  EXPECT_EQ(loaded->reports[2].lines, 2u);
}

TEST_F(DictionariesTest, WarningsNameFilesRelativeToTheDirectory) {
  Write("b.actors.txt", "SOUTHMARK [SMK]\n\t[SMKGOV >2001]\n");
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_EQ(loaded->warnings[0].ToString(), "b.actors.txt:2: bad date \"2001\"; code skipped");
  EXPECT_EQ(loaded->reports[2].warnings, 1u);
}

TEST_F(DictionariesTest, EmptyNamesAreSkippedAndMissingFilesFail) {
  DictionaryFiles only_agents;
  only_agents.agents = "agents.txt";
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, only_agents);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ(loaded->reports.size(), 1u);
  files_.issues = "missing.txt";
  EXPECT_THAT(LoadDictionaries(dir_, files_),
              StatusIs(StatusCode::kNotFound, HasSubstr("missing.txt")));
}

TEST_F(DictionariesTest, BinaryFilesAreRefused) {
  Write("agents.txt", std::string("RIDER\0\0\0 [~MIL]\n", 17));
  EXPECT_THAT(LoadDictionaries(dir_, files_),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("binary")));
}

TEST_F(DictionariesTest, OverlayActorsWinOverBaseActorsWithTheSamePhrase) {
  std::string overlay = dir_ + "/overlay_actors";
  std::filesystem::create_directories(overlay);
  Write("a.actors.txt", "ORLA_VARGA [VRDMIL]\n+GENERAL_VARGA\n+VARGA\n");
  ASSERT_THAT(base::WriteFile(overlay + "/x.actors.txt", "ORLA_MENDEZ_VARGA [VRDGOV]\n+VARGA\n"),
              IsOk());
  files_.overlay_dir = overlay;
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_TRUE(loaded->warnings.empty());
  const ActorDictionary& actors = loaded->actors;
  EXPECT_EQ(actors.overridden_phrases(), 1u);
  std::vector<std::string_view> varga = {"Varga", "said"};
  std::vector<PhraseMatch> matches = actors.FindActors(varga);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(actors.actors()[matches[0].values[0]].name, "ORLA_MENDEZ_VARGA");
  EXPECT_TRUE(actors.IsOverlay(actors.actors()[matches[0].values[0]]));
  std::vector<std::string_view> general = {"General", "Varga"};
  matches = actors.FindActors(general);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(actors.actors()[matches[0].values[0]].name, "ORLA_VARGA");  // base keeps the rest
  ASSERT_EQ(loaded->reports.size(), 8u);
  EXPECT_EQ(loaded->reports[3].file, overlay + "/x.actors.txt");
  EXPECT_EQ(loaded->reports[3].summary, "1 actors, 1 base phrases overridden");
}

TEST_F(DictionariesTest, OverlayAgentsWinAndWarningsKeepTheirFileAndLine) {
  std::string overlay = dir_ + "/overlay_agents";
  std::filesystem::create_directories(overlay);
  Write("agents.txt", "# base\nRIDER [~MIL]\nRIDER [~GOV]\n");
  ASSERT_THAT(base::WriteFile(overlay + "/x.agents.txt", "RIDER [~REB]\nSQUIRE [~MIL]"), IsOk());
  files_.overlay_dir = overlay;
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  std::vector<std::string_view> riders = {"the", "riders"};
  std::vector<PhraseMatch> matches = loaded->agents.FindAgents(riders);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(loaded->agents.agents()[matches[0].values[0]].code, "REB");
  ASSERT_EQ(loaded->warnings.size(), 4u);  // "rider" and "riders", twice
  EXPECT_EQ(loaded->warnings[2].ToString(),
            "agents.txt:3: agent \"rider\" already has code \"REB\" from " + overlay +
                "/x.agents.txt:1; kept the first");
  EXPECT_EQ(loaded->warnings[0].ToString(),
            "agents.txt:2: agent \"rider\" already has code \"REB\" from " + overlay +
                "/x.agents.txt:1; kept the first");
  EXPECT_EQ(loaded->reports[3].file, overlay + "/x.agents.txt");
  EXPECT_EQ(loaded->reports[3].entries, 2u);
  EXPECT_EQ(loaded->reports[4].file, "agents.txt");
  EXPECT_EQ(loaded->reports[4].entries, 2u);
  EXPECT_EQ(loaded->reports[4].warnings, 4u);
}

TEST_F(DictionariesTest, MissingOverlayDirectoryIsAWarning) {
  files_.overlay_dir = dir_ + "/no-such-overlays";
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_THAT(loaded->warnings[0].ToString(), HasSubstr("overlay directory not found"));
  EXPECT_EQ(loaded->actors.actors().size(), 2u);
}

TEST(OverlayDirTest, EnvironmentWinsThenTheSourceTree) {
  const char* saved = std::getenv("KHABAR_OVERLAYS");
  std::string restore = saved == nullptr ? "" : saved;
  setenv("KHABAR_OVERLAYS", "/elsewhere/overlays", 1);
  EXPECT_EQ(DefaultOverlayDir(), "/elsewhere/overlays");
  unsetenv("KHABAR_OVERLAYS");
  EXPECT_TRUE(std::filesystem::is_directory(DefaultOverlayDir())) << DefaultOverlayDir();
  EXPECT_EQ(DictionaryFiles::PhoenixWithOverlays().overlay_dir, DefaultOverlayDir());
  if (!restore.empty()) setenv("KHABAR_OVERLAYS", restore.c_str(), 1);
}

// The repository's own overlay files (dictionaries/), loaded without Phoenix.
class OverlayFilesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DictionaryFiles files;
    files.overlay_dir = DefaultOverlayDir();
    StatusOr<Dictionaries> loaded = LoadDictionaries(::testing::TempDir(), files);
    ASSERT_THAT(loaded, IsOk());
    dictionaries_ = new Dictionaries(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete dictionaries_;
    dictionaries_ = nullptr;
  }

  // The primary phrase of the one actor found in `tokens`, or why not.
  static std::string ActorIn(std::vector<std::string_view> tokens) {
    std::vector<PhraseMatch> matches = dictionaries_->actors.FindActors(tokens);
    if (matches.size() != 1) return std::to_string(matches.size()) + " matches";
    return dictionaries_->actors.actors()[matches[0].values[0]].name;
  }

  static std::string CodeOf(std::vector<std::string_view> tokens, int year, int month, int day) {
    std::vector<PhraseMatch> matches = dictionaries_->actors.FindActors(tokens);
    if (matches.size() != 1) return std::to_string(matches.size()) + " matches";
    std::optional<Date> parsed = Date::FromCivil(year, month, day);
    return std::string(dictionaries_->actors.CodeOn(matches[0].values[0], *parsed));
  }

  static Dictionaries* dictionaries_;
};

Dictionaries* OverlayFilesTest::dictionaries_ = nullptr;

TEST_F(OverlayFilesTest, LoadWithoutWarnings) {
  for (const Warning& warning : dictionaries_->warnings) ADD_FAILURE() << warning.ToString();
  EXPECT_GE(dictionaries_->actors.actors().size(), 14u);
  EXPECT_GE(dictionaries_->agents.agents().size(), 10u);
}

TEST_F(OverlayFilesTest, EveryVariantSpellingFindsTheSameActor) {
  struct Case {
    std::vector<std::string_view> tokens;  // as the Khabar tokenizer writes them
    std::string_view actor;
  };
  const Case kCases[] = {
      {{"Khalifa", "Haftar"}, "KHALIFA_HAFTAR"},
      {{"Libyan", "general", "Khalifa", "Hafter", "said"}, "KHALIFA_HAFTAR"},
      {{"forces", "of", "Khalifa", "Hifter"}, "KHALIFA_HAFTAR"},
      {{"Hifter", "'s", "forces"}, "KHALIFA_HAFTAR"},
      {{"Khalifa", "Belqasim", "Haftar"}, "KHALIFA_HAFTAR"},
      {{"Field", "Marshal", "Haftar"}, "KHALIFA_HAFTAR"},
      {{"Field", "Marshal", "Khalifa", "Hiftar"}, "KHALIFA_HAFTAR"},
      {{"General", "Haftar"}, "KHALIFA_HAFTAR"},
      {{"Gen.", "Hafter"}, "KHALIFA_HAFTAR"},
      {{"the", "LNA"}, "LIBYAN_NATIONAL_ARMY"},
      {{"the", "Libyan", "National", "Army"}, "LIBYAN_NATIONAL_ARMY"},
      {{"Libyan", "Arab", "Armed", "Forces"}, "LIBYAN_NATIONAL_ARMY"},
      {{"the", "GNA"}, "GOVERNMENT_OF_NATIONAL_ACCORD"},
      {{"Government", "of", "National", "Accord"}, "GOVERNMENT_OF_NATIONAL_ACCORD"},
      {{"Libya", "'s", "Presidential", "Council"}, "PRESIDENTIAL_COUNCIL_OF_LIBYA"},
      {{"Fayez", "al", "-", "Sarraj"}, "FAYEZ_AL-SARRAJ"},
      {{"Fayez", "Serraj"}, "FAYEZ_AL-SARRAJ"},
      {{"Fayez", "el", "-", "Serraj"}, "FAYEZ_AL-SARRAJ"},
      {{"Sarraj", "met"}, "FAYEZ_AL-SARRAJ"},
      {{"Abdel", "Fattah", "el", "-", "Sisi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"Abdel", "Fattah", "al", "-", "Sisi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"Abdel", "Fattah", "Al", "-", "Sisi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"Abdul", "Fattah", "al", "-", "Sissi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"President", "el", "-", "Sisi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"Al", "-", "Sisi", "said"}, "ABDEL_FATTAH_EL-SISI"},
      {{"El", "Sisi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"Sisi"}, "ABDEL_FATTAH_EL-SISI"},
      {{"Hisham", "Ashmawy"}, "HISHAM_ASHMAWY"},
      {{"Hesham", "Ashmawi"}, "HISHAM_ASHMAWY"},
      {{"Hisham", "al", "-", "Ashmawy"}, "HISHAM_ASHMAWY"},
      {{"Hesham", "el", "-", "Ashmawy"}, "HISHAM_ASHMAWY"},
      {{"Hisham", "Al", "Ashmawi"}, "HISHAM_ASHMAWY"},
      {{"militant", "el", "-", "Ashmawy"}, "HISHAM_ASHMAWY"},
      {{"Ashmawi"}, "HISHAM_ASHMAWY"},
      {{"al", "-", "Mourabitoun"}, "AL-MOURABITOUN"},
      {{"al", "-", "Murabitun"}, "AL-MOURABITOUN"},
      {{"Al", "Mourabitoun"}, "AL-MOURABITOUN"},
      {{"Murabitoun", "group"}, "AL-MOURABITOUN"},
      {{"Ansar", "Beit", "al", "-", "Maqdis"}, "ANSAR_BEIT_AL-MAQDIS"},
      {{"Ansar", "Bayt", "al", "-", "Maqdis"}, "ANSAR_BEIT_AL-MAQDIS"},
      {{"Ansar", "Bait", "el", "-", "Maqdis"}, "ANSAR_BEIT_AL-MAQDIS"},
      {{"Sinai", "Province"}, "ANSAR_BEIT_AL-MAQDIS"},
      {{"Benghazi", "Defence", "Brigades"}, "BENGHAZI_DEFENCE_BRIGADES"},
      {{"Benghazi", "Defense", "Brigades"}, "BENGHAZI_DEFENCE_BRIGADES"},
      {{"Benghazi", "Revolutionaries", "Shura", "Council"}, "BENGHAZI_REVOLUTIONARIES_SHURA_COUNCIL"},
      {{"Derna", "Mujahideen", "Shura", "Council"}, "DERNA_MUJAHIDEEN_SHURA_COUNCIL"},
      {{"Darnah", "Mujahideen", "Shura", "Council"}, "DERNA_MUJAHIDEEN_SHURA_COUNCIL"},
      {{"Mujahideen", "Shura", "Council", "in", "Derna"}, "DERNA_MUJAHIDEEN_SHURA_COUNCIL"},
      {{"Fajr", "Libya"}, "LIBYA_DAWN"},
      {{"Libya", "Dawn", "militias"}, "LIBYA_DAWN"},
      {{"Abbas", "Kamel"}, "ABBAS_KAMEL"},
      {{"Abbas", "Kamal"}, "ABBAS_KAMEL"},
  };
  for (const Case& test : kCases) {
    std::string joined;
    for (std::string_view token : test.tokens) joined += std::string(token) + " ";
    EXPECT_EQ(ActorIn(test.tokens), test.actor) << joined;
  }
}

TEST_F(OverlayFilesTest, DateBoundedRolesResolve) {
  EXPECT_EQ(CodeOf({"el", "-", "Sisi"}, 2013, 7, 3), "EGYMIL");
  EXPECT_EQ(CodeOf({"el", "-", "Sisi"}, 2014, 6, 7), "EGYMIL");
  EXPECT_EQ(CodeOf({"el", "-", "Sisi"}, 2014, 6, 8), "EGYGOV");
  EXPECT_EQ(CodeOf({"Sisi"}, 2015, 1, 1), "EGYGOV");
  EXPECT_EQ(CodeOf({"Ashmawy"}, 2010, 5, 1), "EGYMIL");
  EXPECT_EQ(CodeOf({"Hisham", "el", "-", "Ashmawy"}, 2015, 7, 22), "EGYREB");
  EXPECT_EQ(CodeOf({"Ashmawi"}, 2019, 5, 28), "EGYREB");
  EXPECT_EQ(CodeOf({"Fayez", "al", "-", "Sarraj"}, 2015, 12, 16), "LBYELI");
  EXPECT_EQ(CodeOf({"Fayez", "al", "-", "Sarraj"}, 2017, 7, 25), "LBYGOV");
  EXPECT_EQ(CodeOf({"Sarraj"}, 2021, 3, 15), "LBYGOV");
  EXPECT_EQ(CodeOf({"Sarraj"}, 2021, 3, 16), "LBYELI");
  EXPECT_EQ(CodeOf({"Abbas", "Kamel"}, 2013, 1, 1), "EGYMIL");
  EXPECT_EQ(CodeOf({"Abbas", "Kamel"}, 2016, 1, 1), "EGYGOV");
  EXPECT_EQ(CodeOf({"Abbas", "Kamel"}, 2018, 1, 18), "EGYGOVSPY");
  EXPECT_EQ(CodeOf({"Haftar"}, 1995, 1, 1), "LBYREB");
  EXPECT_EQ(CodeOf({"Hifter"}, 2019, 5, 28), "LBYMIL");
  EXPECT_EQ(CodeOf({"LNA"}, 2019, 5, 28), "LBYMIL");
  EXPECT_EQ(CodeOf({"Ansar", "Beit", "al", "-", "Maqdis"}, 2014, 1, 24), "EGYREB");
}

TEST_F(OverlayFilesTest, GenericAgents) {
  struct Case {
    std::vector<std::string_view> tokens;
    std::string_view code;
  };
  const Case kCases[] = {
      {{"militants"}, "REB"},        {{"jihadists"}, "REB"},
      {{"gunmen"}, "REB"},           {{"a", "gunman"}, "REB"},
      {{"security", "forces"}, "COP"},
      {{"Islamist", "coalition", "fighters"}, "REB"},
      {{"forces", "loyal", "to", "the", "government"}, "MIL"},
      {{"pro-government", "forces"}, "MIL"},
  };
  for (const Case& test : kCases) {
    std::vector<PhraseMatch> matches = dictionaries_->agents.FindAgents(test.tokens);
    ASSERT_EQ(matches.size(), 1u) << test.tokens.back();
    EXPECT_EQ(dictionaries_->agents.agents()[matches[0].values[0]].code, test.code)
        << test.tokens.back();
  }
}

// Common English words (lower case, capitalised as at a sentence start, and upper case as
// in headlines) name no overlay actor, exactly or by transliteration.
TEST_F(OverlayFilesTest, CommonWordsNameNoActor) {
  constexpr std::string_view kWords[] = {
      "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
      "with", "about", "as", "into", "after", "before", "over", "under", "between", "during",
      "he", "she", "it", "they", "we", "his", "her", "their", "our", "this", "that", "these",
      "said", "says", "say", "told", "tell", "added", "stated", "claimed", "reported", "denied",
      "met", "meet", "meeting", "visit", "visited", "talks", "agreed", "signed", "called",
      "attack", "attacked", "attacks", "killed", "kill", "wounded", "injured", "arrested",
      "fight", "fighting", "fought", "clash", "clashes", "battle", "seized", "captured",
      "fired", "shelled", "bombed", "struck", "strike", "raid", "raided", "ambush", "handed",
      "over", "support", "supported", "backed", "opposed", "condemned", "warned", "threat",
      "army", "military", "forces", "troops", "soldiers", "police", "officers", "government",
      "minister", "president", "leader", "commander", "general", "official", "officials",
      "spokesman", "council", "parliament", "court", "judge", "party", "group", "groups",
      "city", "town", "village", "capital", "country", "region", "province", "border", "port",
      "oil", "field", "fields", "airport", "base", "road", "camp", "hospital", "school",
      "people", "civilians", "residents", "children", "women", "men", "families", "tribe",
      "day", "week", "month", "year", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "January", "March", "April", "May", "June", "July", "August",
      "new", "old", "first", "last", "next", "former", "local", "national", "international",
      "east", "eastern", "west", "western", "south", "southern", "north", "northern", "central",
      "peace", "war", "ceasefire", "truce", "deal", "agreement", "plan", "election", "vote",
      "money", "funds", "aid", "arms", "weapons", "drones", "planes", "jets", "tanks", "guns",
      "shot", "shoot", "bomb", "mine", "mines", "car", "cars", "house", "homes", "mosque",
      "said", "hafta", "after", "hefty", "sister", "kamal", "camel", "cancel",
      "shawl", "shame", "sham", "ash", "shoe", "mourn", "moral", "murals", "tribunal",
      "beat", "bait", "bet", "bit", "bate", "beset", "serial", "serum", "sarong", "seraph",
      "defence", "defense", "brigade", "brigades", "shura", "dawn", "libya", "egypt", "sinai",
      "province", "presidential", "national", "accord", "revolution", "revolutionaries",
      "mujahideen", "islamist", "coalition", "fighters", "loyal", "security", "gunmen",
      "rebels", "militants", "jihadists", "insurgents", "terrorists", "extremists",
  };
  for (std::string_view word : kWords) {
    std::string capitalised(word);
    capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
    std::string upper(word);
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (std::string_view form : {word, std::string_view(capitalised), std::string_view(upper)}) {
      std::vector<std::string_view> tokens = {form};
      std::vector<PhraseMatch> matches = dictionaries_->actors.FindActors(tokens);
      EXPECT_TRUE(matches.empty())
          << form << " -> " << dictionaries_->actors.actors()[matches[0].values[0]].name;
    }
  }
}

}  // namespace
}  // namespace khabar::dict
