// Set-up shared by the verbs that code events (`khabar code`, `khabar explain`): the ingest
// reader with its sidecar, the analysis models with the rule-based-splitting note, the
// dictionary options and the note about skipped dictionary lines.
//
//   KH_ASSIGN_OR_RETURN(ingest::Ingestor ingestor, MakeIngestor(meta_path, max_file_mb));
//   KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, LoadAnalysis(models, quiet));
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<events::CodingStage> coder, LoadCoder(dictionary_dir));
//   AddDictionaryOptions(*command, options->dictionary_dir, options->dictionary_warnings);
//   ReportDictionaryWarnings(dictionaries.warnings, list_all, quiet);
//
// Thread-safety: the functions print to stderr; call them from the main thread.
#ifndef KHABAR_CLI_CODING_SETUP_H_
#define KHABAR_CLI_CODING_SETUP_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "khabar/base/status.h"
#include "khabar/dict/warning.h"
#include "khabar/events/coding_stage.h"
#include "khabar/ingest/ingestor.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::cli {

// The ingestor for `meta_path` (empty: no sidecar), refusing files over `max_file_mb` MiB.
StatusOr<ingest::Ingestor> MakeIngestor(const std::string& meta_path, uint64_t max_file_mb);

// Loads the tokenizer, tagger and parser; unless `quiet`, notes on stderr when sentences
// will be split by rules because there is no tokenizer model.
StatusOr<pipeline::Analysis> LoadAnalysis(const pipeline::AnalysisModels& models, bool quiet);

// The event coder as `khabar code` runs it: the Phoenix dictionaries with Khabar's
// overlays from `dictionary_dir` (empty: <data>/cameo), the PLOVER mapping, and in-document
// coreference (mentions::CoreferenceResolution).
StatusOr<std::unique_ptr<events::CodingStage>> LoadCoder(const std::string& dictionary_dir);

// --dictionaries DIR and --dictionary-warnings.
void AddDictionaryOptions(CLI::App& command, std::string& dictionary_dir, bool& list_warnings);

// With `list_all`, prints every skipped dictionary line with its file:line; otherwise,
// unless `quiet`, one note counting them.
void ReportDictionaryWarnings(const dict::Warnings& warnings, bool list_all, bool quiet);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_CODING_SETUP_H_
