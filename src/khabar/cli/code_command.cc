// khabar code FILES... : ingest articles, run the pipeline, store them, print a summary.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/cli/coding_setup.h"
#include "khabar/cli/commands.h"
#include "khabar/cli/progress.h"
#include "khabar/counts/counts_stage.h"
#include "khabar/events/coding_stage.h"
#include "khabar/events/event_json.h"
#include "khabar/ingest/ingestor.h"
#include "khabar/ingest/near_duplicate.h"
#include "khabar/pipeline/analysis.h"
#include "khabar/pipeline/conllu_writer.h"
#include "khabar/pipeline/pipeline.h"
#include "khabar/store/open_store.h"
#include "khabar/when/when_stage.h"
#include "khabar/where/where_stage.h"

namespace khabar::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string meta_path;
  std::string db_path;
  std::string format = "jsonl";
  pipeline::AnalysisModels models;
  events::CodingStageOptions coding;
  bool dictionary_warnings = false;
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
  size_t read = 0, errors = 0, warnings = 0, inserted = 0, duplicates = 0, near_duplicates = 0,
         sentences = 0, tokens = 0, events = 0;
};

void PrintConllu(const doc::Document& document) {
  std::string out;
  pipeline::AppendConllu(document, out);
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void PrintLine(std::string line) {
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stdout);
}

// The events of a run on stdout: JSON Lines, TSV with a header, or one GeoJSON
// FeatureCollection (opened by Begin, closed by End).
class EventPrinter {
 public:
  explicit EventPrinter(std::string format) : format_(std::move(format)) {}

  void Begin() {
    if (format_ == "tsv") PrintLine(events::EventTsvHeader());
    if (format_ == "geojson")
      std::fputs("{\"type\":\"FeatureCollection\",\"features\":[\n", stdout);
  }
  void Print(const doc::Document& document) {
    for (const doc::Event& event : document.events.events) {
      if (format_ == "jsonl") PrintLine(events::EventJson(document, event));
      if (format_ == "tsv") PrintLine(events::EventTsv(document, event));
      if (format_ == "geojson") {
        if (features_++ > 0) std::fputs(",\n", stdout);
        std::string feature = events::EventGeoJsonFeature(document, event);
        std::fwrite(feature.data(), 1, feature.size(), stdout);
      }
    }
  }
  void End() {
    if (format_ == "geojson") std::fputs("\n]}\n", stdout);
  }

 private:
  std::string format_;
  size_t features_ = 0;
};

// Drives one `khabar code` run: ingest -> pipeline -> batched store writes.
class CodeRun {
 public:
  explicit CodeRun(const CodeOptions& options)
      : options_(options), progress_(options.quiet), printer_(options.format) {}

  EventPrinter& printer() { return printer_; }

  Status SetUp();
  void ReadInput(const std::string& path, const ingest::Ingestor& ingestor);
  Status Flush();
  // Writes the last batch; returns the first store error of the whole run.
  Status Finish();
  void PrintSummary();
  const RunCounts& counts() const { return counts_; }

 private:
  void OnDocument(doc::Document&& document);
  // Prints the error and records it in the quarantine table.
  void ReportError(const ingest::IngestError& error, const std::string& doc_id,
                   const std::string& stage);
  void OnWarning(const ingest::IngestError& warning);
  void MarkNearDuplicate(doc::Document& document);

  const CodeOptions& options_;
  Progress progress_;
  EventPrinter printer_;
  pipeline::Pipeline pipeline_;
  std::unique_ptr<store::Store> store_;
  ingest::NearDuplicateIndex near_duplicates_;
  std::vector<doc::Document> batch_;
  std::vector<ArticleRow> rows_;
  RunCounts counts_;
  Status store_error_;
};

