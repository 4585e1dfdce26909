// khabar explain FILES... : analyse and code articles as `khabar code` does, then print, per
// sentence, the dependency tree and why each event got its codes (explain.h), as text for
// an analyst or, with --json, one JSON object per sentence.
// khabar explain --db DB EVENT... : a stored event's reports and why each joined it
// (explain_event.h).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/cli/coding_setup.h"
#include "khabar/cli/commands.h"
#include "khabar/cli/explain.h"
#include "khabar/cli/explain_event.h"
#include "khabar/cli/explain_output.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/coding_trace.h"
#include "khabar/events/event_stage.h"
#include "khabar/when/when_stage.h"

namespace khabar::cli {
namespace {

constexpr uint64_t kMaxFileMb = 64;

struct ExplainOptions {
  std::vector<std::string> inputs;
  std::string meta_path;
  std::string dictionary_dir;
  bool dictionary_warnings = false;
  pipeline::AnalysisModels models;
  uint32_t sentence = 0;  // 1-based; 0: every sentence
  bool events_only = false;
  bool json = false;
  std::string db;  // with --db, `inputs` are stored event ids (explain_event.h)
};

void Write(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

class ExplainRun {
 public:
  ExplainRun(const ExplainOptions& options, const pipeline::Analysis& analysis,
             const events::CodingStage& coder)
      : options_(options), analysis_(analysis), coder_(coder), explainer_(coder.dictionaries()) {}

  void OnDocument(doc::Document&& document);
  void OnError(const ingest::IngestError& error) {
    fmt::print(stderr, "khabar explain: error: {}\n", error.ToString());
    failed_ = true;
  }
  void OnWarning(const ingest::IngestError& warning) {
    fmt::print(stderr, "khabar explain: warning: {}\n", warning.ToString());
  }
  bool failed() const { return failed_; }

 private:
  Status Code(doc::Document& document, std::vector<events::SentenceTrace>* trace) const;
  void PrintSentence(const doc::Document& document, const events::SentenceTrace& trace) const;
  void Fail(const doc::Document& document, std::string_view message) {
    fmt::print(stderr, "khabar explain: error: {}: {}\n", document.source_path, message);
    failed_ = true;
  }

  const ExplainOptions& options_;
  const pipeline::Analysis& analysis_;
  const events::CodingStage& coder_;
  SentenceExplainer explainer_;
  bool failed_ = false;
};

Status ExplainRun::Code(doc::Document& document,
                        std::vector<events::SentenceTrace>* trace) const {
  KH_RETURN_IF_ERROR(analysis_.Analyze(document));
  // The events `khabar code` writes, and the coder's own account of each sentence.
  KH_RETURN_IF_ERROR(coder_.ProcessWithTrace(document, trace));
  return when::WhenStage().Process(document);
}

void ExplainRun::OnDocument(doc::Document&& document) {
  std::vector<events::SentenceTrace> trace;
  if (Status status = Code(document, &trace); !status.ok()) {
    Fail(document, fmt::format("document {}: {}", document.id, status.ToString()));
    return;
  }
  const uint32_t count = static_cast<uint32_t>(trace.size());
  if (options_.sentence > count) {
    Fail(document, fmt::format("document {} has {} sentences; there is no sentence {}", document.id,
                               count, options_.sentence));
    return;
  }
  if (options_.sentence > 0) {
    PrintSentence(document, trace[options_.sentence - 1]);
    return;
  }
  for (const events::SentenceTrace& sentence : trace) PrintSentence(document, sentence);
}

void ExplainRun::PrintSentence(const doc::Document& document,
                               const events::SentenceTrace& trace) const {
  const uint32_t sentence = trace.sentence;
  if (document.words.sentences[sentence].word_count() == 0) return;
  if (options_.events_only) {
    bool has_event =
        std::any_of(document.events.events.begin(), document.events.events.end(),
                    [&](const doc::Event& event) { return event.sentence == sentence; });
    if (!has_event) return;
  }
  SentenceExplanation explanation = explainer_.Explain(document, trace);
  const bool with_tree = !options_.events_only;
  if (options_.json) {
    Write(ExplanationJson(explanation, with_tree) + "\n");
  } else {
    Write(ExplanationText(explanation, with_tree));
  }
}

int RunExplain(const ExplainOptions& options) {
  StatusOr<ingest::Ingestor> ingestor = MakeIngestor(options.meta_path, kMaxFileMb);
  if (!ingestor.ok()) {
    fmt::print(stderr, "khabar explain: error: {}\n", ingestor.status().message());
    return 2;
  }
  StatusOr<pipeline::Analysis> analysis = LoadAnalysis(options.models, /*quiet=*/false);
  if (!analysis.ok()) {
    fmt::print(stderr, "khabar explain: error: {}\n", analysis.status().message());
    return 2;
  }
  StatusOr<std::unique_ptr<events::CodingStage>> coder = LoadCoder(options.dictionary_dir);
  if (!coder.ok()) {
    fmt::print(stderr, "khabar explain: error: {}\n", coder.status().message());
    return 2;
  }
  ReportDictionaryWarnings((*coder)->warnings(), options.dictionary_warnings, /*quiet=*/false);
  ExplainRun run(options, *analysis, **coder);
  for (const std::string& input : options.inputs) {
    ingestor->ReadPath(
        input, [&run](doc::Document&& document) { run.OnDocument(std::move(document)); },
        [&run](const ingest::IngestError& error) { run.OnError(error); },
        [&run](const ingest::IngestError& warning) { run.OnWarning(warning); });
  }
  std::fflush(stdout);
  return run.failed() ? 1 : 0;
}

}  // namespace

void RegisterExplainCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command = app.add_subcommand(
      "explain", "Show each sentence's parse and why each of its events was coded");
  command
      ->add_option("inputs", options->inputs,
                   "Article files or directories (text, JSONL, HTML, RSS/Atom); with --db, event ids")
      ->required();
  command->add_option("--db", options->db,
                      "Explain stored events instead: their reports and why each was merged");
  command->add_option("--meta", options->meta_path,
                      "Sidecar JSONL mapping file names to outlet, title, published date, URL");
  AddModelOptions(*command, options->models);
  AddDictionaryOptions(*command, options->dictionary_dir, options->dictionary_warnings);
  command
      ->add_option("--sentence", options->sentence,
                   "Explain only this sentence (1-based) of each article")
      ->check(CLI::Range(1u, 1000000u));
  command->add_flag("--events-only", options->events_only,
                    "Only sentences with events, without their dependency trees");
  command->add_flag("--json", options->json, "One JSON object per sentence instead of text");
  command->callback([options, exit_code] {
    *exit_code = options->db.empty() ? RunExplain(*options)
                                     : ExplainStoredEvents(options->db, options->inputs, options->json);
  });
}

}  // namespace khabar::cli
