#include "khabar/cli/commands.h"

namespace khabar::cli {

// Placeholder until its module lands.
void RegisterBenchCommand(CLI::App& app, int* exit_code) {
  (void)app;
  (void)exit_code;
}

}  // namespace khabar::cli
