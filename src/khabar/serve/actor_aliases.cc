#include "khabar/serve/actor_aliases.h"

#include <algorithm>

#include "khabar/base/data_dir.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/doc/events.h"

namespace khabar::serve {

ActorAliases::ActorAliases(const dict::ActorDictionary& actors) {
  for (const dict::Actor& actor : actors.actors()) {
    const std::string name = doc::ActorDisplayName(actor.name);
    if (name.empty() || aliases_.count(name) > 0) continue;
    std::vector<std::string>& names = aliases_[name];
    for (const std::string& phrase : actor.aliases) {
      std::string alias = doc::ActorDisplayName(phrase);
      if (alias.empty() || alias == name) continue;
      if (std::find(names.begin(), names.end(), alias) == names.end()) names.push_back(std::move(alias));
    }
  }
}

const std::vector<std::string>& ActorAliases::Find(std::string_view name) const {
  static const std::vector<std::string> kNone;
  const auto found = aliases_.find(std::string(name));
  return found == aliases_.end() ? kNone : found->second;
}

StatusOr<ActorAliases> LoadActorAliases(const std::string& dictionary_dir) {
  std::string dir = dictionary_dir;
  if (dir.empty()) {
    KH_ASSIGN_OR_RETURN(const std::string data, base::FindDataDir());
    dir = data + "/cameo";
  }
  dict::DictionaryFiles files = dict::DictionaryFiles::PhoenixWithOverlays();
  files.verbs.clear();  // only the actors are needed
  files.agents.clear();
  files.discards.clear();
  files.issues.clear();
  files.ontology.clear();
  KH_ASSIGN_OR_RETURN(const dict::Dictionaries dictionaries, dict::LoadDictionaries(dir, files));
  return ActorAliases(dictionaries.actors);
}

}  // namespace khabar::serve
