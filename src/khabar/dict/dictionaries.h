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
// Overlays: Khabar's own actor and agent files (the repository's dictionaries/ directory)
// add actors the Phoenix files lack and correct some they have. Set overlay_dir, or start
// from DictionaryFiles::PhoenixWithOverlays():
//
//   KH_ASSIGN_OR_RETURN(dict::Dictionaries dictionaries,
//                       dict::LoadDictionaries(data + "/cameo",
//                                              dict::DictionaryFiles::PhoenixWithOverlays()));
//
// Every "*.actors.txt" and "*.agents.txt" in overlay_dir is read, in name order, and wins
// over the base files: an overlay actor or agent owns every phrase it defines (see
// ActorDictionary, "Overlays"). A missing overlay directory is a warning, not an error.
//
// Thread-safety: a loaded Dictionaries is immutable; share it between threads by const
// reference.
#ifndef KHABAR_DICT_DICTIONARIES_H_
#define KHABAR_DICT_DICTIONARIES_H_

#include <cstddef>
#include <string>
#include <string_view>
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
  // Directory of overlay actor/agent files, used as given (not relative to the dictionary
  // directory); empty: no overlays.
  std::string overlay_dir;

  // CAMEO.2.0.txt, the three Phoenix actor files, Phoenix.agents/discards/IssueCoding and
  // PETR.Internal.Coding.Ontology.txt.
  static DictionaryFiles Phoenix();
  // validate/PETR_Validate_*: verbs, actors, agents, discards, internal coding ontology
  // (the validation set has no issue file).
  static DictionaryFiles Validate();
  // Phoenix() with overlay_dir = DefaultOverlayDir().
  static DictionaryFiles PhoenixWithOverlays();
};

// Where Khabar's overlay dictionaries are: $KHABAR_OVERLAYS when set (never second-guessed),
// else "dictionaries" when that is a directory (the working directory is the repository),
// else the source tree's dictionaries/ when this build knows it and it exists, else
// "dictionaries".
std::string DefaultOverlayDir();

// The overlay files of `dir`: names ending in `suffix` (".actors.txt", ".agents.txt"),
// sorted; empty when `dir` cannot be listed.
std::vector<std::string> ListOverlayFiles(const std::string& dir, std::string_view suffix);

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
  // Event nouns ("attack", "talks"), from the overlay *.nouns.txt files, in the verb format:
  // blocks give codes, "verbs" are the noun's spellings. Empty without overlays.
  VerbDictionary nouns;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueList issues;
  CodingOntology ontology;
  Warnings warnings;
  std::vector<FileReport> reports;  // in load order
};

// Loads the named files from `dir`, then the overlays. Fails only when a named file or a
// listed overlay file cannot be read; every problem inside a file is a warning
// (Dictionaries::warnings) and loading goes on, as is a missing overlay directory.
// Warnings and reports name files relative to `dir`, overlay files as
// overlay_dir + "/" + name. Reports list the base actor files, then the overlay actor
// files; the overlay agent files, then the base agent file.
//
// Overlay agents are parsed as one text placed before the base agent file, so that they
// win; warnings carry each file's own line numbers, but Agent::line counts lines in that
// joined text. Overlay agent files should not define "!SET!" substitution sets (a base
// set of the same name would then be skipped) nor use the base file's sets.
StatusOr<Dictionaries> LoadDictionaries(const std::string& dir, const DictionaryFiles& files);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_DICTIONARIES_H_