Status CodeRun::SetUp() {
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, LoadAnalysis(options_.models, options_.quiet));
  analysis.MoveStagesInto(pipeline_);
  KH_ASSIGN_OR_RETURN(std::unique_ptr<events::CodingStage> coding,
                      LoadCoder(options_.coding.dictionary_dir));
  ReportDictionaryWarnings(coding->warnings(), options_.dictionary_warnings, options_.quiet);
  pipeline_.Add(std::move(coding));
  pipeline_.Add(std::make_unique<when::WhenStage>());
  KH_ASSIGN_OR_RETURN(std::unique_ptr<where::WhereStage> where,
                      where::WhereStage::Create(where::WhereStageOptions{}));
  pipeline_.Add(std::move(where));
  pipeline_.Add(std::make_unique<counts::CountsStage>());
  if (options_.db_path.empty()) return Status();
  KH_ASSIGN_OR_RETURN(store_, store::OpenStore(options_.db_path));
  KH_ASSIGN_OR_RETURN(std::vector<store::StoredFingerprint> fingerprints,
                      store_->LoadFingerprints());
  for (const store::StoredFingerprint& fingerprint : fingerprints) {
    // Rows stored before MinHash (schema version 1) have no signature and are skipped.
    ingest::MinHashSignature signature;
    if (ingest::ParseSignature(fingerprint.minhash, &signature)) {
      near_duplicates_.Add(fingerprint.doc_id, signature);
    }
  }
  return Status();
}

void CodeRun::ReadInput(const std::string& path, const ingest::Ingestor& ingestor) {
  ingestor.ReadPath(
      path, [this](doc::Document&& document) { OnDocument(std::move(document)); },
      [this](const ingest::IngestError& error) { ReportError(error, "", "ingest"); },
      [this](const ingest::IngestError& warning) { OnWarning(warning); });
}

void CodeRun::OnDocument(doc::Document&& document) {
  ++counts_.read;
  pipeline::StageFailure failure;
  if (Status status = pipeline_.Run(document, &failure); !status.ok()) {
    ReportError({document.source_path, document.source_line, 0, status}, document.id,
                failure.stage);
    return;
  }
  MarkNearDuplicate(document);
  if (options_.format == "conllu") PrintConllu(document);
  printer_.Print(document);
  counts_.events += document.events.events.size();
  counts_.sentences += document.sentences.size();
  counts_.tokens += document.tokens.size();
  rows_.push_back(
      {document.id, document.outlet, document.published,
       document.near_duplicate_of.empty() ? "" : "near-duplicate of " + document.near_duplicate_of,
       document.sentences.size(), document.tokens.size()});
  batch_.push_back(std::move(document));
  progress_.Update(fmt::format("coded {} articles, {} errors", counts_.read, counts_.errors));
  if (batch_.size() >= options_.batch_size) {
    if (Status status = Flush(); !status.ok() && store_error_.ok()) store_error_ = status;
  }
}

void CodeRun::MarkNearDuplicate(doc::Document& document) {
  ingest::MinHashSignature signature;
  if (!ingest::ParseSignature(document.minhash, &signature)) return;
  // Excluding the document's own id keeps a re-read article, already in the index from the
  // database, from being marked a near-duplicate of itself.
  if (std::optional<std::string> original = near_duplicates_.FindNear(signature, document.id)) {
    document.near_duplicate_of = *original;
    ++counts_.near_duplicates;
  }
  near_duplicates_.Add(document.id, signature);
}

