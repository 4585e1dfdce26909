#include "khabar/cli/coding_setup.h"

#include <fmt/format.h>

#include <cstdio>
#include <utility>

#include "khabar/text/text_stage.h"
#include "khabar/mentions/coref_actor_resolver.h"

namespace khabar::cli {

StatusOr<ingest::Ingestor> MakeIngestor(const std::string& meta_path, uint64_t max_file_mb) {
  ingest::IngestOptions options;
  options.meta_path = meta_path;
  options.max_file_bytes = max_file_mb << 20;
  return ingest::Ingestor::Create(std::move(options));
}

StatusOr<pipeline::Analysis> LoadAnalysis(const pipeline::AnalysisModels& models, bool quiet) {
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(models));
  if (!analysis.uses_tokenizer_model() && !quiet) {
    fmt::print(stderr, "note: no tokenizer model at {}; splitting sentences by rules\n",
               text::DefaultTokenizerModelPath());
  }
  return analysis;
}

void AddDictionaryOptions(CLI::App& command, std::string& dictionary_dir, bool& list_warnings) {
  command.add_option("--dictionaries", dictionary_dir,
                     "Directory of the Phoenix CAMEO dictionaries (default: $KHABAR_DATA/cameo)");
  command.add_flag("--dictionary-warnings", list_warnings,
                   "List every dictionary line skipped at load, with its file:line");
}

void ReportDictionaryWarnings(const dict::Warnings& warnings, bool list_all, bool quiet) {
  if (list_all) {
    for (const dict::Warning& warning : warnings)
      fmt::print(stderr, "warning: {}\n", warning.ToString());
    return;
  }
  if (!warnings.empty() && !quiet) {
    fmt::print(stderr,
               "note: {} dictionary lines were skipped (--dictionary-warnings lists them)\n",
               warnings.size());
  }
}

StatusOr<std::unique_ptr<events::CodingStage>> LoadCoder(const std::string& dictionary_dir) {
  events::CodingStageOptions options;
  options.dictionary_dir = dictionary_dir;
  options.resolver_factory = &mentions::CoreferenceResolution();
  return events::CodingStage::Create(options);
}

}  // namespace khabar::cli
