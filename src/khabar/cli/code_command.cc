// khabar code FILES... : ingest articles, run the pipeline, store them, print a summary.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/cli/commands.h"
#include "khabar/cli/progress.h"
#include "khabar/ingest/ingestor.h"
#include "khabar/ingest/near_duplicate.h"
#include "khabar/pipeline/pipeline.h"
#include "khabar/store/sqlite_store.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string meta_path;
  std::string db_path;
  std::string format = "jsonl";
  std::string tokenizer_model;
  size_t batch_size = 64;
  uint64_t max_file_mb = 64;
  bool quiet = false;
};

// One row of the per-article table in the summary.
struct ArticleRow {
  std::string id, outlet, published, note;
  size_t sentences = 0, tokens = 0;
};

struct RunCounts {
  size_t read = 0, failed_inputs = 0, warnings = 0, inserted = 0, duplicates = 0,
         near_duplicates = 0, sentences = 0, tokens = 0, events = 0;
};

// Drives one `khabar code` run: ingest -> pipeline -> batched store writes.
class CodeRun {
 public:
  explicit CodeRun(const CodeOptions& options) : options_(options), progress_(options.quiet) {}

  Status SetUp();
  void ReadInput(const std::string& path, const ingest::Ingestor& ingestor);
  Status Flush();
  void PrintSummary();
  const RunCounts& counts() const { return counts_; }

 private:
  void OnDocument(doc::Document&& document);
  void OnError(const ingest::IngestError& error);
  void OnWarning(const ingest::IngestError& warning);
  void MarkNearDuplicate(doc::Document& document);

  const CodeOptions& options_;
  Progress progress_;
  pipeline::Pipeline pipeline_;
  std::unique_ptr<store::SqliteStore> store_;
  ingest::NearDuplicateIndex near_duplicates_;
  std::vector<doc::Document> batch_;
  std::vector<ArticleRow> rows_;
  RunCounts counts_;
  Status store_error_;
};

Status CodeRun::SetUp() {
  std::string model = options_.tokenizer_model.empty()
                          ? base::ModelsDir() + "/tokenizer-en.khm"
                          : options_.tokenizer_model;
  KH_ASSIGN_OR_RETURN(std::unique_ptr<text::TextStage> text_stage, text::TextStage::Create(model));
  pipeline_.Add(std::move(text_stage));
  if (options_.db_path.empty()) return Status();
  KH_ASSIGN_OR_RETURN(store_, store::SqliteStore::Open(options_.db_path));
  KH_ASSIGN_OR_RETURN(std::vector<store::StoredFingerprint> fingerprints,
                      store_->LoadFingerprints());
  for (const store::StoredFingerprint& fingerprint : fingerprints) {
    near_duplicates_.Add(fingerprint.doc_id, fingerprint.simhash);
  }
  return Status();
}

void CodeRun::ReadInput(const std::string& path, const ingest::Ingestor& ingestor) {
  ingestor.ReadPath(
      path, [this](doc::Document&& document) { OnDocument(std::move(document)); },
      [this](const ingest::IngestError& error) { OnError(error); },
      [this](const ingest::IngestError& warning) { OnWarning(warning); });
}

void CodeRun::OnDocument(doc::Document&& document) {
  ++counts_.read;
  pipeline::StageFailure failure;
  if (Status status = pipeline_.Run(document, &failure); !status.ok()) {
    OnError({document.source_path, document.source_line, 0, status});
    return;
  }
  MarkNearDuplicate(document);
  counts_.sentences += document.sentences.size();
  counts_.tokens += document.tokens.size();
  rows_.push_back({document.id, document.outlet, document.published,
                   document.near_duplicate_of.empty() ? ""
                                                      : "near-duplicate of " +
                                                            document.near_duplicate_of,
                   document.sentences.size(), document.tokens.size()});
  batch_.push_back(std::move(document));
  progress_.Update(fmt::format("coded {} articles, {} failed", counts_.read, counts_.failed_inputs));
  if (batch_.size() >= options_.batch_size) {
    if (Status status = Flush(); !status.ok() && store_error_.ok()) store_error_ = status;
  }
}

void CodeRun::MarkNearDuplicate(doc::Document& document) {
  if (std::optional<std::string> original = near_duplicates_.FindNear(document.simhash)) {
    document.near_duplicate_of = *original;
    ++counts_.near_duplicates;
  }
  near_duplicates_.Add(document.id, document.simhash);
}

void CodeRun::OnError(const ingest::IngestError& error) {
  ++counts_.failed_inputs;
  progress_.Finish();
  fmt::print(stderr, "error: {}\n", error.ToString());
  if (store_ == nullptr) return;
  store::QuarantineRecord record{error.path, "", "ingest", error.line, error.byte_offset,
                                 std::string(StatusCodeName(error.status.code())),
                                 std::string(error.status.message())};
  if (Status status = store_->Quarantine(record); !status.ok() && store_error_.ok()) {
    store_error_ = status;
  }
}

