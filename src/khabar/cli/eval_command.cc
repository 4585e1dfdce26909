#include "khabar/cli/commands.h"

namespace khabar::cli {

// Placeholder until its module lands.
void RegisterEvalCommand(CLI::App& app, int* exit_code) {
  (void)app;
  (void)exit_code;
}

}  // namespace khabar::cli
