// Agent dictionaries (PETRARCH ".agents" files): generic roles such as "militants",
// "police" or "foreign minister" and the code fragment each adds to an actor's code.
//
//   !HAND! = SMITH, SMITHS                       substitution set
//   IRON!HAND! [~LAB]                            -> IRONSMITH, IRONSMITHS (no plurals)
//   INSURGENT [~REB]                             -> INSURGENT, INSURGENTS (regular plural)
//   CONSTABULARY {} [~COP]                       -> CONSTABULARY only ("{}": no plural)
//   CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]      -> the given plural
//   RELIEF_SOCIETY [NGO~]                        -> code placed before the actor's
//
//   KH_ASSIGN_OR_RETURN(dict::AgentDictionary agents,
//                       dict::AgentDictionary::Load(path, &warnings));
//   for (const dict::PhraseMatch& match : agents.FindAgents(tokens))
//     const dict::Agent& agent = agents.agents()[match.values[0]];  // agent.code == "REB"
//
// Spaces and underscores both join words that must be consecutive. Regular plurals are
// made on the last word (dict/internal/inflect.h). Duplicates: a phrase form belongs to
// the first agent that produces it; a later agent with the same code is only counted, one
// with another code is a warning.
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_DICT_AGENT_DICTIONARY_H_
#define KHABAR_DICT_AGENT_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/phrase_matcher.h"
#include "khabar/dict/source.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

enum class AgentCodePlacement : uint8_t {
  kAfterActor,   // "[~GOV]": VRD + GOV -> VRDGOV
  kBeforeActor,  // "[NGO~]": NGO + actor code, for organisations
};

struct Agent {
  uint32_t line = 0;
  std::string phrase;  // as written, before plural and substitution expansion
  std::string code;    // without the '~', e.g. "GOV"
  AgentCodePlacement placement = AgentCodePlacement::kAfterActor;
  uint32_t form_count = 0;  // phrase forms indexed for this agent
};

class AgentDictionary {
 public:
  // Never fails: each bad line becomes a warning and is skipped.
  static AgentDictionary Parse(std::string_view bytes, std::string_view file_name,
                               Warnings* warnings);
  // Reads and parses `path`; fails only when the file cannot be read.
  static StatusOr<AgentDictionary> Load(const std::string& path, Warnings* warnings);

  const std::vector<Agent>& agents() const { return agents_; }
  const std::string& file() const { return file_; }

  // Longest non-overlapping agent phrases; values are agent ids.
  std::vector<PhraseMatch> FindAgents(std::span<const std::string_view> tokens) const {
    return matcher_.FindLongest(tokens);
  }
  const PhraseMatcher& matcher() const { return matcher_; }
  size_t duplicate_phrases() const { return duplicate_phrases_; }

 private:
  class Parser;

  std::string file_;
  std::vector<Agent> agents_;
  PhraseMatcher matcher_;
  size_t duplicate_phrases_ = 0;
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_AGENT_DICTIONARY_H_
