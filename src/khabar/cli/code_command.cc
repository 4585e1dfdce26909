#include "khabar/cli/commands.h"

namespace khabar::cli {

void RegisterCodeCommand(CLI::App& app, int* exit_code) {
  (void)app;
  (void)exit_code;
}

}  // namespace khabar::cli
