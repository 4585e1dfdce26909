// khabar: turns news articles into an event dataset. See README.md.
#include <CLI/CLI.hpp>

#include "khabar/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"khabar: who did what to whom, when and where, from news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "khabar 0.1.0");
  int exit_code = 0;
  khabar::cli::RegisterCodeCommand(app, &exit_code);
  khabar::cli::RegisterExplainCommand(app, &exit_code);
  khabar::cli::RegisterTokenizeCommand(app, &exit_code);
  khabar::cli::RegisterParseCommand(app, &exit_code);
  khabar::cli::RegisterEvalCommand(app, &exit_code);
  khabar::cli::RegisterQueryCommand(app, &exit_code);
  khabar::cli::RegisterExportCommand(app, &exit_code);
  khabar::cli::RegisterServeCommand(app, &exit_code);
  khabar::cli::RegisterBenchCommand(app, &exit_code);
  khabar::cli::RegisterTrainCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  return exit_code;
}
