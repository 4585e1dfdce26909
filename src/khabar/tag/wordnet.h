// WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet) as a training resource:
// part-of-speech bits for the tagger's features and exception lists and known lemmas for
// the lemmatizer. Read at training time only; what is used is copied into the model.
//
//   KH_ASSIGN_OR_RETURN(internal::HashIndex bits, tag::BuildWordNetLexicon("/usr/share/wordnet"));
//
// Thread-safety: free functions without shared state.
#ifndef KHABAR_TAG_WORDNET_H_
#define KHABAR_TAG_WORDNET_H_

#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/tag/internal/hash_index.h"
#include "khabar/tag/lemmatizer.h"

namespace khabar::tag {

// The WordNet lexicon of internal/features.h from `dir` (index.noun, index.verb,
// index.adj, index.adv, data.noun and the *.exc files). NotFound if files are missing.
StatusOr<internal::HashIndex> BuildWordNetLexicon(const std::string& dir);

// Adds WordNet's lemmas (index.*) as known lemmas, and its exception entries (*.exc, lines
// "inflected base [base...]") for the XPOS tags of their part of speech; returns how many
// exception lines were used. NotFound if `dir` lacks the files.
StatusOr<size_t> AddWordNetExceptions(const std::string& dir,
                                      const std::vector<std::string>& xpos_names,
                                      Lemmatizer::Builder& builder);

}  // namespace khabar::tag

#endif  // KHABAR_TAG_WORDNET_H_
