// The khabar CLI's subcommands. Each Register function adds one verb (or a group of
// verbs) to the CLI11 app; the verb's callback stores its process exit status in
// *exit_code (0 success, 1 some input failed, 2 usage or set-up error).
#ifndef KHABAR_CLI_COMMANDS_H_
#define KHABAR_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace khabar::cli {

void RegisterCodeCommand(CLI::App& app, int* exit_code);      // code_command.cc
void RegisterTokenizeCommand(CLI::App& app, int* exit_code);  // tokenize_command.cc
void RegisterEvalCommand(CLI::App& app, int* exit_code);      // eval_command.cc
void RegisterBenchCommand(CLI::App& app, int* exit_code);     // bench_command.cc
void RegisterTrainCommand(CLI::App& app, int* exit_code);     // train_command.cc

}  // namespace khabar::cli

#endif  // KHABAR_CLI_COMMANDS_H_
