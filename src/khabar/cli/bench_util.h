// What the `khabar bench …` verbs share: the thread's CPU clock, peak memory, and reading the
// benchmark's input files.
//
//   std::vector<doc::Document> documents;
//   KH_RETURN_IF_ERROR(LoadBenchDocuments(files, &documents));
//   const double start = ThreadCpuSeconds();
//
// Thread-safety: free functions; ThreadCpuSeconds measures the calling thread.
#ifndef KHABAR_CLI_BENCH_UTIL_H_
#define KHABAR_CLI_BENCH_UTIL_H_

#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"

namespace khabar::cli {

// CPU time of the calling thread, in seconds: stable on a shared machine.
double ThreadCpuSeconds();
// The process's peak resident memory so far, in megabytes.
double PeakRssMegabytes();
// Each file becomes one document: its text, or for a .conllu treebank the raw text rebuilt
// from its tokens.
Status LoadBenchDocuments(const std::vector<std::string>& files,
                          std::vector<doc::Document>* documents);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_BENCH_UTIL_H_
