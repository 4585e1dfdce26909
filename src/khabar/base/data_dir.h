// Where third-party data (treebanks, dictionaries, gazetteer) and trained models live.
//
// Data is never committed: it is read from $KHABAR_DATA, else from the first existing
// directory of the search path (../shared/data beside the working directory, then
// ../shared/data beside the source tree). Models are build outputs: $KHABAR_MODELS,
// else ./models.
//
//   StatusOr<std::string> data = base::FindDataDir();
//   std::string ewt = *data + "/ud/en_ewt/en_ewt-ud-test.conllu";
//
// Reads the environment; safe from any thread.
#ifndef KHABAR_BASE_DATA_DIR_H_
#define KHABAR_BASE_DATA_DIR_H_

#include <string>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::base {

// Candidate data directories in search order.
std::vector<std::string> DataDirSearchPath();

// The first existing data directory; NotFound naming every place tried.
StatusOr<std::string> FindDataDir();

// $KHABAR_MODELS, else "models".
std::string ModelsDir();

}  // namespace khabar::base

#endif  // KHABAR_BASE_DATA_DIR_H_