void CodeRun::ReportError(const ingest::IngestError& error, const std::string& doc_id,
                          const std::string& stage) {
  ++counts_.errors;
  progress_.Finish();
  fmt::print(stderr, "error: {}\n", error.ToString());
  if (store_ == nullptr) return;
  store::QuarantineRecord record{error.path,
                                 doc_id,
                                 stage,
                                 error.line,
                                 error.byte_offset,
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
  // A failed batch is rolled back whole and reported, never retried.
  std::vector<doc::Document> batch = std::move(batch_);
  batch_.clear();
  std::vector<const doc::Document*> pointers;
  for (const doc::Document& document : batch) pointers.push_back(&document);
  size_t first_row = rows_.size() - batch.size();
  if (store_ == nullptr) return Status();
  KH_ASSIGN_OR_RETURN(std::vector<store::DocumentWrite> writes, store_->WriteDocuments(pointers));
  for (size_t index = 0; index < writes.size(); ++index) {
    if (writes[index].outcome == store::DocumentWrite::Outcome::kInserted) {
      ++counts_.inserted;
      continue;
    }
    // A re-read article: already stored, so it is no new near-duplicate either.
    ++counts_.duplicates;
    ArticleRow& row = rows_[first_row + index];
    if (!row.note.empty()) --counts_.near_duplicates;
    row.note = "already stored";
  }
  return Status();
}

Status CodeRun::Finish() {
  Status status = Flush();
  return store_error_.ok() ? status : store_error_;
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
  fmt::print(stderr,
             "coded {} articles: {} sentences, {} tokens, {} events; {} errors, {} warnings\n",
             counts_.read, counts_.sentences, counts_.tokens, counts_.events, counts_.errors,
             counts_.warnings);
  if (store_ == nullptr) return;
  fmt::print(stderr, "stored {} new, {} already in the database, {} near-duplicates marked\n",
             counts_.inserted, counts_.duplicates, counts_.near_duplicates);
  StatusOr<store::StoreSummary> summary = store_->Summarize();
  if (!summary.ok()) return;
  fmt::print(stderr,
             "database {}: {} articles, {} sentences, {} tokens, {} events from {} reports, {} "
             "quarantined inputs\n",
             store::RedactStoreSpec(options_.db_path), summary->documents, summary->sentences,
             summary->tokens, summary->events, summary->reports, summary->quarantined);
}

int RunCode(const CodeOptions& options) {
  StatusOr<ingest::Ingestor> ingestor = MakeIngestor(options.meta_path, options.max_file_mb);
  if (!ingestor.ok()) {
    fmt::print(stderr, "error: {}\n", ingestor.status().message());
    return 2;
  }
  CodeRun run(options);
  if (Status status = run.SetUp(); !status.ok()) {
    fmt::print(stderr, "error: {}\n", status.message());
    return 2;
  }
  run.printer().Begin();
  for (const std::string& input : options.inputs) run.ReadInput(input, *ingestor);
  run.printer().End();
  Status status = run.Finish();
  run.PrintSummary();
  if (!status.ok()) {
    fmt::print(stderr, "error: {}\n", status.message());
    return 2;
  }
  return run.counts().errors > 0 ? 1 : 0;
}

}  // namespace

void RegisterCodeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CodeOptions>();
  CLI::App* command = app.add_subcommand(
      "code", "Code articles into events: ingest, analyse, store, and print events as JSON Lines");
  command
      ->add_option("inputs", options->inputs,
                   "Article files or directories (text, JSONL, HTML, RSS/Atom)")
      ->required();
  command->add_option("--meta", options->meta_path,
                      "Sidecar JSONL mapping file names to outlet, title, published date, URL");
  command->add_option("--db", options->db_path,
                      "SQLite database file to store into (created if absent), or a PostgreSQL URI"
                      " postgresql://user@host:port/dbname or connection string \"host=... dbname=...\""
                      " (migrated on first use)");
  command
      ->add_option("--format", options->format,
                   "Output on stdout: events as JSON Lines, TSV (GDELT-like columns) or a GeoJSON "
                   "FeatureCollection, each article's analysis as CoNLL-U, or none")
      ->check(CLI::IsMember({"jsonl", "tsv", "geojson", "conllu", "none"}));
  AddModelOptions(*command, options->models);
  AddDictionaryOptions(*command, options->coding.dictionary_dir, options->dictionary_warnings);
  command->add_option("--batch-size", options->batch_size, "Articles per database transaction")
      ->check(CLI::Range(1, 100000));
  command->add_option("--max-file-mb", options->max_file_mb, "Refuse input files larger than this")
      ->check(CLI::Range(1, 4096));
  command->add_flag("-q,--quiet", options->quiet, "No summary and no progress line");
  command->callback([options, exit_code] { *exit_code = RunCode(*options); });
}

}  // namespace khabar::cli