void CodeRun::OnWarning(const ingest::IngestError& warning) {
  ++counts_.warnings;
  progress_.Finish();
  fmt::print(stderr, "warning: {}\n", warning.ToString());
}

Status CodeRun::Flush() {
  if (batch_.empty()) return Status();
  std::vector<const doc::Document*> pointers;
  for (const doc::Document& document : batch_) pointers.push_back(&document);
  if (store_ != nullptr) {
    KH_ASSIGN_OR_RETURN(std::vector<store::DocumentWrite> writes, store_->WriteDocuments(pointers));
    for (const store::DocumentWrite& write : writes) {
      if (write.outcome == store::DocumentWrite::Outcome::kInserted) {
        ++counts_.inserted;
      } else {
        ++counts_.duplicates;
      }
    }
  }
  batch_.clear();
  return Status();
}

void PrintArticleTable(const std::vector<ArticleRow>& rows) {
  if (rows.empty()) return;
  fmt::print(stderr, "\n  {:<28} {:<24} {:<10} {:>9} {:>7}  {}\n", "article", "outlet", "published",
             "sentences", "tokens", "");
  for (const ArticleRow& row : rows) {
    fmt::print(stderr, "  {:<28.28} {:<24.24} {:<10} {:>9} {:>7}  {}\n", row.id, row.outlet,
               row.published.empty() ? "?" : row.published, row.sentences, row.tokens, row.note);
  }
  fmt::print(stderr, "\n");
}

void CodeRun::PrintSummary() {
  progress_.Finish();
  if (options_.quiet) return;
  PrintArticleTable(rows_);
  fmt::print(stderr, "coded {} articles: {} sentences, {} tokens, {} events; {} inputs failed\n",
             counts_.read, counts_.sentences, counts_.tokens, counts_.events,
             counts_.failed_inputs);
  if (store_ == nullptr) return;
  fmt::print(stderr, "stored {} new, {} already in the database, {} near-duplicates marked\n",
             counts_.inserted, counts_.duplicates, counts_.near_duplicates);
  StatusOr<store::StoreSummary> summary = store_->Summarize();
  if (!summary.ok()) return;
  fmt::print(stderr,
             "database {}: {} articles, {} sentences, {} tokens, {} events, {} quarantined inputs\n",
             options_.db_path, summary->documents, summary->sentences, summary->tokens,
             summary->events, summary->quarantined);
}

int RunCode(const CodeOptions& options) {
  ingest::IngestOptions ingest_options;
  ingest_options.meta_path = options.meta_path;
  ingest_options.max_file_bytes = options.max_file_mb << 20;
  StatusOr<ingest::Ingestor> ingestor = ingest::Ingestor::Create(ingest_options);
  if (!ingestor.ok()) {
    fmt::print(stderr, "error: {}\n", ingestor.status().message());
    return 2;
  }
  CodeRun run(options);
  if (Status status = run.SetUp(); !status.ok()) {
    fmt::print(stderr, "error: {}\n", status.message());
    return 2;
  }
  for (const std::string& input : options.inputs) run.ReadInput(input, *ingestor);
  Status status = run.Flush();
  run.PrintSummary();
  if (!status.ok()) {
    fmt::print(stderr, "error: {}\n", status.message());
    return 2;
  }
  return run.counts().failed_inputs > 0 ? 1 : 0;
}

}  // namespace

void RegisterCodeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CodeOptions>();
  CLI::App* command = app.add_subcommand(
      "code", "Code articles into events: ingest, analyse, store, and print events as JSON Lines");
  command->add_option("inputs", options->inputs,
                      "Article files or directories (text, JSONL, HTML, RSS/Atom)")
      ->required();
  command->add_option("--meta", options->meta_path,
                      "Sidecar JSONL mapping file names to outlet, title, published date, URL");
  command->add_option("--db", options->db_path, "SQLite database to store into (created if absent)");
  command->add_option("--format", options->format, "Event output on stdout")
      ->check(CLI::IsMember({"jsonl", "none"}));
  command->add_option("--tokenizer-model", options->tokenizer_model,
                      "Tokenizer model (default: $KHABAR_MODELS or models/, tokenizer-en.khm)");
  command->add_option("--batch-size", options->batch_size, "Articles per database transaction")
      ->check(CLI::Range(1, 100000));
  command->add_option("--max-file-mb", options->max_file_mb, "Refuse input files larger than this")
      ->check(CLI::Range(1, 4096));
  command->add_flag("-q,--quiet", options->quiet, "No summary and no progress line");
  command->callback([options, exit_code] { *exit_code = RunCode(*options); });
}

}  // namespace khabar::cli
