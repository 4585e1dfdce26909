// Fuzzes every dictionary loader with the same bytes: each must return (never crash or
// hang), every warning must name a line of the input and be valid UTF-8, every id a
// matcher returns must index its dictionary, and date ranges must be ordered. The input's
// own words are then matched against each dictionary.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/utf8.h"
#include "khabar/dict/actor_dictionary.h"
#include "khabar/dict/agent_dictionary.h"
#include "khabar/dict/coding_ontology.h"
#include "khabar/dict/discard_list.h"
#include "khabar/dict/issue_list.h"
#include "khabar/dict/verb_dictionary.h"

namespace {

using namespace khabar::dict;  // NOLINT: a fuzz driver, not a header

void Check(bool condition) {
  if (!condition) std::abort();
}

void CheckWarnings(const Warnings& warnings, std::string_view bytes) {
  size_t max_line = 1;
  for (char ch : bytes) max_line += (ch == '\n' || ch == '\r') ? 1 : 0;
  for (const Warning& warning : warnings) {
    Check(warning.line <= max_line);
    Check(khabar::base::FindInvalidUtf8(warning.message) == std::string_view::npos);
  }
}

std::vector<std::string_view> Words(std::string_view bytes) {
  constexpr size_t kMaxWords = 512;
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t pos = 0; pos <= bytes.size() && words.size() < kMaxWords; ++pos) {
    if (pos < bytes.size() && bytes[pos] != ' ' && bytes[pos] != '\n' && bytes[pos] != '_')
      continue;
    if (pos > start) words.push_back(bytes.substr(start, pos - start));
    start = pos + 1;
  }
  return words;
}

void CheckMatches(const std::vector<PhraseMatch>& matches, size_t token_count, size_t id_bound) {
  for (const PhraseMatch& match : matches) {
    Check(match.begin < match.end && match.end <= token_count && !match.values.empty());
    for (uint32_t id : match.values) Check(id < id_bound);
  }
}

void FuzzActors(std::string_view bytes, const std::vector<std::string_view>& words) {
  Warnings warnings;
  DictionarySource source{"fuzz.actors", bytes};
  ActorDictionary actors = ActorDictionary::Parse({&source, 1}, &warnings);
  CheckWarnings(warnings, bytes);
  for (const Actor& actor : actors.actors()) {
    for (const ActorRole& role : actor.roles) Check(role.first <= role.last);
  }
  CheckMatches(actors.FindActors(words), words.size(), actors.actors().size());
  for (uint32_t id = 0; id < actors.actors().size(); ++id) actors.CodeOn(id, Date{20140608});
}

void FuzzVerbs(std::string_view bytes, const std::vector<std::string_view>& words) {
  Warnings warnings;
  VerbDictionary verbs = VerbDictionary::Parse(bytes, "fuzz.verbs", &warnings);
  CheckWarnings(warnings, bytes);
  for (const Pattern& pattern : verbs.patterns()) Check(pattern.block < verbs.blocks().size());
  for (const VerbForm& form : verbs.forms()) {
    Check(form.verb < verbs.verbs().size() && form.head < form.words.size());
  }
  CheckMatches(verbs.FindVerbs(words), words.size(), verbs.forms().size());
  CheckMatches(verbs.FindSynsetMembers(words), words.size(), verbs.synsets().size());
  CheckMatches(verbs.FindPatternAnchors(words), words.size(), verbs.patterns().size());
}

void FuzzOthers(std::string_view bytes, const std::vector<std::string_view>& words) {
  Warnings warnings;
  AgentDictionary agents = AgentDictionary::Parse(bytes, "fuzz.agents", &warnings);
  CheckMatches(agents.FindAgents(words), words.size(), agents.agents().size());
  DiscardList discards = DiscardList::Parse(bytes, "fuzz.discards", &warnings);
  CheckMatches(discards.FindDiscards(words), words.size(), discards.discards().size());
  IssueList issues = IssueList::Parse(bytes, "fuzz.issues", &warnings);
  CheckMatches(issues.FindIssues(words), words.size(), issues.issues().size());
  CodingOntology ontology = CodingOntology::Parse(bytes, "fuzz.pico", &warnings);
  Check(ontology.entries().size() <= bytes.size());
  CheckWarnings(warnings, bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxInputBytes = 1 << 16;
  if (size > kMaxInputBytes) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> words = Words(bytes);
  FuzzActors(bytes, words);
  FuzzVerbs(bytes, words);
  FuzzOthers(bytes, words);
  return 0;
}
