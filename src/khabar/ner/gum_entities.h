// Named-entity training data from a treebank with GUM/CorefUD entity annotation (the MISC
// item "Entity=(id-etype-infstat-...-identity ... id)"; Zeldes 2017, "The GUM corpus").
//
// GUM marks every mention (pronouns, common nouns, names) with one of ten entity types.
// A mention of type person, organization or place becomes a PER, ORG or LOC name when its
// head word (the one whose syntactic head lies outside the mention) is a PROPN. The name
// is the run of words around that head made of PROPN words, joined across single
// connectors inside the name ("of", "the", "&", "-", "and", "de", ...): "the University of
// Portsmouth" gives "University of Portsmouth"; "Durham University's vice chancellor Stuart
// Corbridge" gives "Stuart Corbridge". Longer mentions are taken first and a name that
// overlaps one already taken is dropped, so nested mentions give flat, non-overlapping
// names.
//
//   KH_ASSIGN_OR_RETURN(ner::Iob2Corpus gum, ner::ReadGumEntities(gum_train_path));
//
// Thread-safety: free functions.
#ifndef KHABAR_NER_GUM_ENTITIES_H_
#define KHABAR_NER_GUM_ENTITIES_H_

#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/ner/iob2.h"

namespace khabar::ner {

// The converted file as IOB2 text (`index word tag` lines), for inspection and ParseIob2.
// InvalidArgument for a CoNLL-U file that does not parse; malformed Entity items are skipped.
StatusOr<std::string> GumEntitiesToIob2(std::string conllu, std::string_view name);
// Reads a CoNLL-U file and converts it.
StatusOr<Iob2Corpus> ReadGumEntities(const std::string& path);

}  // namespace khabar::ner

#endif  // KHABAR_NER_GUM_ENTITIES_H_
