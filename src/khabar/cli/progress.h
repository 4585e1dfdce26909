// Progress: a one-line progress report on stderr, redrawn at most ten times a second,
// and only when stderr is a terminal (quiet when piped or in CI).
//
//   cli::Progress progress(quiet);
//   progress.Update(fmt::format("{} articles", count));
//   progress.Finish();
//
// Thread-compatible.
#ifndef KHABAR_CLI_PROGRESS_H_
#define KHABAR_CLI_PROGRESS_H_

#include <chrono>
#include <string_view>

namespace khabar::cli {

class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress() { Finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  void Update(std::string_view line);
  // Clears the line so that the next output starts clean.
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace khabar::cli

#endif  // KHABAR_CLI_PROGRESS_H_
