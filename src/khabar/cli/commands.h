// The khabar CLI's subcommands. Each Register function adds one verb (or a group of
// verbs) to the CLI11 app; the verb's callback stores its process exit status in
// *exit_code (0 success, 1 some input failed, 2 usage or set-up error).
#ifndef KHABAR_CLI_COMMANDS_H_
#define KHABAR_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "khabar/pipeline/analysis.h"

namespace khabar::cli {

void RegisterCodeCommand(CLI::App& app, int* exit_code);      // code_command.cc
void RegisterExplainCommand(CLI::App& app, int* exit_code);   // explain_command.cc
void RegisterTokenizeCommand(CLI::App& app, int* exit_code);  // conllu_commands.cc
void RegisterParseCommand(CLI::App& app, int* exit_code);     // conllu_commands.cc
void RegisterEvalCommand(CLI::App& app, int* exit_code);      // eval_command.cc
void RegisterBenchCommand(CLI::App& app, int* exit_code);     // bench_command.cc
void RegisterTrainCommand(CLI::App& app, int* exit_code);     // train_command.cc
// `train ner` and `eval ner`, added to the `train` and `eval` groups (ner_commands.cc).
void RegisterNerTrainCommand(CLI::App& train, int* exit_code);
void RegisterNerEvalCommand(CLI::App& eval, int* exit_code);
// `eval cameo`, added to the `eval` group (cameo_commands.cc).
void RegisterCameoEvalCommand(CLI::App& eval, int* exit_code);
// `eval plover`, added to the `eval` group (plover_commands.cc).
void RegisterPloverEvalCommand(CLI::App& eval, int* exit_code);
// `eval counts`, added to the `eval` group (counts_commands.cc).
void RegisterCountsEvalCommand(CLI::App& eval, int* exit_code);
// `eval location`, added to the `eval` group (location_commands.cc).
void RegisterLocationEvalCommand(CLI::App& eval, int* exit_code);
// `eval dates`, added to the `eval` group (dates_commands.cc).
void RegisterDatesEvalCommand(CLI::App& eval, int* exit_code);
// merge_eval_command.cc
void RegisterMergeEvalCommand(CLI::App& eval, int* exit_code);
void RegisterQueryCommand(CLI::App& app, int* exit_code);     // query_command.cc
void RegisterExportCommand(CLI::App& app, int* exit_code);    // query_command.cc
void RegisterServeCommand(CLI::App& app, int* exit_code);     // serve_command.cc
// `bench store`, added to the `bench` group (bench_store_command.cc).
void RegisterBenchStore(CLI::App& bench, int* exit_code);
// `bench pipeline`, added to the `bench` group (bench_pipeline_command.cc).
void RegisterBenchPipeline(CLI::App& bench, int* exit_code);

// --tokenizer-model, --tagger-model and --parser-model, shared by the verbs that analyse
// text (conllu_commands.cc).
void AddModelOptions(CLI::App& command, pipeline::AnalysisModels& models);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_COMMANDS_H_
