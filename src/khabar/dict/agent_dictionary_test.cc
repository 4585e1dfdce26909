#include "khabar/dict/agent_dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kAgents[] =
    "<!-- invented agents -->\n"
    "!HAND! = SMITH, SMITHS\n"
    "IRON!HAND! [~LAB]\n"
    "INSURGENT [~REB]   # regular plural\n"
    "MILITIA [~REB]\n"
    "DEPUTY [~LEG]\n"
    "CONSTABULARY {} [~COP]\n"
    "SHEEP {SHEEP} [~AGR]\n"
    "CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]\n"
    "RELIEF_SOCIETY [NGO~]\n";

struct Loaded {
  AgentDictionary agents;
  std::vector<std::string> warnings;
};

Loaded Load(std::string_view bytes) {
  Warnings warnings;
  Loaded loaded{AgentDictionary::Parse(bytes, "t.agents.txt", &warnings), {}};
  for (const Warning& warning : warnings) loaded.warnings.push_back(warning.ToString());
  return loaded;
}

// The code of the agent matching `phrase` exactly, or "" if none.
std::string CodeOf(const AgentDictionary& agents, std::vector<std::string_view> tokens) {
  std::vector<PhraseMatch> matches = agents.FindAgents(tokens);
  if (matches.size() != 1 || matches[0].end - matches[0].begin != tokens.size()) return "";
  return agents.agents()[matches[0].values[0]].code;
}

TEST(AgentDictionaryTest, ReadsCodesAndPlacement) {
  Loaded loaded = Load(kAgents);
  EXPECT_THAT(loaded.warnings, IsEmpty());
  ASSERT_EQ(loaded.agents.agents().size(), 8u);
  const Agent& insurgent = loaded.agents.agents()[1];
  EXPECT_EQ(insurgent.phrase, "INSURGENT");
  EXPECT_EQ(insurgent.code, "REB");
  EXPECT_EQ(insurgent.placement, AgentCodePlacement::kAfterActor);
  EXPECT_EQ(insurgent.line, 4u);
  EXPECT_EQ(loaded.agents.agents().back().placement, AgentCodePlacement::kBeforeActor);
  EXPECT_EQ(loaded.agents.agents().back().code, "NGO");
}

TEST(AgentDictionaryTest, PluralsRegularNulledAndGiven) {
  Loaded loaded = Load(kAgents);
  EXPECT_EQ(CodeOf(loaded.agents, {"insurgents"}), "REB");
  EXPECT_EQ(CodeOf(loaded.agents, {"militias"}), "REB");
  EXPECT_EQ(CodeOf(loaded.agents, {"deputies"}), "LEG");
  EXPECT_EQ(CodeOf(loaded.agents, {"constabulary"}), "COP");
  EXPECT_EQ(CodeOf(loaded.agents, {"constabularies"}), "");  // "{}": no plural
  EXPECT_EQ(CodeOf(loaded.agents, {"sheep"}), "AGR");
  EXPECT_EQ(CodeOf(loaded.agents, {"chiefs", "of", "staff"}), "MIL");
  EXPECT_EQ(CodeOf(loaded.agents, {"chief", "of", "staffs"}), "");
}

TEST(AgentDictionaryTest, SubstitutionMarkersExpandWithoutPlurals) {
  Loaded loaded = Load(kAgents);
  EXPECT_EQ(CodeOf(loaded.agents, {"ironsmith"}), "LAB");
  EXPECT_EQ(CodeOf(loaded.agents, {"ironsmiths"}), "LAB");
  EXPECT_EQ(CodeOf(loaded.agents, {"ironsmithss"}), "");
  EXPECT_EQ(loaded.agents.agents()[0].form_count, 2u);
}

TEST(AgentDictionaryTest, BadLinesWarnAndAreSkipped) {
  Loaded loaded = Load(
      "WARDEN [~GOV}\n"
      "KEEPER\n"
      "PORTER [GOV]\n"
      "TOLL!UNKNOWN! [~GOV]\n"
      "CLERK {CLERKS [~GOV]\n"
      "!EMPTY! = \n"
      "BAILIFF [~JUD]\n");
  EXPECT_THAT(
      loaded.warnings,
      ElementsAre("t.agents.txt:1: '[' without ']' in agent line \"WARDEN [~GOV}\"; skipped",
                  "t.agents.txt:2: no [code] in agent line \"KEEPER\"; skipped",
                  "t.agents.txt:3: agent code \"GOV\" is not \"~CODE\" or \"CODE~\"; line "
                  "skipped",
                  "t.agents.txt:4: unknown or malformed substitution marker in "
                  "\"TOLL!UNKNOWN!\"; line skipped",
                  "t.agents.txt:5: '{' without '}' in \"CLERK {CLERKS\"; skipped",
                  "t.agents.txt:6: substitution set \"!EMPTY!\" is empty; line skipped"));
  ASSERT_EQ(loaded.agents.agents().size(), 1u);
  EXPECT_EQ(loaded.agents.agents()[0].code, "JUD");
}

TEST(AgentDictionaryTest, DuplicateFormsKeepTheFirstAgent) {
  Loaded loaded = Load(
      "GUARD [~MIL]\n"
      "GUARDS {} [~MIL]\n"  // same code: counted only
      "GUARD [~COP]\n");    // other code: warning for both forms
  EXPECT_THAT(loaded.warnings,
              ElementsAre("t.agents.txt:3: agent \"guard\" already has code \"MIL\" from line 1; "
                          "kept the first",
                          "t.agents.txt:3: agent \"guards\" already has code \"MIL\" from line 1; "
                          "kept the first"));
  EXPECT_EQ(loaded.agents.duplicate_phrases(), 1u);
  EXPECT_EQ(CodeOf(loaded.agents, {"guards"}), "MIL");
}

}  // namespace
}  // namespace khabar::dict
