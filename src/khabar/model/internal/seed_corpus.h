// Test-only: the seed corpus of fuzz/corpus/model_loader, built in code so that it can be
// regenerated (model_test with KH_UPDATE_CORPUS=1) and checked for staleness. The valid
// seeds are also the binary fixtures of each past format version.
#ifndef KHABAR_MODEL_INTERNAL_SEED_CORPUS_H_
#define KHABAR_MODEL_INTERNAL_SEED_CORPUS_H_

#include <string>
#include <vector>

#include "khabar/model/container.h"

namespace khabar::model::internal {

struct SeedFile {
  std::string name;    // file name inside fuzz/corpus/model_loader
  std::string bytes;   // exact contents
  ComponentKind kind;  // the kind to load it as
  bool valid;          // whether ModelReader accepts it for any schema version
};

// Deterministic: fixed build dates and producer strings.
std::vector<SeedFile> SeedCorpus();

}  // namespace khabar::model::internal

#endif  // KHABAR_MODEL_INTERNAL_SEED_CORPUS_H_
