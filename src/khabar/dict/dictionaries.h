// The whole PETRARCH-2 / Phoenix dictionary set, loaded from one directory.
//
//   KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
//   KH_ASSIGN_OR_RETURN(dict::Dictionaries dictionaries,
//                       dict::LoadDictionaries(data + "/cameo", dict::DictionaryFiles::Phoenix()));
//   for (const dict::Warning& warning : dictionaries.warnings)
//     fmt::print(stderr, "{}\n", warning.ToString());
//
// DictionaryFiles::Validate() names PETRARCH's validation set (cameo/validate/). An empty
// file name skips that dictionary. See docs/formats/dictionaries.md for what is read from
// each file.
//
// Thread-safety: a loaded Dictionaries is immutable; share it between threads by const
// reference.
#ifndef KHABAR_DICT_DICTIONARIES_H_
#define KHABAR_DICT_DICTIONARIES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/actor_dictionary.h"
#include "khabar/dict/agent_dictionary.h"
#include "khabar/dict/coding_ontology.h"
#include "khabar/dict/discard_list.h"
#include "khabar/dict/issue_list.h"
#include "khabar/dict/verb_dictionary.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

// File names relative to the dictionary directory.
struct DictionaryFiles {
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
  std::string issues;
  std::string ontology;

  // CAMEO.2.0.txt, the three Phoenix actor files, Phoenix.agents/discards/IssueCoding and
  // PETR.Internal.Coding.Ontology.txt.
  static DictionaryFiles Phoenix();
  // validate/PETR_Validate_*: verbs, actors, agents, discards, internal coding ontology
  // (the validation set has no issue file).
  static DictionaryFiles Validate();
};

// What one file contributed.
struct FileReport {
  std::string file;
  size_t lines = 0;    // physical lines
  size_t entries = 0;  // the file's main entries (actors, agents, patterns, ...)
  size_t warnings = 0;
  std::string summary;  // e.g. "397 blocks, 1562 verbs, 4614 patterns, ..."
};

struct Dictionaries {
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueList issues;
  CodingOntology ontology;
  Warnings warnings;
  std::vector<FileReport> reports;  // in load order
};

// Loads the named files from `dir`. Fails only when a named file cannot be read; every
// problem inside a file is a warning (Dictionaries::warnings) and loading goes on.
// Warnings name files relative to `dir`.
StatusOr<Dictionaries> LoadDictionaries(const std::string& dir, const DictionaryFiles& files);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_DICTIONARIES_H_
