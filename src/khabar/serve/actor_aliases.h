// ActorAliases: the other names the actor dictionaries list for an actor, keyed by the name
// the store keeps for it (doc::ActorDisplayName of the dictionary's primary phrase, as
// `khabar code` writes events.source_actor and target_actor).
//
//   KH_ASSIGN_OR_RETURN(dict::Dictionaries dictionaries, dict::LoadDictionaries(dir, files));
//   ActorAliases aliases(dictionaries.actors);
//   aliases.Find("Khalifa Haftar");  // {"Khalifa Hifter", "General Haftar", ...}
//
// Thread-safety: immutable after construction; const methods may run from many threads.
#ifndef KHABAR_SERVE_ACTOR_ALIASES_H_
#define KHABAR_SERVE_ACTOR_ALIASES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/actor_dictionary.h"

namespace khabar::serve {

class ActorAliases {
 public:
  ActorAliases() = default;  // knows no actor
  // Every actor's "+" phrases as display names, without repeats and without the actor's own
  // name. When two actors share a display name, the first (overlays first) keeps it.
  explicit ActorAliases(const dict::ActorDictionary& actors);

  // The aliases of the actor stored as `name`; empty when unknown.
  const std::vector<std::string>& Find(std::string_view name) const;
  size_t size() const { return aliases_.size(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> aliases_;
};

// The actor dictionaries `khabar code` loads: the Phoenix actor files of `dictionary_dir`
// (empty: <data>/cameo) and Khabar's overlays (dict::DefaultOverlayDir()). The errors of
// dict::LoadDictionaries and base::FindDataDir.
StatusOr<ActorAliases> LoadActorAliases(const std::string& dictionary_dir);

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_ACTOR_ALIASES_H_
