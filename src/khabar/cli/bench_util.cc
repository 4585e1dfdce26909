#include "khabar/cli/bench_util.h"

#include <sys/resource.h>
#include <time.h>

#include <string_view>
#include <utility>

#include "khabar/base/file.h"
#include "khabar/base/utf8.h"
#include "khabar/eval/conllu.h"

namespace khabar::cli {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

Status LoadBenchDocuments(const std::vector<std::string>& files,
                          std::vector<doc::Document>* documents) {
  for (const std::string& path : files) {
    KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, base::kDefaultMaxFileBytes));
    doc::Document document;
    document.id = path;
    if (EndsWith(path, ".conllu")) {
      KH_ASSIGN_OR_RETURN(eval::ConlluFile treebank, eval::ParseConllu(std::move(bytes), path));
      document.raw = eval::RebuildText(treebank).text;
    } else {
      document.raw = base::RepairUtf8(bytes).text;
    }
    documents->push_back(std::move(document));
  }
  return Status::Ok();
}

}  // namespace khabar::cli
